//! `POST /token` and the check of every other call's bearer token.

use super::{JsonBody, Open};
use crate::error::EmError;
use crate::store::Store;
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use easemob_api::wire::{TokenRequest, TokenResponse};
use rand::RngCore;
use rusqlite::{params, OptionalExtension};

/// Exchanges the app's client id and secret for an app token.
pub async fn issue(
    Open(ctx): Open,
    JsonBody(req): JsonBody<TokenRequest>,
) -> Result<Response, EmError> {
    let app = &ctx.state.app;
    if req.grant_type != "client_credentials" {
        return Err(if req.grant_type.is_empty() {
            EmError::illegal_argument("grant_type must be provided.")
        } else {
            EmError::illegal_argument(format!(
                "unsupported grant_type {} (this emulator issues app tokens only)",
                req.grant_type
            ))
        });
    }
    if req.client_id.is_empty() {
        return Err(EmError::illegal_argument("client_id must be provided."));
    }
    if req.client_secret.is_empty() {
        return Err(EmError::illegal_argument("client_secret must be provided"));
    }
    if req.client_id != app.client_id {
        return Err(EmError::invalid_grant("client_id does not match"));
    }
    if req.client_secret != app.client_secret {
        return Err(EmError::invalid_grant("client_secret does not match"));
    }
    let ttl = req.ttl.unwrap_or(ctx.state.token_ttl_secs);
    let mut raw = [0u8; 48];
    rand::rng().fill_bytes(&mut raw);
    // Real app tokens start with "YWMt" (base64 of "amc-").
    let token = format!(
        "YWMt{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
    );
    let expires_at = if ttl == 0 {
        None
    } else {
        // A ttl too large to count in milliseconds is refused rather than wrapped around.
        let at = i64::try_from(ttl)
            .ok()
            .and_then(|t| t.checked_mul(1000))
            .and_then(|ms| ms.checked_add(crate::now_ms() as i64))
            .ok_or_else(|| EmError::invalid_parameter(format!("ttl {ttl} is too large")))?;
        Some(at)
    };
    ctx.state.store.lock().execute(
        "INSERT INTO tokens (token, expires_at) VALUES (?1, ?2)",
        params![token, expires_at],
    )?;
    Ok(Json(TokenResponse {
        access_token: token,
        expires_in: ttl,
        application: app.uuid.clone(),
    })
    .into_response())
}

/// A token is good when we issued it and it has not expired.
pub fn check(store: &Store, token: &str) -> Result<(), EmError> {
    let row: Option<Option<i64>> = store
        .lock()
        .query_row(
            "SELECT expires_at FROM tokens WHERE token = ?1",
            [token],
            |r| r.get(0),
        )
        .optional()?;
    match row {
        None => Err(EmError::bad_token()),
        Some(Some(at)) if at <= crate::now_ms() as i64 => Err(EmError::expired_token()),
        Some(_) => Ok(()),
    }
}
