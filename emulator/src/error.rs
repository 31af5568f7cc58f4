//! The one error type every handler returns. Easemob's error bodies are made here and nowhere
//! else, so every endpoint fails the same way the real server does: a status, an `error` code,
//! an `error_description`, usually an `exception`, and the `timestamp`/`duration` pair.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use easemob_api::ErrorBody;

#[derive(Debug, Clone)]
pub struct EmError {
    pub status: StatusCode,
    pub error: &'static str,
    pub exception: Option<&'static str>,
    pub description: String,
}

const GROUP_NOT_FOUND: &str = "com.easemob.group.exception.ResourceNotFoundException";
const GROUP_SERVICE_NOT_FOUND: &str =
    "com.easemob.group.exception.ServiceResourceNotFoundException";
const INVALID_PARAMETER: &str = "com.easemob.group.exception.InvalidParameterException";
// Not seen in any recording; the newer short names are used by the same clusters.
const FORBIDDEN_OP: &str = "EasemobForbiddenOpException";
const EXCEED_LIMIT: &str = "EasemobExceedLimitException";
const SECURITY: &str = "EasemobSecurityException";

impl EmError {
    fn new(
        status: StatusCode,
        error: &'static str,
        exception: Option<&'static str>,
        description: impl Into<String>,
    ) -> EmError {
        EmError {
            status,
            error,
            exception,
            description: description.into(),
        }
    }

    /// No `Authorization` header on a chatroom call (real recording).
    pub fn token_blank() -> EmError {
        EmError::new(
            StatusCode::UNAUTHORIZED,
            "group_authorization",
            Some("com.easemob.group.exception.GroupAuthorizationException"),
            "token is blank!",
        )
    }
    /// `POST /users` without a token, the app being in authorized-registration mode.
    pub fn registration_needs_token() -> EmError {
        EmError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            Some(SECURITY),
            "Open registration doesn't allow, so register user need token,",
        )
    }
    /// A token we never issued.
    pub fn bad_token() -> EmError {
        EmError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            Some(SECURITY),
            "Unable to authenticate (OAuth)",
        )
    }
    pub fn expired_token() -> EmError {
        EmError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            Some(SECURITY),
            "Unable to authenticate due to expired access token",
        )
    }
    /// The org/app in the path is not the app this emulator serves.
    pub fn app_not_found(org: &str, app: &str, path: &str) -> EmError {
        EmError::new(
            StatusCode::NOT_FOUND,
            "organization_application_not_found",
            Some("OrganizationApplicationNotFoundException"),
            format!("Could not find application for {org}/{app} from URI: {org}/{app}{path}"),
        )
    }
    /// GET of a room (detail or members) that does not exist.
    pub fn room_not_found_on_read(id: &str) -> EmError {
        EmError::new(
            StatusCode::NOT_FOUND,
            "service_resource_not_found",
            Some(GROUP_SERVICE_NOT_FOUND),
            format!("do not find this group:{id}"),
        )
    }
    /// A change to a room that does not exist.
    pub fn room_not_found(id: &str) -> EmError {
        EmError::new(
            StatusCode::NOT_FOUND,
            "resource_not_found",
            Some(GROUP_NOT_FOUND),
            format!("grpID {id} does not exist!"),
        )
    }
    /// A chatroom call names a user that is not registered.
    pub fn user_not_found(username: &str) -> EmError {
        EmError::new(
            StatusCode::NOT_FOUND,
            "resource_not_found",
            Some(GROUP_NOT_FOUND),
            format!("username {username} doesn't exist!"),
        )
    }
    /// `GET /users/{u}` of an unknown user (real recording: the message names nobody).
    pub fn user_entity_not_found() -> EmError {
        EmError::new(
            StatusCode::NOT_FOUND,
            "service_resource_not_found",
            Some("UserNotFoundException"),
            "Service resource not found",
        )
    }
    /// A required field is missing (real 2019 recordings of this error carry no exception).
    pub fn must_be_provided(field: &str) -> EmError {
        EmError::new(
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
            None,
            format!("{field} must be provided"),
        )
    }
    pub fn invalid_parameter(description: impl Into<String>) -> EmError {
        EmError::new(
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
            Some(INVALID_PARAMETER),
            description,
        )
    }
    pub fn illegal_argument(description: impl Into<String>) -> EmError {
        EmError::new(
            StatusCode::BAD_REQUEST,
            "illegal_argument",
            Some("java.lang.IllegalArgumentException"),
            description,
        )
    }
    pub fn invalid_grant(description: impl Into<String>) -> EmError {
        EmError::new(StatusCode::BAD_REQUEST, "invalid_grant", None, description)
    }
    pub fn exceed_limit(description: impl Into<String>) -> EmError {
        EmError::new(
            StatusCode::FORBIDDEN,
            "exceed_limit",
            Some(EXCEED_LIMIT),
            description,
        )
    }
    pub fn forbidden_op(description: impl Into<String>) -> EmError {
        EmError::new(
            StatusCode::FORBIDDEN,
            "forbidden_op",
            Some(FORBIDDEN_OP),
            description,
        )
    }
    /// The maxusers refusal was recorded without an exception.
    pub fn forbidden_op_bare(description: impl Into<String>) -> EmError {
        EmError::new(StatusCode::FORBIDDEN, "forbidden_op", None, description)
    }
    /// Removing users who are not in the room: doc-v2 answers 400 for one user, and older docs
    /// 403 for a list in which nobody is a member.
    pub fn not_members(users: &[String], batch: bool) -> EmError {
        EmError::new(
            if batch {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::BAD_REQUEST
            },
            "forbidden_op",
            Some(FORBIDDEN_OP),
            format!(
                "users [{}] are not members of this group!",
                users.join(", ")
            ),
        )
    }
    pub fn duplicate_user(app_uuid: &str, username: &str) -> EmError {
        EmError::new(
            StatusCode::BAD_REQUEST,
            "duplicate_unique_property_exists",
            Some("DuplicateUniquePropertyExistsException"),
            format!(
                "Application {app_uuid} Entity user requires that property named username be unique, value of {username} exists"
            ),
        )
    }
    pub fn body_too_large(limit: usize) -> EmError {
        EmError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "request_entity_too_large",
            None,
            format!("request body is larger than {limit} bytes"),
        )
    }
    pub fn method_not_allowed() -> EmError {
        EmError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            None,
            "this method is not supported on this path",
        )
    }
    pub fn no_such_endpoint(path: &str) -> EmError {
        EmError::new(
            StatusCode::NOT_FOUND,
            "service_resource_not_found",
            None,
            format!("no REST endpoint at {path}"),
        )
    }
    /// Our own failure (the database). Never the answer to bad input.
    pub fn internal(what: impl std::fmt::Display) -> EmError {
        tracing::error!("internal error: {what}");
        EmError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_server_error",
            None,
            "the emulator failed; see its log",
        )
    }
}

impl From<rusqlite::Error> for EmError {
    fn from(e: rusqlite::Error) -> EmError {
        EmError::internal(e)
    }
}

impl IntoResponse for EmError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: self.error.to_string(),
            timestamp: Some(crate::now_ms()),
            duration: Some(0),
            exception: self.exception.map(str::to_string),
            error_description: Some(self.description),
        };
        (self.status, axum::Json(body)).into_response()
    }
}
