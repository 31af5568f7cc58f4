//! Room admins: list, add, remove; the refusals of each, and a repeat after a lost answer.

mod common;

use common::*;
use easemob_api::wire::*;
use easemob_api::*;
use pollster::block_on;

fn admins(emu: &Emu, id: &str) -> Vec<String> {
    emu.ok(&ListAdmins { id: id.into() })
}

fn add_admin(id: &str, username: &str) -> AddAdmin {
    AddAdmin {
        id: id.into(),
        username: username.into(),
    }
}

fn remove_admin(id: &str, username: &str) -> RemoveAdmin {
    RemoveAdmin {
        id: id.into(),
        username: username.into(),
    }
}

const UNKNOWN_ROOM: &str = "6621186077491";

// ---------------------------------------------------------------- GET /chatrooms/{id}/admin

#[test]
fn a_new_room_has_no_admins_and_the_owner_is_not_one() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    assert!(admins(&emu, &id).is_empty());
    let env = envelope(&emu.raw(Method::Get, &format!("/chatrooms/{id}/admin"), None));
    assert_eq!(env.action.as_deref(), Some("get"));
    assert_eq!(env.data, Some(serde_json::json!([])));
    assert_eq!(env.count, Some(0));
}

#[test]
fn admins_are_listed_in_join_order_with_a_count() {
    let emu = clean();
    emu.register(&names("u", 4));
    let id = emu.room("Lobby", "u000", &["u001", "u002", "u003"]);
    // Promoted out of join order; listed in it.
    emu.ok(&add_admin(&id, "u003"));
    emu.ok(&add_admin(&id, "u001"));
    assert_eq!(admins(&emu, &id), vec!["u001", "u003"]);
    let env = envelope(&emu.raw(Method::Get, &format!("/chatrooms/{id}/admin"), None));
    assert_eq!(env.data, Some(serde_json::json!(["u001", "u003"])));
    assert_eq!(env.count, Some(2));
    assert!(env.application.is_some());
}

#[test]
fn admins_of_an_unknown_room_are_not_found() {
    let emu = demo();
    assert_api_error(
        emu.call(&ListAdmins {
            id: UNKNOWN_ROOM.into(),
        }),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
}

// ---------------------------------------------------------------- POST /chatrooms/{id}/admin

#[test]
fn adding_an_admin_makes_a_member_one() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    let r = emu.ok(&add_admin(&id, "u001"));
    assert_eq!(
        r,
        AddedAdmin {
            result: "success".into(),
            newadmin: "u001".into(),
        }
    );
    assert_eq!(admins(&emu, &id), vec!["u001"]);
    // Still a member, listed as one.
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001", "u002"]);
}

#[test]
fn an_admin_add_answers_with_the_documented_shape() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    let env = envelope(&emu.raw(
        Method::Post,
        &format!("/chatrooms/{id}/admin"),
        Some(r#"{"newadmin":"u001"}"#),
    ));
    assert_eq!(env.action.as_deref(), Some("post"));
    assert_eq!(
        env.data,
        Some(serde_json::json!({"result": "success", "newadmin": "u001"}))
    );
    assert_eq!(admins(&emu, &id), vec!["u001"]);
}

#[test]
fn an_admin_is_named_in_the_registered_spelling_whatever_the_case_asked() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    assert_eq!(emu.ok(&add_admin(&id, "U001")).newadmin, "u001");
    assert_eq!(admins(&emu, &id), vec!["u001"]);
    assert_eq!(emu.ok(&remove_admin(&id, "U001")).oldadmin, "u001");
    assert!(admins(&emu, &id).is_empty());
}

#[test]
fn adding_an_admin_to_an_unknown_room_is_refused() {
    let emu = demo();
    let err = emu.call(&add_admin(UNKNOWN_ROOM, "alice")).unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::RoomNotFound {
            id: UNKNOWN_ROOM.into()
        })
    );
    assert_api_error(
        Err::<(), _>(err),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
}

#[test]
fn adding_an_unknown_user_as_admin_is_refused() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    let err = emu.call(&add_admin(&id, "ghost")).unwrap_err();
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
    assert!(admins(&emu, &id).is_empty());
}

#[test]
fn an_admin_must_be_a_member_of_the_room() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001"]);
    let err = emu.call(&add_admin(&id, "u002")).unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::AdminMustBeMember {
            username: "u002".into(),
            room: id.clone(),
        })
    );
    assert_api_error(
        Err::<(), _>(err),
        404,
        "resource_not_found",
        &format!("user: u002 doesn't exist in group: {id}"),
    );
    assert!(admins(&emu, &id).is_empty());
    assert_eq!(
        emu.usernames_in(&id),
        vec!["u000", "u001"],
        "not added either"
    );
}

#[test]
fn adding_an_admin_twice_is_refused_the_second_time() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    emu.ok(&add_admin(&id, "u001"));
    let err = emu.call(&add_admin(&id, "u001")).unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::AlreadyAdmin {
            username: "u001".into()
        })
    );
    assert_api_error(
        Err::<(), _>(err),
        403,
        "forbidden_op",
        "user u001 is already an admin of this group!",
    );
    assert_eq!(admins(&emu, &id), vec!["u001"]);
}

#[test]
fn the_owner_cannot_be_made_an_admin() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    let err = emu.call(&add_admin(&id, "u000")).unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::AlreadyAdmin {
            username: "u000".into()
        })
    );
    assert!(admins(&emu, &id).is_empty());
}

#[test]
fn a_room_has_at_most_99_admins() {
    let emu = clean();
    let users = names("u", 101);
    emu.register(&users);
    let members: Vec<&str> = users[1..].iter().map(String::as_str).collect();
    let id = emu.room("Big", "u000", &members);
    assert_eq!(emu.detail(&id).affiliations_count, 101);
    for u in &users[1..100] {
        emu.ok(&add_admin(&id, u));
    }
    assert_eq!(admins(&emu, &id).len(), 99);
    let err = emu.call(&add_admin(&id, "u100")).unwrap_err();
    assert_eq!(err.refusal(), Some(&Refusal::TooManyAdmins { max: 99 }));
    assert_api_error(
        Err::<(), _>(err),
        403,
        "exceed_limit",
        "admins cannot exceed 99",
    );
    let now = admins(&emu, &id);
    assert_eq!(now.len(), 99);
    assert!(!now.contains(&"u100".to_string()));
    // One demoted makes room for another.
    emu.ok(&remove_admin(&id, "u050"));
    emu.ok(&add_admin(&id, "u100"));
    let now = admins(&emu, &id);
    assert_eq!(now.len(), 99);
    assert!(now.contains(&"u100".to_string()));
    assert!(!now.contains(&"u050".to_string()));
}

#[test]
fn an_admin_add_without_a_user_is_refused_by_the_server() {
    // The client refuses an empty username itself; only a raw request reaches the server.
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    assert!(matches!(
        emu.call(&add_admin(&id, "")).unwrap_err().kind,
        ErrorKind::Invalid(Invalid::Missing(Field::Username))
    ));
    for body in [r#"{}"#, r#"{"newadmin":"  "}"#] {
        let resp = emu.raw(Method::Post, &format!("/chatrooms/{id}/admin"), Some(body));
        assert_raw_error(&resp, 400, "invalid_parameter", "newadmin must be provided");
    }
}

// ---------------------------------------------------------------- DELETE /chatrooms/{id}/admin/{u}

#[test]
fn removing_an_admin_keeps_them_a_member() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    emu.ok(&add_admin(&id, "u001"));
    emu.ok(&add_admin(&id, "u002"));
    let r = emu.ok(&remove_admin(&id, "u001"));
    assert_eq!(
        r,
        RemovedAdmin {
            result: "success".into(),
            oldadmin: "u001".into(),
        }
    );
    assert_eq!(admins(&emu, &id), vec!["u002"]);
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001", "u002"]);
}

#[test]
fn an_admin_removal_answers_with_the_documented_shape() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    emu.ok(&add_admin(&id, "u001"));
    let env = envelope(&emu.raw(Method::Delete, &format!("/chatrooms/{id}/admin/u001"), None));
    assert_eq!(env.action.as_deref(), Some("delete"));
    assert_eq!(
        env.data,
        Some(serde_json::json!({"result": "success", "oldadmin": "u001"}))
    );
    assert!(admins(&emu, &id).is_empty());
}

#[test]
fn removing_someone_who_is_not_an_admin_is_refused() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001"]);
    let err = emu.call(&remove_admin(&id, "u001")).unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::NotAdmin {
            username: "u001".into()
        })
    );
    assert_api_error(
        Err::<(), _>(err),
        403,
        "forbidden_op",
        "user u001 is not an admin of this group!",
    );
    // Nor is the owner, nor a user outside the room.
    for u in ["u000", "u002"] {
        assert_eq!(
            emu.call(&remove_admin(&id, u)).unwrap_err().refusal(),
            Some(&Refusal::NotAdmin { username: u.into() })
        );
    }
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001"]);
}

#[test]
fn removing_an_admin_from_an_unknown_room_or_an_unknown_user_is_refused() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    emu.ok(&add_admin(&id, "u001"));
    assert_api_error(
        emu.call(&remove_admin(UNKNOWN_ROOM, "u001")),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
    let err = emu.call(&remove_admin(&id, "ghost")).unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::UserNotFound {
            username: "ghost".into()
        })
    );
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.description(), Some("username ghost doesn't exist!"));
    assert_eq!(admins(&emu, &id), vec!["u001"]);
}

#[test]
fn an_admin_who_leaves_the_room_is_an_admin_no_more() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    emu.ok(&add_admin(&id, "u001"));
    emu.ok(&RemoveMember {
        id: id.clone(),
        username: "u001".into(),
    });
    assert!(admins(&emu, &id).is_empty());
    // Back in the room, as a plain member.
    emu.ok(&AddMember {
        id: id.clone(),
        username: "u001".into(),
    });
    assert!(admins(&emu, &id).is_empty());
}

// ---------------------------------------------------------------- lost answers

#[test]
fn an_admin_add_or_removal_whose_answer_was_lost_is_settled_by_its_repeat() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    lose_every_answer(&emu, true);
    // Sent once only, the lost answer is all the caller learns; the write was done.
    let once = emu.call(&add_admin(&id, "u001")).unwrap_err();
    assert_eq!(once.status(), Some(503));
    assert_eq!(admins(&emu, &id), vec!["u001"]);

    // Sent again, the repeat finds them no longer an admin, which the first send did.
    let t = Recording::default();
    let r = block_on(twice(&emu, &t).send(&remove_admin(&id, "u001"))).expect("settled");
    assert_eq!(
        r,
        RemovedAdmin {
            result: "success".into(),
            oldadmin: "u001".into(),
        }
    );
    assert_eq!(
        t.paths(&emu.base),
        vec![format!("DELETE /chatrooms/{id}/admin/u001"); 2]
    );
    assert!(admins(&emu, &id).is_empty());

    // Likewise the add: the repeat is refused as "already an admin".
    let t = Recording::default();
    let r = block_on(twice(&emu, &t).send(&add_admin(&id, "u001"))).expect("settled");
    assert_eq!(
        r,
        AddedAdmin {
            result: "success".into(),
            newadmin: "u001".into(),
        }
    );
    assert_eq!(
        t.paths(&emu.base),
        vec![format!("POST /chatrooms/{id}/admin"); 2]
    );
    assert_eq!(admins(&emu, &id), vec!["u001"]);

    // A refusal earned by the first send is not mistaken for a repeat's.
    lose_every_answer(&emu, false);
    let err =
        block_on(twice(&emu, &Recording::default()).send(&add_admin(&id, "u001"))).unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::AlreadyAdmin {
            username: "u001".into()
        })
    );
}

#[test]
fn an_admin_who_is_given_the_room_is_its_owner_and_no_longer_an_admin_or_muted() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    emu.ok(&add_admin(&id, "u001"));
    emu.ok(&Mute {
        id: id.clone(),
        usernames: vec!["u001".into()],
        duration: MuteFor::Forever,
    });
    emu.ok(&TransferRoom {
        id: id.clone(),
        new_owner: "u001".into(),
    });
    assert!(admins(&emu, &id).is_empty());
    assert!(emu.ok(&ListMutes { id: id.clone() }).is_empty());
    // The old owner is a plain member now, and can be made an admin.
    emu.ok(&add_admin(&id, "u000"));
    assert_eq!(admins(&emu, &id), ["u000"]);
}
