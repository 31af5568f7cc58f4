//! A room's announcement.

use serde::{Deserialize, Serialize};

/// `data` of `GET /chatrooms/{id}/announcement`, and the body that sets it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Announcement {
    #[serde(default)]
    pub announcement: String,
}

/// `data` of `POST /chatrooms/{id}/announcement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnouncementSet {
    pub id: String,
    pub result: bool,
}
