//! A room's blocklist and allowlist: list, add one or many, remove one or many, each user with
//! a result; a blocked user is out of the room and kept out until unblocked.

mod common;

use common::*;
use easemob_api::error::batch_heads;
use easemob_api::wire::*;
use easemob_api::*;

const UNKNOWN_ROOM: &str = "6621186077491";

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn listed(emu: &Emu, id: &str, list: RoomList) -> Vec<String> {
    emu.ok(&ListRoomList {
        id: id.into(),
        list,
    })
}

fn add(id: &str, list: RoomList, users: &[&str]) -> AddToRoomList {
    AddToRoomList {
        id: id.into(),
        list,
        usernames: strings(users),
    }
}

fn remove(id: &str, list: RoomList, users: &[&str]) -> RemoveFromRoomList {
    RemoveFromRoomList {
        id: id.into(),
        list,
        usernames: strings(users),
    }
}

fn done(id: &str, action: &str, user: &str) -> ListChange {
    ListChange {
        result: true,
        action: action.into(),
        reason: None,
        user: user.into(),
        chatroomid: id.into(),
    }
}

/// The reason a user's result gives, read back.
#[track_caller]
fn reason(change: &ListChange) -> UserReason {
    assert!(!change.result, "{change:?}");
    UserReason::parse(change.reason.as_deref().expect("a reason"))
}

// ---------------------------------------------------------------- GET …/blocks/users, …/white/users

#[test]
fn a_new_room_has_empty_lists() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    for list in RoomList::ALL {
        assert!(listed(&emu, &id, list).is_empty(), "{list:?}");
        let env = envelope(&emu.raw(
            Method::Get,
            &format!("/chatrooms/{id}/{}", list.path()),
            None,
        ));
        assert_eq!(env.action.as_deref(), Some("get"));
        assert_eq!(env.data, Some(serde_json::json!([])));
        assert_eq!(env.count, Some(0));
    }
}

#[test]
fn each_list_shows_its_users_in_the_order_added_with_a_count() {
    let emu = clean();
    emu.register(&names("u", 5));
    let id = emu.room("Lobby", "u000", &["u001", "u002", "u003", "u004"]);
    emu.ok(&add(&id, RoomList::Block, &["u002"]));
    // Added in the same millisecond or not, the list keeps the order of the blocks.
    emu.ok(&add(&id, RoomList::Block, &["u001"]));
    emu.ok(&add(&id, RoomList::Allow, &["u003", "u004"]));
    assert_eq!(listed(&emu, &id, RoomList::Block), vec!["u002", "u001"]);
    assert_eq!(listed(&emu, &id, RoomList::Allow), vec!["u003", "u004"]);
    let env = envelope(&emu.raw(Method::Get, &format!("/chatrooms/{id}/blocks/users"), None));
    assert_eq!(env.data, Some(serde_json::json!(["u002", "u001"])));
    assert_eq!(env.count, Some(2));
}

#[test]
fn the_lists_of_an_unknown_room_are_not_found() {
    let emu = demo();
    for list in RoomList::ALL {
        assert_api_error(
            emu.call(&ListRoomList {
                id: UNKNOWN_ROOM.into(),
                list,
            }),
            404,
            "resource_not_found",
            "grpID 6621186077491 does not exist!",
        );
    }
}

// ---------------------------------------------------------------- POST …/blocks/users[/{u}]

#[test]
fn blocking_a_member_takes_them_out_of_the_room() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    let r = emu.ok(&add(&id, RoomList::Block, &["u001"]));
    assert_eq!(r, vec![done(&id, "add_blocks", "u001")]);
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u002"]);
    assert_eq!(listed(&emu, &id, RoomList::Block), vec!["u001"]);
    let joined = emu.ok(&UserJoinedRooms {
        username: "u001".into(),
        ..Default::default()
    });
    assert!(joined.is_empty());
}

#[test]
fn blocking_one_user_answers_with_an_object_and_several_with_an_array() {
    let emu = clean();
    emu.register(&names("u", 4));
    let id = emu.room("Lobby", "u000", &["u001", "u002", "u003"]);
    let one = envelope(&emu.raw(
        Method::Post,
        &format!("/chatrooms/{id}/blocks/users/u001"),
        None,
    ));
    assert_eq!(one.action.as_deref(), Some("post"));
    assert_eq!(
        one.data,
        Some(serde_json::json!({
            "result": true, "action": "add_blocks", "user": "u001", "chatroomid": id
        }))
    );
    let many = envelope(&emu.raw(
        Method::Post,
        &format!("/chatrooms/{id}/blocks/users"),
        Some(r#"{"usernames":["u002","u003"]}"#),
    ));
    assert_eq!(
        many.data,
        Some(serde_json::json!([
            {"result": true, "action": "add_blocks", "user": "u002", "chatroomid": id},
            {"result": true, "action": "add_blocks", "user": "u003", "chatroomid": id},
        ]))
    );
    assert_eq!(
        listed(&emu, &id, RoomList::Block),
        vec!["u001", "u002", "u003"]
    );
    assert_eq!(emu.usernames_in(&id), vec!["u000"]);
}

#[test]
fn a_blocked_user_cannot_be_added_back_until_unblocked() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001"]);
    emu.ok(&add(&id, RoomList::Block, &["u001"]));
    let err = emu
        .call(&AddMember {
            id: id.clone(),
            username: "u001".into(),
        })
        .unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::UserBlocked {
            username: "u001".into()
        })
    );
    assert_api_error(
        Err::<(), _>(err),
        403,
        "forbidden_op",
        "can not join this group, reason:user u001 is in the blocklist of this group!",
    );
    // In a batch, nobody is added.
    let err = emu
        .call(&AddMembers {
            id: id.clone(),
            usernames: strings(&["u002", "U001"]),
        })
        .unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::UserBlocked {
            username: "u001".into()
        })
    );
    assert_eq!(emu.usernames_in(&id), vec!["u000"]);

    // Unblocking does not bring them back; adding them does.
    emu.ok(&remove(&id, RoomList::Block, &["u001"]));
    assert_eq!(emu.usernames_in(&id), vec!["u000"]);
    emu.ok(&AddMembers {
        id: id.clone(),
        usernames: strings(&["u002", "u001"]),
    });
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u002", "u001"]);
}

#[test]
fn blocking_someone_already_blocked_succeeds_and_changes_nothing() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    emu.ok(&add(&id, RoomList::Block, &["u001"]));
    // No longer a member, but on the list: where the call leads already.
    let r = emu.ok(&add(&id, RoomList::Block, &["U001"]));
    assert_eq!(r, vec![done(&id, "add_blocks", "u001")]);
    assert_eq!(listed(&emu, &id, RoomList::Block), vec!["u001"]);
}

#[test]
fn a_block_reports_each_user_it_could_not_block() {
    let emu = clean();
    emu.register(&names("u", 4));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    let r = emu.ok(&add(
        &id,
        RoomList::Block,
        &["u001", "u000", "u003", "ghost"],
    ));
    assert_eq!(r.len(), 4);
    assert_eq!(r[0], done(&id, "add_blocks", "u001"));
    assert_eq!(
        reason(&r[1]),
        UserReason::IsOwner {
            user: "u000".into(),
            room: id.clone()
        }
    );
    assert_eq!(
        reason(&r[2]),
        UserReason::NotInRoom {
            user: "u003".into(),
            room: id.clone()
        }
    );
    assert_eq!(
        reason(&r[3]),
        UserReason::NoSuchUser {
            user: "ghost".into()
        }
    );
    assert_eq!(r[3].user, "ghost");
    assert!(r
        .iter()
        .all(|c| c.action == "add_blocks" && c.chatroomid == id));
    assert_eq!(listed(&emu, &id, RoomList::Block), vec!["u001"]);
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u002"]);
}

#[test]
fn the_owner_cannot_be_blocked() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    let r = emu.ok(&add(&id, RoomList::Block, &["u000"]));
    assert_eq!(
        reason(&r[0]),
        UserReason::IsOwner {
            user: "u000".into(),
            room: id.clone()
        }
    );
    assert!(listed(&emu, &id, RoomList::Block).is_empty());
    assert_eq!(emu.detail(&id).owner, "u000");
    assert_eq!(emu.usernames_in(&id), vec!["u000"]);
}

#[test]
fn a_list_addition_naming_nobody_in_the_room_is_refused() {
    let emu = clean();
    emu.register(&names("u", 4));
    let id = emu.room("Lobby", "u000", &["u001"]);
    for list in RoomList::ALL {
        // One user: 400.
        let err = emu.call(&add(&id, list, &["u002"])).unwrap_err();
        assert_eq!(
            err.refusal(),
            Some(&Refusal::NotMembers {
                users: strings(&["u002"]),
                batch: false
            }),
            "{list:?}"
        );
        assert_api_error(
            Err::<(), _>(err),
            400,
            "forbidden_op",
            "users [u002] are not members of this group!",
        );
        // Several: 403.
        let err = emu.call(&add(&id, list, &["u002", "u003"])).unwrap_err();
        assert_eq!(
            err.refusal(),
            Some(&Refusal::NotMembers {
                users: strings(&["u002", "u003"]),
                batch: true
            })
        );
        assert_eq!(err.status(), Some(403));
        assert!(listed(&emu, &id, list).is_empty());
    }
}

#[test]
fn a_list_addition_in_an_unknown_room_is_refused() {
    let emu = demo();
    for list in RoomList::ALL {
        for users in [&["alice"][..], &["alice", "bob"]] {
            assert_api_error(
                emu.call(&add(UNKNOWN_ROOM, list, users)),
                404,
                "resource_not_found",
                "grpID 6621186077491 does not exist!",
            );
        }
    }
}

#[test]
fn a_list_addition_of_more_than_60_users_is_refused_by_the_server() {
    // The client refuses such lists itself; only a raw request reaches the server's check.
    let emu = clean();
    let users = names("u", 62);
    emu.register(&users);
    let members: Vec<&str> = users[1..].iter().map(String::as_str).collect();
    let id = emu.room("Lobby", "u000", &members);
    let body = serde_json::to_string(&UsernamesBody {
        usernames: users[1..].to_vec(),
    })
    .unwrap();
    for (list, head) in [
        (RoomList::Block, batch_heads::BLOCK),
        (RoomList::Allow, batch_heads::ALLOW),
    ] {
        let err = emu
            .call(&AddToRoomList {
                id: id.clone(),
                list,
                usernames: users[1..].to_vec(),
            })
            .unwrap_err();
        assert!(
            matches!(
                err.kind,
                ErrorKind::Invalid(Invalid::TooManyInOneCall {
                    max: 60,
                    actual: 61,
                    ..
                })
            ),
            "{err:?}"
        );
        let resp = emu.raw(
            Method::Post,
            &format!("/chatrooms/{id}/{}", list.path()),
            Some(&body),
        );
        assert_raw_error(&resp, 400, "invalid_parameter", &format!("{head}60"));
        assert!(listed(&emu, &id, list).is_empty());
    }
    assert_eq!(emu.detail(&id).affiliations_count, 62);
}

#[test]
fn a_list_addition_of_nobody_is_refused_by_the_server() {
    // [I] undocumented wording.
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    for list in RoomList::ALL {
        let resp = emu.raw(
            Method::Post,
            &format!("/chatrooms/{id}/{}", list.path()),
            Some(r#"{"usernames":[]}"#),
        );
        assert_raw_error(
            &resp,
            400,
            "invalid_parameter",
            "usernames must be provided",
        );
    }
}

// ---------------------------------------------------------------- DELETE …/blocks/users/{users}

#[test]
fn unblocking_takes_users_off_the_list_with_a_result_each() {
    let emu = clean();
    emu.register(&names("u", 4));
    let id = emu.room("Lobby", "u000", &["u001", "u002", "u003"]);
    emu.ok(&add(&id, RoomList::Block, &["u001", "u002", "u003"]));
    let r = emu.ok(&remove(&id, RoomList::Block, &["u003", "u001"]));
    assert_eq!(
        r,
        vec![
            done(&id, "remove_blocks", "u003"),
            done(&id, "remove_blocks", "u001")
        ]
    );
    assert_eq!(listed(&emu, &id, RoomList::Block), vec!["u002"]);
}

#[test]
fn an_unblock_of_one_answers_with_an_object_and_of_several_with_an_array() {
    let emu = clean();
    emu.register(&names("u", 4));
    let id = emu.room("Lobby", "u000", &["u001", "u002", "u003"]);
    emu.ok(&add(&id, RoomList::Block, &["u001", "u002", "u003"]));
    let one = envelope(&emu.raw(
        Method::Delete,
        &format!("/chatrooms/{id}/blocks/users/u001"),
        None,
    ));
    assert_eq!(one.action.as_deref(), Some("delete"));
    assert_eq!(
        one.data,
        Some(serde_json::json!({
            "result": true, "action": "remove_blocks", "user": "u001", "chatroomid": id
        }))
    );
    let many = envelope(&emu.raw(
        Method::Delete,
        &format!("/chatrooms/{id}/blocks/users/u002%2Cu003"),
        None,
    ));
    let data = many.data.unwrap();
    assert_eq!(data.as_array().map(Vec::len), Some(2), "{data}");
    assert_eq!(data[1]["action"], "remove_blocks");
    assert!(listed(&emu, &id, RoomList::Block).is_empty());
}

#[test]
fn an_unblock_reports_users_not_on_the_list_and_unknown_users() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    emu.ok(&add(&id, RoomList::Block, &["u001"]));
    let r = emu.ok(&remove(&id, RoomList::Block, &["u002", "ghost", "u001"]));
    assert_eq!(
        reason(&r[0]),
        UserReason::NotOnList {
            user: "u002".into()
        }
    );
    assert_eq!(
        reason(&r[1]),
        UserReason::NoSuchUser {
            user: "ghost".into()
        }
    );
    assert_eq!(r[2], done(&id, "remove_blocks", "u001"));
    assert!(listed(&emu, &id, RoomList::Block).is_empty());
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u002"]);
}

#[test]
fn a_list_removal_in_an_unknown_room_is_refused() {
    let emu = demo();
    for list in RoomList::ALL {
        assert_api_error(
            emu.call(&remove(UNKNOWN_ROOM, list, &["alice", "bob"])),
            404,
            "resource_not_found",
            "grpID 6621186077491 does not exist!",
        );
    }
}

#[test]
fn a_list_removal_of_more_than_60_users_is_refused_by_the_server() {
    let emu = clean();
    let users = names("u", 62);
    emu.register(&users);
    let members: Vec<&str> = users[1..].iter().map(String::as_str).collect();
    let id = emu.room("Lobby", "u000", &members);
    emu.ok(&AddToRoomList {
        id: id.clone(),
        list: RoomList::Allow,
        usernames: users[1..61].to_vec(),
    });
    let list = users[1..].join("%2C");
    for (room_list, head) in [
        (RoomList::Block, batch_heads::UNBLOCK),
        (RoomList::Allow, batch_heads::DISALLOW),
    ] {
        let resp = emu.raw(
            Method::Delete,
            &format!("/chatrooms/{id}/{}/{list}", room_list.path()),
            None,
        );
        assert_raw_error(&resp, 400, "invalid_parameter", &format!("{head}60"));
    }
    assert_eq!(listed(&emu, &id, RoomList::Allow).len(), 60);
}

// ---------------------------------------------------------------- …/white/users

#[test]
fn allowing_members_keeps_them_in_the_room() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    let r = emu.ok(&add(&id, RoomList::Allow, &["u001"]));
    assert_eq!(r, vec![done(&id, "add_user_whitelist", "u001")]);
    let r = emu.ok(&add(&id, RoomList::Allow, &["U002", "u001"]));
    assert_eq!(
        r,
        vec![
            done(&id, "add_user_whitelist", "u002"),
            done(&id, "add_user_whitelist", "u001"),
        ],
        "one already on the list succeeds"
    );
    assert_eq!(listed(&emu, &id, RoomList::Allow), vec!["u001", "u002"]);
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001", "u002"]);
    assert!(listed(&emu, &id, RoomList::Block).is_empty());
}

#[test]
fn the_allowlist_answers_with_an_object_for_one_and_an_array_for_several() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    let one = envelope(&emu.raw(
        Method::Post,
        &format!("/chatrooms/{id}/white/users/u001"),
        None,
    ));
    assert_eq!(
        one.data,
        Some(serde_json::json!({
            "result": true, "action": "add_user_whitelist", "user": "u001", "chatroomid": id
        }))
    );
    let many = envelope(&emu.raw(
        Method::Delete,
        &format!("/chatrooms/{id}/white/users/u001%2Cu002"),
        None,
    ));
    assert_eq!(many.action.as_deref(), Some("delete"));
    let data = many.data.unwrap();
    assert_eq!(data[0]["action"], "remove_user_whitelist");
    assert_eq!(data[0]["result"], true);
    assert_eq!(data[1]["result"], false);
    assert_eq!(
        UserReason::parse(data[1]["reason"].as_str().unwrap()),
        UserReason::NotOnList {
            user: "u002".into()
        }
    );
    assert!(listed(&emu, &id, RoomList::Allow).is_empty());
}

#[test]
fn an_allowlist_addition_reports_users_outside_the_room() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001"]);
    let r = emu.ok(&add(&id, RoomList::Allow, &["u001", "u002", "ghost"]));
    assert_eq!(r[0], done(&id, "add_user_whitelist", "u001"));
    assert_eq!(
        reason(&r[1]),
        UserReason::NotInRoom {
            user: "u002".into(),
            room: id.clone()
        }
    );
    assert_eq!(
        reason(&r[2]),
        UserReason::NoSuchUser {
            user: "ghost".into()
        }
    );
    assert_eq!(listed(&emu, &id, RoomList::Allow), vec!["u001"]);
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001"], "nobody added");
}

#[test]
fn disallowing_takes_users_off_the_allowlist_only() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    emu.ok(&add(&id, RoomList::Allow, &["u001", "u002"]));
    let r = emu.ok(&remove(&id, RoomList::Allow, &["u001"]));
    assert_eq!(r, vec![done(&id, "remove_user_whitelist", "u001")]);
    assert_eq!(listed(&emu, &id, RoomList::Allow), vec!["u002"]);
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001", "u002"]);
}

#[test]
fn a_member_who_leaves_the_room_leaves_the_allowlist() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    emu.ok(&add(&id, RoomList::Allow, &["u001", "u002"]));
    emu.ok(&RemoveMember {
        id: id.clone(),
        username: "u001".into(),
    });
    // Blocking is leaving too.
    emu.ok(&add(&id, RoomList::Block, &["u002"]));
    assert!(listed(&emu, &id, RoomList::Allow).is_empty());
    emu.ok(&AddMember {
        id: id.clone(),
        username: "u001".into(),
    });
    assert!(
        listed(&emu, &id, RoomList::Allow).is_empty(),
        "back, not allowed"
    );
}
