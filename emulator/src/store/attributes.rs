//! A room's custom attributes. Each belongs to the user who set it; a plain set or delete
//! cannot touch another user's, a forced one can.

use super::{is_member, room_to_change, user};
use crate::error::EmError;
use easemob_api::limits::{self, check_attribute_key, Invalid};
use easemob_api::wire::AttributesChanged;
use easemob_api::{KeyReason, Refusal};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeMap;

fn batch(n: usize) -> Result<(), EmError> {
    if n > limits::ATTRIBUTES_PER_CALL {
        return Err(Refusal::AttributeBatchTooLarge {
            max: limits::ATTRIBUTES_PER_CALL,
        }
        .into());
    }
    Ok(())
}

/// The room's attributes, or only `keys` (those it has).
pub fn get(
    conn: &mut Connection,
    id: &str,
    keys: Option<Vec<String>>,
) -> Result<BTreeMap<String, String>, EmError> {
    let tx = super::read(conn)?;
    let room = room_to_change(&tx, id)?;
    let mut stmt = tx.prepare_cached("SELECT key, value FROM attributes WHERE room_id = ?1")?;
    let all = stmt
        .query_map([room.id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<Result<BTreeMap<_, _>, _>>()?;
    Ok(match keys {
        Some(keys) if !keys.is_empty() => {
            batch(keys.len())?;
            all.into_iter().filter(|(k, _)| keys.contains(k)).collect()
        }
        _ => all,
    })
}

/// The member the call acts as, or the refusal for one who is not in the room.
fn acting_member(conn: &Connection, room_id: i64, name: &str) -> Result<String, EmError> {
    match user(conn, name)? {
        Some(u) if is_member(conn, room_id, &u)? => Ok(u),
        _ => Err(Refusal::AttributeUserNotInRoom.into()),
    }
}

fn owner_of(conn: &Connection, room_id: i64, key: &str) -> Result<Option<String>, EmError> {
    Ok(conn
        .query_row(
            "SELECT owner FROM attributes WHERE room_id = ?1 AND key = ?2",
            params![room_id, key],
            |r| r.get(0),
        )
        .optional()?)
}

/// Sets attributes as `name`; each key that breaks a limit is reported, the rest are set.
pub fn set(
    conn: &mut Connection,
    id: &str,
    name: &str,
    attrs: BTreeMap<String, String>,
    auto_delete: bool,
    forced: bool,
) -> Result<AttributesChanged, EmError> {
    if attrs.is_empty() {
        return Err(EmError::must_be_provided("metaData"));
    }
    batch(attrs.len())?;
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    let owner = acting_member(&tx, room.id, name)?;
    if !forced {
        for k in attrs.keys() {
            if owner_of(&tx, room.id, k)?.is_some_and(|o| !o.eq_ignore_ascii_case(&owner)) {
                return Err(Refusal::AttributesOfOthers.into());
            }
        }
    }
    let mut count: i64 = tx.query_row(
        "SELECT COUNT(*) FROM attributes WHERE room_id = ?1",
        [room.id],
        |r| r.get(0),
    )?;
    let mut done = AttributesChanged::default();
    for (k, v) in attrs {
        let exists = owner_of(&tx, room.id, &k)?.is_some();
        let refusal = match check_attribute_key(&k) {
            Err(Invalid::TooLong { max, .. }) => Some(KeyReason::KeyTooLong { max }),
            Err(_) => Some(KeyReason::KeyNotLegal),
            Ok(()) if v.chars().count() > limits::ATTRIBUTE_VALUE_MAX_CHARS => {
                Some(KeyReason::ValueTooLong {
                    max: limits::ATTRIBUTE_VALUE_MAX_CHARS,
                })
            }
            Ok(()) if !exists && count >= limits::ATTRIBUTES_PER_ROOM as i64 => {
                Some(KeyReason::RoomFull {
                    max: limits::ATTRIBUTES_PER_ROOM,
                })
            }
            Ok(()) => None,
        };
        match refusal {
            Some(r) => {
                done.error_keys.insert(k.clone(), r.text(&k));
            }
            None => {
                tx.execute(
                    "INSERT INTO attributes (room_id, key, value, owner, auto_delete)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (room_id, key) DO UPDATE SET value = ?3, owner = ?4, auto_delete = ?5",
                    params![room.id, k, v, owner, auto_delete],
                )?;
                count += i64::from(!exists);
                done.success_keys.push(k);
            }
        }
    }
    tx.commit()?;
    Ok(done)
}

/// Deletes keys as `name` (or, forced, whoever set them); each key not deleted is reported.
pub fn delete(
    conn: &mut Connection,
    id: &str,
    name: &str,
    keys: Vec<String>,
    forced: bool,
) -> Result<AttributesChanged, EmError> {
    if keys.is_empty() {
        return Err(EmError::must_be_provided("keys"));
    }
    batch(keys.len())?;
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    let actor = if forced {
        None
    } else {
        Some(acting_member(&tx, room.id, name)?)
    };
    let mut done = AttributesChanged::default();
    for k in keys {
        let refusal = match (owner_of(&tx, room.id, &k)?, &actor) {
            (None, _) => Some(KeyReason::NotSet),
            (Some(o), Some(a)) if !o.eq_ignore_ascii_case(a) => Some(KeyReason::OwnedByOther),
            _ => None,
        };
        match refusal {
            Some(r) => {
                done.error_keys.insert(k.clone(), r.text(&k));
            }
            None => {
                tx.execute(
                    "DELETE FROM attributes WHERE room_id = ?1 AND key = ?2",
                    params![room.id, k],
                )?;
                done.success_keys.push(k);
            }
        }
    }
    tx.commit()?;
    Ok(done)
}
