//! What can go wrong with a call, typed so that a page can `match` on it and tell a person
//! exactly what happened.
//!
//! [`Refusal`] is every refusal Easemob documents. It is the one place for the server's words:
//! the emulator builds its error bodies from it ([`Refusal::body`]), and the client reads answers
//! back into it ([`Refusal::parse`]). The words are the server's, on the wire; the sentences a
//! person reads live in the dashboard's catalogues.

use crate::http::Method;
use crate::limits::{Field, Invalid};
use serde::{Deserialize, Serialize};
use std::fmt;

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

/// A refusal the server documents, with what it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// 401: no token on a chatroom call.
    TokenBlank,
    /// 401: a token the server never issued, or one it cannot read.
    BadToken,
    /// 401: the token has expired.
    ExpiredToken,
    /// 401: `POST /users` without a token on an app that only registers with one.
    RegistrationNeedsToken,
    /// 404: the org/app in the path does not exist.
    AppNotFound {
        org: String,
        app: String,
        path: String,
    },
    /// 404 on a read (detail, members) of a room that does not exist.
    RoomNotFoundOnRead { id: String },
    /// 404 on a change to a room that does not exist.
    RoomNotFound { id: String },
    /// 404: a chatroom call names a user who is not registered.
    UserNotFound { username: String },
    /// 404: `GET /users/{u}` of an unknown user (the server names nobody).
    UserEntityNotFound,
    /// 400: a required field is missing (its name on the wire).
    MustBeProvided { field: String },
    /// 403: a text field is longer than allowed.
    TooLong { field: Field, max: usize },
    /// 403: maxusers above the largest allowed.
    MaxUsersTooLarge { max: u64 },
    /// 400: maxusers of 0.
    MaxUsersTooSmall,
    /// 403: more members on create than maxusers.
    TooManyMembers,
    /// 400: more items in one call than allowed. `head` is the server's words before the
    /// number, which differ from call to call (see [`batch_heads`]).
    TooManyInOneCall { head: String, max: usize },
    /// 400: an edit that names nothing to change.
    NothingToModify,
    /// 400: an edit with fields the server does not know.
    UnknownFields { fields: Vec<String> },
    /// 403: a transfer to the user who already owns the room.
    SameOwner,
    /// 403: a transfer to, or a removal of, a user who is not in the room.
    NotInRoom { username: String, room: String },
    /// 403: the owner cannot be removed from their room.
    OwnerCannotLeave { username: String, room: String },
    /// 403: the room is full.
    RoomFull { id: String },
    /// 403: the user is in as many rooms as the plan allows.
    UserJoinedTooMany { username: String },
    /// 403: the app has as many rooms as its plan allows.
    AppHasTooManyRooms { app_key: String },
    /// 400 (one user) or 403 (a list in which nobody is a member): the users named are not
    /// members.
    NotMembers { users: Vec<String>, batch: bool },
    /// 403: maxusers below the room's current member count.
    MaxUsersBelowMembers,
    /// 400: registering a username that is taken.
    DuplicateUser { username: String },
    /// 400 `invalid_grant`: the client id or secret is wrong.
    InvalidGrant { detail: String },
    /// 400 `illegal_argument`: a malformed token or registration request.
    IllegalArgument { detail: String },
    /// 400 `invalid_parameter` of any other kind (unreadable body, bad number, bad cursor).
    InvalidParameter { detail: String },
    /// 413: the request body is too large.
    BodyTooLarge { limit: usize },
    /// 405.
    MethodNotAllowed,
    /// 404: no endpoint at this path.
    NoSuchEndpoint { path: String },
    /// 429: over the rate limit; nothing was done.
    RateLimited,
    /// 429: over the plan's quota.
    PlanLimited,
    /// 503: the service is briefly unavailable.
    Unavailable,
    /// 500: the server failed.
    Internal,
    /// Anything else, as the server sent it.
    Other,
    /// 403: promoting a user who is already an admin (or the owner). [inferred wording]
    AlreadyAdmin { username: String },
    /// 403: demoting a user who is not an admin. [inferred wording]
    NotAdmin { username: String },
    /// 403: the room has its 99 admins. [inferred wording]
    TooManyAdmins { max: usize },
    /// 404: promoting a user who is not in the room (the groups API's recorded wording).
    AdminMustBeMember { username: String, room: String },
    /// 400: muting users who are not in the room (a 2019 recording: `invalid_parameter`).
    MuteNotMembers { users: Vec<String> },
    /// 403: adding a user who is on the room's blocklist. [inferred wording]
    UserBlocked { username: String },
    /// 403: an announcement longer than 512 characters.
    AnnouncementTooLong,
    /// 400: more than 10 attribute keys in one call.
    AttributeBatchTooLarge { max: usize },
    /// 400: a plain (not forced) set of keys that another user set.
    AttributesOfOthers,
    /// 404: a chatroom's shared file that is not there (the web SDK's
    /// deleteChatRoomSharedFile). [inferred wording]
    SharedFileNotFound { file_id: String },
    /// 401 (not a token problem): attributes set or deleted as a user who is not in the room.
    AttributeUserNotInRoom,
    /// 403: the user is a super admin already. [inferred wording]
    AlreadySuperAdmin { username: String },
    /// 403: the user is not a super admin. [inferred wording]
    NotSuperAdmin { username: String },
    /// 400 or 403 `message_send_error`: a message the server would not send.
    MessageNotSent { problem: SendProblem },
    /// 400 or 403 `message_recall_error`: a message the server would not recall.
    RecallRefused { problem: RecallProblem },
    /// 403: the app's plan does not include the broadcast to chatrooms.
    BroadcastUnopened,
    /// 403: the app has sent its broadcasts for the day (100, raisable through sales).
    BroadcastDailyLimit,
    /// 403: the app's plan does not include recall.
    RecallUnopened,
    /// 400 `invalid_request_body`: a body the message calls cannot read.
    InvalidRequestBody,
    /// 400 `required_property_not_found`: the user an app-wide mute names does not exist.
    UserRequired,
}

/// Why `POST /messages/chatrooms` refused a message (`message_send_error`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendProblem {
    FromEmpty,
    ToEmpty,
    TypeEmpty,
    BodyEmpty,
    ExtNotObject,
    UsersEmpty,
    TooManyRooms {
        max: usize,
    },
    /// `body` and `ext` together are larger than allowed.
    TooLarge,
    /// 403: more messages a second than the app may send.
    ReachLimit,
    /// 403: the sender is muted app-wide for chatrooms. [inferred wording: no source shows it]
    SenderMuted {
        username: String,
    },
}

const SEND_TOO_MANY_ROOMS: Template = Template("params to's size can't exceed limit ", "");
const SENDER_MUTED: Template = Template("user ", " is muted and can not send message");

impl SendProblem {
    fn status(&self) -> u16 {
        match self {
            SendProblem::ReachLimit | SendProblem::SenderMuted { .. } => 403,
            _ => 400,
        }
    }
    fn words(&self) -> String {
        use SendProblem::*;
        match self {
            FromEmpty => "param from can't be empty".into(),
            ToEmpty => "param to can't be empty".into(),
            TypeEmpty => "param type can't be empty".into(),
            BodyEmpty => "param body can't be empty".into(),
            ExtNotObject => "param ext must be JSONObject".into(),
            UsersEmpty => "param users can't be empty".into(),
            TooManyRooms { max } => SEND_TOO_MANY_ROOMS.fill(max),
            TooLarge => "message is too large".into(),
            ReachLimit => "message send reach limit".into(),
            SenderMuted { username } => SENDER_MUTED.fill(username),
        }
    }
    fn read(d: &str) -> Option<SendProblem> {
        use SendProblem::*;
        let fixed = [
            FromEmpty,
            ToEmpty,
            TypeEmpty,
            BodyEmpty,
            ExtNotObject,
            UsersEmpty,
            TooLarge,
            ReachLimit,
        ];
        if let Some(p) = fixed.into_iter().find(|p| p.words() == d) {
            return Some(p);
        }
        if let Some(max) = SEND_TOO_MANY_ROOMS.read(d).and_then(|n| n.parse().ok()) {
            return Some(TooManyRooms { max });
        }
        SENDER_MUTED
            .read(d)
            .map(|u| SenderMuted { username: u.into() })
    }
}

/// Why a recall was refused (`message_recall_error`), or why one message of a batch was not
/// recalled (its `recalled`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecallProblem {
    MissingMsgId,
    MissingTo,
    MissingChatType,
    MissingForce,
    /// The receiver (the room) named is not the message's.
    ReceiverNotFound,
    /// 403: sent longer ago than the recall window, and not forced.
    TooLate,
    /// 403: no such message: expired on the server, or recalled already.
    NotFound,
}

impl RecallProblem {
    pub const ALL: [RecallProblem; 7] = [
        RecallProblem::MissingMsgId,
        RecallProblem::MissingTo,
        RecallProblem::MissingChatType,
        RecallProblem::MissingForce,
        RecallProblem::ReceiverNotFound,
        RecallProblem::TooLate,
        RecallProblem::NotFound,
    ];
    fn status(self) -> u16 {
        match self {
            RecallProblem::TooLate | RecallProblem::NotFound => 403,
            _ => 400,
        }
    }
    /// The server's words, as an error description or a batch item's `recalled`.
    pub fn words(self) -> &'static str {
        use RecallProblem::*;
        match self {
            MissingMsgId => "param msg_id can't be empty",
            MissingTo => "param to can't be empty",
            MissingChatType => "param chat_type can't be empty",
            MissingForce => "param force can't be empty",
            ReceiverNotFound => "can't find msg to",
            TooLate => "exceed recall time limit",
            NotFound => "not_found msg",
        }
    }
    /// Reads the words back; the documents print one of them with a typographic apostrophe.
    pub fn read(d: &str) -> Option<RecallProblem> {
        let d = d.trim().replace('\u{2019}', "'");
        RecallProblem::ALL.into_iter().find(|p| p.words() == d)
    }
}

/// The words before the number in the "too many in one call" refusal of each call.
pub mod batch_heads {
    pub const ADD_MEMBERS: &str = "addMembers: addMembers number more than maxSize : ";
    pub const REMOVE_MEMBERS: &str = "kickMember: kickMembers number more than maxSize : ";
    pub const MUTE: &str = "userNames size is more than max limit : ";
    pub const UNMUTE: &str = "removeMute member size more than max limit :  ";
    pub const BLOCK: &str = "userNames is more than max limit : ";
    pub const UNBLOCK: &str = "removeBlacklist: list size more than max limit : ";
    pub const ALLOW: &str = "usernames size is more than max limit : ";
    pub const DISALLOW: &str = "removeWhitelist size is more than max limit : ";
    /// The head for a field of a create.
    pub fn field(wire_name: &str) -> String {
        format!("{wire_name} number more than maxSize : ")
    }
}

const GROUP_NOT_FOUND: &str = "com.easemob.group.exception.ResourceNotFoundException";
const GROUP_SERVICE_NOT_FOUND: &str =
    "com.easemob.group.exception.ServiceResourceNotFoundException";
const INVALID_PARAMETER: &str = "com.easemob.group.exception.InvalidParameterException";
// Not seen in any recording; the newer short names are used by the same clusters.
const FORBIDDEN_OP: &str = "EasemobForbiddenOpException";
const EXCEED_LIMIT: &str = "EasemobExceedLimitException";
const SECURITY: &str = "EasemobSecurityException";

/// A description with one value in it: the words before and after. Used both to write a
/// description and to read the value back, so the two cannot drift apart.
struct Template(&'static str, &'static str);

impl Template {
    fn fill(&self, value: impl fmt::Display) -> String {
        format!("{}{value}{}", self.0, self.1)
    }
    fn read<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.strip_prefix(self.0)?.strip_suffix(self.1)
    }
}

const TOKEN_BLANK: &str = "token is blank!";
const BAD_TOKEN: &str = "Unable to authenticate (OAuth)";
const EXPIRED_TOKEN: &str = "Unable to authenticate due to expired access token";
const REGISTRATION_NEEDS_TOKEN: &str =
    "Open registration doesn't allow, so register user need token,";
const ROOM_NOT_FOUND_ON_READ: Template = Template("do not find this group:", "");
const ROOM_NOT_FOUND: Template = Template("grpID ", " does not exist!");
/// Not "does not exist": the web SDK would take that for a missing room.
const SHARED_FILE_NOT_FOUND: Template = Template("file ", " is not found in this group");
const USER_NOT_FOUND: Template = Template("username ", " doesn't exist!");
const USER_ENTITY_NOT_FOUND: &str = "Service resource not found";
const MUST_BE_PROVIDED: Template = Template("", " must be provided");
const TITLE_TOO_LONG: Template = Template("title cannot exceed to ", "");
const DESC_TOO_LONG: Template = Template("desc cannot exceed to ", "");
const CUSTOM_TOO_LONG: Template = Template("custom cannot exceed to ", "");
const MAXUSERS_TOO_LARGE: Template = Template("maxUsers cannot exceed ", "");
const MAXUSERS_TOO_SMALL: &str = "maxusers must be greater than 0";
const TOO_MANY_MEMBERS: &str = "members size is greater than max user size !";
const NOTHING_TO_MODIFY: &str = "nothing to modify";
const UNKNOWN_FIELDS: Template = Template("some of [", "] are not valid fields");
const SAME_OWNER: &str = "new owner and old owner are the same";
const ROOM_FULL: Template = Template(
    "can not join this group, reason:chatroom ",
    " has reached its maxusers",
);
const USER_JOINED_TOO_MANY: Template = Template(
    "can not join this group, reason:user ",
    " has joined too many chatrooms!",
);
/// The same refusal on create, in other words.
const USER_JOINED_TOO_MANY_ON_CREATE: Template =
    Template("user ", " has joined too many chatrooms!");
const APP_HAS_TOO_MANY_ROOMS: Template = Template("appKey:", " has create too many chatrooms!");
const NOT_MEMBERS: Template = Template("users [", "] are not members of this group!");
const MAXUSERS_BELOW_MEMBERS: &str =
    "current user count is larger than the maxUsers that you want to update !";
const BODY_TOO_LARGE: Template = Template("request body is larger than ", " bytes");
const METHOD_NOT_ALLOWED: &str = "this method is not supported on this path";
const NO_SUCH_ENDPOINT: Template = Template("no REST endpoint at ", "");
const RATE_LIMITED: &str = "This request has reached api limit";
const PLAN_LIMITED: &str =
    "You have exceeded the limit of the Free edition. Please upgrade to higher edition.";
const UNAVAILABLE: &str = "the service is temporarily unavailable";
const INTERNAL: &str = "the emulator failed; see its log";

/// `user: {u} doesn't exist in group: {room}` and `user: {u} is the owner of group: {room} …`:
/// two values, read with one split.
const NOT_IN_ROOM: (&str, &str) = ("user: ", " doesn't exist in group: ");
const OWNER_CANNOT_LEAVE: (&str, &str, &str) = (
    "user: ",
    " is the owner of group: ",
    " and can not be removed",
);
/// `Application {uuid} Entity user requires that property named username be unique, value of {u} exists`
const DUPLICATE_USER: (&str, &str, &str) = (
    "Application ",
    " Entity user requires that property named username be unique, value of ",
    " exists",
);
/// `Could not find application for {org}/{app} from URI: {org}/{app}{path}`
const APP_NOT_FOUND: (&str, &str) = ("Could not find application for ", " from URI: ");
const ALREADY_ADMIN: Template = Template("user ", " is already an admin of this group!");
const NOT_ADMIN: Template = Template("user ", " is not an admin of this group!");
const TOO_MANY_ADMINS: Template = Template("admins cannot exceed ", "");
const USER_BLOCKED: Template = Template(
    "can not join this group, reason:user ",
    " is in the blocklist of this group!",
);
const ANNOUNCEMENT_TOO_LONG: &str = "announce info length exceeds limit!";
const ATTRIBUTE_BATCH: Template = Template("exceed allowed batch size ", "");
const ATTRIBUTES_OF_OTHERS: &str = "others are not allowed to be set";
const ATTRIBUTE_USER_NOT_IN_ROOM: &str = "user is not in chatroom";
const ALREADY_SUPER_ADMIN: Template = Template("user ", " is already a super admin!");
const NOT_SUPER_ADMIN: Template = Template("user ", " is not a super admin!");
const METADATA: &str = "MetadataException";
const BROADCAST_UNOPENED: &str = "message broadcast service is unopened";
const BROADCAST_DAILY_LIMIT: &str = "chatroom broadcast limit exceeded";
const RECALL_UNOPENED: &str = "message recall service is unopened";
const INVALID_REQUEST_BODY: &str = "Request body is invalid. Please check body is correct.";
const USER_REQUIRED: &str = "Entity user requires a property named username";

impl Refusal {
    /// The HTTP status the server answers with.
    pub fn status(&self) -> u16 {
        use Refusal::*;
        match self {
            TokenBlank | BadToken | ExpiredToken | RegistrationNeedsToken => 401,
            AppNotFound { .. }
            | RoomNotFoundOnRead { .. }
            | RoomNotFound { .. }
            | UserNotFound { .. }
            | UserEntityNotFound
            | AdminMustBeMember { .. }
            | SharedFileNotFound { .. }
            | NoSuchEndpoint { .. } => 404,
            MustBeProvided { .. }
            | MaxUsersTooSmall
            | TooManyInOneCall { .. }
            | NothingToModify
            | UnknownFields { .. }
            | DuplicateUser { .. }
            | InvalidGrant { .. }
            | IllegalArgument { .. }
            | MuteNotMembers { .. }
            | AttributeBatchTooLarge { .. }
            | AttributesOfOthers
            | InvalidParameter { .. } => 400,
            AttributeUserNotInRoom => 401,
            TooLong { .. }
            | MaxUsersTooLarge { .. }
            | TooManyMembers
            | SameOwner
            | NotInRoom { .. }
            | OwnerCannotLeave { .. }
            | RoomFull { .. }
            | UserJoinedTooMany { .. }
            | AppHasTooManyRooms { .. }
            | AlreadyAdmin { .. }
            | NotAdmin { .. }
            | TooManyAdmins { .. }
            | UserBlocked { .. }
            | AnnouncementTooLong
            | AlreadySuperAdmin { .. }
            | NotSuperAdmin { .. }
            | MaxUsersBelowMembers => 403,
            // One user: 400 (doc-v2); a list in which nobody is a member: 403 (older docs).
            NotMembers { batch, .. } => {
                if *batch {
                    403
                } else {
                    400
                }
            }
            MessageNotSent { problem } => problem.status(),
            RecallRefused { problem } => problem.status(),
            BroadcastUnopened | BroadcastDailyLimit | RecallUnopened => 403,
            InvalidRequestBody | UserRequired => 400,
            BodyTooLarge { .. } => 413,
            MethodNotAllowed => 405,
            RateLimited | PlanLimited => 429,
            Unavailable => 503,
            Internal | Other => 500,
        }
    }

    /// Easemob's `error` code.
    pub fn code(&self) -> &'static str {
        use Refusal::*;
        match self {
            TokenBlank => "group_authorization",
            BadToken | ExpiredToken | RegistrationNeedsToken => "unauthorized",
            AppNotFound { .. } => "organization_application_not_found",
            RoomNotFoundOnRead { .. } | UserEntityNotFound | NoSuchEndpoint { .. } => {
                "service_resource_not_found"
            }
            RoomNotFound { .. }
            | UserNotFound { .. }
            | AdminMustBeMember { .. }
            | SharedFileNotFound { .. } => "resource_not_found",
            MustBeProvided { .. }
            | MaxUsersTooSmall
            | TooManyInOneCall { .. }
            | NothingToModify
            | UnknownFields { .. }
            | MuteNotMembers { .. }
            | AttributeBatchTooLarge { .. }
            | AttributesOfOthers
            | InvalidParameter { .. } => "invalid_parameter",
            AttributeUserNotInRoom => "unauthorized",
            TooLong { .. }
            | MaxUsersTooLarge { .. }
            | TooManyMembers
            | TooManyAdmins { .. }
            | AppHasTooManyRooms { .. } => "exceed_limit",
            SameOwner
            | NotInRoom { .. }
            | OwnerCannotLeave { .. }
            | RoomFull { .. }
            | UserJoinedTooMany { .. }
            | NotMembers { .. }
            | AlreadyAdmin { .. }
            | NotAdmin { .. }
            | UserBlocked { .. }
            | AnnouncementTooLong
            | AlreadySuperAdmin { .. }
            | NotSuperAdmin { .. }
            | MaxUsersBelowMembers => "forbidden_op",
            DuplicateUser { .. } => "duplicate_unique_property_exists",
            MessageNotSent { .. } => "message_send_error",
            RecallRefused { .. } => "message_recall_error",
            BroadcastUnopened | BroadcastDailyLimit | RecallUnopened => "forbidden_op",
            InvalidRequestBody => "invalid_request_body",
            UserRequired => "required_property_not_found",
            InvalidGrant { .. } => "invalid_grant",
            IllegalArgument { .. } => "illegal_argument",
            BodyTooLarge { .. } => "request_entity_too_large",
            MethodNotAllowed => "method_not_allowed",
            RateLimited => "reach_limit",
            PlanLimited => "resource_limited",
            Unavailable => "service_unavailable",
            Internal => "internal_server_error",
            Other => "unknown",
        }
    }

    /// The `exception` the server sends with it, when it sends one.
    pub fn exception(&self) -> Option<&'static str> {
        use Refusal::*;
        Some(match self {
            TokenBlank => "com.easemob.group.exception.GroupAuthorizationException",
            BadToken | ExpiredToken | RegistrationNeedsToken => SECURITY,
            AppNotFound { .. } => "OrganizationApplicationNotFoundException",
            RoomNotFoundOnRead { .. } => GROUP_SERVICE_NOT_FOUND,
            RoomNotFound { .. }
            | UserNotFound { .. }
            | AdminMustBeMember { .. }
            | SharedFileNotFound { .. } => GROUP_NOT_FOUND,
            UserEntityNotFound => "UserNotFoundException",
            MaxUsersTooSmall
            | TooManyInOneCall { .. }
            | NothingToModify
            | UnknownFields { .. }
            | MuteNotMembers { .. }
            | InvalidParameter { .. } => INVALID_PARAMETER,
            AttributeBatchTooLarge { .. } | AttributesOfOthers | AttributeUserNotInRoom => METADATA,
            TooLong { .. }
            | MaxUsersTooLarge { .. }
            | TooManyMembers
            | TooManyAdmins { .. }
            | AppHasTooManyRooms { .. } => EXCEED_LIMIT,
            SameOwner
            | NotInRoom { .. }
            | OwnerCannotLeave { .. }
            | RoomFull { .. }
            | UserJoinedTooMany { .. }
            | AlreadyAdmin { .. }
            | NotAdmin { .. }
            | UserBlocked { .. }
            | AnnouncementTooLong
            | AlreadySuperAdmin { .. }
            | NotSuperAdmin { .. }
            | NotMembers { .. }
            | BroadcastUnopened
            | BroadcastDailyLimit
            | RecallUnopened => FORBIDDEN_OP,
            DuplicateUser { .. } => "DuplicateUniquePropertyExistsException",
            IllegalArgument { .. } => "java.lang.IllegalArgumentException",
            // Recorded without an exception (2019 validation errors, the maxusers refusal);
            // the message calls document none.
            MessageNotSent { .. }
            | RecallRefused { .. }
            | InvalidRequestBody
            | UserRequired
            | MustBeProvided { .. }
            | MaxUsersBelowMembers
            | InvalidGrant { .. }
            | BodyTooLarge { .. }
            | MethodNotAllowed
            | NoSuchEndpoint { .. }
            | RateLimited
            | PlanLimited
            | Unavailable
            | Internal
            | Other => return None,
        })
    }

    /// The server's `error_description`. `app_uuid` is needed only for a duplicate user.
    pub fn description(&self, app_uuid: &str) -> String {
        use Refusal::*;
        match self {
            TokenBlank => TOKEN_BLANK.into(),
            BadToken => BAD_TOKEN.into(),
            ExpiredToken => EXPIRED_TOKEN.into(),
            RegistrationNeedsToken => REGISTRATION_NEEDS_TOKEN.into(),
            AppNotFound { org, app, path } => format!(
                "{}{org}/{app}{}{org}/{app}{path}",
                APP_NOT_FOUND.0, APP_NOT_FOUND.1
            ),
            RoomNotFoundOnRead { id } => ROOM_NOT_FOUND_ON_READ.fill(id),
            RoomNotFound { id } => ROOM_NOT_FOUND.fill(id),
            SharedFileNotFound { file_id } => SHARED_FILE_NOT_FOUND.fill(file_id),
            UserNotFound { username } => USER_NOT_FOUND.fill(username),
            UserEntityNotFound => USER_ENTITY_NOT_FOUND.into(),
            MustBeProvided { field } => MUST_BE_PROVIDED.fill(field),
            TooLong { field, max } => match field {
                Field::Name => TITLE_TOO_LONG.fill(max),
                Field::Description => DESC_TOO_LONG.fill(max),
                Field::Custom => CUSTOM_TOO_LONG.fill(max),
                other => format!("{} cannot exceed to {max}", other.wire_name()),
            },
            MaxUsersTooLarge { max } => MAXUSERS_TOO_LARGE.fill(max),
            MaxUsersTooSmall => MAXUSERS_TOO_SMALL.into(),
            TooManyMembers => TOO_MANY_MEMBERS.into(),
            TooManyInOneCall { head, max } => format!("{head}{max}"),
            NothingToModify => NOTHING_TO_MODIFY.into(),
            UnknownFields { fields } => UNKNOWN_FIELDS.fill(fields.join(", ")),
            SameOwner => SAME_OWNER.into(),
            NotInRoom { username, room } => {
                format!("{}{username}{}{room}", NOT_IN_ROOM.0, NOT_IN_ROOM.1)
            }
            OwnerCannotLeave { username, room } => format!(
                "{}{username}{}{room}{}",
                OWNER_CANNOT_LEAVE.0, OWNER_CANNOT_LEAVE.1, OWNER_CANNOT_LEAVE.2
            ),
            RoomFull { id } => ROOM_FULL.fill(id),
            UserJoinedTooMany { username } => USER_JOINED_TOO_MANY.fill(username),
            AppHasTooManyRooms { app_key } => APP_HAS_TOO_MANY_ROOMS.fill(app_key),
            NotMembers { users, .. } => NOT_MEMBERS.fill(users.join(", ")),
            MaxUsersBelowMembers => MAXUSERS_BELOW_MEMBERS.into(),
            DuplicateUser { username } => format!(
                "{}{app_uuid}{}{username}{}",
                DUPLICATE_USER.0, DUPLICATE_USER.1, DUPLICATE_USER.2
            ),
            InvalidGrant { detail } | IllegalArgument { detail } | InvalidParameter { detail } => {
                detail.clone()
            }
            BodyTooLarge { limit } => BODY_TOO_LARGE.fill(limit),
            MethodNotAllowed => METHOD_NOT_ALLOWED.into(),
            NoSuchEndpoint { path } => NO_SUCH_ENDPOINT.fill(path),
            RateLimited => RATE_LIMITED.into(),
            PlanLimited => PLAN_LIMITED.into(),
            Unavailable => UNAVAILABLE.into(),
            Internal => INTERNAL.into(),
            Other => String::new(),
            AlreadyAdmin { username } => ALREADY_ADMIN.fill(username),
            NotAdmin { username } => NOT_ADMIN.fill(username),
            TooManyAdmins { max } => TOO_MANY_ADMINS.fill(max),
            AdminMustBeMember { username, room } => {
                format!("{}{username}{}{room}", NOT_IN_ROOM.0, NOT_IN_ROOM.1)
            }
            MuteNotMembers { users } => NOT_MEMBERS.fill(users.join(", ")),
            UserBlocked { username } => USER_BLOCKED.fill(username),
            AnnouncementTooLong => ANNOUNCEMENT_TOO_LONG.into(),
            AttributeBatchTooLarge { max } => ATTRIBUTE_BATCH.fill(max),
            AttributesOfOthers => ATTRIBUTES_OF_OTHERS.into(),
            AttributeUserNotInRoom => ATTRIBUTE_USER_NOT_IN_ROOM.into(),
            AlreadySuperAdmin { username } => ALREADY_SUPER_ADMIN.fill(username),
            NotSuperAdmin { username } => NOT_SUPER_ADMIN.fill(username),
            MessageNotSent { problem } => problem.words(),
            RecallRefused { problem } => problem.words().into(),
            BroadcastUnopened => BROADCAST_UNOPENED.into(),
            BroadcastDailyLimit => BROADCAST_DAILY_LIMIT.into(),
            RecallUnopened => RECALL_UNOPENED.into(),
            InvalidRequestBody => INVALID_REQUEST_BODY.into(),
            UserRequired => USER_REQUIRED.into(),
        }
    }

    /// The whole error body, as the server sends it.
    pub fn body(&self, app_uuid: &str, timestamp: u64) -> ErrorBody {
        ErrorBody {
            error: self.code().to_string(),
            timestamp: Some(timestamp),
            duration: Some(0),
            exception: self.exception().map(str::to_string),
            error_description: Some(self.description(app_uuid)),
        }
    }

    /// Reads an error answer back into the refusal it is. The one place that reads the server's
    /// words; it knows every wording [`Refusal::description`] writes, and the older ones of
    /// real recordings.
    pub fn parse(status: u16, body: &ErrorBody) -> Refusal {
        use Refusal::*;
        let d = body.error_description.as_deref().unwrap_or("").trim();
        let names = |list: &str| -> Vec<String> {
            list.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        };
        match (status, body.error.as_str()) {
            // The metadata calls' refusals are documented with an `error` type left blank or
            // named after the exception: their words alone say what they are.
            (401, _) if d == ATTRIBUTE_USER_NOT_IN_ROOM => AttributeUserNotInRoom,
            (400, _) if d == ATTRIBUTES_OF_OTHERS => AttributesOfOthers,
            (400, _)
                if ATTRIBUTE_BATCH
                    .read(d)
                    .is_some_and(|n| n.parse::<usize>().is_ok()) =>
            {
                AttributeBatchTooLarge {
                    max: ATTRIBUTE_BATCH
                        .read(d)
                        .and_then(|n| n.parse().ok())
                        .unwrap_or(0),
                }
            }
            (401, "group_authorization") if d == TOKEN_BLANK => TokenBlank,
            (401, "unauthorized") if d == REGISTRATION_NEEDS_TOKEN => RegistrationNeedsToken,
            (401, _) if d.contains("expired") => ExpiredToken,
            (401, _) => BadToken,
            (404, "organization_application_not_found") => {
                let rest = d.strip_prefix(APP_NOT_FOUND.0).unwrap_or("");
                let (app_path, uri) = rest.split_once(APP_NOT_FOUND.1).unwrap_or((rest, ""));
                let (org, app) = app_path.split_once('/').unwrap_or((app_path, ""));
                AppNotFound {
                    org: org.into(),
                    app: app.into(),
                    path: uri.strip_prefix(app_path).unwrap_or("").into(),
                }
            }
            (404, "service_resource_not_found") => {
                if let Some(id) = ROOM_NOT_FOUND_ON_READ.read(d) {
                    RoomNotFoundOnRead { id: id.into() }
                } else if let Some(path) = NO_SUCH_ENDPOINT.read(d) {
                    NoSuchEndpoint { path: path.into() }
                } else {
                    UserEntityNotFound
                }
            }
            (404, "resource_not_found") => {
                if let Some(id) = ROOM_NOT_FOUND.read(d) {
                    RoomNotFound { id: id.into() }
                } else if let Some(u) = USER_NOT_FOUND.read(d) {
                    UserNotFound { username: u.into() }
                } else if let Some(f) = SHARED_FILE_NOT_FOUND.read(d) {
                    SharedFileNotFound { file_id: f.into() }
                } else if let Some((u, room)) = read_two(d, NOT_IN_ROOM.0, NOT_IN_ROOM.1, "") {
                    AdminMustBeMember {
                        username: u.into(),
                        room: room.into(),
                    }
                } else {
                    Other
                }
            }
            (_, "invalid_parameter") => {
                if let Some(f) = MUST_BE_PROVIDED.read(d) {
                    MustBeProvided { field: f.into() }
                } else if d == MAXUSERS_TOO_SMALL {
                    MaxUsersTooSmall
                } else if d == NOTHING_TO_MODIFY {
                    NothingToModify
                } else if let Some(list) = UNKNOWN_FIELDS.read(d) {
                    UnknownFields {
                        fields: names(list),
                    }
                } else if let Some(call) = read_too_many(d) {
                    call
                } else if let Some(list) = NOT_MEMBERS.read(d) {
                    MuteNotMembers { users: names(list) }
                } else if let Some(max) = ATTRIBUTE_BATCH.read(d).and_then(|n| n.parse().ok()) {
                    AttributeBatchTooLarge { max }
                } else if d == ATTRIBUTES_OF_OTHERS {
                    AttributesOfOthers
                } else {
                    InvalidParameter { detail: d.into() }
                }
            }
            (_, "exceed_limit") => {
                let number = |t: &Template| t.read(d).and_then(|n| n.trim().parse().ok());
                if let Some(max) = number(&TITLE_TOO_LONG) {
                    TooLong {
                        field: Field::Name,
                        max,
                    }
                } else if let Some(max) = number(&DESC_TOO_LONG) {
                    TooLong {
                        field: Field::Description,
                        max,
                    }
                } else if let Some(max) = number(&CUSTOM_TOO_LONG) {
                    TooLong {
                        field: Field::Custom,
                        max,
                    }
                } else if let Some(max) = MAXUSERS_TOO_LARGE.read(d).and_then(|n| n.parse().ok()) {
                    MaxUsersTooLarge { max }
                } else if d == TOO_MANY_MEMBERS {
                    TooManyMembers
                } else if let Some(k) = APP_HAS_TOO_MANY_ROOMS.read(d) {
                    AppHasTooManyRooms { app_key: k.into() }
                } else if let Some(max) = TOO_MANY_ADMINS.read(d).and_then(|n| n.parse().ok()) {
                    TooManyAdmins { max }
                } else if let Some(u) = USER_JOINED_TOO_MANY_ON_CREATE.read(d) {
                    UserJoinedTooMany { username: u.into() }
                } else {
                    Other
                }
            }
            (_, "message_send_error") => SendProblem::read(d)
                .map(|problem| MessageNotSent { problem })
                .unwrap_or(Other),
            (_, "message_recall_error") => RecallProblem::read(d)
                .map(|problem| RecallRefused { problem })
                .unwrap_or(Other),
            (_, "invalid_request_body") => InvalidRequestBody,
            (_, "required_property_not_found") => UserRequired,
            (_, "forbidden_op") => {
                if d == BROADCAST_UNOPENED {
                    BroadcastUnopened
                } else if d == BROADCAST_DAILY_LIMIT {
                    BroadcastDailyLimit
                } else if d == RECALL_UNOPENED {
                    RecallUnopened
                } else if d == SAME_OWNER {
                    SameOwner
                } else if d == MAXUSERS_BELOW_MEMBERS {
                    MaxUsersBelowMembers
                } else if let Some(id) = ROOM_FULL.read(d) {
                    RoomFull { id: id.into() }
                } else if let Some(u) = USER_JOINED_TOO_MANY.read(d) {
                    UserJoinedTooMany { username: u.into() }
                } else if let Some(u) = USER_BLOCKED.read(d) {
                    UserBlocked { username: u.into() }
                } else if d == ANNOUNCEMENT_TOO_LONG {
                    AnnouncementTooLong
                } else if let Some(u) = ALREADY_ADMIN.read(d) {
                    AlreadyAdmin { username: u.into() }
                } else if let Some(u) = NOT_ADMIN.read(d) {
                    NotAdmin { username: u.into() }
                } else if let Some(u) = ALREADY_SUPER_ADMIN.read(d) {
                    AlreadySuperAdmin { username: u.into() }
                } else if let Some(u) = NOT_SUPER_ADMIN.read(d) {
                    NotSuperAdmin { username: u.into() }
                } else if let Some(list) = NOT_MEMBERS.read(d) {
                    NotMembers {
                        users: names(list),
                        batch: status == 403,
                    }
                } else if let Some((u, room)) = read_two(d, NOT_IN_ROOM.0, NOT_IN_ROOM.1, "") {
                    NotInRoom {
                        username: u.into(),
                        room: room.into(),
                    }
                } else if let Some((u, room)) = read_two(
                    d,
                    OWNER_CANNOT_LEAVE.0,
                    OWNER_CANNOT_LEAVE.1,
                    OWNER_CANNOT_LEAVE.2,
                ) {
                    OwnerCannotLeave {
                        username: u.into(),
                        room: room.into(),
                    }
                } else {
                    Other
                }
            }
            (_, "duplicate_unique_property_exists") => DuplicateUser {
                username: d
                    .rsplit_once(DUPLICATE_USER.2)
                    .and_then(|(head, _)| head.rsplit_once(DUPLICATE_USER.1))
                    .map(|(_, u)| u.to_string())
                    .unwrap_or_default(),
            },
            (_, "invalid_grant") => InvalidGrant { detail: d.into() },
            (_, "illegal_argument") => IllegalArgument { detail: d.into() },
            (413, _) => BodyTooLarge {
                limit: BODY_TOO_LARGE
                    .read(d)
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0),
            },
            (405, _) => MethodNotAllowed,
            (429, "resource_limited") => PlanLimited,
            (429, _) => RateLimited,
            (503, _) => Unavailable,
            (500, "internal_server_error") => Internal,
            _ => Other,
        }
    }

    /// True for refusals that say the token is not (or no longer) good.
    pub fn is_unauthorized(&self) -> bool {
        self.status() == 401 && *self != Refusal::AttributeUserNotInRoom
    }
}

fn read_two<'a>(text: &'a str, pre: &str, mid: &str, post: &str) -> Option<(&'a str, &'a str)> {
    text.strip_prefix(pre)?
        .strip_suffix(post)?
        .split_once(mid)
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
}

/// `… more than maxSize : 60`, `… more than max limit : 60`: the words, then the number.
fn read_too_many(d: &str) -> Option<Refusal> {
    let head = d.trim_end_matches(|c: char| c.is_ascii_digit());
    if !head.trim_end().ends_with(':') || !head.contains(" more than max") {
        return None;
    }
    Some(Refusal::TooManyInOneCall {
        head: head.to_string(),
        max: d[head.len()..].parse().ok()?,
    })
}

/// The call a failure happened on: what a person needs to find it in a log or send it again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    pub method: Method,
    /// The path after the host, with the query (never a token).
    pub path: String,
}

impl fmt::Display for Call {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The server answered with an error status and an Easemob error body. (Boxed: an error
    /// travels in every `Result` of the client, and should stay small.)
    Refused {
        status: u16,
        refusal: Box<Refusal>,
        body: Box<ErrorBody>,
    },
    /// The server kept answering 429 after every wait the client allows.
    RateLimited { body: Option<Box<ErrorBody>> },
    /// The server answered, but not with anything we can read (a proxy's HTML page, a cut-off
    /// body, a shape that does not match the API).
    Unreadable {
        status: u16,
        reason: String,
        /// The start of the body, for the person debugging it.
        snippet: String,
    },
    /// Nothing came back: the host is unreachable, the connection broke, or the browser
    /// refused the request (mixed content, the page's own CSP). The text is the browser's or
    /// the OS's.
    Network(String),
    /// No answer came within the time-out (milliseconds); the request was abandoned. Like a
    /// network failure, a read is sent again; a change may or may not have been made.
    TimedOut { after_ms: u64 },
    /// The host answered, but the browser kept the answer from the page: the host's CORS
    /// settings do not allow the page's origin. (The browser transport tells this from
    /// [`ErrorKind::Network`] by asking the host again in `no-cors` mode, which succeeds
    /// exactly when the host is reachable.) Every call is preflighted, so it was not carried
    /// out.
    CorsBlocked(String),
    /// A change that must not be sent twice was sent, and its answer was lost (a network
    /// failure or a server error after sending): it may or may not have happened.
    OutcomeUnknown { cause: Box<ErrorKind> },
    /// There is no connection to an app.
    NotConnected,
    /// The call was refused before sending because it breaks a documented limit.
    Invalid(Invalid),
    /// The person stopped the operation.
    Cancelled,
}

/// Which kind of failure it was, as a person is told it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureClass {
    RateLimited,
    ServerError,
    Network,
    Cors,
    Refused,
    Unreadable,
    OutcomeUnknown,
    NotSent,
    Cancelled,
}

impl ErrorKind {
    pub fn class(&self) -> FailureClass {
        match self {
            ErrorKind::Refused { status: 429, .. } | ErrorKind::RateLimited { .. } => {
                FailureClass::RateLimited
            }
            ErrorKind::Refused { status, .. } | ErrorKind::Unreadable { status, .. }
                if *status >= 500 =>
            {
                FailureClass::ServerError
            }
            ErrorKind::Refused { .. } => FailureClass::Refused,
            ErrorKind::Unreadable { .. } => FailureClass::Unreadable,
            ErrorKind::Network(_) | ErrorKind::TimedOut { .. } => FailureClass::Network,
            ErrorKind::CorsBlocked(_) => FailureClass::Cors,
            ErrorKind::OutcomeUnknown { .. } => FailureClass::OutcomeUnknown,
            ErrorKind::NotConnected | ErrorKind::Invalid(_) => FailureClass::NotSent,
            ErrorKind::Cancelled => FailureClass::Cancelled,
        }
    }
}

/// A failed call: what went wrong, and on which request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ErrorKind,
    /// The request it happened on; `None` when nothing was sent.
    pub call: Option<Call>,
}

impl fmt::Display for ApiError {
    // For logs and panics; people read the dashboard's catalogues.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(call) = &self.call {
            write!(f, "{call}: ")?;
        }
        match &self.kind {
            ErrorKind::Refused { status, body, .. } => write!(
                f,
                "{status} {}: {}",
                body.error,
                body.error_description.as_deref().unwrap_or("")
            ),
            ErrorKind::RateLimited { .. } => write!(f, "429 rate limited"),
            ErrorKind::Unreadable { status, reason, .. } => write!(f, "{status}: {reason}"),
            ErrorKind::Network(m) => write!(f, "network: {m}"),
            ErrorKind::TimedOut { after_ms } => write!(f, "no answer within {after_ms} ms"),
            ErrorKind::CorsBlocked(m) => write!(f, "blocked by CORS: {m}"),
            ErrorKind::OutcomeUnknown { cause } => write!(f, "outcome unknown ({cause:?})"),
            ErrorKind::NotConnected => write!(f, "not connected"),
            ErrorKind::Invalid(i) => write!(f, "invalid: {i:?}"),
            ErrorKind::Cancelled => write!(f, "cancelled"),
        }
    }
}

impl std::error::Error for ApiError {}

impl From<ErrorKind> for ApiError {
    fn from(kind: ErrorKind) -> ApiError {
        ApiError { kind, call: None }
    }
}

impl From<Invalid> for ApiError {
    fn from(i: Invalid) -> ApiError {
        ErrorKind::Invalid(i).into()
    }
}

impl ApiError {
    pub fn network(message: impl Into<String>) -> ApiError {
        ErrorKind::Network(message.into()).into()
    }

    pub fn not_connected() -> ApiError {
        ErrorKind::NotConnected.into()
    }

    /// The same failure, on `call`.
    pub fn on(mut self, call: Call) -> ApiError {
        self.call.get_or_insert(call);
        self
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match &self.kind {
            ErrorKind::Refused { status, .. } | ErrorKind::Unreadable { status, .. } => {
                Some(*status)
            }
            ErrorKind::RateLimited { .. } => Some(429),
            _ => None,
        }
    }

    /// The refusal, when the server refused.
    pub fn refusal(&self) -> Option<&Refusal> {
        match &self.kind {
            ErrorKind::Refused { refusal, .. } => Some(refusal.as_ref()),
            _ => None,
        }
    }

    /// Easemob's `error` code as sent, e.g. `resource_not_found`.
    pub fn code(&self) -> Option<&str> {
        self.body().map(|b| b.error.as_str())
    }

    /// Easemob's `error_description` as sent, e.g. `grpID 1 does not exist!`, to show next to
    /// our own explanation.
    pub fn description(&self) -> Option<&str> {
        self.body().and_then(|b| b.error_description.as_deref())
    }

    pub fn body(&self) -> Option<&ErrorBody> {
        match &self.kind {
            ErrorKind::Refused { body, .. } => Some(body.as_ref()),
            ErrorKind::RateLimited { body } => body.as_deref(),
            _ => None,
        }
    }

    pub fn class(&self) -> FailureClass {
        self.kind.class()
    }

    pub fn is_unauthorized(&self) -> bool {
        self.refusal().is_some_and(Refusal::is_unauthorized)
    }

    /// Reads an error answer: an Easemob error body if there is one, otherwise the fact that
    /// the body could not be read.
    pub fn from_response(status: u16, body: &str) -> ApiError {
        match serde_json::from_str::<ErrorBody>(body) {
            Ok(body) => ErrorKind::Refused {
                status,
                refusal: Box::new(Refusal::parse(status, &body)),
                body: Box::new(body),
            }
            .into(),
            Err(e) => ApiError::unreadable(status, body, e.to_string()),
        }
    }

    /// An answer that could not be read; its snippet (the start of the body) has any token or
    /// secret in it masked, since it is shown on screen.
    pub fn unreadable(status: u16, body: &str, reason: impl Into<String>) -> ApiError {
        ErrorKind::Unreadable {
            status,
            reason: reason.into(),
            snippet: crate::http::mask_text(&body.chars().take(200).collect::<String>()),
        }
        .into()
    }
}

impl Refusal {
    /// One of every refusal, with sample values: for tests that must cover them all (the
    /// dashboard's catalogues, the round trip below).
    pub fn examples() -> Vec<Refusal> {
        use Refusal::*;
        vec![
            TokenBlank,
            BadToken,
            ExpiredToken,
            RegistrationNeedsToken,
            AppNotFound {
                org: "o".into(),
                app: "a".into(),
                path: "/chatrooms".into(),
            },
            RoomNotFoundOnRead { id: "1,2".into() },
            RoomNotFound { id: "42".into() },
            UserNotFound {
                username: "zed".into(),
            },
            UserEntityNotFound,
            MustBeProvided {
                field: "owner".into(),
            },
            TooLong {
                field: Field::Name,
                max: 128,
            },
            TooLong {
                field: Field::Description,
                max: 512,
            },
            TooLong {
                field: Field::Custom,
                max: 1024,
            },
            MaxUsersTooLarge { max: 10_000 },
            MaxUsersTooSmall,
            TooManyMembers,
            TooManyInOneCall {
                head: batch_heads::ADD_MEMBERS.into(),
                max: 60,
            },
            TooManyInOneCall {
                head: batch_heads::UNMUTE.into(),
                max: 60,
            },
            NothingToModify,
            UnknownFields {
                fields: vec!["owner".into(), "x".into()],
            },
            SameOwner,
            NotInRoom {
                username: "bob".into(),
                room: "42".into(),
            },
            OwnerCannotLeave {
                username: "alice".into(),
                room: "42".into(),
            },
            RoomFull { id: "42".into() },
            UserJoinedTooMany {
                username: "bob".into(),
            },
            AppHasTooManyRooms {
                app_key: "o#a".into(),
            },
            NotMembers {
                users: vec!["bob".into()],
                batch: false,
            },
            NotMembers {
                users: vec!["bob".into(), "carol".into()],
                batch: true,
            },
            MaxUsersBelowMembers,
            DuplicateUser {
                username: "bob".into(),
            },
            InvalidGrant {
                detail: "client_secret does not match".into(),
            },
            IllegalArgument {
                detail: "grant_type must be provided.".into(),
            },
            InvalidParameter {
                detail: "cursor x is not valid".into(),
            },
            BodyTooLarge { limit: 1 << 20 },
            MethodNotAllowed,
            NoSuchEndpoint {
                path: "/demo/admin/nothing".into(),
            },
            RateLimited,
            PlanLimited,
            Unavailable,
            Internal,
            AlreadyAdmin {
                username: "bob".into(),
            },
            NotAdmin {
                username: "bob".into(),
            },
            TooManyAdmins { max: 99 },
            AdminMustBeMember {
                username: "zed".into(),
                room: "42".into(),
            },
            MuteNotMembers {
                users: vec!["zed".into()],
            },
            UserBlocked {
                username: "bob".into(),
            },
            SharedFileNotFound {
                file_id: "f1".into(),
            },
            AnnouncementTooLong,
            AttributeBatchTooLarge { max: 10 },
            AttributesOfOthers,
            AttributeUserNotInRoom,
            AlreadySuperAdmin {
                username: "bob".into(),
            },
            NotSuperAdmin {
                username: "bob".into(),
            },
            MessageNotSent {
                problem: SendProblem::FromEmpty,
            },
            MessageNotSent {
                problem: SendProblem::ToEmpty,
            },
            MessageNotSent {
                problem: SendProblem::TypeEmpty,
            },
            MessageNotSent {
                problem: SendProblem::BodyEmpty,
            },
            MessageNotSent {
                problem: SendProblem::ExtNotObject,
            },
            MessageNotSent {
                problem: SendProblem::UsersEmpty,
            },
            MessageNotSent {
                problem: SendProblem::TooManyRooms { max: 10 },
            },
            MessageNotSent {
                problem: SendProblem::TooLarge,
            },
            MessageNotSent {
                problem: SendProblem::ReachLimit,
            },
            MessageNotSent {
                problem: SendProblem::SenderMuted {
                    username: "bob".into(),
                },
            },
            RecallRefused {
                problem: RecallProblem::MissingMsgId,
            },
            RecallRefused {
                problem: RecallProblem::MissingTo,
            },
            RecallRefused {
                problem: RecallProblem::MissingChatType,
            },
            RecallRefused {
                problem: RecallProblem::MissingForce,
            },
            RecallRefused {
                problem: RecallProblem::ReceiverNotFound,
            },
            RecallRefused {
                problem: RecallProblem::TooLate,
            },
            RecallRefused {
                problem: RecallProblem::NotFound,
            },
            BroadcastUnopened,
            BroadcastDailyLimit,
            RecallUnopened,
            InvalidRequestBody,
            UserRequired,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_reads_back_as_itself_from_the_body_it_writes() {
        for r in Refusal::examples() {
            let body = r.body("8be024f0-e978-11e8-b697-5d598d5f8402", 1);
            assert_eq!(Refusal::parse(r.status(), &body), r, "{body:?}");
        }
    }

    #[test]
    fn unknown_answers_are_kept_as_sent() {
        let body = ErrorBody {
            error: "something_new".into(),
            timestamp: None,
            duration: None,
            exception: None,
            error_description: Some("words".into()),
        };
        let e = ApiError::from_response(418, &serde_json::to_string(&body).unwrap());
        assert_eq!(e.refusal(), Some(&Refusal::Other));
        assert_eq!(e.description(), Some("words"));
        assert_eq!(e.class(), FailureClass::Refused);
    }

    #[test]
    fn failures_are_classed_for_people() {
        let r = |status: u16, refusal: Refusal| ErrorKind::Refused {
            status,
            body: Box::new(refusal.body("u", 0)),
            refusal: Box::new(refusal),
        };
        assert_eq!(
            r(429, Refusal::RateLimited).class(),
            FailureClass::RateLimited
        );
        assert_eq!(
            r(503, Refusal::Unavailable).class(),
            FailureClass::ServerError
        );
        assert_eq!(r(403, Refusal::SameOwner).class(), FailureClass::Refused);
        assert_eq!(
            ApiError::network("Failed to fetch").class(),
            FailureClass::Network
        );
        assert_eq!(
            ApiError::from(ErrorKind::CorsBlocked("Failed to fetch".into())).class(),
            FailureClass::Cors
        );
        assert_eq!(
            ApiError::unreadable(502, "<html>", "x").class(),
            FailureClass::ServerError
        );
    }
}
