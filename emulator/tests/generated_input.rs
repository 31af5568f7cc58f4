//! Generated input: ten thousand requests over every endpoint, most of them wrong in some way
//! (bad JSON, wrong types, huge bodies, odd unicode, path tricks, wrong methods, random
//! queries). Every answer must be a success or a 4xx with an Easemob error body, never a 5xx,
//! and afterwards the data must still hold together.
//!
//! The generator is seeded; the seed is printed, and `GENERATED_INPUT_SEED=<n>` repeats a run.

mod common;

use common::raw::{RawClient, RawRequest, RawResponse};
use common::*;
use easemob_api::limits;
use easemob_api::wire::*;
use easemob_api::ErrorBody;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

const REQUESTS: usize = 10_000;
const DEFAULT_SEED: u64 = 20_261_123;

/// What the generator knows of the app, so that some requests name real rooms and users and
/// get as far as a write.
struct Gen {
    rng: StdRng,
    /// This request is plausible throughout: right types, sane values, real rooms and users,
    /// a good token. Half the requests are, so that writes land and the data grows.
    sane: bool,
    token: String,
    users: Vec<String>,
    rooms: Vec<String>,
}

/// Characters left as they are in a generated path segment; everything else is escaped.
fn is_plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~!$'()*+;=:@".contains(&b)
}

fn escape(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if is_plain(b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

impl Gen {
    fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items
            .choose(&mut self.rng)
            .expect("a non-empty list")
            .clone()
    }

    fn user(&mut self) -> String {
        let u = self.users[self.rng.random_range(0..self.users.len())].clone();
        if self.chance(0.1) {
            u.to_uppercase()
        } else {
            u
        }
    }

    fn room(&mut self) -> String {
        if self.rooms.is_empty() || (!self.sane && self.chance(0.1)) {
            self.rng
                .random_range(1..10_000_000_000_000_000u64)
                .to_string()
        } else {
            self.rooms[self.rng.random_range(0..self.rooms.len())].clone()
        }
    }

    fn word(&mut self) -> String {
        const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789_.-";
        let n = self.rng.random_range(1..16);
        (0..n)
            .map(|_| CHARS[self.rng.random_range(0..CHARS.len())] as char)
            .collect()
    }

    /// Any text, odd more often than not; short and printable in a plausible request.
    fn text(&mut self) -> String {
        if self.sane {
            return match self.rng.random_range(0..4) {
                0 => "Lobby 聊天室 😀".into(),
                1 => "\u{202E}rtl\u{202C} مرحبا".into(),
                _ => self.word(),
            };
        }
        match self.rng.random_range(0..16) {
            0..=3 => self.word(),
            4 => self.user(),
            5 => "\u{202E}evil\u{202C} مرحبا שלום".into(),
            6 => "😀🎉👍🏽👨‍👩‍👧 聊天室".into(),
            7 => "nul\0inside".into(),
            8 => "e\u{301}".repeat(self.rng.random_range(1..300)),
            9 => {
                let unit = self.pick(&["x", "é", "😀", "室"]);
                unit.repeat(self.rng.random_range(100..5_000))
            }
            10 => String::new(),
            11 => " \t\r\n ".into(),
            12 => "'; DROP TABLE rooms; --".into(),
            13 => "%2F..%00%252F".into(),
            14 => "\u{7}\u{1b}[31m\u{fffe}\u{10ffff}".into(),
            _ => format!("{},{}", self.word(), self.word()),
        }
    }

    /// A JSON string literal, now and then with an escape no JSON parser may accept.
    fn string_literal(&mut self) -> String {
        if self.sane {
            let t = self.text();
            return serde_json::to_string(&t).unwrap();
        }
        match self.rng.random_range(0..20) {
            0 => r#""lone \ud800 high""#.into(),
            1 => r#""\udfff low first""#.into(),
            2 => r#""bad \x escape""#.into(),
            3 => "\"raw\ncontrol\"".into(),
            _ => {
                let t = self.text();
                serde_json::to_string(&t).unwrap()
            }
        }
    }

    fn number(&mut self) -> String {
        if self.sane {
            // Small rooms now and then, so that some fill up.
            return self.pick(&[2, 3, 5, 10, 200, 1000, 5000]).to_string();
        }
        match self.rng.random_range(0..10) {
            0 => "0".into(),
            1 => "-1".into(),
            2 => "1.5".into(),
            3 => "1e400".into(),
            4 => "18446744073709551616".into(),
            5 => "-9223372036854775809".into(),
            6 => self.rng.random_range(10_001..100_000u64).to_string(),
            _ => self.rng.random_range(1..=10_000u64).to_string(),
        }
    }

    /// Any JSON value.
    fn value(&mut self, depth: u32) -> String {
        let kinds = if depth >= 3 { 5 } else { 7 };
        match self.rng.random_range(0..kinds) {
            0 => "null".into(),
            1 => self.pick(&["true", "false"]).into(),
            2 => self.number(),
            3 | 4 => self.string_literal(),
            5 => {
                let n = self.rng.random_range(0..5);
                let items: Vec<String> = (0..n).map(|_| self.value(depth + 1)).collect();
                format!("[{}]", items.join(","))
            }
            _ => {
                let n = self.rng.random_range(0..5);
                let fields: Vec<(String, String)> = (0..n)
                    .map(|_| (self.string_literal(), self.value(depth + 1)))
                    .collect();
                object(&fields)
            }
        }
    }

    /// A field's value: usually the right type, sometimes not.
    fn field(&mut self, right: impl FnOnce(&mut Gen) -> String) -> String {
        if self.sane || self.chance(0.85) {
            right(self)
        } else {
            self.value(1)
        }
    }

    fn users_array(&mut self, max: usize) -> String {
        let n = self.rng.random_range(0..=if self.sane { 8 } else { max });
        let names: Vec<String> = (0..n)
            .map(|_| {
                if self.sane || self.chance(0.9) {
                    serde_json::to_string(&self.user()).unwrap()
                } else {
                    self.string_literal()
                }
            })
            .collect();
        format!("[{}]", names.join(","))
    }

    /// Fields, each present with probability `p`, and now and then one the server does not
    /// know.
    fn some_fields(&mut self, p: f64, fields: Vec<(&str, String)>) -> String {
        let p = if self.sane { p.max(0.95) } else { p };
        let mut kept: Vec<(String, String)> = fields
            .into_iter()
            .filter(|_| self.rng.random_bool(p))
            .map(|(k, v)| (serde_json::to_string(k).unwrap(), v))
            .collect();
        if !self.sane && self.chance(0.05) {
            kept.push((self.string_literal(), self.value(1)));
        }
        object(&kept)
    }

    fn create_body(&mut self) -> String {
        let fields = vec![
            ("name", self.field(|g| g.string_literal())),
            ("description", self.field(|g| g.string_literal())),
            ("maxusers", self.field(|g| g.number())),
            (
                "owner",
                self.field(|g| serde_json::to_string(&g.user()).unwrap()),
            ),
            ("members", self.field(|g| g.users_array(70))),
            ("custom", self.field(|g| g.string_literal())),
        ];
        self.some_fields(0.85, fields)
    }

    fn modify_body(&mut self) -> String {
        let fields = vec![
            ("name", self.field(|g| g.string_literal())),
            ("description", self.field(|g| g.string_literal())),
            ("maxusers", self.field(|g| g.number())),
        ];
        let mut body = self.some_fields(0.5, fields);
        if !self.sane && self.chance(0.1) {
            // `custom` alone (which the Java server SDK may send), of any length or type.
            body = format!(r#"{{"custom":{}}}"#, self.string_literal());
        }
        if body == "{}" && self.chance(0.5) {
            body = format!(r#"{{"name":{}}}"#, self.string_literal());
        }
        body
    }

    fn new_user(&mut self) -> String {
        let username = if self.sane || self.chance(0.7) {
            format!("gen.{}", self.word())
        } else {
            self.text()
        };
        let fields = vec![
            (
                "username",
                self.field(|_| serde_json::to_string(&username).unwrap()),
            ),
            ("password", self.field(|g| g.string_literal())),
            ("nickname", self.field(|g| g.string_literal())),
        ];
        self.some_fields(0.9, fields)
    }

    fn register_body(&mut self) -> String {
        if self.chance(0.5) {
            self.new_user()
        } else {
            let n = self.rng.random_range(0..if self.sane { 10 } else { 65 });
            let users: Vec<String> = (0..n).map(|_| self.new_user()).collect();
            format!("[{}]", users.join(","))
        }
    }

    fn token_body(&mut self) -> String {
        let good = |g: &mut Gen, right: &str| {
            if g.sane || g.chance(0.8) {
                serde_json::to_string(right).unwrap()
            } else {
                g.value(1)
            }
        };
        let fields = vec![
            ("grant_type", good(self, "client_credentials")),
            ("client_id", good(self, CLIENT_ID)),
            ("client_secret", good(self, CLIENT_SECRET)),
            ("ttl", self.field(|g| g.number())),
        ];
        self.some_fields(0.85, fields)
    }

    /// Settings that are refused or leave every fault off: this run must see no injected
    /// failure.
    fn faults_body(&mut self) -> String {
        let off_or_bad = |g: &mut Gen, off: &str, bad: &[&str]| {
            if g.chance(0.5) {
                off.to_string()
            } else {
                g.pick(bad).to_string()
            }
        };
        let probability_bad = ["1.01", "-0.5", "\"0.1\"", "true", "[]", "1e400"];
        let fields = vec![
            (
                "latency_ms",
                off_or_bad(self, "0", &["-1", "1.5", "\"5\"", "99999999"]),
            ),
            ("fail_429", off_or_bad(self, "0", &probability_bad)),
            ("fail_503", off_or_bad(self, "0.0", &probability_bad)),
            ("fail_after_write", off_or_bad(self, "0", &probability_bad)),
            (
                "rate_limits",
                off_or_bad(self, "false", &["\"true\"", "1", "{}"]),
            ),
            (
                "token_ttl_s",
                off_or_bad(self, "7200", &["-5", "1e20", "4000000000", "\"60\""]),
            ),
        ];
        self.some_fields(0.4, fields)
    }

    /// Breaks a body now and then: cut short, replaced by bytes that are not UTF-8 or by any
    /// JSON value, nested past any parser's depth, or made larger than the server accepts.
    fn mangle(&mut self, body: String) -> Vec<u8> {
        if self.sane {
            return body.into_bytes();
        }
        if self.chance(0.0016) {
            let filler = "x".repeat(limits_body() + 1024);
            return format!(r#"{{"name":"{filler}"}}"#).into_bytes();
        }
        if !self.chance(0.2) {
            return body.into_bytes();
        }
        match self.rng.random_range(0..7) {
            0 => {
                let mut b = body.into_bytes();
                let cut = self.rng.random_range(0..=b.len());
                b.truncate(cut);
                b
            }
            1 => (0..self.rng.random_range(1..200))
                .map(|_| self.rng.random())
                .collect(),
            2 => self.value(0).into_bytes(),
            3 => {
                let n = self.rng.random_range(100..3000);
                format!("{}{}", "[".repeat(n), "]".repeat(n)).into_bytes()
            }
            4 => Vec::new(),
            5 => format!("[{body}]").into_bytes(),
            _ => format!("{body}{body}").into_bytes(),
        }
    }

    /// A path segment: the value escaped, sometimes escaped twice or with a comma list.
    fn segment(&mut self, value: &str) -> String {
        if self.sane {
            return escape(value);
        }
        match self.rng.random_range(0..20) {
            0 => escape(&escape(value)),
            1 => format!("{},{}", escape(value), escape(&self.text())),
            2 => escape(&self.text()),
            3 => "9".repeat(self.rng.random_range(19..20_000)),
            _ => escape(value),
        }
    }

    /// Tricks on a path under the app: dot segments, escaped or empty separators, bad escapes.
    fn trick(&mut self, path: String) -> String {
        let prefix = format!("/{ORG}/{APP}");
        let rest = path.strip_prefix(&prefix).unwrap_or(&path).to_string();
        // Escaped separators after the app's own: escaped twice right after the app, the
        // path would name another app and be the dashboard's.
        let inner = rest.strip_prefix('/').unwrap_or(&rest).to_string();
        match self.rng.random_range(0..13) {
            0 => format!("{prefix}/..{rest}"),
            1 => format!("{prefix}/{}", inner.replacen('/', "%2F", 2)),
            2 => format!("{prefix}/{}", inner.replacen('/', "%252F", 2)),
            12 => format!("{prefix}%2F{inner}"),
            3 => format!("{prefix}/{rest}"),
            4 => format!("{path}/"),
            5 => format!("{path}//"),
            6 => format!("/DEMO/{APP}{rest}"),
            7 => format!("/dem%6F/{APP}{rest}"),
            8 => format!("{path}/./.."),
            9 => format!("{path}%zz%"),
            10 => format!("{path}%C0%AF%FF"),
            _ => format!("{prefix}/./{rest}"),
        }
    }

    fn query(&mut self, keys: &[&str]) -> String {
        let n = self.rng.random_range(0..=3);
        let mut parts = Vec::new();
        if self.sane {
            for key in keys.iter().filter(|k| **k != "cursor") {
                if self.chance(0.7) {
                    parts.push(format!("{key}={}", self.rng.random_range(1..200)));
                }
            }
            return if parts.is_empty() {
                String::new()
            } else {
                format!("?{}", parts.join("&"))
            };
        }
        for _ in 0..n {
            let key = if self.chance(0.8) && !keys.is_empty() {
                self.pick(keys).to_string()
            } else {
                escape(&self.text())
            };
            let value = match self.rng.random_range(0..8) {
                0 => escape(&self.text()),
                1 => "-3".into(),
                2 => "99999999999999999999999".into(),
                3 => String::new(),
                4 => "bm90IGEgY3Vyc29y".into(),
                _ => self.rng.random_range(0..200).to_string(),
            };
            parts.push(format!("{key}={value}"));
        }
        if self.chance(0.05) {
            parts.push("&&==&%zz".into());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// One request, and the endpoint it was meant for (for the summary).
    fn request(&mut self) -> (&'static str, RawRequest) {
        self.sane = self.chance(0.5);
        let app = format!("/{ORG}/{APP}");
        let room = self.room();
        let user = self.user();
        let (name, method, path, keys, body): (&str, &str, String, &[&str], Option<String>) =
            match self.rng.random_range(0..100) {
                0..=4 => (
                    "token",
                    "POST",
                    format!("{app}/token"),
                    &[],
                    Some(self.token_body()),
                ),
                5..=11 => (
                    "list",
                    "GET",
                    format!("{app}/chatrooms"),
                    &["limit", "cursor"],
                    None,
                ),
                12..=19 => {
                    let n = if !self.sane && self.chance(0.1) {
                        self.rng.random_range(90..110)
                    } else {
                        self.rng.random_range(1..5)
                    };
                    let ids: Vec<String> = (0..n).map(|_| self.room()).collect();
                    let seg = self.segment(&ids.join(","));
                    (
                        "details",
                        "GET",
                        format!("{app}/chatrooms/{seg}"),
                        &[],
                        None,
                    )
                }
                20..=29 => (
                    "create",
                    "POST",
                    format!("{app}/chatrooms"),
                    &[],
                    Some(self.create_body()),
                ),
                30..=35 => {
                    let seg = self.segment(&room);
                    (
                        "modify",
                        "PUT",
                        format!("{app}/chatrooms/{seg}"),
                        &[],
                        Some(self.modify_body()),
                    )
                }
                36..=38 => {
                    let seg = self.segment(&room);
                    let newowner = self.field(|g| serde_json::to_string(&g.user()).unwrap());
                    let body = if !self.sane && self.chance(0.1) {
                        format!(r#"{{"newowner":{newowner},"name":"x"}}"#)
                    } else {
                        format!(r#"{{"newowner":{newowner}}}"#)
                    };
                    (
                        "transfer",
                        "PUT",
                        format!("{app}/chatrooms/{seg}"),
                        &[],
                        Some(body),
                    )
                }
                39..=40 => {
                    let seg = self.segment(&room);
                    (
                        "dissolve",
                        "DELETE",
                        format!("{app}/chatrooms/{seg}"),
                        &[],
                        None,
                    )
                }
                41..=46 => {
                    let seg = self.segment(&room);
                    (
                        "members",
                        "GET",
                        format!("{app}/chatrooms/{seg}/users"),
                        &["pagenum", "pagesize"],
                        None,
                    )
                }
                47..=54 => {
                    let (r, u) = (self.segment(&room), self.segment(&user));
                    (
                        "add one",
                        "POST",
                        format!("{app}/chatrooms/{r}/users/{u}"),
                        &[],
                        None,
                    )
                }
                55..=60 => {
                    let seg = self.segment(&room);
                    let usernames = self.field(|g| g.users_array(65));
                    (
                        "add many",
                        "POST",
                        format!("{app}/chatrooms/{seg}/users"),
                        &[],
                        Some(format!(r#"{{"usernames":{usernames}}}"#)),
                    )
                }
                61..=64 => {
                    let (r, u) = (self.segment(&room), self.segment(&user));
                    (
                        "remove one",
                        "DELETE",
                        format!("{app}/chatrooms/{r}/users/{u}"),
                        &[],
                        None,
                    )
                }
                65..=68 => {
                    let r = self.segment(&room);
                    let n = self.rng.random_range(2..if self.sane { 6 } else { 65 });
                    let names: Vec<String> = (0..n).map(|_| escape(&self.user())).collect();
                    let list = names.join(",");
                    (
                        "remove many",
                        "DELETE",
                        format!("{app}/chatrooms/{r}/users/{list}"),
                        &[],
                        None,
                    )
                }
                69..=76 => (
                    "register",
                    "POST",
                    format!("{app}/users"),
                    &[],
                    Some(self.register_body()),
                ),
                77..=81 => {
                    let seg = self.segment(&user);
                    ("user", "GET", format!("{app}/users/{seg}"), &[], None)
                }
                82..=85 => (
                    "users",
                    "GET",
                    format!("{app}/users"),
                    &["limit", "cursor"],
                    None,
                ),
                86..=90 => {
                    let seg = self.segment(&user);
                    (
                        "joined",
                        "GET",
                        format!("{app}/users/{seg}/joined_chatrooms"),
                        &["pagenum", "pagesize"],
                        None,
                    )
                }
                91..=93 => {
                    let put = self.chance(0.7);
                    let body = put.then(|| self.faults_body());
                    (
                        "faults",
                        if put { "PUT" } else { "GET" },
                        "/_emulator/faults".into(),
                        &[],
                        body,
                    )
                }
                94..=95 => ("config", "GET", "/config.json".into(), &[], None),
                _ => (
                    "list",
                    "GET",
                    format!("{app}/chatrooms"),
                    &["limit", "cursor"],
                    None,
                ),
            };
        // Path tricks only where the answer is the API's: under the app.
        let path = if !self.sane && path.starts_with(&app) && self.chance(0.2) {
            self.trick(path)
        } else {
            path
        };
        let query = if !keys.is_empty() || (!self.sane && self.chance(0.1)) {
            self.query(keys)
        } else {
            String::new()
        };
        let method = if !self.sane && name != "config" && self.chance(0.14) {
            self.pick(&[
                "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "get",
            ])
        } else {
            method
        };
        let mut req = RawRequest::new(method, format!("{path}{query}"));
        req = match if self.sane {
            99
        } else {
            self.rng.random_range(0..100)
        } {
            0..=2 => req,
            3..=4 => req.header("Authorization", "Bearer YWMtnot-a-token"),
            5 => req.header("Authorization", "Bearer "),
            6 => req.header("Authorization", "Basic ZGVtbzpkZW1v"),
            _ => req.bearer(&self.token.clone()),
        };
        if let Some(body) = body {
            req.body = self.mangle(body);
            req = match if self.sane {
                9
            } else {
                self.rng.random_range(0..10)
            } {
                0 => req,
                1 => req.header("Content-Type", "text/plain; charset=utf-16"),
                _ => req.header("Content-Type", "application/json"),
            };
        }
        (name, req)
    }

    /// Learns new rooms and users from successful answers, forgets dissolved rooms.
    fn learn(&mut self, name: &str, req: &RawRequest, resp: &RawResponse) {
        if resp.status != 200 || (req.method != "POST" && req.method != "DELETE") {
            return;
        }
        let Ok(env) = serde_json::from_slice::<Envelope<Value, Value>>(&resp.body) else {
            return;
        };
        match name {
            "create" => {
                if let Some(id) = env.data.as_ref().and_then(|d| d["id"].as_str()) {
                    self.rooms.push(id.to_string());
                }
            }
            "dissolve" => {
                if let Some(id) = env.data.as_ref().and_then(|d| d["id"].as_str()) {
                    self.rooms.retain(|r| r != id);
                }
            }
            "register" => {
                for u in &env.entities {
                    if let Some(n) = u["username"].as_str() {
                        self.users.push(n.to_string());
                    }
                }
            }
            _ => {}
        }
    }
}

fn limits_body() -> usize {
    1 << 20
}

fn object(fields: &[(String, String)]) -> String {
    let inner: Vec<String> = fields.iter().map(|(k, v)| format!("{k}:{v}")).collect();
    format!("{{{}}}", inner.join(","))
}

/// Why an answer is not acceptable, if it is not.
fn wrong_answer(req: &RawRequest, resp: &RawResponse) -> Option<String> {
    if req.method == "HEAD" {
        return (resp.status >= 500).then(|| format!("status {}", resp.status));
    }
    match resp.status {
        200..=299 => None,
        400..=499 => match serde_json::from_slice::<ErrorBody>(&resp.body) {
            Ok(b) if !b.error.is_empty() && b.error_description.is_some() => None,
            Ok(b) => Some(format!(
                "status {} with an incomplete error body {b:?}",
                resp.status
            )),
            Err(e) => Some(format!(
                "status {} with a body that is not an Easemob error ({e}): {}",
                resp.status,
                resp.text().chars().take(300).collect::<String>()
            )),
        },
        s => Some(format!(
            "status {s}: {}",
            resp.text().chars().take(300).collect::<String>()
        )),
    }
}

fn seed() -> u64 {
    match std::env::var("GENERATED_INPUT_SEED") {
        Ok(s) => s.trim().parse().expect("GENERATED_INPUT_SEED is a number"),
        Err(_) => DEFAULT_SEED,
    }
}

#[test]
fn ten_thousand_generated_requests_get_well_formed_answers_and_leave_the_data_consistent() {
    let seed = seed();
    eprintln!("generated input: seed {seed} (GENERATED_INPUT_SEED={seed} repeats this run)");
    let emu = demo();
    let token = emu.conn.token.clone().expect("a token");
    let mut gen = Gen {
        rng: StdRng::seed_from_u64(seed),
        sane: false,
        token: token.clone(),
        users: emu.all_users().into_iter().map(|u| u.username).collect(),
        rooms: emu.all_rooms().into_iter().map(|r| r.id).collect(),
    };
    let mut http = RawClient::new(&emu.base);
    let mut failures = Vec::new();
    let mut tally: BTreeMap<(&str, u16), usize> = BTreeMap::new();
    for i in 0..REQUESTS {
        let (name, req) = gen.request();
        let resp = http.send(&req);
        *tally.entry((name, resp.status)).or_default() += 1;
        if let Some(why) = wrong_answer(&req, &resp) {
            let body: String = String::from_utf8_lossy(&req.body)
                .chars()
                .take(300)
                .collect();
            let target: String = req.target.chars().take(300).collect();
            failures.push(format!(
                "#{i} {name}: {} {target} {body}\n    -> {why}",
                req.method
            ));
        }
        gen.learn(name, &req, &resp);
    }
    eprintln!("answers by endpoint and status: {tally:?}");
    assert!(
        failures.is_empty(),
        "seed {seed}: {} wrong answers, the first:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    check_consistency(&mut http, &token, seed);
}

fn get<T: serde::de::DeserializeOwned>(
    http: &mut RawClient,
    token: &str,
    path: &str,
) -> Envelope<T, Value> {
    let resp = http.send(&RawRequest::new("GET", format!("/{ORG}/{APP}{path}")).bearer(token));
    assert_eq!(resp.status, 200, "GET {path}: {}", resp.text());
    serde_json::from_slice(&resp.body).unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

/// Every room listed once, paging or not; each room's detail agrees with its member list; the
/// owner is a member and listed first; every member is a registered user.
fn check_consistency(http: &mut RawClient, token: &str, seed: u64) {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut paged = Vec::new();
    let mut summaries = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let limit = rng.random_range(1..=97);
        let query = match &cursor {
            Some(c) => format!("?limit={limit}&cursor={c}"),
            None => format!("?limit={limit}"),
        };
        let page = get::<Vec<ChatroomSummary>>(http, token, &format!("/chatrooms{query}"));
        let rooms = page.data.unwrap_or_default();
        paged.extend(rooms.iter().map(|r| r.id.clone()));
        summaries.extend(rooms);
        match page.cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    let unique: HashSet<&String> = paged.iter().collect();
    assert_eq!(unique.len(), paged.len(), "a room listed twice");
    let mut all = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let query = match &cursor {
            Some(c) => format!("?limit=1000&cursor={c}"),
            None => "?limit=1000".to_string(),
        };
        let page = get::<Vec<ChatroomSummary>>(http, token, &format!("/chatrooms{query}"));
        all.extend(page.data.unwrap_or_default().into_iter().map(|r| r.id));
        match page.cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(
        paged, all,
        "paging visits every room once, in the same order"
    );

    let mut users = HashSet::new();
    let mut cursor: Option<String> = None;
    loop {
        let query = match &cursor {
            Some(c) => format!("?limit=100&cursor={c}"),
            None => "?limit=100".to_string(),
        };
        let page = get::<Value>(http, token, &format!("/users{query}"));
        users.extend(
            page.entities
                .iter()
                .filter_map(|u| u["username"].as_str().map(str::to_string)),
        );
        match page.cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    let mut checked = 0;
    for chunk in summaries.chunks(limits::DETAIL_IDS_MAX) {
        let ids: Vec<&str> = chunk.iter().map(|s| s.id.as_str()).collect();
        let details =
            get::<Vec<ChatroomDetail>>(http, token, &format!("/chatrooms/{}", ids.join(",")))
                .data
                .unwrap_or_default();
        assert_eq!(details.len(), chunk.len());
        for (summary, room) in chunk.iter().zip(&details) {
            let id = &room.id;
            assert_eq!(&summary.id, id);
            assert_eq!(
                room.affiliations_count as usize,
                room.affiliations.len(),
                "{id}"
            );
            assert_eq!(summary.affiliations_count, room.affiliations_count, "{id}");
            assert_eq!(summary.owner, room.owner, "{id}");
            assert_eq!(
                room.affiliations.first(),
                Some(&Affiliation::Owner(room.owner.clone())),
                "{id}: the owner is a member, listed first"
            );
            assert_eq!(
                room.affiliations
                    .iter()
                    .filter(|a| matches!(a, Affiliation::Owner(_)))
                    .count(),
                1,
                "{id}: one owner"
            );
            // A create may fill maxusers with members besides the owner (seed 004); adds
            // never go past maxusers.
            assert!(
                room.affiliations.len() as u64 <= room.maxusers + 1,
                "{id}: {} members, maxusers {}",
                room.affiliations.len(),
                room.maxusers
            );
            let names: HashSet<&str> = room.affiliations.iter().map(|a| a.username()).collect();
            assert_eq!(
                names.len(),
                room.affiliations.len(),
                "{id}: a member listed twice"
            );
            for n in &names {
                assert!(
                    users.contains(*n),
                    "{id}: member {n} is not a registered user"
                );
            }
            let members = get::<Vec<Affiliation>>(
                http,
                token,
                &format!("/chatrooms/{id}/users?pagesize={}", limits::PAGE_SIZE_MAX),
            )
            .data
            .unwrap_or_default();
            assert_eq!(
                members, room.affiliations,
                "{id}: member list and detail differ"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, all.len());
    eprintln!("consistent: {checked} rooms, {} users", users.len());
}
