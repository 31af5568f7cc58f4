//! Members of a room: list, add one or many, remove one or many (which is also how a member
//! leaves).

use super::{decode_cursor, encode_cursor, ok, split_users, Authed, JsonBody};
use crate::error::EmError;
use crate::store;
use axum::response::Response;
use easemob_api::error::batch_heads;
use easemob_api::limits;
use easemob_api::wire::*;
use serde_json::Value;

/// `GET /chatrooms/{id}/users?pagenum&pagesize`: owner first, then members in join order.
///
/// Official clients page by cursor instead (`?limit&cursor`), with a top-level `cursor` while
/// more remain: the Java server SDK (`version=v3`) reads plain usernames; the web SDK's
/// `getChatRoomMembers` asks `joined_time=true` and reads each element with the role as its
/// key, `{"admin": "u1", "joined_time": ms}`.
pub async fn list(Authed(ctx): Authed) -> Result<Response, EmError> {
    if ctx.query("cursor").is_some() || ctx.query("limit").is_some() {
        return list_by_cursor(ctx).await;
    }
    let id = ctx.segment(1).to_string();
    let pagenum = ctx
        .query_number("pagenum", u32::MAX as u64)?
        .unwrap_or(1)
        .max(1) as i64;
    let pagesize = ctx
        .query_number("pagesize", limits::PAGE_SIZE_MAX as u64)?
        .unwrap_or(limits::PAGE_SIZE_MAX as u64)
        .max(1) as i64;
    let data = ctx
        .state
        .store
        .run(move |c| store::members::list(c, &id, pagesize, (pagenum - 1) * pagesize))
        .await?;
    let mut env = ctx.envelope::<_, Value>("get", Some(data));
    env.count = env.data.as_ref().map(|d| d.len() as u64);
    env.params = ctx.params();
    Ok(ok(env))
}

/// `POST /chatrooms/{id}/users/{username}`.
pub async fn add_one(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let username = ctx.segment(3).to_string();
    let (room_id, mut users) = ctx
        .state
        .store
        .run(move |c| store::members::add(c, &id, &[username]))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>(
        "post",
        Some(AddedMember {
            result: true,
            action: "add_member".into(),
            id: room_id.to_string(),
            user: users.remove(0),
        }),
    )))
}

/// `POST /chatrooms/{id}/users` with `{"usernames": [...]}` (at most 60).
pub async fn add_many(
    Authed(ctx): Authed,
    JsonBody(body): JsonBody<UsernamesBody>,
) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    if body.usernames.is_empty() {
        return Err(EmError::must_be_provided("usernames"));
    }
    if body.usernames.len() > limits::ADD_MEMBERS_MAX {
        return Err(EmError::too_many_in_one_call(
            batch_heads::ADD_MEMBERS,
            limits::ADD_MEMBERS_MAX,
        ));
    }
    let (room_id, users) = ctx
        .state
        .store
        .run(move |c| store::members::add(c, &id, &body.usernames))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>(
        "post",
        Some(AddedMembers {
            newmembers: users,
            action: "add_member".into(),
            id: room_id.to_string(),
        }),
    )))
}

/// `DELETE /chatrooms/{id}/users/{u}` (one object back) or `/{u1},{u2}` (a result each).
pub async fn remove(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let list = ctx.segment(3).to_string();
    let batch = list.contains(',');
    let names = split_users(
        &list,
        batch_heads::REMOVE_MEMBERS,
        limits::REMOVE_MEMBERS_MAX,
    )?;
    let db = ctx.state.store.clone();
    if !batch {
        let removed = db
            .run(move |c| store::members::remove_one(c, &id, &names[0]))
            .await?;
        return Ok(ok(ctx.envelope::<_, Value>("delete", Some(removed))));
    }
    let results = db
        .run(move |c| store::members::remove_many(c, &id, &names))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>("delete", Some(results))))
}

async fn list_by_cursor(ctx: super::Ctx) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let limit = ctx
        .query_number("limit", limits::PAGE_SIZE_MAX as u64)?
        .unwrap_or(limits::MEMBERS_CURSOR_PAGE as u64)
        .max(1) as i64;
    let offset = match ctx.query("cursor").filter(|c| !c.is_empty()) {
        Some(c) => decode_cursor('m', c)?,
        None => 0,
    };
    let (rows, more) = ctx
        .state
        .store
        .run(move |c| store::members::list_with_roles(c, &id, limit, offset))
        .await?;
    let next = offset + rows.len() as i64;
    let with_times = ctx.query("joined_time") == Some("true");
    let data: Vec<Value> = rows
        .into_iter()
        .map(|m| {
            if !with_times {
                return Value::String(m.username);
            }
            let mut o = serde_json::Map::new();
            o.insert(m.role.into(), Value::String(m.username));
            o.insert("joined_time".into(), m.joined_at.into());
            Value::Object(o)
        })
        .collect();
    let mut env = ctx.envelope::<_, Value>("get", Some(data));
    env.count = env.data.as_ref().map(|d| d.len() as u64);
    env.params = ctx.params();
    env.cursor = more.then(|| encode_cursor('m', next));
    Ok(ok(env))
}
