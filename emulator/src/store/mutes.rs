//! The mute list (a mark on a membership, with its end) and muting the whole room.

use super::{distinct_users, is_member, room_to_change, user};
use crate::error::EmError;
use easemob_api::wire::{MuteResult, MutedUser, MUTE_FOREVER};
use easemob_api::{Refusal, UserReason};
use rusqlite::{params, Connection};

/// The members muted now, in join order, with when each mute ends.
pub fn list(conn: &mut Connection, id: &str, now: i64) -> Result<Vec<MutedUser>, EmError> {
    let tx = super::read(conn)?;
    let room = room_to_change(&tx, id)?;
    let mut stmt = tx.prepare_cached(
        "SELECT username, muted_until FROM members
         WHERE room_id = ?1 AND (muted_until = -1 OR muted_until > ?2) ORDER BY joined",
    )?;
    let rows = stmt.query_map(params![room.id, now], |r| {
        Ok(MutedUser {
            user: r.get(0)?,
            expire: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Mutes members for `duration` ms (-1 for ever; 0 lifts the mute). All or nothing: every
/// user must exist and be in the room.
pub fn mute(
    conn: &mut Connection,
    id: &str,
    names: &[String],
    duration: i64,
    now: i64,
) -> Result<Vec<MuteResult>, EmError> {
    if duration < MUTE_FOREVER {
        return Err(EmError::invalid_parameter(format!(
            "mute_duration {duration} is not valid"
        )));
    }
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    let users = distinct_users(&tx, names)?;
    let mut outside = Vec::new();
    for u in &users {
        if !is_member(&tx, room.id, u)? {
            outside.push(u.clone());
        }
    }
    if !outside.is_empty() {
        return Err(Refusal::MuteNotMembers { users: outside }.into());
    }
    let until = match duration {
        MUTE_FOREVER => Some(MUTE_FOREVER),
        0 => None,
        ms => Some(now.saturating_add(ms)),
    };
    let mut stmt = tx.prepare_cached(
        "UPDATE members SET muted_until = ?3 WHERE room_id = ?1 AND username = ?2",
    )?;
    let mut results = Vec::new();
    for u in users {
        stmt.execute(params![room.id, u, until])?;
        results.push(MuteResult {
            result: true,
            expire: Some(until.unwrap_or(now)),
            reason: None,
            user: u,
        });
    }
    drop(stmt);
    tx.commit()?;
    Ok(results)
}

/// Lifts the mute of each user; a user who is not muted is already where the call leads.
pub fn unmute(
    conn: &mut Connection,
    id: &str,
    names: &[String],
) -> Result<Vec<MuteResult>, EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    let mut results = Vec::new();
    for name in names {
        let found = user(&tx, name)?;
        if let Some(u) = &found {
            tx.execute(
                "UPDATE members SET muted_until = NULL WHERE room_id = ?1 AND username = ?2",
                params![room.id, u],
            )?;
        }
        results.push(MuteResult {
            result: found.is_some(),
            expire: None,
            reason: found
                .is_none()
                .then(|| UserReason::NoSuchUser { user: name.clone() }.text()),
            user: found.unwrap_or_else(|| name.clone()),
        });
    }
    tx.commit()?;
    Ok(results)
}

/// Mutes or unmutes the whole room; returns the new state.
pub fn mute_all(conn: &mut Connection, id: &str, on: bool) -> Result<bool, EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    tx.execute(
        "UPDATE rooms SET mute_all = ?2 WHERE id = ?1",
        params![room.id, on],
    )?;
    tx.commit()?;
    Ok(on)
}
