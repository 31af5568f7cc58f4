//! Messages to rooms, the broadcast to every active room, recall, and what was delivered
//! (`GET /_emulator/messages`, for tests and people).

use super::{ok, Authed};
use crate::error::EmError;
use crate::http::faults::Operator;
use crate::store;
use crate::store::messages::Outgoing;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use easemob_api::error::{RecallProblem, SendProblem};
use easemob_api::limits;
use easemob_api::wire::*;
use easemob_api::Refusal;
use serde_json::{Map, Value};
use std::time::Instant;

const KINDS: [&str; 8] = [
    "txt", "img", "audio", "video", "file", "loc", "cmd", "custom",
];

fn ext_is_null(bytes: &Bytes) -> bool {
    serde_json::from_slice::<Value>(bytes).is_ok_and(|v| v.get("ext") == Some(&Value::Null))
}

fn refused(problem: SendProblem) -> EmError {
    Refusal::MessageNotSent { problem }.into()
}

fn read<T: serde::de::DeserializeOwned>(bytes: &Bytes) -> Result<T, EmError> {
    serde_json::from_slice(bytes).map_err(|_| Refusal::InvalidRequestBody.into())
}

/// A custom body's fields: an event of `[a-zA-Z0-9-_/.]{1,32}` and up to 16 string fields.
fn custom_is_valid(body: &Map<String, Value>) -> bool {
    let event_ok = match body.get("customEvent") {
        None | Some(Value::Null) => true,
        Some(Value::String(e)) => limits::check_custom_event(e).is_ok(),
        Some(_) => false,
    };
    let exts_ok = match body.get("customExts") {
        None | Some(Value::Null) => true,
        Some(Value::Object(m)) => {
            m.len() <= limits::CUSTOM_EXTS_MAX && m.values().all(Value::is_string)
        }
        Some(_) => false,
    };
    event_ok && exts_ok
}

/// The checks both sends share: the sender, the type, the ext, the priority and the size.
fn outgoing(
    from: Option<String>,
    kind: String,
    body: Map<String, Value>,
    ext: Option<Value>,
    level: Option<String>,
    broadcast: bool,
) -> Result<Outgoing, EmError> {
    let from = match from {
        Some(f) if f.is_empty() => {
            return Err(if broadcast {
                EmError::illegal_argument("from can't be empty")
            } else {
                refused(SendProblem::FromEmpty)
            })
        }
        Some(f) => f,
        None => "admin".into(),
    };
    if kind.is_empty() {
        return Err(refused(SendProblem::TypeEmpty));
    }
    if !KINDS.contains(&kind.as_str()) || (kind == "custom" && !custom_is_valid(&body)) {
        return Err(Refusal::InvalidRequestBody.into());
    }
    if body.is_empty() && kind != "custom" {
        return Err(refused(SendProblem::BodyEmpty));
    }
    let ext = match ext {
        None => None,
        Some(Value::Object(m)) => Some(Value::Object(m)),
        Some(_) => {
            return Err(if broadcast {
                EmError::illegal_argument("ext must be JSONObject")
            } else {
                refused(SendProblem::ExtNotObject)
            })
        }
    };
    let priority = match level.as_deref() {
        None | Some("") => "normal".to_string(),
        Some(l @ ("high" | "normal" | "low")) => l.to_string(),
        Some(_) => return Err(Refusal::InvalidRequestBody.into()),
    };
    let body = Value::Object(body);
    let size = body.to_string().len() + ext.as_ref().map_or(0, |e| e.to_string().len());
    if size > limits::MESSAGE_BYTES_MAX {
        return Err(refused(SendProblem::TooLarge));
    }
    Ok(Outgoing {
        from,
        kind,
        body,
        ext,
        priority,
    })
}

/// `POST /messages/chatrooms`: one message to up to 10 rooms, each room's message id.
pub async fn send(Authed(ctx): Authed, bytes: Bytes) -> Result<Response, EmError> {
    let req: SendBody = read(&bytes)?;
    // `ext` must be an object, never `null` (which reads as left out).
    if ext_is_null(&bytes) {
        return Err(refused(SendProblem::ExtNotObject));
    }
    if req.from.as_deref() == Some("") {
        return Err(refused(SendProblem::FromEmpty));
    }
    if req.to.is_empty() {
        return Err(refused(SendProblem::ToEmpty));
    }
    let body = match req.body {
        Value::Object(m) => m,
        Value::Null => Map::new(),
        _ => return Err(Refusal::InvalidRequestBody.into()),
    };
    if body.is_empty() && !req.kind.is_empty() {
        return Err(refused(SendProblem::BodyEmpty));
    }
    let m = outgoing(
        req.from,
        req.kind,
        body,
        req.ext,
        req.chatroom_msg_level,
        false,
    )?;
    if req.to.len() > limits::MESSAGE_ROOMS_MAX {
        return Err(refused(SendProblem::TooManyRooms {
            max: limits::MESSAGE_ROOMS_MAX,
        }));
    }
    if ctx.state.faults.settings().rate_limits
        && !ctx
            .state
            .faults
            .admit_messages(req.to.len(), Instant::now())
    {
        return Err(refused(SendProblem::ReachLimit));
    }
    let now = crate::now_ms() as i64;
    let rooms = req.to;
    let sent = ctx
        .state
        .store
        .run(move |c| store::messages::send(c, &rooms, &m, now))
        .await?;
    let data: SentMessages = sent.into_iter().collect();
    let mut env = ctx.envelope::<_, Value>("post", Some(data));
    env.path = Some("/messages/chatrooms".into());
    Ok(ok(env))
}

/// `POST /messages/chatrooms/broadcast`: to every active room; 10 a minute (with the rate
/// limits on) and 100 a UTC day.
pub async fn broadcast(Authed(ctx): Authed, bytes: Bytes) -> Result<Response, EmError> {
    let req: BroadcastBody = read(&bytes)?;
    if ext_is_null(&bytes) {
        return Err(EmError::illegal_argument("ext must be JSONObject"));
    }
    let mut msg = req.msg;
    let kind = match msg.remove("type") {
        Some(Value::String(k)) => k,
        None => String::new(),
        Some(_) => return Err(Refusal::InvalidRequestBody.into()),
    };
    let m = outgoing(req.from, kind, msg, req.ext, req.chatroom_msg_level, true)?;
    if ctx.state.faults.settings().rate_limits && !ctx.state.faults.admit_broadcast(Instant::now())
    {
        return Err(EmError::rate_limited());
    }
    let now = crate::now_ms() as i64;
    let id = ctx
        .state
        .store
        .run(move |c| store::messages::broadcast(c, &m, now))
        .await?;
    let mut env = ctx.envelope::<_, Value>("post", Some(BroadcastId { id }));
    env.path = Some("/messages/chatrooms/broadcast".into());
    Ok(ok(env))
}

/// `POST /messages/msg_recall`: one message.
pub async fn recall(Authed(ctx): Authed, bytes: Bytes) -> Result<Response, EmError> {
    let item: RecallItem = read(&bytes)?;
    store::messages::check_recall_item(&item)
        .map_err(|problem| EmError::from(Refusal::RecallRefused { problem }))?;
    let now = crate::now_ms() as i64;
    let result = ctx
        .state
        .store
        .run(move |c| store::messages::recall_one(c, &item, now, limits::RECALL_WINDOW_MS))
        .await?;
    let mut env = ctx.envelope::<_, Value>("post", Some(result));
    env.path = Some("/messages/msg_recall".into());
    Ok(ok(env))
}

/// `POST /messages/batch_recall`: up to 30, each with its own result.
pub async fn batch_recall(Authed(ctx): Authed, bytes: Bytes) -> Result<Response, EmError> {
    let req: BatchRecallBody = read(&bytes)?;
    if req.msgs.is_empty() {
        return Err(Refusal::RecallRefused {
            problem: RecallProblem::MissingMsgId,
        }
        .into());
    }
    if req.msgs.len() > limits::RECALL_BATCH_MAX {
        return Err(EmError::illegal_argument(format!(
            "msgs size can't exceed limit {}",
            limits::RECALL_BATCH_MAX
        )));
    }
    for item in &req.msgs {
        store::messages::check_recall_item(item)
            .map_err(|problem| EmError::from(Refusal::RecallRefused { problem }))?;
    }
    let now = crate::now_ms() as i64;
    let results = ctx
        .state
        .store
        .run(move |c| store::messages::recall_many(c, &req.msgs, now, limits::RECALL_WINDOW_MS))
        .await?;
    let mut env = ctx.envelope::<_, Value>("post", Some(results));
    env.path = Some("/messages/batch_recall".into());
    Ok(ok(env))
}

#[derive(serde::Deserialize)]
pub struct DeliveredQuery {
    room: Option<String>,
    since: Option<i64>,
}

/// `GET /_emulator/messages?room={id}&since={ms}`: what was delivered, newest first.
pub async fn delivered(
    _: Operator,
    State(state): State<super::Shared>,
    Query(q): Query<DeliveredQuery>,
) -> Result<Response, EmError> {
    let room = q.room.filter(|r| !r.is_empty());
    let messages = state
        .store
        .run(move |c| store::messages::delivered(c, room.as_deref(), q.since))
        .await?;
    Ok(Json(serde_json::json!({ "messages": messages })).into_response())
}
