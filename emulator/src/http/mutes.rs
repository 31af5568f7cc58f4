//! The mute list and muting the whole room.

use super::{ok, split_users, Authed, JsonBody};
use crate::error::EmError;
use crate::store;
use axum::response::Response;
use easemob_api::error::batch_heads;
use easemob_api::limits;
use easemob_api::wire::*;
use serde_json::Value;

/// `GET /chatrooms/{id}/mute`.
pub async fn list(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let now = crate::now_ms() as i64;
    let muted = ctx
        .state
        .store
        .run(move |c| store::mutes::list(c, &id, now))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>("get", Some(muted))))
}

/// `GET /sdk/chatrooms/{id}/mute/{user}` (the web SDK's isInChatRoomMutelist, for the user it
/// is logged in as; not in the REST documents): `data` is whether the user is on the room's
/// mute list now, a bare boolean.
pub async fn is_muted(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(2).to_string();
    let name = ctx.segment(4).to_string();
    let now = crate::now_ms() as i64;
    let muted = ctx
        .state
        .store
        .run(move |c| store::mutes::list(c, &id, now))
        .await?;
    let on = muted.iter().any(|m| m.user.eq_ignore_ascii_case(&name));
    Ok(ok(ctx.envelope::<_, Value>("get", Some(on))))
}

/// `POST /chatrooms/{id}/mute` with `{"usernames": [...], "mute_duration": ms}`.
pub async fn mute(
    Authed(ctx): Authed,
    JsonBody(body): JsonBody<MuteBody>,
) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    if body.usernames.is_empty() {
        return Err(EmError::must_be_provided("usernames"));
    }
    if body.usernames.len() > limits::MODERATE_USERS_MAX {
        return Err(EmError::too_many_in_one_call(
            batch_heads::MUTE,
            limits::MODERATE_USERS_MAX,
        ));
    }
    let Some(duration) = body.mute_duration else {
        return Err(EmError::must_be_provided("mute_duration"));
    };
    let now = crate::now_ms() as i64;
    let results = ctx
        .state
        .store
        .run(move |c| store::mutes::mute(c, &id, &body.usernames, duration, now))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>("post", Some(results))))
}

/// `DELETE /chatrooms/{id}/mute/{u1},{u2}`.
pub async fn unmute(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let names = split_users(
        ctx.segment(3),
        batch_heads::UNMUTE,
        limits::MODERATE_USERS_MAX,
    )?;
    let results = ctx
        .state
        .store
        .run(move |c| store::mutes::unmute(c, &id, &names))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>("delete", Some(results))))
}

/// `POST /chatrooms/{id}/ban` (the envelope says "put", as recorded) and `DELETE`.
pub async fn mute_all(Authed(ctx): Authed) -> Result<Response, EmError> {
    set_mute_all(ctx, true, "put").await
}

pub async fn unmute_all(Authed(ctx): Authed) -> Result<Response, EmError> {
    set_mute_all(ctx, false, "delete").await
}

async fn set_mute_all(ctx: super::Ctx, on: bool, action: &str) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let mute = ctx
        .state
        .store
        .run(move |c| store::mutes::mute_all(c, &id, on))
        .await?;
    Ok(ok(
        ctx.envelope::<_, Value>(action, Some(MuteAllState { mute }))
    ))
}
