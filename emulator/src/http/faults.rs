//! Injected faults: `GET`/`PUT /_emulator/faults` to read and change them, and the middleware
//! that applies them to the REST API (never to the dashboard, `/config.json` or these two
//! endpoints, so the faults can always be switched off again).

use super::{app_segments, bearer_token_check, JsonBody, Shared};
use crate::error::EmError;
use crate::faults::{happens, Update};
use axum::extract::{FromRequestParts, MatchedPath, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::time::{Duration, Instant};

/// A caller holding a valid app token: the faults are the app operator's to change, and
/// checked before the body is read, so a bad token gets the 401 whatever the body.
pub struct Operator;

impl FromRequestParts<Shared> for Operator {
    type Rejection = EmError;
    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, EmError> {
        bearer_token_check(&parts.headers, state).await?;
        Ok(Operator)
    }
}

/// `GET /_emulator/faults`: the settings in force.
pub async fn get(_: Operator, State(state): State<Shared>) -> Response {
    Json(state.faults.settings()).into_response()
}

/// `PUT /_emulator/faults`: changes the keys given (any subset) and answers the settings now
/// in force.
pub async fn put(
    _: Operator,
    State(state): State<Shared>,
    JsonBody(update): JsonBody<Update>,
) -> Result<Response, EmError> {
    Ok(Json(state.faults.update(&update)?).into_response())
}

fn too_many_requests() -> Response {
    let mut resp = EmError::rate_limited().into_response();
    resp.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    resp
}

/// Latency, then the refusals that happen before anything is done (429, 503, the rate limit),
/// then, for a write that succeeded, the lost answer.
pub async fn inject(State(state): State<Shared>, req: Request, next: Next) -> Response {
    // Preflights are answered by the CORS layer before they get here; a browser could not
    // read a faulted preflight anyway.
    if req.method() == Method::OPTIONS {
        return next.run(req).await;
    }
    let settings = state.faults.settings();
    if settings.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(settings.latency_ms)).await;
    }
    if happens(settings.fail_429) {
        return too_many_requests();
    }
    if happens(settings.fail_503) {
        return EmError::unavailable().into_response();
    }
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    if settings.rate_limits
        && is_this_app(&req, &state)
        && !state.faults.admit(req.method(), &route, Instant::now())
    {
        return too_many_requests();
    }
    let is_write = matches!(*req.method(), Method::POST | Method::PUT | Method::DELETE)
        && !route.ends_with("/token");
    let resp = next.run(req).await;
    if is_write && resp.status().is_success() && happens(settings.fail_after_write) {
        return EmError::unavailable().into_response();
    }
    resp
}

/// Limits are per app; calls to an app this emulator does not serve are refused anyway and do
/// not count.
fn is_this_app(req: &Request, state: &Shared) -> bool {
    let (org, app, _) = app_segments(req.uri().path());
    org == state.app.org && app == state.app.name
}
