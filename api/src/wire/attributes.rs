//! A room's custom attributes (`/metadata/chatroom`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `autoDelete`: whether a user's attributes go when the user leaves the room.
pub const AUTO_DELETE: &str = "DELETE";
pub const NO_AUTO_DELETE: &str = "NO_DELETE";

/// Body of `PUT /metadata/chatroom/{id}/user/{u}[/forced]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAttributesBody {
    #[serde(rename = "metaData", default)]
    pub meta_data: BTreeMap<String, String>,
    #[serde(
        rename = "autoDelete",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_delete: Option<String>,
}

/// Body of `POST /metadata/chatroom/{id}` (which keys to read; none means all) and of
/// `DELETE /metadata/chatroom/{id}/user/{u}[/forced]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeKeysBody {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keys: Option<Vec<String>>,
}

/// `data` of a set or a delete: the keys done, and why each other key was not. Sent with 200
/// even when every key failed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributesChanged {
    #[serde(rename = "successKeys", default)]
    pub success_keys: Vec<String>,
    #[serde(rename = "errorKeys", default)]
    pub error_keys: BTreeMap<String, String>,
}
