//! A room's announcement.

use super::{ok, Authed, JsonBody};
use crate::error::EmError;
use crate::store;
use axum::response::Response;
use easemob_api::wire::*;
use serde_json::Value;

/// `GET /chatrooms/{id}/announcement`.
pub async fn get(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let announcement = ctx
        .state
        .store
        .run(move |c| store::announcement::get(c, &id))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>(
        "get",
        Some(Announcement { announcement }),
    )))
}

/// `POST /chatrooms/{id}/announcement` with `{"announcement": "…"}`.
pub async fn set(
    Authed(ctx): Authed,
    JsonBody(body): JsonBody<Announcement>,
) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let room = ctx
        .state
        .store
        .run(move |c| store::announcement::set(c, &id, &body.announcement))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>(
        "post",
        Some(AnnouncementSet {
            id: room.to_string(),
            result: true,
        }),
    )))
}
