//! Every word the dashboard shows, in one place, so that a second language is one more file
//! of the same names. (API error descriptions are shown as the server wrote them.)

pub const APP_TITLE: &str = "Chatroom admin";
pub const SKIP_TO_CONTENT: &str = "Skip to content";
pub const NAV_LABEL: &str = "Main";
pub const NAV_ROOMS: &str = "Chatrooms";
pub const NAV_OPEN_MANY: &str = "Open by ids";
pub const USER_LOOKUP_LABEL: &str = "User's rooms";
pub const USERNAME_PLACEHOLDER: &str = "username";
pub const USER_LOOKUP_GO: &str = "Show";
pub const SWITCH_APP: &str = "Switch app";
pub const DISCONNECT: &str = "Disconnect";
pub const CONNECT: &str = "Connect";
pub const CONNECTING: &str = "Connecting…";
pub const TOKEN_EXPIRES: &str = "Token expires";
pub const TOKEN_NO_EXPIRY: &str = "Token expiry unknown";
pub const EXPIRED: &str = "expired";
pub const PAGE_NOT_FOUND: &str = "There is no page at this address.";

pub const NOT_CONNECTED: &str = "Not connected to an app";
pub const NOT_CONNECTED_TITLE: &str = "Connect to an app first";
pub const NOT_CONNECTED_HINT: &str =
    "This view reads from an Easemob app. Connect, and you will come back here.";
pub const GO_CONNECT: &str = "Connect to an app";

pub const CONNECT_TITLE: &str = "Connect to an Easemob app";
pub const CONNECT_LEAD: &str = "The REST host, org and app are on the app's page in the Easemob console (the AppKey is org#app).";
pub const CONFIG_UNREADABLE: &str =
    "This deployment's /config.json could not be read, so no presets are offered";
pub const QUICK_PICK: &str = "Presets and remembered apps";
pub const FORGET: &str = "Forget";
pub const HOST_LABEL: &str = "REST API host";
pub const HOST_HINT: &str = "For example https://a1.easemob.com";
pub const ORG_LABEL: &str = "Org name";
pub const ORG_HINT: &str = "Before the # of the AppKey";
pub const APP_LABEL: &str = "App name";
pub const APP_HINT: &str = "After the # of the AppKey";
pub const AUTH_LEGEND: &str = "Sign in with";
pub const MODE_CREDENTIALS: &str = "Client ID and secret (token renewed automatically)";
pub const MODE_TOKEN: &str = "An app token";
pub const TOKEN_LABEL: &str = "App token";
pub const TOKEN_HINT: &str = "Kept for this browser tab only";
pub const CLIENT_ID_LABEL: &str = "Client ID";
pub const CLIENT_ID_HINT: &str = "From the console's app page";
pub const CLIENT_SECRET_LABEL: &str = "Client secret";
pub const CLIENT_SECRET_HINT: &str = "Held in memory only, never stored";
pub const REMEMBER_APP: &str = "Remember this app in this browser (host, org and app only)";

pub const ROOMS_TITLE: &str = "Chatrooms";
pub const ROOMS_PAGER: &str = "Chatroom pages";
pub const FILTER_LABEL: &str = "Filter";
pub const FILTER_PLACEHOLDER: &str = "id, name or owner";
pub const PAGE_SIZE_LABEL: &str = "Rows per page";
pub const EXTRA_COLUMNS: &str = "More columns";
pub const LOADING_ROOMS: &str = "Loading chatrooms…";
pub const LOADING_ROOM: &str = "Loading the chatroom…";
pub const LOADING_MEMBERS: &str = "Loading members…";
pub const NO_ROOMS: &str = "This app has no chatrooms on this page.";
pub const NO_MATCH: &str = "No loaded row matches the filter.";
pub const COL_ID: &str = "ID";
pub const COL_NAME: &str = "Name";
pub const COL_OWNER: &str = "Owner";
pub const COL_MEMBERS: &str = "Members";
pub const COL_DESCRIPTION: &str = "Description";
pub const COL_MAXUSERS: &str = "Max users";
pub const COL_CREATED: &str = "Created";
pub const PREVIOUS: &str = "← Previous";
pub const NEXT: &str = "Next →";
pub const PAGE: &str = "Page";

pub const ROOM: &str = "Chatroom";
pub const ROOM_MISSING: &str = "The server returned no chatroom for this id.";
pub const COPY: &str = "Copy";
pub const COPY_ID: &str = "Copy the chatroom id";
pub const COPIED: &str = "Copied";
pub const MEMBERSONLY: &str = "Joining needs approval";
pub const ALLOWINVITES: &str = "Members may invite";
pub const PUBLIC: &str = "Public";
pub const MUTED: &str = "Everyone muted";
pub const CUSTOM: &str = "Custom";
pub const EMPTY_VALUE: &str = "(empty)";
pub const YES: &str = "Yes";
pub const NO: &str = "No";
pub const MEMBERS_TITLE: &str = "Members";
pub const MEMBERS_PAGER: &str = "Member pages";
pub const NO_MEMBERS: &str = "No members on this page.";
pub const OWNER_BADGE: &str = "owner";

pub const OPEN_MANY_TITLE: &str = "Open chatrooms by id";
pub const OPEN_MANY_LABEL: &str = "Chatroom ids, separated by commas, spaces or new lines";
pub const OPEN_MANY_PLACEHOLDER: &str = "179272997365129, 179272997365128";
pub const OPEN: &str = "Open";
pub const NOT_FOUND_IDS: &str = "Not found:";

pub const JOINED_PAGER: &str = "Joined chatroom pages";
pub const NO_JOINED: &str = "No joined chatrooms on this page.";

pub const UNREADABLE_TITLE: &str = "unreadable answer";
pub const NETWORK_HINT: &str =
    "Check the host, the network, and that the server accepts requests from this page (CORS)";

pub fn rows_shown(shown: usize, loaded: usize) -> String {
    if shown == loaded {
        format!("{loaded} chatrooms on this page")
    } else {
        format!("{shown} of {loaded} chatrooms on this page match the filter")
    }
}

pub fn found_of(found: usize, asked: usize) -> String {
    format!("Found {found} of {asked} chatrooms")
}

pub fn joined_title(username: &str) -> String {
    format!("Chatrooms {username} has joined")
}

pub const CLOSE: &str = "Close";
pub const DISMISS: &str = "Dismiss";
pub const CANCEL: &str = "Cancel";
pub const SAVE: &str = "Save changes";
pub const SAVING: &str = "Saving…";
pub const ROOM_ACTIONS: &str = "Chatroom actions";
pub const EDIT: &str = "Edit";
pub const EDIT_TITLE: &str = "Edit chatroom";
pub const TRANSFER: &str = "Transfer owner";
pub const TRANSFER_TITLE: &str = "Transfer ownership";
pub const NEW_OWNER: &str = "New owner";
pub const NEW_OWNER_HINT: &str = "Pick a member from the list, or type a username";
pub const DISSOLVE: &str = "Dissolve";
pub const DISSOLVED: &str = "Dissolved";
pub const DISSOLVE_TITLE: &str = "Dissolve chatroom";
pub const DISSOLVE_WARNING: &str =
    "Dissolving cannot be undone: the room and its member list are deleted.";
pub const DISSOLVE_CONFIRM: &str = "Type the chatroom's id or name to confirm";
pub const BULK_CONFIRM: &str = "Type the number of chatrooms to confirm";
pub const ADD_MEMBERS: &str = "Add members";
pub const ADDING: &str = "Adding…";
pub const ADD_MEMBERS_TITLE: &str = "Add members";
pub const ADD_MEMBERS_HINT: &str = "Paste any number; they are sent 60 to a request";
pub const REMOVE_MEMBERS: &str = "Remove members";
pub const REMOVE_MEMBERS_TITLE: &str = "Remove members";
pub const REMOVE_MEMBERS_HINT: &str = "Paste any number; each user's result is shown";
pub const MEMBER_LEAVES: &str = "Member leaves";
pub const MEMBER_LEAVES_TITLE: &str = "A member leaves";
pub const MEMBER_LEAVES_HINT: &str = "Takes one user out of the room, as if they had left it.";
pub const USERNAMES_LABEL: &str = "Usernames, separated by commas, spaces or new lines";
pub const USER: &str = "User";
pub const RESULT: &str = "Result";
pub const REMOVED: &str = "Removed";
pub const NEW_ROOM: &str = "New chatroom";
pub const CREATE: &str = "Create";
pub const CREATING: &str = "Creating…";
pub const CREATE_TITLE: &str = "New chatroom";
pub const FIELD_NAME: &str = "Name";
pub const FIELD_DESCRIPTION: &str = "Description";
pub const FIELD_MAXUSERS: &str = "Max users";
pub const FIELD_OWNER: &str = "Owner";
pub const FIELD_MEMBERS: &str = "Members";
pub const FIELD_CUSTOM: &str = "Custom (optional)";
pub const MEMBERS_HINT: &str = "Optional. Paste usernames; the owner need not be listed";
pub const CUSTOM_HINT: &str = "Up to 1024 characters, often JSON";
pub const MAXUSERS_NOT_A_NUMBER: &str = "maxusers must be a whole number";
pub const SELECT_ALL: &str = "Select every chatroom shown";

pub fn changed(fields: &[&str]) -> String {
    if fields.is_empty() {
        "The server changed nothing".to_string()
    } else {
        format!("Saved: {}", fields.join(", "))
    }
}

pub fn transferred(user: &str) -> String {
    format!("{user} now owns the chatroom")
}

pub fn current_owner(user: &str) -> String {
    format!("Current owner: {user}")
}

pub fn dissolved(name: &str, id: &str) -> String {
    format!("Dissolved {name} ({id})")
}

pub fn created(name: &str, id: &str) -> String {
    format!("Created {name} ({id})")
}

fn members(n: usize) -> String {
    if n == 1 {
        "1 member".to_string()
    } else {
        format!("{n} members")
    }
}

pub fn added(n: usize) -> String {
    format!("Added {}", members(n))
}

pub fn removed(n: usize) -> String {
    format!("Removed {}", members(n))
}

pub fn left(user: &str) -> String {
    format!("{user} left the chatroom")
}

pub fn users_listed(n: usize) -> String {
    format!("{n} users listed")
}

pub fn batch_added(asked: usize, added: usize) -> String {
    format!("Request of {asked}: {added} are members now")
}

pub fn failed_because(reason: &str) -> String {
    format!("Failed: {reason}")
}

pub fn remove_chip(name: &str) -> String {
    format!("Remove {name}")
}

pub fn dissolve_selected(n: usize) -> String {
    format!("Dissolve selected ({n})")
}

pub fn bulk_dissolve_title(n: usize) -> String {
    format!("Dissolve {n} chatrooms")
}

pub fn bulk_dissolved(ok: usize, all: usize) -> String {
    format!("Dissolved {ok} of {all} chatrooms")
}

pub fn select_room(name: &str, id: &str) -> String {
    format!("Select {name} ({id})")
}
pub const MEMBER_CHIPS: &str = "Members to add";

pub fn more_members(n: usize) -> String {
    format!("and {n} more, not shown as chips")
}

/// "in 1 h 59 min", "in 40 s": the largest units that are not zero.
pub fn expires_in(days: u64, hours: u64, minutes: u64, seconds: u64) -> String {
    if days > 0 {
        format!("in {days} d {hours} h")
    } else if hours > 0 {
        format!("in {hours} h {minutes} min")
    } else if minutes > 0 {
        format!("in {minutes} min")
    } else {
        format!("in {seconds} s")
    }
}
pub const COPY_FAILED: &str = "The browser did not allow copying; select the id instead";

// ---------------------------------------------------------------------------------------------
// Connect form problems and broken limits (the API crate names them; the words are here).

use easemob_api::client::WaitReason;
use easemob_api::connect::ConnectProblem;
use easemob_api::limits::{Field, Invalid, MAXUSERS_MAX, MAXUSERS_MIN, USERNAME_MAX_CHARS};
use easemob_api::{FailureClass, Refusal};

pub fn connect_problem(p: ConnectProblem) -> &'static str {
    match p {
        ConnectProblem::HostMissing => "Enter the REST API host, e.g. https://a1.easemob.com",
        ConnectProblem::HostNotHttp => "The host must start with http:// or https://",
        ConnectProblem::HostHasPath => {
            "Enter only the scheme and host; org and app go in their own fields"
        }
        ConnectProblem::OrgMissing => "Enter the org name (the part of the AppKey before #)",
        ConnectProblem::OrgBadChars => "The org name has only letters, digits, - and _",
        ConnectProblem::AppMissing => "Enter the app name (the part of the AppKey after #)",
        ConnectProblem::AppBadChars => "The app name has only letters, digits, - and _",
        ConnectProblem::TokenMissing => "Paste an app token, or use a client ID and secret",
        ConnectProblem::ClientIdMissing => "Enter the client ID",
        ConnectProblem::ClientSecretMissing => "Enter the client secret",
    }
}

/// A limit that input breaks, said before anything is sent.
pub fn invalid(i: &Invalid) -> String {
    match i {
        Invalid::Missing(field) => format!("{} is required", field.wire_name()),
        Invalid::TooLong { field, max, actual } => format!(
            "{} is {actual} characters; at most {max} are allowed",
            field.wire_name()
        ),
        Invalid::MaxUsersOutOfRange(n) => {
            format!("maxusers must be between {MAXUSERS_MIN} and {MAXUSERS_MAX}, not {n}")
        }
        Invalid::TooManyMembers { members, maxusers } => {
            format!("{members} members are more than maxusers {maxusers}")
        }
        Invalid::BadUsername { username, .. } => format!(
            "\"{username}\" is not a valid username (1 to {USERNAME_MAX_CHARS} of a-z A-Z 0-9 _ . -)"
        ),
        Invalid::TooManyInOneCall { field, max, actual } => format!(
            "{actual} {} in one call; at most {max} are allowed",
            field.wire_name()
        ),
        Invalid::NothingToChange => "nothing to change".to_string(),
        Invalid::SameOwner(u) => format!("{u} already owns this room"),
    }
}

// ---------------------------------------------------------------------------------------------
// Failures: which kind, and what a refusal means.

pub fn failure_kind(class: FailureClass) -> &'static str {
    match class {
        FailureClass::RateLimited => "Rate limited",
        FailureClass::ServerError => "Server error",
        FailureClass::NetworkOrCors => "Network or CORS failure",
        FailureClass::Refused => "Refused by the server",
        FailureClass::Unreadable => "Unreadable answer",
        FailureClass::OutcomeUnknown => "Outcome unknown",
        FailureClass::NotSent => "Not sent",
        FailureClass::Cancelled => "Cancelled",
    }
}

pub const RATE_LIMITED_EXPLAINED: &str =
    "The server kept refusing for the rate limit after every wait. Try again in a minute; the app's own backend may be using the same limit.";
pub const SERVER_ERROR_EXPLAINED: &str =
    "The server failed several times in a row. Nothing more was sent; try again shortly.";
pub const OUTCOME_UNKNOWN_EXPLAINED: &str =
    "The request was sent but its answer was lost, so it may or may not have taken effect.";
pub const CANCELLED_EXPLAINED: &str = "Stopped before this was sent.";
pub const SERVER_SAID: &str = "The server said:";

/// What a refusal means, in our words; the server's own words are shown beside it.
pub fn refusal_explained(r: &Refusal) -> String {
    use Refusal::*;
    match r {
        TokenBlank | BadToken => "The app token was not accepted. Connect again.".into(),
        ExpiredToken => "The app token has expired. Connect again or paste a new token.".into(),
        RegistrationNeedsToken => "Registering users needs an app token.".into(),
        AppNotFound { org, app, .. } => {
            format!("There is no app {org}#{app} on this host. Check the org and app names.")
        }
        RoomNotFoundOnRead { id } | RoomNotFound { id } => {
            format!("There is no chatroom {id}; it may have been dissolved.")
        }
        UserNotFound { username } => format!("There is no user {username} in this app."),
        UserEntityNotFound => "There is no such user in this app.".into(),
        MustBeProvided { field } => format!("{field} is required."),
        TooLong { field, max } => {
            format!("{} may have at most {max} characters.", field_label(*field))
        }
        MaxUsersTooLarge { max } => format!("Max users may be at most {max}."),
        MaxUsersTooSmall => "Max users must be at least 1.".into(),
        TooManyMembers => "There are more members than max users allows.".into(),
        TooManyInOneCall { max, .. } => format!("At most {max} in one request."),
        NothingToModify => "Nothing was changed.".into(),
        UnknownFields { fields } => format!("The server does not know {}.", fields.join(", ")),
        SameOwner => "That user already owns the chatroom.".into(),
        NotInRoom { username, .. } => format!("{username} is not a member of the chatroom."),
        OwnerCannotLeave { username, .. } => {
            format!("{username} owns the chatroom and cannot be removed; transfer it first.")
        }
        RoomFull { .. } => "The chatroom is full (max users reached).".into(),
        UserJoinedTooMany { username } => {
            format!("{username} has joined as many chatrooms as the plan allows.")
        }
        AppHasTooManyRooms { .. } => "The app has as many chatrooms as its plan allows.".into(),
        NotMembers { users, .. } => format!("Not members: {}.", users.join(", ")),
        MaxUsersBelowMembers => {
            "Max users cannot be lower than the number of members now in the room.".into()
        }
        DuplicateUser { username } => format!("The username {username} is taken."),
        InvalidGrant { .. } => "The client ID or secret is wrong.".into(),
        IllegalArgument { .. } | InvalidParameter { .. } => {
            "The server could not accept the request.".into()
        }
        BodyTooLarge { .. } => "The request is too large.".into(),
        MethodNotAllowed | NoSuchEndpoint { .. } => {
            "This host does not offer that call; check that it is an Easemob REST host.".into()
        }
        RateLimited => RATE_LIMITED_EXPLAINED.into(),
        PlanLimited => "The app is over its plan's quota.".into(),
        Unavailable | Internal => SERVER_ERROR_EXPLAINED.into(),
        Other => "The server refused the request.".into(),
    }
}

fn field_label(f: Field) -> &'static str {
    match f {
        Field::Name => FIELD_NAME,
        Field::Description => FIELD_DESCRIPTION,
        Field::MaxUsers => FIELD_MAXUSERS,
        Field::Owner => FIELD_OWNER,
        Field::Members => FIELD_MEMBERS,
        Field::Custom => CUSTOM,
        Field::NewOwner => NEW_OWNER,
        Field::Username | Field::Usernames => USER,
        Field::RoomIds => COL_ID,
        Field::Password => "Password",
    }
}

pub fn on_call(call: &str) -> String {
    format!("Request: {call}")
}

// ---------------------------------------------------------------------------------------------
// Waiting, a refused pasted token, and changes whose answer was lost.

pub fn waiting(reason: WaitReason, ms: u64, call: &str) -> String {
    let secs = ms.div_ceil(1000);
    match reason {
        WaitReason::RateLimited => {
            format!("Waiting for the rate limit: {call} is sent again in {secs} s…")
        }
        WaitReason::Retrying => format!("No answer yet: {call} is sent again in {secs} s…"),
    }
}

pub const TOKEN_REFUSED_TITLE: &str = "The token was refused";
pub const TOKEN_REFUSED_LEAD: &str = "The server no longer accepts the pasted app token. Paste a new one and the work on this page goes on where it stopped.";
pub const NEW_TOKEN_LABEL: &str = "New app token";
pub const USE_TOKEN: &str = "Use this token";
pub const GIVE_UP: &str = "Give up";

pub const CHECKING_CREATE: &str =
    "The answer to the create was lost. Looking for the new chatroom…";
pub fn was_created(name: &str) -> String {
    format!("It was created: {name}")
}
pub const WAS_NOT_CREATED: &str =
    "It was not created: the owner has no chatroom of this name made since it was sent.";
pub const LOOK_AGAIN: &str = "Look again";
pub const SEND_AGAIN: &str = "Send again";
pub const OPEN_ROOM: &str = "Open the chatroom";
pub const CHECKING_TRANSFER: &str = "The answer to the transfer was lost. Looking at the chatroom…";
pub fn was_not_transferred(owner: &str) -> String {
    format!("It was not transferred: {owner} still owns the chatroom.")
}

// ---------------------------------------------------------------------------------------------
// Bulk work.

pub fn progress(done: usize, all: usize) -> String {
    format!("{done} of {all} done")
}
pub const STOP: &str = "Stop";
pub const STOPPING: &str = "Stopping after the request under way…";
pub fn retry_failed(n: usize) -> String {
    format!("Retry the {n} failed")
}
pub const NOT_SENT_STOPPED: &str = "Not sent: stopped";
pub fn bulk_summary(ok: usize, failed: usize, not_sent: usize) -> String {
    let mut s = format!("{ok} done, {failed} failed");
    if not_sent > 0 {
        s.push_str(&format!(", {not_sent} not sent"));
    }
    s
}
pub fn batch_of(first: &str, n: usize) -> String {
    if n == 1 {
        first.to_string()
    } else {
        format!("{first} and {} more", n - 1)
    }
}
