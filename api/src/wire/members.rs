//! Members of a room.

use serde::{Deserialize, Serialize};

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

/// `data` of `POST /chatrooms/{id}/users/{u}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedMember {
    pub result: bool,
    pub action: String,
    pub id: String,
    pub user: String,
}

/// Body of every call that takes a list of users: `POST /chatrooms/{id}/users`, the mute list,
/// the block and allow lists.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsernamesBody {
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
