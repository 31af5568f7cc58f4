//! Where the API is and how we authenticate to it, and the validation of what a person types
//! into a connect form.

use crate::http::{HttpRequest, Method};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Characters kept as they are in one path segment or query value.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, SEGMENT).to_string()
}

/// One Easemob app: `https://{host}/{org}/{app}` and the bearer token used on it.
#[derive(Clone, PartialEq, Eq)]
pub struct Connection {
    /// Scheme and host, no trailing slash: `https://a1.easemob.com`.
    pub base_url: String,
    pub org: String,
    pub app: String,
    pub token: Option<String>,
}

/// A client id and secret, exchanged for an app token at `/token`.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub client_id: String,
    pub client_secret: String,
}

/// How a secret shows in `Debug` output: whether there is one, never what it is.
pub(crate) fn masked(secret: &str) -> &'static str {
    if secret.is_empty() {
        ""
    } else {
        "***"
    }
}

impl std::fmt::Debug for Connection {
    // The token never goes into a log line or a panic message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("base_url", &self.base_url)
            .field("org", &self.org)
            .field("app", &self.app)
            .field("token", &self.token.as_deref().map(masked))
            .finish()
    }
}

/// A pasted token as the API wants it: without spaces around it and without the `Bearer `
/// that a copied `Authorization` header starts with.
pub fn bare_token(typed: &str) -> &str {
    let t = typed.trim();
    match t.get(..7) {
        Some(head) if head.eq_ignore_ascii_case("bearer ") => t[7..].trim(),
        _ if t.eq_ignore_ascii_case("bearer") => "",
        _ => t,
    }
}

impl std::fmt::Debug for Credentials {
    // The secret never goes into a log line or a panic message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("client_id", &self.client_id)
            .field("client_secret", &"…")
            .finish()
    }
}

/// What is wrong with a connect form, per field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnectProblem {
    HostMissing,
    HostNotHttp,
    HostHasPath,
    OrgMissing,
    OrgBadChars,
    AppMissing,
    AppBadChars,
    TokenMissing,
    ClientIdMissing,
    ClientSecretMissing,
}

impl ConnectProblem {
    pub const ALL: &'static [ConnectProblem] = &[
        ConnectProblem::HostMissing,
        ConnectProblem::HostNotHttp,
        ConnectProblem::HostHasPath,
        ConnectProblem::OrgMissing,
        ConnectProblem::OrgBadChars,
        ConnectProblem::AppMissing,
        ConnectProblem::AppBadChars,
        ConnectProblem::TokenMissing,
        ConnectProblem::ClientIdMissing,
        ConnectProblem::ClientSecretMissing,
    ];
}

/// How the form authenticates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthMode {
    Token,
    ClientCredentials,
}

/// The connect form as typed.
#[derive(Clone, PartialEq, Eq)]
pub struct ConnectForm {
    pub host: String,
    pub org: String,
    pub app: String,
    pub mode: AuthMode,
    pub token: String,
    pub client_id: String,
    pub client_secret: String,
}

impl std::fmt::Debug for ConnectForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectForm")
            .field("host", &self.host)
            .field("org", &self.org)
            .field("app", &self.app)
            .field("mode", &self.mode)
            .field("token", &masked(&self.token))
            .field("client_id", &self.client_id)
            .field("client_secret", &masked(&self.client_secret))
            .finish()
    }
}

/// A form that passed validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Login {
    Token(Connection),
    ClientCredentials(Connection, Credentials),
}

fn name_ok(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}

/// Normalises what a person types as the host: `a1.easemob.com` means
/// `https://a1.easemob.com`, trailing slashes go.
pub fn normalize_host(host: &str) -> Result<String, ConnectProblem> {
    let host = host.trim().trim_end_matches('/');
    if host.is_empty() {
        return Err(ConnectProblem::HostMissing);
    }
    let with_scheme = if host.contains("://") {
        host.to_string()
    } else {
        format!("https://{host}")
    };
    let rest = match with_scheme.split_once("://") {
        Some(("http", rest)) | Some(("https", rest)) => rest,
        _ => return Err(ConnectProblem::HostNotHttp),
    };
    if rest.is_empty() || rest.contains(char::is_whitespace) {
        return Err(ConnectProblem::HostMissing);
    }
    if rest.contains('/') || rest.contains('?') || rest.contains('#') {
        return Err(ConnectProblem::HostHasPath);
    }
    Ok(with_scheme)
}

impl ConnectForm {
    /// Every problem of the form, so each field can show its own; empty when it is good.
    pub fn problems(&self) -> Vec<ConnectProblem> {
        let mut out = Vec::new();
        if let Err(p) = normalize_host(&self.host) {
            out.push(p);
        }
        let org = self.org.trim();
        if org.is_empty() {
            out.push(ConnectProblem::OrgMissing);
        } else if !name_ok(org) {
            out.push(ConnectProblem::OrgBadChars);
        }
        let app = self.app.trim();
        if app.is_empty() {
            out.push(ConnectProblem::AppMissing);
        } else if !name_ok(app) {
            out.push(ConnectProblem::AppBadChars);
        }
        match self.mode {
            AuthMode::Token => {
                if bare_token(&self.token).is_empty() {
                    out.push(ConnectProblem::TokenMissing);
                }
            }
            AuthMode::ClientCredentials => {
                if self.client_id.trim().is_empty() {
                    out.push(ConnectProblem::ClientIdMissing);
                }
                if self.client_secret.trim().is_empty() {
                    out.push(ConnectProblem::ClientSecretMissing);
                }
            }
        }
        out
    }

    pub fn validate(&self) -> Result<Login, Vec<ConnectProblem>> {
        let problems = self.problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        let conn = Connection {
            base_url: normalize_host(&self.host).expect("checked above"),
            org: self.org.trim().to_string(),
            app: self.app.trim().to_string(),
            token: None,
        };
        Ok(match self.mode {
            AuthMode::Token => Login::Token(Connection {
                token: Some(bare_token(&self.token).to_string()),
                ..conn
            }),
            AuthMode::ClientCredentials => Login::ClientCredentials(
                conn,
                Credentials {
                    client_id: self.client_id.trim().to_string(),
                    client_secret: self.client_secret.trim().to_string(),
                },
            ),
        })
    }
}

impl Connection {
    pub fn new(base_url: &str, org: &str, app: &str) -> Connection {
        Connection {
            base_url: base_url.trim_end_matches('/').to_string(),
            org: org.to_string(),
            app: app.to_string(),
            token: None,
        }
    }

    pub fn with_token(mut self, token: impl Into<String>) -> Connection {
        self.token = Some(token.into());
        self
    }

    /// The AppKey, `org#app`.
    pub fn app_key(&self) -> String {
        format!("{}#{}", self.org, self.app)
    }

    /// `https://host/org/app` + `path`, with the query encoded.
    pub fn url(&self, path: &str, query: &[(&str, String)]) -> String {
        let mut url = format!(
            "{}/{}/{}{}",
            self.base_url,
            encode(&self.org),
            encode(&self.app),
            path
        );
        for (i, (k, v)) in query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(k);
            url.push('=');
            url.push_str(&encode(v));
        }
        url
    }

    /// A request with the headers Easemob asks for, and the bearer token when there is one
    /// and the call needs it.
    pub fn request(
        &self,
        method: Method,
        url: String,
        body: Option<String>,
        auth: bool,
    ) -> HttpRequest {
        let mut headers = vec![("Accept".to_string(), "application/json".to_string())];
        if body.is_some() {
            headers.push(("Content-Type".to_string(), "application/json".to_string()));
        }
        if auth {
            if let Some(t) = &self.token {
                headers.push(("Authorization".to_string(), format!("Bearer {t}")));
            }
        }
        HttpRequest {
            method,
            url,
            headers,
            body,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ConnectForm {
        ConnectForm {
            host: "a1.easemob.com".into(),
            org: "1104190221201050".into(),
            app: "demo".into(),
            mode: AuthMode::ClientCredentials,
            token: String::new(),
            client_id: "id".into(),
            client_secret: "secret".into(),
        }
    }

    #[test]
    fn a_bare_host_means_https_and_trailing_slashes_go() {
        assert_eq!(
            normalize_host("a1.easemob.com/"),
            Ok("https://a1.easemob.com".into())
        );
        assert_eq!(
            normalize_host(" http://127.0.0.1:8080// "),
            Ok("http://127.0.0.1:8080".into())
        );
        assert_eq!(normalize_host("ftp://x"), Err(ConnectProblem::HostNotHttp));
        assert_eq!(
            normalize_host("https://h/org/app"),
            Err(ConnectProblem::HostHasPath)
        );
        assert_eq!(normalize_host("  "), Err(ConnectProblem::HostMissing));
    }

    #[test]
    fn client_credentials_need_both_id_and_secret() {
        let mut f = form();
        f.client_secret = " ".into();
        assert_eq!(f.problems(), vec![ConnectProblem::ClientSecretMissing]);
        f.client_id.clear();
        assert_eq!(
            f.problems(),
            vec![
                ConnectProblem::ClientIdMissing,
                ConnectProblem::ClientSecretMissing
            ]
        );
    }

    #[test]
    fn every_missing_field_is_reported_at_once() {
        let f = ConnectForm {
            host: String::new(),
            org: String::new(),
            app: "a#b".into(),
            mode: AuthMode::Token,
            token: String::new(),
            client_id: String::new(),
            client_secret: String::new(),
        };
        assert_eq!(
            f.problems(),
            vec![
                ConnectProblem::HostMissing,
                ConnectProblem::OrgMissing,
                ConnectProblem::AppBadChars,
                ConnectProblem::TokenMissing
            ]
        );
    }

    #[test]
    fn a_pasted_token_may_carry_its_bearer_prefix() {
        let mut f = form();
        f.mode = AuthMode::Token;
        f.token = " Bearer YWMtabc ".into();
        match f.validate() {
            Ok(Login::Token(c)) => {
                assert_eq!(c.token.as_deref(), Some("YWMtabc"));
                assert_eq!(c.base_url, "https://a1.easemob.com");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn urls_encode_each_query_value() {
        let c = Connection::new("http://h:1/", "o", "a");
        assert_eq!(
            c.url(
                "/chatrooms",
                &[("limit", "10".into()), ("cursor", "a+b/c=".into())]
            ),
            "http://h:1/o/a/chatrooms?limit=10&cursor=a%2Bb%2Fc%3D"
        );
    }
}

/// `/config.json` of a deployed dashboard: ready-made connections, and optionally the one host
/// the deployment may talk to.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DashboardConfig {
    #[serde(default)]
    pub presets: Vec<Preset>,
    /// When set, the host field is fixed to this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked_host: Option<String>,
}

/// One ready-made connection. A secret in a preset is only for demo apps (the emulator's).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Preset {
    pub label: String,
    pub host: String,
    pub org: String,
    pub app: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
}
