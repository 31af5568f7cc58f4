//! Room admins: a mark on a membership. At most 99 a room; the owner is not one.

use super::{is_member, room_to_change, user};
use crate::error::EmError;
use easemob_api::{limits, Refusal};
use rusqlite::{params, Connection, OptionalExtension};

/// The admins, in join order.
pub fn list(conn: &mut Connection, id: &str) -> Result<Vec<String>, EmError> {
    let tx = super::read(conn)?;
    let room = room_to_change(&tx, id)?;
    let mut stmt = tx.prepare_cached(
        "SELECT username FROM members WHERE room_id = ?1 AND is_admin = 1 ORDER BY joined",
    )?;
    let rows = stmt.query_map([room.id], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn is_admin(conn: &Connection, room_id: i64, username: &str) -> Result<bool, EmError> {
    Ok(conn
        .query_row(
            "SELECT is_admin FROM members WHERE room_id = ?1 AND username = ?2",
            params![room_id, username],
            |r| r.get::<_, bool>(0),
        )
        .optional()?
        .unwrap_or(false))
}

/// Makes a member an admin; returns the stored spelling.
pub fn add(conn: &mut Connection, id: &str, name: &str) -> Result<String, EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    let username = user(&tx, name)?.ok_or_else(|| EmError::user_not_found(name))?;
    if username.eq_ignore_ascii_case(&room.owner) || is_admin(&tx, room.id, &username)? {
        return Err(Refusal::AlreadyAdmin { username }.into());
    }
    if !is_member(&tx, room.id, &username)? {
        return Err(Refusal::AdminMustBeMember {
            username,
            room: room.id.to_string(),
        }
        .into());
    }
    let admins: i64 = tx.query_row(
        "SELECT COUNT(*) FROM members WHERE room_id = ?1 AND is_admin = 1",
        [room.id],
        |r| r.get(0),
    )?;
    if admins as usize >= limits::ADMINS_MAX {
        return Err(Refusal::TooManyAdmins {
            max: limits::ADMINS_MAX,
        }
        .into());
    }
    tx.execute(
        "UPDATE members SET is_admin = 1 WHERE room_id = ?1 AND username = ?2",
        params![room.id, username],
    )?;
    tx.commit()?;
    Ok(username)
}

/// Makes an admin a plain member again; returns the stored spelling.
pub fn remove(conn: &mut Connection, id: &str, name: &str) -> Result<String, EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    let username = user(&tx, name)?.ok_or_else(|| EmError::user_not_found(name))?;
    if !is_admin(&tx, room.id, &username)? {
        return Err(Refusal::NotAdmin { username }.into());
    }
    tx.execute(
        "UPDATE members SET is_admin = 0 WHERE room_id = ?1 AND username = ?2",
        params![room.id, username],
    )?;
    tx.commit()?;
    Ok(username)
}
