//! The Content-Security-Policy: sent with every dashboard file, never with an API answer.

mod common;

use common::raw::{RawClient, RawRequest};
use common::*;
use easemob_emulator::http::csp::DASHBOARD_CSP;

#[test]
fn every_dashboard_file_carries_the_content_security_policy() {
    let dist = Dist::new();
    let base = easemob_emulator::spawn_for_tests(dist.config());
    let mut c = RawClient::new(&base);
    // The page, one of its files, and a client-side route answered with the page.
    for path in ["/", "/app.js", "/rooms/123?mpage=2"] {
        let resp = c.send(&RawRequest::new("GET", path));
        assert_eq!(resp.status, 200, "{path}");
        assert_eq!(
            resp.header("content-security-policy"),
            Some(DASHBOARD_CSP),
            "{path}"
        );
    }
}

#[test]
fn api_answers_carry_no_content_security_policy() {
    let dist = Dist::new();
    let emu = Emu::start(dist.config());
    let token = emu.conn.token.clone().unwrap();
    let mut c = RawClient::new(&emu.base);
    for req in [
        RawRequest::new("GET", format!("/{ORG}/{APP}/chatrooms")).bearer(&token),
        RawRequest::new("GET", format!("/{ORG}/{APP}/chatrooms/1")).bearer(&token),
        RawRequest::new("GET", format!("/{ORG}/{APP}/no/such/endpoint")).bearer(&token),
        RawRequest::new("GET", "/config.json"),
    ] {
        let resp = c.send(&req);
        assert_eq!(resp.header("content-security-policy"), None, "{req:?}");
    }
}

#[test]
fn the_policy_allows_the_dashboard_and_easemob_only() {
    for part in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "connect-src 'self' https://*.easemob.com https://*.easecdn.com",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(DASHBOARD_CSP.split("; ").any(|p| p == part), "{part}");
    }
    assert!(!DASHBOARD_CSP.contains("unsafe-inline"));
}
