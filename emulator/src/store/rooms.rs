//! Rooms: list, details, create, edit, transfer, dissolve.

use super::{affiliations, insert_member, member_count, room, room_to_change, user, users_exist};
use super::{is_member, next_join_seq, RoomRow};
use crate::error::EmError;
use easemob_api::error::batch_heads;
use easemob_api::limits::{self, Invalid};
use easemob_api::wire::*;
use rusqlite::{params, Connection};

/// One page of rooms, newest first, older than the room `before`; `more` when another page
/// follows.
pub struct Page {
    pub rooms: Vec<ChatroomSummary>,
    /// The id of the last room served, to start the next page after.
    pub last: Option<i64>,
    pub more: bool,
}

/// `offset` skips that many first (the page-number paging official clients still send).
pub fn list(conn: &Connection, before: i64, limit: i64, offset: i64) -> Result<Page, EmError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, owner, (SELECT COUNT(*) FROM members m WHERE m.room_id = r.id)
         FROM rooms r WHERE id < ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3",
    )?;
    let mut rows: Vec<(i64, ChatroomSummary)> = stmt
        .query_map(params![before, limit + 1, offset], |r| {
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
    Ok(Page {
        last: rows.last().map(|(id, _)| *id),
        rooms: rows.into_iter().map(|(_, s)| s).collect(),
        more,
    })
}

fn detail(conn: &Connection, room: RoomRow) -> Result<ChatroomDetail, EmError> {
    let affiliations = affiliations(conn, room.id, -1, 0)?;
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
        mute: Some(room.mute_all),
        disabled: None,
    })
}

/// The rooms among `ids` that exist, in the order asked. One read transaction, so every room
/// is seen as of the same moment.
pub fn details(conn: &mut Connection, ids: &[String]) -> Result<Vec<ChatroomDetail>, EmError> {
    let tx = super::read(conn)?;
    let mut found = Vec::new();
    for id in ids {
        if let Some(room) = room(&tx, id)? {
            found.push(detail(&tx, room)?);
        }
    }
    Ok(found)
}

/// The server's refusal for a broken limit on create and edit.
pub fn refuse(invalid: Invalid) -> EmError {
    match invalid {
        Invalid::Missing(f) => EmError::must_be_provided(f.wire_name()),
        Invalid::TooLong { field, max, .. } => EmError::too_long(field, max),
        Invalid::MaxUsersOutOfRange(n) if n > limits::MAXUSERS_MAX => {
            EmError::maxusers_too_large(limits::MAXUSERS_MAX)
        }
        Invalid::MaxUsersOutOfRange(_) => EmError::maxusers_too_small(),
        Invalid::TooManyMembers { .. } => EmError::too_many_members(),
        // The server checks registration, not spelling: a malformed name is an unknown user.
        Invalid::BadUsername { username, .. } => EmError::user_not_found(&username),
        Invalid::TooManyInOneCall { field, max, .. } => {
            EmError::too_many_in_one_call(&batch_heads::field(field.wire_name()), max)
        }
        Invalid::NothingToChange => EmError::nothing_to_modify(),
        Invalid::SameOwner(_) => EmError::same_owner(),
        Invalid::BadAttributeKey(key) => {
            EmError::invalid_parameter(easemob_api::KeyReason::KeyNotLegal.text(&key))
        }
        // Not limits of a room: never reached from create or edit.
        Invalid::BadCustomEvent(_) | Invalid::SecondsOutOfRange(_) => {
            easemob_api::Refusal::InvalidRequestBody.into()
        }
    }
}

/// A new room id: numeric, increasing, about 15 digits like Easemob's.
fn next_room_id(conn: &Connection, now_ms: u64) -> Result<i64, EmError> {
    let max: Option<i64> = conn.query_row("SELECT MAX(id) FROM rooms", [], |r| r.get(0))?;
    let from_clock = (now_ms as i64) * 100;
    Ok(max.map_or(from_clock, |m| (m + 1).max(from_clock)))
}

/// Creates a room and returns its id. All or nothing: an unknown owner or member creates no
/// room. The owner named among the members, and names given twice, count once.
pub fn create(conn: &mut Connection, req: &CreateChatroom, now_ms: u64) -> Result<i64, EmError> {
    req.validate().map_err(refuse)?;
    let tx = conn.transaction()?;
    let owner = users_exist(&tx, std::slice::from_ref(&req.owner))?.remove(0);
    let mut members = users_exist(&tx, req.members.as_deref().unwrap_or(&[]))?;
    members.retain(|m| !m.eq_ignore_ascii_case(&owner));
    members.sort_by_key(|m| m.to_ascii_lowercase());
    members.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    let id = next_room_id(&tx, now_ms)?;
    tx.execute(
        "INSERT INTO rooms (id, name, description, maxusers, owner, created, custom) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            req.name,
            req.description,
            req.maxusers.unwrap_or(limits::MAXUSERS_DEFAULT) as i64,
            owner,
            now_ms as i64,
            req.custom.as_deref().unwrap_or_default()
        ],
    )?;
    let first = next_join_seq(&tx)?;
    insert_member(&tx, id, &owner, true, first)?;
    for (seq, m) in (first + 1..).zip(&members) {
        insert_member(&tx, id, m, false, seq)?;
    }
    tx.commit()?;
    Ok(id)
}

/// Edits name, description and maxusers; an edit that breaks any limit changes no field.
/// What the Java server SDK's `updateRoom` may also send, beyond the documented fields: a new
/// `custom`, and `need_verify`, kept as `membersonly`. [inferred]
#[derive(Default)]
pub struct ModifyExtras {
    pub custom: Option<String>,
    pub membersonly: Option<bool>,
}

pub fn modify(
    conn: &mut Connection,
    id: &str,
    changes: &ModifyChatroom,
    extras: &ModifyExtras,
) -> Result<ModifiedChatroom, EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    let only_extras =
        changes.is_empty() && (extras.custom.is_some() || extras.membersonly.is_some());
    if !only_extras {
        changes.validate().map_err(refuse)?;
    }
    if let Some(custom) = &extras.custom {
        limits::check_length(limits::Field::Custom, custom, limits::CUSTOM_MAX_CHARS)
            .map_err(refuse)?;
        tx.execute(
            "UPDATE rooms SET custom = ?1 WHERE id = ?2",
            params![custom, room.id],
        )?;
    }
    if let Some(on) = extras.membersonly {
        tx.execute(
            "UPDATE rooms SET membersonly = ?1 WHERE id = ?2",
            params![on, room.id],
        )?;
    }
    if let Some(n) = changes.maxusers {
        if (n as i64) < member_count(&tx, room.id)? {
            return Err(EmError::maxusers_below_members());
        }
    }
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
    Ok(result)
}

/// Makes `new_owner`, who must be a member, the owner; the old owner stays as a member.
pub fn transfer(conn: &mut Connection, id: &str, new_owner: &str) -> Result<(), EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    let new_owner = user(&tx, new_owner)?.ok_or_else(|| EmError::user_not_found(new_owner))?;
    if new_owner.eq_ignore_ascii_case(&room.owner) {
        return Err(EmError::same_owner());
    }
    if !is_member(&tx, room.id, &new_owner)? {
        return Err(EmError::not_in_room(&new_owner, &room.id.to_string()));
    }
    tx.execute(
        "UPDATE members SET is_owner = 0 WHERE room_id = ?1 AND username = ?2",
        params![room.id, room.owner],
    )?;
    // The owner is not an admin of the room, and may always speak.
    tx.execute(
        "UPDATE members SET is_owner = 1, is_admin = 0, muted_until = NULL
         WHERE room_id = ?1 AND username = ?2",
        params![room.id, new_owner],
    )?;
    tx.execute(
        "UPDATE rooms SET owner = ?1 WHERE id = ?2",
        params![new_owner, room.id],
    )?;
    tx.commit()?;
    Ok(())
}

/// Dissolves a room with its members; returns its id.
pub fn dissolve(conn: &mut Connection, id: &str) -> Result<i64, EmError> {
    let tx = conn.transaction()?;
    let room = room_to_change(&tx, id)?;
    tx.execute("DELETE FROM members WHERE room_id = ?1", [room.id])?;
    tx.execute("DELETE FROM rooms WHERE id = ?1", [room.id])?;
    tx.commit()?;
    Ok(room.id)
}
