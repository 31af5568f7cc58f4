//! Acting on a user across the app: the app-wide mute (`/mutes`), ban and unban, force
//! offline, and online status (with the emulator's `PUT /_emulator/presence`).

mod common;

use common::*;
use easemob_api::*;
use serde_json::json;

fn presence(emu: &Emu, user: &str, online: bool) -> HttpResponse {
    let req = emu.conn.request(
        Method::Put,
        format!("{}/_emulator/presence", emu.base),
        Some(json!({"username": user, "online": online}).to_string()),
        true,
    );
    emu.send(req)
}

fn online(emu: &Emu, user: &str) -> bool {
    emu.ok(&UserStatus {
        username: user.into(),
    })
}

// ---------------------------------------------------------------------------- /mutes

#[test]
fn an_app_wide_mute_is_kept_per_kind_and_counts_down_in_seconds() {
    let emu = clean();
    emu.register(&names("u", 2));
    emu.ok(&SetGlobalMute {
        username: "u000".into(),
        chatroom: Some(MuteSpan::Seconds(3600)),
        chat: Some(MuteSpan::Forever),
        ..SetGlobalMute::default()
    });
    let m = emu.ok(&GetGlobalMute {
        username: "u000".into(),
    });
    assert_eq!(m.userid, format!("{ORG}#{APP}_u000"));
    assert!((3599..=3600).contains(&m.chatroom), "{m:?}");
    assert_eq!((m.chat, m.groupchat), (-1, 0));
    assert!(m.unixtime > 1_600_000_000 && m.unixtime < 100_000_000_000);
    // A kind left out is left as it is; 0 lifts.
    emu.ok(&SetGlobalMute {
        username: "u000".into(),
        chat: Some(MuteSpan::Lift),
        ..SetGlobalMute::default()
    });
    let m = emu.ok(&GetGlobalMute {
        username: "u000".into(),
    });
    assert_eq!(m.chat, 0);
    assert!(m.chatroom > 0);
}

#[test]
fn the_muted_users_are_listed_a_user_and_kind_an_element_and_paged() {
    let emu = clean();
    emu.register(&names("u", 3));
    for u in ["u000", "u001", "u002"] {
        emu.ok(&SetGlobalMute {
            username: u.into(),
            chatroom: Some(MuteSpan::Seconds(60)),
            groupchat: Some(MuteSpan::Forever),
            ..SetGlobalMute::default()
        });
    }
    let p1 = emu.ok(&ListGlobalMutes { page: 1, size: 4 });
    let p2 = emu.ok(&ListGlobalMutes { page: 2, size: 4 });
    assert_eq!((p1.data.len(), p2.data.len()), (4, 2));
    assert_eq!(p1.data[0].username, "u000");
    assert!(p1.data.iter().all(|e| [e.chat, e.groupchat, e.chatroom]
        .iter()
        .filter(|k| k.is_some())
        .count()
        == 1));
    // The raw shape: `data.data`, and the lowercase spelling an official SDK sends.
    let env = envelope(&emu.raw(Method::Get, "/mutes?pagenum=1&pagesize=2", None));
    assert_eq!(
        env.data.as_ref().unwrap()["data"].as_array().unwrap().len(),
        2
    );
    assert!(emu
        .call(&ListGlobalMutes { page: 1, size: 51 })
        .is_err_and(|e| matches!(e.kind, ErrorKind::Invalid(_))));
}

#[test]
fn app_wide_mute_refusals() {
    let emu = clean();
    emu.register(&names("u", 1));
    assert_raw_error(
        &emu.raw(
            Method::Post,
            "/mutes",
            Some(r#"{"username":"nobody","chat":10}"#),
        ),
        400,
        "required_property_not_found",
        "Entity user requires a property named username",
    );
    let e = emu
        .call(&GetGlobalMute {
            username: "nobody".into(),
        })
        .unwrap_err();
    assert_eq!(e.refusal(), Some(&Refusal::UserRequired));
    let bad = emu.raw(
        Method::Post,
        "/mutes",
        Some(r#"{"username":"u000","chat":-5}"#),
    );
    assert_client_error(&bad);
    let e = emu
        .call(&SetGlobalMute {
            username: "u000".into(),
            chat: Some(MuteSpan::Seconds(-5)),
            ..SetGlobalMute::default()
        })
        .unwrap_err();
    assert!(
        matches!(e.kind, ErrorKind::Invalid(Invalid::SecondsOutOfRange(-5))),
        "{e:?}"
    );
    // Nothing named changes nothing, and is no error.
    assert_eq!(
        emu.raw(Method::Post, "/mutes", Some(r#"{"username":"u000"}"#))
            .status,
        200
    );
}

// --------------------------------------------------------- ban, status, force offline

#[test]
fn a_ban_takes_the_user_offline_and_keeps_them_out_until_unbanned() {
    let emu = clean();
    emu.register(&names("u", 1));
    assert_eq!(presence(&emu, "u000", true).status, 200);
    assert!(online(&emu, "u000"));
    let resp = emu.raw(Method::Post, "/users/u000/deactivate", None);
    assert_eq!(resp.status, 200, "{}", resp.body);
    let v: serde_json::Value = serde_json::from_str(&resp.body).unwrap();
    assert_eq!(v["action"], "Deactivate user");
    assert_eq!(v["entities"][0]["activated"], false);
    assert!(v.get("organization").is_none());
    assert!(!online(&emu, "u000"));
    assert!(
        !emu.ok(&GetUser {
            username: "u000".into()
        })
        .activated
    );
    // A banned user cannot log in.
    assert_eq!(presence(&emu, "u000", true).status, 400);
    emu.ok(&UnbanUser {
        username: "u000".into(),
    });
    assert!(
        emu.ok(&GetUser {
            username: "u000".into()
        })
        .activated
    );
    assert_eq!(presence(&emu, "u000", true).status, 200);
    // Banning twice is harmless.
    emu.ok(&BanUser {
        username: "u000".into(),
    });
    emu.ok(&BanUser {
        username: "u000".into(),
    });
}

#[test]
fn force_offline_ends_the_session_and_the_user_may_come_back() {
    let emu = clean();
    emu.register(&names("u", 1));
    presence(&emu, "u000", true);
    emu.ok(&ForceOffline {
        username: "u000".into(),
    });
    assert!(!online(&emu, "u000"));
    assert_eq!(presence(&emu, "u000", true).status, 200);
    assert!(online(&emu, "u000"));
}

#[test]
fn user_calls_on_an_unknown_user_are_the_user_not_found_404() {
    let emu = clean();
    for (m, path) in [
        (Method::Post, "/users/nobody/deactivate"),
        (Method::Post, "/users/nobody/activate"),
        (Method::Get, "/users/nobody/disconnect"),
        (Method::Get, "/users/nobody/status"),
    ] {
        let resp = emu.raw(m, path, None);
        let body = error_body(&resp);
        assert_eq!(
            (resp.status, body.error.as_str(), body.exception.as_deref()),
            (
                404,
                "service_resource_not_found",
                Some("UserNotFoundException")
            ),
            "{path}"
        );
    }
}

#[test]
fn batch_status_answers_each_user_and_refuses_over_100() {
    let emu = clean();
    emu.register(&names("u", 2));
    presence(&emu, "u001", true);
    let s = emu.ok(&UsersStatus {
        usernames: vec!["u000".into(), "u001".into(), "ghost".into()],
    });
    assert_eq!(
        s,
        vec![
            ("u000".to_string(), false),
            ("u001".to_string(), true),
            ("ghost".to_string(), false)
        ]
    );
    let many: Vec<String> = names("x", 101);
    let body = json!({ "usernames": many }).to_string();
    assert_raw_error(
        &emu.raw(Method::Post, "/users/batch/status", Some(&body)),
        400,
        "illegal_argument",
        "request body exceeds maximum limit, maximum limit is 100",
    );
}

#[test]
fn presence_needs_the_app_token() {
    let emu = clean();
    emu.register(&names("u", 1));
    let req = emu.anonymous().request(
        Method::Put,
        format!("{}/_emulator/presence", emu.base),
        Some(r#"{"username":"u000","online":true}"#.into()),
        true,
    );
    assert_eq!(emu.send(req).status, 401);
    assert!(!online(&emu, "u000"));
}
