//! Members of a room: list, add one or many, remove one or many.

mod common;

use common::*;
use easemob_api::wire::*;
use easemob_api::*;
use pollster::block_on;

fn list_members(
    emu: &Emu,
    id: &str,
    pagenum: Option<u32>,
    pagesize: Option<u32>,
) -> Vec<Affiliation> {
    emu.ok(&ListMembers {
        id: id.into(),
        pagenum,
        pagesize,
    })
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

// ---------------------------------------------------------------- GET /chatrooms/{id}/users

#[test]
fn a_rooms_members_are_listed_owner_first() {
    let emu = clean();
    emu.register(&names("u", 4));
    let id = emu.room("Lobby", "u002", &["u000", "u001"]);
    emu.ok(&AddMember {
        id: id.clone(),
        username: "u003".into(),
    });
    assert_eq!(
        list_members(&emu, &id, None, None),
        vec![
            Affiliation::Owner("u002".into()),
            Affiliation::Member("u000".into()),
            Affiliation::Member("u001".into()),
            Affiliation::Member("u003".into()),
        ]
    );
}

#[test]
fn members_page_by_page_show_everyone_once_and_a_short_page_is_the_last() {
    let emu = clean();
    let users = names("u", 12);
    emu.register(&users);
    let members: Vec<&str> = users[1..].iter().map(String::as_str).collect();
    let id = emu.room("Lobby", "u000", &members);
    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    for pagenum in 1..=10 {
        let page = list_members(&emu, &id, Some(pagenum), Some(5));
        sizes.push(page.len());
        let last = page.len() < 5;
        seen.extend(page.into_iter().map(|a| a.username().to_string()));
        if last {
            break;
        }
    }
    assert_eq!(sizes, vec![5, 5, 2]);
    assert_eq!(seen, users);
    // Past the end: an empty page.
    assert!(list_members(&emu, &id, Some(4), Some(5)).is_empty());
}

#[test]
fn a_member_page_echoes_its_query() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    let env = envelope(&emu.raw(
        Method::Get,
        &format!("/chatrooms/{id}/users?pagenum=2&pagesize=2"),
        None,
    ));
    assert_eq!(env.count, Some(1));
    assert_eq!(env.data, Some(serde_json::json!([{"member": "u002"}])));
    let params = env.params.unwrap();
    assert_eq!(params["pagenum"], vec!["2".to_string()]);
    assert_eq!(params["pagesize"], vec!["2".to_string()]);
}

#[test]
fn members_of_an_unknown_room_are_not_found() {
    let emu = demo();
    assert_api_error(
        emu.call(&ListMembers {
            id: "6621186077491".into(),
            ..Default::default()
        }),
        404,
        "service_resource_not_found",
        "do not find this group:6621186077491",
    );
}

// ---------------------------------------------------------------- POST /chatrooms/{id}/users/{u}

#[test]
fn adding_one_user_makes_them_a_member() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &[]);
    let r = emu.ok(&AddMember {
        id: id.clone(),
        username: "u001".into(),
    });
    assert_eq!(
        r,
        AddedMember {
            result: true,
            action: "add_member".into(),
            id: id.clone(),
            user: "u001".into(),
        }
    );
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001"]);
}

#[test]
fn usernames_are_matched_whatever_their_case() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &[]);
    let r = emu.ok(&AddMember {
        id: id.clone(),
        username: "U001".into(),
    });
    assert_eq!(r.user, "u001", "the registered spelling is reported");
    let r = emu.ok(&AddMembers {
        id: id.clone(),
        usernames: strings(&["U002"]),
    });
    assert_eq!(r.newmembers, strings(&["u002"]));
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001", "u002"]);
    let r = emu.ok(&RemoveMember {
        id: id.clone(),
        username: "U001".into(),
    });
    assert_eq!(r.user, "u001");
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u002"]);
}

#[test]
fn adding_a_user_who_is_already_in_the_room_succeeds_and_changes_nothing() {
    // [D] the live doc's answer (success); doc-v2 said it fails.
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    let r = emu.ok(&AddMember {
        id: id.clone(),
        username: "u001".into(),
    });
    assert!(r.result);
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001"]);
}

#[test]
fn adding_a_user_to_an_unknown_room_is_refused() {
    let emu = demo();
    assert_api_error(
        emu.call(&AddMember {
            id: "6621186077491".into(),
            username: "alice".into(),
        }),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
}

#[test]
fn adding_an_unknown_user_is_refused() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    assert_api_error(
        emu.call(&AddMember {
            id: id.clone(),
            username: "user10".into(),
        }),
        404,
        "resource_not_found",
        "username user10 doesn't exist!",
    );
    assert_eq!(emu.usernames_in(&id), vec!["u000"]);
}

#[test]
fn adding_a_user_to_a_full_room_is_refused() {
    // [I] undocumented wording.
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.ok(&CreateRoom(CreateChatroom {
        name: "Tiny".into(),
        description: "two seats".into(),
        maxusers: Some(2),
        owner: "u000".into(),
        members: Some(vec!["u001".into()]),
        custom: None,
    }));
    assert_api_error(
        emu.call(&AddMember {
            id: id.clone(),
            username: "u002".into(),
        }),
        403,
        "forbidden_op",
        &format!("can not join this group, reason:chatroom {id} has reached its maxusers"),
    );
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001"]);
}

// ---------------------------------------------------------------- POST /chatrooms/{id}/users

#[test]
fn adding_users_in_a_batch_makes_them_all_members() {
    let emu = clean();
    emu.register(&names("u", 4));
    let id = emu.room("Lobby", "u000", &[]);
    let r = emu.ok(&AddMembers {
        id: id.clone(),
        usernames: strings(&["u001", "u002", "u003"]),
    });
    assert_eq!(
        r,
        AddedMembers {
            newmembers: strings(&["u001", "u002", "u003"]),
            action: "add_member".into(),
            id: id.clone(),
        }
    );
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001", "u002", "u003"]);
}

#[test]
fn a_batch_add_counts_users_already_in_the_room_as_added() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001"]);
    let r = emu.ok(&AddMembers {
        id: id.clone(),
        usernames: strings(&["u001", "u002"]),
    });
    assert_eq!(r.newmembers, strings(&["u001", "u002"]));
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001", "u002"]);
}

#[test]
fn a_user_named_twice_in_a_batch_add_is_added_and_reported_once() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &[]);
    let r = emu.ok(&AddMembers {
        id: id.clone(),
        usernames: strings(&["u001", "u002", "U001"]),
    });
    assert_eq!(r.newmembers, strings(&["u001", "u002"]));
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001", "u002"]);
}

#[test]
fn a_batch_add_to_an_unknown_room_is_refused() {
    let emu = demo();
    assert_api_error(
        emu.call(&AddMembers {
            id: "6621186077491".into(),
            usernames: strings(&["alice", "bob"]),
        }),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
}

#[test]
fn a_batch_add_naming_an_unknown_user_adds_nobody() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &[]);
    assert_api_error(
        emu.call(&AddMembers {
            id: id.clone(),
            usernames: strings(&["u001", "user10", "u002"]),
        }),
        404,
        "resource_not_found",
        "username user10 doesn't exist!",
    );
    assert_eq!(emu.usernames_in(&id), vec!["u000"]);
}

#[test]
fn a_batch_add_of_more_than_60_users_is_refused_by_the_server() {
    // The client splits such lists itself; only a raw request reaches the server's check.
    let emu = clean();
    let users = names("u", 62);
    emu.register(&users);
    let id = emu.room("Lobby", "u000", &[]);
    let body = serde_json::to_string(&UsernamesBody {
        usernames: users[1..].to_vec(),
    })
    .unwrap();
    assert_eq!(users[1..].len(), 61);
    let resp = emu.raw(Method::Post, &format!("/chatrooms/{id}/users"), Some(&body));
    assert_raw_error(
        &resp,
        400,
        "invalid_parameter",
        "addMembers: addMembers number more than maxSize : 60",
    );
    assert_eq!(emu.usernames_in(&id), vec!["u000"]);
    // Exactly 60 is fine.
    let body = serde_json::to_string(&UsernamesBody {
        usernames: users[1..61].to_vec(),
    })
    .unwrap();
    let resp = emu.raw(Method::Post, &format!("/chatrooms/{id}/users"), Some(&body));
    assert_eq!(resp.status, 200, "{}", resp.body);
    assert_eq!(emu.detail(&id).affiliations_count, 61);
}

#[test]
fn a_batch_add_of_nobody_is_refused() {
    // [I] undocumented wording.
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    let resp = emu.raw(
        Method::Post,
        &format!("/chatrooms/{id}/users"),
        Some(r#"{"usernames":[]}"#),
    );
    assert_raw_error(
        &resp,
        400,
        "invalid_parameter",
        "usernames must be provided",
    );
}

#[test]
fn adding_130_users_takes_three_requests_and_all_of_them_join() {
    let emu = clean();
    let users = names("u", 131);
    // Registered 60 a request by the helper.
    emu.register(&users);
    assert_eq!(emu.all_users().len(), 131);
    let id = emu.room("Big", "u000", &[]);
    let t = Recording::default();
    let c = Client::new(emu.conn.clone(), t.clone());
    let results = block_on(c.add_members(&id, &users[1..]));
    assert_eq!(t.requests().len(), 3);
    let sizes: Vec<usize> = results.iter().map(|(chunk, _)| chunk.len()).collect();
    assert_eq!(sizes, vec![60, 60, 10]);
    let mut added = Vec::new();
    for (chunk, r) in results {
        let r = r.expect("every request succeeds");
        assert_eq!(r.newmembers, chunk);
        added.extend(r.newmembers);
    }
    assert_eq!(added, users[1..].to_vec());
    let d = emu.detail(&id);
    assert_eq!(d.affiliations_count, 131);
    let everyone: Vec<String> = d
        .affiliations
        .iter()
        .map(|a| a.username().to_string())
        .collect();
    assert_eq!(everyone, users);
}

// ---------------------------------------------------------------- DELETE /chatrooms/{id}/users/{u}

#[test]
fn removing_one_member_takes_them_out() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    let r = emu.ok(&RemoveMember {
        id: id.clone(),
        username: "u001".into(),
    });
    assert_eq!(
        r,
        RemovedMember {
            result: true,
            action: "remove_member".into(),
            reason: None,
            user: "u001".into(),
            id: id.clone(),
        }
    );
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u002"]);
    let joined = emu.ok(&UserJoinedRooms {
        username: "u001".into(),
        ..Default::default()
    });
    assert!(joined.is_empty());
}

#[test]
fn removing_someone_who_is_not_a_member_is_refused() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001"]);
    assert_api_error(
        emu.call(&RemoveMember {
            id: id.clone(),
            username: "u002".into(),
        }),
        400,
        "forbidden_op",
        "users [u002] are not members of this group!",
    );
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001"]);
}

#[test]
fn removing_an_unknown_user_is_refused() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    assert_api_error(
        emu.call(&RemoveMember {
            id: id.clone(),
            username: "user10".into(),
        }),
        404,
        "resource_not_found",
        "username user10 doesn't exist!",
    );
}

#[test]
fn removing_a_member_of_an_unknown_room_is_refused() {
    let emu = demo();
    assert_api_error(
        emu.call(&RemoveMember {
            id: "6621186077491".into(),
            username: "alice".into(),
        }),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
    assert_api_error(
        emu.call(&RemoveMembers {
            id: "6621186077491".into(),
            usernames: strings(&["alice", "bob"]),
        }),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
}

#[test]
fn removing_the_owner_is_refused() {
    // [I] undocumented wording.
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    assert_api_error(
        emu.call(&RemoveMember {
            id: id.clone(),
            username: "u000".into(),
        }),
        403,
        "forbidden_op",
        &format!("user: u000 is the owner of group: {id} and can not be removed"),
    );
    assert_eq!(emu.detail(&id).owner, "u000");
}

// ---------------------------------------------------------------- DELETE /chatrooms/{id}/users/{u1},{u2}

#[test]
fn removing_several_users_reports_each_with_a_reason_for_those_not_removed() {
    let emu = clean();
    emu.register(&names("u", 4));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    let r = emu.ok(&RemoveMembers {
        id: id.clone(),
        usernames: strings(&["u003", "u002", "ghost", "u001"]),
    });
    let removed = |u: &str| RemovedMember {
        result: true,
        action: "remove_member".into(),
        reason: None,
        user: u.into(),
        id: id.clone(),
    };
    let kept = |u: &str| RemovedMember {
        result: false,
        action: "remove_member".into(),
        reason: Some(format!("user: {u} doesn't exist in group: {id}")),
        user: u.into(),
        id: id.clone(),
    };
    assert_eq!(
        r,
        vec![
            kept("u003"),
            removed("u002"),
            kept("ghost"),
            removed("u001")
        ]
    );
    assert_eq!(emu.usernames_in(&id), vec!["u000"]);
}

#[test]
fn a_batch_removal_answers_with_an_array_even_for_everyone_removed() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    let env = envelope(&emu.raw(
        Method::Delete,
        &format!("/chatrooms/{id}/users/u001%2Cu002"),
        None,
    ));
    assert_eq!(env.action.as_deref(), Some("delete"));
    let data = env.data.unwrap();
    assert_eq!(data.as_array().map(Vec::len), Some(2), "{data}");
    assert_eq!(emu.usernames_in(&id), vec!["u000"]);
}

#[test]
fn a_batch_removal_naming_the_owner_keeps_the_owner() {
    let emu = clean();
    emu.register(&names("u", 2));
    let id = emu.room("Lobby", "u000", &["u001"]);
    let r = emu.ok(&RemoveMembers {
        id: id.clone(),
        usernames: strings(&["u000", "u001"]),
    });
    assert_eq!(r.len(), 2);
    assert!(!r[0].result);
    assert_eq!(
        r[0].reason.as_deref(),
        Some(format!("user: u000 is the owner of group: {id} and can not be removed").as_str())
    );
    assert!(r[1].result);
    assert_eq!(emu.usernames_in(&id), vec!["u000"]);
}

#[test]
fn a_batch_removal_of_nobody_in_the_room_is_refused() {
    let emu = clean();
    emu.register(&names("u", 3));
    let id = emu.room("Lobby", "u000", &["u001"]);
    assert_api_error(
        emu.call(&RemoveMembers {
            id: id.clone(),
            usernames: strings(&["user10", "u002"]),
        }),
        403,
        "forbidden_op",
        "users [user10, u002] are not members of this group!",
    );
    assert_eq!(emu.usernames_in(&id), vec!["u000", "u001"]);
}

#[test]
fn a_batch_removal_of_more_than_60_users_is_refused_by_the_server() {
    // The client splits such lists itself; only a raw request reaches the server's check.
    let emu = clean();
    let users = names("u", 62);
    emu.register(&users);
    let members: Vec<&str> = users[1..].iter().map(String::as_str).collect();
    let id = emu.room("Lobby", "u000", &members);
    let list = users[1..].join("%2C");
    let resp = emu.raw(
        Method::Delete,
        &format!("/chatrooms/{id}/users/{list}"),
        None,
    );
    assert_raw_error(
        &resp,
        400,
        "invalid_parameter",
        "kickMember: kickMembers number more than maxSize : 60",
    );
    assert_eq!(emu.detail(&id).affiliations_count, 62);
}

#[test]
fn the_client_removes_any_number_of_users_60_a_request() {
    let emu = clean();
    let users = names("u", 71);
    emu.register(&users);
    let members: Vec<&str> = users[1..].iter().map(String::as_str).collect();
    let id = emu.room("Lobby", "u000", &members);
    let t = Recording::default();
    let c = Client::new(emu.conn.clone(), t.clone());
    let batches = block_on(c.remove_members(&id, &users[1..]));
    assert_eq!(t.requests().len(), 2);
    assert_eq!(
        batches
            .iter()
            .map(|(names, _)| names.len())
            .collect::<Vec<_>>(),
        [60, 10]
    );
    let results: Vec<_> = batches
        .into_iter()
        .flat_map(|(_, r)| r.expect("each request succeeds"))
        .collect();
    assert_eq!(results.len(), 70);
    assert!(results.iter().all(|r| r.result), "{results:?}");
    assert_eq!(emu.usernames_in(&id), vec!["u000"]);
}
