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

/// A request ready for the wire: absolute URL, headers and an optional JSON body.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// What came back: the status, the headers and the body as text (Easemob always answers JSON,
/// but a proxy or a CDN in between may not, and that must be reported, not panicked on).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    /// Names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: String,
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

    /// `Retry-After` in milliseconds, when it is given in seconds (an HTTP date is ignored:
    /// the client's clock may not match the server's).
    pub fn retry_after_ms(&self) -> Option<u64> {
        let secs: f64 = self.header("retry-after")?.trim().parse().ok()?;
        (secs.is_finite() && secs >= 0.0).then_some((secs * 1000.0) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
