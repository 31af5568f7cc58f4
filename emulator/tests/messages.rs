//! Messages to rooms, the broadcast to every active room, recall, and what the emulator keeps
//! of them (`GET /_emulator/messages`).

mod common;

use common::*;
use easemob_api::wire::*;
use easemob_api::*;
use pollster::block_on;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};

fn text(rooms: &[&str], msg: &str) -> SendRoomMessage {
    SendRoomMessage {
        rooms: rooms.iter().map(|r| r.to_string()).collect(),
        content: Content::Text { msg: msg.into() },
        ..SendRoomMessage::default()
    }
}

fn delivered(emu: &Emu, query: &str) -> Vec<DeliveredMessage> {
    let req = emu.conn.request(
        Method::Get,
        format!("{}/_emulator/messages{query}", emu.base),
        None,
        true,
    );
    let resp = emu.send(req);
    assert_eq!(resp.status, 200, "{}", resp.body);
    let v: Value = serde_json::from_str(&resp.body).unwrap();
    serde_json::from_value(v["messages"].clone()).unwrap()
}

/// The documented rate limits enforced from now on.
fn rate_limits_on(emu: &Emu) {
    let req = emu.conn.request(
        Method::Put,
        format!("{}/_emulator/faults", emu.base),
        Some(r#"{"rate_limits": true}"#.into()),
        true,
    );
    assert_eq!(emu.send(req).status, 200);
}

fn post(emu: &Emu, path: &str, body: Value) -> HttpResponse {
    emu.raw(Method::Post, path, Some(&body.to_string()))
}

fn send_error(problem: SendProblem) -> (u16, String) {
    let r = Refusal::MessageNotSent { problem };
    (r.status(), r.description(""))
}

#[track_caller]
fn assert_send_refused(resp: &HttpResponse, problem: SendProblem) {
    let (status, words) = send_error(problem);
    assert_raw_error(resp, status, "message_send_error", &words);
}

// ------------------------------------------------------------- POST /messages/chatrooms

#[test]
fn a_message_reaches_each_room_named_with_its_own_id_and_is_kept() {
    let emu = clean();
    emu.register(&names("u", 2));
    let a = emu.room("A", "u000", &[]);
    let b = emu.room("B", "u001", &[]);
    let mut ext = Map::new();
    ext.insert("k".into(), json!("v"));
    let sent = emu.ok(&SendRoomMessage {
        from: Some("u000".into()),
        ext: Some(ext),
        priority: Priority::High,
        ..text(&[&a, &b], "hello")
    });
    assert_eq!(sent.len(), 2);
    let (ida, idb) = (&sent[&a], &sent[&b]);
    assert_ne!(ida, idb);
    assert!(
        ida.len() == 19 && ida.bytes().all(|c| c.is_ascii_digit()),
        "{ida}"
    );
    let kept = delivered(&emu, &format!("?room={a}"));
    assert_eq!(kept.len(), 1);
    let m = &kept[0];
    assert_eq!((&m.id, &m.room, m.from.as_str()), (ida, &a, "u000"));
    assert_eq!((m.kind.as_str(), m.priority.as_str()), ("txt", "high"));
    assert_eq!(m.body, json!({"msg": "hello"}));
    assert_eq!(m.ext, Some(json!({"k": "v"})));
    assert!(!m.recalled);
    assert_eq!(delivered(&emu, "").len(), 2);
}

#[test]
fn the_answer_has_the_documented_slim_envelope() {
    let emu = clean();
    let resp = post(
        &emu,
        "/messages/chatrooms",
        json!({"to": ["185145305923585"], "type": "txt", "body": {"msg": "x"}}),
    );
    let env = envelope(&resp);
    assert_eq!(env.path.as_deref(), Some("/messages/chatrooms"));
    assert_eq!(env.action.as_deref(), Some("post"));
    // Rooms are not checked to exist, and the sender is the admin when left out.
    let data: BTreeMap<String, String> = serde_json::from_value(env.data.unwrap()).unwrap();
    assert!(data.contains_key("185145305923585"));
    assert_eq!(delivered(&emu, "")[0].from, "admin");
}

#[test]
fn custom_and_cmd_messages_keep_their_bodies() {
    let emu = clean();
    let mut exts = BTreeMap::new();
    exts.insert("level".to_string(), "3".to_string());
    emu.ok(&SendRoomMessage {
        content: Content::Custom {
            event: "gift/sent".into(),
            exts,
        },
        ..text(&["1"], "")
    });
    emu.ok(&SendRoomMessage {
        content: Content::Cmd {
            action: "refresh".into(),
        },
        priority: Priority::Low,
        ..text(&["1"], "")
    });
    let kept = delivered(&emu, "?room=1");
    assert_eq!(kept[0].kind, "cmd");
    assert_eq!(kept[0].body, json!({"action": "refresh"}));
    assert_eq!(kept[0].priority, "low");
    assert_eq!(kept[1].kind, "custom");
    assert_eq!(
        kept[1].body,
        json!({"customEvent": "gift/sent", "customExts": {"level": "3"}})
    );
}

#[test]
fn every_documented_send_refusal() {
    let emu = clean();
    let path = "/messages/chatrooms";
    let base = || json!({"to": ["1"], "type": "txt", "body": {"msg": "x"}});
    let with = |k: &str, v: Value| {
        let mut b = base();
        b[k] = v;
        b
    };
    assert_send_refused(
        &post(&emu, path, with("from", json!(""))),
        SendProblem::FromEmpty,
    );
    assert_send_refused(
        &post(&emu, path, with("to", json!([]))),
        SendProblem::ToEmpty,
    );
    assert_send_refused(
        &post(&emu, path, with("type", json!(""))),
        SendProblem::TypeEmpty,
    );
    assert_send_refused(
        &post(&emu, path, with("body", json!({}))),
        SendProblem::BodyEmpty,
    );
    assert_send_refused(
        &post(&emu, path, with("ext", json!([1]))),
        SendProblem::ExtNotObject,
    );
    assert_send_refused(
        &post(&emu, path, with("ext", Value::Null)),
        SendProblem::ExtNotObject,
    );
    let eleven: Vec<String> = (1..=11).map(|i| i.to_string()).collect();
    assert_send_refused(
        &post(&emu, path, with("to", json!(eleven))),
        SendProblem::TooManyRooms { max: 10 },
    );
    let big = "x".repeat(limits::MESSAGE_BYTES_MAX);
    assert_send_refused(
        &post(&emu, path, with("body", json!({"msg": big}))),
        SendProblem::TooLarge,
    );
    let bad = emu.raw(Method::Post, path, Some("{not json"));
    assert_raw_error(
        &bad,
        400,
        "invalid_request_body",
        &Refusal::InvalidRequestBody.description(""),
    );
    assert_raw_error(
        &post(&emu, path, with("to", json!("1"))),
        400,
        "invalid_request_body",
        &Refusal::InvalidRequestBody.description(""),
    );
    // Nothing refused was delivered.
    assert!(delivered(&emu, "").is_empty());
}

#[test]
fn the_client_checks_the_limits_before_sending() {
    let emu = clean();
    let eleven: Vec<String> = (1..=11).map(|i| i.to_string()).collect();
    let e = emu
        .call(&SendRoomMessage {
            rooms: eleven,
            ..text(&[], "x")
        })
        .unwrap_err();
    assert!(
        matches!(e.kind, ErrorKind::Invalid(Invalid::TooManyInOneCall { .. })),
        "{e:?}"
    );
    let big = "x".repeat(limits::MESSAGE_BYTES_MAX);
    let e = emu.call(&text(&["1"], &big)).unwrap_err();
    assert!(
        matches!(e.kind, ErrorKind::Invalid(Invalid::TooLong { .. })),
        "{e:?}"
    );
    let e = emu
        .call(&SendRoomMessage {
            content: Content::Custom {
                event: "not ok".into(),
                exts: BTreeMap::new(),
            },
            ..text(&["1"], "")
        })
        .unwrap_err();
    assert!(
        matches!(e.kind, ErrorKind::Invalid(Invalid::BadCustomEvent(_))),
        "{e:?}"
    );
    assert!(delivered(&emu, "").is_empty());
}

#[test]
fn over_100_messages_a_second_is_refused_with_the_rate_limits_on() {
    let emu = clean();
    rate_limits_on(&emu);
    let ten: Vec<String> = (1..=10).map(|i| i.to_string()).collect();
    let tens: Vec<&str> = ten.iter().map(String::as_str).collect();
    let mut refused = None;
    for _ in 0..15 {
        if let Err(e) = emu.call(&text(&tens, "x")) {
            refused = Some(e);
            break;
        }
    }
    let e = refused.expect("at most 10 calls of 10 rooms in a second");
    assert_eq!(
        e.refusal(),
        Some(&Refusal::MessageNotSent {
            problem: SendProblem::ReachLimit
        })
    );
    assert!(delivered(&emu, "").len() <= 100);
}

#[test]
fn a_user_muted_app_wide_for_rooms_cannot_send_to_them() {
    let emu = clean();
    emu.register(&names("u", 1));
    emu.ok(&SetGlobalMute {
        username: "u000".into(),
        chatroom: Some(MuteSpan::Seconds(3600)),
        ..SetGlobalMute::default()
    });
    let e = emu
        .call(&SendRoomMessage {
            from: Some("u000".into()),
            ..text(&["1"], "x")
        })
        .unwrap_err();
    assert_eq!(
        e.refusal(),
        Some(&Refusal::MessageNotSent {
            problem: SendProblem::SenderMuted {
                username: "u000".into()
            }
        })
    );
    // A mute for one-to-one chats only leaves rooms open.
    emu.ok(&SetGlobalMute {
        username: "u000".into(),
        chat: Some(MuteSpan::Forever),
        chatroom: Some(MuteSpan::Lift),
        ..SetGlobalMute::default()
    });
    emu.ok(&SendRoomMessage {
        from: Some("u000".into()),
        ..text(&["1"], "x")
    });
}

#[test]
fn a_lost_answer_is_outcome_unknown_and_never_sent_again() {
    let emu = clean();
    lose_every_answer(&emu, true);
    let t = Recording::default();
    let e = block_on(twice(&emu, &t).send(&text(&["1"], "x"))).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::OutcomeUnknown { .. }), "{e:?}");
    assert_eq!(t.requests().len(), 1);
    assert_eq!(delivered(&emu, "").len(), 1);
}

// ------------------------------------------------------- POST /messages/chatrooms/broadcast

#[test]
fn a_broadcast_reaches_every_active_room_and_only_those() {
    let emu = clean();
    emu.register(&names("u", 1));
    let a = emu.room("A", "u000", &[]);
    let b = emu.room("B", "u000", &[]);
    let _quiet = emu.room("C", "u000", &[]);
    emu.ok(&text(&[&a, &b, "999"], "first"));
    let id = emu.ok(&Broadcast {
        content: Content::Text { msg: "all".into() },
        ..Broadcast::default()
    });
    assert!(id > 1 << 53, "{id}");
    let got: Vec<String> = delivered(&emu, "")
        .into_iter()
        .filter(|m| m.broadcast == Some(id))
        .map(|m| m.room)
        .collect();
    // "999" is no room, and C never had a message.
    assert_eq!(got.len(), 2);
    assert!(got.contains(&a) && got.contains(&b));
}

#[test]
fn broadcast_refusals() {
    let emu = clean();
    let path = "/messages/chatrooms/broadcast";
    assert_raw_error(
        &post(
            &emu,
            path,
            json!({"msg": {"type": "txt", "msg": "x"}, "from": ""}),
        ),
        400,
        "illegal_argument",
        "from can't be empty",
    );
    assert_raw_error(
        &post(
            &emu,
            path,
            json!({"msg": {"type": "txt", "msg": "x"}, "ext": "s"}),
        ),
        400,
        "illegal_argument",
        "ext must be JSONObject",
    );
    for _ in 0..limits::BROADCASTS_PER_DAY {
        assert_eq!(
            post(&emu, path, json!({"msg": {"type": "txt", "msg": "x"}})).status,
            200
        );
    }
    assert_raw_error(
        &post(&emu, path, json!({"msg": {"type": "txt", "msg": "x"}})),
        403,
        "forbidden_op",
        "chatroom broadcast limit exceeded",
    );
    let e = emu
        .call(&Broadcast {
            content: Content::Text { msg: "x".into() },
            ..Broadcast::default()
        })
        .unwrap_err();
    assert_eq!(e.refusal(), Some(&Refusal::BroadcastDailyLimit));
}

#[test]
fn broadcasts_are_one_a_second_with_the_rate_limits_on() {
    let emu = clean();
    rate_limits_on(&emu);
    let b = Broadcast {
        content: Content::Text { msg: "x".into() },
        ..Broadcast::default()
    };
    emu.ok(&b);
    let e = emu.call(&b).unwrap_err();
    assert_eq!(e.class(), FailureClass::RateLimited, "{e:?}");
}

// ------------------------------------------------------------------------------ recall

#[test]
fn a_message_is_recalled_once() {
    let emu = clean();
    let sent = emu.ok(&text(&["7"], "oops"));
    let to = ToRecall {
        msg_id: sent["7"].clone(),
        room: "7".into(),
    };
    let r = emu.ok(&Recall {
        message: to.clone(),
        force: false,
    });
    assert_eq!(
        (r.recalled.as_str(), r.msg_id.as_str()),
        ("yes", sent["7"].as_str())
    );
    assert!(delivered(&emu, "?room=7")[0].recalled);
    let e = emu
        .call(&Recall {
            message: to,
            force: false,
        })
        .unwrap_err();
    assert_eq!(
        e.refusal(),
        Some(&Refusal::RecallRefused {
            problem: RecallProblem::NotFound
        })
    );
}

#[test]
fn every_documented_recall_refusal() {
    let emu = clean();
    let sent = emu.ok(&text(&["7"], "x"));
    let id = sent["7"].clone();
    let path = "/messages/msg_recall";
    let full = json!({"msg_id": id, "to": "7", "chat_type": "chatroom", "force": false});
    let without = |k: &str| {
        let mut b = full.clone();
        b.as_object_mut().unwrap().remove(k);
        b
    };
    for (k, p) in [
        ("msg_id", RecallProblem::MissingMsgId),
        ("to", RecallProblem::MissingTo),
        ("chat_type", RecallProblem::MissingChatType),
        ("force", RecallProblem::MissingForce),
    ] {
        assert_raw_error(
            &post(&emu, path, without(k)),
            400,
            "message_recall_error",
            p.words(),
        );
    }
    let mut wrong_room = full.clone();
    wrong_room["to"] = json!("8");
    assert_raw_error(
        &post(&emu, path, wrong_room),
        400,
        "message_recall_error",
        RecallProblem::ReceiverNotFound.words(),
    );
    let mut unknown = full.clone();
    unknown["msg_id"] = json!("1");
    assert_raw_error(
        &post(&emu, path, unknown),
        403,
        "message_recall_error",
        "not_found msg",
    );
    assert!(!delivered(&emu, "")[0].recalled);
}

#[test]
fn a_batch_recall_answers_each_message() {
    let emu = clean();
    let sent = emu.ok(&text(&["7", "8"], "x"));
    let items = vec![
        ToRecall {
            msg_id: sent["7"].clone(),
            room: "7".into(),
        },
        ToRecall {
            msg_id: "42".into(),
            room: "8".into(),
        },
    ];
    let r = emu.ok(&BatchRecall {
        messages: items,
        force: false,
    });
    assert_eq!(r[0].outcome(), Ok(()));
    assert_eq!(r[1].outcome(), Err(Some(RecallProblem::NotFound)));
    let e = emu
        .call(&BatchRecall {
            messages: vec![ToRecall::default(); 31],
            force: false,
        })
        .unwrap_err();
    assert!(
        matches!(e.kind, ErrorKind::Invalid(Invalid::TooManyInOneCall { .. })),
        "{e:?}"
    );
}

#[test]
fn the_delivered_list_needs_the_app_token_and_filters_by_room_and_time() {
    let emu = clean();
    emu.ok(&text(&["1"], "a"));
    let later = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
        + 60_000;
    assert_eq!(delivered(&emu, "?room=1").len(), 1);
    assert_eq!(delivered(&emu, "?room=2").len(), 0);
    assert_eq!(delivered(&emu, &format!("?since={later}")).len(), 0);
    let anon = emu.anonymous();
    let req = anon.request(
        Method::Get,
        format!("{}/_emulator/messages", emu.base),
        None,
        true,
    );
    assert_eq!(emu.send(req).status, 401);
}

#[test]
fn a_recall_after_the_window_is_refused_unless_forced() {
    use easemob_emulator::store::{messages as kept, Store};
    let store = Store::open(None).expect("an in-memory database");
    let mut conn = store.lock();
    let sent_at = 1_700_000_000_000i64;
    let m = kept::Outgoing {
        from: "admin".into(),
        kind: "txt".into(),
        body: json!({"msg": "x"}),
        ext: None,
        priority: "normal".into(),
    };
    let sent = kept::send(&mut conn, &["7".to_string()], &m, sent_at).unwrap();
    let item = RecallItem {
        msg_id: sent[0].1.clone(),
        to: "7".into(),
        chat_type: "chatroom".into(),
        from: None,
        force: Some(false),
    };
    let late = sent_at + limits::RECALL_WINDOW_MS as i64 + 1;
    let e = kept::recall_one(&mut conn, &item, late, limits::RECALL_WINDOW_MS).unwrap_err();
    assert_eq!(
        e.refusal,
        Refusal::RecallRefused {
            problem: RecallProblem::TooLate
        }
    );
    assert_eq!(e.status.as_u16(), 403);
    // Within the window, or forced after it, it is recalled.
    let forced = RecallItem {
        force: Some(true),
        ..item.clone()
    };
    let r = kept::recall_one(&mut conn, &forced, late, limits::RECALL_WINDOW_MS).unwrap();
    assert_eq!(r.recalled, "yes");
}
