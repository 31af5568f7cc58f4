//! A room's custom attributes, under `/metadata/chatroom/{id}`. These answers have a slimmer
//! envelope than the rest of the API: `uri`, `timestamp`, `action` and `data`.

use super::{Authed, Ctx, JsonBody};
use crate::error::EmError;
use crate::store;
use axum::response::{IntoResponse, Response};
use axum::Json;
use easemob_api::wire::*;
use serde::Serialize;

/// Exactly the four fields of the reference (no `entities`, `application`, `duration`).
#[derive(Serialize)]
struct Slim<'a, D> {
    uri: &'a str,
    timestamp: u64,
    action: &'a str,
    data: D,
}

fn slim<D: Serialize>(ctx: &Ctx, action: &str, data: D) -> Response {
    Json(Slim {
        uri: &ctx.uri,
        timestamp: crate::now_ms(),
        action,
        data,
    })
    .into_response()
}

/// `POST /metadata/chatroom/{id}` with `{"keys": [...]}` or no keys: a read.
pub async fn get(Authed(ctx): Authed, body: axum::body::Bytes) -> Result<Response, EmError> {
    let id = ctx.segment(2).to_string();
    let keys = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        serde_json::from_slice::<AttributeKeysBody>(&body)
            .map_err(|e| EmError::invalid_parameter(format!("request body is not valid: {e}")))?
            .keys
    };
    let attrs = ctx
        .state
        .store
        .run(move |c| store::attributes::get(c, &id, keys))
        .await?;
    Ok(slim(&ctx, "post", attrs))
}

fn forced(ctx: &Ctx) -> bool {
    ctx.segment(5) == "forced"
}

/// `PUT /metadata/chatroom/{id}/user/{u}[/forced]`.
pub async fn set(
    Authed(ctx): Authed,
    JsonBody(body): JsonBody<SetAttributesBody>,
) -> Result<Response, EmError> {
    let id = ctx.segment(2).to_string();
    let user = ctx.segment(4).to_string();
    let forced = forced(&ctx);
    let auto_delete = match body.auto_delete.as_deref() {
        None | Some(NO_AUTO_DELETE) => false,
        Some(AUTO_DELETE) => true,
        Some(other) => {
            return Err(EmError::invalid_parameter(format!(
                "autoDelete {other} is not valid"
            )))
        }
    };
    let done = ctx
        .state
        .store
        .run(move |c| store::attributes::set(c, &id, &user, body.meta_data, auto_delete, forced))
        .await?;
    Ok(slim(&ctx, "put", done))
}

/// `DELETE /metadata/chatroom/{id}/user/{u}[/forced]` with `{"keys": [...]}`.
pub async fn delete(
    Authed(ctx): Authed,
    JsonBody(body): JsonBody<AttributeKeysBody>,
) -> Result<Response, EmError> {
    let id = ctx.segment(2).to_string();
    let user = ctx.segment(4).to_string();
    let forced = forced(&ctx);
    let done = ctx
        .state
        .store
        .run(move |c| {
            store::attributes::delete(c, &id, &user, body.keys.unwrap_or_default(), forced)
        })
        .await?;
    Ok(slim(&ctx, "delete", done))
}
