//! Rooms: list, details, create, edit, transfer, dissolve.

use super::{decode_cursor, encode_cursor, ok, Authed, JsonBody};
use crate::error::EmError;
use crate::store::{self, RoomRow};
use axum::response::Response;
use easemob_api::limits::{self, Field, Invalid};
use easemob_api::wire::*;
use rusqlite::{params, Connection};
use serde_json::{Map, Value};

/// `GET /chatrooms?limit&cursor`: newest rooms first; `cursor` only while more remain.
pub async fn list(Authed(ctx): Authed) -> Result<Response, EmError> {
    let limit = ctx
        .query_number("limit", limits::PAGE_SIZE_MAX as u64)?
        .unwrap_or(10)
        .max(1) as i64;
    let before = match ctx.query("cursor").filter(|c| !c.is_empty()) {
        Some(c) => decode_cursor('r', c)?,
        None => i64::MAX,
    };
    let conn = ctx.state.store.lock();
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, owner, (SELECT COUNT(*) FROM members m WHERE m.room_id = r.id)
         FROM rooms r WHERE id < ?1 ORDER BY id DESC LIMIT ?2",
    )?;
    let mut rows: Vec<(i64, ChatroomSummary)> = stmt
        .query_map(params![before, limit + 1], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                ChatroomSummary {
                    id: r.get::<_, i64>(0)?.to_string(),
                    name: r.get(1)?,
                    owner: r.get(2)?,
                    affiliations_count: r.get::<_, i64>(3)? as u64,
                    disabled: None,
                },
            ))
        })?
        .collect::<Result<_, _>>()?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let cursor = more.then(|| encode_cursor('r', rows.last().expect("a full page").0));
    let data: Vec<ChatroomSummary> = rows.into_iter().map(|(_, s)| s).collect();
    let mut env = ctx.envelope::<_, Value>("get", Some(data));
    env.count = env.data.as_ref().map(|d| d.len() as u64);
    env.params = ctx.params();
    env.cursor = cursor;
    Ok(ok(env))
}

pub fn detail(conn: &Connection, room: RoomRow) -> Result<ChatroomDetail, EmError> {
    let affiliations = store::affiliations(conn, room.id, -1, 0)?;
    Ok(ChatroomDetail {
        id: room.id.to_string(),
        name: room.name,
        description: room.description,
        membersonly: room.membersonly,
        allowinvites: room.allowinvites,
        maxusers: room.maxusers as u64,
        owner: room.owner,
        created: room.created as u64,
        custom: room.custom,
        affiliations_count: affiliations.len() as u64,
        affiliations,
        public: room.public,
        mute: Some(false),
        disabled: None,
    })
}

/// `GET /chatrooms/{id1},{id2},…`: the rooms that exist, in the order asked; 404 when none do.
pub async fn details(Authed(ctx): Authed) -> Result<Response, EmError> {
    let list = ctx.segment(1).to_string();
    let ids: Vec<&str> = list
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
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
    let conn = ctx.state.store.lock();
    let mut found = Vec::new();
    for id in &ids {
        if let Some(room) = store::room(&conn, id)? {
            found.push(detail(&conn, room)?);
        }
    }
    if found.is_empty() {
        return Err(EmError::room_not_found_on_read(&ids.join(",")));
    }
    let mut env = ctx.envelope::<_, Value>("get", Some(found));
    env.count = env.data.as_ref().map(|d| d.len() as u64);
    Ok(ok(env))
}

/// How the server words a broken limit on create and edit.
fn refuse(invalid: Invalid) -> EmError {
    match invalid {
        Invalid::Missing(f) => EmError::must_be_provided(f.wire_name()),
        Invalid::TooLong {
            field: Field::Name,
            max,
            ..
        } => EmError::exceed_limit(format!("title cannot exceed to {max}")),
        Invalid::TooLong {
            field: Field::Description,
            max,
            ..
        } => EmError::exceed_limit(format!("desc cannot exceed to {max}")),
        Invalid::TooLong { field, max, .. } => {
            EmError::exceed_limit(format!("{} cannot exceed to {max}", field.wire_name()))
        }
        Invalid::MaxUsersOutOfRange(n) if n > limits::MAXUSERS_MAX => {
            EmError::exceed_limit(format!("maxUsers cannot exceed {}", limits::MAXUSERS_MAX))
        }
        Invalid::MaxUsersOutOfRange(_) => {
            EmError::invalid_parameter("maxusers must be greater than 0")
        }
        Invalid::TooManyMembers { .. } => {
            EmError::exceed_limit("members size is greater than max user size !")
        }
        // The server checks registration, not spelling: a malformed name is an unknown user.
        Invalid::BadUsername { username, .. } => EmError::user_not_found(&username),
        Invalid::TooManyInOneCall { field, max, actual } => EmError::invalid_parameter(format!(
            "{} number {actual} more than maxSize : {max}",
            field.wire_name()
        )),
        Invalid::NothingToChange => EmError::invalid_parameter("nothing to modify"),
        Invalid::SameOwner(_) => EmError::forbidden_op("new owner and old owner are the same"),
    }
}

/// `POST /chatrooms`: all or nothing; an unknown owner or member creates no room.
pub async fn create(
    Authed(ctx): Authed,
    JsonBody(req): JsonBody<CreateChatroom>,
) -> Result<Response, EmError> {
    req.validate().map_err(refuse)?;
    let conn = ctx.state.store.lock();
    let owner = store::users_exist(&conn, std::slice::from_ref(&req.owner))?.remove(0);
    let mut members = store::users_exist(&conn, req.members.as_deref().unwrap_or(&[]))?;
    members.retain(|m| !m.eq_ignore_ascii_case(&owner));
    members.sort_by_key(|m| m.to_ascii_lowercase());
    members.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    let now = crate::now_ms();
    let tx = conn.unchecked_transaction()?;
    let id = store::next_room_id(&tx, now)?;
    tx.execute(
        "INSERT INTO rooms (id, name, description, maxusers, owner, created, custom) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            req.name,
            req.description,
            req.maxusers.unwrap_or(limits::MAXUSERS_DEFAULT) as i64,
            owner,
            now as i64,
            req.custom.clone().unwrap_or_default()
        ],
    )?;
    let mut seq = store::next_join_seq(&tx)?;
    tx.execute(
        "INSERT INTO members (room_id, username, is_owner, joined) VALUES (?1, ?2, 1, ?3)",
        params![id, owner, seq],
    )?;
    for m in &members {
        seq += 1;
        tx.execute(
            "INSERT INTO members (room_id, username, is_owner, joined) VALUES (?1, ?2, 0, ?3)",
            params![id, m, seq],
        )?;
    }
    tx.commit()?;
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
    let Value::Object(map) = body else {
        return Err(EmError::invalid_parameter(
            "request body must be a JSON object",
        ));
    };
    if map.contains_key("newowner") {
        return transfer(ctx, &id, map).await;
    }
    let unknown: Vec<&str> = map
        .keys()
        .map(String::as_str)
        .filter(|k| !ModifyChatroom::FIELDS.contains(k))
        .collect();
    if !unknown.is_empty() {
        return Err(EmError::invalid_parameter(format!(
            "some of [{}] are not valid fields",
            unknown.join(", ")
        )));
    }
    let changes: ModifyChatroom = serde_json::from_value(Value::Object(map))
        .map_err(|e| EmError::invalid_parameter(format!("request body is not valid: {e}")))?;
    let conn = ctx.state.store.lock();
    let room = store::room(&conn, &id)?.ok_or_else(|| EmError::room_not_found(&id))?;
    changes.validate().map_err(refuse)?;
    if let Some(n) = changes.maxusers {
        if (n as i64) < store::member_count(&conn, room.id)? {
            return Err(EmError::forbidden_op_bare(
                "current user count is larger than the maxUsers that you want to update !",
            ));
        }
    }
    let tx = conn.unchecked_transaction()?;
    let mut result = ModifiedChatroom::default();
    if let Some(name) = &changes.name {
        tx.execute(
            "UPDATE rooms SET name = ?1 WHERE id = ?2",
            params![name, room.id],
        )?;
        result.groupname = Some(true);
    }
    if let Some(d) = &changes.description {
        tx.execute(
            "UPDATE rooms SET description = ?1 WHERE id = ?2",
            params![d, room.id],
        )?;
        result.description = Some(true);
    }
    if let Some(n) = changes.maxusers {
        tx.execute(
            "UPDATE rooms SET maxusers = ?1 WHERE id = ?2",
            params![n as i64, room.id],
        )?;
        result.maxusers = Some(true);
    }
    tx.commit()?;
    Ok(ok(ctx.envelope::<_, Value>("put", Some(result))))
}

async fn transfer(ctx: super::Ctx, id: &str, map: Map<String, Value>) -> Result<Response, EmError> {
    if map.len() > 1 {
        let others: Vec<&str> = map
            .keys()
            .map(String::as_str)
            .filter(|k| *k != "newowner")
            .collect();
        return Err(EmError::invalid_parameter(format!(
            "some of [{}] are not valid fields",
            others.join(", ")
        )));
    }
    let req: TransferChatroom = serde_json::from_value(Value::Object(map))
        .map_err(|e| EmError::invalid_parameter(format!("request body is not valid: {e}")))?;
    if req.newowner.is_empty() {
        return Err(EmError::must_be_provided("newowner"));
    }
    let conn = ctx.state.store.lock();
    let room = store::room(&conn, id)?.ok_or_else(|| EmError::room_not_found(id))?;
    let new_owner =
        store::user(&conn, &req.newowner)?.ok_or_else(|| EmError::user_not_found(&req.newowner))?;
    if new_owner.eq_ignore_ascii_case(&room.owner) {
        return Err(EmError::forbidden_op(
            "new owner and old owner are the same",
        ));
    }
    if !store::is_member(&conn, room.id, &new_owner)? {
        return Err(EmError::forbidden_op(format!(
            "user: {new_owner} doesn't exist in group: {}",
            room.id
        )));
    }
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "UPDATE members SET is_owner = 0 WHERE room_id = ?1 AND username = ?2",
        params![room.id, room.owner],
    )?;
    tx.execute(
        "UPDATE members SET is_owner = 1 WHERE room_id = ?1 AND username = ?2",
        params![room.id, new_owner],
    )?;
    tx.execute(
        "UPDATE rooms SET owner = ?1 WHERE id = ?2",
        params![new_owner, room.id],
    )?;
    tx.commit()?;
    Ok(ok(ctx.envelope::<_, Value>(
        "put",
        Some(TransferredChatroom { newowner: true }),
    )))
}

/// `DELETE /chatrooms/{id}`.
pub async fn dissolve(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let conn = ctx.state.store.lock();
    let room = store::room(&conn, &id)?.ok_or_else(|| EmError::room_not_found(&id))?;
    let tx = conn.unchecked_transaction()?;
    tx.execute("DELETE FROM members WHERE room_id = ?1", [room.id])?;
    tx.execute("DELETE FROM rooms WHERE id = ?1", [room.id])?;
    tx.commit()?;
    Ok(ok(ctx.envelope::<_, Value>(
        "delete",
        Some(DissolvedChatroom {
            success: true,
            id: room.id.to_string(),
        }),
    )))
}
