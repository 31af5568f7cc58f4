//! Messages to chatrooms (`/messages/chatrooms`), the broadcast to every active room, and
//! recall (reference section 11.1 to 11.3).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Body of `POST /messages/chatrooms`. `body` and `ext` are kept as JSON values so a server can
/// say which is wrong (an `ext` that is not an object, an empty `body`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SendBody {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Vec<String>,
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub body: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ext: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chatroom_msg_level: Option<String>,
}

/// `data` of `POST /messages/chatrooms`: each room's id, and the id of the message it got
/// (19 digits: strings, never numbers).
pub type SentMessages = BTreeMap<String, String>;

/// Body of `POST /messages/chatrooms/broadcast`: `msg` is the type with its body's fields
/// flattened into it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BroadcastBody {
    #[serde(default)]
    pub msg: Map<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ext: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chatroom_msg_level: Option<String>,
}

/// `data` of the broadcast: its id, a JSON number above 2^53 (read as `u64`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BroadcastId {
    pub id: u64,
}

/// One message to recall, alone (`POST /messages/msg_recall`) or in a batch.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecallItem {
    #[serde(default)]
    pub msg_id: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub chat_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Documented as required by one version, optional by another: always sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

/// Body of `POST /messages/batch_recall`: up to 30.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchRecallBody {
    #[serde(default)]
    pub msgs: Vec<RecallItem>,
}

/// A recall's result (`data` of the single call, an element of the batch's `data`).
/// `recalled` is `"yes"`, or in a batch the reason it was not.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecallResult {
    #[serde(default)]
    pub recalled: String,
    #[serde(default)]
    pub chattype: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub msg_id: String,
}

/// What the emulator delivered, as `GET /_emulator/messages` lists it (not an Easemob call).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliveredMessage {
    pub id: String,
    pub room: String,
    pub from: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub body: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ext: Option<Value>,
    pub priority: String,
    /// ms since the epoch.
    pub at: u64,
    pub recalled: bool,
    /// The broadcast it came with, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast: Option<u64>,
}
