//! Users: register (one or a batch), look one up, list, and the rooms a user has joined.

use super::{decode_cursor, encode_cursor, ok, Authed, AuthedToRegister, JsonBody};
use crate::error::EmError;
use crate::store;
use axum::response::Response;
use easemob_api::limits;
use easemob_api::wire::*;
use serde_json::Value;

/// One user or an array of them, as `POST /users` accepts.
#[derive(serde::Deserialize)]
#[serde(untagged)]
pub enum OneOrBatch {
    Batch(Vec<NewUser>),
    One(NewUser),
}

/// `POST /users`: a single user fails as a whole; a batch reports each failure in `data`.
pub async fn register(
    AuthedToRegister(ctx): AuthedToRegister,
    JsonBody(body): JsonBody<OneOrBatch>,
) -> Result<Response, EmError> {
    let app_uuid = ctx.state.app.uuid.clone();
    let now = crate::now_ms();
    let mut env = ctx.envelope::<Vec<RegistrationFailure>, User>("post", None);
    env.path = Some("/users".into());
    match body {
        OneOrBatch::One(u) => {
            let user = ctx
                .state
                .store
                .run(move |c| store::users::register_one(c, &app_uuid, &u, now))
                .await?;
            env.entities.push(user);
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
            let (created, failed) = ctx
                .state
                .store
                .run(move |c| store::users::register_many(c, &app_uuid, &users, now))
                .await?;
            env.entities = created;
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
    let user = ctx
        .state
        .store
        .run(move |c| store::users::get(c, &name))
        .await?
        .ok_or_else(EmError::user_entity_not_found)?;
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
    let (rows, more) = ctx
        .state
        .store
        .run(move |c| store::users::list(c, after, limit))
        .await?;
    let mut env = ctx.envelope::<Value, User>("get", None);
    env.path = Some("/users".into());
    env.cursor = rows
        .last()
        .filter(|_| more)
        .map(|(_, seq)| encode_cursor('u', *seq));
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
    // `detail=true` (undocumented; the web SDK's getJoinedChatRooms sends it) gives each room
    // as `{id, title, owner: "{org}#{app}_{owner}", created, description, max_users}`.
    let data: Value = if ctx.query("detail") == Some("true") {
        let app_key = format!("{}#{}", ctx.state.app.org, ctx.state.app.name);
        let rooms = ctx
            .state
            .store
            .run(move |c| store::users::joined_rooms_detailed(c, &name, limit, offset))
            .await?;
        rooms
            .into_iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id.to_string(),
                    "title": r.name,
                    "owner": format!("{app_key}_{}", r.owner),
                    "created": r.created,
                    "description": r.description,
                    "max_users": r.maxusers,
                })
            })
            .collect()
    } else {
        let rooms = ctx
            .state
            .store
            .run(move |c| store::users::joined_rooms(c, &name, limit, offset))
            .await?;
        serde_json::to_value(rooms).map_err(EmError::internal)?
    };
    let count = data.as_array().map_or(0, Vec::len) as u64;
    let mut env = ctx.envelope::<_, Value>("get", Some(data));
    env.count = Some(count);
    env.params = ctx.params();
    env.application_name = Some(ctx.state.app.name.clone());
    Ok(ok(env))
}

/// `DELETE /users/{username}`: the user and what is theirs (their rooms are dissolved).
pub async fn delete_one(Authed(ctx): Authed) -> Result<Response, EmError> {
    let name = ctx.segment(1).to_string();
    let user = ctx
        .state
        .store
        .run(move |c| store::users::delete_one(c, &name))
        .await?;
    let mut env = ctx.envelope::<Value, User>("delete", None);
    env.path = Some("/users".into());
    env.entities.push(user);
    Ok(ok(env))
}

/// `DELETE /users?limit` (1 to 100, default 10): the oldest users, for clearing test data;
/// `cursor` while more remain.
pub async fn delete_many(Authed(ctx): Authed) -> Result<Response, EmError> {
    let limit = ctx
        .query_number("limit", limits::USERS_LIMIT_MAX as u64)?
        .unwrap_or(10)
        .max(1) as i64;
    let (deleted, more) = ctx
        .state
        .store
        .run(move |c| store::users::delete_oldest(c, limit))
        .await?;
    let mut env = ctx.envelope::<Value, User>("delete", None);
    env.path = Some("/users".into());
    env.params = ctx.params();
    // The next call deletes the next oldest whatever the cursor; it is given, as the real
    // service does, so a client can tell that more remain.
    env.cursor = more.then(|| encode_cursor('u', 0));
    env.entities = deleted;
    Ok(ok(env))
}

/// `PUT /users/{username}/password` with `{"newpassword": …}` (the server SDKs' password
/// change; not in the reference notes).
pub async fn set_password(
    Authed(ctx): Authed,
    JsonBody(body): JsonBody<NewPassword>,
) -> Result<Response, EmError> {
    let name = ctx.segment(1).to_string();
    let password = body.newpassword.unwrap_or_default();
    if password.is_empty() {
        return Err(EmError::must_be_provided("newpassword"));
    }
    let now = crate::now_ms();
    ctx.state
        .store
        .run(move |c| store::users::set_password(c, &name, &password, now))
        .await?;
    Ok(ok(ctx.envelope::<Value, Value>("set user password", None)))
}

#[derive(serde::Deserialize)]
pub struct NewPassword {
    newpassword: Option<String>,
}
