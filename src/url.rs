//! Building the dashboard's own URLs: every view's state lives in its query string.

use easemob_api::connect::encode;
use std::cell::OnceCell;

thread_local! {
    static BASE: OnceCell<String> = const { OnceCell::new() };
}

/// Where the dashboard is served, without the trailing slash: "" at the root of a host,
/// "/admin" for `make dist PUBLIC_URL=/admin/`. Read from `<base href>`, which trunk sets to
/// the public URL.
pub fn base() -> String {
    BASE.with(|b| {
        b.get_or_init(|| {
            let uri = leptos::prelude::document().base_uri().ok().flatten();
            let path = uri
                .and_then(|u| web_sys::Url::new(&u).ok())
                .map(|u| u.pathname())
                .unwrap_or_default();
            path.trim_end_matches('/').to_string()
        })
        .clone()
    })
}

/// An in-app path as a link's `href`: under the deployment's base. (Navigation takes the
/// path without it: the router adds the base itself.)
pub fn link(path: &str) -> String {
    format!("{}{path}", base())
}

/// `path?k=v&…`, skipping empty values, each value percent-encoded.
pub fn href(path: &str, params: &[(&str, String)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

pub fn room(id: &str) -> String {
    format!("/rooms/{}", encode(id))
}

/// A user across the app.
pub fn user(username: &str) -> String {
    format!("/users/{}", encode(username))
}

pub fn user_rooms(username: &str) -> String {
    format!("/users/{}/rooms", encode(username))
}

/// Where to go after connecting, from a `next=` parameter: a path of this app (with its
/// query), or `None` for anything else: another origin (`//evil`, or `/\evil`, which browsers
/// read as `//evil`), a scheme, control characters, or a path the app does not have.
pub fn safe_next(next: &str) -> Option<String> {
    if !next.starts_with('/')
        || next.starts_with("//")
        || next.contains('\\')
        || next.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        return None;
    }
    let path = next.split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let ours = match segments.as_slice() {
        [""]
        | ["rooms"]
        | ["open"]
        | ["super-admins"]
        | ["import"]
        | ["log"]
        | ["journal"]
        | ["users"]
        | ["messages"] => true,
        ["rooms", id] | ["users", id] => !id.is_empty(),
        ["users", user, "rooms"] => !user.is_empty(),
        _ => false,
    };
    ours.then(|| next.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_in_the_app() {
        for good in [
            "/rooms",
            "/rooms?size=100&q=a",
            "/rooms/123",
            "/users/bob/rooms?page=2",
            "/log",
            "/journal?room=7&op=mute",
            "/",
        ] {
            assert_eq!(safe_next(good).as_deref(), Some(good), "{good}");
        }
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "/\\/evil",
            "\\\\evil",
            "https://evil.example",
            "javascript:alert(1)",
            "/rooms\t",
            "/ /evil",
            "/evil",
            "/connect",
            "/rooms/",
            "/users//rooms",
            "",
        ] {
            assert_eq!(safe_next(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn empty_values_leave_the_url() {
        assert_eq!(
            href("/rooms", &[("q", String::new()), ("size", "100".into())]),
            "/rooms?size=100"
        );
        assert_eq!(href("/rooms", &[]), "/rooms");
        assert_eq!(href("/open", &[("ids", "1,2".into())]), "/open?ids=1%2C2");
    }
}
