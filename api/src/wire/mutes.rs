//! The mute list, and muting the whole room.

use serde::{Deserialize, Serialize};

/// `mute_duration` that never ends.
pub const MUTE_FOREVER: i64 = -1;

/// An element of `GET /chatrooms/{id}/mute`: who, and until when (ms since the epoch; -1 for a
/// mute without end, which no source shows, so inferred).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MutedUser {
    pub expire: i64,
    pub user: String,
}

/// Body of `POST /chatrooms/{id}/mute`: milliseconds, or -1 for ever (0 lifts the mute).
/// Optional when read, so a server can say it must be provided.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MuteBody {
    #[serde(default)]
    pub usernames: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mute_duration: Option<i64>,
}

/// A user's result of `POST /chatrooms/{id}/mute` or `DELETE /chatrooms/{id}/mute/{users}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MuteResult {
    pub result: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub user: String,
}

/// `data` of `POST` and `DELETE /chatrooms/{id}/ban`: whether the whole room is muted now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MuteAllState {
    pub mute: bool,
}
