//! The app's super admins (the users who may create rooms from a client SDK).

use serde::{Deserialize, Serialize};

/// Body of `POST /chatrooms/super_admin`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddSuperAdminBody {
    #[serde(default)]
    pub superadmin: String,
}

/// `data` of `POST /chatrooms/super_admin`: `result` is the string "success".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedSuperAdmin {
    pub result: String,
    #[serde(default)]
    pub resource: String,
}

/// `data` of `DELETE /chatrooms/super_admin/{u}`: the server names the removed user
/// `newSuperAdmin`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedSuperAdmin {
    #[serde(rename = "newSuperAdmin")]
    pub new_super_admin: String,
    #[serde(default)]
    pub resource: String,
}
