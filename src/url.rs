//! Building the dashboard's own URLs: every view's state lives in its query string.

use easemob_api::connect::encode;

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

pub fn user_rooms(username: &str) -> String {
    format!("/users/{}/rooms", encode(username))
}

#[cfg(test)]
mod tests {
    use super::*;

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
