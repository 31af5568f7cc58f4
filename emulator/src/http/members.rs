//! Members of a room: list, add one or many, remove one or many (which is also how a member
//! leaves).

use super::{ok, Authed, JsonBody};
use crate::error::EmError;
use crate::store;
use axum::response::Response;
use easemob_api::limits;
use easemob_api::wire::*;
use rusqlite::params;
use serde_json::Value;

/// `GET /chatrooms/{id}/users?pagenum&pagesize`: owner first, then members in join order.
pub async fn list(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let pagenum = ctx
        .query_number("pagenum", u32::MAX as u64)?
        .unwrap_or(1)
        .max(1) as i64;
    let pagesize = ctx
        .query_number("pagesize", limits::PAGE_SIZE_MAX as u64)?
        .unwrap_or(limits::PAGE_SIZE_MAX as u64)
        .max(1) as i64;
    let conn = ctx.state.store.lock();
    let room = store::room(&conn, &id)?.ok_or_else(|| EmError::room_not_found_on_read(&id))?;
    let data = store::affiliations(&conn, room.id, pagesize, (pagenum - 1) * pagesize)?;
    let mut env = ctx.envelope::<_, Value>("get", Some(data));
    env.count = env.data.as_ref().map(|d| d.len() as u64);
    env.params = ctx.params();
    Ok(ok(env))
}

fn room_full(id: i64) -> EmError {
    EmError::forbidden_op(format!(
        "can not join this group, reason:chatroom {id} has reached its maxusers"
    ))
}

/// Adds users who exist; all or nothing. Users already in the room count as added.
fn add(ctx: &super::Ctx, id: &str, names: &[String]) -> Result<(i64, Vec<String>), EmError> {
    let conn = ctx.state.store.lock();
    let room = store::room(&conn, id)?.ok_or_else(|| EmError::room_not_found(id))?;
    let mut users = store::users_exist(&conn, names)?;
    // A name given twice (in any case) is one user, reported once.
    let mut seen = std::collections::HashSet::new();
    users.retain(|u| seen.insert(u.to_ascii_lowercase()));
    let mut new = Vec::new();
    for u in &users {
        if !store::is_member(&conn, room.id, u)?
            && !new.iter().any(|n: &String| n.eq_ignore_ascii_case(u))
        {
            new.push(u.clone());
        }
    }
    if store::member_count(&conn, room.id)? + new.len() as i64 > room.maxusers {
        return Err(room_full(room.id));
    }
    let tx = conn.unchecked_transaction()?;
    let first = store::next_join_seq(&tx)?;
    for (seq, u) in (first..).zip(&new) {
        tx.execute(
            "INSERT INTO members (room_id, username, is_owner, joined) VALUES (?1, ?2, 0, ?3)",
            params![room.id, u, seq],
        )?;
    }
    tx.commit()?;
    Ok((room.id, users))
}

/// `POST /chatrooms/{id}/users/{username}`.
pub async fn add_one(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let username = ctx.segment(3).to_string();
    let (room_id, mut users) = add(&ctx, &id, std::slice::from_ref(&username))?;
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
    JsonBody(body): JsonBody<AddMembersBody>,
) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    if body.usernames.is_empty() {
        return Err(EmError::must_be_provided("usernames"));
    }
    if body.usernames.len() > limits::ADD_MEMBERS_MAX {
        return Err(EmError::invalid_parameter(format!(
            "addMembers: addMembers number more than maxSize : {}",
            limits::ADD_MEMBERS_MAX
        )));
    }
    let (room_id, users) = add(&ctx, &id, &body.usernames)?;
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
    let names: Vec<String> = list
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if names.is_empty() {
        return Err(EmError::must_be_provided("username"));
    }
    if names.len() > limits::REMOVE_MEMBERS_MAX {
        return Err(EmError::invalid_parameter(format!(
            "kickMember: kickMembers number more than maxSize : {}",
            limits::REMOVE_MEMBERS_MAX
        )));
    }
    let conn = ctx.state.store.lock();
    let room = store::room(&conn, &id)?.ok_or_else(|| EmError::room_not_found(&id))?;
    let room_id = room.id.to_string();
    if !batch {
        let name = &names[0];
        let user = store::user(&conn, name)?.ok_or_else(|| EmError::user_not_found(name))?;
        if user.eq_ignore_ascii_case(&room.owner) {
            return Err(EmError::forbidden_op(format!(
                "user: {user} is the owner of group: {room_id} and can not be removed"
            )));
        }
        if !store::is_member(&conn, room.id, &user)? {
            return Err(EmError::not_members(&[user], false));
        }
        conn.execute(
            "DELETE FROM members WHERE room_id = ?1 AND username = ?2",
            params![room.id, user],
        )?;
        return Ok(ok(ctx.envelope::<_, Value>(
            "delete",
            Some(RemovedMember {
                result: true,
                action: "remove_member".into(),
                reason: None,
                user,
                id: room_id,
            }),
        )));
    }
    let tx = conn.unchecked_transaction()?;
    let mut results = Vec::new();
    for name in &names {
        let stored = store::user(&tx, name)?;
        let reason = match &stored {
            Some(u) if u.eq_ignore_ascii_case(&room.owner) => Some(format!(
                "user: {u} is the owner of group: {room_id} and can not be removed"
            )),
            Some(u) if store::is_member(&tx, room.id, u)? => None,
            _ => Some(format!("user: {name} doesn't exist in group: {room_id}")),
        };
        let user = stored.unwrap_or_else(|| name.clone());
        if reason.is_none() {
            tx.execute(
                "DELETE FROM members WHERE room_id = ?1 AND username = ?2",
                params![room.id, user],
            )?;
        }
        results.push(RemovedMember {
            result: reason.is_none(),
            action: "remove_member".into(),
            reason,
            user,
            id: room_id.clone(),
        });
    }
    if results.iter().all(|r| !r.result)
        && results.iter().all(|r| {
            r.reason
                .as_deref()
                .is_some_and(|x| x.contains("doesn't exist in group"))
        })
    {
        // Nobody named is in the room: the whole call is refused, as the server does.
        return Err(EmError::not_members(&names, true));
    }
    tx.commit()?;
    Ok(ok(ctx.envelope::<_, Value>("delete", Some(results))))
}
