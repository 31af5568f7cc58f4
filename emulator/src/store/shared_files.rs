//! Files shared in a room (the web SDK's upload, list and delete; not in the REST documents,
//! so shaped after the group API's shared files).

use super::{room, room_to_change};
use crate::error::EmError;
use easemob_api::Refusal;
use rusqlite::{params, Connection, OptionalExtension};

pub struct SharedFile {
    pub id: String,
    pub room_id: i64,
    pub name: String,
    pub owner: String,
    pub size: i64,
    pub created: i64,
}

/// Keeps a file in the room.
pub fn add(
    conn: &mut Connection,
    room_id: &str,
    name: &str,
    owner: &str,
    content: &[u8],
    now: i64,
) -> Result<SharedFile, EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, room_id)?;
    let file = SharedFile {
        id: crate::demo::uuid(&mut rand::rng()),
        room_id: room.id,
        name: name.to_string(),
        owner: owner.to_string(),
        size: content.len() as i64,
        created: now,
    };
    tx.execute(
        "INSERT INTO shared_files (id, room_id, name, owner, size, created, content)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            file.id,
            file.room_id,
            file.name,
            file.owner,
            file.size,
            file.created,
            content
        ],
    )?;
    tx.commit()?;
    Ok(file)
}

/// A page of the room's files, oldest first.
pub fn list(
    conn: &mut Connection,
    room_id: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<SharedFile>, EmError> {
    let tx = super::read(conn)?;
    let room = room(&tx, room_id)?.ok_or_else(|| EmError::room_not_found_on_read(room_id))?;
    let mut stmt = tx.prepare_cached(
        "SELECT id, name, owner, size, created FROM shared_files WHERE room_id = ?1
         ORDER BY seq LIMIT ?2 OFFSET ?3",
    )?;
    let files = stmt
        .query_map(params![room.id, limit, offset], |r| {
            Ok(SharedFile {
                id: r.get(0)?,
                room_id: room.id,
                name: r.get(1)?,
                owner: r.get(2)?,
                size: r.get(3)?,
                created: r.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(files)
}

/// A file's name and content.
pub fn content(
    conn: &mut Connection,
    room_id: &str,
    file_id: &str,
) -> Result<(String, Vec<u8>), EmError> {
    let tx = super::read(conn)?;
    let room = room(&tx, room_id)?.ok_or_else(|| EmError::room_not_found_on_read(room_id))?;
    tx.query_row(
        "SELECT name, content FROM shared_files WHERE room_id = ?1 AND id = ?2",
        params![room.id, file_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or_else(|| not_found(file_id))
}

/// Deletes a file of the room; returns the room's id.
pub fn delete(conn: &mut Connection, room_id: &str, file_id: &str) -> Result<i64, EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, room_id)?;
    let gone = tx.execute(
        "DELETE FROM shared_files WHERE room_id = ?1 AND id = ?2",
        params![room.id, file_id],
    )?;
    if gone == 0 {
        return Err(not_found(file_id));
    }
    tx.commit()?;
    Ok(room.id)
}

fn not_found(file_id: &str) -> EmError {
    Refusal::SharedFileNotFound {
        file_id: file_id.into(),
    }
    .into()
}
