//! `POST /token` and the check of every other call's bearer token.

use super::{JsonBody, Open};
use crate::error::EmError;
use crate::store::{self, Store};
use axum::response::{IntoResponse, Response};
use axum::Json;
use easemob_api::wire::{TokenRequest, TokenResponse};

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
    // The default lifetime is read per request: it can be changed at run time.
    let ttl = req.ttl.unwrap_or(ctx.state.faults.settings().token_ttl_s);
    let now = crate::now_ms();
    let token = ctx
        .state
        .store
        .run(move |c| store::tokens::issue(c, ttl, now))
        .await?;
    Ok(Json(TokenResponse {
        access_token: token,
        expires_in: ttl,
        application: app.uuid.clone(),
    })
    .into_response())
}

/// A token is good when we issued it and it has not expired.
pub async fn check(db: &Store, token: String) -> Result<(), EmError> {
    let now = crate::now_ms();
    db.run(move |c| store::tokens::check(c, &token, now)).await
}
