//! The app-wide mute (`/mutes`), ban and unban, force offline and online status of a user,
//! and the emulator's own `PUT /_emulator/presence`.

use super::{ok, Authed, JsonBody};
use crate::error::EmError;
use crate::http::faults::Operator;
use crate::store;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use easemob_api::limits;
use easemob_api::wire::*;
use easemob_api::Refusal;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// `POST /mutes`: each kind named is set; nothing named changes nothing.
pub async fn set(Authed(ctx): Authed, bytes: axum::body::Bytes) -> Result<Response, EmError> {
    let body: GlobalMuteBody =
        serde_json::from_slice(&bytes).map_err(|_| EmError::from(Refusal::InvalidRequestBody))?;
    let now = crate::now_ms() as i64;
    ctx.state
        .store
        .run(move |c| store::global_mutes::set(c, &body, now))
        .await?;
    let mut env = ctx.envelope::<_, Value>(
        "post",
        Some(ResultOk {
            result: "ok".into(),
        }),
    );
    env.path = Some("/mutes".into());
    Ok(ok(env))
}

/// `GET /mutes/{username}`.
pub async fn get_one(Authed(ctx): Authed) -> Result<Response, EmError> {
    let name = ctx.segment(1).to_string();
    let (org, app) = (ctx.state.app.org.clone(), ctx.state.app.name.clone());
    let now = crate::now_ms() as i64;
    let mute = ctx
        .state
        .store
        .run(move |c| store::global_mutes::get(c, &org, &app, &name, now))
        .await?;
    let mut env = ctx.envelope::<_, Value>("get", Some(mute));
    env.path = Some("/mutes".into());
    Ok(ok(env))
}

/// `GET /mutes?pageNum&pageSize` (or the lowercase spelling an official SDK sends).
pub async fn list(Authed(ctx): Authed) -> Result<Response, EmError> {
    let number = |a: &str, b: &str| -> Result<Option<u64>, EmError> {
        Ok(ctx
            .query_number(a, u32::MAX as u64)?
            .or(ctx.query_number(b, u32::MAX as u64)?))
    };
    let page = number("pageNum", "pagenum")?.unwrap_or(1).max(1) as u32;
    let size = number("pageSize", "pagesize")?
        .unwrap_or(10)
        .clamp(1, limits::GLOBAL_MUTES_PAGE_MAX as u64) as u32;
    let now = crate::now_ms() as i64;
    let data = ctx
        .state
        .store
        .run(move |c| store::global_mutes::list(c, page, size, now))
        .await?;
    let page = GlobalMutePage {
        data,
        unixtime: (now / 1000) as u64,
    };
    let mut env = ctx.envelope::<_, Value>("get", Some(page));
    env.path = Some("/mutes".into());
    Ok(ok(env))
}

async fn user_entity(ctx: &super::Ctx, name: String) -> Result<User, EmError> {
    ctx.state
        .store
        .run(move |c| store::users::get(c, &name))
        .await?
        .ok_or_else(EmError::user_entity_not_found)
}

/// `POST /users/{u}/deactivate`: the recorded body has no org, app or uri.
pub async fn deactivate(Authed(ctx): Authed) -> Result<Response, EmError> {
    let name = ctx.segment(1).to_string();
    let n = name.clone();
    ctx.state
        .store
        .run(move |c| store::global_mutes::set_activated(c, &n, false))
        .await?;
    let user = user_entity(&ctx, name).await?;
    Ok(Json(json!({
        "action": "Deactivate user",
        "entities": [user],
        "timestamp": crate::now_ms(),
        "duration": ctx.started.elapsed().as_millis() as u64,
    }))
    .into_response())
}

/// `POST /users/{u}/activate`.
pub async fn activate(Authed(ctx): Authed) -> Result<Response, EmError> {
    let name = ctx.segment(1).to_string();
    ctx.state
        .store
        .run(move |c| store::global_mutes::set_activated(c, &name, true))
        .await?;
    Ok(Json(json!({
        "action": "activate user",
        "timestamp": crate::now_ms(),
        "duration": ctx.started.elapsed().as_millis() as u64,
    }))
    .into_response())
}

/// `GET /users/{u}/disconnect`: every device offline. An unknown user: the 404 of the other
/// user calls (not documented for this one).
pub async fn disconnect(Authed(ctx): Authed) -> Result<Response, EmError> {
    let name = ctx.segment(1).to_string();
    ctx.state
        .store
        .run(move |c| store::global_mutes::set_online(c, &name, false))
        .await?;
    let mut env = ctx.envelope::<_, Value>("get", Some(Disconnected { result: true }));
    env.count = Some(0);
    Ok(ok(env))
}

/// `DELETE /users/{u}/disconnect/{resource}`: one device offline (also `GET`, which the Java
/// server SDK 1.x sends [D]). No device is tracked here, so the user goes offline.
pub async fn disconnect_device(Authed(ctx): Authed) -> Result<Response, EmError> {
    let name = ctx.segment(1).to_string();
    ctx.state
        .store
        .run(move |c| store::global_mutes::set_online(c, &name, false))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>(
        "delete",
        Some(Disconnected { result: true }),
    )))
}

/// `GET /users/{u}/status`: `{"u": "online" | "offline"}`.
pub async fn status(Authed(ctx): Authed) -> Result<Response, EmError> {
    let name = ctx.segment(1).to_string();
    let (name, on) = ctx
        .state
        .store
        .run(move |c| store::global_mutes::online(c, &name))
        .await?
        .ok_or_else(EmError::user_entity_not_found)?;
    let data = BTreeMap::from([(name, if on { "online" } else { "offline" })]);
    let mut env = ctx.envelope::<_, Value>("get", Some(data));
    env.count = Some(0);
    Ok(ok(env))
}

/// `POST /users/batch/status`: up to 100; unknown users are offline.
pub async fn batch_status(
    Authed(ctx): Authed,
    JsonBody(body): JsonBody<UsernamesBody>,
) -> Result<Response, EmError> {
    if body.usernames.len() > limits::STATUS_BATCH_MAX {
        return Err(EmError::illegal_argument(format!(
            "request body exceeds maximum limit, maximum limit is {}",
            limits::STATUS_BATCH_MAX
        )));
    }
    let names = body.usernames;
    let data = ctx
        .state
        .store
        .run(move |c| {
            names
                .iter()
                .map(|n| {
                    let on = store::global_mutes::online(c, n)?.is_some_and(|(_, on)| on);
                    Ok(BTreeMap::from([(
                        n.clone(),
                        if on { "online" } else { "offline" },
                    )]))
                })
                .collect::<Result<Vec<_>, EmError>>()
        })
        .await?;
    Ok(Json(json!({
        "action": "get batch user status",
        "data": data,
        "timestamp": crate::now_ms(),
        "duration": ctx.started.elapsed().as_millis() as u64,
    }))
    .into_response())
}

/// `PUT /_emulator/presence` with `{"username", "online"}`: brings a user online or takes them
/// offline, as a login or logout would. A banned user cannot come online.
pub async fn presence(
    _: Operator,
    State(state): State<super::Shared>,
    JsonBody(body): JsonBody<PresenceBody>,
) -> Result<Response, EmError> {
    let (name, online) = (body.username.clone(), body.online);
    state
        .store
        .run(move |c| store::global_mutes::set_online(c, &name, online))
        .await?;
    Ok(Json(json!({ "username": body.username, "online": body.online })).into_response())
}
