//! Room admins.

use serde::{Deserialize, Serialize};

/// Body of `POST /chatrooms/{id}/admin`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddAdminBody {
    #[serde(default)]
    pub newadmin: String,
}

/// `data` of `POST /chatrooms/{id}/admin`: `result` is the string "success".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedAdmin {
    pub result: String,
    pub newadmin: String,
}

/// `data` of `DELETE /chatrooms/{id}/admin/{u}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedAdmin {
    pub result: String,
    pub oldadmin: String,
}
