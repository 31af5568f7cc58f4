//! Rooms: the list, details, create, edit, transfer, dissolve.

use super::{bool_as_string, lenient_bool, Affiliation};
use serde::{Deserialize, Serialize};

/// A row of `GET /chatrooms`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatroomSummary {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub affiliations_count: u64,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_bool"
    )]
    pub disabled: Option<bool>,
}

/// An element of `GET /chatrooms/{ids}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatroomDetail {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub membersonly: bool,
    #[serde(default)]
    pub allowinvites: bool,
    #[serde(default)]
    pub maxusers: u64,
    #[serde(default)]
    pub owner: String,
    /// Creation time, milliseconds since the Unix epoch.
    #[serde(default)]
    pub created: u64,
    #[serde(default)]
    pub custom: String,
    #[serde(default)]
    pub affiliations_count: u64,
    #[serde(default)]
    pub affiliations: Vec<Affiliation>,
    #[serde(default)]
    pub public: bool,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_bool"
    )]
    pub mute: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_bool"
    )]
    pub disabled: Option<bool>,
}

/// An element of `GET /users/{u}/joined_chatrooms`. `disabled` is sent as the string "false".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinedChatroom {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_bool",
        serialize_with = "bool_as_string"
    )]
    pub disabled: Option<bool>,
}

/// Body of `POST /chatrooms`. Required fields default to empty when parsing so that a server can
/// answer "X must be provided" rather than a generic parse error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateChatroom {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maxusers: Option<u64>,
    #[serde(default)]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom: Option<String>,
}

/// `data` of a successful create.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedChatroom {
    pub id: String,
}

/// Body of `PUT /chatrooms/{id}` that edits a room: only the fields that change are sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModifyChatroom {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maxusers: Option<u64>,
}

impl ModifyChatroom {
    pub const FIELDS: [&'static str; 3] = ["name", "description", "maxusers"];
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.description.is_none() && self.maxusers.is_none()
    }
}

/// `data` of a successful edit: one flag per field sent; the name is reported as `groupname`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifiedChatroom {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groupname: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maxusers: Option<bool>,
}

/// Body of `PUT /chatrooms/{id}` that hands the room to another user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferChatroom {
    pub newowner: String,
}

/// `data` of a transfer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferredChatroom {
    pub newowner: bool,
}

/// `data` of `DELETE /chatrooms/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DissolvedChatroom {
    pub success: bool,
    pub id: String,
}
