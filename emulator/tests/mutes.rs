//! The mute list (mute members for a time or for ever, list, unmute) and muting the whole room.

mod common;

use common::*;
use easemob_api::error::batch_heads;
use easemob_api::wire::*;
use easemob_api::*;
use std::time::{SystemTime, UNIX_EPOCH};

const UNKNOWN_ROOM: &str = "6621186077491";

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

fn mutes(emu: &Emu, id: &str) -> Vec<MutedUser> {
    emu.ok(&ListMutes { id: id.into() })
}

fn muted_names(emu: &Emu, id: &str) -> Vec<String> {
    mutes(emu, id).into_iter().map(|m| m.user).collect()
}

fn mute(id: &str, users: &[&str], duration: MuteFor) -> Mute {
    Mute {
        id: id.into(),
        usernames: strings(users),
        duration,
    }
}

fn unmute(id: &str, users: &[&str]) -> Unmute {
    Unmute {
        id: id.into(),
        usernames: strings(users),
    }
}

// ---------------------------------------------------------------- GET /chatrooms/{id}/mute

#[test]
fn a_new_room_mutes_nobody() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    assert!(mutes(&emu, &id).is_empty());
    let env = envelope(&emu.raw(Method::Get, &format!("/chatrooms/{id}/mute"), None));
    assert_eq!(env.action.as_deref(), Some("get"));
    assert_eq!(env.data, Some(serde_json::json!([])));
}

#[test]
fn the_mute_list_shows_each_muted_member_with_the_end_of_the_mute() {
    let emu = clean();
    emu.register(&names("u", 4));
    let id = emu.room("Lobby", "u000", &["u001", "u002", "u003"]);
    emu.ok(&mute(&id, &["u003"], MuteFor::Forever));
    let before = now_ms();
    emu.ok(&mute(&id, &["u001"], MuteFor::Millis(60_000)));
    let after = now_ms();
    let list = mutes(&emu, &id);
    // In join order.
    assert_eq!(
        list.iter().map(|m| m.user.as_str()).collect::<Vec<_>>(),
        vec!["u001", "u003"]
    );
    assert!(
        (before + 60_000..=after + 60_000).contains(&list[0].expire),
        "{list:?}"
    );
    assert_eq!(list[1].expire, MUTE_FOREVER);
    let env = envelope(&emu.raw(Method::Get, &format!("/chatrooms/{id}/mute"), None));
    assert_eq!(
        env.data,
        Some(serde_json::json!([
            {"expire": list[0].expire, "user": "u001"},
            {"expire": -1, "user": "u003"},
        ]))
    );
}

#[test]
fn a_mute_that_has_ended_is_no_longer_listed() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    emu.ok(&mute(&id, &["u001"], MuteFor::Millis(1)));
    emu.ok(&mute(&id, &["u002"], MuteFor::Millis(600_000)));
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(muted_names(&emu, &id), vec!["u002"]);
}

#[test]
fn the_mute_list_of_an_unknown_room_is_not_found() {
    let emu = demo();
    assert_api_error(
        emu.call(&ListMutes {
            id: UNKNOWN_ROOM.into(),
        }),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
}

// ---------------------------------------------------------------- POST /chatrooms/{id}/mute

#[test]
fn muting_members_for_a_time_reports_when_each_mute_ends() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    let before = now_ms();
    let r = emu.ok(&mute(&id, &["u001", "u002"], MuteFor::Millis(86_400_000)));
    let after = now_ms();
    assert_eq!(r.len(), 2);
    for (result, user) in r.iter().zip(["u001", "u002"]) {
        assert!(result.result);
        assert_eq!(result.user, user);
        assert_eq!(result.reason, None);
        let expire = result.expire.expect("an end");
        assert!((before + 86_400_000..=after + 86_400_000).contains(&expire));
    }
    assert_eq!(muted_names(&emu, &id), vec!["u001", "u002"]);
    // The list holds the same ends.
    let list = mutes(&emu, &id);
    assert_eq!(Some(list[0].expire), r[0].expire);
}

#[test]
fn muting_for_ever_has_no_end() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    let r = emu.ok(&mute(&id, &["u001"], MuteFor::Forever));
    assert_eq!(
        r,
        vec![MuteResult {
            result: true,
            expire: Some(MUTE_FOREVER),
            reason: None,
            user: "u001".into(),
        }]
    );
    assert_eq!(
        mutes(&emu, &id),
        vec![MutedUser {
            expire: -1,
            user: "u001".into()
        }]
    );
}

#[test]
fn a_mute_answers_with_the_documented_shape() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    let env = envelope(&emu.raw(
        Method::Post,
        &format!("/chatrooms/{id}/mute"),
        Some(r#"{"usernames":["u001"],"mute_duration":-1}"#),
    ));
    assert_eq!(env.action.as_deref(), Some("post"));
    assert_eq!(
        env.data,
        Some(serde_json::json!([{"result": true, "expire": -1, "user": "u001"}]))
    );
}

#[test]
fn muting_again_moves_the_end_of_the_mute() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    emu.ok(&mute(&id, &["u001"], MuteFor::Forever));
    let r = emu.ok(&mute(&id, &["U001"], MuteFor::Millis(60_000)));
    assert_eq!(r[0].user, "u001", "the registered spelling");
    let list = mutes(&emu, &id);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].user, "u001");
    assert_eq!(Some(list[0].expire), r[0].expire);
    assert!(list[0].expire > now_ms());
}

#[test]
fn muting_someone_outside_the_room_mutes_nobody() {
    let emu = clean();
    emu.register(&names("u", 4));
    let id = emu.room("Lobby", "u000", &["u001"]);
    let err = emu
        .call(&mute(&id, &["u001", "u002", "u003"], MuteFor::Forever))
        .unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::MuteNotMembers {
            users: strings(&["u002", "u003"])
        })
    );
    assert_api_error(
        Err::<(), _>(err),
        400,
        "invalid_parameter",
        "users [u002, u003] are not members of this group!",
    );
    assert!(mutes(&emu, &id).is_empty(), "all or nothing");
}

#[test]
fn muting_an_unknown_user_mutes_nobody() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    let err = emu
        .call(&mute(&id, &["u001", "ghost"], MuteFor::Forever))
        .unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::UserNotFound {
            username: "ghost".into()
        })
    );
    assert_api_error(
        Err::<(), _>(err),
        404,
        "resource_not_found",
        "username ghost doesn't exist!",
    );
    assert!(mutes(&emu, &id).is_empty());
}

#[test]
fn muting_in_an_unknown_room_is_refused() {
    let emu = demo();
    assert_api_error(
        emu.call(&mute(UNKNOWN_ROOM, &["alice"], MuteFor::Forever)),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
}

#[test]
fn a_mute_of_more_than_60_users_is_refused_by_the_client_and_the_server() {
    let emu = clean();
    let users = names("u", 62);
    emu.register(&users);
    let members: Vec<&str> = users[1..].iter().map(String::as_str).collect();
    let id = emu.room("Lobby", "u000", &members);
    let err = emu
        .call(&Mute {
            id: id.clone(),
            usernames: users[1..].to_vec(),
            duration: MuteFor::Forever,
        })
        .unwrap_err();
    assert_eq!(
        err.kind,
        ErrorKind::Invalid(Invalid::TooManyInOneCall {
            field: Field::Usernames,
            max: 60,
            actual: 61,
        })
    );
    assert_eq!(err.call, None, "nothing sent");
    let body = serde_json::to_string(&MuteBody {
        usernames: users[1..].to_vec(),
        mute_duration: Some(-1),
    })
    .unwrap();
    let resp = emu.raw(Method::Post, &format!("/chatrooms/{id}/mute"), Some(&body));
    assert_raw_error(
        &resp,
        400,
        "invalid_parameter",
        &format!("{}60", batch_heads::MUTE),
    );
    assert_eq!(
        ApiError::from_response(resp.status, &resp.body).refusal(),
        Some(&Refusal::TooManyInOneCall {
            head: batch_heads::MUTE.into(),
            max: 60
        })
    );
    assert!(mutes(&emu, &id).is_empty());
    // Exactly 60 is fine.
    emu.ok(&Mute {
        id: id.clone(),
        usernames: users[1..61].to_vec(),
        duration: MuteFor::Forever,
    });
    assert_eq!(mutes(&emu, &id).len(), 60);
}

#[test]
fn a_mute_without_users_or_with_a_bad_duration_is_refused() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    // The client sends neither.
    assert_eq!(
        emu.call(&mute(&id, &["u001"], MuteFor::Millis(0)))
            .unwrap_err()
            .kind,
        ErrorKind::Invalid(Invalid::Missing(Field::MuteDuration))
    );
    assert_eq!(
        emu.call(&mute(&id, &[], MuteFor::Forever))
            .unwrap_err()
            .kind,
        ErrorKind::Invalid(Invalid::Missing(Field::Usernames))
    );
    // [I] undocumented wordings.
    let path = format!("/chatrooms/{id}/mute");
    let resp = emu.raw(
        Method::Post,
        &path,
        Some(r#"{"usernames":[],"mute_duration":-1}"#),
    );
    assert_raw_error(
        &resp,
        400,
        "invalid_parameter",
        "usernames must be provided",
    );
    let resp = emu.raw(
        Method::Post,
        &path,
        Some(r#"{"usernames":["u001"],"mute_duration":-2}"#),
    );
    assert_raw_error(
        &resp,
        400,
        "invalid_parameter",
        "mute_duration -2 is not valid",
    );
    assert!(mutes(&emu, &id).is_empty());
}

#[test]
fn a_member_who_leaves_the_room_is_muted_no_more() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    emu.ok(&mute(&id, &["u001"], MuteFor::Forever));
    emu.ok(&RemoveMember {
        id: id.clone(),
        username: "u001".into(),
    });
    assert!(mutes(&emu, &id).is_empty());
    emu.ok(&AddMember {
        id: id.clone(),
        username: "u001".into(),
    });
    assert!(mutes(&emu, &id).is_empty(), "back in the room, not muted");
}

// ---------------------------------------------------------------- DELETE /chatrooms/{id}/mute/{users}

#[test]
fn unmuting_lifts_each_mute_with_a_result_each() {
    let emu = clean();
    emu.register(&names("u", 4));
    let id = emu.room("Lobby", "u000", &["u001", "u002", "u003"]);
    emu.ok(&mute(&id, &["u001", "u002", "u003"], MuteFor::Forever));
    let r = emu.ok(&unmute(&id, &["u001", "u003"]));
    let lifted = |u: &str| MuteResult {
        result: true,
        expire: None,
        reason: None,
        user: u.into(),
    };
    assert_eq!(r, vec![lifted("u001"), lifted("u003")]);
    assert_eq!(muted_names(&emu, &id), vec!["u002"]);
}

#[test]
fn an_unmute_answers_with_the_documented_shape() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    emu.ok(&mute(&id, &["u001", "u002"], MuteFor::Forever));
    let env = envelope(&emu.raw(
        Method::Delete,
        &format!("/chatrooms/{id}/mute/u001%2Cu002"),
        None,
    ));
    assert_eq!(env.action.as_deref(), Some("delete"));
    assert_eq!(
        env.data,
        Some(serde_json::json!([
            {"result": true, "user": "u001"},
            {"result": true, "user": "u002"},
        ]))
    );
    assert!(mutes(&emu, &id).is_empty());
}

#[test]
fn unmuting_someone_not_muted_succeeds_and_an_unknown_user_is_reported() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    emu.ok(&mute(&id, &["u002"], MuteFor::Forever));
    let r = emu.ok(&unmute(&id, &["u001", "ghost"]));
    assert_eq!(r.len(), 2);
    assert!(r[0].result, "{r:?}");
    assert!(!r[1].result);
    assert_eq!(r[1].user, "ghost");
    assert_eq!(
        UserReason::parse(r[1].reason.as_deref().unwrap()),
        UserReason::NoSuchUser {
            user: "ghost".into()
        }
    );
    assert_eq!(muted_names(&emu, &id), vec!["u002"], "untouched");
}

#[test]
fn unmuting_in_an_unknown_room_is_refused() {
    let emu = demo();
    assert_api_error(
        emu.call(&unmute(UNKNOWN_ROOM, &["alice", "bob"])),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
}

#[test]
fn an_unmute_of_more_than_60_users_is_refused_by_the_server() {
    // The client refuses such lists itself; only a raw request reaches the server's check.
    let emu = clean();
    let users = names("u", 62);
    emu.register(&users);
    let members: Vec<&str> = users[1..].iter().map(String::as_str).collect();
    let id = emu.room("Lobby", "u000", &members);
    emu.ok(&Mute {
        id: id.clone(),
        usernames: users[1..61].to_vec(),
        duration: MuteFor::Forever,
    });
    assert!(matches!(
        emu.call(&Unmute {
            id: id.clone(),
            usernames: users[1..].to_vec(),
        })
        .unwrap_err()
        .kind,
        ErrorKind::Invalid(Invalid::TooManyInOneCall { max: 60, .. })
    ));
    let list = users[1..].join("%2C");
    let resp = emu.raw(
        Method::Delete,
        &format!("/chatrooms/{id}/mute/{list}"),
        None,
    );
    assert_raw_error(
        &resp,
        400,
        "invalid_parameter",
        &format!("{}60", batch_heads::UNMUTE),
    );
    assert_eq!(mutes(&emu, &id).len(), 60);
}

// ---------------------------------------------------------------- POST and DELETE /chatrooms/{id}/ban

#[test]
fn muting_the_whole_room_shows_in_its_detail_until_lifted() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    assert_eq!(emu.detail(&id).mute, Some(false));
    let r = emu.ok(&MuteAll {
        id: id.clone(),
        mute: true,
    });
    assert_eq!(r, MuteAllState { mute: true });
    assert_eq!(emu.detail(&id).mute, Some(true));
    // Again: still muted.
    assert!(
        emu.ok(&MuteAll {
            id: id.clone(),
            mute: true,
        })
        .mute
    );
    assert_eq!(emu.detail(&id).mute, Some(true));
    let r = emu.ok(&MuteAll {
        id: id.clone(),
        mute: false,
    });
    assert_eq!(r, MuteAllState { mute: false });
    assert_eq!(emu.detail(&id).mute, Some(false));
    // The mute list is a separate thing.
    assert!(mutes(&emu, &id).is_empty());
}

#[test]
fn muting_the_whole_room_answers_with_the_recorded_shapes() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    let path = format!("/chatrooms/{id}/ban");
    let on = envelope(&emu.raw(Method::Post, &path, None));
    assert_eq!(
        on.action.as_deref(),
        Some("put"),
        "as recorded, not \"post\""
    );
    assert_eq!(on.data, Some(serde_json::json!({"mute": true})));
    let off = envelope(&emu.raw(Method::Delete, &path, None));
    assert_eq!(off.action.as_deref(), Some("delete"));
    assert_eq!(off.data, Some(serde_json::json!({"mute": false})));
}

#[test]
fn muting_an_unknown_room_is_refused() {
    let emu = demo();
    for mute in [true, false] {
        assert_api_error(
            emu.call(&MuteAll {
                id: UNKNOWN_ROOM.into(),
                mute,
            }),
            404,
            "resource_not_found",
            "grpID 6621186077491 does not exist!",
        );
    }
}

#[test]
fn a_mute_without_a_duration_is_refused_by_the_server() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    let resp = emu.raw(
        Method::Post,
        &format!("/chatrooms/{id}/mute"),
        Some(r#"{"usernames":["u001"]}"#),
    );
    assert_raw_error(
        &resp,
        400,
        "invalid_parameter",
        "mute_duration must be provided",
    );
    assert!(emu.ok(&ListMutes { id: id.clone() }).is_empty());
}
