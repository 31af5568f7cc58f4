//! Users: register one or a batch, look one up, list them, and the rooms a user has joined.

mod common;

use common::*;
use easemob_api::wire::*;
use easemob_api::*;
use std::collections::BTreeSet;

fn new_user(name: &str) -> NewUser {
    NewUser {
        username: name.into(),
        password: "secret".into(),
        nickname: None,
    }
}

fn register_raw(emu: &Emu, body: &str) -> HttpResponse {
    emu.raw(Method::Post, "/users", Some(body))
}

// ---------------------------------------------------------------- POST /users

#[test]
fn registering_one_user_creates_them() {
    let emu = clean();
    let r = emu.ok(&RegisterUsers {
        users: vec![NewUser {
            username: "li.wei".into(),
            password: "pw".into(),
            nickname: Some("Li Wei".into()),
        }],
    });
    assert!(r.failed.is_empty());
    assert_eq!(r.created.len(), 1);
    let u = &r.created[0];
    assert_eq!(u.username, "li.wei");
    assert_eq!(u.kind, "user");
    assert!(u.activated);
    assert!(!u.uuid.is_empty());
    assert!(u.created > 0);
    assert_eq!(u.nickname.as_deref(), Some("Li Wei"));
    assert_eq!(
        emu.ok(&GetUser {
            username: "li.wei".into()
        }),
        *u
    );
}

#[test]
fn a_registration_answer_has_the_users_path() {
    let emu = clean();
    let env = envelope(&register_raw(&emu, r#"{"username":"u1","password":"p"}"#));
    assert_eq!(env.action.as_deref(), Some("post"));
    assert_eq!(env.path.as_deref(), Some("/users"));
    assert_eq!(env.entities.len(), 1);
}

#[test]
fn registering_a_batch_creates_every_user() {
    let emu = clean();
    let r = emu.ok(&RegisterUsers {
        users: vec![new_user("u1"), new_user("u2"), new_user("u3")],
    });
    assert!(r.failed.is_empty());
    let created: Vec<&str> = r.created.iter().map(|u| u.username.as_str()).collect();
    assert_eq!(created, vec!["u1", "u2", "u3"]);
    assert_eq!(emu.all_users().len(), 3);
}

#[test]
fn a_batch_registration_reports_users_that_already_exist_and_creates_the_rest() {
    let emu = clean();
    emu.register(&["user3".to_string()]);
    let r = emu.ok(&RegisterUsers {
        users: vec![new_user("user1"), new_user("user3"), new_user("user2")],
    });
    let created: Vec<&str> = r.created.iter().map(|u| u.username.as_str()).collect();
    assert_eq!(created, vec!["user1", "user2"]);
    assert_eq!(
        r.failed,
        vec![RegistrationFailure {
            username: "user3".into(),
            reason: "the user3 already exists".into(),
        }]
    );
    assert_eq!(emu.all_users().len(), 3);
}

#[test]
fn registering_an_existing_username_is_refused_whatever_its_case() {
    let emu = clean();
    emu.register(&["alice".to_string()]);
    let app = emu
        .ok(&RequestToken {
            credentials: credentials(),
            ttl: None,
        })
        .application;
    for name in ["alice", "ALICE"] {
        assert_api_error(
            emu.call(&RegisterUsers {
                users: vec![new_user(name)],
            }),
            400,
            "duplicate_unique_property_exists",
            &format!(
                "Application {app} Entity user requires that property named username be unique, value of {name} exists"
            ),
        );
    }
    assert_eq!(emu.all_users().len(), 1);
}

#[test]
fn registering_an_illegal_username_is_refused() {
    // The client refuses such names before sending, so these go raw.
    let emu = clean();
    for name in ["user#1", "a b", "用户"] {
        let body = serde_json::to_string(&new_user(name)).unwrap();
        assert_raw_error(
            &register_raw(&emu, &body),
            400,
            "illegal_argument",
            &format!("username [{name}] is not legal"),
        );
    }
    assert!(emu.all_users().is_empty());
}

#[test]
fn registering_a_username_longer_than_64_characters_is_refused() {
    let emu = clean();
    let long = "a".repeat(65);
    let body = serde_json::to_string(&new_user(&long)).unwrap();
    assert_raw_error(
        &register_raw(&emu, &body),
        400,
        "illegal_argument",
        "USERNAME_TOO_LONG",
    );
    // 64 is fine.
    emu.register(&["b".repeat(64)]);
    assert_eq!(emu.all_users().len(), 1);
}

#[test]
fn registering_a_user_without_a_password_is_refused() {
    let emu = clean();
    assert_raw_error(
        &register_raw(&emu, r#"{"username":"u1"}"#),
        400,
        "illegal_argument",
        "password or pin must provided",
    );
    assert!(emu.all_users().is_empty());
}

#[test]
fn a_batch_registration_reports_illegal_names_one_by_one() {
    let emu = clean();
    let resp = register_raw(
        &emu,
        r#"[{"username":"good","password":"p"},{"username":"bad name","password":"p"},{"username":"nopass"}]"#,
    );
    let env = envelope(&resp);
    assert_eq!(env.entities.len(), 1);
    assert_eq!(
        env.data,
        Some(serde_json::json!([
            {"username": "bad name", "registerUserFailReason": "username [bad name] is not legal"},
            {"username": "nopass", "registerUserFailReason": "password or pin must provided"},
        ]))
    );
    let users: Vec<String> = emu.all_users().into_iter().map(|u| u.username).collect();
    assert_eq!(users, vec!["good"]);
}

#[test]
fn a_batch_registration_of_more_than_60_users_is_refused() {
    // [I] the reference documents the limit, not the wording; the client refuses it first.
    let emu = clean();
    let users: Vec<NewUser> = names("u", 61).iter().map(|n| new_user(n)).collect();
    let resp = register_raw(&emu, &serde_json::to_string(&users).unwrap());
    assert_raw_error(
        &resp,
        400,
        "invalid_parameter",
        "at most 60 users a request, not 61",
    );
    assert!(emu.all_users().is_empty());
}

// ---------------------------------------------------------------- GET /users/{u}

#[test]
fn looking_up_a_user_finds_them_whatever_the_case() {
    let emu = demo();
    let u = emu.ok(&GetUser {
        username: "alice".into(),
    });
    assert_eq!(u.username, "alice");
    assert_eq!(u.nickname.as_deref(), Some("alice"));
    let same = emu.ok(&GetUser {
        username: "Alice".into(),
    });
    assert_eq!(same, u);
    let env = envelope(&emu.raw(Method::Get, "/users/alice", None));
    assert_eq!(env.count, Some(1));
    assert_eq!(env.path.as_deref(), Some("/users"));
}

#[test]
fn looking_up_an_unknown_user_is_not_found() {
    let emu = demo();
    assert_api_error(
        emu.call(&GetUser {
            username: "nobody".into(),
        }),
        404,
        "service_resource_not_found",
        "Service resource not found",
    );
}

// ---------------------------------------------------------------- GET /users

#[test]
fn listing_users_page_by_page_shows_everyone_once_and_the_last_page_has_no_cursor() {
    let emu = clean();
    let all = names("u", 25);
    emu.register(&all);
    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    let mut cursor = None;
    for _ in 0..100 {
        let page = emu.ok(&ListUsers {
            limit: Some(10),
            cursor: cursor.take(),
        });
        sizes.push(page.items.len());
        seen.extend(page.items.into_iter().map(|u| u.username));
        match page.cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(sizes, vec![10, 10, 5]);
    assert_eq!(seen, all, "oldest first, nobody twice");
}

#[test]
fn a_user_page_that_ends_exactly_at_the_last_user_has_no_cursor() {
    let emu = clean();
    emu.register(&names("u", 20));
    let first = emu.ok(&ListUsers {
        limit: Some(10),
        cursor: None,
    });
    assert!(first.cursor.is_some());
    let second = emu.ok(&ListUsers {
        limit: Some(10),
        cursor: first.cursor,
    });
    assert_eq!(second.items.len(), 10);
    assert!(second.cursor.is_none());
}

#[test]
fn listing_users_without_a_limit_shows_ten() {
    let emu = demo();
    let page = emu.ok(&ListUsers::default());
    assert_eq!(page.items.len(), 10);
    assert!(page.cursor.is_some());
    assert_eq!(emu.all_users().len(), DEMO_USERS);
}

#[test]
fn a_user_list_limit_above_100_is_treated_as_100() {
    let emu = clean();
    emu.register(&names("u", 120));
    let env = envelope(&emu.raw(Method::Get, "/users?limit=500", None));
    assert_eq!(env.entities.len(), 100);
    assert!(env.cursor.is_some());
}

#[test]
fn an_app_without_users_lists_none() {
    let emu = clean();
    let page = emu.ok(&ListUsers::default());
    assert!(page.items.is_empty());
    assert!(page.cursor.is_none());
}

// ---------------------------------------------------------------- GET /users/{u}/joined_chatrooms

#[test]
fn a_users_joined_rooms_page_by_page_show_each_room_once() {
    let emu = clean();
    emu.register(&names("u", 2));
    let mut rooms = Vec::new();
    for i in 0..5 {
        rooms.push(emu.room(&format!("room {i}"), "u000", &["u001"]));
    }
    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    for pagenum in 1..=10 {
        let page = emu.ok(&UserJoinedRooms {
            username: "u001".into(),
            pagenum: Some(pagenum),
            pagesize: Some(2),
        });
        sizes.push(page.len());
        let last = page.len() < 2;
        for j in page {
            assert_eq!(j.disabled, Some(false));
            assert_eq!(
                j.name,
                format!("room {}", rooms.iter().position(|r| *r == j.id).unwrap())
            );
            seen.push(j.id);
        }
        if last {
            break;
        }
    }
    assert_eq!(sizes, vec![2, 2, 1]);
    // Latest joined first.
    let expected: Vec<String> = rooms.iter().rev().cloned().collect();
    assert_eq!(seen, expected);
}

#[test]
fn a_users_joined_rooms_without_paging_are_all_there() {
    let emu = demo();
    let joined = emu.ok(&UserJoinedRooms {
        username: "alice".into(),
        ..Default::default()
    });
    // Whatever the demo data holds, it is the set of rooms that list alice.
    let ids: Vec<String> = emu.all_rooms().into_iter().map(|r| r.id).collect();
    let details = pollster::block_on(emu.client.room_details(&ids)).unwrap();
    let expected: BTreeSet<String> = details
        .into_iter()
        .filter(|d| d.affiliations.iter().any(|a| a.username() == "alice"))
        .map(|d| d.id)
        .collect();
    assert!(!expected.is_empty(), "alice is in the room with everybody");
    let got: BTreeSet<String> = joined.into_iter().map(|j| j.id).collect();
    assert_eq!(got, expected);
}

#[test]
fn joined_rooms_echo_the_string_disabled_flag_and_the_query() {
    let emu = clean();
    emu.register(&names("u", 1));
    emu.room("Lobby", "u000", &[]);
    let env = envelope(&emu.raw(
        Method::Get,
        "/users/u000/joined_chatrooms?pagenum=1&pagesize=10",
        None,
    ));
    let data = env.data.unwrap();
    assert_eq!(data[0]["disabled"], serde_json::json!("false"));
    assert_eq!(env.count, Some(1));
    assert_eq!(env.params.unwrap()["pagesize"], vec!["10".to_string()]);
}

#[test]
fn without_paging_only_the_latest_500_joined_rooms_are_listed() {
    let emu = clean();
    emu.register(&names("u", 2));
    let mut rooms = Vec::new();
    for i in 0..501 {
        rooms.push(emu.room(&format!("room {i}"), "u000", &["u001"]));
    }
    let latest = emu.ok(&UserJoinedRooms {
        username: "u001".into(),
        ..Default::default()
    });
    assert_eq!(latest.len(), 500);
    assert!(
        latest.iter().all(|j| j.id != rooms[0]),
        "the room joined first is the one left out"
    );
    // A page size asks for more (the default page size is 1000).
    let all = emu.ok(&UserJoinedRooms {
        username: "u001".into(),
        pagenum: Some(1),
        pagesize: None,
    });
    assert_eq!(all.len(), 501);
}

#[test]
fn a_user_in_no_room_has_joined_none() {
    let emu = clean();
    emu.register(&names("u", 1));
    assert!(emu
        .ok(&UserJoinedRooms {
            username: "u000".into(),
            ..Default::default()
        })
        .is_empty());
}

#[test]
fn the_joined_rooms_of_an_unknown_user_are_not_found() {
    let emu = demo();
    assert_api_error(
        emu.call(&UserJoinedRooms {
            username: "user10".into(),
            ..Default::default()
        }),
        404,
        "resource_not_found",
        "username user10 doesn't exist!",
    );
}

// ---------------------------------------------------------------- DELETE /users (server SDKs)

fn json(resp: &HttpResponse) -> serde_json::Value {
    serde_json::from_str(&resp.body).unwrap_or_else(|e| panic!("{e}: {}", resp.body))
}

#[test]
fn deleting_a_user_dissolves_their_rooms_and_takes_them_out_of_the_others() {
    let emu = demo();
    let owned = emu.room("Dave's", "dave", &["alice"]);
    let joined = emu.room("Alice's", "alice", &["dave", "bob"]);
    let third = emu.room("Carol's", "carol", &["dave"]);
    // What else is his: a super admin's role, a block elsewhere, an attribute he set.
    let ok = |resp: HttpResponse| assert_eq!(resp.status, 200, "{}", resp.body);
    ok(emu.raw(
        Method::Post,
        "/chatrooms/super_admin",
        Some(r#"{"superadmin":"dave"}"#),
    ));
    ok(emu.raw(
        Method::Post,
        &format!("/chatrooms/{third}/blocks/users/dave"),
        None,
    ));
    ok(emu.raw(
        Method::Put,
        &format!("/metadata/chatroom/{joined}/user/dave"),
        Some(r#"{"metaData":{"dave.key":"v"},"autoDelete":"NO_DELETE"}"#),
    ));
    let resp = emu.raw(Method::Delete, "/users/DAVE", None);
    assert_eq!(resp.status, 200, "{}", resp.body);
    let body = json(&resp);
    assert_eq!(body["action"], "delete");
    assert_eq!(body["path"], "/users");
    assert_eq!(body["entities"][0]["username"], "dave");
    assert_eq!(body["entities"][0]["type"], "user");
    // Gone: the user, the room she owned, her place in the other.
    assert_api_error(
        emu.call(&GetUser {
            username: "dave".into(),
        }),
        404,
        "service_resource_not_found",
        "Service resource not found",
    );
    assert!(emu.all_rooms().iter().all(|r| r.id != owned));
    assert_eq!(emu.usernames_in(&joined), vec!["alice", "bob"]);
    // A second delete finds nobody: the 404 of a user lookup.
    let again = emu.raw(Method::Delete, "/users/dave", None);
    assert_eq!(again.status, 404, "{}", again.body);
    assert_eq!(json(&again)["error"], "service_resource_not_found");
    assert_eq!(json(&again)["exception"], "UserNotFoundException");
    // Nothing of his is left: registered again, he is nobody's admin, blocked nowhere, and his
    // attribute went with him.
    emu.register(&["dave".to_string()]);
    let supers = json(&emu.raw(Method::Get, "/chatrooms/super_admin", None));
    assert!(!supers["data"].to_string().contains("dave"), "{supers}");
    let blocks = json(&emu.raw(
        Method::Get,
        &format!("/chatrooms/{third}/blocks/users"),
        None,
    ));
    assert_eq!(blocks["data"], serde_json::json!([]));
    let attrs = json(&emu.raw(Method::Post, &format!("/metadata/chatroom/{joined}"), None));
    assert!(attrs["data"].get("dave.key").is_none(), "{attrs}");
    let rooms = json(&emu.raw(Method::Get, "/users/dave/joined_chatrooms", None));
    assert_eq!(rooms["data"], serde_json::json!([]));
}

#[test]
fn deleting_users_in_a_batch_takes_the_oldest_and_says_whether_more_remain() {
    let emu = clean();
    let names: Vec<String> = (0..5).map(|i| format!("u{i}")).collect();
    emu.register(&names);
    let resp = emu.raw(Method::Delete, "/users?limit=3", None);
    assert_eq!(resp.status, 200, "{}", resp.body);
    let body = json(&resp);
    let gone: Vec<&str> = body["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(gone, ["u0", "u1", "u2"]);
    assert!(body["cursor"].is_string(), "more remain: {}", resp.body);
    assert_eq!(body["params"]["limit"][0], "3");
    let rest = json(&emu.raw(Method::Delete, "/users", None));
    assert_eq!(rest["entities"].as_array().unwrap().len(), 2);
    assert!(rest.get("cursor").is_none_or(|c| c.is_null()), "{rest}");
    let left = json(&emu.raw(Method::Get, "/users", None));
    assert_eq!(left["entities"].as_array().unwrap().len(), 0);
}
