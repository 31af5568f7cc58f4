//! Rooms: list, details, create, edit, transfer, dissolve.

use super::{decode_cursor, encode_cursor, ok, Authed, JsonBody};
use crate::error::EmError;
use crate::store;
use axum::response::Response;
use easemob_api::limits;
use easemob_api::wire::*;
use serde_json::{Map, Value};

/// `GET /chatrooms?limit&cursor`: newest rooms first; `cursor` only while more remain.
///
/// The page-number paging of old, `?pagenum&pagesize` (default 20 a page, as the web SDK's
/// `getChatRooms` sends it), is served too when no `limit` or `cursor` is given: the same
/// order, no cursor.
pub async fn list(Authed(ctx): Authed) -> Result<Response, EmError> {
    let cursor = ctx.query("cursor").filter(|c| !c.is_empty());
    let by_number = ctx.query("limit").is_none()
        && cursor.is_none()
        && (ctx.query("pagenum").is_some() || ctx.query("pagesize").is_some());
    let (limit, offset) = if by_number {
        let size = ctx
            .query_number("pagesize", limits::PAGE_SIZE_MAX as u64)?
            .unwrap_or(20)
            .max(1) as i64;
        let number = ctx
            .query_number("pagenum", u32::MAX as u64)?
            .unwrap_or(1)
            .max(1) as i64;
        (size, (number - 1) * size)
    } else {
        let limit = ctx
            .query_number("limit", limits::PAGE_SIZE_MAX as u64)?
            .unwrap_or(10)
            .max(1) as i64;
        (limit, 0)
    };
    let before = match cursor {
        Some(c) => decode_cursor('r', c)?,
        None => i64::MAX,
    };
    let page = ctx
        .state
        .store
        .run(move |c| store::rooms::list(c, before, limit, offset))
        .await?;
    let mut env = ctx.envelope::<_, Value>("get", Some(page.rooms));
    env.count = env.data.as_ref().map(|d| d.len() as u64);
    env.params = ctx.params();
    env.cursor = page
        .last
        .filter(|_| page.more && !by_number)
        .map(|last| encode_cursor('r', last));
    Ok(ok(env))
}

/// `GET /chatrooms/{id1},{id2},…`: the rooms that exist, in the order asked; 404 when none do.
pub async fn details(Authed(ctx): Authed) -> Result<Response, EmError> {
    let list = ctx.segment(1).to_string();
    let ids: Vec<String> = list
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if ids.is_empty() {
        return Err(EmError::room_not_found_on_read(&list));
    }
    if ids.len() > limits::DETAIL_IDS_MAX {
        return Err(EmError::invalid_parameter(format!(
            "at most {} chatroom ids a request, not {}",
            limits::DETAIL_IDS_MAX,
            ids.len()
        )));
    }
    let asked = ids.join(",");
    // A room named twice (`1,1`, or `01,1`) is answered once: a request naming one big room
    // 100 times would otherwise read all its members 100 times under the database lock.
    let mut seen = std::collections::HashSet::new();
    let ids: Vec<String> = ids
        .into_iter()
        .filter(|id| seen.insert(store::parse_room_id(id).ok_or_else(|| id.clone())))
        .collect();
    let found = ctx
        .state
        .store
        .run(move |c| store::rooms::details(c, &ids))
        .await?;
    if found.is_empty() {
        return Err(EmError::room_not_found_on_read(&asked));
    }
    let mut env = ctx.envelope::<_, Value>("get", Some(found));
    env.count = env.data.as_ref().map(|d| d.len() as u64);
    Ok(ok(env))
}

/// `POST /chatrooms`: all or nothing; an unknown owner or member creates no room.
pub async fn create(
    Authed(ctx): Authed,
    JsonBody(req): JsonBody<CreateChatroom>,
) -> Result<Response, EmError> {
    let now = crate::now_ms();
    let id = ctx
        .state
        .store
        .run(move |c| store::rooms::create(c, &req, now))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>(
        "post",
        Some(CreatedChatroom { id: id.to_string() }),
    )))
}

/// `PUT /chatrooms/{id}`: an edit (name, description, maxusers) or, with `newowner`, a
/// transfer. Any other field is refused before anything changes.
pub async fn modify_or_transfer(
    Authed(ctx): Authed,
    JsonBody(body): JsonBody<Value>,
) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let Value::Object(mut map) = body else {
        return Err(EmError::invalid_parameter(
            "request body must be a JSON object",
        ));
    };
    // The web SDK's modifyChatRoom sends the name as `groupname`, the word the answer uses.
    if !map.contains_key("name") {
        if let Some(name) = map.remove("groupname") {
            map.insert("name".into(), name);
        }
    }
    if map.contains_key("newowner") {
        return transfer(ctx, id, map).await;
    }
    // The Java server SDK's updateRoom may send these two as well.
    let extras = store::rooms::ModifyExtras {
        custom: match map.remove("custom") {
            None => None,
            Some(Value::String(c)) => Some(c),
            Some(_) => return Err(EmError::invalid_parameter("custom must be a string")),
        },
        membersonly: match map.remove("need_verify") {
            None => None,
            Some(Value::Bool(b)) => Some(b),
            Some(_) => return Err(EmError::invalid_parameter("need_verify must be a boolean")),
        },
    };
    let unknown: Vec<&str> = map
        .keys()
        .map(String::as_str)
        .filter(|k| !ModifyChatroom::FIELDS.contains(k))
        .collect();
    if !unknown.is_empty() {
        return Err(EmError::unknown_fields(&unknown));
    }
    let changes: ModifyChatroom = serde_json::from_value(Value::Object(map))
        .map_err(|e| EmError::invalid_parameter(format!("request body is not valid: {e}")))?;
    let (custom, need_verify) = (extras.custom.is_some(), extras.membersonly.is_some());
    let result = ctx
        .state
        .store
        .run(move |c| store::rooms::modify(c, &id, &changes, &extras))
        .await?;
    // One flag per field sent, the extras too.
    let mut data = serde_json::to_value(result).map_err(EmError::internal)?;
    if let Value::Object(flags) = &mut data {
        if custom {
            flags.insert("custom".into(), Value::Bool(true));
        }
        if need_verify {
            flags.insert("need_verify".into(), Value::Bool(true));
        }
    }
    Ok(ok(ctx.envelope::<_, Value>("put", Some(data))))
}

async fn transfer(
    ctx: super::Ctx,
    id: String,
    map: Map<String, Value>,
) -> Result<Response, EmError> {
    if map.len() > 1 {
        let others: Vec<&str> = map
            .keys()
            .map(String::as_str)
            .filter(|k| *k != "newowner")
            .collect();
        return Err(EmError::unknown_fields(&others));
    }
    let req: TransferChatroom = serde_json::from_value(Value::Object(map))
        .map_err(|e| EmError::invalid_parameter(format!("request body is not valid: {e}")))?;
    if req.newowner.is_empty() {
        return Err(EmError::must_be_provided("newowner"));
    }
    ctx.state
        .store
        .run(move |c| store::rooms::transfer(c, &id, &req.newowner))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>(
        "put",
        Some(TransferredChatroom { newowner: true }),
    )))
}

/// `DELETE /chatrooms/{id}`.
pub async fn dissolve(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let room_id = ctx
        .state
        .store
        .run(move |c| store::rooms::dissolve(c, &id))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>(
        "delete",
        Some(DissolvedChatroom {
            success: true,
            id: room_id.to_string(),
        }),
    )))
}
