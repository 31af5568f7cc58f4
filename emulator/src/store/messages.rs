//! Messages to rooms, as delivered: each with its id, room, sender, type, body, ext, priority
//! and time, and whether it was recalled. Broadcasts go to every active room (a member and a
//! message ever) and are counted per UTC day.

use super::global_mutes;
use crate::error::EmError;
use easemob_api::error::{RecallProblem, SendProblem};
use easemob_api::limits;
use easemob_api::wire::{DeliveredMessage, RecallItem, RecallResult};
use easemob_api::Refusal;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

/// Message ids are 19 digits, as the real ones: this plus a sequence.
const MESSAGE_ID_BASE: u64 = 1_200_000_000_000_000_000;
/// Broadcast ids are numbers above 2^53, as the real ones.
const BROADCAST_ID_BASE: u64 = 1_173_998_498_812_376_000;
const DAY_MS: i64 = 86_400_000;

/// One message as a handler checked it.
pub struct Outgoing {
    pub from: String,
    pub kind: String,
    pub body: Value,
    pub ext: Option<Value>,
    pub priority: String,
}

fn deliver(
    tx: &rusqlite::Transaction<'_>,
    room: &str,
    m: &Outgoing,
    now: i64,
    broadcast: Option<u64>,
) -> Result<String, EmError> {
    let body = m.body.to_string();
    let ext = m.ext.as_ref().map(Value::to_string);
    tx.prepare_cached(
        "INSERT INTO messages (id, room, sender, type, body, ext, priority, at, broadcast)
         VALUES ('', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        room,
        m.from,
        m.kind,
        body,
        ext,
        m.priority,
        now,
        broadcast.map(|b| b as i64)
    ])?;
    let seq = tx.last_insert_rowid();
    let id = (MESSAGE_ID_BASE + seq as u64).to_string();
    tx.prepare_cached("UPDATE messages SET id = ?1 WHERE seq = ?2")?
        .execute(params![id, seq])?;
    Ok(id)
}

fn sender_may_speak(conn: &Connection, from: &str, now: i64) -> Result<(), EmError> {
    if global_mutes::muted_in_rooms(conn, from, now)? {
        return Err(Refusal::MessageNotSent {
            problem: SendProblem::SenderMuted {
                username: from.into(),
            },
        }
        .into());
    }
    Ok(())
}

/// Sends one message to each room named (existing or not, as the real server does); each
/// room's message id.
pub fn send(
    conn: &mut Connection,
    rooms: &[String],
    m: &Outgoing,
    now: i64,
) -> Result<Vec<(String, String)>, EmError> {
    let tx = conn.transaction()?;
    sender_may_speak(&tx, &m.from, now)?;
    let mut sent = Vec::new();
    for room in rooms {
        if sent.iter().any(|(r, _): &(String, String)| r == room) {
            continue;
        }
        let id = deliver(&tx, room, m, now, None)?;
        sent.push((room.clone(), id));
    }
    tx.commit()?;
    Ok(sent)
}

/// The start of the UTC day `now` is in.
fn day_start(now: i64) -> i64 {
    now - now.rem_euclid(DAY_MS)
}

/// Broadcasts made since the start of this UTC day.
pub fn broadcasts_today(conn: &Connection, now: i64) -> Result<u32, EmError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM broadcasts WHERE at >= ?1",
        [day_start(now)],
        |r| r.get(0),
    )?)
}

/// Sends one message to every active room: a room that exists and has had a message. Refused
/// over the day's allowance. The broadcast's id.
pub fn broadcast(conn: &mut Connection, m: &Outgoing, now: i64) -> Result<u64, EmError> {
    let tx = conn.transaction()?;
    if broadcasts_today(&tx, now)? >= limits::BROADCASTS_PER_DAY {
        return Err(Refusal::BroadcastDailyLimit.into());
    }
    sender_may_speak(&tx, &m.from, now)?;
    tx.prepare_cached("INSERT INTO broadcasts (at) VALUES (?1)")?
        .execute([now])?;
    let id = BROADCAST_ID_BASE + tx.last_insert_rowid() as u64;
    let rooms: Vec<String> = {
        let mut stmt = tx.prepare_cached(
            "SELECT DISTINCT m.room FROM messages m JOIN rooms r ON r.id = m.room ORDER BY m.room",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    for room in &rooms {
        deliver(&tx, room, m, now, Some(id))?;
    }
    tx.commit()?;
    Ok(id)
}

/// Recalls one message; `window_ms` is how long after sending that is allowed unless forced.
pub fn recall(
    conn: &Connection,
    item: &RecallItem,
    now: i64,
    window_ms: u64,
) -> Result<RecallResult, RecallProblem> {
    let found: Option<(String, i64, bool)> = conn
        .query_row(
            "SELECT room, at, recalled FROM messages WHERE id = ?1",
            [&item.msg_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? != 0)),
        )
        .optional()
        .map_err(|_| RecallProblem::NotFound)?;
    let Some((room, at, recalled)) = found else {
        return Err(RecallProblem::NotFound);
    };
    if item.chat_type != "chatroom" || recalled {
        return Err(RecallProblem::NotFound);
    }
    if room != item.to {
        return Err(RecallProblem::ReceiverNotFound);
    }
    if now.saturating_sub(at) > window_ms as i64 && item.force != Some(true) {
        return Err(RecallProblem::TooLate);
    }
    conn.prepare_cached("UPDATE messages SET recalled = 1 WHERE id = ?1")
        .and_then(|mut s| s.execute([&item.msg_id]))
        .map_err(|_| RecallProblem::NotFound)?;
    Ok(RecallResult {
        recalled: "yes".into(),
        chattype: "chatroom".into(),
        from: item.from.clone().unwrap_or_else(|| "admin".into()),
        to: item.to.clone(),
        msg_id: item.msg_id.clone(),
    })
}

/// The fields a recall must name, in the order the server checks them.
pub fn check_recall_item(item: &RecallItem) -> Result<(), RecallProblem> {
    if item.msg_id.trim().is_empty() {
        Err(RecallProblem::MissingMsgId)
    } else if item.to.trim().is_empty() {
        Err(RecallProblem::MissingTo)
    } else if item.chat_type.trim().is_empty() {
        Err(RecallProblem::MissingChatType)
    } else if item.force.is_none() {
        Err(RecallProblem::MissingForce)
    } else {
        Ok(())
    }
}

/// Recalls one message, all or nothing.
pub fn recall_one(
    conn: &mut Connection,
    item: &RecallItem,
    now: i64,
    window_ms: u64,
) -> Result<RecallResult, EmError> {
    let tx = conn.transaction()?;
    let result =
        recall(&tx, item, now, window_ms).map_err(|problem| Refusal::RecallRefused { problem })?;
    tx.commit()?;
    Ok(result)
}

/// Recalls each message it can; each one that was not says why in `recalled`.
pub fn recall_many(
    conn: &mut Connection,
    items: &[RecallItem],
    now: i64,
    window_ms: u64,
) -> Result<Vec<RecallResult>, EmError> {
    let tx = conn.transaction()?;
    let results = items
        .iter()
        .map(|item| {
            recall(&tx, item, now, window_ms).unwrap_or_else(|p| RecallResult {
                recalled: p.words().into(),
                chattype: item.chat_type.clone(),
                from: item.from.clone().unwrap_or_else(|| "admin".into()),
                to: item.to.clone(),
                msg_id: item.msg_id.clone(),
            })
        })
        .collect();
    tx.commit()?;
    Ok(results)
}

/// What was delivered, newest first: to one room or all, since a time or ever.
pub fn delivered(
    conn: &Connection,
    room: Option<&str>,
    since: Option<i64>,
) -> Result<Vec<DeliveredMessage>, EmError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, room, sender, type, body, ext, priority, at, recalled, broadcast FROM messages
         WHERE (?1 IS NULL OR room = ?1) AND (?2 IS NULL OR at >= ?2) ORDER BY seq DESC",
    )?;
    let rows = stmt.query_map(params![room, since], |r| {
        let body: String = r.get(4)?;
        let ext: Option<String> = r.get(5)?;
        Ok(DeliveredMessage {
            id: r.get(0)?,
            room: r.get(1)?,
            from: r.get(2)?,
            kind: r.get(3)?,
            body: serde_json::from_str(&body).unwrap_or(Value::Null),
            ext: ext.and_then(|e| serde_json::from_str(&e).ok()),
            priority: r.get(6)?,
            at: r.get::<_, i64>(7)? as u64,
            recalled: r.get::<_, i64>(8)? != 0,
            broadcast: r.get::<_, Option<i64>>(9)?.map(|b| b as u64),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
