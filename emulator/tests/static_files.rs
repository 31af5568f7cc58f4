//! The dashboard's files: the pre-compressed copies the build writes are sent with the right
//! Content-Encoding, hashed files are cached for a year, and the page itself never goes stale.

mod common;

use common::raw::{RawClient, RawRequest};
use common::*;

/// A dist/ as trunk and scripts/post-build.mjs leave it: hashed files with .br and .gz copies.
fn built_dist() -> Dist {
    let dist = Dist::new();
    let files = [
        ("index.html", "<!doctype html><title>dashboard</title>"),
        ("chatroom-admin-0123456789abcdef.js", "console.log('app')"),
        ("chatroom-admin-0123456789abcdef_bg.wasm", "\0asm"),
    ];
    for (name, text) in files {
        std::fs::write(dist.0.join(name), text).unwrap();
        // Marked contents, so the test sees which copy was sent.
        std::fs::write(dist.0.join(format!("{name}.br")), format!("br:{name}")).unwrap();
        std::fs::write(dist.0.join(format!("{name}.gz")), format!("gz:{name}")).unwrap();
    }
    dist
}

/// An emulator serving such a dist/, and a client for it (keep the `Dist` alive: dropping it
/// removes the folder).
fn serving_built_dist() -> (Dist, RawClient) {
    let dist = built_dist();
    let base = easemob_emulator::spawn_for_tests(dist.config());
    let client = RawClient::new(&base);
    (dist, client)
}

fn get(c: &mut RawClient, path: &str, accept: Option<&str>) -> common::raw::RawResponse {
    let mut req = RawRequest::new("GET", path);
    if let Some(a) = accept {
        req = req.header("Accept-Encoding", a);
    }
    c.send(&req)
}

#[test]
fn a_browser_that_accepts_brotli_gets_the_brotli_copy() {
    let (_dist, mut c) = serving_built_dist();
    let wasm = "/chatroom-admin-0123456789abcdef_bg.wasm";
    let resp = get(&mut c, wasm, Some("gzip, deflate, br"));
    assert_eq!(resp.status, 200);
    assert_eq!(resp.header("content-encoding"), Some("br"));
    assert_eq!(resp.header("content-type"), Some("application/wasm"));
    assert_eq!(resp.text(), format!("br:{}", &wasm[1..]));
    let resp = get(&mut c, wasm, Some("gzip"));
    assert_eq!(resp.header("content-encoding"), Some("gzip"));
    assert_eq!(resp.text(), format!("gz:{}", &wasm[1..]));
    let resp = get(&mut c, wasm, None);
    assert_eq!(resp.header("content-encoding"), None);
    assert_eq!(resp.text(), "\0asm");
}

#[test]
fn client_side_routes_get_the_compressed_page_too() {
    let (_dist, mut c) = serving_built_dist();
    let resp = get(&mut c, "/rooms/123?all=1", Some("br"));
    assert_eq!(resp.status, 200);
    assert_eq!(resp.header("content-encoding"), Some("br"));
    assert_eq!(resp.text(), "br:index.html");
}

#[test]
fn hashed_files_are_kept_for_a_year_and_the_page_is_checked_each_time() {
    let (_dist, mut c) = serving_built_dist();
    for path in [
        "/chatroom-admin-0123456789abcdef.js",
        "/chatroom-admin-0123456789abcdef_bg.wasm",
    ] {
        let resp = get(&mut c, path, Some("br"));
        assert_eq!(
            resp.header("cache-control"),
            Some("public, max-age=31536000, immutable"),
            "{path}"
        );
    }
    for path in ["/", "/index.html", "/rooms?all=1"] {
        let resp = get(&mut c, path, Some("br"));
        assert_eq!(resp.header("cache-control"), Some("no-cache"), "{path}");
    }
}

#[test]
fn only_a_hex_suffix_of_twelve_to_sixteen_digits_counts_as_a_hash() {
    use easemob_emulator::http::cache_control;
    let year = "public, max-age=31536000, immutable";
    assert_eq!(cache_control("/admin/boot-00ff00ff00ff00ff.js"), year);
    // trunk leaves out a leading zero of its hash.
    assert_eq!(
        cache_control("/chatroom-admin-a319b66ab19b21a_bg.wasm"),
        year
    );
    assert_eq!(cache_control("/chatroom-admin-a319b66ab19b21a.js"), year);
    assert_eq!(cache_control("/my-room-abc.js"), "no-cache");
    assert_eq!(cache_control("/main-abcdef0123456789.css"), year);
    assert_eq!(cache_control("/chatroom-admin.js"), "no-cache");
    assert_eq!(cache_control("/rooms/1234567890123456"), "no-cache");
    assert_eq!(cache_control("/my-room-xyzxyzxyzxyzxyzx.js"), "no-cache");
}
