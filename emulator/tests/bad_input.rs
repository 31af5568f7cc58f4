//! Bad input changes nothing: every refused request leaves every room, member and user as it
//! was, and is refused with a 4xx and an Easemob error body, never a 500.

mod common;

use common::*;
use easemob_api::wire::*;
use easemob_api::*;

/// Every endpoint that reads a body, as (method, path) on the demo app.
fn body_endpoints(emu: &Emu) -> Vec<(Method, String)> {
    let id = emu.all_rooms()[0].id.clone();
    vec![
        (Method::Post, "/chatrooms".to_string()),
        (Method::Put, format!("/chatrooms/{id}")),
        (Method::Post, format!("/chatrooms/{id}/users")),
        (Method::Post, "/users".to_string()),
        (Method::Post, "/token".to_string()),
    ]
}

/// Sends `body` (or none) to every body endpoint and checks each answer is a 4xx Easemob
/// error; returns the bodies.
fn refused_everywhere(emu: &Emu, body: Option<&str>, what: &str) -> Vec<ErrorBody> {
    body_endpoints(emu)
        .into_iter()
        .map(|(method, path)| {
            let resp = emu.raw(method, &path, body);
            assert!(
                (400..500).contains(&resp.status),
                "{what} to {method} {path}: {} {}",
                resp.status,
                resp.body
            );
            assert_client_error(&resp)
        })
        .collect()
}

#[test]
fn a_create_naming_an_unknown_member_creates_no_room() {
    let emu = demo();
    let before = emu.snapshot();
    assert_api_error(
        emu.call(&CreateRoom(CreateChatroom {
            name: "Never".into(),
            description: "made".into(),
            owner: "alice".into(),
            members: Some(vec!["bob".into(), "carol".into(), "nobody".into()]),
            ..Default::default()
        })),
        404,
        "resource_not_found",
        "username nobody doesn't exist!",
    );
    assert_eq!(emu.all_rooms().len(), DEMO_ROOMS);
    assert_eq!(emu.snapshot(), before);
    let bob = emu.ok(&UserJoinedRooms {
        username: "bob".into(),
        ..Default::default()
    });
    assert!(bob.iter().all(|j| j.name != "Never"));
}

#[test]
fn a_batch_add_that_would_exceed_maxusers_adds_nobody() {
    // [I] the refusal's wording is not documented.
    let emu = demo();
    let id = emu.ok(&CreateRoom(CreateChatroom {
        name: "Small".into(),
        description: "three seats".into(),
        maxusers: Some(3),
        owner: "alice".into(),
        members: Some(vec!["bob".into()]),
        custom: None,
    }));
    let before = emu.snapshot();
    assert_api_error(
        emu.call(&AddMembers {
            id: id.clone(),
            usernames: vec!["carol".into(), "dave".into()],
        }),
        403,
        "forbidden_op",
        &format!("can not join this group, reason:chatroom {id} has reached its maxusers"),
    );
    assert_eq!(emu.usernames_in(&id), vec!["alice", "bob"]);
    assert_eq!(emu.snapshot(), before);
    // One seat left: one more fits.
    emu.ok(&AddMembers {
        id: id.clone(),
        usernames: vec!["carol".into()],
    });
    assert_eq!(emu.usernames_in(&id), vec!["alice", "bob", "carol"]);
}

#[test]
fn malformed_json_is_refused_and_changes_nothing() {
    let emu = demo();
    let before = emu.snapshot();
    for body in [
        r#"{"name":"#,
        "not json at all",
        r#"{"name":"x",}"#,
        r#"{"name":"x"} trailing"#,
        "{'name':'x'}",
    ] {
        for e in refused_everywhere(&emu, Some(body), body) {
            assert_eq!(e.error, "invalid_parameter", "{e:?}");
        }
    }
    assert_eq!(emu.snapshot(), before);
}

#[test]
fn deeply_nested_json_is_refused_and_changes_nothing() {
    let emu = demo();
    let before = emu.snapshot();
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    refused_everywhere(&emu, Some(&deep), "deep nesting");
    let deep_obj = format!("{}1{}", r#"{"a":"#.repeat(10_000), "}".repeat(10_000));
    refused_everywhere(&emu, Some(&deep_obj), "deep objects");
    assert_eq!(emu.snapshot(), before);
}

#[test]
fn an_empty_body_is_refused_and_changes_nothing() {
    let emu = demo();
    let before = emu.snapshot();
    for body in [None, Some(""), Some("   \n")] {
        for e in refused_everywhere(&emu, body, &format!("{body:?}")) {
            assert_eq!(e.error, "invalid_parameter", "{e:?}");
        }
    }
    assert_eq!(emu.snapshot(), before);
}

#[test]
fn a_body_of_the_wrong_json_shape_is_refused_and_changes_nothing() {
    let emu = demo();
    let before = emu.snapshot();
    for body in ["null", "[]", "42", r#""text""#, "true"] {
        refused_everywhere(&emu, Some(body), body);
    }
    assert_eq!(emu.snapshot(), before);
}

#[test]
fn fields_of_the_wrong_json_type_are_refused_and_change_nothing() {
    let emu = demo();
    let id = emu.all_rooms()[0].id.clone();
    let room = format!("/chatrooms/{id}");
    let members = format!("/chatrooms/{id}/users");
    let before = emu.snapshot();
    let c = |m: Method, p: &str, b: &str| (m, p.to_string(), b.to_string());
    let cases = vec![
        // create
        c(
            Method::Post,
            "/chatrooms",
            r#"{"name":"n","description":"d","owner":"alice","maxusers":"300"}"#,
        ),
        c(
            Method::Post,
            "/chatrooms",
            r#"{"name":5,"description":"d","owner":"alice"}"#,
        ),
        c(
            Method::Post,
            "/chatrooms",
            r#"{"name":"n","description":["d"],"owner":"alice"}"#,
        ),
        c(
            Method::Post,
            "/chatrooms",
            r#"{"name":"n","description":"d","owner":{"u":"alice"}}"#,
        ),
        c(
            Method::Post,
            "/chatrooms",
            r#"{"name":"n","description":"d","owner":"alice","members":"bob"}"#,
        ),
        c(
            Method::Post,
            "/chatrooms",
            r#"{"name":"n","description":"d","owner":"alice","members":[1,2]}"#,
        ),
        c(
            Method::Post,
            "/chatrooms",
            r#"{"name":"n","description":"d","owner":"alice","maxusers":-1}"#,
        ),
        c(
            Method::Post,
            "/chatrooms",
            r#"{"name":"n","description":"d","owner":"alice","maxusers":1.5}"#,
        ),
        c(
            Method::Post,
            "/chatrooms",
            r#"{"name":"n","description":"d","owner":"alice","maxusers":1e30}"#,
        ),
        c(
            Method::Post,
            "/chatrooms",
            r#"{"name":"n","description":"d","owner":"alice","custom":{"a":1}}"#,
        ),
        // edit and transfer
        c(Method::Put, &room, r#"{"maxusers":"300"}"#),
        c(Method::Put, &room, r#"{"name":5}"#),
        c(Method::Put, &room, r#"{"description":false}"#),
        c(Method::Put, &room, r#"{"maxusers":-5}"#),
        c(Method::Put, &room, r#"{"newowner":5}"#),
        c(Method::Put, &room, r#"{"newowner":null}"#),
        c(Method::Put, &room, r#"{"newowner":["bob"]}"#),
        // batch add
        c(Method::Post, &members, r#"{"usernames":"bob"}"#),
        c(Method::Post, &members, r#"{"usernames":[1,2]}"#),
        c(Method::Post, &members, r#"{"usernames":null}"#),
        c(Method::Post, &members, r#"{"users":["bob"]}"#),
        // register
        c(
            Method::Post,
            "/users",
            r#"{"username":"newbie","password":5}"#,
        ),
        c(Method::Post, "/users", r#"{"username":7,"password":"p"}"#),
        c(
            Method::Post,
            "/users",
            r#"[{"username":"newbie","password":"p"},{"username":7}]"#,
        ),
        c(Method::Post, "/users", r#"[1,2]"#),
        // token
        c(
            Method::Post,
            "/token",
            &format!(
                r#"{{"grant_type":"client_credentials","client_id":"{CLIENT_ID}","client_secret":"{CLIENT_SECRET}","ttl":"10"}}"#
            ),
        ),
        c(
            Method::Post,
            "/token",
            &format!(
                r#"{{"grant_type":"client_credentials","client_id":"{CLIENT_ID}","client_secret":"{CLIENT_SECRET}","ttl":-1}}"#
            ),
        ),
        c(
            Method::Post,
            "/token",
            r#"{"grant_type":"client_credentials","client_id":5,"client_secret":"x"}"#,
        ),
        // A ttl that does not fit in milliseconds must be refused, not overflow.
        c(
            Method::Post,
            "/token",
            &format!(
                r#"{{"grant_type":"client_credentials","client_id":"{CLIENT_ID}","client_secret":"{CLIENT_SECRET}","ttl":18446744073709551615}}"#
            ),
        ),
        c(
            Method::Post,
            "/token",
            &format!(
                r#"{{"grant_type":"client_credentials","client_id":"{CLIENT_ID}","client_secret":"{CLIENT_SECRET}","ttl":9300000000000000}}"#
            ),
        ),
    ];
    for (method, path, body) in &cases {
        let resp = emu.raw(*method, path, Some(body.as_str()));
        let e = assert_client_error(&resp);
        assert_eq!(resp.status, 400, "{method} {path} {body}: {}", resp.body);
        assert_eq!(
            e.error, "invalid_parameter",
            "{method} {path} {body}: {e:?}"
        );
    }
    assert_eq!(emu.snapshot(), before);
}

#[test]
fn an_oversized_body_is_refused_and_changes_nothing() {
    let emu = demo();
    let before = emu.snapshot();
    let filler = "x".repeat((1 << 20) + 1024);
    let id = emu.all_rooms()[0].id.clone();
    let cases = vec![
        (
            Method::Post,
            "/chatrooms".to_string(),
            format!(r#"{{"name":"n","description":"{filler}","owner":"alice"}}"#),
        ),
        (
            Method::Put,
            format!("/chatrooms/{id}"),
            format!(r#"{{"description":"{filler}"}}"#),
        ),
        (
            Method::Post,
            format!("/chatrooms/{id}/users"),
            format!(r#"{{"usernames":["{filler}"]}}"#),
        ),
        (
            Method::Post,
            "/users".to_string(),
            format!(r#"{{"username":"big","password":"{filler}"}}"#),
        ),
        (
            Method::Post,
            "/token".to_string(),
            format!(
                r#"{{"grant_type":"client_credentials","client_id":"{CLIENT_ID}","client_secret":"{filler}"}}"#
            ),
        ),
    ];
    for (method, path, body) in cases {
        assert!(body.len() > 1 << 20);
        let resp = emu.raw(method, &path, Some(&body));
        let e = assert_client_error(&resp);
        assert_eq!(
            (resp.status, e.error.as_str()),
            (413, "request_entity_too_large"),
            "{method} {path}: {}",
            resp.body
        );
    }
    assert_eq!(emu.snapshot(), before);
}

#[test]
fn a_body_just_under_the_limit_is_read() {
    // The limit is on bytes, so a large but acceptable body reaches validation.
    let emu = demo();
    let before = emu.snapshot();
    let filler = "x".repeat((1 << 20) - 200);
    let resp = emu.raw(
        Method::Post,
        "/chatrooms",
        Some(&format!(
            r#"{{"name":"n","description":"{filler}","owner":"alice"}}"#
        )),
    );
    assert_raw_error(&resp, 403, "exceed_limit", "desc cannot exceed to 512");
    assert_eq!(emu.snapshot(), before);
}

#[test]
fn a_refused_edit_changes_no_field_even_when_others_were_valid() {
    let emu = demo();
    let id = emu.all_rooms()[0].id.clone();
    let before = emu.snapshot();
    let long = "d".repeat(513);
    for body in [
        format!(r#"{{"name":"Renamed","description":"{long}"}}"#),
        r#"{"name":"Renamed","maxusers":1}"#.to_string(),
        r#"{"name":"Renamed","owner":"bob"}"#.to_string(),
        r#"{"name":"Renamed","maxusers":"9"}"#.to_string(),
    ] {
        let resp = emu.raw(Method::Put, &format!("/chatrooms/{id}"), Some(&body));
        assert_client_error(&resp);
    }
    assert_eq!(emu.snapshot(), before);
}

#[test]
fn a_refused_registration_batch_item_does_not_stop_or_undo_the_others() {
    // Not strictly bad input: a batch registers what it can and reports the rest.
    let emu = clean();
    let resp = emu.raw(
        Method::Post,
        "/users",
        Some(r#"[{"username":"ok1","password":"p"},{"username":"","password":"p"},{"username":"ok2","password":"p"}]"#),
    );
    let env = envelope(&resp);
    assert_eq!(env.entities.len(), 2);
    let users: Vec<String> = emu.all_users().into_iter().map(|u| u.username).collect();
    assert_eq!(users, vec!["ok1", "ok2"]);
}

#[test]
fn calls_to_unknown_paths_and_methods_get_easemob_errors() {
    // [I] undocumented; the emulator answers with Easemob-shaped 404 and 405 bodies.
    let emu = demo();
    let before = emu.snapshot();
    let resp = emu.raw(Method::Get, "/chatroomz", None);
    assert_eq!(resp.status, 404);
    assert_eq!(error_body(&resp).error, "service_resource_not_found");
    let resp = emu.raw(Method::Put, "/users", Some("{}"));
    assert_eq!(resp.status, 405);
    assert_eq!(error_body(&resp).error, "method_not_allowed");
    assert_eq!(emu.snapshot(), before);
}
