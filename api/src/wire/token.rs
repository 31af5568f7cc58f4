//! `POST /token`.

use serde::{Deserialize, Serialize};

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
