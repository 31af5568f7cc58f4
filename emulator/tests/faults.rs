//! Injected faults: the settings at `/_emulator/faults`, each fault's effect on the REST API,
//! and what faults never touch (the dashboard, `/config.json`, preflights).

mod common;

use common::raw::{assert_easemob_error, json_of, RawClient, RawRequest, RawResponse};
use common::*;
use easemob_emulator::Config;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const FAULTS: &str = "/_emulator/faults";

fn defaults() -> Value {
    json!({
        "latency_ms": 0,
        "fail_429": 0.0,
        "fail_503": 0.0,
        "fail_after_write": 0.0,
        "rate_limits": false,
        "token_ttl_s": 7200
    })
}

fn get_faults(emu: &Emu) -> RawResponse {
    RawClient::new(&emu.base).send(&RawRequest::new("GET", FAULTS).bearer(&emu.token()))
}

fn put_faults(emu: &Emu, body: &str) -> RawResponse {
    RawClient::new(&emu.base).send(
        &RawRequest::new("PUT", FAULTS)
            .bearer(&emu.token())
            .json(body),
    )
}

/// Sets faults and returns the settings now in force.
#[track_caller]
fn set_faults(emu: &Emu, body: Value) -> Value {
    let resp = put_faults(emu, &body.to_string());
    assert_eq!(resp.status, 200, "{}", resp.text());
    serde_json::from_slice(&resp.body).expect("the settings as JSON")
}

fn create_room_raw(emu: &Emu, name: &str) -> RawResponse {
    RawClient::new(&emu.base).send(
        &RawRequest::new("POST", api("/chatrooms"))
            .bearer(&emu.token())
            .json(
                json!({"name": name, "description": "d", "owner": "alice", "members": ["bob"]})
                    .to_string(),
            ),
    )
}

#[test]
fn the_fault_settings_start_from_the_flags_and_a_put_changes_only_the_keys_it_names() {
    let emu = demo();
    assert_eq!(json_of(&get_faults(&emu)), defaults());

    let mut expected = defaults();
    expected["fail_503"] = json!(0.25);
    assert_eq!(set_faults(&emu, json!({"fail_503": 0.25})), expected);
    expected["latency_ms"] = json!(5);
    expected["rate_limits"] = json!(true);
    assert_eq!(
        set_faults(&emu, json!({"latency_ms": 5, "rate_limits": true})),
        expected
    );
    assert_eq!(
        set_faults(&emu, json!({})),
        expected,
        "an empty PUT changes nothing"
    );
    assert_eq!(json_of(&get_faults(&emu)), expected);

    // Only faults that leave the test's own token request alone.
    let mut config = Config::in_memory();
    config.fail_after_write = 0.5;
    config.token_ttl = 60;
    config.rate_limits = true;
    let flagged = Emu::start(config);
    let mut expected = defaults();
    expected["fail_after_write"] = json!(0.5);
    expected["token_ttl_s"] = json!(60);
    expected["rate_limits"] = json!(true);
    assert_eq!(json_of(&get_faults(&flagged)), expected);
}

#[test]
fn bad_fault_settings_are_refused_and_change_nothing() {
    let emu = demo();
    for body in [
        r#"{"fail_429": 1.5}"#,
        r#"{"fail_503": -0.1}"#,
        r#"{"fail_after_write": "0.5"}"#,
        r#"{"latency_ms": -1}"#,
        r#"{"latency_ms": 600001}"#,
        r#"{"token_ttl_s": 1.5}"#,
        r#"{"rate_limits": "yes"}"#,
        r#"{"fail_503": 0.5, "fail_429": 2}"#,
        r#"{"fail_503": 0.5, "no_such_key": 1}"#,
        r#"[]"#,
        r#"{"fail_503": "#,
        "",
    ] {
        let resp = put_faults(&emu, body);
        assert_easemob_error(&resp, 400, "invalid_parameter");
    }
    assert_eq!(json_of(&get_faults(&emu)), defaults());
}

#[test]
fn the_fault_settings_need_an_app_token() {
    let emu = demo();
    let mut c = RawClient::new(&emu.base);
    for req in [
        RawRequest::new("GET", FAULTS),
        RawRequest::new("PUT", FAULTS).json(r#"{"fail_503": 1}"#),
        // The token is checked before the body is read.
        RawRequest::new("PUT", FAULTS).json("not json"),
    ] {
        let resp = c.send(&req);
        assert_easemob_error(&resp, 401, "group_authorization");
        let resp = c.send(&req.clone().bearer("YWMtmadeup"));
        assert_easemob_error(&resp, 401, "unauthorized");
    }
    assert_eq!(json_of(&get_faults(&emu)), defaults());
}

#[test]
fn fail_429_refuses_every_call_with_retry_after_and_does_nothing() {
    let emu = demo();
    let before = emu.snapshot();
    set_faults(&emu, json!({"fail_429": 1}));
    let resp = create_room_raw(&emu, "never");
    assert_easemob_error(&resp, 429, "reach_limit");
    assert_eq!(resp.header("retry-after"), Some("1"));
    let mut c = RawClient::new(&emu.base);
    let read = c.send(&RawRequest::new("GET", api("/chatrooms")).bearer(&emu.token()));
    assert_easemob_error(&read, 429, "reach_limit");
    let token_call = c.send(&RawRequest::new("POST", api("/token")).json(
        json!({"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET})
            .to_string(),
    ));
    assert_easemob_error(&token_call, 429, "reach_limit");
    set_faults(&emu, json!({"fail_429": 0}));
    assert_eq!(emu.snapshot(), before);
}

#[test]
fn fail_503_refuses_every_call_and_does_nothing() {
    let emu = demo();
    let before = emu.snapshot();
    set_faults(&emu, json!({"fail_503": 1.0}));
    let resp = create_room_raw(&emu, "never");
    assert_easemob_error(&resp, 503, "service_unavailable");
    let id = &before.0[0].id;
    let mut c = RawClient::new(&emu.base);
    let dissolve =
        c.send(&RawRequest::new("DELETE", api(&format!("/chatrooms/{id}"))).bearer(&emu.token()));
    assert_easemob_error(&dissolve, 503, "service_unavailable");
    set_faults(&emu, json!({"fail_503": 0}));
    assert_eq!(emu.snapshot(), before);
}

#[test]
fn a_write_whose_answer_is_lost_is_still_carried_out() {
    let emu = demo();
    set_faults(&emu, json!({"fail_after_write": 1}));
    let resp = create_room_raw(&emu, "Lost answer");
    assert_easemob_error(&resp, 503, "service_unavailable");
    // Reads are answered as usual, and show the room.
    let rooms = emu.all_rooms();
    let room = rooms
        .iter()
        .find(|r| r.name == "Lost answer")
        .expect("the room was created");
    assert_eq!(emu.usernames_in(&room.id), vec!["alice", "bob"]);
    assert_eq!(rooms.len(), DEMO_ROOMS + 1);
    // A refused write is answered with its own refusal: only successes are lost.
    let mut c = RawClient::new(&emu.base);
    let refused = c.send(&RawRequest::new("DELETE", api("/chatrooms/1")).bearer(&emu.token()));
    assert_easemob_error(&refused, 404, "resource_not_found");
    // POST /token is not a write.
    let token_call = c.send(&RawRequest::new("POST", api("/token")).json(
        json!({"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET})
            .to_string(),
    ));
    assert_eq!(token_call.status, 200, "{}", token_call.text());
}

#[test]
fn faults_leave_the_dashboard_config_json_and_preflights_alone() {
    let dist = Dist::new();
    let mut config = dist.config();
    config.fail_503 = 1.0;
    let base = easemob_emulator::spawn_for_tests(config);
    let mut c = RawClient::new(&base);
    for path in ["/", "/index.html", "/rooms/123"] {
        let resp = c.send(&RawRequest::new("GET", path));
        assert_eq!(resp.status, 200, "{path}: {}", resp.text());
        assert!(resp.text().contains("dashboard"), "{path}");
    }
    let resp = c.send(&RawRequest::new("GET", "/config.json"));
    assert_eq!(resp.status, 200, "{}", resp.text());
    assert_eq!(json_of(&resp)["presets"][0]["org"], ORG);

    let preflight = c.send(
        &RawRequest::new("OPTIONS", api("/chatrooms"))
            .header("Origin", "https://dashboard.example")
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "authorization,content-type",
            ),
    );
    assert_eq!(preflight.status, 200);
    assert_eq!(
        preflight.header("access-control-allow-origin"),
        Some("https://dashboard.example")
    );

    // The browser can read a faulted answer and its Retry-After.
    let faulted = c.send(
        &RawRequest::new("GET", api("/chatrooms")).header("Origin", "https://dashboard.example"),
    );
    assert_easemob_error(&faulted, 503, "service_unavailable");
    assert_eq!(
        faulted.header("access-control-allow-origin"),
        Some("https://dashboard.example")
    );
    assert!(
        faulted
            .header("access-control-expose-headers")
            .is_some_and(|h| h.to_ascii_lowercase().contains("retry-after")),
        "{:?}",
        faulted.headers
    );
}

#[test]
fn rate_limits_refuse_a_burst_past_the_documented_limit() {
    let emu = demo();
    let id = emu.all_rooms()[0].id.clone();
    set_faults(&emu, json!({"rate_limits": true}));
    let target = api(&format!("/chatrooms/{id}"));
    let started = Instant::now();
    // Four senders as fast as loopback allows. Each keeps going until it has sent its share
    // of 120 and the limiter has answered 429 at least once, so a slow machine only makes
    // the burst longer, never the test wrong.
    let seen_429 = std::sync::atomic::AtomicBool::new(false);
    let answers: Vec<(Instant, RawResponse)> = std::thread::scope(|s| {
        let senders: Vec<_> = (0..4)
            .map(|_| {
                let (base, target, token, seen_429) = (&emu.base, &target, emu.token(), &seen_429);
                s.spawn(move || {
                    let mut c = RawClient::new(base);
                    let mut out = Vec::new();
                    while out.len() < 30
                        || (!seen_429.load(std::sync::atomic::Ordering::Relaxed)
                            && out.len() < 2000)
                    {
                        let resp = c.send(&RawRequest::new("GET", target.as_str()).bearer(&token));
                        if resp.status == 429 {
                            seen_429.store(true, std::sync::atomic::Ordering::Relaxed);
                        }
                        out.push((Instant::now(), resp));
                    }
                    out
                })
            })
            .collect();
        senders
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(answers.len() >= 120);
    let refused: Vec<&RawResponse> = answers
        .iter()
        .map(|(_, r)| r)
        .filter(|r| r.status == 429)
        .collect();
    assert!(!refused.is_empty(), "no 429 in {} requests", answers.len());
    for r in &refused {
        assert_easemob_error(r, 429, "reach_limit");
        assert_eq!(r.header("retry-after"), Some("1"));
    }
    assert!(answers
        .iter()
        .all(|(_, r)| r.status == 200 || r.status == 429));
    // Every success answered within a second of the first request was also let through
    // within that second.
    let first_second = answers
        .iter()
        .filter(|(at, r)| r.status == 200 && at.duration_since(started) < Duration::from_secs(1))
        .count();
    assert!(
        first_second <= 100,
        "{first_second} successes in one second"
    );
    // The limit is per endpoint: the members list has its own allowance.
    let members = RawClient::new(&emu.base)
        .send(&RawRequest::new("GET", api(&format!("/chatrooms/{id}/users"))).bearer(&emu.token()));
    assert_eq!(members.status, 200, "{}", members.text());
}

#[test]
fn token_ttl_s_sets_the_lifetime_of_the_next_token() {
    let emu = demo();
    set_faults(&emu, json!({"token_ttl_s": 60}));
    let mut c = RawClient::new(&emu.base);
    let issue = |c: &mut RawClient, ttl: Option<u64>| {
        let mut body = json!({"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET});
        if let Some(ttl) = ttl {
            body["ttl"] = json!(ttl);
        }
        let resp = c.send(&RawRequest::new("POST", api("/token")).json(body.to_string()));
        assert_eq!(resp.status, 200, "{}", resp.text());
        json_of(&resp)
    };
    let fresh = issue(&mut c, None);
    assert_eq!(fresh["expires_in"], 60);
    assert_eq!(
        issue(&mut c, Some(10))["expires_in"],
        10,
        "a ttl in the request wins"
    );
    // The new token works, and so does the one issued before the change.
    for t in [fresh["access_token"].as_str().unwrap(), &emu.token()] {
        let resp = c.send(&RawRequest::new("GET", api("/chatrooms")).bearer(t));
        assert_eq!(resp.status, 200, "{}", resp.text());
    }
}

#[test]
fn latency_delays_every_api_answer() {
    let emu = demo();
    set_faults(&emu, json!({"latency_ms": 150}));
    let mut c = RawClient::new(&emu.base);
    let started = Instant::now();
    let resp = c.send(&RawRequest::new("GET", api("/chatrooms")).bearer(&emu.token()));
    assert_eq!(resp.status, 200);
    assert!(started.elapsed() >= Duration::from_millis(150));
}
