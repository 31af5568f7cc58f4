//! Wire types, exactly as Easemob sends and accepts them (see
//! `shared/reference/easemob-rest-api.md`). Parsing is lenient where real servers are known to
//! differ from the documents (a `data` object where an array is sent, `disabled` as a string,
//! missing envelope fields) and serialising is what the real server sends, so the emulator can
//! use the same types.

use serde::{de, Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// The envelope around every successful answer. Every field is optional when parsing: recorded
/// real responses omit `applicationName`, `params`, `count` or `cursor` depending on endpoint
/// and cluster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<D, E = serde_json::Value> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
    #[serde(
        rename = "applicationName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub application_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default = "Vec::new")]
    pub entities: Vec<E>,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub data: Option<D>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<BTreeMap<String, Vec<String>>>,
    /// Present only while more rows remain after this page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// A value the documents show as one object but real servers send as an array of them.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct OneOrMany<T>(pub Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape<T> {
            Many(Vec<T>),
            One(T),
        }
        Ok(match Shape::deserialize(d)? {
            Shape::Many(v) => OneOrMany(v),
            Shape::One(t) => OneOrMany(vec![t]),
        })
    }
}

impl<T: Serialize> Serialize for OneOrMany<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

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

/// One member of a room as Easemob lists it: a single-key object, `{"owner":"u"}` or
/// `{"member":"u"}` (admins are listed as members).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Affiliation {
    Owner(String),
    Member(String),
}

impl Affiliation {
    pub fn username(&self) -> &str {
        match self {
            Affiliation::Owner(u) | Affiliation::Member(u) => u,
        }
    }
    pub fn is_owner(&self) -> bool {
        matches!(self, Affiliation::Owner(_))
    }
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

/// `data` of `POST /chatrooms/{id}/users/{u}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedMember {
    pub result: bool,
    pub action: String,
    pub id: String,
    pub user: String,
}

/// Body of `POST /chatrooms/{id}/users`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddMembersBody {
    #[serde(default)]
    pub usernames: Vec<String>,
}

/// `data` of `POST /chatrooms/{id}/users`: the usernames that were added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedMembers {
    #[serde(default)]
    pub newmembers: Vec<String>,
    pub action: String,
    pub id: String,
}

/// `data` of a member removal: one object for one user, an array of them for a list, with
/// `result: false` and a `reason` for each user that could not be removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedMember {
    pub result: bool,
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub user: String,
    pub id: String,
}

/// Body of `POST /token` for an app token.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRequest {
    #[serde(default)]
    pub grant_type: String,
    #[serde(default)]
    pub client_id: String,
    #[serde(default)]
    pub client_secret: String,
    /// Seconds; 0 means the token never expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u64>,
}

/// Answer of `POST /token` (not enveloped).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenResponse {
    pub access_token: String,
    /// Seconds from now; 0 means it never expires.
    pub expires_in: u64,
    #[serde(default)]
    pub application: String,
}

/// A user as `/users` endpoints list it (in `entities`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    #[serde(default)]
    pub uuid: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub created: u64,
    #[serde(default)]
    pub modified: u64,
    pub username: String,
    #[serde(default)]
    pub activated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
}

/// One user to register with `POST /users`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewUser {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub password: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
}

/// A user a batch registration did not create, in `data`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationFailure {
    pub username: String,
    #[serde(rename = "registerUserFailReason")]
    pub reason: String,
}

/// Accepts `true`, `false`, `"true"`, `"false"` and `null`.
fn lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum B {
        Bool(bool),
        Text(String),
    }
    match Option::<B>::deserialize(d)? {
        None => Ok(None),
        Some(B::Bool(b)) => Ok(Some(b)),
        Some(B::Text(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "true" => Ok(Some(true)),
            "false" => Ok(Some(false)),
            other => Err(de::Error::custom(format!(
                "expected a boolean, found \"{other}\""
            ))),
        },
    }
}

fn bool_as_string<S: serde::Serializer>(v: &Option<bool>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(b) => s.serialize_str(if *b { "true" } else { "false" }),
        None => s.serialize_none(),
    }
}
