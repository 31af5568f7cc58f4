//! The plain request and response that pass between an endpoint and a transport.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A request ready for the wire: absolute URL, headers and an optional JSON body. Its `Debug`
/// output masks the token and the client secret.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
}

impl HttpRequest {
    /// Puts this token in the request's `Authorization` header, if it has one.
    pub fn set_bearer(&mut self, token: Option<&str>) {
        if let (Some(t), Some((_, v))) = (
            token,
            self.headers
                .iter_mut()
                .find(|(k, _)| k.eq_ignore_ascii_case("authorization")),
        ) {
            *v = format!("Bearer {t}");
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| {
                let secret = k.eq_ignore_ascii_case("authorization");
                (k.as_str(), if secret { "Bearer ***" } else { v.as_str() })
            })
            .collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body", &self.body.as_deref().map(mask_secrets))
            .finish()
    }
}

/// What came back: the status, the headers and the body as text (Easemob always answers JSON,
/// but a proxy or a CDN in between may not, and that must be reported, not panicked on). Its
/// `Debug` output masks a token in the body.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    /// Names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body", &mask_secrets(&self.body))
            .finish()
    }
}

impl HttpResponse {
    /// A response with no headers (tests and recorded bodies).
    pub fn new(status: u16, body: impl Into<String>) -> HttpResponse {
        HttpResponse {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `Retry-After` in milliseconds, when it is given in seconds, perhaps with a fraction
    /// (`1.5`); an HTTP date is ignored (the client's clock may not match the server's). Read as
    /// decimal digits, not as a float, which keeps a float parser out of the dashboard's first
    /// load.
    pub fn retry_after_ms(&self) -> Option<u64> {
        let value = self.header("retry-after")?.trim();
        let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) {
            return None;
        }
        let ms = fraction
            .bytes()
            .chain(std::iter::repeat(b'0'))
            .take(3)
            .fold(0, |ms, b| ms * 10 + u64::from(b - b'0'));
        whole
            .parse::<u64>()
            .ok()?
            .checked_mul(1000)?
            .checked_add(ms)
    }
}

/// The environment variables a masked curl command reads its secrets from.
pub const TOKEN_VAR: &str = "EASEMOB_TOKEN";
pub const SECRET_VAR: &str = "EASEMOB_CLIENT_SECRET";

/// Quotes a word for a POSIX shell.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

impl HttpRequest {
    /// This request as a curl command line that gets the same answer. Unless `reveal`, the
    /// token is `$EASEMOB_TOKEN` and a client secret `$EASEMOB_CLIENT_SECRET`, so the command
    /// can be pasted into a chat or a ticket, and run after `export EASEMOB_TOKEN=…`.
    pub fn curl(&self, reveal: bool) -> String {
        let mut out = format!("curl -sS -X {} {}", self.method, sh_quote(&self.url));
        for (name, value) in &self.headers {
            let masked_token = !reveal
                && name.eq_ignore_ascii_case("authorization")
                && value.starts_with("Bearer ");
            if masked_token {
                out.push_str(&format!(" -H \"{name}: Bearer ${TOKEN_VAR}\""));
            } else {
                out.push_str(&format!(" -H {}", sh_quote(&format!("{name}: {value}"))));
            }
        }
        if let Some(body) = &self.body {
            let secret = (!reveal).then(|| secret_of(body)).flatten();
            match secret {
                // The secret's place in the JSON is left open for the shell to fill in.
                Some(secret) => {
                    let needle = format!("\"{}\"", json_escape(&secret));
                    let at = body.find(&needle).map(|i| i + 1).unwrap_or(0);
                    let (before, after) = body.split_at(at);
                    let after = &after[json_escape(&secret).len()..];
                    out.push_str(&format!(
                        " --data-raw {}\"${SECRET_VAR}\"{}",
                        sh_quote(before),
                        sh_quote(after)
                    ));
                }
                None => out.push_str(&format!(" --data-raw {}", sh_quote(body))),
            }
        }
        out
    }
}

fn secret_of(body: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    v.get("client_secret")?.as_str().map(str::to_string)
}

fn json_escape(s: &str) -> String {
    let quoted = serde_json::to_string(s).unwrap_or_default();
    quoted[1..quoted.len().saturating_sub(1)].to_string()
}

/// The names whose values are secrets wherever they appear in a body.
const SECRET_KEYS: [&str; 2] = ["access_token", "client_secret"];

/// A body with its secrets (`access_token`, `client_secret`) replaced by `***`, for showing on
/// screen. JSON is read and written back; anything else (a cut-off or broken answer, a
/// proxy's page quoting one) has every `"access_token": "…"` masked where it stands, to the
/// closing quote or to the end of the text.
pub fn mask_secrets(body: &str) -> String {
    fn walk(v: &mut serde_json::Value) -> bool {
        let mut changed = false;
        match v {
            serde_json::Value::Object(map) => {
                for (k, val) in map.iter_mut() {
                    if SECRET_KEYS.contains(&k.as_str()) && val.is_string() {
                        *val = serde_json::Value::String("***".into());
                        changed = true;
                    } else {
                        changed |= walk(val);
                    }
                }
            }
            serde_json::Value::Array(items) => {
                for item in items {
                    changed |= walk(item);
                }
            }
            _ => {}
        }
        changed
    }
    match serde_json::from_str::<serde_json::Value>(body) {
        Ok(mut v) => {
            if walk(&mut v) {
                serde_json::to_string_pretty(&v).unwrap_or_default()
            } else {
                body.to_string()
            }
        }
        Err(_) => mask_text(body),
    }
}

/// Masks `"key" : "value"` for every secret key where it stands in any text, JSON or not,
/// leaving the rest as it was (for a snippet of an answer shown as the server sent it).
pub fn mask_text(text: &str) -> String {
    let mut out = text.to_string();
    for key in SECRET_KEYS {
        let needle = format!("\"{key}\"");
        let mut from = 0;
        while let Some(at) = out[from..].find(&needle).map(|i| i + from) {
            let after_key = at + needle.len();
            let rest = &out[after_key..];
            let colon = rest.len() - rest.trim_start().len();
            let Some(rest) = rest.trim_start().strip_prefix(':') else {
                from = after_key;
                continue;
            };
            let space = rest.len() - rest.trim_start().len();
            let Some(value) = rest.trim_start().strip_prefix('"') else {
                from = after_key;
                continue;
            };
            // The value runs to its closing quote (not an escaped one), or to the end.
            let mut end = value.len();
            let mut escaped = false;
            for (i, c) in value.char_indices() {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => {
                        end = i;
                        break;
                    }
                    _ => {}
                }
            }
            let start = after_key + colon + 1 + space + 1;
            out.replace_range(start..start + end, "***");
            from = start + 3;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_is_read_in_seconds_with_a_fraction_and_a_date_is_ignored() {
        let after = |v: &str| {
            HttpResponse {
                status: 429,
                headers: vec![("retry-after".into(), v.into())],
                body: String::new(),
            }
            .retry_after_ms()
        };
        assert_eq!(after("2"), Some(2000));
        assert_eq!(after(" 1.5 "), Some(1500));
        assert_eq!(after("0.25"), Some(250));
        assert_eq!(after("0.0004"), Some(0));
        assert_eq!(after("3."), Some(3000));
        for bad in [
            "",
            ".5",
            "-1",
            "1e3",
            "Wed, 21 Oct 2026 07:28:00 GMT",
            "1.2.3",
            "99999999999999999999",
        ] {
            assert_eq!(after(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_curl_command_masks_the_token_and_the_secret_unless_asked() {
        let req = HttpRequest {
            method: Method::Post,
            url: "http://h/o/a/chatrooms".into(),
            headers: vec![
                ("Authorization".into(), "Bearer tok'en".into()),
                ("Content-Type".into(), "application/json".into()),
            ],
            body: Some(r#"{"name":"it's"}"#.into()),
        };
        assert_eq!(
            req.curl(false),
            r#"curl -sS -X POST 'http://h/o/a/chatrooms' -H "Authorization: Bearer $EASEMOB_TOKEN" -H 'Content-Type: application/json' --data-raw '{"name":"it'\''s"}'"#
        );
        assert!(req
            .curl(true)
            .contains(r#"-H 'Authorization: Bearer tok'\''en'"#));
        let token = HttpRequest {
            method: Method::Post,
            url: "http://h/o/a/token".into(),
            headers: vec![],
            body: Some(
                r#"{"grant_type":"client_credentials","client_id":"id","client_secret":"s3"}"#
                    .into(),
            ),
        };
        assert_eq!(
            token.curl(false),
            r#"curl -sS -X POST 'http://h/o/a/token' --data-raw '{"grant_type":"client_credentials","client_id":"id","client_secret":"'"$EASEMOB_CLIENT_SECRET"'"}'"#
        );
        assert!(token.curl(true).ends_with(r#""client_secret":"s3"}'"#));
    }

    #[test]
    fn secrets_are_masked_in_bodies_shown() {
        let shown = mask_secrets(r#"{"access_token":"abc","expires_in":5,"application":"x"}"#);
        assert!(!shown.contains("abc") && shown.contains("***") && shown.contains("expires_in"));
        assert_eq!(mask_secrets("not json"), "not json");
        assert_eq!(mask_secrets(r#"{"a":1}"#), r#"{"a":1}"#);
        // Not JSON: cut off, or quoted in a proxy's page. Masked where it stands.
        assert_eq!(
            mask_secrets(r#"{"access_token" : "YWMt\"x","expires_in":5"#),
            r#"{"access_token" : "***","expires_in":5"#
        );
        assert_eq!(
            mask_secrets(r#"<pre>{"access_token":"YWMtcut-off"#),
            r#"<pre>{"access_token":"***"#
        );
        assert_eq!(
            mask_secrets(r#"x "client_secret":"s" y "access_token":"t" "access_token" z"#),
            r#"x "client_secret":"***" y "access_token":"***" "access_token" z"#
        );
    }

    #[test]
    fn debug_output_masks_the_token_and_the_secret() {
        let req = HttpRequest {
            method: Method::Post,
            url: "http://h/o/a/token".into(),
            headers: vec![("Authorization".into(), "Bearer SECRET-TOKEN".into())],
            body: Some(r#"{"client_id":"id","client_secret":"SECRET-S"}"#.into()),
        };
        let resp = HttpResponse::new(200, r#"{"access_token":"SECRET-TOKEN2","expires_in":1"#);
        let shown = format!("{req:?} {resp:?}");
        assert!(!shown.contains("SECRET"), "{shown}");
        assert!(shown.contains("/o/a/token") && shown.contains("expires_in"));
    }

    #[test]
    fn a_retry_carries_the_token_in_use_now() {
        let mut req = HttpRequest {
            method: Method::Get,
            url: "http://h/o/a/chatrooms".into(),
            headers: vec![("Authorization".into(), "Bearer old".into())],
            body: None,
        };
        req.set_bearer(Some("new"));
        assert_eq!(req.header("authorization"), Some("Bearer new"));
        // A request sent without a token (POST /token) never gets one.
        let mut open = HttpRequest {
            headers: vec![],
            ..req.clone()
        };
        open.set_bearer(Some("new"));
        assert_eq!(open.header("authorization"), None);
    }
}
