//! Users: register (one or a batch), look one up, list, and the rooms a user has joined.

use super::{decode_cursor, encode_cursor, ok, Authed, AuthedToRegister, JsonBody};
use crate::error::EmError;
use crate::store;
use axum::response::Response;
use easemob_api::limits::{self, is_valid_username};
use easemob_api::wire::*;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

/// One user or an array of them, as `POST /users` accepts.
#[derive(serde::Deserialize)]
#[serde(untagged)]
pub enum OneOrBatch {
    Batch(Vec<NewUser>),
    One(NewUser),
}

fn user_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        uuid: r.get(0)?,
        kind: "user".into(),
        created: r.get::<_, i64>(1)? as u64,
        modified: r.get::<_, i64>(2)? as u64,
        username: r.get(3)?,
        activated: true,
        nickname: r.get(4)?,
    })
}

const USER_COLUMNS: &str = "uuid, created, modified, username, nickname";

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
    if store::user(conn, &u.username)?.is_some() {
        return Ok(Some(EmError::duplicate_user(app_uuid, &u.username)));
    }
    Ok(None)
}

fn insert(conn: &Connection, u: &NewUser) -> Result<User, EmError> {
    let now = crate::now_ms() as i64;
    conn.execute(
        "INSERT INTO users (username, uuid, password, nickname, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![u.username, crate::demo::uuid(&mut rand::rng()), u.password, u.nickname, now],
    )?;
    Ok(conn.query_row(
        &format!("SELECT {USER_COLUMNS} FROM users WHERE username = ?1"),
        [&u.username],
        user_row,
    )?)
}

/// `POST /users`: a single user fails as a whole; a batch reports each failure in `data`.
pub async fn register(
    AuthedToRegister(ctx): AuthedToRegister,
    JsonBody(body): JsonBody<OneOrBatch>,
) -> Result<Response, EmError> {
    let conn = ctx.state.store.lock();
    let app_uuid = ctx.state.app.uuid.clone();
    let mut env = ctx.envelope::<Vec<RegistrationFailure>, User>("post", None);
    env.path = Some("/users".into());
    match body {
        OneOrBatch::One(u) => {
            if let Some(e) = refusal(&conn, &app_uuid, &u)? {
                return Err(e);
            }
            env.entities.push(insert(&conn, &u)?);
        }
        OneOrBatch::Batch(users) => {
            if users.is_empty() {
                return Err(EmError::must_be_provided("username"));
            }
            if users.len() > limits::REGISTER_USERS_MAX {
                return Err(EmError::invalid_parameter(format!(
                    "at most {} users a request, not {}",
                    limits::REGISTER_USERS_MAX,
                    users.len()
                )));
            }
            let tx = conn.unchecked_transaction()?;
            let mut failed = Vec::new();
            for u in &users {
                match refusal(&tx, &app_uuid, u)? {
                    None => env.entities.push(insert(&tx, u)?),
                    Some(e) => failed.push(RegistrationFailure {
                        username: u.username.clone(),
                        reason: if e.error == "duplicate_unique_property_exists" {
                            format!("the {} already exists", u.username)
                        } else {
                            e.description
                        },
                    }),
                }
            }
            tx.commit()?;
            if !failed.is_empty() {
                env.data = Some(failed);
            }
        }
    }
    Ok(ok(env))
}

/// `GET /users/{username}`.
pub async fn get_one(Authed(ctx): Authed) -> Result<Response, EmError> {
    let name = ctx.segment(1).to_string();
    let conn = ctx.state.store.lock();
    let user = if is_valid_username(&name) {
        conn.query_row(
            &format!("SELECT {USER_COLUMNS} FROM users WHERE username = ?1"),
            [&name],
            user_row,
        )
        .optional()?
    } else {
        None
    };
    let user = user.ok_or_else(EmError::user_entity_not_found)?;
    let mut env = ctx.envelope::<Value, User>("get", None);
    env.path = Some("/users".into());
    env.entities.push(user);
    env.count = Some(1);
    Ok(ok(env))
}

/// `GET /users?limit&cursor`: oldest first, `cursor` while more remain.
pub async fn list(Authed(ctx): Authed) -> Result<Response, EmError> {
    let limit = ctx
        .query_number("limit", limits::USERS_LIMIT_MAX as u64)?
        .unwrap_or(10)
        .max(1) as i64;
    let after = match ctx.query("cursor").filter(|c| !c.is_empty()) {
        Some(c) => decode_cursor('u', c)?,
        None => 0,
    };
    let conn = ctx.state.store.lock();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {USER_COLUMNS}, seq FROM users WHERE seq > ?1 ORDER BY seq LIMIT ?2"
    ))?;
    let mut rows: Vec<(User, i64)> = stmt
        .query_map(params![after, limit + 1], |r| Ok((user_row(r)?, r.get(5)?)))?
        .collect::<Result<_, _>>()?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let mut env = ctx.envelope::<Value, User>("get", None);
    env.path = Some("/users".into());
    env.cursor = more.then(|| encode_cursor('u', rows.last().expect("a full page").1));
    env.entities = rows.into_iter().map(|(u, _)| u).collect();
    env.count = Some(env.entities.len() as u64);
    env.params = ctx.params();
    Ok(ok(env))
}

/// `GET /users/{username}/joined_chatrooms?pagenum&pagesize`: latest joined first; with
/// neither parameter, the latest 500.
pub async fn joined_rooms(Authed(ctx): Authed) -> Result<Response, EmError> {
    let name = ctx.segment(1).to_string();
    let pagenum = ctx.query_number("pagenum", u32::MAX as u64)?;
    let pagesize = ctx.query_number("pagesize", limits::PAGE_SIZE_MAX as u64)?;
    let (offset, limit) = match (pagenum, pagesize) {
        (None, None) => (0, 500),
        (n, s) => {
            let s = s.unwrap_or(limits::PAGE_SIZE_MAX as u64).max(1) as i64;
            ((n.unwrap_or(1).max(1) as i64 - 1) * s, s)
        }
    };
    let conn = ctx.state.store.lock();
    let user = store::user(&conn, &name)?.ok_or_else(|| EmError::user_not_found(&name))?;
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.name FROM members m JOIN rooms r ON r.id = m.room_id
         WHERE m.username = ?1 ORDER BY m.joined DESC LIMIT ?2 OFFSET ?3",
    )?;
    let data: Vec<JoinedChatroom> = stmt
        .query_map(params![user, limit, offset], |r| {
            Ok(JoinedChatroom {
                id: r.get::<_, i64>(0)?.to_string(),
                name: r.get(1)?,
                disabled: Some(false),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut env = ctx.envelope::<_, Value>("get", Some(data));
    env.count = env.data.as_ref().map(|d| d.len() as u64);
    env.params = ctx.params();
    env.application_name = Some(ctx.state.app.name.clone());
    Ok(ok(env))
}
