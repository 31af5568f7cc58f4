//! Users: register (one or a batch), look one up, list, and the rooms a user has joined.

use super::user;
use crate::error::EmError;
use easemob_api::limits::{self, is_valid_username};
use easemob_api::wire::{JoinedChatroom, NewUser, RegistrationFailure, User};
use easemob_api::Refusal;
use rusqlite::{params, Connection, OptionalExtension};

fn user_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        uuid: r.get(0)?,
        kind: "user".into(),
        created: r.get::<_, i64>(1)? as u64,
        modified: r.get::<_, i64>(2)? as u64,
        username: r.get(3)?,
        activated: r.get(5)?,
        nickname: r.get(4)?,
    })
}

const USER_COLUMNS: &str = "uuid, created, modified, username, nickname, activated";

/// Why one user cannot be registered, as an error for a single registration.
fn refusal(conn: &Connection, app_uuid: &str, u: &NewUser) -> Result<Option<EmError>, EmError> {
    let legal_chars = !u.username.is_empty()
        && u.username
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'));
    if legal_chars && u.username.len() > limits::USERNAME_MAX_CHARS {
        return Ok(Some(EmError::illegal_argument("USERNAME_TOO_LONG")));
    }
    if !is_valid_username(&u.username) {
        return Ok(Some(EmError::illegal_argument(format!(
            "username [{}] is not legal",
            u.username
        ))));
    }
    if u.password.is_empty() {
        return Ok(Some(EmError::illegal_argument(
            "password or pin must provided",
        )));
    }
    if user(conn, &u.username)?.is_some() {
        return Ok(Some(EmError::duplicate_user(app_uuid, &u.username)));
    }
    Ok(None)
}

fn insert(conn: &Connection, u: &NewUser, now_ms: u64) -> Result<User, EmError> {
    conn.prepare_cached(
        "INSERT INTO users (username, uuid, password, nickname, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?
    .execute(params![
        u.username,
        crate::demo::uuid(&mut rand::rng()),
        u.password,
        u.nickname,
        now_ms as i64
    ])?;
    Ok(conn.query_row(
        &format!("SELECT {USER_COLUMNS} FROM users WHERE username = ?1"),
        [&u.username],
        user_row,
    )?)
}

/// Registers one user; a refusal registers nobody.
pub fn register_one(
    conn: &mut Connection,
    app_uuid: &str,
    u: &NewUser,
    now_ms: u64,
) -> Result<User, EmError> {
    let tx = conn.transaction()?;
    if let Some(e) = refusal(&tx, app_uuid, u)? {
        return Err(e);
    }
    let user = insert(&tx, u, now_ms)?;
    tx.commit()?;
    Ok(user)
}

/// Registers every user it can; each one refused is reported with the reason.
pub fn register_many(
    conn: &mut Connection,
    app_uuid: &str,
    users: &[NewUser],
    now_ms: u64,
) -> Result<(Vec<User>, Vec<RegistrationFailure>), EmError> {
    let tx = conn.transaction()?;
    let mut created = Vec::new();
    let mut failed = Vec::new();
    for u in users {
        match refusal(&tx, app_uuid, u)? {
            None => created.push(insert(&tx, u, now_ms)?),
            Some(e) => failed.push(RegistrationFailure {
                username: u.username.clone(),
                reason: if matches!(e.refusal, Refusal::DuplicateUser { .. }) {
                    format!("the {} already exists", u.username)
                } else {
                    e.description
                },
            }),
        }
    }
    tx.commit()?;
    Ok((created, failed))
}

pub fn get(conn: &Connection, name: &str) -> Result<Option<User>, EmError> {
    if !is_valid_username(name) {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            &format!("SELECT {USER_COLUMNS} FROM users WHERE username = ?1"),
            [name],
            user_row,
        )
        .optional()?)
}

/// Users in registration order after the one numbered `after`, with each one's number, and
/// whether more follow.
pub fn list(
    conn: &Connection,
    after: i64,
    limit: i64,
) -> Result<(Vec<(User, i64)>, bool), EmError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {USER_COLUMNS}, seq FROM users WHERE seq > ?1 ORDER BY seq LIMIT ?2"
    ))?;
    let mut rows: Vec<(User, i64)> = stmt
        .query_map(params![after, limit + 1], |r| Ok((user_row(r)?, r.get(6)?)))?
        .collect::<Result<_, _>>()?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    Ok((rows, more))
}

/// A room the user is in, with the fields the web SDK's `getJoinedChatRooms` asks for
/// (`detail=true`).
pub struct JoinedWithDetail {
    pub id: i64,
    pub name: String,
    pub owner: String,
    pub created: i64,
    pub description: String,
    pub maxusers: i64,
}

/// Rooms the user is in with some detail, latest joined first.
pub fn joined_rooms_detailed(
    conn: &mut Connection,
    name: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<JoinedWithDetail>, EmError> {
    let tx = super::read(conn)?;
    let user = user(&tx, name)?.ok_or_else(|| EmError::user_not_found(name))?;
    let mut stmt = tx.prepare_cached(
        "SELECT r.id, r.name, r.owner, r.created, r.description, r.maxusers
         FROM members m JOIN rooms r ON r.id = m.room_id
         WHERE m.username = ?1 ORDER BY m.joined DESC LIMIT ?2 OFFSET ?3",
    )?;
    let rooms = stmt
        .query_map(params![user, limit, offset], |r| {
            Ok(JoinedWithDetail {
                id: r.get(0)?,
                name: r.get(1)?,
                owner: r.get(2)?,
                created: r.get(3)?,
                description: r.get(4)?,
                maxusers: r.get(5)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rooms)
}

/// Rooms the user is in, latest joined first.
pub fn joined_rooms(
    conn: &mut Connection,
    name: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<JoinedChatroom>, EmError> {
    Ok(joined_rooms_detailed(conn, name, limit, offset)?
        .into_iter()
        .map(|r| JoinedChatroom {
            id: r.id.to_string(),
            name: r.name,
            disabled: Some(false),
        })
        .collect())
}

/// Deletes one user with what is theirs: the rooms they own are dissolved, they leave every
/// other room (with their marks there), and their blocks, attributes and super-admin role go.
fn delete_user(tx: &Connection, name: &str) -> Result<Option<User>, EmError> {
    let Some(user) = get(tx, name)? else {
        return Ok(None);
    };
    let name = &user.username;
    tx.execute(
        "DELETE FROM members WHERE room_id IN (SELECT id FROM rooms WHERE owner = ?1)",
        [name],
    )?;
    tx.execute("DELETE FROM rooms WHERE owner = ?1", [name])?;
    tx.execute("DELETE FROM members WHERE username = ?1", [name])?;
    tx.execute("DELETE FROM blocks WHERE username = ?1", [name])?;
    tx.execute("DELETE FROM attributes WHERE owner = ?1", [name])?;
    tx.execute("DELETE FROM super_admins WHERE username = ?1", [name])?;
    tx.execute("DELETE FROM users WHERE username = ?1", [name])?;
    Ok(Some(user))
}

/// `DELETE /users/{username}`.
pub fn delete_one(conn: &mut Connection, name: &str) -> Result<User, EmError> {
    let tx = conn.transaction()?;
    let user = delete_user(&tx, name)?.ok_or_else(EmError::user_entity_not_found)?;
    tx.commit()?;
    Ok(user)
}

/// `DELETE /users?limit`: the `limit` oldest users, and whether more remain.
pub fn delete_oldest(conn: &mut Connection, limit: i64) -> Result<(Vec<User>, bool), EmError> {
    let tx = conn.transaction()?;
    let (rows, more) = list(&tx, 0, limit)?;
    let mut deleted = Vec::with_capacity(rows.len());
    for (u, _) in rows {
        deleted.extend(delete_user(&tx, &u.username)?);
    }
    tx.commit()?;
    Ok((deleted, more))
}

/// Sets a user's password.
pub fn set_password(
    conn: &mut Connection,
    name: &str,
    password: &str,
    now_ms: u64,
) -> Result<(), EmError> {
    let tx = conn.transaction()?;
    let user = user(&tx, name)?.ok_or_else(EmError::user_entity_not_found)?;
    tx.execute(
        "UPDATE users SET password = ?1, modified = ?2 WHERE username = ?3",
        params![password, now_ms as i64, user],
    )?;
    tx.commit()?;
    Ok(())
}
