//! Messages to chatrooms: to up to 10 rooms a call, the broadcast to every active room, and
//! recall (reference section 11.1 to 11.3). A message is never sent twice: its lost answer is
//! "outcome unknown", and nothing can look for it.

use super::*;
use crate::error::RecallProblem;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What a message says, by type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Content {
    /// `txt`: a text.
    Text { msg: String },
    /// `custom`: an event name (may be empty) and up to 16 string fields.
    Custom {
        event: String,
        exts: BTreeMap<String, String>,
    },
    /// `cmd`: an action, shown to nobody, for the receiving apps.
    Cmd { action: String },
}

impl Default for Content {
    fn default() -> Self {
        Content::Text { msg: String::new() }
    }
}

impl Content {
    /// The message's `type` on the wire.
    pub fn kind(&self) -> &'static str {
        match self {
            Content::Text { .. } => "txt",
            Content::Custom { .. } => "custom",
            Content::Cmd { .. } => "cmd",
        }
    }

    /// The `body` object, as `POST /messages/chatrooms` sends it.
    pub fn body(&self) -> Map<String, Value> {
        let mut m = Map::new();
        match self {
            Content::Text { msg } => {
                m.insert("msg".into(), Value::String(msg.clone()));
            }
            Content::Custom { event, exts } => {
                if !event.is_empty() {
                    m.insert("customEvent".into(), Value::String(event.clone()));
                }
                if !exts.is_empty() {
                    let exts = exts
                        .iter()
                        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                        .collect();
                    m.insert("customExts".into(), Value::Object(exts));
                }
            }
            Content::Cmd { action } => {
                m.insert("action".into(), Value::String(action.clone()));
            }
        }
        m
    }

    /// Checks the documented limits of the body alone.
    pub fn check(&self) -> Result<(), Invalid> {
        match self {
            Content::Text { msg } if msg.is_empty() => Err(Invalid::Missing(Field::Message)),
            Content::Cmd { action } if action.is_empty() => Err(Invalid::Missing(Field::Message)),
            Content::Custom { event, exts } => {
                // An empty body is refused by the server ("param body can't be empty").
                if event.is_empty() && exts.is_empty() {
                    return Err(Invalid::Missing(Field::CustomEvent));
                }
                if !event.is_empty() {
                    limits::check_custom_event(event)?;
                }
                if exts.len() > limits::CUSTOM_EXTS_MAX {
                    return Err(Invalid::TooManyInOneCall {
                        field: Field::CustomExts,
                        max: limits::CUSTOM_EXTS_MAX,
                        actual: exts.len(),
                    });
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// A room's priority for a message (`chatroom_msg_level`): under load, low goes first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Priority {
    High,
    #[default]
    Normal,
    Low,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Normal, Priority::Low];
    pub fn wire(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Normal => "normal",
            Priority::Low => "low",
        }
    }
    pub fn from_wire(s: &str) -> Option<Priority> {
        Priority::ALL.into_iter().find(|p| p.wire() == s)
    }
}

/// The size the server counts: `body` and `ext` as JSON, in bytes.
pub fn message_bytes(content: &Content, ext: Option<&Map<String, Value>>) -> usize {
    let body = serde_json::to_string(&content.body()).map_or(0, |s| s.len());
    body + ext.map_or(0, |e| serde_json::to_string(e).map_or(0, |s| s.len()))
}

fn check_message(
    from: &Option<String>,
    content: &Content,
    ext: Option<&Map<String, Value>>,
) -> Result<(), ApiError> {
    if let Some(f) = from {
        check_username(Field::Sender, f)?;
    }
    content.check()?;
    let actual = message_bytes(content, ext);
    if actual > limits::MESSAGE_BYTES_MAX {
        return Err(Invalid::TooLong {
            field: Field::Message,
            max: limits::MESSAGE_BYTES_MAX,
            actual,
        }
        .into());
    }
    Ok(())
}

/// `POST /messages/chatrooms`: one message to up to 10 rooms. `from` is the app's admin when
/// left out. The answer gives each room its message id; rooms are not checked to exist.
#[derive(Clone, Debug, Default)]
pub struct SendRoomMessage {
    pub from: Option<String>,
    pub rooms: Vec<String>,
    pub content: Content,
    pub ext: Option<Map<String, Value>>,
    pub priority: Priority,
}

impl Endpoint for SendRoomMessage {
    type Output = SentMessages;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        if self.rooms.iter().any(|r| r.trim().is_empty()) {
            return Err(Invalid::Missing(Field::RoomIds).into());
        }
        check_batch(Field::RoomIds, self.rooms.len(), limits::MESSAGE_ROOMS_MAX)?;
        check_message(&self.from, &self.content, self.ext.as_ref())?;
        let body = SendBody {
            from: self.from.clone(),
            to: self.rooms.iter().map(|r| r.trim().to_string()).collect(),
            kind: self.content.kind().into(),
            body: Value::Object(self.content.body()),
            ext: self.ext.clone().map(Value::Object),
            chatroom_msg_level: Some(self.priority.wire().into()),
        };
        let url = conn.url("/messages/chatrooms", &[]);
        Ok(conn.request(Method::Post, url, json(&body), true))
    }
    /// A second send is a second message.
    fn repeatable(&self) -> bool {
        false
    }
    fn rate(&self) -> RateClass {
        RateClass::RoomMessages
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
}

/// `POST /messages/chatrooms/broadcast`: one message to every active room (a member and a
/// message ever). The answer is only the broadcast's id.
#[derive(Clone, Debug, Default)]
pub struct Broadcast {
    pub from: Option<String>,
    pub content: Content,
    pub ext: Option<Map<String, Value>>,
    pub priority: Priority,
}

impl Endpoint for Broadcast {
    type Output = u64;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_message(&self.from, &self.content, self.ext.as_ref())?;
        let mut msg = self.content.body();
        msg.insert("type".into(), Value::String(self.content.kind().into()));
        let body = BroadcastBody {
            msg,
            from: self.from.clone(),
            ext: self.ext.clone().map(Value::Object),
            chatroom_msg_level: Some(self.priority.wire().into()),
        };
        let url = conn.url("/messages/chatrooms/broadcast", &[]);
        Ok(conn.request(Method::Post, url, json(&body), true))
    }
    fn repeatable(&self) -> bool {
        false
    }
    fn rate(&self) -> RateClass {
        RateClass::Broadcast
    }
    fn parse(&self, resp: &HttpResponse) -> Result<u64, ApiError> {
        Ok(parse_data::<BroadcastId>(resp)?.id)
    }
}

/// One room message to recall.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ToRecall {
    pub msg_id: String,
    pub room: String,
}

impl ToRecall {
    fn item(&self, force: bool) -> Result<RecallItem, ApiError> {
        if self.msg_id.trim().is_empty() {
            return Err(Invalid::Missing(Field::MessageIds).into());
        }
        if self.room.trim().is_empty() {
            return Err(Invalid::Missing(Field::RoomIds).into());
        }
        Ok(RecallItem {
            msg_id: self.msg_id.trim().into(),
            to: self.room.trim().into(),
            chat_type: "chatroom".into(),
            from: Some("admin".into()),
            force: Some(force),
        })
    }
}

impl RecallResult {
    /// Whether it was recalled, or why not (`None` when the server's words are new).
    pub fn outcome(&self) -> Result<(), Option<RecallProblem>> {
        if self.recalled == "yes" {
            Ok(())
        } else {
            Err(RecallProblem::read(&self.recalled))
        }
    }
}

/// `POST /messages/msg_recall`: one room message, as the app's admin. `force` recalls it
/// after the recall window too.
#[derive(Clone, Debug, Default)]
pub struct Recall {
    pub message: ToRecall,
    pub force: bool,
}

impl Endpoint for Recall {
    type Output = RecallResult;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let body = self.message.item(self.force)?;
        let url = conn.url("/messages/msg_recall", &[]);
        Ok(conn.request(Method::Post, url, json(&body), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
    /// The repeat of a recall that worked finds nothing to recall.
    fn settle_repeat(
        &self,
        answer: Result<RecallResult, ApiError>,
    ) -> Result<RecallResult, ApiError> {
        match answer {
            Err(e)
                if e.refusal()
                    == Some(&Refusal::RecallRefused {
                        problem: RecallProblem::NotFound,
                    }) =>
            {
                Ok(RecallResult {
                    recalled: "yes".into(),
                    chattype: "chatroom".into(),
                    from: "admin".into(),
                    to: self.message.room.clone(),
                    msg_id: self.message.msg_id.clone(),
                })
            }
            other => other,
        }
    }
}

/// `POST /messages/batch_recall`: up to 30 room messages, a result for each.
#[derive(Clone, Debug, Default)]
pub struct BatchRecall {
    pub messages: Vec<ToRecall>,
    pub force: bool,
}

impl Endpoint for BatchRecall {
    type Output = Vec<RecallResult>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_batch(
            Field::MessageIds,
            self.messages.len(),
            limits::RECALL_BATCH_MAX,
        )?;
        let body = BatchRecallBody {
            msgs: self
                .messages
                .iter()
                .map(|m| m.item(self.force))
                .collect::<Result<_, _>>()?,
        };
        let url = conn.url("/messages/batch_recall", &[]);
        Ok(conn.request(Method::Post, url, json(&body), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        Ok(parse_data::<OneOrMany<RecallResult>>(resp)?.0)
    }
    /// On a repeat, a message recalled by the lost send is "not found" now.
    fn settle_repeat(
        &self,
        answer: Result<Vec<RecallResult>, ApiError>,
    ) -> Result<Vec<RecallResult>, ApiError> {
        answer.map(|items| {
            items
                .into_iter()
                .map(|mut r| {
                    if r.outcome() == Err(Some(RecallProblem::NotFound)) {
                        r.recalled = "yes".into();
                    }
                    r
                })
                .collect()
        })
    }
}
