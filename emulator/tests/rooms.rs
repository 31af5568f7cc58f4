//! Rooms: list, details, create, edit, transfer, dissolve.

mod common;

use common::*;
use easemob_api::wire::*;
use easemob_api::*;
use pollster::block_on;
use std::collections::BTreeSet;

fn list(emu: &Emu, limit: Option<u32>, cursor: Option<String>) -> CursorPage<ChatroomSummary> {
    emu.ok(&ListRooms { limit, cursor })
}

/// Walks every page of `GET /chatrooms` with `limit`, returning the pages.
fn walk(emu: &Emu, limit: u32) -> Vec<CursorPage<ChatroomSummary>> {
    let mut pages: Vec<CursorPage<ChatroomSummary>> = Vec::new();
    let mut cursor = None;
    for _ in 0..1000 {
        let page = list(emu, Some(limit), cursor);
        cursor = page.cursor.clone();
        pages.push(page);
        if cursor.is_none() {
            return pages;
        }
    }
    panic!("the cursor never ran out");
}

// ---------------------------------------------------------------- GET /chatrooms

#[test]
fn listing_rooms_page_by_page_shows_every_room_exactly_once() {
    let emu = demo();
    let all: Vec<String> = emu.all_rooms().into_iter().map(|r| r.id).collect();
    assert_eq!(all.len(), DEMO_ROOMS);
    let pages = walk(&emu, 7);
    let sizes: Vec<usize> = pages.iter().map(|p| p.items.len()).collect();
    assert_eq!(sizes, vec![7, 7, 7, 7, 2]);
    for p in &pages[..pages.len() - 1] {
        assert!(p.cursor.is_some(), "every page but the last has a cursor");
    }
    assert!(
        pages.last().unwrap().cursor.is_none(),
        "the last page has no cursor"
    );
    let walked: Vec<String> = pages
        .into_iter()
        .flat_map(|p| p.items)
        .map(|r| r.id)
        .collect();
    assert_eq!(walked, all, "the same rooms in the same order, none twice");
}

#[test]
fn a_last_page_that_is_exactly_full_has_no_cursor() {
    let emu = demo();
    let pages = walk(&emu, 10);
    let sizes: Vec<usize> = pages.iter().map(|p| p.items.len()).collect();
    assert_eq!(sizes, vec![10, 10, 10]);
    assert!(pages[2].cursor.is_none());
    let single = list(&emu, Some(DEMO_ROOMS as u32), None);
    assert_eq!(single.items.len(), DEMO_ROOMS);
    assert!(single.cursor.is_none());
}

#[test]
fn listing_rooms_without_a_limit_shows_the_first_ten() {
    let emu = demo();
    let page = list(&emu, None, None);
    assert_eq!(page.items.len(), 10);
    assert!(page.cursor.is_some());
}

#[test]
fn listed_rooms_show_their_owner_and_member_count() {
    let emu = clean();
    emu.register(&names("u", 4));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    let page = list(&emu, None, None);
    assert_eq!(
        page.items,
        vec![ChatroomSummary {
            id,
            name: "Lobby".into(),
            owner: "u000".into(),
            affiliations_count: 3,
            disabled: None,
        }]
    );
}

#[test]
fn newest_rooms_are_listed_first() {
    let emu = clean();
    emu.register(&names("u", 1));
    let a = emu.room("first", "u000", &[]);
    let b = emu.room("second", "u000", &[]);
    let ids: Vec<String> = emu.all_rooms().into_iter().map(|r| r.id).collect();
    assert_eq!(ids, vec![b, a]);
}

#[test]
fn an_app_without_rooms_lists_an_empty_page() {
    let emu = clean();
    let page = list(&emu, Some(5), None);
    assert!(page.items.is_empty());
    assert!(page.cursor.is_none());
    let env = envelope(&emu.raw(Method::Get, "/chatrooms", None));
    assert_eq!(env.data, Some(serde_json::json!([])));
    assert_eq!(env.count, Some(0));
}

#[test]
fn a_limit_above_1000_is_treated_as_1000() {
    // The client refuses limit > 1000 before sending, so this goes raw.
    let emu = demo();
    let env = envelope(&emu.raw(Method::Get, "/chatrooms?limit=5000", None));
    assert_eq!(env.count, Some(DEMO_ROOMS as u64));
    assert!(env.cursor.is_none());
    assert_eq!(
        env.params.unwrap()["limit"],
        vec!["5000".to_string()],
        "the query is echoed as string arrays"
    );
}

#[test]
fn a_cursor_the_server_never_gave_is_refused() {
    // Not documented; the emulator answers 400 invalid_parameter.
    let emu = demo();
    assert_api_error(
        emu.call(&ListRooms {
            limit: Some(5),
            cursor: Some("garbage".into()),
        }),
        400,
        "invalid_parameter",
        "cursor garbage is not valid",
    );
}

#[test]
fn answers_carry_the_easemob_envelope() {
    let emu = demo();
    let env = envelope(&emu.raw(Method::Get, "/chatrooms?limit=3", None));
    assert_eq!(env.action.as_deref(), Some("get"));
    assert_eq!(env.organization.as_deref(), Some(ORG));
    assert_eq!(env.application_name.as_deref(), Some(APP));
    assert!(env.application.is_some());
    assert!(env.timestamp.is_some());
    assert!(env.duration.is_some());
    assert_eq!(
        env.uri.as_deref(),
        Some(format!("{}/{ORG}/{APP}/chatrooms", emu.base).as_str())
    );
    assert_eq!(env.count, Some(3));
    assert!(env.entities.is_empty());
}

// ---------------------------------------------------------------- GET /chatrooms/{ids}

#[test]
fn a_rooms_details_show_everything_about_it() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.ok(&CreateRoom(CreateChatroom {
        name: "Book club".into(),
        description: "We read".into(),
        maxusers: Some(300),
        owner: "u000".into(),
        members: Some(vec!["u001".into(), "u002".into()]),
        custom: Some(r#"{"level":3}"#.into()),
    }));
    assert!(
        id.len() >= 12 && id.bytes().all(|b| b.is_ascii_digit()),
        "room ids are long numeric strings: {id}"
    );
    let d = emu.detail(&id);
    assert_eq!(d.id, id);
    assert_eq!(d.name, "Book club");
    assert_eq!(d.description, "We read");
    assert_eq!(d.maxusers, 300);
    assert_eq!(d.owner, "u000");
    assert_eq!(d.custom, r#"{"level":3}"#);
    assert_eq!(d.affiliations_count, 3);
    assert_eq!(
        d.affiliations,
        vec![
            Affiliation::Owner("u000".into()),
            Affiliation::Member("u001".into()),
            Affiliation::Member("u002".into()),
        ]
    );
    assert!(d.created > 0);
    assert!(d.public);
    assert!(!d.membersonly);
    assert!(!d.allowinvites);
}

#[test]
fn details_of_one_room_come_as_an_array_of_one() {
    let emu = demo();
    let id = emu.all_rooms()[0].id.clone();
    let env = envelope(&emu.raw(Method::Get, &format!("/chatrooms/{id}"), None));
    let data = env.data.unwrap();
    assert!(data.is_array(), "{data}");
    assert_eq!(data.as_array().unwrap().len(), 1);
    assert_eq!(env.count, Some(1));
}

#[test]
fn details_of_several_rooms_leave_out_unknown_ids() {
    let emu = demo();
    let rooms = emu.all_rooms();
    let ids = vec![
        rooms[3].id.clone(),
        "999999999999999".to_string(),
        rooms[1].id.clone(),
    ];
    let found = emu.ok(&RoomDetails { ids });
    let got: Vec<&str> = found.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(got, vec![rooms[3].id.as_str(), rooms[1].id.as_str()]);
}

#[test]
fn details_of_an_unknown_room_are_not_found() {
    let emu = demo();
    assert_api_error(
        emu.call(&RoomDetails::one("6621186077491")),
        404,
        "service_resource_not_found",
        "do not find this group:6621186077491",
    );
    // Not a number at all: no such room either.
    assert_api_error(
        emu.call(&RoomDetails::one("lobby")),
        404,
        "service_resource_not_found",
        "do not find this group:lobby",
    );
}

#[test]
fn details_of_several_rooms_none_of_which_exist_are_not_found() {
    // [I] the reference suggests 404 when none exist; the emulator names every id asked for.
    let emu = demo();
    assert_api_error(
        emu.call(&RoomDetails {
            ids: vec!["1".into(), "2".into()],
        }),
        404,
        "service_resource_not_found",
        "do not find this group:1,2",
    );
}

#[test]
fn details_of_more_than_100_rooms_in_one_request_are_refused() {
    // The client splits such lists itself; a raw request reaches the server's own check
    // (undocumented wording).
    let emu = demo();
    let ids: Vec<String> = (0..101).map(|i| (100_000 + i).to_string()).collect();
    let resp = emu.raw(
        Method::Get,
        &format!("/chatrooms/{}", ids.join("%2C")),
        None,
    );
    assert_raw_error(
        &resp,
        400,
        "invalid_parameter",
        "at most 100 chatroom ids a request, not 101",
    );
}

#[test]
fn details_of_150_rooms_take_two_requests_and_skip_unknown_ids() {
    let emu = demo();
    let rooms: Vec<String> = emu.all_rooms().into_iter().map(|r| r.id).collect();
    // 150 ids: the 30 real rooms spread over both halves, 120 that do not exist.
    let mut ids = Vec::new();
    let mut real = rooms.iter();
    for i in 0..150 {
        if i % 5 == 0 {
            ids.push(real.next().unwrap().clone());
        } else {
            ids.push(format!("{}", 500_000_000_000_000u64 + i));
        }
    }
    assert!(real.next().is_none());
    let t = Recording::default();
    let c = easemob_api::Client::new(emu.conn.clone(), t.clone());
    let found = block_on(c.room_details(&ids)).unwrap();
    assert_eq!(t.requests().len(), 2, "100 ids a request");
    let got: Vec<String> = found.into_iter().map(|d| d.id).collect();
    let expected: Vec<String> = ids.iter().filter(|i| rooms.contains(i)).cloned().collect();
    assert_eq!(got, expected, "every room once, in the order asked");
}

// ---------------------------------------------------------------- POST /chatrooms

fn create_raw(emu: &Emu, body: &str) -> HttpResponse {
    emu.raw(Method::Post, "/chatrooms", Some(body))
}

#[test]
fn a_new_room_holds_its_owner_and_members() {
    let emu = clean();
    emu.register(&names("u", 3));
    let before = emu.all_rooms().len();
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    assert_eq!(emu.all_rooms().len(), before + 1);
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001", "u002"]);
}

#[test]
fn a_new_room_without_maxusers_holds_1000() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    let d = emu.detail(&id);
    assert_eq!(d.maxusers, 1000);
    assert_eq!(d.custom, "");
    assert_eq!(d.affiliations, vec![Affiliation::Owner("u000".into())]);
}

#[test]
fn the_owner_named_among_the_members_and_repeated_members_count_once() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u000", "U001", "u002"]);
    let d = emu.detail(&id);
    assert_eq!(d.affiliations_count, 3);
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001", "u002"]);
}

#[test]
fn a_new_rooms_answer_is_its_id() {
    let emu = clean();
    emu.register(&names("u", 1));
    let env = envelope(&create_raw(
        &emu,
        r#"{"name":"n","description":"d","owner":"u000"}"#,
    ));
    assert_eq!(env.action.as_deref(), Some("post"));
    let id = env.data.unwrap()["id"].as_str().unwrap().to_string();
    assert_eq!(emu.detail(&id).name, "n");
}

#[test]
fn creating_a_room_with_an_unknown_owner_is_refused() {
    let emu = clean();
    emu.register(&names("u", 2));
    assert_api_error(
        emu.call(&CreateRoom(CreateChatroom {
            name: "n".into(),
            description: "d".into(),
            owner: "ghost".into(),
            members: Some(vec!["u001".into()]),
            ..Default::default()
        })),
        404,
        "resource_not_found",
        "username ghost doesn't exist!",
    );
    assert!(emu.all_rooms().is_empty());
}

#[test]
fn creating_a_room_with_an_unknown_member_is_refused() {
    let emu = clean();
    emu.register(&names("u", 2));
    assert_api_error(
        emu.call(&CreateRoom(CreateChatroom {
            name: "n".into(),
            description: "d".into(),
            owner: "u000".into(),
            members: Some(vec!["u001".into(), "user10".into()]),
            ..Default::default()
        })),
        404,
        "resource_not_found",
        "username user10 doesn't exist!",
    );
    assert!(emu.all_rooms().is_empty());
}

#[test]
fn creating_a_room_with_more_members_than_maxusers_is_refused() {
    // The client refuses this before sending, so it goes raw.
    let emu = clean();
    emu.register(&names("u", 4));
    let resp = create_raw(
        &emu,
        r#"{"name":"n","description":"d","maxusers":2,"owner":"u000","members":["u001","u002","u003"]}"#,
    );
    assert_raw_error(
        &resp,
        403,
        "exceed_limit",
        "members size is greater than max user size !",
    );
    assert!(emu.all_rooms().is_empty());
}

#[test]
fn the_member_list_of_a_new_room_may_hold_at_most_maxusers() {
    // Seed 004: `members` leaves out the owner and holds at most maxusers, so 3 members fit in
    // maxusers 3 and 4 do not.
    let emu = clean();
    emu.register(&names("u", 5));
    let ok = create_raw(
        &emu,
        r#"{"name":"n","description":"d","maxusers":3,"owner":"u000","members":["u001","u002","u003"]}"#,
    );
    assert_eq!(ok.status, 200, "{}", ok.body);
    let full = create_raw(
        &emu,
        r#"{"name":"n","description":"d","maxusers":3,"owner":"u000","members":["u001","u002","u003","u004"]}"#,
    );
    assert_raw_error(
        &full,
        403,
        "exceed_limit",
        "members size is greater than max user size !",
    );
    assert_eq!(emu.all_rooms().len(), 1);
}

#[test]
fn creating_a_room_without_a_required_field_says_which() {
    let emu = clean();
    emu.register(&names("u", 2));
    for (body, field) in [
        (r#"{"description":"d","owner":"u000"}"#, "name"),
        (r#"{"name":"","description":"d","owner":"u000"}"#, "name"),
        (r#"{"name":"n","owner":"u000"}"#, "description"),
        (r#"{"name":"n","description":"d"}"#, "owner"),
        (
            r#"{"name":"n","description":"d","owner":"u000","members":[]}"#,
            "members",
        ),
    ] {
        assert_raw_error(
            &create_raw(&emu, body),
            400,
            "invalid_parameter",
            &format!("{field} must be provided"),
        );
    }
    assert!(emu.all_rooms().is_empty());
}

#[test]
fn creating_a_room_beyond_a_length_limit_is_refused() {
    // The create table documents no wording for these; the emulator uses the edit's.
    let emu = clean();
    emu.register(&names("u", 1));
    let name = "n".repeat(129);
    let desc = "d".repeat(513);
    let custom = "c".repeat(1025);
    for (body, description) in [
        (
            format!(r#"{{"name":"{name}","description":"d","owner":"u000"}}"#),
            "title cannot exceed to 128",
        ),
        (
            format!(r#"{{"name":"n","description":"{desc}","owner":"u000"}}"#),
            "desc cannot exceed to 512",
        ),
        (
            format!(r#"{{"name":"n","description":"d","owner":"u000","custom":"{custom}"}}"#),
            "custom cannot exceed to 1024",
        ),
        (
            r#"{"name":"n","description":"d","owner":"u000","maxusers":10001}"#.to_string(),
            "maxUsers cannot exceed 10000",
        ),
    ] {
        assert_raw_error(&create_raw(&emu, &body), 403, "exceed_limit", description);
    }
    assert!(emu.all_rooms().is_empty());
}

#[test]
fn creating_a_room_at_every_limit_succeeds() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.ok(&CreateRoom(CreateChatroom {
        name: "聊".repeat(128),
        description: "d".repeat(512),
        maxusers: Some(10_000),
        owner: "u000".into(),
        members: None,
        custom: Some("c".repeat(1024)),
    }));
    let d = emu.detail(&id);
    assert_eq!(d.name.chars().count(), 128);
    assert_eq!(d.maxusers, 10_000);
}

#[test]
fn creating_a_room_for_nobody_is_refused() {
    // [I] maxusers 0 is outside [1, 10000]; undocumented wording.
    let emu = clean();
    emu.register(&names("u", 1));
    assert_raw_error(
        &create_raw(
            &emu,
            r#"{"name":"n","description":"d","owner":"u000","maxusers":0}"#,
        ),
        400,
        "invalid_parameter",
        "maxusers must be greater than 0",
    );
    assert!(emu.all_rooms().is_empty());
}

// ---------------------------------------------------------------- PUT /chatrooms/{id}

fn modify(emu: &Emu, id: &str, changes: ModifyChatroom) -> Result<ModifiedChatroom, ApiError> {
    emu.call(&ModifyRoom {
        id: id.into(),
        changes,
    })
}

fn put_raw(emu: &Emu, id: &str, body: &str) -> HttpResponse {
    emu.raw(Method::Put, &format!("/chatrooms/{id}"), Some(body))
}

#[test]
fn editing_a_room_changes_what_was_sent_and_reports_each_field() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    let r = modify(
        &emu,
        &id,
        ModifyChatroom {
            name: Some("Hall".into()),
            description: Some("Bigger".into()),
            maxusers: Some(300),
        },
    )
    .unwrap();
    assert_eq!(
        r,
        ModifiedChatroom {
            groupname: Some(true),
            description: Some(true),
            maxusers: Some(true),
        }
    );
    let d = emu.detail(&id);
    assert_eq!(
        (d.name.as_str(), d.description.as_str(), d.maxusers),
        ("Hall", "Bigger", 300)
    );
    assert_eq!(d.affiliations_count, 2, "members stay");
}

#[test]
fn editing_one_field_reports_only_that_field() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    let r = modify(
        &emu,
        &id,
        ModifyChatroom {
            maxusers: Some(50),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        r,
        ModifiedChatroom {
            maxusers: Some(true),
            ..Default::default()
        }
    );
    let env = envelope(&put_raw(&emu, &id, r#"{"name":"Only"}"#));
    assert_eq!(env.action.as_deref(), Some("put"));
    assert_eq!(env.data, Some(serde_json::json!({"groupname": true})));
    let d = emu.detail(&id);
    assert_eq!(
        (d.name.as_str(), d.description.as_str(), d.maxusers),
        ("Only", "about Lobby", 50)
    );
}

#[test]
fn editing_an_unknown_room_is_refused() {
    let emu = demo();
    assert_api_error(
        modify(
            &emu,
            "6621186077491",
            ModifyChatroom {
                name: Some("x".into()),
                ..Default::default()
            },
        ),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
}

#[test]
fn editing_a_room_beyond_a_limit_is_refused_and_changes_nothing() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    let before = emu.detail(&id);
    let name = "n".repeat(129);
    let desc = "d".repeat(513);
    for (body, description) in [
        (
            format!(r#"{{"name":"{name}"}}"#),
            "title cannot exceed to 128",
        ),
        (
            format!(r#"{{"description":"{desc}"}}"#),
            "desc cannot exceed to 512",
        ),
        (
            r#"{"maxusers":10001}"#.to_string(),
            "maxUsers cannot exceed 10000",
        ),
        (
            r#"{"name":"ok","maxusers":20000}"#.to_string(),
            "maxUsers cannot exceed 10000",
        ),
    ] {
        assert_raw_error(&put_raw(&emu, &id, &body), 403, "exceed_limit", description);
    }
    assert_eq!(emu.detail(&id), before);
}

#[test]
fn editing_a_field_that_cannot_be_edited_is_refused() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    let before = emu.detail(&id);
    assert_raw_error(
        &put_raw(&emu, &id, &format!(r#"{{"chatroom_id":"{id}"}}"#)),
        400,
        "invalid_parameter",
        "some of [chatroom_id] are not valid fields",
    );
    assert_raw_error(
        &put_raw(&emu, &id, r#"{"name":"New","owner":"u000"}"#),
        400,
        "invalid_parameter",
        "some of [owner] are not valid fields",
    );
    assert_eq!(emu.detail(&id), before, "a refused edit changes no field");
}

#[test]
fn lowering_maxusers_below_the_member_count_is_refused() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    assert_api_error(
        modify(
            &emu,
            &id,
            ModifyChatroom {
                name: Some("Renamed".into()),
                maxusers: Some(2),
                ..Default::default()
            },
        ),
        403,
        "forbidden_op",
        "current user count is larger than the maxUsers that you want to update !",
    );
    let d = emu.detail(&id);
    assert_eq!((d.name.as_str(), d.maxusers), ("Lobby", 1000));
    // Exactly the member count is fine.
    modify(
        &emu,
        &id,
        ModifyChatroom {
            maxusers: Some(3),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(emu.detail(&id).maxusers, 3);
}

#[test]
fn an_edit_with_nothing_to_change_is_refused() {
    // [I] undocumented; the emulator answers 400.
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    assert_raw_error(
        &put_raw(&emu, &id, "{}"),
        400,
        "invalid_parameter",
        "nothing to modify",
    );
    assert_raw_error(
        &put_raw(&emu, &id, r#"{"name":""}"#),
        400,
        "invalid_parameter",
        "name must be provided",
    );
    assert_raw_error(
        &put_raw(&emu, &id, r#"{"maxusers":0}"#),
        400,
        "invalid_parameter",
        "maxusers must be greater than 0",
    );
}

// ---------------------------------------------------------------- PUT /chatrooms/{id} newowner

fn transfer(emu: &Emu, id: &str, to: &str) -> Result<bool, ApiError> {
    emu.call(&TransferRoom {
        id: id.into(),
        new_owner: to.into(),
    })
}

#[test]
fn handing_a_room_to_a_member_makes_them_owner_and_keeps_the_old_owner_as_member() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    assert!(transfer(&emu, &id, "u002").unwrap());
    let d = emu.detail(&id);
    assert_eq!(d.owner, "u002");
    assert_eq!(d.affiliations_count, 3);
    let owners: Vec<&Affiliation> = d.affiliations.iter().filter(|a| a.is_owner()).collect();
    assert_eq!(owners, vec![&Affiliation::Owner("u002".into())]);
    assert!(d.affiliations.contains(&Affiliation::Member("u000".into())));
    let listed = emu.all_rooms();
    assert_eq!(listed[0].owner, "u002");
}

#[test]
fn handing_an_unknown_room_over_is_refused() {
    let emu = demo();
    assert_api_error(
        transfer(&emu, "6621186077491", "alice"),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
}

#[test]
fn handing_a_room_to_an_unknown_user_is_refused() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    assert_api_error(
        transfer(&emu, &id, "user9"),
        404,
        "resource_not_found",
        "username user9 doesn't exist!",
    );
    assert_eq!(emu.detail(&id).owner, "u000");
}

#[test]
fn handing_a_room_to_its_owner_is_refused() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    assert_api_error(
        transfer(&emu, &id, "u000"),
        403,
        "forbidden_op",
        "new owner and old owner are the same",
    );
}

#[test]
fn handing_a_room_to_someone_outside_it_is_refused() {
    // [I] for chatrooms; the groups' wording.
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &[]);
    assert_api_error(
        transfer(&emu, &id, "u001"),
        403,
        "forbidden_op",
        &format!("user: u001 doesn't exist in group: {id}"),
    );
    assert_eq!(emu.detail(&id).owner, "u000");
}

#[test]
fn a_transfer_with_other_fields_is_refused() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    assert_raw_error(
        &put_raw(&emu, &id, r#"{"newowner":"u001","name":"Mine"}"#),
        400,
        "invalid_parameter",
        "some of [name] are not valid fields",
    );
    let d = emu.detail(&id);
    assert_eq!((d.owner.as_str(), d.name.as_str()), ("u000", "Lobby"));
}

// ---------------------------------------------------------------- DELETE /chatrooms/{id}

#[test]
fn a_dissolved_room_is_gone_everywhere() {
    let emu = clean();
    emu.register(&names("u", 2));
    let keep = emu.room("Keep", "u000", &["u001"]);
    let id = emu.room("Lobby", "u000", &["u001"]);
    let r = emu.ok(&DissolveRoom { id: id.clone() });
    assert_eq!(
        r,
        DissolvedChatroom {
            success: true,
            id: id.clone()
        }
    );
    let ids: Vec<String> = emu.all_rooms().into_iter().map(|r| r.id).collect();
    assert_eq!(ids, vec![keep.clone()]);
    assert_api_error(
        emu.call(&RoomDetails::one(&id)),
        404,
        "service_resource_not_found",
        &format!("do not find this group:{id}"),
    );
    let joined = emu.ok(&UserJoinedRooms {
        username: "u001".into(),
        ..Default::default()
    });
    let joined: BTreeSet<String> = joined.into_iter().map(|j| j.id).collect();
    assert_eq!(joined, BTreeSet::from([keep]));
}

#[test]
fn dissolving_an_unknown_room_is_refused() {
    let emu = demo();
    assert_api_error(
        emu.call(&DissolveRoom {
            id: "6621186077491".into(),
        }),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
    assert_eq!(emu.all_rooms().len(), DEMO_ROOMS);
}

#[test]
fn dissolving_a_room_twice_is_refused_the_second_time() {
    let emu = demo();
    let id = emu.all_rooms()[0].id.clone();
    emu.ok(&DissolveRoom { id: id.clone() });
    assert_api_error(
        emu.call(&DissolveRoom { id: id.clone() }),
        404,
        "resource_not_found",
        &format!("grpID {id} does not exist!"),
    );
    assert_eq!(emu.all_rooms().len(), DEMO_ROOMS - 1);
}
