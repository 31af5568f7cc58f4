//! `POST /token`, the bearer token every other call needs, and the client's own token handling.

mod common;

use common::*;
use easemob_api::client::Client;
use easemob_api::wire::*;
use easemob_api::*;
use pollster::block_on;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

fn token_call(
    emu: &Emu,
    id: &str,
    secret: &str,
    ttl: Option<u64>,
) -> Result<TokenResponse, ApiError> {
    block_on(emu.client_with(emu.anonymous()).send_raw(&RequestToken {
        credentials: Credentials {
            client_id: id.into(),
            client_secret: secret.into(),
        },
        ttl,
    }))
}

/// A token that has expired: issued with a one-second lifetime, then waited out.
fn expired_token(emu: &Emu) -> String {
    let t = token_call(emu, CLIENT_ID, CLIENT_SECRET, Some(1)).expect("a short-lived token");
    assert_eq!(t.expires_in, 1);
    // The server computed the expiry before it answered, so 1.2 s after the answer the token
    // is past it on any machine.
    std::thread::sleep(Duration::from_millis(1200));
    t.access_token
}

#[test]
fn the_apps_client_credentials_get_an_app_token() {
    let emu = clean();
    let t = token_call(&emu, CLIENT_ID, CLIENT_SECRET, None).unwrap();
    assert!(t.access_token.starts_with("YWMt"), "{}", t.access_token);
    // The emulator's default lifetime (7200 s, like the Go SDK's default).
    assert_eq!(t.expires_in, 7200);
    assert!(!t.application.is_empty());
    // Two requests, two different tokens, both good.
    let t2 = token_call(&emu, CLIENT_ID, CLIENT_SECRET, Some(0)).unwrap();
    assert_ne!(t.access_token, t2.access_token);
    assert_eq!(
        t2.expires_in, 0,
        "ttl 0 asks for a token that never expires"
    );
    for token in [t.access_token, t2.access_token] {
        let c = emu.client_with(emu.anonymous().with_token(token));
        assert!(block_on(c.send(&ListRooms::default())).is_ok());
    }
}

#[test]
fn a_token_request_asks_for_the_lifetime_it_wants() {
    let emu = clean();
    let t = token_call(&emu, CLIENT_ID, CLIENT_SECRET, Some(1_024_000)).unwrap();
    assert_eq!(t.expires_in, 1_024_000);
}

#[test]
fn a_token_request_without_a_client_id_is_refused() {
    let emu = clean();
    assert_api_error(
        token_call(&emu, "", CLIENT_SECRET, None),
        400,
        "illegal_argument",
        "client_id must be provided.",
    );
}

#[test]
fn a_token_request_without_a_client_secret_is_refused() {
    let emu = clean();
    assert_api_error(
        token_call(&emu, CLIENT_ID, "", None),
        400,
        "illegal_argument",
        "client_secret must be provided",
    );
}

#[test]
fn a_wrong_client_id_gets_no_token() {
    let emu = clean();
    assert_api_error(
        token_call(&emu, "someone-else", CLIENT_SECRET, None),
        400,
        "invalid_grant",
        "client_id does not match",
    );
}

#[test]
fn a_wrong_client_secret_gets_no_token() {
    let emu = clean();
    assert_api_error(
        token_call(&emu, CLIENT_ID, "guess", None),
        400,
        "invalid_grant",
        "client_secret does not match",
    );
}

#[test]
fn a_token_request_without_a_grant_type_is_refused() {
    // Not documented; the emulator words it like the other missing fields.
    let emu = clean();
    let req = HttpRequest {
        method: Method::Post,
        url: emu.anonymous().url("/token", &[]),
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: Some(format!(
            r#"{{"client_id":"{CLIENT_ID}","client_secret":"{CLIENT_SECRET}"}}"#
        )),
    };
    assert_raw_error(
        &emu.send(req),
        400,
        "illegal_argument",
        "grant_type must be provided.",
    );
}

#[test]
fn a_token_request_to_an_unknown_app_says_the_app_is_not_found() {
    let emu = clean();
    let conn = Connection::new(&emu.base, "nope", "nothing");
    let r = block_on(emu.client_with(conn).send_raw(&RequestToken {
        credentials: credentials(),
        ttl: None,
    }));
    // The documents' example names `/users` as the URI because it was taken from that page;
    // the emulator names the path that was asked for.
    assert_api_error(
        r,
        404,
        "organization_application_not_found",
        "Could not find application for nope/nothing from URI: nope/nothing/token",
    );
}

/// Every chatroom and user call, each with a harmless target.
fn every_authed_call(c: &Client<impl Transport>) -> Vec<(&'static str, Result<(), ApiError>)> {
    let id = "123456789012345".to_string();
    let u = "alice".to_string();
    fn done<T>(r: Result<T, ApiError>) -> Result<(), ApiError> {
        r.map(|_| ())
    }
    vec![
        ("ListRooms", done(block_on(c.send(&ListRooms::default())))),
        (
            "UserJoinedRooms",
            done(block_on(c.send(&UserJoinedRooms {
                username: u.clone(),
                ..Default::default()
            }))),
        ),
        (
            "RoomDetails",
            done(block_on(c.send(&RoomDetails::one(&id)))),
        ),
        (
            "CreateRoom",
            done(block_on(c.send(&CreateRoom(CreateChatroom {
                name: "n".into(),
                description: "d".into(),
                owner: u.clone(),
                ..Default::default()
            })))),
        ),
        (
            "ModifyRoom",
            done(block_on(c.send(&ModifyRoom {
                id: id.clone(),
                changes: ModifyChatroom {
                    name: Some("x".into()),
                    ..Default::default()
                },
            }))),
        ),
        (
            "TransferRoom",
            done(block_on(c.send(&TransferRoom {
                id: id.clone(),
                new_owner: u.clone(),
            }))),
        ),
        (
            "DissolveRoom",
            done(block_on(c.send(&DissolveRoom { id: id.clone() }))),
        ),
        (
            "ListMembers",
            done(block_on(c.send(&ListMembers {
                id: id.clone(),
                ..Default::default()
            }))),
        ),
        (
            "AddMember",
            done(block_on(c.send(&AddMember {
                id: id.clone(),
                username: u.clone(),
            }))),
        ),
        (
            "AddMembers",
            done(block_on(c.send(&AddMembers {
                id: id.clone(),
                usernames: vec![u.clone()],
            }))),
        ),
        (
            "RemoveMember",
            done(block_on(c.send(&RemoveMember {
                id: id.clone(),
                username: u.clone(),
            }))),
        ),
        (
            "RemoveMembers",
            done(block_on(c.send(&RemoveMembers {
                id: id.clone(),
                usernames: vec![u.clone(), "bob".into()],
            }))),
        ),
        (
            "GetUser",
            done(block_on(c.send(&GetUser {
                username: u.clone(),
            }))),
        ),
        ("ListUsers", done(block_on(c.send(&ListUsers::default())))),
    ]
}

#[test]
fn a_call_without_a_token_is_refused_as_token_is_blank() {
    let emu = demo();
    let before = emu.snapshot();
    let c = emu.client_with(emu.anonymous());
    for (name, r) in every_authed_call(&c) {
        // Recorded for chatroom calls; the emulator answers the user reads the same way
        // (the reference records nothing for them).
        match r {
            Err(ApiError {
                kind: ErrorKind::Refused { status, body, .. },
                ..
            }) => assert_eq!(
                (
                    status,
                    body.error.as_str(),
                    body.error_description.as_deref()
                ),
                (401, "group_authorization", Some("token is blank!")),
                "{name}"
            ),
            other => panic!("{name}: {other:?}"),
        }
    }
    assert_eq!(emu.snapshot(), before, "refused calls change nothing");
}

#[test]
fn registering_a_user_without_a_token_needs_one() {
    let emu = clean();
    let c = emu.client_with(emu.anonymous());
    let r = block_on(c.send(&RegisterUsers {
        users: vec![NewUser {
            username: "newbie".into(),
            password: "pw".into(),
            nickname: None,
        }],
    }));
    assert_api_error(
        r,
        401,
        "unauthorized",
        "Open registration doesn't allow, so register user need token,",
    );
    assert!(emu.all_users().is_empty());
}

#[test]
fn a_token_the_server_never_issued_is_refused() {
    let emu = demo();
    let before = emu.snapshot();
    let c = emu.client_with(emu.anonymous().with_token("YWMtmadeup"));
    for (name, r) in every_authed_call(&c) {
        match r {
            Err(ApiError {
                kind: ErrorKind::Refused { status, body, .. },
                ..
            }) => assert_eq!(
                (
                    status,
                    body.error.as_str(),
                    body.error_description.as_deref()
                ),
                (401, "unauthorized", Some("Unable to authenticate (OAuth)")),
                "{name}"
            ),
            other => panic!("{name}: {other:?}"),
        }
    }
    let r = block_on(c.send(&RegisterUsers {
        users: vec![NewUser {
            username: "newbie".into(),
            password: "pw".into(),
            nickname: None,
        }],
    }));
    assert_api_error(r, 401, "unauthorized", "Unable to authenticate (OAuth)");
    assert_eq!(emu.snapshot(), before);
}

#[test]
fn a_token_sent_without_the_bearer_scheme_is_refused() {
    let emu = clean();
    let mut req = emu.anonymous().request(
        Method::Get,
        emu.anonymous().url("/chatrooms", &[]),
        None,
        false,
    );
    let token = emu.conn.token.clone().unwrap();
    req.headers
        .push(("Authorization".into(), format!("Basic {token}")));
    assert_raw_error(
        &emu.send(req),
        401,
        "unauthorized",
        "Unable to authenticate (OAuth)",
    );
}

#[test]
fn an_expired_token_is_refused() {
    let emu = demo();
    let token = expired_token(&emu);
    let c = emu.client_with(emu.anonymous().with_token(token));
    assert_api_error(
        block_on(c.send(&ListRooms::default())),
        401,
        "unauthorized",
        "Unable to authenticate due to expired access token",
    );
    assert_api_error(
        block_on(c.send(&DissolveRoom {
            id: emu.all_rooms()[0].id.clone(),
        })),
        401,
        "unauthorized",
        "Unable to authenticate due to expired access token",
    );
    assert_eq!(emu.all_rooms().len(), DEMO_ROOMS);
}

#[test]
fn a_client_with_credentials_gets_its_own_token_once() {
    let emu = demo();
    let t = Recording::default();
    let c = Client::with_credentials(emu.anonymous(), credentials(), t.clone());
    let seen: Rc<RefCell<Vec<String>>> = Rc::default();
    let s = seen.clone();
    c.on_token(move |info| s.borrow_mut().push(info.token.clone()));
    assert!(c.token_info().is_none());

    let page = block_on(c.send(&ListRooms::default())).unwrap();
    assert_eq!(page.items.len(), 10);
    assert_eq!(
        t.paths(&emu.base),
        vec!["POST /token", "GET /chatrooms"],
        "the token comes first"
    );
    let info = c.token_info().expect("the client keeps its token");
    assert!(info.expires_at_ms.is_some(), "a 7200 s token has an expiry");
    assert_eq!(*seen.borrow(), vec![info.token.clone()]);

    t.clear();
    block_on(c.send(&ListUsers::default())).unwrap();
    assert_eq!(
        t.paths(&emu.base),
        vec!["GET /users"],
        "the token is reused"
    );
}

#[test]
fn a_client_with_credentials_renews_an_expired_token_and_retries_once() {
    let emu = demo();
    let old = expired_token(&emu);
    let t = Recording::default();
    // A token restored from storage without its expiry: the client only learns from the 401.
    let c = Client::with_credentials(emu.anonymous().with_token(&old), credentials(), t.clone());
    let page = block_on(c.send(&ListRooms::default())).expect("the retry succeeds");
    assert_eq!(page.items.len(), 10);
    assert_eq!(
        t.paths(&emu.base),
        vec!["GET /chatrooms", "POST /token", "GET /chatrooms"]
    );
    assert_ne!(c.token_info().unwrap().token, old);
}

#[test]
fn a_client_with_credentials_renews_a_token_that_is_about_to_expire_before_calling() {
    let emu = demo();
    let short = token_call(&emu, CLIENT_ID, CLIENT_SECRET, Some(30)).unwrap();
    let t = Recording::default();
    let c = Client::with_credentials(
        emu.anonymous().with_token(&short.access_token),
        credentials(),
        t.clone(),
    );
    // Within the refresh margin (60 s) of its expiry.
    c.set_expiry(Some(t.now_ms() + 30_000));
    block_on(c.send(&ListRooms::default())).unwrap();
    assert_eq!(t.paths(&emu.base), vec!["POST /token", "GET /chatrooms"]);
    assert_ne!(c.token_info().unwrap().token, short.access_token);
}

#[test]
fn a_client_with_credentials_gives_up_after_one_retry() {
    let emu = demo();
    // This transport loses the token on its way, so the server refuses every call however
    // fresh the token is; the client must not loop.
    let t = Recording {
        strip_auth: true,
        ..Default::default()
    };
    let c = Client::with_credentials(
        emu.anonymous().with_token("YWMtstale"),
        credentials(),
        t.clone(),
    );
    assert_api_error(
        block_on(c.send(&ListRooms::default())),
        401,
        "group_authorization",
        "token is blank!",
    );
    assert_eq!(
        t.paths(&emu.base),
        vec!["GET /chatrooms", "POST /token", "GET /chatrooms"]
    );
}

#[test]
fn a_client_with_a_wrong_secret_reports_it_instead_of_calling() {
    let emu = demo();
    let t = Recording::default();
    let c = Client::with_credentials(
        emu.anonymous(),
        Credentials {
            client_id: CLIENT_ID.into(),
            client_secret: "wrong".into(),
        },
        t.clone(),
    );
    assert_api_error(
        block_on(c.send(&ListRooms::default())),
        400,
        "invalid_grant",
        "client_secret does not match",
    );
    assert_eq!(t.paths(&emu.base), vec!["POST /token"]);
}

#[test]
fn a_pasted_token_is_not_renewed() {
    let emu = demo();
    let old = expired_token(&emu);
    let t = Recording::default();
    let c = Client::new(emu.anonymous().with_token(old), t.clone());
    assert_api_error(
        block_on(c.send(&ListRooms::default())),
        401,
        "unauthorized",
        "Unable to authenticate due to expired access token",
    );
    assert_eq!(t.paths(&emu.base), vec!["GET /chatrooms"]);
}
