//! Every example answer from the seed API document (seed 004) and every recorded or quoted
//! answer in `shared/reference/easemob-rest-api.md`, fed through the endpoint that would receive
//! it. Values the documents elide (`…`, `XXXX`) are filled in; field names, value types, shapes
//! and key order are kept as documented.

use easemob_api::wire::{Affiliation, CreateChatroom, ModifyChatroom, NewUser};
use easemob_api::{
    AddMember, AddMembers, ApiError, CreateRoom, Credentials, DissolveRoom, Endpoint, ErrorKind,
    GetUser, HttpResponse, ListMembers, ListRooms, ListUsers, ModifyRoom, RegisterUsers,
    RemoveMember, RemoveMembers, RequestToken, RoomDetails, TransferRoom, UserJoinedRooms,
};
use std::fmt::Debug;

// ---------------------------------------------------------------------------------------------
// Helpers

fn answer(status: u16, body: &str) -> HttpResponse {
    HttpResponse::new(status, body)
}

fn ok(body: &str) -> HttpResponse {
    answer(200, body)
}

/// The parse must fail with an Easemob error body carrying exactly these fields.
#[track_caller]
fn expect_server_error<T: Debug>(
    result: Result<T, ApiError>,
    status: u16,
    code: &str,
    description: &str,
    exception: Option<&str>,
) -> ApiError {
    let err = match result {
        Err(e) => e,
        Ok(v) => panic!("expected a {status} {code} error, got Ok({v:?})"),
    };
    match &err {
        ApiError {
            kind: ErrorKind::Refused {
                status: s, body, ..
            },
            ..
        } => {
            assert_eq!(*s, status, "status");
            assert_eq!(body.error, code, "error code");
            assert_eq!(
                body.error_description.as_deref(),
                Some(description),
                "error_description"
            );
            assert_eq!(body.exception.as_deref(), exception, "exception");
            assert!(body.timestamp.is_some(), "timestamp is kept");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(err.status(), Some(status));
    assert_eq!(err.code(), Some(code));
    assert_eq!(err.description(), Some(description));
    // Every recorded refusal is one the typed model knows, so a page can match on it.
    assert_ne!(
        err.refusal(),
        Some(&easemob_api::Refusal::Other),
        "{code}: {description}"
    );
    err
}

/// The parse must fail as an unreadable body (never panic, never pretend to succeed).
#[track_caller]
fn expect_unreadable<T: Debug>(result: Result<T, ApiError>, status: u16, body: &str) -> String {
    match result {
        Err(ApiError {
            kind:
                ErrorKind::Unreadable {
                    status: s,
                    reason,
                    snippet,
                },
            ..
        }) => {
            assert_eq!(s, status, "status");
            assert!(!reason.is_empty(), "a reason is given");
            let expected: String = body.chars().take(200).collect();
            // ...with any token in it masked where it stands.
            let expected = easemob_api::http::mask_text(&expected);
            assert_eq!(snippet, expected, "snippet is the start of the body");
            assert!(!snippet.contains("YWMt"), "no token shown: {snippet}");
            reason
        }
        other => panic!("expected an unreadable body, got {other:?}"),
    }
}

fn token_call() -> RequestToken {
    RequestToken {
        credentials: Credentials {
            client_id: "YXA6i-Ak8Ol4Eei2l11ZjV-EAg".into(),
            client_secret: "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc".into(),
        },
        ttl: Some(1024000),
    }
}

fn joined(username: &str) -> UserJoinedRooms {
    UserJoinedRooms {
        username: username.into(),
        pagenum: Some(1),
        pagesize: Some(10),
    }
}

fn modify(id: &str) -> ModifyRoom {
    ModifyRoom {
        id: id.into(),
        changes: ModifyChatroom {
            name: Some("testchatroom".into()),
            description: Some("test".into()),
            maxusers: Some(300),
        },
    }
}

fn transfer(id: &str, new_owner: &str) -> TransferRoom {
    TransferRoom {
        id: id.into(),
        new_owner: new_owner.into(),
    }
}

fn create(owner: &str) -> CreateRoom {
    CreateRoom(CreateChatroom {
        name: "testchatroom1".into(),
        description: "test".into(),
        maxusers: Some(300),
        owner: owner.into(),
        members: Some(vec!["user2".into()]),
        custom: None,
    })
}

fn members_of(id: &str) -> ListMembers {
    ListMembers {
        id: id.into(),
        pagenum: Some(1),
        pagesize: Some(10),
    }
}

fn add_one(id: &str, user: &str) -> AddMember {
    AddMember {
        id: id.into(),
        username: user.into(),
    }
}

fn add_batch(id: &str, users: &[&str]) -> AddMembers {
    AddMembers {
        id: id.into(),
        usernames: users.iter().map(|u| u.to_string()).collect(),
    }
}

fn remove_one(id: &str, user: &str) -> RemoveMember {
    RemoveMember {
        id: id.into(),
        username: user.into(),
    }
}

fn remove_batch(id: &str, users: &[&str]) -> RemoveMembers {
    RemoveMembers {
        id: id.into(),
        usernames: users.iter().map(|u| u.to_string()).collect(),
    }
}

fn register(names: &[&str]) -> RegisterUsers {
    RegisterUsers {
        users: names
            .iter()
            .map(|n| NewUser {
                username: n.to_string(),
                password: "123456".into(),
                nickname: None,
            })
            .collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// Seed 004, § 获取 app 中的聊天室 (response example): `data` is one object, no envelope.

const LIST_ROOMS_SEED004: &str = include_str!("fixtures/list_rooms_seed004_data_object.json");

#[test]
fn a_room_list_with_data_as_an_object_still_shows_the_room() {
    let page = ListRooms::default().parse(&ok(LIST_ROOMS_SEED004)).unwrap();
    assert_eq!(page.items.len(), 1);
    let room = &page.items[0];
    assert_eq!(room.id, "66211860774913");
    assert_eq!(room.name, "testchatroom1");
    assert_eq!(room.owner, "user1");
    assert_eq!(room.affiliations_count, 2);
    assert_eq!(room.disabled, None);
    assert_eq!(page.cursor, None, "no cursor: nothing more to load");
}

// Seed 004, § 获取用户加入的聊天室 (response example); reference §2.2 [S1] quotes the same body.

const JOINED_ROOMS_SEED004: &str = include_str!("fixtures/joined_rooms_seed004.json");

#[test]
fn joined_rooms_with_disabled_sent_as_a_string_show_as_enabled() {
    let rooms = joined("user2").parse(&ok(JOINED_ROOMS_SEED004)).unwrap();
    assert_eq!(rooms.len(), 2);
    assert_eq!(rooms[0].id, "216295074234369");
    assert_eq!(rooms[0].name, "fd");
    assert_eq!(rooms[0].disabled, Some(false));
    assert_eq!(rooms[1].id, "216294461865985");
    assert_eq!(rooms[1].name, "testChatRoom");
    assert_eq!(rooms[1].disabled, Some(false));
}

// Seed 004, § 查询聊天室详情 (response example): `data` is one object, member listed before owner.

const DETAILS_SEED004: &str = include_str!("fixtures/room_details_seed004_data_object.json");

#[test]
fn a_detail_answer_with_data_as_an_object_still_lists_the_room() {
    let rooms = RoomDetails::one("66211860774913")
        .parse(&ok(DETAILS_SEED004))
        .unwrap();
    assert_eq!(rooms.len(), 1);
    let room = &rooms[0];
    assert_eq!(room.id, "66211860774913");
    assert_eq!(room.name, "testchatroom1");
    assert_eq!(room.description, "test");
    assert!(!room.membersonly);
    assert!(!room.allowinvites);
    assert_eq!(room.maxusers, 200);
    assert_eq!(room.owner, "user1");
    assert_eq!(room.created, 1542542951527);
    assert_eq!(room.custom, "");
    assert_eq!(room.affiliations_count, 2);
    assert!(room.public);
    assert_eq!(room.mute, None);
    assert_eq!(room.disabled, None);
}

#[test]
fn the_owner_is_recognised_even_when_listed_after_a_member() {
    let rooms = RoomDetails::one("66211860774913")
        .parse(&ok(DETAILS_SEED004))
        .unwrap();
    let affs = &rooms[0].affiliations;
    assert_eq!(
        affs,
        &vec![
            Affiliation::Member("user2".into()),
            Affiliation::Owner("user1".into())
        ]
    );
    assert!(!affs[0].is_owner());
    assert!(affs[1].is_owner());
    assert_eq!(affs[1].username(), rooms[0].owner);
}

// Seed 004, § 创建聊天室 (response example): only `data.id`.

const CREATE_SEED004: &str = include_str!("fixtures/create_room_seed004.json");

#[test]
fn creating_a_room_reports_the_new_id_even_without_an_envelope() {
    let id = create("user1").parse(&ok(CREATE_SEED004)).unwrap();
    assert_eq!(id, "66213271109633");
}

// Seed 004, § 修改聊天室信息 (response example): only `data` with three flags.

const MODIFY_SEED004: &str = include_str!("fixtures/modify_room_seed004.json");

#[test]
fn editing_a_room_reports_each_changed_field_with_the_name_as_groupname() {
    let flags = modify("66211860774913").parse(&ok(MODIFY_SEED004)).unwrap();
    assert_eq!(flags.groupname, Some(true));
    assert_eq!(flags.description, Some(true));
    assert_eq!(flags.maxusers, Some(true));
}

// Seed 004, § 转让聊天室 (response example): full envelope.

const TRANSFER_SEED004: &str = include_str!("fixtures/transfer_room_seed004.json");

#[test]
fn transferring_a_room_reports_the_new_owner_was_set() {
    let done = transfer("66202351157285", "user2")
        .parse(&ok(TRANSFER_SEED004))
        .unwrap();
    assert!(done);
}

// Seed 004, § 解散聊天室 (response example); reference §2.7 [S1] quotes the same body.

const DISSOLVE_SEED004: &str = include_str!("fixtures/dissolve_room_seed004.json");

#[test]
fn dissolving_a_room_reports_success_and_the_room_id() {
    let done = DissolveRoom {
        id: "66211860774913".into(),
    }
    .parse(&ok(DISSOLVE_SEED004))
    .unwrap();
    assert!(done.success);
    assert_eq!(done.id, "66211860774913");
}

// ---------------------------------------------------------------------------------------------
// Reference §0: the common success envelope [S1, S3, S4], here as a list-rooms page that has
// more rows after it (with `path`, `params`, `properties` and `cursor`).

const LIST_ROOMS_WITH_CURSOR: &str =
    include_str!("fixtures/list_rooms_page_with_cursor_envelope_s1.json");

#[test]
fn a_room_list_page_with_a_cursor_offers_the_next_page() {
    let page = ListRooms {
        limit: Some(2),
        cursor: None,
    }
    .parse(&ok(LIST_ROOMS_WITH_CURSOR))
    .unwrap();
    let ids: Vec<&str> = page.items.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["66211860774913", "66213271109633"]);
    assert_eq!(page.items[0].owner, "user1");
    assert_eq!(page.items[1].affiliations_count, 1);
    assert_eq!(
        page.cursor.as_deref(),
        Some("LTgzMjE0Nzc2NDY3NDU4OjE2MDk2MjA2MTAwMDA2tB")
    );
}

// Reference §2.1, S4 real recording (2019): `data` array, no `applicationName`, no `cursor`.

const LIST_ROOMS_REAL_2019: &str = include_str!("fixtures/list_rooms_real_2019.json");

#[test]
fn a_real_room_list_without_an_application_name_is_read_as_the_last_page() {
    let page = ListRooms {
        limit: Some(10),
        cursor: None,
    }
    .parse(&ok(LIST_ROOMS_REAL_2019))
    .unwrap();
    assert_eq!(page.items.len(), 1);
    let room = &page.items[0];
    assert_eq!(room.id, "83214776467458");
    assert_eq!(room.name, "imautotest-9105976690");
    assert_eq!(room.owner, "imautotest-9105976690");
    assert_eq!(room.affiliations_count, 1);
    assert_eq!(page.cursor, None);
}

// Reference §2.2: S4 notes older recordings list joined rooms as `{id, name}` only (envelope
// rebuilt in the S4 style); S3 quotes the 404 for an unknown user.

const JOINED_ROOMS_S4: &str = include_str!("fixtures/joined_rooms_s4_without_disabled.json");
const JOINED_UNKNOWN_USER_S3: &str =
    include_str!("fixtures/error_404_joined_rooms_unknown_user_s3.json");

#[test]
fn joined_rooms_from_an_older_server_without_disabled_leave_it_unknown() {
    let rooms = joined("imautotest-9105976690")
        .parse(&ok(JOINED_ROOMS_S4))
        .unwrap();
    assert_eq!(rooms.len(), 1);
    assert_eq!(rooms[0].id, "83214776467458");
    assert_eq!(rooms[0].name, "imautotest-9105976690");
    assert_eq!(rooms[0].disabled, None);
}

#[test]
fn joined_rooms_of_an_unknown_user_say_the_username_does_not_exist() {
    expect_server_error(
        joined("user10").parse(&answer(404, JOINED_UNKNOWN_USER_S3)),
        404,
        "resource_not_found",
        "username user10 doesn't exist!",
        Some("com.easemob.group.exception.ResourceNotFoundException"),
    );
}

// Reference §2.3: S4 real recording (2019, `data` array of one) and the S3 404 for an unknown id
// (the same 404 answers a member list of an unknown room, reference §3.1 [S1]).

const DETAILS_REAL_2019: &str = include_str!("fixtures/room_details_real_2019.json");
const GROUP_NOT_FOUND_S3: &str =
    include_str!("fixtures/error_404_service_resource_not_found_group_s3.json");

#[test]
fn a_real_detail_answer_shows_the_room_and_its_owner() {
    let rooms = RoomDetails::one("83215992815617")
        .parse(&ok(DETAILS_REAL_2019))
        .unwrap();
    assert_eq!(rooms.len(), 1);
    let room = &rooms[0];
    assert_eq!(room.id, "83215992815617");
    assert_eq!(room.name, "imautotest-3578266576");
    assert_eq!(room.description, "imautotest-3578266576");
    assert!(!room.membersonly);
    assert!(!room.allowinvites);
    assert_eq!(room.maxusers, 200);
    assert_eq!(room.owner, "imautotest-3578266576");
    assert_eq!(room.created, 1558759355082);
    assert_eq!(room.custom, "");
    assert_eq!(room.affiliations_count, 1);
    assert!(room.public);
    assert_eq!(room.affiliations.len(), 1);
    assert!(room.affiliations[0].is_owner());
    assert_eq!(room.affiliations[0].username(), "imautotest-3578266576");
}

#[test]
fn looking_up_a_room_that_does_not_exist_says_the_group_was_not_found() {
    expect_server_error(
        RoomDetails::one("6621186077491").parse(&answer(404, GROUP_NOT_FOUND_S3)),
        404,
        "service_resource_not_found",
        "do not find this group:6621186077491",
        Some("com.easemob.group.exception.ServiceResourceNotFoundException"),
    );
}

#[test]
fn listing_members_of_a_room_that_does_not_exist_says_the_group_was_not_found() {
    expect_server_error(
        members_of("6621186077491").parse(&answer(404, GROUP_NOT_FOUND_S3)),
        404,
        "service_resource_not_found",
        "do not find this group:6621186077491",
        Some("com.easemob.group.exception.ServiceResourceNotFoundException"),
    );
}

// Reference §2.4: S3 success body; S4 real 2019 validation errors (no `exception`); S3 404 body;
// 403 rows of the S1 error table (bodies rebuilt from status, code and message only).

const CREATE_S3: &str = include_str!("fixtures/create_room_s3.json");
const CREATE_OWNER_MISSING_2019: &str =
    include_str!("fixtures/error_400_create_owner_missing_real_2019.json");
const CREATE_NAME_MISSING_2019: &str =
    include_str!("fixtures/error_400_create_name_missing_real_2019.json");
const CREATE_UNKNOWN_USER_S3: &str = include_str!("fixtures/error_404_create_unknown_user_s3.json");
const CREATE_TOO_MANY_S1: &str =
    include_str!("fixtures/error_403_create_too_many_chatrooms_s1.json");
const CREATE_MEMBERS_OVER_MAX_S1: &str =
    include_str!("fixtures/error_403_create_members_over_maxusers_s1.json");

#[test]
fn a_full_create_answer_reports_the_new_room_id() {
    let id = create("user1").parse(&ok(CREATE_S3)).unwrap();
    assert_eq!(id, "66213271109633");
}

#[test]
fn creating_a_room_without_an_owner_explains_the_missing_field() {
    expect_server_error(
        create("").parse(&answer(400, CREATE_OWNER_MISSING_2019)),
        400,
        "invalid_parameter",
        "owner must be provided",
        None,
    );
}

#[test]
fn creating_a_room_without_a_name_explains_the_missing_field() {
    expect_server_error(
        create("user1").parse(&answer(400, CREATE_NAME_MISSING_2019)),
        400,
        "invalid_parameter",
        "chatroom must contain title/name field!",
        None,
    );
}

#[test]
fn creating_a_room_with_an_unregistered_user_names_that_user() {
    expect_server_error(
        create("user10").parse(&answer(404, CREATE_UNKNOWN_USER_S3)),
        404,
        "resource_not_found",
        "username user10 doesn't exist!",
        Some("com.easemob.group.exception.ResourceNotFoundException"),
    );
}

#[test]
fn creating_a_room_past_the_app_quota_says_too_many_chatrooms() {
    expect_server_error(
        create("user1").parse(&answer(403, CREATE_TOO_MANY_S1)),
        403,
        "exceed_limit",
        "appKey:easemob-demo#testapp has create too many chatrooms!",
        None,
    );
}

#[test]
fn creating_a_room_with_more_members_than_maxusers_is_refused() {
    expect_server_error(
        create("user1").parse(&answer(403, CREATE_MEMBERS_OVER_MAX_S1)),
        403,
        "exceed_limit",
        "members size is greater than max user size !",
        None,
    );
}

// Reference §2.5: S4 real recording (2019); an answer for a name-only edit (only the sent field is
// reported, [I] from the S5 UpdateRoomTest mock); S1 error rows, the forbidden_op one real (S4,
// no `exception`).

const MODIFY_REAL_2019: &str = include_str!("fixtures/modify_room_real_2019.json");
const MODIFY_NAME_ONLY_S5: &str = include_str!("fixtures/modify_room_name_only_s5.json");
const MODIFY_UNKNOWN_FIELD_S1: &str =
    include_str!("fixtures/error_400_modify_unknown_field_s1.json");
const MODIFY_TITLE_TOO_LONG_S1: &str =
    include_str!("fixtures/error_403_modify_title_too_long_s1.json");
const MODIFY_MAXUSERS_BELOW_COUNT: &str =
    include_str!("fixtures/error_403_modify_maxusers_below_member_count_real.json");

#[test]
fn a_real_edit_answer_reports_all_three_fields_changed() {
    let flags = modify("83065252675585")
        .parse(&ok(MODIFY_REAL_2019))
        .unwrap();
    assert_eq!(flags.groupname, Some(true));
    assert_eq!(flags.description, Some(true));
    assert_eq!(flags.maxusers, Some(true));
}

#[test]
fn renaming_a_room_reports_only_the_name_as_changed() {
    let call = ModifyRoom {
        id: "66211860774913".into(),
        changes: ModifyChatroom {
            name: Some("renamed".into()),
            ..ModifyChatroom::default()
        },
    };
    let flags = call.parse(&ok(MODIFY_NAME_ONLY_S5)).unwrap();
    assert_eq!(flags.groupname, Some(true));
    assert_eq!(flags.description, None);
    assert_eq!(flags.maxusers, None);
}

#[test]
fn editing_a_field_that_cannot_be_changed_is_reported_as_invalid() {
    expect_server_error(
        modify("66211860774913").parse(&answer(400, MODIFY_UNKNOWN_FIELD_S1)),
        400,
        "invalid_parameter",
        "some of [chatroom_id] are not valid fields",
        Some("com.easemob.group.exception.InvalidParameterException"),
    );
}

#[test]
fn a_too_long_room_name_is_reported_as_over_the_limit() {
    expect_server_error(
        modify("66211860774913").parse(&answer(403, MODIFY_TITLE_TOO_LONG_S1)),
        403,
        "exceed_limit",
        "title cannot exceed to 128",
        None,
    );
}

#[test]
fn lowering_maxusers_below_the_member_count_is_refused() {
    expect_server_error(
        modify("83065252675585").parse(&answer(403, MODIFY_MAXUSERS_BELOW_COUNT)),
        403,
        "forbidden_op",
        "current user count is larger than the maxUsers that you want to update !",
        None,
    );
}

// Reference §0 / §2.7: the common resource_not_found body [S1, S3, S4], which also answers edits,
// transfers and member changes on a room that does not exist.

const GRPID_NOT_FOUND_S3: &str =
    include_str!("fixtures/error_404_resource_not_found_grpid_s3.json");

#[test]
fn changing_a_room_that_does_not_exist_says_the_group_id_does_not_exist() {
    let status = 404;
    let code = "resource_not_found";
    let description = "grpID 6621186077491 does not exist!";
    let exception = Some("com.easemob.group.exception.ResourceNotFoundException");
    let resp = answer(status, GRPID_NOT_FOUND_S3);
    let id = "6621186077491";
    let dissolve = DissolveRoom { id: id.into() };
    expect_server_error(dissolve.parse(&resp), status, code, description, exception);
    expect_server_error(
        modify(id).parse(&resp),
        status,
        code,
        description,
        exception,
    );
    expect_server_error(
        transfer(id, "user2").parse(&resp),
        status,
        code,
        description,
        exception,
    );
    expect_server_error(
        add_one(id, "user1").parse(&resp),
        status,
        code,
        description,
        exception,
    );
    expect_server_error(
        add_batch(id, &["user1", "user2"]).parse(&resp),
        status,
        code,
        description,
        exception,
    );
    expect_server_error(
        remove_one(id, "user1").parse(&resp),
        status,
        code,
        description,
        exception,
    );
    expect_server_error(
        remove_batch(id, &["user1", "user2"]).parse(&resp),
        status,
        code,
        description,
        exception,
    );
}

// Reference §2.6: S1 error rows for a transfer (bodies rebuilt, newer short exception names).

const TRANSFER_SAME_OWNER_S1: &str = include_str!("fixtures/error_403_transfer_same_owner_s1.json");
const TRANSFER_UNKNOWN_OWNER_S1: &str =
    include_str!("fixtures/error_404_transfer_unknown_new_owner_s1.json");

#[test]
fn handing_a_room_to_its_current_owner_is_refused() {
    expect_server_error(
        transfer("66202351157285", "user1").parse(&answer(403, TRANSFER_SAME_OWNER_S1)),
        403,
        "forbidden_op",
        "new owner and old owner are the same",
        Some("EasemobForbiddenOpException"),
    );
}

#[test]
fn handing_a_room_to_an_unregistered_user_names_that_user() {
    expect_server_error(
        transfer("66202351157285", "user9").parse(&answer(404, TRANSFER_UNKNOWN_OWNER_S1)),
        404,
        "resource_not_found",
        "username user9 doesn't exist!",
        Some("com.easemob.group.exception.ResourceNotFoundException"),
    );
}

// Reference §3.1: the S1 example (owner first) and the S4 real recording's `data` (owner last,
// envelope rebuilt around it).

const MEMBERS_S1: &str = include_str!("fixtures/list_members_s1.json");
const MEMBERS_REAL_S4: &str = include_str!("fixtures/list_members_real_owner_last_s4.json");

#[test]
fn a_member_page_marks_the_owner_and_lists_the_others_as_members() {
    let members = ListMembers {
        id: "12273456789011".into(),
        pagenum: Some(2),
        pagesize: Some(2),
    }
    .parse(&ok(MEMBERS_S1))
    .unwrap();
    assert_eq!(
        members,
        vec![
            Affiliation::Owner("user1".into()),
            Affiliation::Member("user2".into())
        ]
    );
    assert!(members[0].is_owner());
    assert!(!members[1].is_owner());
    assert_eq!(members[1].username(), "user2");
}

#[test]
fn a_real_member_page_with_the_owner_last_still_finds_the_owner() {
    let members = members_of("83214776467458")
        .parse(&ok(MEMBERS_REAL_S4))
        .unwrap();
    assert_eq!(members.len(), 2);
    assert!(!members[0].is_owner());
    assert_eq!(members[0].username(), "imautotest-3438596799");
    assert!(members[1].is_owner());
    assert_eq!(members[1].username(), "imautotest-4761630544");
    let owners: Vec<&str> = members
        .iter()
        .filter(|m| m.is_owner())
        .map(|m| m.username())
        .collect();
    assert_eq!(owners, ["imautotest-4761630544"]);
}

// Reference §3.2: S1 example; 403 forbidden_op row of the S1 table (body rebuilt).

const ADD_ONE_S1: &str = include_str!("fixtures/add_member_s1.json");
const ADD_ONE_TOO_MANY_S1: &str =
    include_str!("fixtures/error_403_add_member_joined_too_many_s1.json");

#[test]
fn adding_one_member_confirms_the_user_and_the_room() {
    let added = add_one("66213271109633", "user1")
        .parse(&ok(ADD_ONE_S1))
        .unwrap();
    assert!(added.result);
    assert_eq!(added.action, "add_member");
    assert_eq!(added.id, "66213271109633");
    assert_eq!(added.user, "user1");
}

#[test]
fn adding_a_user_who_joined_too_many_rooms_is_refused_with_the_reason() {
    expect_server_error(
        add_one("66213271109633", "user1").parse(&answer(403, ADD_ONE_TOO_MANY_S1)),
        403,
        "forbidden_op",
        "can not join this group, reason:user user1 has joined too many chatrooms!",
        Some("EasemobForbiddenOpException"),
    );
}

// Reference §3.3: S1 example (`data` is one object with `newmembers`); 400 row of the S1 table.

const ADD_BATCH_S1: &str = include_str!("fixtures/add_members_batch_s1.json");
const ADD_BATCH_OVER_60_S1: &str = include_str!("fixtures/error_400_add_members_over_60_s1.json");

#[test]
fn adding_members_in_a_batch_lists_who_was_added() {
    let added = add_batch("66213271109633", &["user1", "user2"])
        .parse(&ok(ADD_BATCH_S1))
        .unwrap();
    assert_eq!(added.newmembers, ["user1", "user2"]);
    assert_eq!(added.action, "add_member");
    assert_eq!(added.id, "66213271109633");
}

#[test]
fn adding_more_than_sixty_members_at_once_is_refused() {
    expect_server_error(
        add_batch("66213271109633", &["user1"]).parse(&answer(400, ADD_BATCH_OVER_60_S1)),
        400,
        "invalid_parameter",
        "addMembers: addMembers number more than maxSize : 60",
        Some("com.easemob.group.exception.InvalidParameterException"),
    );
}

// Reference §3.4: S1 `data` object (envelope rebuilt); S1 400 forbidden_op row (body rebuilt).

const REMOVE_ONE_S1: &str = include_str!("fixtures/remove_member_s1.json");
const REMOVE_ONE_NOT_MEMBER_S1: &str =
    include_str!("fixtures/error_400_remove_member_not_a_member_s1.json");

#[test]
fn removing_one_member_confirms_the_user_left() {
    let removed = remove_one("66213271109633", "user1")
        .parse(&ok(REMOVE_ONE_S1))
        .unwrap();
    assert!(removed.result);
    assert_eq!(removed.action, "remove_member");
    assert_eq!(removed.reason, None);
    assert_eq!(removed.user, "user1");
    assert_eq!(removed.id, "66213271109633");
}

#[test]
fn removing_someone_who_is_not_a_member_is_refused() {
    expect_server_error(
        remove_one("66213271109633", "user1").parse(&answer(400, REMOVE_ONE_NOT_MEMBER_S1)),
        400,
        "forbidden_op",
        "users [user1] are not members of this group!",
        Some("EasemobForbiddenOpException"),
    );
}

// Reference §3.5: S1/S3/S4 batch removal with one failure and one success; S3 403 when none of the
// users are members (body rebuilt with the S3-era exception name).

const REMOVE_BATCH_S1: &str = include_str!("fixtures/remove_members_batch_s1.json");
const REMOVE_BATCH_NONE_MEMBERS_S3: &str =
    include_str!("fixtures/error_403_remove_members_none_are_members_s3.json");

#[test]
fn removing_several_members_reports_each_user_and_why_one_failed() {
    let results = remove_batch("66213271109633", &["user1", "user2"])
        .parse(&ok(REMOVE_BATCH_S1))
        .unwrap();
    assert_eq!(results.len(), 2);

    assert_eq!(results[0].user, "user1");
    assert!(!results[0].result);
    assert_eq!(results[0].action, "remove_member");
    assert_eq!(
        results[0].reason.as_deref(),
        Some("user: user1 doesn't exist in group: 66213271109633")
    );
    assert_eq!(results[0].id, "66213271109633");

    assert_eq!(results[1].user, "user2");
    assert!(results[1].result);
    assert_eq!(results[1].reason, None);
    assert_eq!(results[1].id, "66213271109633");
}

#[test]
fn a_single_removal_answer_also_reads_as_a_one_user_batch() {
    let results = remove_batch("66213271109633", &["user1"])
        .parse(&ok(REMOVE_ONE_S1))
        .unwrap();
    assert_eq!(results.len(), 1);
    assert!(results[0].result);
    assert_eq!(results[0].user, "user1");
}

#[test]
fn removing_several_users_none_of_whom_are_members_is_refused() {
    expect_server_error(
        remove_batch("66213271109633", &["user10", "user2"])
            .parse(&answer(403, REMOVE_BATCH_NONE_MEMBERS_S3)),
        403,
        "forbidden_op",
        "users [user10, user2] are not members of this group!",
        Some("com.easemob.group.exception.ForbiddenOpException"),
    );
}

// Reference §5, registering users [S1, S4]: one user; a batch with a `registerUserFailReason`;
// the S4 real duplicate and illegal-name errors.

const REGISTER_ONE_S1: &str = include_str!("fixtures/register_user_single_s1.json");
const REGISTER_BATCH_S1: &str = include_str!("fixtures/register_users_batch_one_failed_s1.json");
const REGISTER_DUPLICATE_S4: &str =
    include_str!("fixtures/error_400_register_duplicate_username_s4.json");
const REGISTER_ILLEGAL_S4: &str =
    include_str!("fixtures/error_400_register_illegal_username_s4.json");

#[test]
fn registering_one_user_shows_the_created_account() {
    let done = register(&["user1"]).parse(&ok(REGISTER_ONE_S1)).unwrap();
    assert!(done.failed.is_empty());
    assert_eq!(done.created.len(), 1);
    let user = &done.created[0];
    assert_eq!(user.username, "user1");
    assert_eq!(user.uuid, "0ffe2d80-ed76-11e8-8d66-279e3e1c214b");
    assert_eq!(user.kind, "user");
    assert_eq!(user.created, 1542795196504);
    assert_eq!(user.modified, 1542795196504);
    assert!(user.activated);
    assert_eq!(user.nickname.as_deref(), Some("testuser"));
}

#[test]
fn registering_a_batch_lists_who_was_created_and_who_failed_and_why() {
    let done = register(&["user1", "user2", "user3"])
        .parse(&ok(REGISTER_BATCH_S1))
        .unwrap();
    let created: Vec<&str> = done.created.iter().map(|u| u.username.as_str()).collect();
    assert_eq!(created, ["user1", "user2"]);
    assert_eq!(done.created[0].nickname.as_deref(), Some("testuser1"));
    assert_eq!(done.created[1].nickname, None);
    assert_eq!(done.failed.len(), 1);
    assert_eq!(done.failed[0].username, "user3");
    assert_eq!(done.failed[0].reason, "the user3 already exists");
}

#[test]
fn registering_a_taken_username_says_it_must_be_unique() {
    expect_server_error(
        register(&["user1"]).parse(&answer(400, REGISTER_DUPLICATE_S4)),
        400,
        "duplicate_unique_property_exists",
        "Application 8be024f0-e978-11e8-b697-5d598d5f8402 Entity user requires that property \
         named username be unique, value of user1 exists",
        Some("DuplicateUniquePropertyExistsException"),
    );
}

#[test]
fn registering_an_illegal_username_says_it_is_not_legal() {
    expect_server_error(
        register(&["user1"]).parse(&answer(400, REGISTER_ILLEGAL_S4)),
        400,
        "illegal_argument",
        "username [user#1] is not legal",
        Some("java.lang.IllegalArgumentException"),
    );
}

// Reference §5, looking users up [S1, S4]: one user (no `application`, `count` 1); the S4 real
// 404 with the short exception name.

const GET_USER_S1: &str = include_str!("fixtures/get_user_s1.json");
const GET_USER_NOT_FOUND_S4: &str =
    include_str!("fixtures/error_404_get_user_not_found_real_s4.json");

#[test]
fn looking_up_a_user_shows_the_account() {
    let user = GetUser {
        username: "user1".into(),
    }
    .parse(&ok(GET_USER_S1))
    .unwrap();
    assert_eq!(user.username, "user1");
    assert_eq!(user.uuid, "0ffe2d80-ed76-11e8-8d66-279e3e1c214b");
    assert_eq!(user.kind, "user");
    assert!(user.activated);
    assert_eq!(user.nickname.as_deref(), Some("testuser"));
}

#[test]
fn looking_up_an_unknown_user_says_not_found() {
    expect_server_error(
        GetUser {
            username: "nobody".into(),
        }
        .parse(&answer(404, GET_USER_NOT_FOUND_S4)),
        404,
        "service_resource_not_found",
        "Service resource not found",
        Some("UserNotFoundException"),
    );
}

// Reference §5, listing users [S1]: a page with a `cursor`, and the last page without one.

const USERS_WITH_CURSOR_S1: &str = include_str!("fixtures/list_users_page_with_cursor_s1.json");
const USERS_LAST_PAGE_S1: &str = include_str!("fixtures/list_users_last_page_s1.json");

#[test]
fn a_user_page_with_a_cursor_offers_the_next_page() {
    let page = ListUsers {
        limit: Some(2),
        cursor: None,
    }
    .parse(&ok(USERS_WITH_CURSOR_S1))
    .unwrap();
    let names: Vec<&str> = page.items.iter().map(|u| u.username.as_str()).collect();
    assert_eq!(names, ["user1", "user2"]);
    assert_eq!(
        page.cursor.as_deref(),
        Some("LTgzNDAxMjM3OTpnR2tBQVFNQWdBQUFHQUE3")
    );
}

#[test]
fn the_last_user_page_has_no_next_page() {
    let page = ListUsers {
        limit: Some(2),
        cursor: Some("LTgzNDAxMjM3OTpnR2tBQVFNQWdBQUFHQUE3".into()),
    }
    .parse(&ok(USERS_LAST_PAGE_S1))
    .unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].username, "user3");
    assert_eq!(page.cursor, None);
}

// Reference §1, tokens [S1]: the app-token answer; the user-token answer (a `user` object instead
// of `application`); the 400 row for a missing client id (body rebuilt).

const TOKEN_APP_S1: &str = include_str!("fixtures/token_app_s1.json");
const TOKEN_USER_S1: &str = include_str!("fixtures/token_user_grant_s1.json");
const TOKEN_NO_CLIENT_ID_S1: &str =
    include_str!("fixtures/error_400_token_client_id_missing_s1.json");

#[test]
fn signing_in_with_client_credentials_yields_a_token_and_its_lifetime() {
    let token = token_call().parse(&ok(TOKEN_APP_S1)).unwrap();
    assert_eq!(
        token.access_token,
        "YWMte3bGuOukEei2l11ZjV-EAgAAAWhx5NPwH7Pj4hR4c6Yq8R3Iu0Yl0nEo2Xs"
    );
    assert_eq!(token.expires_in, 1024000);
    assert_eq!(token.application, "8be024f0-e978-11e8-b697-5d598d5f8402");
}

#[test]
fn a_user_token_answer_still_yields_the_token_without_an_application() {
    let token = token_call().parse(&ok(TOKEN_USER_S1)).unwrap();
    assert!(token.access_token.starts_with("YWMtrR6ECkz8Eeyx"));
    assert_eq!(token.expires_in, 1024000);
    assert_eq!(token.application, "");
}

#[test]
fn signing_in_without_a_client_id_explains_the_missing_field() {
    let err = expect_server_error(
        token_call().parse(&answer(400, TOKEN_NO_CLIENT_ID_S1)),
        400,
        "illegal_argument",
        "client_id must be provided.",
        Some("java.lang.IllegalArgumentException"),
    );
    assert!(!err.is_unauthorized());
}

// Reference §0, auth error bodies: S4 real recordings, S3 older chatroom variant, and the two
// extra 401 rows of S1 error.md (bodies rebuilt). Key order as recorded (the corrupt-token one
// puts `exception` second).

const UNAUTHORIZED_OAUTH_S4: &str = include_str!("fixtures/error_401_unauthorized_oauth_s4.json");
const BAD_TOKEN_CORRUPT_S4: &str =
    include_str!("fixtures/error_401_auth_bad_access_token_corrupt_s4.json");
const TOKEN_BLANK_S4: &str =
    include_str!("fixtures/error_401_group_authorization_token_blank_s4.json");
const TOKEN_BAD_OR_EXPIRED_S3: &str =
    include_str!("fixtures/error_401_group_authorization_bad_or_expired_s3.json");
const UNAUTHORIZED_EXPIRED_S1: &str =
    include_str!("fixtures/error_401_unauthorized_expired_s1.json");
const BAD_TOKEN_S1: &str = include_str!("fixtures/error_401_auth_bad_access_token_s1.json");

#[test]
fn an_invalid_token_is_reported_as_unauthorized_on_every_list() {
    let resp = answer(401, UNAUTHORIZED_OAUTH_S4);
    let (code, text, exc) = (
        "unauthorized",
        "Unable to authenticate (OAuth)",
        Some("EasemobSecurityException"),
    );
    for err in [
        expect_server_error(ListRooms::default().parse(&resp), 401, code, text, exc),
        expect_server_error(joined("user1").parse(&resp), 401, code, text, exc),
        expect_server_error(members_of("1").parse(&resp), 401, code, text, exc),
        expect_server_error(ListUsers::default().parse(&resp), 401, code, text, exc),
    ] {
        assert!(err.is_unauthorized());
    }
}

#[test]
fn a_corrupt_token_is_reported_as_unauthorized() {
    let err = expect_server_error(
        RoomDetails::one("83215992815617").parse(&answer(401, BAD_TOKEN_CORRUPT_S4)),
        401,
        "auth_bad_access_token",
        "Unable to authenticate due to corrupt access token",
        Some("EasemobSecurityException"),
    );
    assert!(err.is_unauthorized());
}

#[test]
fn a_missing_token_on_a_chatroom_call_says_the_token_is_blank() {
    let err = expect_server_error(
        create("user1").parse(&answer(401, TOKEN_BLANK_S4)),
        401,
        "group_authorization",
        "token is blank!",
        Some("com.easemob.group.exception.GroupAuthorizationException"),
    );
    assert!(err.is_unauthorized());
}

#[test]
fn an_old_cluster_rejecting_the_token_on_a_chatroom_call_is_unauthorized() {
    let err = expect_server_error(
        DissolveRoom {
            id: "66211860774913".into(),
        }
        .parse(&answer(401, TOKEN_BAD_OR_EXPIRED_S3)),
        401,
        "group_authorization",
        "this token is bad, or has expired!",
        Some("com.easemob.group.exception.GroupAuthorizationException"),
    );
    assert!(err.is_unauthorized());
}

#[test]
fn an_expired_token_is_reported_as_unauthorized() {
    let err = expect_server_error(
        GetUser {
            username: "user1".into(),
        }
        .parse(&answer(401, UNAUTHORIZED_EXPIRED_S1)),
        401,
        "unauthorized",
        "Unable to authenticate due to expired access token",
        Some("EasemobSecurityException"),
    );
    assert!(err.is_unauthorized());
}

#[test]
fn a_bad_token_is_reported_as_unauthorized() {
    let err = expect_server_error(
        modify("66211860774913").parse(&answer(401, BAD_TOKEN_S1)),
        401,
        "auth_bad_access_token",
        "Unable to authenticate",
        Some("EasemobSecurityException"),
    );
    assert!(err.is_unauthorized());
}

// Reference §6, rate limit [S2 error.md row; body rebuilt, exception unknown so left out].

const REACH_LIMIT_S2: &str = include_str!("fixtures/error_429_reach_limit_s2.json");

#[test]
fn calling_too_fast_is_reported_as_the_api_limit() {
    let err = expect_server_error(
        ListRooms::default().parse(&answer(429, REACH_LIMIT_S2)),
        429,
        "reach_limit",
        "This request has reached api limit",
        None,
    );
    assert!(!err.is_unauthorized());
}

// ---------------------------------------------------------------------------------------------
// Answers that are not Easemob's: a proxy's HTML error page, and 200s of the wrong shape.

const PROXY_502_HTML: &str = include_str!("fixtures/proxy_502_bad_gateway.html");

#[test]
fn a_proxy_error_page_is_reported_as_unreadable_not_as_a_server_error() {
    let resp = answer(502, PROXY_502_HTML);
    expect_unreadable(ListRooms::default().parse(&resp), 502, PROXY_502_HTML);
    expect_unreadable(token_call().parse(&resp), 502, PROXY_502_HTML);
    expect_unreadable(RoomDetails::one("1").parse(&resp), 502, PROXY_502_HTML);
    expect_unreadable(
        remove_batch("1", &["user1", "user2"]).parse(&resp),
        502,
        PROXY_502_HTML,
    );
    expect_unreadable(register(&["user1"]).parse(&resp), 502, PROXY_502_HTML);
    let err = ListUsers::default().parse(&resp).unwrap_err();
    assert_eq!(err.status(), Some(502));
    assert_eq!(err.code(), None);
    assert!(err.to_string().contains("502"));
}

#[test]
fn an_html_page_served_with_200_is_reported_as_unreadable() {
    let resp = ok(PROXY_502_HTML);
    expect_unreadable(ListRooms::default().parse(&resp), 200, PROXY_502_HTML);
    expect_unreadable(token_call().parse(&resp), 200, PROXY_502_HTML);
    expect_unreadable(members_of("1").parse(&resp), 200, PROXY_502_HTML);
    expect_unreadable(
        GetUser {
            username: "user1".into(),
        }
        .parse(&resp),
        200,
        PROXY_502_HTML,
    );
}

#[test]
fn an_empty_error_answer_is_reported_as_unreadable() {
    expect_unreadable(
        DissolveRoom { id: "1".into() }.parse(&answer(504, "")),
        504,
        "",
    );
    expect_unreadable(create("user1").parse(&ok("")), 200, "");
}

#[test]
fn an_answer_cut_off_halfway_is_reported_as_unreadable() {
    let cut = &DETAILS_REAL_2019[..DETAILS_REAL_2019.len() / 2];
    expect_unreadable(RoomDetails::one("83215992815617").parse(&ok(cut)), 200, cut);
    let cut = &REMOVE_BATCH_S1[..REMOVE_BATCH_S1.len() / 2];
    expect_unreadable(remove_batch("1", &["user1"]).parse(&ok(cut)), 200, cut);
}

#[test]
fn an_answer_of_the_wrong_shape_is_reported_as_unreadable() {
    // A room list where a token was expected: no access_token.
    expect_unreadable(
        token_call().parse(&ok(LIST_ROOMS_REAL_2019)),
        200,
        LIST_ROOMS_REAL_2019,
    );
    // A token where room details were expected: no `data` at all.
    expect_unreadable(
        RoomDetails::one("1").parse(&ok(TOKEN_APP_S1)),
        200,
        TOKEN_APP_S1,
    );
    // A room list (an array) where the created room's id object was expected.
    expect_unreadable(
        create("user1").parse(&ok(LIST_ROOMS_REAL_2019)),
        200,
        LIST_ROOMS_REAL_2019,
    );
    // A member list (single-key objects) where a room list was expected.
    expect_unreadable(ListRooms::default().parse(&ok(MEMBERS_S1)), 200, MEMBERS_S1);
    // Room details where members were expected.
    expect_unreadable(
        members_of("1").parse(&ok(DETAILS_REAL_2019)),
        200,
        DETAILS_REAL_2019,
    );
    // A batch-add answer (`newmembers`) where removal results were expected.
    expect_unreadable(
        remove_batch("1", &["user1", "user2"]).parse(&ok(ADD_BATCH_S1)),
        200,
        ADD_BATCH_S1,
    );
    // A dissolve answer where a transfer flag was expected.
    expect_unreadable(
        transfer("1", "user2").parse(&ok(DISSOLVE_SEED004)),
        200,
        DISSOLVE_SEED004,
    );
    // A room answer where a user was expected: `entities` is empty.
    expect_unreadable(
        GetUser {
            username: "user1".into(),
        }
        .parse(&ok(CREATE_S3)),
        200,
        CREATE_S3,
    );
    // `data` as a string, `disabled` as a word that is not a boolean.
    let body = r#"{"data":"66211860774913"}"#;
    expect_unreadable(ListRooms::default().parse(&ok(body)), 200, body);
    let body = r#"{"data":[{"id":"1","name":"a","disabled":"maybe"}]}"#;
    expect_unreadable(joined("user1").parse(&ok(body)), 200, body);
    // A JSON error body sent with 200 is not a success.
    expect_unreadable(
        add_one("1", "user1").parse(&ok(GRPID_NOT_FOUND_S3)),
        200,
        GRPID_NOT_FOUND_S3,
    );
}

#[test]
fn an_error_status_with_json_that_is_not_an_easemob_error_is_unreadable() {
    let body = r#"{"message":"Internal Server Error","status":500}"#;
    expect_unreadable(ListRooms::default().parse(&answer(500, body)), 500, body);
}

// ---------------------------------------------------------------------------------------------
// Every fixture on disk is used above.

#[test]
fn every_recorded_fixture_is_exercised() {
    let this_file = include_str!("recorded_responses.rs");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 50, "fixtures found: {names:?}");
    for name in names {
        assert!(
            this_file.contains(&format!("fixtures/{name}\")")),
            "fixture {name} is not included by any test"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Moderation (reference section 4: the documents' examples, and the 2019–2022 recordings)

mod moderation {
    use super::*;
    use easemob_api::wire::{ListChange, MuteResult, MutedUser};
    use easemob_api::{
        AddAdmin, AddSuperAdmin, AddToRoomList, DeleteAttributes, GetAnnouncement, GetAttributes,
        KeyReason, ListAdmins, ListMutes, ListRoomList, ListSuperAdmins, Mute, MuteAll, Refusal,
        RemoveAdmin, RemoveFromRoomList, RemoveSuperAdmin, RoomList, SetAnnouncement,
        SetAttributes, Unmute, UserReason,
    };

    fn env(data: &str) -> String {
        format!(
            r#"{{"action":"post","application":"8be024f0-e978-11e8-b697-5d598d5f8402","uri":"https://a1.easemob.com/XXXX/testapp/chatrooms/66213271109633","entities":[],"data":{data},"timestamp":1542545100474,"duration":0,"organization":"XXXX","applicationName":"testapp"}}"#
        )
    }

    fn room() -> String {
        "66213271109633".into()
    }

    #[test]
    fn admins_are_read_with_the_string_success() {
        let list = ListAdmins { id: room() };
        assert_eq!(list.parse(&ok(&env(r#"["user1"]"#))).unwrap(), ["user1"]);
        let add = AddAdmin {
            id: room(),
            username: "user1".into(),
        };
        let added = add
            .parse(&ok(&env(r#"{"result":"success","newadmin":"user1"}"#)))
            .unwrap();
        assert_eq!(
            (added.result.as_str(), added.newadmin.as_str()),
            ("success", "user1")
        );
        let remove = RemoveAdmin {
            id: room(),
            username: "user1".into(),
        };
        let removed = remove
            .parse(&ok(&env(r#"{"result":"success","oldadmin":"user1"}"#)))
            .unwrap();
        assert_eq!(removed.oldadmin, "user1");
    }

    #[test]
    fn the_mute_list_and_its_changes() {
        let listed = ListMutes { id: room() }
            .parse(&ok(&env(r#"[{"expire":1489158589481,"user":"user1"}]"#)))
            .unwrap();
        assert_eq!(
            listed,
            [MutedUser {
                expire: 1489158589481,
                user: "user1".into()
            }]
        );
        let mute = Mute {
            id: room(),
            usernames: vec!["user1".into()],
            ..Default::default()
        };
        let muted = mute
            .parse(&ok(&env(
                r#"[{"result":true,"expire":1489158589481,"user":"user1"}]"#,
            )))
            .unwrap();
        assert_eq!(
            muted,
            [MuteResult {
                result: true,
                expire: Some(1489158589481),
                reason: None,
                user: "user1".into()
            }]
        );
        let unmute = Unmute {
            id: room(),
            usernames: vec!["user1".into()],
        };
        assert!(
            unmute
                .parse(&ok(&env(r#"[{"result":true,"user":"user1"}]"#)))
                .unwrap()[0]
                .result
        );
        // Recorded: the POST that mutes everyone answers with the action "put".
        let all = MuteAll {
            id: room(),
            mute: true,
        };
        let body = r#"{"action":"put","application":"52XXXXf0","uri":"https://XXXX/XXXX/XXXX/chatrooms/12XXXX11/ban","entities":[],"data":{"mute":true},"timestamp":1594628861058,"duration":1,"organization":"XXXX","applicationName":"XXXX"}"#;
        assert!(all.parse(&ok(body)).unwrap().mute);
    }

    #[test]
    fn muting_a_non_member_as_recorded_in_2019() {
        let body = r#"{"error":"invalid_parameter","exception":"com.easemob.group.exception.InvalidParameterException","timestamp":1563776390166,"duration":0,"error_description":"users [imautotest-8326632078] are not members of this group!"}"#;
        let mute = Mute {
            id: room(),
            usernames: vec!["imautotest-8326632078".into()],
            ..Default::default()
        };
        let err = expect_server_error(
            mute.parse(&answer(400, body)),
            400,
            "invalid_parameter",
            "users [imautotest-8326632078] are not members of this group!",
            Some("com.easemob.group.exception.InvalidParameterException"),
        );
        assert_eq!(
            err.refusal(),
            Some(&Refusal::MuteNotMembers {
                users: vec!["imautotest-8326632078".into()]
            })
        );
    }

    #[test]
    fn block_and_allow_results_name_the_room_either_way() {
        let block = AddToRoomList {
            id: room(),
            list: RoomList::Block,
            usernames: vec!["user1".into()],
        };
        // The documents' `chatroomid`, one object for one user.
        let one = block
            .parse(&ok(&env(r#"{"result":true,"action":"add_blocks","user":"user1","chatroomid":"66213271109633"}"#)))
            .unwrap();
        assert_eq!(one[0].chatroomid, "66213271109633");
        // The recordings' `id`, an array for a batch, with a reason for a user not done.
        let many = block
            .parse(&ok(&env(
                r#"[{"result":true,"action":"add_blocks","user":"user1","id":"66213271109633"},{"result":false,"action":"add_blocks","reason":"user: user3 doesn't exist in chatroom: 66213271109633","user":"user3","id":"66213271109633"}]"#,
            )))
            .unwrap();
        assert_eq!(many[0].chatroomid, "66213271109633");
        assert_eq!(
            UserReason::parse(many[1].reason.as_deref().unwrap()),
            UserReason::NotInRoom {
                user: "user3".into(),
                room: "66213271109633".into()
            }
        );
        let allow = RemoveFromRoomList {
            id: room(),
            list: RoomList::Allow,
            usernames: vec!["user1".into()],
        };
        let removed: Vec<ListChange> = allow
            .parse(&ok(&env(r#"[{"result":true,"action":"remove_user_whitelist","user":"user1","chatroomid":"66213271109633"}]"#)))
            .unwrap();
        assert_eq!(removed[0].action, "remove_user_whitelist");
        let listed = ListRoomList {
            id: room(),
            list: RoomList::Allow,
        }
        .parse(&ok(&env(r#"["wzy_test","wzy_vivo"]"#)))
        .unwrap();
        assert_eq!(listed, ["wzy_test", "wzy_vivo"]);
    }

    #[test]
    fn the_announcement_read_set_and_refused_when_too_long() {
        // Recorded: `count` and `properties` beside the announcement.
        let body = r#"{"action":"get","application":"52XXXXf0","uri":"https://XXXX/XXXX/XXXX/chatrooms/12XXXX11/announcement","entities":[],"data":{"announcement":"XXXXXX"},"timestamp":1594628861058,"properties":{},"duration":0,"organization":"XXXX","applicationName":"XXXX","count":0}"#;
        assert_eq!(
            GetAnnouncement { id: room() }.parse(&ok(body)).unwrap(),
            "XXXXXX"
        );
        let set = SetAnnouncement {
            id: room(),
            text: "x".into(),
        };
        assert!(
            set.parse(&ok(&env(r#"{"id":"12XXXX11","result":true}"#)))
                .unwrap()
                .result
        );
        let body = r#"{"error":"forbidden_op","exception":"com.easemob.group.exception.ForbiddenOpException","timestamp":1594628861058,"duration":0,"error_description":"announce info length exceeds limit!"}"#;
        let err = expect_server_error(
            set.parse(&answer(403, body)),
            403,
            "forbidden_op",
            "announce info length exceeds limit!",
            Some("com.easemob.group.exception.ForbiddenOpException"),
        );
        assert_eq!(err.refusal(), Some(&Refusal::AnnouncementTooLong));
    }

    #[test]
    fn attributes_in_the_slim_envelope_with_their_errors() {
        let set = SetAttributes {
            id: room(),
            user: "user1".into(),
            ..Default::default()
        };
        let body = r#"{"uri":"https://XXXX/XXXX/XXXX/metadata/chatroom/662XXXX13/user/user1","timestamp":1692934636412,"action":"put","data":{"successKeys":["key1"],"errorKeys":{"key2":"properties key 'key2' is exceeding maximum limit 128"}}}"#;
        let done = set.parse(&ok(body)).unwrap();
        assert_eq!(done.success_keys, ["key1"]);
        assert_eq!(
            KeyReason::parse("key2", &done.error_keys["key2"]),
            KeyReason::KeyTooLong { max: 128 }
        );
        let delete = DeleteAttributes {
            id: room(),
            user: "user1".into(),
            ..Default::default()
        };
        let body = r#"{"uri":"https://XXXX/XXXX/XXXX/metadata/chatroom/662XXXX13/user/user1","timestamp":1692934636412,"action":"delete","data":{"successKeys":["key1"],"errorKeys":{}},"status":"ok"}"#;
        assert_eq!(delete.parse(&ok(body)).unwrap().success_keys, ["key1"]);
        let body = r#"{"uri":"https://XXXX/XXXX/XXXX/metadata/chatroom/662XXXX13","timestamp":1692934636412,"action":"post","data":{"key1":"value1","key2":"value2"}}"#;
        let read = GetAttributes {
            id: room(),
            keys: vec![],
        }
        .parse(&ok(body))
        .unwrap();
        assert_eq!(read["key2"], "value2");
        // Documented with the exception's name where the `error` code usually is.
        let body = r#"{"error":"MetadataException","timestamp":1692934636412,"duration":0,"error_description":"user is not in chatroom"}"#;
        let err = set.parse(&answer(401, body)).unwrap_err();
        assert_eq!(err.refusal(), Some(&Refusal::AttributeUserNotInRoom));
        assert!(
            !err.is_unauthorized(),
            "not a token problem: no renewal, no prompt"
        );
        let body = r#"{"error":"","timestamp":1692934636412,"duration":0,"error_description":"exceed allowed batch size 10"}"#;
        let err = set.parse(&answer(400, body)).unwrap_err();
        assert_eq!(
            err.refusal(),
            Some(&Refusal::AttributeBatchTooLarge { max: 10 })
        );
        let body = r#"{"error":"","timestamp":1692934636412,"duration":0,"error_description":"others are not allowed to be set"}"#;
        assert_eq!(
            set.parse(&answer(400, body)).unwrap_err().refusal(),
            Some(&Refusal::AttributesOfOthers)
        );
    }

    #[test]
    fn super_admins_as_documented_and_recorded() {
        let add = AddSuperAdmin {
            username: "user1".into(),
        };
        assert_eq!(
            add.parse(&ok(&env(r#"{"result":"success","resource":""}"#)))
                .unwrap()
                .result,
            "success"
        );
        let body = r#"{"action":"get","application":"8be024f0-e978-11e8-b697-5d598d5f8402","params":{"pagesize":["2"],"pagenum":["2"]},"uri":"https://XXXX/XXXX/XXXX/chatrooms/super_admin","entities":[],"data":["hXXXX1","hXXXX2"],"timestamp":1596187292391,"duration":0,"organization":"XXXX","applicationName":"testapp","count":2}"#;
        let page = ListSuperAdmins {
            pagenum: Some(2),
            pagesize: Some(2),
        }
        .parse(&ok(body))
        .unwrap();
        assert_eq!(page, ["hXXXX1", "hXXXX2"]);
        let remove = RemoveSuperAdmin {
            username: "XXXX".into(),
        };
        let body = r#"{"action":"delete","application":"8be024f0-e978-11e8-b697-5d598d5f8402","uri":"https://XXXX/XXXX/XXXX/chatrooms/super_admin/XXXX","entities":[],"data":{"newSuperAdmin":"XXXX","resource":""},"timestamp":1596187855832,"properties":{},"duration":0,"organization":"XXXX","applicationName":"testapp"}"#;
        assert_eq!(remove.parse(&ok(body)).unwrap().new_super_admin, "XXXX");
        let body = r#"{"error":"resource_not_found","exception":"com.easemob.group.exception.ResourceNotFoundException","timestamp":1596187855832,"duration":0,"error_description":"username XXX doesn't exist!"}"#;
        let err = expect_server_error(
            add.parse(&answer(404, body)),
            404,
            "resource_not_found",
            "username XXX doesn't exist!",
            Some("com.easemob.group.exception.ResourceNotFoundException"),
        );
        assert_eq!(
            err.refusal(),
            Some(&Refusal::UserNotFound {
                username: "XXX".into()
            })
        );
    }
}
