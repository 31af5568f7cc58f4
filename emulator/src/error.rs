//! The one error type every handler returns. Every body is built from the API crate's
//! [`Refusal`], the one place for Easemob's words, so the emulator answers exactly as the client
//! reads, and every endpoint fails the same way the real server does: a status, an `error` code,
//! an `error_description`, usually an `exception`, and the `timestamp`/`duration` pair.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use easemob_api::limits::Field;
use easemob_api::Refusal;

#[derive(Debug, Clone)]
pub struct EmError {
    pub refusal: Refusal,
    pub status: StatusCode,
    /// The `error` code, for handlers that report a refusal inside a success (batch results).
    pub error: &'static str,
    pub description: String,
}

impl From<Refusal> for EmError {
    fn from(refusal: Refusal) -> EmError {
        EmError::with_app(refusal, "")
    }
}

impl EmError {
    /// `app_uuid` appears only in the duplicate-user description.
    fn with_app(refusal: Refusal, app_uuid: &str) -> EmError {
        EmError {
            status: StatusCode::from_u16(refusal.status())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            error: refusal.code(),
            description: refusal.description(app_uuid),
            refusal,
        }
    }

    /// No `Authorization` header on a chatroom call (real recording).
    pub fn token_blank() -> EmError {
        Refusal::TokenBlank.into()
    }
    /// `POST /users` without a token, the app being in authorized-registration mode.
    pub fn registration_needs_token() -> EmError {
        Refusal::RegistrationNeedsToken.into()
    }
    /// A token we never issued.
    pub fn bad_token() -> EmError {
        Refusal::BadToken.into()
    }
    pub fn expired_token() -> EmError {
        Refusal::ExpiredToken.into()
    }
    /// The org/app in the path is not the app this emulator serves.
    pub fn app_not_found(org: &str, app: &str, path: &str) -> EmError {
        Refusal::AppNotFound {
            org: org.into(),
            app: app.into(),
            path: path.into(),
        }
        .into()
    }
    /// GET of a room (detail or members) that does not exist.
    pub fn room_not_found_on_read(id: &str) -> EmError {
        Refusal::RoomNotFoundOnRead { id: id.into() }.into()
    }
    /// A change to a room that does not exist.
    pub fn room_not_found(id: &str) -> EmError {
        Refusal::RoomNotFound { id: id.into() }.into()
    }
    /// A chatroom call names a user that is not registered.
    pub fn user_not_found(username: &str) -> EmError {
        Refusal::UserNotFound {
            username: username.into(),
        }
        .into()
    }
    /// `GET /users/{u}` of an unknown user (real recording: the message names nobody).
    pub fn user_entity_not_found() -> EmError {
        Refusal::UserEntityNotFound.into()
    }
    /// A required field is missing (real 2019 recordings of this error carry no exception).
    pub fn must_be_provided(field: &str) -> EmError {
        Refusal::MustBeProvided {
            field: field.into(),
        }
        .into()
    }
    /// A bad request of a kind no client acts on (unreadable body, bad number, bad cursor).
    pub fn invalid_parameter(detail: impl Into<String>) -> EmError {
        Refusal::InvalidParameter {
            detail: detail.into(),
        }
        .into()
    }
    pub fn illegal_argument(detail: impl Into<String>) -> EmError {
        Refusal::IllegalArgument {
            detail: detail.into(),
        }
        .into()
    }
    pub fn invalid_grant(detail: impl Into<String>) -> EmError {
        Refusal::InvalidGrant {
            detail: detail.into(),
        }
        .into()
    }
    pub fn too_long(field: Field, max: usize) -> EmError {
        Refusal::TooLong { field, max }.into()
    }
    pub fn maxusers_too_large(max: u64) -> EmError {
        Refusal::MaxUsersTooLarge { max }.into()
    }
    pub fn maxusers_too_small() -> EmError {
        Refusal::MaxUsersTooSmall.into()
    }
    pub fn too_many_members() -> EmError {
        Refusal::TooManyMembers.into()
    }
    /// More items in one call than allowed; `head` is the call's words before the number
    /// (`easemob_api::error::batch_heads`).
    pub fn too_many_in_one_call(head: &str, max: usize) -> EmError {
        Refusal::TooManyInOneCall {
            head: head.into(),
            max,
        }
        .into()
    }
    pub fn nothing_to_modify() -> EmError {
        Refusal::NothingToModify.into()
    }
    pub fn unknown_fields(fields: &[&str]) -> EmError {
        Refusal::UnknownFields {
            fields: fields.iter().map(|f| f.to_string()).collect(),
        }
        .into()
    }
    pub fn same_owner() -> EmError {
        Refusal::SameOwner.into()
    }
    /// A transfer to, or a removal of, someone who is not in the room.
    pub fn not_in_room(username: &str, room: &str) -> EmError {
        Refusal::NotInRoom {
            username: username.into(),
            room: room.into(),
        }
        .into()
    }
    pub fn owner_cannot_leave(username: &str, room: &str) -> EmError {
        Refusal::OwnerCannotLeave {
            username: username.into(),
            room: room.into(),
        }
        .into()
    }
    pub fn room_full(id: &str) -> EmError {
        Refusal::RoomFull { id: id.into() }.into()
    }
    /// The maxusers refusal (recorded without an exception).
    pub fn maxusers_below_members() -> EmError {
        Refusal::MaxUsersBelowMembers.into()
    }
    /// Removing users who are not in the room: doc-v2 answers 400 for one user, and older docs
    /// 403 for a list in which nobody is a member.
    pub fn not_members(users: &[String], batch: bool) -> EmError {
        Refusal::NotMembers {
            users: users.to_vec(),
            batch,
        }
        .into()
    }
    pub fn duplicate_user(app_uuid: &str, username: &str) -> EmError {
        EmError::with_app(
            Refusal::DuplicateUser {
                username: username.into(),
            },
            app_uuid,
        )
    }
    pub fn body_too_large(limit: usize) -> EmError {
        Refusal::BodyTooLarge { limit }.into()
    }
    pub fn method_not_allowed() -> EmError {
        Refusal::MethodNotAllowed.into()
    }
    pub fn no_such_endpoint(path: &str) -> EmError {
        Refusal::NoSuchEndpoint { path: path.into() }.into()
    }
    /// The documented rate limit was exceeded (reference section 6); nothing was done.
    pub fn rate_limited() -> EmError {
        Refusal::RateLimited.into()
    }
    /// The service is briefly unavailable (an injected fault, or the answer to a write that was
    /// carried out but whose answer is "lost").
    pub fn unavailable() -> EmError {
        Refusal::Unavailable.into()
    }
    /// Our own failure (the database). Never the answer to bad input.
    pub fn internal(what: impl std::fmt::Display) -> EmError {
        tracing::error!("internal error: {what}");
        Refusal::Internal.into()
    }
}

impl From<rusqlite::Error> for EmError {
    fn from(e: rusqlite::Error) -> EmError {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
        match e.sqlite_error_code() {
            // Another process holds the database past the busy time-out: nothing was done, and
            // trying again later may work.
            Some(DatabaseBusy | DatabaseLocked) => {
                tracing::warn!("the database is locked by another process: {e}");
                EmError::unavailable()
            }
            _ => EmError::internal(e),
        }
    }
}

impl IntoResponse for EmError {
    fn into_response(self) -> Response {
        let mut body = self.refusal.body("", crate::now_ms());
        body.error_description = Some(self.description);
        (self.status, axum::Json(body)).into_response()
    }
}
