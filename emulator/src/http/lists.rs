//! A room's blocklist (`/blocks/users`) and allowlist (`/white/users`).

use super::{ok, split_users, Authed, Ctx, JsonBody};
use crate::error::EmError;
use crate::store;
use axum::response::Response;
use easemob_api::error::batch_heads;
use easemob_api::wire::*;
use easemob_api::{limits, RoomList};
use serde_json::Value;

/// Which list the path names: `/chatrooms/{id}/blocks/users` or `/white/users`.
fn which(ctx: &Ctx) -> RoomList {
    if ctx.segment(2) == "white" {
        RoomList::Allow
    } else {
        RoomList::Block
    }
}

pub async fn list(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let list = which(&ctx);
    let users = ctx
        .state
        .store
        .run(move |c| store::lists::list(c, &id, list))
        .await?;
    let mut env = ctx.envelope::<_, Value>("get", Some(users));
    env.count = env.data.as_ref().map(|d| d.len() as u64);
    Ok(ok(env))
}

/// With `version=v3` (which the web SDK sends), a call naming one user answers an array of
/// one result, as for several: the SDK reads `data[0]`. Without it, the object the documents
/// and recordings show.
fn as_array(ctx: &Ctx) -> bool {
    ctx.query("version") == Some("v3")
}

/// `GET /chatrooms/{id}/white/users/{u}` (the web SDK's isInChatRoomAllowlist; not in the REST
/// documents): `{"member": u, "white": bool}`. A user who is not in the room is not on it.
pub async fn is_allowed(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let name = ctx.segment(4).to_string();
    let (member, white) = ctx
        .state
        .store
        .run(move |c| store::lists::is_on(c, &id, RoomList::Allow, &name))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>(
        "get",
        Some(serde_json::json!({ "member": member, "white": white })),
    )))
}

async fn add(ctx: Ctx, names: Vec<String>, batch: bool) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let list = which(&ctx);
    let now = crate::now_ms() as i64;
    let mut results = ctx
        .state
        .store
        .run(move |c| store::lists::add(c, &id, list, &names, now, batch))
        .await?;
    if batch || as_array(&ctx) {
        Ok(ok(ctx.envelope::<_, Value>("post", Some(results))))
    } else {
        Ok(ok(ctx.envelope::<_, Value>("post", Some(results.remove(0)))))
    }
}

/// `POST …/users/{u}`: one user, one result object.
pub async fn add_one(Authed(ctx): Authed) -> Result<Response, EmError> {
    let name = ctx.segment(4).to_string();
    add(ctx, vec![name], false).await
}

/// `POST …/users` with `{"usernames": [...]}` (at most 60): a result each.
pub async fn add_many(
    Authed(ctx): Authed,
    JsonBody(body): JsonBody<UsernamesBody>,
) -> Result<Response, EmError> {
    if body.usernames.is_empty() {
        return Err(EmError::must_be_provided("usernames"));
    }
    if body.usernames.len() > limits::MODERATE_USERS_MAX {
        let head = match which(&ctx) {
            RoomList::Block => batch_heads::BLOCK,
            RoomList::Allow => batch_heads::ALLOW,
        };
        return Err(EmError::too_many_in_one_call(
            head,
            limits::MODERATE_USERS_MAX,
        ));
    }
    add(ctx, body.usernames, true).await
}

/// `DELETE …/users/{u}` (one object back) or `…/users/{u1},{u2}` (a result each).
pub async fn remove(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let list = which(&ctx);
    let raw = ctx.segment(4).to_string();
    let head = match list {
        RoomList::Block => batch_heads::UNBLOCK,
        RoomList::Allow => batch_heads::DISALLOW,
    };
    let names = split_users(&raw, head, limits::MODERATE_USERS_MAX)?;
    let mut results = ctx
        .state
        .store
        .run(move |c| store::lists::remove(c, &id, list, &names))
        .await?;
    if raw.contains(',') || as_array(&ctx) {
        Ok(ok(ctx.envelope::<_, Value>("delete", Some(results))))
    } else {
        Ok(ok(
            ctx.envelope::<_, Value>("delete", Some(results.remove(0)))
        ))
    }
}
