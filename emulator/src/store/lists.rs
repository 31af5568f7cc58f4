//! A room's blocklist and allowlist. Both hold members only when a user is added; blocking
//! takes the user out of the room, and keeps them out until they are taken off the list.

use super::{is_blocked, is_member, leave, room_to_change, user};
use crate::error::EmError;
use easemob_api::wire::ListChange;
use easemob_api::{RoomList, UserReason};
use rusqlite::{params, Connection};

/// The list's users, in the order they were added.
pub fn list(conn: &mut Connection, id: &str, list: RoomList) -> Result<Vec<String>, EmError> {
    let tx = super::read(conn)?;
    let room = room_to_change(&tx, id)?;
    let sql = match list {
        RoomList::Block => "SELECT username FROM blocks WHERE room_id = ?1 ORDER BY added",
        RoomList::Allow => {
            "SELECT username FROM members WHERE room_id = ?1 AND allowed = 1 ORDER BY joined"
        }
    };
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map([room.id], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn on_list(conn: &Connection, room_id: i64, list: RoomList, u: &str) -> Result<bool, EmError> {
    match list {
        RoomList::Block => is_blocked(conn, room_id, u),
        RoomList::Allow => Ok(conn.query_row(
            "SELECT COUNT(*) FROM members WHERE room_id = ?1 AND username = ?2 AND allowed = 1",
            params![room_id, u],
            |r| r.get::<_, i64>(0),
        )? > 0),
    }
}

/// Whether a user is on the list: the username (in the stored spelling when registered) and
/// the answer. Someone unknown or not in the room is not on it.
pub fn is_on(
    conn: &mut Connection,
    id: &str,
    list: RoomList,
    name: &str,
) -> Result<(String, bool), EmError> {
    let tx = super::read(conn)?;
    let room = room_to_change(&tx, id)?;
    Ok(match user(&tx, name)? {
        Some(u) => {
            let on = on_list(&tx, room.id, list, &u)?;
            (u, on)
        }
        None => (name.to_string(), false),
    })
}

/// Adds each user, with a result each. When nobody named could be added because nobody is in
/// the room, the whole call is refused, as the server does.
pub fn add(
    conn: &mut Connection,
    id: &str,
    list: RoomList,
    names: &[String],
    now: i64,
    batch: bool,
) -> Result<Vec<ListChange>, EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    let room_id = room.id.to_string();
    let mut results = Vec::new();
    let mut outside = Vec::new();
    for name in names {
        let found = user(&tx, name)?;
        let refusal = match &found {
            None => Some(UserReason::NoSuchUser { user: name.clone() }),
            Some(u) if on_list(&tx, room.id, list, u)? => None,
            Some(u) if list == RoomList::Block && u.eq_ignore_ascii_case(&room.owner) => {
                Some(UserReason::IsOwner {
                    user: u.clone(),
                    room: room_id.clone(),
                })
            }
            Some(u) if !is_member(&tx, room.id, u)? => {
                outside.push(u.clone());
                Some(UserReason::NotInRoom {
                    user: u.clone(),
                    room: room_id.clone(),
                })
            }
            Some(u) => {
                match list {
                    RoomList::Block => {
                        leave(&tx, room.id, u)?;
                        // `added` orders the list: the time, or just after the last block
                        // when several land in one millisecond.
                        tx.execute(
                            "INSERT INTO blocks (room_id, username, added)
                             VALUES (?1, ?2, MAX(?3, (SELECT COALESCE(MAX(added), 0) + 1
                                                      FROM blocks WHERE room_id = ?1)))",
                            params![room.id, u, now],
                        )?;
                    }
                    RoomList::Allow => {
                        tx.execute(
                            "UPDATE members SET allowed = 1 WHERE room_id = ?1 AND username = ?2",
                            params![room.id, u],
                        )?;
                    }
                }
                None
            }
        };
        results.push(ListChange {
            result: refusal.is_none(),
            action: list.add_action().into(),
            reason: refusal.map(|r| r.text()),
            user: found.unwrap_or_else(|| name.clone()),
            chatroomid: room_id.clone(),
        });
    }
    if outside.len() == names.len() {
        return Err(EmError::not_members(&outside, batch));
    }
    tx.commit()?;
    Ok(results)
}

/// Takes each user off the list, with a result each.
pub fn remove(
    conn: &mut Connection,
    id: &str,
    list: RoomList,
    names: &[String],
) -> Result<Vec<ListChange>, EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    let room_id = room.id.to_string();
    let mut results = Vec::new();
    for name in names {
        let found = user(&tx, name)?;
        let refusal = match &found {
            None => Some(UserReason::NoSuchUser { user: name.clone() }),
            Some(u) if !on_list(&tx, room.id, list, u)? => {
                Some(UserReason::NotOnList { user: u.clone() })
            }
            Some(u) => {
                match list {
                    RoomList::Block => tx.execute(
                        "DELETE FROM blocks WHERE room_id = ?1 AND username = ?2",
                        params![room.id, u],
                    )?,
                    RoomList::Allow => tx.execute(
                        "UPDATE members SET allowed = 0 WHERE room_id = ?1 AND username = ?2",
                        params![room.id, u],
                    )?,
                };
                None
            }
        };
        results.push(ListChange {
            result: refusal.is_none(),
            action: list.remove_action().into(),
            reason: refusal.map(|r| r.text()),
            user: found.unwrap_or_else(|| name.clone()),
            chatroomid: room_id.clone(),
        });
    }
    tx.commit()?;
    Ok(results)
}
