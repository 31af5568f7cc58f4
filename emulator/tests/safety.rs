//! Safe to leave running: what another web page can read, how much a client can make the
//! emulator hold or wait for, and what happens when another process holds the database.

mod common;

use common::raw::{
    assert_easemob_error, json_of, read_response, RawClient, RawRequest, RawResponse,
};
use common::*;
use easemob_emulator::store::{self, Store};
use easemob_emulator::Config;
use serde_json::Value;
use std::io::{BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

const EVIL: &str = "https://evil.example";

/// The origin the browser sends for a page this emulator served.
fn own_origin(emu: &Emu) -> String {
    emu.base.clone()
}

fn preflight(path: &str, origin: &str, method: &str) -> RawRequest {
    RawRequest::new("OPTIONS", path)
        .header("Origin", origin)
        .header("Access-Control-Request-Method", method)
        .header(
            "Access-Control-Request-Headers",
            "authorization,content-type",
        )
}

#[test]
fn another_origin_may_not_read_the_config_or_touch_the_emulators_own_endpoints() {
    let emu = demo();
    let mut c = RawClient::new(&emu.base);
    let own = own_origin(&emu);

    // A page elsewhere asks for /config.json (a simple GET, no preflight): the server answers,
    // but grants no origin, so the browser keeps the body from that page.
    let read = c.send(&RawRequest::new("GET", "/config.json").header("Origin", EVIL));
    assert_eq!(read.status, 200);
    assert_eq!(
        read.header("access-control-allow-origin"),
        None,
        "{:?}",
        read.headers
    );
    // The dashboard this emulator serves reads it.
    let read = c.send(&RawRequest::new("GET", "/config.json").header("Origin", &own));
    assert_eq!(read.status, 200);
    assert_eq!(
        read.header("access-control-allow-origin"),
        Some(own.as_str())
    );
    assert_eq!(json_of(&read)["presets"][0]["org"], ORG);

    // A PUT of faults from elsewhere needs a preflight, which grants nothing: the browser never
    // sends the PUT.
    for path in [
        "/_emulator/faults",
        "/_emulator/messages",
        "/_emulator/presence",
    ] {
        let pre = c.send(&preflight(path, EVIL, "PUT"));
        assert_eq!(pre.header("access-control-allow-origin"), None, "{path}");
        let pre = c.send(&preflight(path, &own, "PUT"));
        assert_eq!(
            pre.header("access-control-allow-origin"),
            Some(own.as_str()),
            "{path}"
        );
    }
    let put = c.send(
        &RawRequest::new("PUT", "/_emulator/faults")
            .header("Origin", &own)
            .bearer(&emu.token())
            .json(r#"{"latency_ms": 0}"#),
    );
    assert_eq!(put.status, 200, "{}", put.text());
    assert_eq!(
        put.header("access-control-allow-origin"),
        Some(own.as_str())
    );

    // The Easemob API itself answers any origin, as the real service does for an app's web
    // clients: its preflight and its answers (errors too) are granted.
    let pre = c.send(&preflight(&api("/chatrooms"), EVIL, "POST"));
    assert_eq!(pre.header("access-control-allow-origin"), Some(EVIL));
    let list = c.send(
        &RawRequest::new("GET", api("/chatrooms?limit=1"))
            .header("Origin", EVIL)
            .bearer(&emu.token()),
    );
    assert_eq!(list.status, 200);
    assert_eq!(list.header("access-control-allow-origin"), Some(EVIL));
    let unknown = c.send(&RawRequest::new("GET", api("/nothing/here")).header("Origin", EVIL));
    assert_eq!(unknown.status, 404);
    assert_eq!(unknown.header("access-control-allow-origin"), Some(EVIL));
}

#[test]
fn the_config_hands_out_only_the_public_demo_secret() {
    let demo_secret = RawClient::new(&demo().base).send(&RawRequest::new("GET", "/config.json"));
    assert_eq!(
        json_of(&demo_secret)["presets"][0]["client_secret"],
        CLIENT_SECRET
    );

    let mut config = Config::in_memory();
    config.client_secret = "a-secret-of-our-own".into();
    let emu = Emu::start_with_secret(config, "a-secret-of-our-own");
    let custom = RawClient::new(&emu.base).send(&RawRequest::new("GET", "/config.json"));
    let preset = &json_of(&custom)["presets"][0];
    assert_eq!(
        preset["client_id"], CLIENT_ID,
        "the id still fills the form"
    );
    assert!(
        preset.get("client_secret").is_none_or(Value::is_null),
        "{preset}"
    );
    assert!(!custom.text().contains("a-secret-of-our-own"));
}

/// Writes the head of a POST to the rooms, then body bytes until the server answers, the
/// connection breaks or `total` bytes are sent. Returns the answer and the body bytes written
/// before it was read.
fn send_big_body(emu: &Emu, head_extra: &str, total: usize, chunked: bool) -> (RawResponse, usize) {
    let stream = TcpStream::connect(emu.base.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut writer = stream.try_clone().unwrap();
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nContent-Type: application/json\r\n{head_extra}\r\n",
        api("/chatrooms"),
        emu.token()
    );
    writer.write_all(head.as_bytes()).unwrap();
    let sent = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (sent_w, done_w) = (sent.clone(), done.clone());
    let writing = std::thread::spawn(move || {
        let chunk = vec![b' '; 64 * 1024];
        let framed: Vec<u8> = if chunked {
            let mut f = format!("{:x}\r\n", chunk.len()).into_bytes();
            f.extend_from_slice(&chunk);
            f.extend_from_slice(b"\r\n");
            f
        } else {
            chunk.clone()
        };
        while sent_w.load(std::sync::atomic::Ordering::SeqCst) < total
            && !done_w.load(std::sync::atomic::Ordering::SeqCst)
        {
            if writer.write_all(&framed).is_err() {
                return;
            }
            sent_w.fetch_add(chunk.len(), std::sync::atomic::Ordering::SeqCst);
        }
    });
    let (resp, _) = read_response(&mut BufReader::new(stream), false).expect("an answer");
    let at_answer = sent.load(std::sync::atomic::Ordering::SeqCst);
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    writing.join().unwrap();
    (resp, at_answer)
}

const HUNDRED_MIB: usize = 100 << 20;

#[test]
fn a_hundred_mib_chunked_body_is_refused_before_it_is_read() {
    let emu = demo();
    let (resp, sent) = send_big_body(&emu, "Transfer-Encoding: chunked\r\n", HUNDRED_MIB, true);
    assert_easemob_error(&resp, 413, "request_entity_too_large");
    assert_eq!(resp.header("connection"), Some("close"));
    // The answer came while the client was still sending: the server did not wait for the
    // body, let alone keep it. (What it read is at most the limit, then a bounded drain; the
    // rest is in socket buffers.)
    assert!(
        sent < 32 << 20,
        "answered only after {sent} bytes were sent"
    );
    // Nothing was created, and the emulator still answers.
    assert_eq!(emu.all_rooms().len(), DEMO_ROOMS);
}

#[test]
fn a_declared_hundred_mib_body_is_refused_before_a_byte_is_read() {
    let emu = demo();
    let (resp, sent) = send_big_body(
        &emu,
        &format!("Content-Length: {HUNDRED_MIB}\r\n"),
        HUNDRED_MIB,
        false,
    );
    assert_easemob_error(&resp, 413, "request_entity_too_large");
    assert!(
        sent < 32 << 20,
        "answered only after {sent} bytes were sent"
    );
    assert_eq!(emu.all_rooms().len(), DEMO_ROOMS);
}

#[test]
fn a_body_just_under_the_limit_is_read() {
    let emu = demo();
    // A create naming 10,000 members (none registered, so it is refused for that, after the
    // whole body was read and parsed) stays well under the 1 MiB limit.
    let members: Vec<String> = (0..10_000).map(|i| format!("member_{i:05}")).collect();
    let body = serde_json::json!({
        "name": "big", "description": "d", "maxusers": 10_000, "owner": "alice",
        "members": members,
    })
    .to_string();
    assert!(
        body.len() < easemob_emulator::http::BODY_LIMIT / 4,
        "{}",
        body.len()
    );
    let resp = RawClient::new(&emu.base).send(
        &RawRequest::new("POST", api("/chatrooms"))
            .bearer(&emu.token())
            .json(body),
    );
    assert_ne!(resp.status, 413, "{}", resp.text());
    assert_eq!(json_of(&resp)["error"], "resource_not_found");
}

#[test]
fn a_client_sending_its_headers_a_byte_a_second_is_cut_off() {
    let mut config = Config::in_memory();
    config.header_timeout_s = 1;
    let emu = Emu::start(config);
    let mut stream = TcpStream::connect(emu.base.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_millis(50)))
        .unwrap();
    // Headers that would take a minute at this pace.
    let head = format!(
        "GET {} HTTP/1.1\r\nHost: x\r\nX-Padding: {}\r\n\r\n",
        api("/chatrooms"),
        "a".repeat(240)
    );
    let started = Instant::now();
    let mut cut_off = false;
    for byte in head.as_bytes() {
        if stream.write_all(std::slice::from_ref(byte)).is_err() {
            cut_off = true;
            break;
        }
        // Waiting for the server between bytes is the pace of the slow client itself.
        let mut buf = [0u8; 1];
        match stream.read(&mut buf) {
            Ok(0) => {
                cut_off = true;
                break;
            }
            Ok(_) => {
                // Hyper answers a timed-out head with nothing or a 408; either way it closes.
                cut_off = true;
                break;
            }
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => {
                cut_off = true;
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(
        cut_off,
        "the whole head was sent over {:?} and the connection is still open",
        started.elapsed()
    );
    // Others are still served.
    assert_eq!(emu.all_rooms().len(), DEMO_ROOMS);
}

#[test]
fn a_body_sent_too_slowly_is_answered_503_at_the_request_time_out() {
    let mut config = Config::in_memory();
    config.request_timeout_s = 1;
    let emu = Emu::start(config);
    let mut stream = TcpStream::connect(emu.base.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    // The head promises 100 bytes; only 10 ever come.
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"name\":\"",
        api("/chatrooms"),
        emu.token()
    );
    stream.write_all(head.as_bytes()).unwrap();
    let (resp, _) = read_response(&mut BufReader::new(stream), false).expect("an answer");
    assert_easemob_error(&resp, 503, "service_unavailable");
    assert_eq!(emu.all_rooms().len(), DEMO_ROOMS);
}

#[test]
fn a_detail_request_naming_one_room_a_hundred_times_answers_it_once() {
    let emu = demo();
    let id = emu.all_rooms()[0].id.clone();
    let ids = vec![id.as_str(); 100].join(",");
    let resp = RawClient::new(&emu.base)
        .send(&RawRequest::new("GET", api(&format!("/chatrooms/{ids}"))).bearer(&emu.token()));
    assert_eq!(resp.status, 200, "{}", resp.text());
    let body = json_of(&resp);
    let data = body["data"].as_array().expect("data");
    assert_eq!(data.len(), 1, "{}", resp.text());
    assert_eq!(data[0]["id"], id.as_str());
    assert_eq!(body["count"], 1);
    // Spelled differently (a leading zero), it is still the same room; another room is kept.
    let other = emu.all_rooms()[1].id.clone();
    let resp = RawClient::new(&emu.base).send(
        &RawRequest::new("GET", api(&format!("/chatrooms/{id},0{id},{other},{id}")))
            .bearer(&emu.token()),
    );
    let got: Vec<String> = json_of(&resp)["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(got, vec![id, other]);
}

/// A database file and SQLite's companions, removed when dropped.
struct TempDb(std::path::PathBuf);

impl Drop for TempDb {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

#[test]
fn a_database_locked_by_another_process_is_answered_503_within_the_busy_time_out() {
    let db = TempDb(std::env::temp_dir().join(format!(
        "easemob-emulator-safety-{}.sqlite3",
        std::process::id()
    )));
    let mut config = Config::in_memory();
    config.memory = false;
    config.db = db.0.clone();
    config.busy_timeout_ms = 300;
    let emu = Emu::start(config);
    // Another connection (SQLite takes the same file locks for it as for another process)
    // starts a write and holds it.
    let other = rusqlite::Connection::open(&db.0).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    other
        .execute(
            "UPDATE rooms SET name = 'held' WHERE id = (SELECT MIN(id) FROM rooms)",
            [],
        )
        .unwrap();

    let mut c = RawClient::new(&emu.base);
    let create = RawRequest::new("POST", api("/chatrooms"))
        .bearer(&emu.token())
        .json(r#"{"name":"while locked","description":"d","maxusers":10,"owner":"alice"}"#);
    let started = Instant::now();
    let resp = c.send(&create);
    let waited = started.elapsed();
    assert_easemob_error(&resp, 503, "service_unavailable");
    // It waited for the lock (at least the busy time-out) and then gave up; it did not hang
    // until the lock was released (the read time-out of the raw client is a minute).
    assert!(waited >= Duration::from_millis(300), "{waited:?}");
    // Reads go on under WAL while the write lock is held, those made in a transaction too.
    let list = c.send(&RawRequest::new("GET", api("/chatrooms?limit=1")).bearer(&emu.token()));
    assert_eq!(list.status, 200, "{}", list.text());
    let id = json_of(&list)["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    for read in [format!("/chatrooms/{id}"), format!("/chatrooms/{id}/users")] {
        let resp = c.send(&RawRequest::new("GET", api(&read)).bearer(&emu.token()));
        assert_eq!(resp.status, 200, "{read}: {}", resp.text());
    }

    other.execute_batch("ROLLBACK").unwrap();
    let resp = c.send(&create);
    assert_eq!(resp.status, 200, "{}", resp.text());
}

#[test]
fn a_file_database_runs_with_write_ahead_logging() {
    let db = TempDb(std::env::temp_dir().join(format!(
        "easemob-emulator-wal-{}.sqlite3",
        std::process::id()
    )));
    let store = Store::open(Some(&db.0)).unwrap();
    let mode: String = store
        .lock()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn expired_tokens_are_pruned_as_new_ones_are_issued() {
    let store = Store::open(None).unwrap();
    let mut conn = store.lock();
    let t0 = 1_700_000_000_000u64;
    let short = store::tokens::issue(&mut conn, 1, t0).unwrap();
    let forever = store::tokens::issue(&mut conn, 0, t0).unwrap();
    let count = |c: &rusqlite::Connection| -> i64 {
        c.query_row("SELECT COUNT(*) FROM tokens", [], |r| r.get(0))
            .unwrap()
    };
    // An hour later the short one has expired, and is still known as expired.
    let hour = t0 + 3_600_000;
    let _ = store::tokens::issue(&mut conn, 7200, hour).unwrap();
    assert_eq!(count(&conn), 3);
    let expired = store::tokens::check(&conn, &short, hour).unwrap_err();
    assert_eq!(expired.refusal, easemob_api::Refusal::ExpiredToken);
    // A day after it expired, the next issue forgets it; the one that never expires stays.
    let day = t0 + 1000 + store::tokens::EXPIRED_KEPT_MS as u64;
    let _ = store::tokens::issue(&mut conn, 7200, day).unwrap();
    assert_eq!(count(&conn), 3, "the short one went, a new one came");
    let gone = store::tokens::check(&conn, &short, day).unwrap_err();
    assert_eq!(gone.refusal, easemob_api::Refusal::BadToken);
    store::tokens::check(&conn, &forever, day).unwrap();
}

/// Sends a whole chunked body of `len` bytes (spaces) in chunks of 64 KiB, and reads the answer.
fn send_chunked(emu: &Emu, len: usize) -> RawResponse {
    let stream = TcpStream::connect(emu.base.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut wire = format!(
        "POST {} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
        api("/chatrooms"),
        emu.token()
    )
    .into_bytes();
    let mut left = len;
    while left > 0 {
        let n = left.min(64 * 1024);
        wire.extend_from_slice(format!("{n:x}\r\n").as_bytes());
        wire.extend(std::iter::repeat_n(b' ', n));
        wire.extend_from_slice(b"\r\n");
        left -= n;
    }
    wire.extend_from_slice(b"0\r\n\r\n");
    // Written from a thread: an answer may come before the whole body is taken.
    let mut writer = stream.try_clone().unwrap();
    let writing = std::thread::spawn(move || {
        let _ = writer.write_all(&wire);
    });
    let (resp, _) = read_response(&mut BufReader::new(stream), false).expect("an answer");
    writing.join().unwrap();
    resp
}

#[test]
fn a_chunked_body_of_exactly_the_limit_is_read_and_one_byte_more_is_not() {
    let emu = demo();
    let limit = easemob_emulator::http::BODY_LIMIT;
    // All blanks: read to the end, then refused for being empty.
    let at = send_chunked(&emu, limit);
    assert_easemob_error(&at, 400, "invalid_parameter");
    let over = send_chunked(&emu, limit + 1);
    assert_easemob_error(&over, 413, "request_entity_too_large");
}

/// One request with the given `Host` header, on a connection of its own.
fn with_host(emu: &Emu, method: &str, path: &str, host: &str) -> RawResponse {
    let mut stream = TcpStream::connect(emu.base.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let wire = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {}\r\nContent-Length: 0\r\n\r\n",
        emu.token()
    );
    stream.write_all(wire.as_bytes()).unwrap();
    read_response(&mut BufReader::new(stream), false)
        .expect("an answer")
        .0
}

#[test]
fn a_page_that_rebinds_its_own_name_to_the_emulator_gets_neither_faults_nor_secret() {
    // DNS rebinding: evil.example resolves to 127.0.0.1, so its page is same-origin with the
    // emulator and CORS does not apply; its requests name evil.example, though.
    let emu = demo();
    let port = emu.base.rsplit(':').next().unwrap().to_string();
    let evil = format!("evil.example:{port}");
    assert_eq!(
        with_host(&emu, "GET", "/_emulator/faults", &evil).status,
        403
    );
    let config = json_of(&with_host(&emu, "GET", "/config.json", &evil));
    assert!(
        config["presets"][0]
            .get("client_secret")
            .is_none_or(Value::is_null),
        "{config}"
    );
    // Named by address or as localhost, they answer.
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(
            with_host(&emu, "GET", "/_emulator/faults", &host).status,
            200,
            "{host}"
        );
        let config = json_of(&with_host(&emu, "GET", "/config.json", &host));
        assert_eq!(
            config["presets"][0]["client_secret"], CLIENT_SECRET,
            "{host}"
        );
    }
}

#[test]
fn a_write_answered_503_at_the_request_time_out_is_not_done_later() {
    let db = TempDb(std::env::temp_dir().join(format!(
        "easemob-emulator-timeout-{}.sqlite3",
        std::process::id()
    )));
    let mut config = Config::in_memory();
    config.memory = false;
    config.db = db.0.clone();
    // The write waits for the lock longer than the request may take.
    config.busy_timeout_ms = 3000;
    config.request_timeout_s = 1;
    let emu = Emu::start(config);
    let other = rusqlite::Connection::open(&db.0).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut c = RawClient::new(&emu.base);
    let resp = c.send(
        &RawRequest::new("POST", api("/chatrooms"))
            .header("Origin", EVIL)
            .bearer(&emu.token())
            .json(r#"{"name":"after its 503","description":"d","maxusers":10,"owner":"alice"}"#),
    );
    assert_easemob_error(&resp, 503, "service_unavailable");
    // A page on another origin can read it: the time-out's answer carries CORS headers too.
    assert_eq!(resp.header("access-control-allow-origin"), Some(EVIL));
    // The lock goes while the write is still waiting for it; the write then gets it, and its
    // commit is turned into a rollback. (The next request waits for it to finish.)
    other.execute_batch("ROLLBACK").unwrap();
    let names: Vec<String> = emu.all_rooms().into_iter().map(|r| r.name).collect();
    assert!(!names.iter().any(|n| n == "after its 503"), "{names:?}");
    assert_eq!(names.len(), DEMO_ROOMS);
}
