//! What official Easemob clients send beyond the REST documents, and the words they read
//! errors by (reference §11.6; the web SDK 4.21.1 in `tests/e2e/websdk.spec.ts` drives the same
//! calls through the SDK itself). Each test here is the request as that SDK writes it: its query
//! builder encodes nothing, writes `undefined` for an option not given and adds `_v`,
//! `resource` and `version=v3`.

mod common;

use common::raw::{RawClient, RawRequest};
use common::*;
use easemob_api::Method;
use easemob_emulator::Config;
use serde_json::{json, Value};

fn body(resp: &easemob_api::HttpResponse) -> Value {
    serde_json::from_str(&resp.body).unwrap_or_else(|e| panic!("{e}: {}", resp.body))
}

#[track_caller]
fn ok(resp: easemob_api::HttpResponse) -> Value {
    assert_eq!(resp.status, 200, "{}", resp.body);
    body(&resp)
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("an array: {v}"))
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn rooms_are_listed_by_page_number_in_the_cursor_lists_order() {
    let emu = demo();
    let all: Vec<String> = emu.all_rooms().into_iter().map(|r| r.id).collect();
    let mut seen = Vec::new();
    for pagenum in 1.. {
        let page = ok(emu.raw(
            Method::Get,
            &format!("/chatrooms?pagenum={pagenum}&pagesize=7&_v=1700000000000"),
            None,
        ));
        assert!(page.get("cursor").is_none(), "{page}");
        let got = ids(&page["data"]);
        assert!(got.len() <= 7);
        let last = got.len() < 7;
        seen.extend(got);
        if last {
            break;
        }
    }
    assert_eq!(seen, all);
    // The SDK's default page size is 20, and `undefined` is no page number.
    let page = ok(emu.raw(
        Method::Get,
        "/chatrooms?pagenum=undefined&pagesize=20",
        None,
    ));
    assert_eq!(ids(&page["data"]), all[..20]);
    // A limit or a cursor is the documented paging, whatever else is there.
    let page = ok(emu.raw(Method::Get, "/chatrooms?limit=3&pagenum=2", None));
    assert_eq!(ids(&page["data"]), all[..3]);
    assert!(page["cursor"].is_string());
}

#[test]
fn an_edit_may_name_the_room_groupname() {
    let emu = demo();
    let id = emu.room("Before", "alice", &["bob"]);
    let resp = ok(emu.raw(
        Method::Put,
        &format!("/chatrooms/{id}?resource=webim_1"),
        Some(r#"{"groupname":"After","description":"edited","maxusers":150}"#),
    ));
    assert_eq!(
        resp["data"],
        json!({"groupname": true, "description": true, "maxusers": true})
    );
    let d = emu.detail(&id);
    assert_eq!((d.name.as_str(), d.maxusers), ("After", 150));
}

#[test]
fn members_page_by_cursor_with_roles_and_join_times() {
    let emu = demo();
    let before = easemob_emulator::now_ms() as i64;
    let id = emu.room("Cursor", "alice", &["bob", "carol", "dave"]);
    ok(emu.raw(
        Method::Post,
        &format!("/chatrooms/{id}/admin"),
        Some(r#"{"newadmin":"carol"}"#),
    ));
    let mut seen = Vec::new();
    let mut cursor = "undefined".to_string();
    for _ in 0..10 {
        let page = ok(emu.raw(
            Method::Get,
            &format!("/chatrooms/{id}/users?cursor={cursor}&limit=3&joined_time=true&_v=1"),
            None,
        ));
        for m in page["data"].as_array().unwrap() {
            let m = m.as_object().unwrap();
            assert_eq!(m.len(), 2, "{m:?}");
            let joined = m["joined_time"].as_i64().expect("joined_time in ms");
            assert!(joined >= before, "{joined} < {before}");
            let (role, name) = m.iter().find(|(k, _)| *k != "joined_time").unwrap();
            seen.push(format!("{role}:{}", name.as_str().unwrap()));
        }
        match page["cursor"].as_str() {
            Some(c) => cursor = c.to_string(),
            None => break,
        }
    }
    assert_eq!(
        seen,
        ["owner:alice", "member:bob", "admin:carol", "member:dave"]
    );
    // The page-number variant keeps its one-key elements.
    let page = ok(emu.raw(
        Method::Get,
        &format!("/chatrooms/{id}/users?version=v3&pagenum=1&pagesize=2"),
        None,
    ));
    assert_eq!(page["data"], json!([{"owner": "alice"}, {"member": "bob"}]));
}

#[test]
fn joined_rooms_with_detail_name_the_owner_by_app_key() {
    let emu = demo();
    let id = emu.room("Detailed", "bob", &["alice"]);
    let page = ok(emu.raw(
        Method::Get,
        "/users/alice/joined_chatrooms?pagenum=1&pagesize=1&detail=true&_v=1",
        None,
    ));
    let room = &page["data"][0];
    assert_eq!(room["id"], id.as_str());
    assert_eq!(room["title"], "Detailed");
    assert_eq!(room["owner"], format!("{ORG}#{APP}_bob"));
    assert_eq!(room["description"], "about Detailed");
    assert!(
        room["max_users"].is_u64() && room["created"].is_u64(),
        "{room}"
    );
    // Without it, the documented `{id, name, disabled}`.
    let plain = ok(emu.raw(
        Method::Get,
        "/users/alice/joined_chatrooms?pagenum=1&pagesize=1",
        None,
    ));
    assert_eq!(plain["data"][0]["name"], "Detailed");
    assert!(plain["data"][0].get("title").is_none());
}

#[test]
fn allowlist_and_mute_checks_answer_for_one_user() {
    let emu = demo();
    let id = emu.room("Checks", "bob", &["alice", "carol"]);
    ok(emu.raw(
        Method::Post,
        &format!("/chatrooms/{id}/white/users"),
        Some(r#"{"usernames":["alice"]}"#),
    ));
    let on = ok(emu.raw(
        Method::Get,
        &format!("/chatrooms/{id}/white/users/alice"),
        None,
    ));
    assert_eq!(on["data"], json!({"member": "alice", "white": true}));
    let off = ok(emu.raw(
        Method::Get,
        &format!("/chatrooms/{id}/white/users/carol"),
        None,
    ));
    assert_eq!(off["data"], json!({"member": "carol", "white": false}));

    let muted = |who: &str| {
        ok(emu.raw(
            Method::Get,
            &format!("/sdk/chatrooms/{id}/mute/{who}?version=v3"),
            None,
        ))["data"]
            .clone()
    };
    assert_eq!(muted("alice"), json!(false));
    ok(emu.raw(
        Method::Post,
        &format!("/chatrooms/{id}/mute"),
        Some(r#"{"usernames":["alice"],"mute_duration":60000}"#),
    ));
    assert_eq!(muted("alice"), json!(true));
    assert_eq!(muted("carol"), json!(false));
}

#[test]
fn with_version_v3_a_one_user_list_change_answers_an_array() {
    let emu = demo();
    let id = emu.room("Lists", "bob", &["alice", "carol"]);
    let block = format!("/chatrooms/{id}/blocks/users/carol");
    // As documented: one object each way.
    let plain = ok(emu.raw(Method::Post, &block, None));
    assert_eq!(plain["data"]["action"], "add_blocks", "{plain}");
    let plain = ok(emu.raw(Method::Delete, &block, None));
    assert_eq!(plain["data"]["action"], "remove_blocks", "{plain}");
    // As the web SDK asks: an array of one. (Blocking took carol out of the room.)
    emu.ok(&easemob_api::AddMembers {
        id: id.clone(),
        usernames: vec!["carol".into()],
    });
    let v3 = format!("{block}?resource=webim_1&version=v3");
    let added = ok(emu.raw(Method::Post, &v3, None));
    assert_eq!(added["data"][0]["action"], "add_blocks", "{added}");
    assert_eq!(added["data"][0]["user"], "carol");
    let removed = ok(emu.raw(Method::Delete, &v3, None));
    assert_eq!(removed["data"][0]["action"], "remove_blocks", "{removed}");
    ok(emu.raw(
        Method::Post,
        &format!("/chatrooms/{id}/white/users"),
        Some(r#"{"usernames":["alice"]}"#),
    ));
    let v3 = ok(emu.raw(
        Method::Delete,
        &format!("/chatrooms/{id}/white/users/alice?version=v3"),
        None,
    ));
    assert_eq!(v3["data"][0]["action"], "remove_user_whitelist");
}

const BOUNDARY: &str = "----chatroomadmin7d3a";

fn multipart(file_name: &str, content: &[u8]) -> Vec<u8> {
    let mut b = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: text/plain\r\n\r\n"
    )
    .into_bytes();
    b.extend_from_slice(content);
    b.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    b
}

#[test]
fn shared_files_are_uploaded_listed_downloaded_and_deleted() {
    let emu = demo();
    let id = emu.room("Files", "alice", &["bob"]);
    let token = emu.conn.token.clone().unwrap();
    let mut c = RawClient::new(&emu.base);
    let path = |rest: &str| format!("/{ORG}/{APP}/chatrooms/{id}/share_files{rest}");
    let mut upload = RawRequest::new("POST", path("?resource=webim_1"))
        .bearer(&token)
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header("restrict-access", "true");
    upload.body = multipart("notes.txt", b"hello");
    let up = c.send(&upload);
    assert_eq!(up.status, 200, "{}", up.text());
    let data = serde_json::from_slice::<Value>(&up.body).unwrap()["data"].clone();
    assert_eq!(data["file_name"], "notes.txt");
    assert_eq!(data["file_size"], 5);
    assert_eq!(data["id"], id.as_str());
    let file_id = data["file_id"].as_str().unwrap().to_string();
    assert!(data["file_url"]
        .as_str()
        .unwrap()
        .ends_with(&path(&format!("/{file_id}"))));

    let list = ok(emu.raw(Method::Get, &format!("/chatrooms/{id}/share_files"), None));
    assert_eq!(list["data"][0]["file_id"], file_id.as_str());
    assert_eq!(list["data"][0]["file_name"], "notes.txt");
    assert!(list["data"][0]["file_owner"].is_string());

    let down = c.send(&RawRequest::new("GET", path(&format!("/{file_id}"))).bearer(&token));
    assert_eq!((down.status, down.body.as_slice()), (200, &b"hello"[..]));
    assert!(down
        .header("content-disposition")
        .is_some_and(|d| d.contains("notes.txt")));

    let gone = ok(emu.raw(
        Method::Delete,
        &format!("/chatrooms/{id}/share_files/{file_id}?resource=webim_1"),
        None,
    ));
    assert_eq!(
        gone["data"],
        json!({"id": id, "file_id": file_id, "result": true})
    );
    assert_eq!(
        ok(emu.raw(Method::Get, &format!("/chatrooms/{id}/share_files"), None))["data"],
        json!([])
    );
    // Deleting it again: a 404 whose words do not say "does not exist" (which the SDK reads as
    // "no such room").
    let again = emu.raw(
        Method::Delete,
        &format!("/chatrooms/{id}/share_files/{file_id}"),
        None,
    );
    assert_eq!(again.status, 404);
    let d = body(&again)["error_description"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!d.contains("does not exist") && d.contains(&file_id), "{d}");

    // An upload without a file field, and one to a room that is not there.
    let mut empty = upload.clone();
    empty.body = format!("--{BOUNDARY}--\r\n").into_bytes();
    let r = c.send(&empty);
    assert_eq!(r.status, 400, "{}", r.text());
    let mut nowhere = upload.clone();
    nowhere.target = format!("/{ORG}/{APP}/chatrooms/999999999/share_files");
    assert_eq!(c.send(&nowhere).status, 404);
}

#[test]
fn a_rooms_shared_files_go_when_it_is_dissolved_or_its_owner_deleted() {
    use easemob_emulator::store::{self, Store};
    let store = Store::open(None).unwrap();
    let mut conn = store.lock();
    let now = 1_700_000_000_000;
    store::users::register_many(
        &mut conn,
        "app",
        &[easemob_api::wire::NewUser {
            username: "owner".into(),
            password: "pw".into(),
            nickname: None,
        }],
        now,
    )
    .unwrap();
    let create = |conn: &mut rusqlite::Connection| {
        let req = easemob_api::wire::CreateChatroom {
            name: "r".into(),
            description: "d".into(),
            owner: "owner".into(),
            ..Default::default()
        };
        let id = store::rooms::create(conn, &req, now).unwrap().to_string();
        store::shared_files::add(conn, &id, "f.txt", "admin", b"abc", now as i64).unwrap();
        id
    };
    let files = |conn: &rusqlite::Connection| -> i64 {
        conn.query_row("SELECT COUNT(*) FROM shared_files", [], |r| r.get(0))
            .unwrap()
    };
    let first = create(&mut conn);
    create(&mut conn);
    assert_eq!(files(&conn), 2);
    store::rooms::dissolve(&mut conn, &first).unwrap();
    assert_eq!(files(&conn), 1);
    store::users::delete_one(&mut conn, "owner").unwrap();
    assert_eq!(files(&conn), 0);
}

#[test]
fn open_registration_registers_without_a_token_but_not_with_a_bad_one() {
    let mut config = Config::in_memory();
    config.open_registration = true;
    let emu = Emu::start(config);
    let mut c = RawClient::new(&emu.base);
    let register = |token: Option<&str>, name: &str| {
        let mut r = RawRequest::new("POST", format!("/{ORG}/{APP}/users")).json(format!(
            r#"{{"username":"{name}","password":"pw","nickname":"N"}}"#
        ));
        if let Some(t) = token {
            r = r.bearer(t);
        }
        r
    };
    let open = c.send(&register(None, "sdk.newbie"));
    assert_eq!(open.status, 200, "{}", open.text());
    let bad = c.send(&register(Some("YWMtnot-a-token"), "sdk.other"));
    assert_eq!(bad.status, 401, "{}", bad.text());
    // The default app needs a token.
    let closed = RawClient::new(&demo().base).send(&register(None, "sdk.newbie"));
    assert_eq!(closed.status, 401);
    assert!(closed.text().contains("Open registration doesn't allow"));
}

/// The web SDK turns these answers into its error codes by their words (`error_description`,
/// and for a missing user `exception` too); a change to any of them changes what an app using
/// the SDK sees.
#[test]
fn the_words_the_web_sdk_reads_errors_by() {
    let emu = demo();
    // CHATROOM_NOT_EXIST: "do not find this group" (reads) or "does not exist" (changes).
    let read = body(&emu.raw(Method::Get, "/chatrooms/999999999", None));
    assert!(read["error_description"]
        .as_str()
        .unwrap()
        .contains("do not find this group"));
    let write = emu.raw(Method::Delete, "/chatrooms/999999999", None);
    assert_eq!(write.status, 404);
    assert!(body(&write)["error_description"]
        .as_str()
        .unwrap()
        .contains("does not exist"));
    // USER_NOT_FOUND: 404 "Service resource not found" with exception UserNotFoundException.
    for path in [
        "/users/nobody",
        "/users/nobody/status",
        "/users/nobody/deactivate",
    ] {
        let method = if path.ends_with("deactivate") {
            Method::Post
        } else {
            Method::Get
        };
        let r = emu.raw(method, path, None);
        assert_eq!(r.status, 404, "{path}");
        let b = body(&r);
        assert_eq!(
            b["error_description"], "Service resource not found",
            "{path}"
        );
        assert_eq!(b["exception"], "UserNotFoundException", "{path}");
    }
    // NO_PERMISSION: 401 "Unable to authenticate (OAuth)", exactly.
    let bad = RawClient::new(&emu.base)
        .send(&RawRequest::new("GET", format!("/{ORG}/{APP}/chatrooms")).bearer("YWMtnot-a-token"));
    assert_eq!(bad.status, 401);
    let b: Value = serde_json::from_slice(&bad.body).unwrap();
    assert_eq!(b["error_description"], "Unable to authenticate (OAuth)");
    // SERVER_BUSY: the status, 429 or 503, with a JSON body (a body that is not JSON leaves
    // the SDK's promise unsettled).
    let token = emu.conn.token.clone().unwrap();
    let mut c = RawClient::new(&emu.base);
    for (fault, status) in [
        (r#"{"fail_429": 1}"#, 429),
        (r#"{"fail_429": 0, "fail_503": 1}"#, 503),
    ] {
        let set = c.send(
            &RawRequest::new("PUT", "/_emulator/faults")
                .bearer(&token)
                .json(fault),
        );
        assert_eq!(set.status, 200, "{}", set.text());
        let r = c.send(&RawRequest::new("GET", format!("/{ORG}/{APP}/chatrooms")).bearer(&token));
        assert_eq!(r.status, status);
        serde_json::from_slice::<Value>(&r.body).expect("a JSON body");
    }
}

// ---------------------------------------------------------------- the server SDKs (Java, PHP)

#[test]
fn the_java_sdks_member_list_by_cursor_reads_plain_usernames() {
    let emu = demo();
    let id = emu.room("Java", "alice", &["bob", "carol"]);
    let mut seen = Vec::new();
    let mut cursor = String::new();
    for _ in 0..10 {
        let page = ok(emu.raw(
            Method::Get,
            &format!("/chatrooms/{id}/users?version=v3&limit=2&cursor={cursor}"),
            None,
        ));
        for name in page["data"].as_array().unwrap() {
            seen.push(name.as_str().expect("a plain username").to_string());
        }
        match page["cursor"].as_str() {
            Some(c) => cursor = c.to_string(),
            None => break,
        }
    }
    assert_eq!(seen, ["alice", "bob", "carol"]);
}

#[test]
fn a_password_is_changed() {
    let emu = demo();
    let changed = ok(emu.raw(
        Method::Put,
        "/users/bob/password",
        Some(r#"{"newpassword":"n3w"}"#),
    ));
    assert_eq!(changed["action"], "set user password");
    let unknown = emu.raw(
        Method::Put,
        "/users/nobody/password",
        Some(r#"{"newpassword":"n3w"}"#),
    );
    assert_eq!(unknown.status, 404);
    assert_eq!(body(&unknown)["exception"], "UserNotFoundException");
    let empty = emu.raw(Method::Put, "/users/bob/password", Some("{}"));
    assert_eq!(empty.status, 400, "{}", empty.body);
}

#[test]
fn one_device_is_forced_offline_by_delete_and_by_the_java_sdks_get() {
    let emu = demo();
    let token = emu.conn.token.clone().unwrap();
    let mut c = RawClient::new(&emu.base);
    for method in [Method::Delete, Method::Get] {
        let online = c.send(
            &RawRequest::new("PUT", "/_emulator/presence")
                .bearer(&token)
                .json(r#"{"username":"bob","online":true}"#),
        );
        assert_eq!(online.status, 200, "{}", online.text());
        let out = ok(emu.raw(method, "/users/bob/disconnect/android_123", None));
        assert_eq!(out["data"], json!({"result": true}));
        let status = ok(emu.raw(Method::Get, "/users/bob/status", None));
        assert_eq!(status["data"]["bob"], "offline", "{method:?}");
    }
    let unknown = emu.raw(Method::Delete, "/users/nobody/disconnect/web_1", None);
    assert_eq!(unknown.status, 404);
}

#[test]
fn the_java_sdks_room_update_may_change_custom_and_need_verify() {
    let emu = demo();
    let id = emu.room("Java edit", "alice", &[]);
    let both = ok(emu.raw(
        Method::Put,
        &format!("/chatrooms/{id}"),
        Some(r#"{"description":"d2","custom":"{\"level\":3}","need_verify":true}"#),
    ));
    assert_eq!(
        both["data"],
        json!({"description": true, "custom": true, "need_verify": true})
    );
    let d = emu.detail(&id);
    assert_eq!(
        (d.description.as_str(), d.custom.as_str(), d.membersonly),
        ("d2", r#"{"level":3}"#, true)
    );
    // Alone, too; and the limits hold.
    let alone = ok(emu.raw(
        Method::Put,
        &format!("/chatrooms/{id}"),
        Some(r#"{"custom":"plain"}"#),
    ));
    assert_eq!(alone["data"], json!({"custom": true}));
    let long = "x".repeat(easemob_api::limits::CUSTOM_MAX_CHARS + 1);
    let too_long = emu.raw(
        Method::Put,
        &format!("/chatrooms/{id}"),
        Some(&json!({ "custom": long }).to_string()),
    );
    assert_eq!(too_long.status, 403, "{}", too_long.body);
    assert_eq!(emu.detail(&id).custom, "plain");
    let wrong = emu.raw(
        Method::Put,
        &format!("/chatrooms/{id}"),
        Some(r#"{"need_verify":"yes"}"#),
    );
    assert_eq!(wrong.status, 400);
}

#[test]
fn demo_members_have_join_times_after_their_rooms_creation() {
    let emu = demo();
    for room in emu.all_rooms().into_iter().take(5) {
        let created = emu.detail(&room.id).created as i64;
        let page = ok(emu.raw(
            Method::Get,
            &format!("/chatrooms/{}/users?limit=20&joined_time=true", room.id),
            None,
        ));
        for m in page["data"].as_array().unwrap() {
            let joined = m["joined_time"].as_i64().unwrap();
            assert!(joined >= created, "{m} joined before {created}");
        }
    }
}
