//! The router and what every handler shares: the app state, the request context (which app,
//! whether the token is good, the URI to echo) and the envelope every success is wrapped in.

mod admins;
mod announcement;
mod attributes;
mod chatrooms;
pub mod csp;
mod faults;
mod global_mutes;
mod lists;
mod members;
mod messages;
mod mutes;
mod shared_files;
mod super_admins;
mod token;
mod users;

use crate::error::EmError;
use crate::store::{AppRow, Store};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use easemob_api::connect::{DashboardConfig, Preset};
use easemob_api::wire::Envelope;
use http_body_util::BodyExt;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;
use tower::ServiceExt;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::ServeDir;

/// Largest request body accepted; anything bigger gets a 413 Easemob error body. The largest
/// legitimate body, a create naming 10,000 members, is about 200 KB.
pub const BODY_LIMIT: usize = 1 << 20;
/// After a 413, how long the rest of the body is read and dropped (never kept), so that a client
/// still sending gets to read the answer instead of a reset connection.
const DRAIN_TIME: std::time::Duration = std::time::Duration::from_secs(2);

pub struct AppState {
    pub store: Store,
    pub app: AppRow,
    pub faults: crate::faults::Faults,
    pub dist: PathBuf,
    pub timeouts: Timeouts,
    /// `POST /users` needs no token.
    pub open_registration: bool,
}

/// How long a client may take.
#[derive(Clone, Copy, Debug)]
pub struct Timeouts {
    /// To send a request's headers (the connection is closed past it).
    pub header: std::time::Duration,
    /// For the whole request, body and handling included (503 past it).
    pub request: std::time::Duration,
}

type Shared = Arc<AppState>;

pub fn router(state: Shared) -> Router {
    let api = Router::new()
        .route("/{org}/{app}/token", post(token::issue))
        .route(
            "/{org}/{app}/chatrooms",
            get(chatrooms::list).post(chatrooms::create),
        )
        .route(
            "/{org}/{app}/chatrooms/{ids}",
            get(chatrooms::details)
                .put(chatrooms::modify_or_transfer)
                .delete(chatrooms::dissolve),
        )
        .route(
            "/{org}/{app}/chatrooms/{id}/users",
            get(members::list).post(members::add_many),
        )
        .route(
            "/{org}/{app}/chatrooms/{id}/users/{users}",
            post(members::add_one).delete(members::remove),
        )
        .route(
            "/{org}/{app}/chatrooms/{id}/admin",
            get(admins::list).post(admins::add),
        )
        .route(
            "/{org}/{app}/chatrooms/{id}/admin/{user}",
            delete(admins::remove),
        )
        .route(
            "/{org}/{app}/chatrooms/{id}/mute",
            get(mutes::list).post(mutes::mute),
        )
        .route(
            "/{org}/{app}/chatrooms/{id}/mute/{users}",
            delete(mutes::unmute),
        )
        .route(
            "/{org}/{app}/sdk/chatrooms/{id}/mute/{user}",
            get(mutes::is_muted),
        )
        .route(
            "/{org}/{app}/chatrooms/{id}/ban",
            post(mutes::mute_all).delete(mutes::unmute_all),
        )
        .route(
            "/{org}/{app}/chatrooms/{id}/blocks/users",
            get(lists::list).post(lists::add_many),
        )
        .route(
            "/{org}/{app}/chatrooms/{id}/blocks/users/{users}",
            post(lists::add_one).delete(lists::remove),
        )
        .route(
            "/{org}/{app}/chatrooms/{id}/white/users",
            get(lists::list).post(lists::add_many),
        )
        .route(
            "/{org}/{app}/chatrooms/{id}/white/users/{users}",
            get(lists::is_allowed)
                .post(lists::add_one)
                .delete(lists::remove),
        )
        .route(
            "/{org}/{app}/chatrooms/{id}/share_files",
            get(shared_files::list).post(shared_files::upload),
        )
        .route(
            "/{org}/{app}/chatrooms/{id}/share_files/{file}",
            get(shared_files::download).delete(shared_files::delete),
        )
        .route(
            "/{org}/{app}/chatrooms/{id}/announcement",
            get(announcement::get).post(announcement::set),
        )
        .route(
            "/{org}/{app}/chatrooms/super_admin",
            get(super_admins::list).post(super_admins::add),
        )
        .route(
            "/{org}/{app}/chatrooms/super_admin/{user}",
            delete(super_admins::remove),
        )
        .route("/{org}/{app}/metadata/chatroom/{id}", post(attributes::get))
        .route(
            "/{org}/{app}/metadata/chatroom/{id}/user/{user}",
            put(attributes::set).delete(attributes::delete),
        )
        .route(
            "/{org}/{app}/metadata/chatroom/{id}/user/{user}/forced",
            put(attributes::set).delete(attributes::delete),
        )
        .route(
            "/{org}/{app}/users",
            get(users::list)
                .post(users::register)
                .delete(users::delete_many),
        )
        .route(
            "/{org}/{app}/users/{username}",
            get(users::get_one).delete(users::delete_one),
        )
        .route(
            "/{org}/{app}/users/{username}/joined_chatrooms",
            get(users::joined_rooms),
        )
        .route(
            "/{org}/{app}/users/{username}/deactivate",
            post(global_mutes::deactivate),
        )
        .route(
            "/{org}/{app}/users/{username}/activate",
            post(global_mutes::activate),
        )
        .route(
            "/{org}/{app}/users/{username}/disconnect",
            get(global_mutes::disconnect),
        )
        .route(
            "/{org}/{app}/users/{username}/disconnect/{resource}",
            get(global_mutes::disconnect_device).delete(global_mutes::disconnect_device),
        )
        .route(
            "/{org}/{app}/users/{username}/password",
            put(users::set_password),
        )
        .route(
            "/{org}/{app}/users/{username}/status",
            get(global_mutes::status),
        )
        .route(
            "/{org}/{app}/users/batch/status",
            post(global_mutes::batch_status),
        )
        .route(
            "/{org}/{app}/mutes",
            get(global_mutes::list).post(global_mutes::set),
        )
        .route("/{org}/{app}/mutes/{username}", get(global_mutes::get_one))
        .route("/{org}/{app}/messages/chatrooms", post(messages::send))
        .route(
            "/{org}/{app}/messages/chatrooms/broadcast",
            post(messages::broadcast),
        )
        .route("/{org}/{app}/messages/msg_recall", post(messages::recall))
        .route(
            "/{org}/{app}/messages/batch_recall",
            post(messages::batch_recall),
        )
        .method_not_allowed_fallback(|| async { EmError::method_not_allowed() })
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            faults::inject,
        ))
        .layer(axum::middleware::from_fn(read_body_first));
    let emulator = Router::new()
        .route("/_emulator/faults", get(faults::get).put(faults::put))
        .route("/_emulator/messages", get(messages::delivered))
        .route("/_emulator/presence", put(global_mutes::presence))
        .method_not_allowed_fallback(|| async { EmError::method_not_allowed() })
        .layer(axum::middleware::from_fn(read_body_first))
        .layer(axum::middleware::from_fn(addressed_directly_only));
    let timeout = state.timeouts.request;
    Router::new()
        .merge(api)
        .merge(emulator)
        .route("/config.json", get(dashboard_config))
        .fallback(dashboard_or_unknown_endpoint)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(move |req, next| {
            time_limit(timeout, req, next)
        }))
        // Outermost, so that every answer, a time-out's 503 too, carries its CORS headers.
        .layer(cors())
        .with_state(state)
}

/// The Easemob API answers any origin, as the real service does for an app's web clients: the
/// dashboard may be served from anywhere (a CDN, trunk serve) and sends a bearer token, so
/// preflights are answered. `/config.json` (which may carry the demo secret) and `/_emulator/*`
/// (faults, delivered messages, presence) are for the dashboard this emulator serves only: no
/// other origin is granted them, so a web page the operator visits meanwhile cannot read them or
/// switch faults on. (Paths of two segments or more are taken for API paths, so the dashboard's
/// own routes and nested files are granted too; they are public anyway.)
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(|origin, parts| {
            is_api_path(parts.uri.path()) || is_own_origin(origin, &parts.headers)
        }))
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            // The web SDK's uploads send it.
            HeaderName::from_static("restrict-access"),
        ])
        // So the dashboard can honour a 429's wait, and a page can name a downloaded file.
        .expose_headers([header::RETRY_AFTER, header::CONTENT_DISPOSITION])
        .max_age(std::time::Duration::from_secs(3600))
}

/// Paths of the Easemob API: `/{org}/{app}/…` (whichever app, so that a client can read the
/// 404 of a wrong one). What the emulator adds, `/config.json` and `/_emulator/…`, never
/// matches. (The dashboard's own routes of two segments, `/rooms/{id}`, do: they all answer
/// the public `index.html`.)
fn is_api_path(path: &str) -> bool {
    let mut segs = path.trim_start_matches('/').splitn(3, '/');
    let first = segs.next().unwrap_or("");
    !first.is_empty() && !first.starts_with('_') && segs.next().is_some()
}

/// The origin is this server as the browser reached it (the `Host` it sent).
fn is_own_origin(origin: &HeaderValue, headers: &HeaderMap) -> bool {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin = origin.to_str().ok();
    matches!((origin, host), (Some(o), Some(h)) if o.strip_prefix("http://") == Some(h))
}

/// Whether the request named this server by an IP address or as `localhost` (the `Host` it
/// sent). A page that rebinds a domain name of its own to 127.0.0.1 is same-origin with itself,
/// so CORS does not stop it; its requests carry that name, though, and this refuses them.
fn addressed_directly(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    // `[::1]:8080`, `127.0.0.1:8080`, `localhost:8080`: the name without its port.
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    let name = name.to_ascii_lowercase();
    name.parse::<std::net::IpAddr>().is_ok() || name == "localhost" || name.ends_with(".localhost")
}

/// `/_emulator/*` only for a request that named this server directly (see
/// [`addressed_directly`]).
async fn addressed_directly_only(req: Request, next: axum::middleware::Next) -> Response {
    if addressed_directly(req.headers()) {
        next.run(req).await
    } else {
        (
            StatusCode::FORBIDDEN,
            "The emulator's own endpoints answer only requests to an IP address or localhost.\n",
        )
            .into_response()
    }
}

/// A request that takes longer than `limit` (a client sending its body slowly, or a handler
/// stuck behind the database) is answered 503, which every client may try again.
async fn time_limit(
    limit: std::time::Duration,
    req: Request,
    next: axum::middleware::Next,
) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => {
            let mut resp = EmError::unavailable().into_response();
            resp.headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            resp
        }
    }
}

/// Reads the whole body before any check runs. A request refused early (no token, unknown app)
/// would otherwise leave its body unread, the connection would be dropped after the answer, and
/// a client that pooled it would fail on its next request with an unexpected EOF.
///
/// At most [`BODY_LIMIT`] bytes are ever kept: a longer declared length is refused before a
/// byte is read, and a chunked body as soon as it passes the limit.
async fn read_body_first(req: Request, next: axum::middleware::Next) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let (parts, mut body) = req.into_parts();
    let mut kept = Vec::new();
    let mut fits = declared.is_none_or(|n| n <= BODY_LIMIT);
    while fits {
        match body.frame().await {
            None => break,
            Some(Ok(frame)) => {
                if let Some(data) = frame.data_ref() {
                    fits = kept.len() + data.len() <= BODY_LIMIT;
                    if fits {
                        kept.extend_from_slice(data);
                    }
                }
            }
            Some(Err(e)) => {
                return EmError::invalid_parameter(format!("cannot read the request body: {e}"))
                    .into_response()
            }
        }
    }
    if fits {
        return next
            .run(Request::from_parts(parts, axum::body::Body::from(kept)))
            .await;
    }
    drop(kept);
    // Whatever the client is still sending is read and dropped (never kept) for a moment in
    // the background, so that it gets to read the 413 rather than a reset; then the connection
    // is closed. Not for a client that waits for `100 Continue` before sending: reading would
    // invite the whole body, and it reads the 413 instead.
    let waits_to_send = parts
        .headers
        .get(header::EXPECT)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
    if !waits_to_send {
        tokio::spawn(async move {
            let drain = async { while let Some(Ok(_)) = body.frame().await {} };
            let _ = tokio::time::timeout(DRAIN_TIME, drain).await;
        });
    }
    let mut resp = EmError::body_too_large(BODY_LIMIT).into_response();
    resp.headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    resp
}

/// Where a request is and what it asked: the app's path segments decoded, the query, and the
/// URI to echo in the envelope.
pub struct Ctx {
    pub state: Shared,
    /// Path segments after `/{org}/{app}`, percent-decoded.
    pub segments: Vec<String>,
    pub query: Vec<(String, String)>,
    pub uri: String,
    pub started: Instant,
}

impl Ctx {
    pub fn segment(&self, i: usize) -> &str {
        self.segments.get(i).map(String::as_str).unwrap_or("")
    }

    /// A query parameter's value. The official web SDK writes every option it was given,
    /// `cursor=undefined` for one it was not, so a literal `undefined` counts as absent.
    /// (Unknown parameters, such as its `resource` and `version=v3`, are never looked at.)
    pub fn query(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, v)| k == key && v != "undefined")
            .map(|(_, v)| v.as_str())
    }

    /// A positive number from the query, clamped to `max`; `None` when absent.
    pub fn query_number(&self, key: &str, max: u64) -> Result<Option<u64>, EmError> {
        match self.query(key) {
            None | Some("") => Ok(None),
            Some(v) => v
                .trim()
                .parse::<u64>()
                .map(|n| Some(n.min(max)))
                .map_err(|_| {
                    EmError::invalid_parameter(format!("{key} must be a number, not {v}"))
                }),
        }
    }

    /// The query echoed as Easemob does: every value a one-element string array.
    pub fn params(&self) -> Option<BTreeMap<String, Vec<String>>> {
        if self.query.is_empty() {
            return None;
        }
        let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (k, v) in &self.query {
            m.entry(k.clone()).or_default().push(v.clone());
        }
        Some(m)
    }

    /// The success envelope with everything but `data`, `count`, `params` and `cursor`.
    pub fn envelope<D, E>(&self, action: &str, data: Option<D>) -> Envelope<D, E> {
        Envelope {
            action: Some(action.to_string()),
            application: Some(self.state.app.uuid.clone()),
            application_name: Some(self.state.app.name.clone()),
            organization: Some(self.state.app.org.clone()),
            uri: Some(self.uri.clone()),
            path: None,
            entities: Vec::new(),
            data,
            timestamp: Some(crate::now_ms()),
            duration: Some(self.started.elapsed().as_millis() as u64),
            count: None,
            params: None,
            cursor: None,
        }
    }
}

pub fn ok<D: Serialize, E: Serialize>(env: Envelope<D, E>) -> Response {
    Json(env).into_response()
}

/// The org, app and the rest of a path, each segment percent-decoded.
fn app_segments(path: &str) -> (String, String, Vec<String>) {
    let mut segs = path.split('/').skip(1).map(|s| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    });
    let org = segs.next().unwrap_or_default();
    let app = segs.next().unwrap_or_default();
    (org, app, segs.collect())
}

fn ctx_from_parts(parts: &Parts, state: &Shared) -> Result<Ctx, EmError> {
    let (org, app, segments) = app_segments(parts.uri.path());
    if org != state.app.org || app != state.app.name {
        let rest: String = segments.iter().map(|s| format!("/{s}")).collect();
        return Err(EmError::app_not_found(&org, &app, &rest));
    }
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let query = parts
        .uri
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default();
    Ok(Ctx {
        state: state.clone(),
        segments,
        query,
        uri: format!("http://{host}{}", parts.uri.path()),
        started: Instant::now(),
    })
}

/// A request to the app that needs no token (only `POST /token`).
pub struct Open(pub Ctx);

impl FromRequestParts<Shared> for Open {
    type Rejection = EmError;
    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, EmError> {
        ctx_from_parts(parts, state).map(Open)
    }
}

/// A request to the app with a valid app token.
pub struct Authed(pub Ctx);

impl FromRequestParts<Shared> for Authed {
    type Rejection = EmError;
    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, EmError> {
        let ctx = ctx_from_parts(parts, state)?;
        bearer_token_check(&parts.headers, state).await?;
        Ok(Authed(ctx))
    }
}

/// The `Authorization: Bearer` header names a token this emulator issued and that is still
/// good; otherwise the 401 the real server gives.
async fn bearer_token_check(headers: &HeaderMap, state: &Shared) -> Result<(), EmError> {
    let header = headers
        .get(header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("")
        .trim();
    if header.is_empty() {
        return Err(EmError::token_blank());
    }
    let token = match header.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim(),
        _ => return Err(EmError::bad_token()),
    };
    if token.is_empty() {
        return Err(EmError::token_blank());
    }
    token::check(&state.store, token.to_string()).await
}

/// `POST /users` with a valid app token. Without any token the app answers as one in
/// authorized-registration mode does (reference §5; recorded in S4 as 401 `unauthorized`),
/// unless it runs with `--open-registration`. A bad token is refused either way.
pub struct AuthedToRegister(pub Ctx);

impl FromRequestParts<Shared> for AuthedToRegister {
    type Rejection = EmError;
    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, EmError> {
        match Authed::from_request_parts(parts, state).await {
            Ok(Authed(ctx)) => Ok(AuthedToRegister(ctx)),
            Err(e) if e.refusal == easemob_api::Refusal::TokenBlank => {
                if state.open_registration {
                    ctx_from_parts(parts, state).map(AuthedToRegister)
                } else {
                    Err(EmError::registration_needs_token())
                }
            }
            Err(e) => Err(e),
        }
    }
}

/// A JSON body of type `T`; an unreadable or oversized body gets an Easemob 4xx error.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned> FromRequest<Shared> for JsonBody<T> {
    type Rejection = EmError;
    async fn from_request(req: Request, state: &Shared) -> Result<Self, EmError> {
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                EmError::body_too_large(BODY_LIMIT)
            } else {
                EmError::invalid_parameter(format!("cannot read the request body: {rejection}"))
            }
        })?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(EmError::invalid_parameter("request body must be provided"));
        }
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|e| EmError::invalid_parameter(format!("request body is not valid: {e}")))
    }
}

/// `/config.json`: pre-fills the dashboard's connect form with this emulator's demo app.
async fn dashboard_config(State(state): State<Shared>, headers: axum::http::HeaderMap) -> Response {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1:8080");
    let config = DashboardConfig {
        presets: vec![Preset {
            label: "Local emulator (demo app)".into(),
            host: format!("http://{host}"),
            org: state.app.org.clone(),
            app: state.app.name.clone(),
            client_id: Some(state.app.client_id.clone()),
            // Only the public demo secret is handed out, and only to a page that named this
            // server directly; any other is typed by the operator.
            client_secret: (state.app.client_secret == crate::config::DEMO_CLIENT_SECRET
                && addressed_directly(&headers))
            .then(|| state.app.client_secret.clone()),
        }],
        locked_host: None,
    };
    Json(config).into_response()
}

/// Anything else: an Easemob 404 under the app's path, otherwise the dashboard (its
/// `index.html` for every client-side route).
async fn dashboard_or_unknown_endpoint(State(state): State<Shared>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    // Decoded as a whole, so that `/{org}/{app}%2Fchatrooms` counts as under the app too.
    let path = percent_encoding::percent_decode_str(parts.uri.path()).decode_utf8_lossy();
    let app = format!("/{}/{}", state.app.org, state.app.name);
    if path == app || path.starts_with(&format!("{app}/")) {
        return EmError::no_such_endpoint(parts.uri.path()).into_response();
    }
    let index = state.dist.join("index.html");
    if !index.exists() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "The dashboard is not built. Run `make run` (or `make dist`) in the project folder.\n",
        )
            .into_response();
    }
    // The .br and .gz copies the build writes beside each file are sent as they are to a
    // browser that accepts them.
    let serve = ServeDir::new(&state.dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(
            tower_http::services::ServeFile::new(index)
                .precompressed_br()
                .precompressed_gzip(),
        );
    let cache = cache_control(parts.uri.path());
    match serve.oneshot(Request::from_parts(parts, body)).await {
        Ok(resp) => {
            let mut resp = resp.into_response();
            let success = resp.status().is_success();
            let headers = resp.headers_mut();
            headers.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(csp::DASHBOARD_CSP),
            );
            if success {
                headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
            }
            resp
        }
        Err(e) => EmError::internal(e).into_response(),
    }
}

/// How long a browser or CDN may keep a dashboard file. A name with a content hash
/// (`name-0123456789abcdef.js`, `…_bg.wasm`; trunk writes the hash as a number in hex, so a
/// leading zero is left out: 12 to 16 digits) never changes its content: a year, immutable.
/// Anything else (`index.html`, every client-side route) is checked each time, so a new release
/// is picked up at once.
pub fn cache_control(path: &str) -> &'static str {
    let file = path.rsplit('/').next().unwrap_or("");
    let stem = file.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let hashed = stem.rsplit_once('-').is_some_and(|(_, h)| {
        (12..=16).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit())
    });
    if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// The users of a path segment, `u1,u2` (at most `max`); `head` is the call's words for too
/// many.
pub fn split_users(segment: &str, head: &str, max: usize) -> Result<Vec<String>, EmError> {
    let names: Vec<String> = segment
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if names.is_empty() {
        return Err(EmError::must_be_provided("username"));
    }
    if names.len() > max {
        return Err(EmError::too_many_in_one_call(head, max));
    }
    Ok(names)
}

/// Cursors are opaque to clients; here they are base64 of a tag and the last key served.
pub fn encode_cursor(tag: char, last: i64) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{tag}{last}"))
}

pub fn decode_cursor(tag: char, cursor: &str) -> Result<i64, EmError> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor.trim())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix(tag).and_then(|n| n.parse().ok()))
        .ok_or_else(|| EmError::invalid_parameter(format!("cursor {cursor} is not valid")))
}
