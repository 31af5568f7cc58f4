//! A room's blocklist and allowlist.

use serde::{Deserialize, Serialize};

/// One user's result of adding to or removing from a list. Documents name the room
/// `chatroomid`; recordings of real servers name it `id`. Both are read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListChange {
    pub result: bool,
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub user: String,
    #[serde(default, alias = "id")]
    pub chatroomid: String,
}
