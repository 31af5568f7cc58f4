//! A room's announcement.

use super::room_to_change;
use crate::error::EmError;
use easemob_api::{limits, Refusal};
use rusqlite::{params, Connection};

pub fn get(conn: &mut Connection, id: &str) -> Result<String, EmError> {
    let tx = super::read(conn)?;
    let room = room_to_change(&tx, id)?;
    Ok(tx.query_row(
        "SELECT announcement FROM rooms WHERE id = ?1",
        [room.id],
        |r| r.get(0),
    )?)
}

/// Replaces the announcement; returns the room's id.
pub fn set(conn: &mut Connection, id: &str, text: &str) -> Result<i64, EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    if text.chars().count() > limits::ANNOUNCEMENT_MAX_CHARS {
        return Err(Refusal::AnnouncementTooLong.into());
    }
    tx.execute(
        "UPDATE rooms SET announcement = ?2 WHERE id = ?1",
        params![room.id, text],
    )?;
    tx.commit()?;
    Ok(room.id)
}
