//! What every integration test file shares: an emulator started in-process on a loopback port,
//! a typed client pointed at it, raw requests for what the client refuses to send, and
//! assertions on Easemob error bodies.

#![allow(dead_code)]

pub mod raw;

use easemob_api::client::{Client, RetryPolicy, Transport};
use easemob_api::native::NativeTransport;
use easemob_api::wire::*;
use easemob_api::{
    ApiError, Connection, CreateRoom, Credentials, Endpoint, ErrorBody, ErrorKind, HttpRequest,
    HttpResponse, ListRooms, ListUsers, Method, RegisterUsers, RequestToken, RoomDetails,
};
use easemob_emulator::{spawn_for_tests, Config};
use pollster::block_on;
use std::cell::RefCell;
use std::rc::Rc;

pub const ORG: &str = "demo";
pub const APP: &str = "admin";
pub const CLIENT_ID: &str = "demo-client-id";
pub const CLIENT_SECRET: &str = "demo-client-secret";
/// Rooms and users a fresh demo emulator holds.
pub const DEMO_ROOMS: usize = 30;
pub const DEMO_USERS: usize = 50;

pub fn credentials() -> Credentials {
    Credentials {
        client_id: CLIENT_ID.into(),
        client_secret: CLIENT_SECRET.into(),
    }
}

/// A transport that records every request it carries (method and URL) and can, for tests of
/// the client's retry, drop the `Authorization` header from everything but `POST /token`.
#[derive(Clone, Default)]
pub struct Recording {
    pub inner: NativeTransport,
    pub log: Rc<RefCell<Vec<(Method, String)>>>,
    pub strip_auth: bool,
}

impl Recording {
    pub fn requests(&self) -> Vec<(Method, String)> {
        self.log.borrow().clone()
    }
    /// The requests so far as `METHOD path` with the base URL, org and app cut off.
    pub fn paths(&self, base: &str) -> Vec<String> {
        let prefix = format!("{base}/{ORG}/{APP}");
        self.requests()
            .into_iter()
            .map(|(m, url)| {
                let path = url.strip_prefix(&prefix).unwrap_or(&url).to_string();
                format!("{m} {path}")
            })
            .collect()
    }
    pub fn clear(&self) {
        self.log.borrow_mut().clear();
    }
}

impl Transport for Recording {
    async fn execute(&self, mut req: HttpRequest) -> Result<HttpResponse, ApiError> {
        self.log.borrow_mut().push((req.method, req.url.clone()));
        if self.strip_auth && !req.url.ends_with("/token") {
            req.headers
                .retain(|(k, _)| !k.eq_ignore_ascii_case("authorization"));
        }
        self.inner.execute(req).await
    }
    fn now_ms(&self) -> u64 {
        self.inner.now_ms()
    }
    async fn sleep(&self, ms: u64) {
        self.inner.sleep(ms).await
    }
}

/// One emulator, started for one test, and a client holding a valid app token.
pub struct Emu {
    pub base: String,
    /// The connection with a valid app token.
    pub conn: Connection,
    pub transport: NativeTransport,
    pub client: Client<NativeTransport>,
}

/// `path` under the demo app, as a request line names it.
pub fn api(path: &str) -> String {
    format!("/{ORG}/{APP}{path}")
}

/// An emulator with the demo data: 50 users (alice, bob, carol, …) and 30 rooms.
pub fn demo() -> Emu {
    Emu::start(Config::in_memory())
}

/// The suites test the emulator, not the client's policy (which has its own unit tests): each
/// request is sent once, so a 5xx or a 429 from the emulator is seen, never retried away, and
/// nothing waits for a turn (a test that makes 500 rooms takes a moment, not 12 s).
fn direct() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 1,
        max_rate_waits: 0,
        pace_share: f64::INFINITY,
        ..RetryPolicy::default()
    }
}

/// An emulator with no users and no rooms.
pub fn clean() -> Emu {
    let mut c = Config::in_memory();
    c.no_demo = true;
    Emu::start(c)
}

impl Emu {
    pub fn start(config: Config) -> Emu {
        Emu::start_with_secret(config, CLIENT_SECRET)
    }

    /// An emulator whose app has this client secret (`config.client_secret`).
    pub fn start_with_secret(config: Config, secret: &str) -> Emu {
        let base = spawn_for_tests(config);
        let transport = NativeTransport::default();
        let anon = Connection::new(&base, ORG, APP);
        let token = block_on(Client::new(anon.clone(), transport.clone()).send_raw(
            &RequestToken {
                credentials: Credentials {
                    client_id: CLIENT_ID.into(),
                    client_secret: secret.into(),
                },
                ttl: None,
            },
        ))
        .expect("the emulator issues a token for its own credentials")
        .access_token;
        let conn = anon.with_token(token);
        let client = Client::new(conn.clone(), transport.clone()).with_policy(direct());
        Emu {
            base,
            conn,
            transport,
            client,
        }
    }

    /// The valid app token.
    pub fn token(&self) -> String {
        self.conn.token.clone().expect("the test emulator's token")
    }

    /// The connection with no token at all.
    pub fn anonymous(&self) -> Connection {
        Connection::new(&self.base, ORG, APP)
    }

    /// A client with no token handling, on a connection of the caller's choice.
    pub fn client_with(&self, conn: Connection) -> Client<NativeTransport> {
        Client::new(conn, self.transport.clone())
    }

    /// Sends a typed call with the valid token.
    pub fn call<E: Endpoint>(&self, e: &E) -> Result<E::Output, ApiError> {
        block_on(self.client.send(e))
    }

    /// Sends a typed call that must succeed.
    pub fn ok<E>(&self, e: &E) -> E::Output
    where
        E: Endpoint + std::fmt::Debug,
    {
        match self.call(e) {
            Ok(out) => out,
            Err(err) => panic!("{e:?} failed: {err:?}"),
        }
    }

    /// A request the typed client would refuse to send: `path` is below `/{org}/{app}` and
    /// may carry a query; the valid token and JSON headers are added.
    pub fn raw(&self, method: Method, path: &str, body: Option<&str>) -> HttpResponse {
        let req = self.conn.request(
            method,
            self.conn.url(path, &[]),
            body.map(str::to_string),
            true,
        );
        self.send(req)
    }

    /// Sends a hand-built request as it is.
    pub fn send(&self, req: HttpRequest) -> HttpResponse {
        block_on(self.transport.execute(req)).expect("the emulator answers")
    }

    /// Registers users (password "secret"), 60 a request.
    pub fn register(&self, names: &[String]) {
        for chunk in names.chunks(60) {
            let users = chunk
                .iter()
                .map(|n| NewUser {
                    username: n.clone(),
                    password: "secret".into(),
                    nickname: None,
                })
                .collect();
            let r = self.ok(&RegisterUsers { users });
            assert!(r.failed.is_empty(), "{:?}", r.failed);
            assert_eq!(r.created.len(), chunk.len());
        }
    }

    /// Creates a room with default settings and returns its id.
    pub fn room(&self, name: &str, owner: &str, members: &[&str]) -> String {
        self.ok(&CreateRoom(CreateChatroom {
            name: name.into(),
            description: format!("about {name}"),
            owner: owner.into(),
            members: (!members.is_empty()).then(|| members.iter().map(|m| m.to_string()).collect()),
            ..Default::default()
        }))
    }

    pub fn detail(&self, id: &str) -> ChatroomDetail {
        let mut rooms = self.ok(&RoomDetails::one(id));
        assert_eq!(rooms.len(), 1);
        rooms.remove(0)
    }

    /// Every room in the app (one page of up to 1000).
    pub fn all_rooms(&self) -> Vec<ChatroomSummary> {
        let page = self.ok(&ListRooms {
            limit: Some(1000),
            cursor: None,
        });
        assert!(page.cursor.is_none(), "more than 1000 rooms in a test app");
        page.items
    }

    /// Every user in the app, walking the cursor.
    pub fn all_users(&self) -> Vec<User> {
        let mut out = Vec::new();
        let mut cursor = None;
        loop {
            let page = self.ok(&ListUsers {
                limit: Some(100),
                cursor,
            });
            out.extend(page.items);
            match page.cursor {
                Some(c) => cursor = Some(c),
                None => return out,
            }
        }
    }

    /// Everything a client can see: every room in full and every user. Two snapshots are
    /// equal when nothing changed.
    pub fn snapshot(&self) -> (Vec<ChatroomDetail>, Vec<User>) {
        let ids: Vec<String> = self.all_rooms().into_iter().map(|r| r.id).collect();
        let rooms = block_on(self.client.room_details(&ids)).expect("room details");
        (rooms, self.all_users())
    }

    pub fn usernames_in(&self, id: &str) -> Vec<String> {
        self.detail(id)
            .affiliations
            .iter()
            .map(|a| a.username().to_string())
            .collect()
    }
}

/// `n` usernames: `{prefix}000`, `{prefix}001`, …
pub fn names(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i:03}")).collect()
}

/// Asserts an Easemob error answer from the typed client.
#[track_caller]
pub fn assert_api_error<T: std::fmt::Debug>(
    result: Result<T, ApiError>,
    status: u16,
    error: &str,
    description: &str,
) {
    match result {
        Err(ApiError {
            kind: ErrorKind::Refused {
                status: s, body, ..
            },
            ..
        }) => {
            assert_eq!(
                (s, body.error.as_str(), body.error_description.as_deref()),
                (status, error, Some(description)),
                "whole body: {body:?}"
            );
        }
        other => panic!("expected {status} {error} \"{description}\", got {other:?}"),
    }
}

/// Reads an answer that must be an Easemob error body.
#[track_caller]
pub fn error_body(resp: &HttpResponse) -> ErrorBody {
    assert!(
        !(200..300).contains(&resp.status),
        "expected an error, got {} {}",
        resp.status,
        resp.body
    );
    match serde_json::from_str::<ErrorBody>(&resp.body) {
        Ok(b) => b,
        Err(e) => panic!(
            "status {} with a body that is not an Easemob error ({e}): {}",
            resp.status, resp.body
        ),
    }
}

/// Asserts a raw answer is the given Easemob error.
#[track_caller]
pub fn assert_raw_error(resp: &HttpResponse, status: u16, error: &str, description: &str) {
    let body = error_body(resp);
    assert_eq!(
        (
            resp.status,
            body.error.as_str(),
            body.error_description.as_deref()
        ),
        (status, error, Some(description)),
        "whole body: {}",
        resp.body
    );
}

/// Asserts a raw answer is a 4xx Easemob error (never a 500) and returns its body.
#[track_caller]
pub fn assert_client_error(resp: &HttpResponse) -> ErrorBody {
    assert!(
        (400..500).contains(&resp.status),
        "expected a 4xx, got {} {}",
        resp.status,
        resp.body
    );
    let body = error_body(resp);
    assert!(!body.error.is_empty(), "{}", resp.body);
    assert!(body.error_description.is_some(), "{}", resp.body);
    body
}

/// Parses a raw success answer's envelope.
#[track_caller]
pub fn envelope(resp: &HttpResponse) -> Envelope<serde_json::Value, serde_json::Value> {
    assert_eq!(resp.status, 200, "{}", resp.body);
    serde_json::from_str(&resp.body).expect("an Easemob envelope")
}

/// A temporary `dist` folder holding a dashboard (`index.html` and `app.js`), removed when
/// dropped.
pub struct Dist(pub std::path::PathBuf);

impl Dist {
    pub fn new() -> Dist {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "easemob-emulator-dist-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("a temporary dist folder");
        std::fs::write(
            dir.join("index.html"),
            "<!doctype html><title>dashboard</title><script src=\"/app.js\"></script>",
        )
        .expect("index.html");
        std::fs::write(dir.join("app.js"), "console.log('dashboard')").expect("app.js");
        Dist(dir)
    }

    /// An in-memory emulator with the demo data serving this dashboard.
    pub fn config(&self) -> Config {
        let mut c = Config::in_memory();
        c.dist = self.0.clone();
        c
    }
}

impl Drop for Dist {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every successful write from now on is carried out but answered 503 (or not, again).
pub fn lose_every_answer(emu: &Emu, lose: bool) {
    let req = emu.conn.request(
        Method::Put,
        format!("{}/_emulator/faults", emu.base),
        Some(format!(r#"{{"fail_after_write": {}}}"#, u8::from(lose))),
        true,
    );
    let resp = emu.send(req);
    assert_eq!(resp.status, 200, "{}", resp.body);
}

/// A client that sends a call twice at most, without waiting long in between.
pub fn twice(emu: &Emu, t: &Recording) -> Client<Recording> {
    Client::new(emu.conn.clone(), t.clone()).with_policy(RetryPolicy {
        max_attempts: 2,
        backoff_base_ms: 1,
        backoff_cap_ms: 1,
        pace_share: f64::INFINITY,
        ..RetryPolicy::default()
    })
}
