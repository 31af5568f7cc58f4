//! A room's announcement: read and replace, at most 512 characters.

mod common;

use common::*;
use easemob_api::wire::*;
use easemob_api::*;
use pollster::block_on;

const UNKNOWN_ROOM: &str = "6621186077491";

fn announcement(emu: &Emu, id: &str) -> String {
    emu.ok(&GetAnnouncement { id: id.into() })
}

fn set(id: &str, text: &str) -> SetAnnouncement {
    SetAnnouncement {
        id: id.into(),
        text: text.into(),
    }
}

// ---------------------------------------------------------------- GET /chatrooms/{id}/announcement

#[test]
fn a_new_room_has_an_empty_announcement() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    assert_eq!(announcement(&emu, &id), "");
    let env = envelope(&emu.raw(Method::Get, &format!("/chatrooms/{id}/announcement"), None));
    assert_eq!(env.action.as_deref(), Some("get"));
    assert_eq!(env.data, Some(serde_json::json!({"announcement": ""})));
}

#[test]
fn the_announcement_of_an_unknown_room_is_not_found() {
    let emu = demo();
    let err = emu
        .call(&GetAnnouncement {
            id: UNKNOWN_ROOM.into(),
        })
        .unwrap_err();
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

// ---------------------------------------------------------------- POST /chatrooms/{id}/announcement

#[test]
fn setting_the_announcement_replaces_it() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    let r = emu.ok(&set(&id, "Welcome!"));
    assert_eq!(
        r,
        AnnouncementSet {
            id: id.clone(),
            result: true,
        }
    );
    assert_eq!(announcement(&emu, &id), "Welcome!");
    emu.ok(&set(&id, "Quiet hours from 22:00.\nBe kind."));
    assert_eq!(announcement(&emu, &id), "Quiet hours from 22:00.\nBe kind.");
    // Only this room's.
    let other = emu.room("Other", "u000", &[]);
    assert_eq!(announcement(&emu, &other), "");
}

#[test]
fn an_empty_announcement_clears_it() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    emu.ok(&set(&id, "Welcome!"));
    emu.ok(&set(&id, ""));
    assert_eq!(announcement(&emu, &id), "");
}

#[test]
fn setting_the_announcement_answers_with_the_documented_shape() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    let env = envelope(&emu.raw(
        Method::Post,
        &format!("/chatrooms/{id}/announcement"),
        Some(r#"{"announcement":"Hello"}"#),
    ));
    assert_eq!(env.action.as_deref(), Some("post"));
    assert_eq!(
        env.data,
        Some(serde_json::json!({"id": id, "result": true}))
    );
    assert_eq!(announcement(&emu, &id), "Hello");
}

#[test]
fn an_announcement_of_512_characters_is_kept_whole() {
    // Characters, not bytes: 512 two-byte characters are 1024 bytes.
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    let text = "é".repeat(512);
    emu.ok(&set(&id, &text));
    assert_eq!(announcement(&emu, &id), text);
    let ascii = "a".repeat(512);
    emu.ok(&set(&id, &ascii));
    assert_eq!(announcement(&emu, &id), ascii);
}

#[test]
fn an_announcement_of_513_characters_is_not_sent_by_the_client() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    emu.ok(&set(&id, "Welcome!"));
    let t = Recording::default();
    let c = Client::new(emu.conn.clone(), t.clone());
    let err = block_on(c.send(&set(&id, &"é".repeat(513)))).unwrap_err();
    assert_eq!(
        err.kind,
        ErrorKind::Invalid(Invalid::TooLong {
            field: Field::Announcement,
            max: 512,
            actual: 513,
        })
    );
    assert!(t.requests().is_empty(), "{:?}", t.requests());
    assert_eq!(announcement(&emu, &id), "Welcome!");
}

#[test]
fn an_announcement_of_513_characters_is_refused_by_the_server() {
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    emu.ok(&set(&id, "Welcome!"));
    let body = serde_json::to_string(&Announcement {
        announcement: "é".repeat(513),
    })
    .unwrap();
    let resp = emu.raw(
        Method::Post,
        &format!("/chatrooms/{id}/announcement"),
        Some(&body),
    );
    assert_raw_error(
        &resp,
        403,
        "forbidden_op",
        "announce info length exceeds limit!",
    );
    assert_eq!(
        ApiError::from_response(resp.status, &resp.body).refusal(),
        Some(&Refusal::AnnouncementTooLong)
    );
    assert_eq!(announcement(&emu, &id), "Welcome!", "unchanged");
}

#[test]
fn setting_the_announcement_of_an_unknown_room_is_refused() {
    let emu = demo();
    assert_api_error(
        emu.call(&set(UNKNOWN_ROOM, "Hello")),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
}

#[test]
fn an_announcement_without_a_body_is_refused() {
    // [I] undocumented wording.
    let emu = clean();
    emu.register(&names("u", 1));
    let id = emu.room("Lobby", "u000", &[]);
    emu.ok(&set(&id, "Welcome!"));
    let resp = emu.raw(Method::Post, &format!("/chatrooms/{id}/announcement"), None);
    assert_raw_error(
        &resp,
        400,
        "invalid_parameter",
        "request body must be provided",
    );
    assert_eq!(announcement(&emu, &id), "Welcome!");
}
