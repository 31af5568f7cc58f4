//! What can go wrong with a call, typed so a user can be told exactly what happened.

use crate::limits::Invalid;
use serde::{Deserialize, Serialize};

/// Easemob's error body. Only `error` is always there; `exception` is missing on some
/// validation errors, and older clusters send other field sets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exception: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The server answered with an error status and an Easemob error body.
    #[error("{status} {}: {}", body.error, body.error_description.as_deref().unwrap_or(""))]
    Server { status: u16, body: ErrorBody },
    /// The server answered, but not with anything we can read (a proxy's HTML page, a cut-off
    /// body, a shape that does not match the API).
    #[error("HTTP {status}: unreadable response ({reason})")]
    UnreadableBody {
        status: u16,
        reason: String,
        /// The start of the body, for the person debugging it.
        snippet: String,
    },
    /// Nothing came back: the host is unreachable, the connection broke, or the browser
    /// refused the request (CORS, mixed content).
    #[error("network error: {0}")]
    Network(String),
    /// The call was refused before sending because it breaks a documented limit.
    #[error("{0}")]
    Invalid(#[from] Invalid),
}

impl ApiError {
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Server { status, .. } | ApiError::UnreadableBody { status, .. } => {
                Some(*status)
            }
            _ => None,
        }
    }
    /// Easemob's `error` code, e.g. `resource_not_found`.
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Server { body, .. } => Some(&body.error),
            _ => None,
        }
    }
    /// Easemob's `error_description`, e.g. `grpID 1 does not exist!`.
    pub fn description(&self) -> Option<&str> {
        match self {
            ApiError::Server { body, .. } => body.error_description.as_deref(),
            _ => None,
        }
    }
    pub fn is_unauthorized(&self) -> bool {
        self.status() == Some(401)
    }

    /// Reads an error answer: an Easemob error body if there is one, otherwise the fact that
    /// the body could not be read.
    pub fn from_response(status: u16, body: &str) -> ApiError {
        match serde_json::from_str::<ErrorBody>(body) {
            Ok(body) => ApiError::Server { status, body },
            Err(e) => ApiError::unreadable(status, body, e.to_string()),
        }
    }

    pub fn unreadable(status: u16, body: &str, reason: impl Into<String>) -> ApiError {
        ApiError::UnreadableBody {
            status,
            reason: reason.into(),
            snippet: body.chars().take(200).collect(),
        }
    }
}
