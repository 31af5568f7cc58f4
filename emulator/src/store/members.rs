//! Members of a room: list, add (one or many), remove (one or many).

use super::{affiliations, is_member, member_count, next_join_seq, room, room_to_change, user};
use super::{distinct_users, insert_member, is_blocked, leave};
use crate::error::EmError;
use easemob_api::wire::{Affiliation, RemovedMember};
use easemob_api::Refusal;
use rusqlite::Connection;

/// One page of a room's members, owner first.
pub fn list(
    conn: &mut Connection,
    id: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<Affiliation>, EmError> {
    let tx = super::read(conn)?;
    let room = room(&tx, id)?.ok_or_else(|| EmError::room_not_found_on_read(id))?;
    affiliations(&tx, room.id, limit, offset)
}

/// A member as the web SDK's cursor-paged list shows one: `owner`, `admin` or `member`, the
/// username, and when they joined (ms).
pub struct RoleAndJoin {
    pub role: &'static str,
    pub username: String,
    pub joined_at: i64,
}

/// One page of a room's members with their roles and join times, in the order of [`list`];
/// and whether more follow.
pub fn list_with_roles(
    conn: &mut Connection,
    id: &str,
    limit: i64,
    offset: i64,
) -> Result<(Vec<RoleAndJoin>, bool), EmError> {
    let tx = super::read(conn)?;
    let room = room(&tx, id)?.ok_or_else(|| EmError::room_not_found_on_read(id))?;
    let mut stmt = tx.prepare_cached(
        "SELECT username, is_owner, is_admin, joined_at FROM members WHERE room_id = ?1
         ORDER BY is_owner DESC, joined LIMIT ?2 OFFSET ?3",
    )?;
    let mut rows: Vec<RoleAndJoin> = stmt
        .query_map(rusqlite::params![room.id, limit + 1, offset], |r| {
            Ok(RoleAndJoin {
                username: r.get(0)?,
                role: match (r.get::<_, bool>(1)?, r.get::<_, bool>(2)?) {
                    (true, _) => "owner",
                    (false, true) => "admin",
                    _ => "member",
                },
                joined_at: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    Ok((rows, more))
}

/// Adds users who exist; all or nothing. Users already in the room count as added, and the
/// whole room, owner included, stays within `maxusers`. Returns the room's id and every user
/// named, once each, in the stored spelling.
pub fn add(
    conn: &mut Connection,
    id: &str,
    names: &[String],
) -> Result<(i64, Vec<String>), EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    // A name given twice (in any case) is one user, reported once.
    let users = distinct_users(&tx, names)?;
    let mut new = Vec::new();
    for u in &users {
        if is_blocked(&tx, room.id, u)? {
            return Err(Refusal::UserBlocked {
                username: u.clone(),
            }
            .into());
        }
        if !is_member(&tx, room.id, u)? {
            new.push(u.as_str());
        }
    }
    if member_count(&tx, room.id)? + new.len() as i64 > room.maxusers {
        return Err(EmError::room_full(&room.id.to_string()));
    }
    let first = next_join_seq(&tx)?;
    for (seq, u) in (first..).zip(&new) {
        insert_member(&tx, room.id, u, false, seq)?;
    }
    tx.commit()?;
    Ok((room.id, users))
}

/// Removes one member; the owner cannot be removed.
pub fn remove_one(conn: &mut Connection, id: &str, name: &str) -> Result<RemovedMember, EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    let room_id = room.id.to_string();
    let user = user(&tx, name)?.ok_or_else(|| EmError::user_not_found(name))?;
    if user.eq_ignore_ascii_case(&room.owner) {
        return Err(EmError::owner_cannot_leave(&user, &room_id));
    }
    if !is_member(&tx, room.id, &user)? {
        return Err(EmError::not_members(&[user], false));
    }
    leave(&tx, room.id, &user)?;
    tx.commit()?;
    Ok(RemovedMember {
        result: true,
        action: "remove_member".into(),
        reason: None,
        user,
        id: room_id,
    })
}

/// Removes several members, each reported with its result. When nobody named is in the room
/// the whole call is refused, as the server does.
pub fn remove_many(
    conn: &mut Connection,
    id: &str,
    names: &[String],
) -> Result<Vec<RemovedMember>, EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    let room_id = room.id.to_string();
    let mut results = Vec::new();
    let mut anyone_in_room = false;
    for name in names {
        let stored = user(&tx, name)?;
        let refusal = match &stored {
            Some(u) if u.eq_ignore_ascii_case(&room.owner) => {
                anyone_in_room = true;
                Some(EmError::owner_cannot_leave(u, &room_id))
            }
            Some(u) if is_member(&tx, room.id, u)? => None,
            _ => Some(EmError::not_in_room(name, &room_id)),
        };
        let user = stored.unwrap_or_else(|| name.clone());
        if refusal.is_none() {
            anyone_in_room = true;
            leave(&tx, room.id, &user)?;
        }
        results.push(RemovedMember {
            result: refusal.is_none(),
            action: "remove_member".into(),
            reason: refusal.map(|e| e.description),
            user,
            id: room_id.clone(),
        });
    }
    if !anyone_in_room {
        return Err(EmError::not_members(names, true));
    }
    tx.commit()?;
    Ok(results)
}
