//! The app-wide mute of a user (`/mutes`, reference section 11.4): durations in seconds, per
//! kind of chat.

use serde::{Deserialize, Serialize};

/// A duration of `-1`: muted for ever.
pub const GLOBAL_MUTE_FOREVER: i64 = -1;

/// Body of `POST /mutes`: each kind left out is left as it is; `0` lifts, `-1` is for ever.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlobalMuteBody {
    #[serde(default)]
    pub username: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groupchat: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chatroom: Option<i64>,
}

/// `data` of `POST /mutes`: `{"result": "ok"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultOk {
    pub result: String,
}

/// `data` of `GET /mutes/{username}`: seconds left per kind (`0` none, `-1` for ever), and the
/// server's time in seconds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlobalMute {
    #[serde(default)]
    pub userid: String,
    #[serde(default)]
    pub chat: i64,
    #[serde(default)]
    pub groupchat: i64,
    #[serde(default)]
    pub chatroom: i64,
    #[serde(default)]
    pub unixtime: u64,
}

/// An element of `GET /mutes`: one user and one kind (only that kind's key is there).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlobalMuteEntry {
    pub username: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groupchat: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chatroom: Option<i64>,
}

/// `data` of `GET /mutes`: the list is nested one level down.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlobalMutePage {
    #[serde(default)]
    pub data: Vec<GlobalMuteEntry>,
    #[serde(default)]
    pub unixtime: u64,
}

/// `data` of `GET /users/{u}/disconnect`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disconnected {
    pub result: bool,
}

/// Body of `PUT /_emulator/presence` (not an Easemob call).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceBody {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub online: bool,
}
