//! The app-wide state of a user: the mute per kind of chat (kept as when it ends), the ban
//! and whether the user is online.

use super::user;
use crate::error::EmError;
use easemob_api::wire::{GlobalMute, GlobalMuteBody, GlobalMuteEntry, GLOBAL_MUTE_FOREVER};
use easemob_api::{limits, Refusal};
use rusqlite::{params, Connection, OptionalExtension};

/// The three kinds, as their columns and their keys on the wire.
const KINDS: [(&str, &str); 3] = [
    ("mute_chat", "chat"),
    ("mute_groupchat", "groupchat"),
    ("mute_chatroom", "chatroom"),
];

/// Seconds left of a mute that ends at `until` (ms): -1 for ever, 0 none or over.
fn seconds_left(until: Option<i64>, now: i64) -> i64 {
    match until {
        Some(GLOBAL_MUTE_FOREVER) => GLOBAL_MUTE_FOREVER,
        Some(t) if t > now => (t - now + 999) / 1000,
        _ => 0,
    }
}

fn check_seconds(key: &str, s: Option<i64>) -> Result<(), EmError> {
    match s {
        Some(n) if limits::check_mute_seconds(n).is_err() => {
            Err(EmError::illegal_argument(format!(
                "{key} must be -1, 0 or 1 to {}",
                limits::GLOBAL_MUTE_SECONDS_MAX
            )))
        }
        _ => Ok(()),
    }
}

/// Sets each kind the body names; the user must exist.
pub fn set(conn: &mut Connection, body: &GlobalMuteBody, now: i64) -> Result<(), EmError> {
    for (key, s) in [
        ("chat", body.chat),
        ("groupchat", body.groupchat),
        ("chatroom", body.chatroom),
    ] {
        check_seconds(key, s)?;
    }
    let tx = conn.transaction()?;
    let name = user(&tx, &body.username)?.ok_or(Refusal::UserRequired)?;
    for ((column, _), s) in KINDS.iter().zip([body.chat, body.groupchat, body.chatroom]) {
        let Some(s) = s else { continue };
        let until = match s {
            GLOBAL_MUTE_FOREVER => Some(GLOBAL_MUTE_FOREVER),
            0 => None,
            n => Some(now.saturating_add(n.saturating_mul(1000))),
        };
        tx.execute(
            &format!("UPDATE users SET {column} = ?1 WHERE username = ?2"),
            params![until, name],
        )?;
    }
    tx.commit()?;
    Ok(())
}

fn ends(conn: &Connection, name: &str) -> Result<Option<[Option<i64>; 3]>, EmError> {
    Ok(conn
        .query_row(
            "SELECT mute_chat, mute_groupchat, mute_chatroom FROM users WHERE username = ?1",
            [name],
            |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?]),
        )
        .optional()?)
}

/// Seconds left per kind, for `GET /mutes/{username}`.
pub fn get(
    conn: &Connection,
    org: &str,
    app: &str,
    name: &str,
    now: i64,
) -> Result<GlobalMute, EmError> {
    let name = user(conn, name)?.ok_or(Refusal::UserRequired)?;
    let [chat, groupchat, chatroom] = ends(conn, &name)?.unwrap_or_default();
    Ok(GlobalMute {
        userid: format!("{org}#{app}_{name}"),
        chat: seconds_left(chat, now),
        groupchat: seconds_left(groupchat, now),
        chatroom: seconds_left(chatroom, now),
        unixtime: (now / 1000) as u64,
    })
}

/// Whether the user may not speak in rooms now.
pub fn muted_in_rooms(conn: &Connection, name: &str, now: i64) -> Result<bool, EmError> {
    let Some(name) = user(conn, name)? else {
        return Ok(false);
    };
    let [_, _, chatroom] = ends(conn, &name)?.unwrap_or_default();
    Ok(seconds_left(chatroom, now) != 0)
}

/// The muted users, one element per user and kind muted now, by username; a page from 1.
pub fn list(
    conn: &Connection,
    page: u32,
    size: u32,
    now: i64,
) -> Result<Vec<GlobalMuteEntry>, EmError> {
    let mut stmt = conn.prepare_cached(
        "SELECT username, mute_chat, mute_groupchat, mute_chatroom FROM users
         WHERE mute_chat IS NOT NULL OR mute_groupchat IS NOT NULL OR mute_chatroom IS NOT NULL
         ORDER BY username",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            [r.get::<_, Option<i64>>(1)?, r.get(2)?, r.get(3)?],
        ))
    })?;
    let mut all = Vec::new();
    for row in rows {
        let (username, ends) = row?;
        for (i, until) in ends.into_iter().enumerate() {
            let left = seconds_left(until, now);
            if left == 0 {
                continue;
            }
            let mut e = GlobalMuteEntry {
                username: username.clone(),
                chat: None,
                groupchat: None,
                chatroom: None,
            };
            *[&mut e.chat, &mut e.groupchat, &mut e.chatroom][i] = Some(left);
            all.push(e);
        }
    }
    let start = (page.max(1) as usize - 1) * size as usize;
    Ok(all.into_iter().skip(start).take(size as usize).collect())
}

/// Bans (`activated: false`, and offline) or unbans a user.
pub fn set_activated(conn: &mut Connection, name: &str, activated: bool) -> Result<(), EmError> {
    let tx = conn.transaction()?;
    let name = user(&tx, name)?.ok_or_else(EmError::user_entity_not_found)?;
    tx.execute(
        "UPDATE users SET activated = ?1, online = CASE WHEN ?1 THEN online ELSE 0 END
         WHERE username = ?2",
        params![activated, name],
    )?;
    tx.commit()?;
    Ok(())
}

/// Sets whether a user is online. A banned user cannot come online (cannot log in).
pub fn set_online(conn: &mut Connection, name: &str, online: bool) -> Result<(), EmError> {
    let tx = conn.transaction()?;
    let name = user(&tx, name)?.ok_or_else(EmError::user_entity_not_found)?;
    let activated: bool = tx.query_row(
        "SELECT activated FROM users WHERE username = ?1",
        [&name],
        |r| r.get(0),
    )?;
    if online && !activated {
        return Err(EmError::illegal_argument(format!(
            "user {name} is banned and cannot log in"
        )));
    }
    tx.execute(
        "UPDATE users SET online = ?1 WHERE username = ?2",
        params![online, name],
    )?;
    tx.commit()?;
    Ok(())
}

/// Whether the user is online; `None` for a user who does not exist.
pub fn online(conn: &Connection, name: &str) -> Result<Option<(String, bool)>, EmError> {
    let Some(name) = user(conn, name)? else {
        return Ok(None);
    };
    let on: bool = conn.query_row(
        "SELECT online FROM users WHERE username = ?1",
        [&name],
        |r| r.get(0),
    )?;
    Ok(Some((name, on)))
}
