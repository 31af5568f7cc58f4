//! Users.

use serde::{Deserialize, Serialize};

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
