//! English.

use super::{number, Catalogue, Words};
use crate::import::{FileProblem, RowProblem};
use easemob_api::client::WaitReason;
use easemob_api::connect::ConnectProblem;
use easemob_api::limits::Invalid;
use easemob_api::{FailureClass, KeyReason, Refusal, UserReason};

pub struct En;

pub(super) fn words() -> &'static Words {
    &WORDS
}

static WORDS: Words = Words {
        app_title: "Chatroom admin",
        skip_to_content: "Skip to content",
        nav_label: "Main",
        nav_rooms: "Chatrooms",
        nav_open_many: "Open by ids",
        user_lookup_label: "User's rooms",
        username_placeholder: "username",
        user_lookup_go: "Show",
        switch_app: "Switch app",
        disconnect: "Disconnect",
        connect: "Connect",
        connecting: "Connecting…",
        token_no_expiry: "Token expiry unknown",
        expired: "Token expired",
        page_not_found: "There is no page at this address.",
        page_not_loaded: "This page could not be loaded.",
        page_not_loaded_hint: "Its code did not arrive: the network failed, or a new release of the dashboard replaced it. Reloading usually helps; the address keeps your place.",
        not_connected: "Not connected to an app",
        not_connected_title: "Connect to an app first",
        not_connected_hint: "This view reads from an Easemob app. Connect, and you will come back here.",
        go_connect: "Connect to an app",
        connect_title: "Connect to an Easemob app",
        connect_lead: "The REST host, org and app are on the app's page in the Easemob console (the AppKey is org#app).",
        config_unreadable: "This deployment's /config.json could not be read. It may limit the hosts this dashboard may use, so connecting is off until it can be read: reload the page to try again",
        quick_pick: "Presets and remembered apps",
        forget: "Forget",
        host_label: "REST API host",
        host_hint: "For example https://a1.easemob.com",
        org_label: "Org name",
        org_hint: "Before the # of the AppKey",
        app_label: "App name",
        app_hint: "After the # of the AppKey",
        auth_legend: "Sign in with",
        mode_credentials: "Client ID and secret (token renewed automatically)",
        mode_token: "An app token",
        token_label: "App token",
        token_hint: "Kept for this browser tab only",
        client_id_label: "Client ID",
        client_id_hint: "From the console's app page",
        client_secret_label: "Client secret",
        client_secret_hint: "Held in memory only, never stored",
        remember_app: "Remember this app in this browser (host, org and app only)",
        rooms_title: "Chatrooms",
        rooms_pager: "Chatroom pages",
        filter_label: "Filter",
        filter_placeholder: "id, name or owner",
        page_size_label: "Rows per page",
        extra_columns: "More columns",
        loading_rooms: "Loading chatrooms…",
        loading_room: "Loading the chatroom…",
        loading_members: "Loading members…",
        no_rooms: "This app has no chatrooms on this page.",
        no_match: "No loaded row matches the filter.",
        col_id: "ID",
        col_name: "Name",
        col_owner: "Owner",
        col_members: "Members",
        col_description: "Description",
        col_maxusers: "Max users",
        col_created: "Created",
        previous: "← Previous",
        next: "Next →",
        room: "Chatroom",
        room_missing: "The server returned no chatroom for this id.",
        copy: "Copy",
        copy_id: "Copy the chatroom id",
        copied: "Copied",
        membersonly: "Joining needs approval",
        allowinvites: "Members may invite",
        public: "Public",
        muted: "Everyone muted",
        custom: "Custom",
        empty_value: "(empty)",
        yes: "Yes",
        no: "No",
        members_title: "Members",
        members_pager: "Member pages",
        no_members: "No members on this page.",
        owner_badge: "owner",
        open_many_title: "Open chatrooms by id",
        open_many_label: "Chatroom ids, separated by commas, spaces or new lines",
        open_many_placeholder: "179272997365129, 179272997365128",
        open: "Open",
        not_found_ids: "Not found:",
        joined_pager: "Joined chatroom pages",
        no_joined: "No joined chatrooms on this page.",
        close: "Close",
        dismiss: "Dismiss",
        cancel: "Cancel",
        save: "Save changes",
        saving: "Saving…",
        room_actions: "Chatroom actions",
        edit: "Edit",
        edit_title: "Edit chatroom",
        transfer: "Transfer owner",
        transfer_title: "Transfer ownership",
        new_owner: "New owner",
        new_owner_hint: "Pick a member from the list, or type a username",
        dissolve: "Dissolve",
        dissolved: "Dissolved",
        dissolve_title: "Dissolve chatroom",
        dissolve_warning: "Dissolving cannot be undone: the room and its member list are deleted.",
        dissolve_confirm: "Type the chatroom's id or name to confirm",
        bulk_confirm: "Type the number of chatrooms to confirm",
        add_members: "Add members",
        adding: "Adding…",
        add_members_title: "Add members",
        add_members_hint: "Paste any number; they are sent 60 to a request",
        remove_members: "Remove members",
        remove_members_title: "Remove members",
        remove_members_hint: "Paste any number; each user's result is shown",
        member_leaves: "Member leaves",
        member_leaves_title: "A member leaves",
        member_leaves_hint: "Takes one user out of the room, as if they had left it.",
        usernames_label: "Usernames, separated by commas, spaces or new lines",
        user: "User",
        result: "Result",
        removed: "Removed",
        new_room: "New chatroom",
        create: "Create",
        creating: "Creating…",
        create_title: "New chatroom",
        field_name: "Name",
        field_description: "Description",
        field_maxusers: "Max users",
        field_owner: "Owner",
        field_members: "Members",
        field_custom: "Custom (optional)",
        members_hint: "Optional. Paste usernames; the owner need not be listed",
        custom_hint: "Up to 1024 characters, often JSON",
        maxusers_not_a_number: "maxusers must be a whole number",
        select_all: "Select every chatroom shown",
        member_chips: "Members to add",
        copy_failed: "This browser offers no clipboard here; select the text instead",
        rate_limited_explained: "The server kept refusing for the rate limit after every wait. Try again in a minute; the app's own backend may be using the same limit.",
        server_error_explained: "The server failed several times in a row. Nothing more was sent; try again shortly.",
        outcome_unknown_explained: "The request was sent but its answer was lost, so it may or may not have taken effect.",
        cancelled_explained: "Stopped before this was sent.",
        server_said: "The server said:",
        token_refused_title: "The token was refused",
        token_refused_lead: "The server no longer accepts the pasted app token. Paste a new one and the work on this page goes on where it stopped.",
        new_token_label: "New app token",
        use_token: "Use this token",
        give_up: "Give up",
        checking_create: "The answer to the create was lost. Looking for the new chatroom…",
        was_not_created: "It was not created: the owner has no chatroom of this name made since it was sent.",
        look_again: "Look again",
        send_again: "Send again",
        open_room: "Open the chatroom",
        checking_transfer: "The answer to the transfer was lost. Looking at the chatroom…",
        all_rooms: "Every chatroom",
        paged_view: "Page by page",
        reload: "Reload",
        all_rooms_region: "Every chatroom, scroll for more",
        select_matching: "Select every match",
        clear_selection: "Clear the selection",
        member_search: "Search members",
        member_search_placeholder: "part of a username",
        member_results_region: "Members found, scroll for more",
    moderation_title: "Moderation",
    admins_title: "Admins",
    no_admins: "No admins.",
    make_admin: "Make admin",
    mutes_title: "Muted members",
    no_mutes: "Nobody is muted.",
    mute: "Mute",
    unmute: "Unmute",
    mute_for: "For",
    field_message: "Message",
    field_ext: "ext (JSON)",
    field_event: "Custom event",
    field_exts: "Custom fields",
    field_from: "From",
    field_msgs: "Messages",
    field_seconds: "Duration",
    mute_10m: "10 minutes",
    mute_1h: "1 hour",
    mute_1d: "1 day",
    mute_7d: "7 days",
    mute_forever: "For ever",
    muted_until: "Until",
    mute_all: "Mute everyone",
    mute_all_state: "Everyone but the owner and admins is muted.",
    mute_all_done: "Everyone but the owner and admins is now muted.",
    unmute_all_done: "Everyone may speak again.",
    blocklist_title: "Blocklist",
    allowlist_title: "Allowlist",
    blocklist_hint: "Blocked users leave the room and cannot join again until they are unblocked.",
    allowlist_hint: "Users on the allowlist may speak while everyone is muted.",
    no_blocked: "Nobody is blocked.",
    no_allowed: "Nobody is on the allowlist.",
    block: "Block",
    allow: "Add to allowlist",
    announcement_title: "Announcement",
    save_announcement: "Save announcement",
    announcement_saved: "Announcement saved.",
    attributes_title: "Custom attributes",
    attributes_hint: "Set as the owner; replaces a value whoever set it.",
    no_attributes: "No attributes.",
    attr_key: "Key",
    attr_value: "Value",
    set_attribute: "Set attribute",
    super_admins_title: "Super admins",
    super_admins_lead: "Super admins may create chatrooms from a client SDK.",
    no_super_admins: "No super admins.",
    add_super_admin: "Add super admin",
    loading_list: "Loading…",
    usernames_inline_hint: "Separate names with commas or spaces; at most 60.",
    users_short: "Users",
    remove_these: "Remove these",
    import_preview: "What each row will do",
    nav_import: "Import",
    import_title: "Chatrooms from a spreadsheet",
    import_lead: "A CSV file whose first line names its columns. Every row is checked first; a row whose chatroom (same name and owner) is there already is not created again.",
    import_columns: "Columns",
    import_optional: "optional",
    import_members_hint: "optional: usernames separated by spaces or semicolons",
    import_col_required: "required",
    import_file: "CSV file",
    import_check: "Check the file",
    import_checking: "Checking…",
    import_row: "Row",
    import_status: "What happens",
    import_will_create: "Will be created",
    import_download: "Download the new ids (CSV)",
    import_problems_title: "Rows with problems",
    bulk_op_legend: "What to do in every selected chatroom",
    op_add_members: "Add users as members",
    op_mute: "Mute users",
    op_block: "Block users",
    op_announcement: "Set the announcement",
    start: "Start",
    remove: "Remove",
    actions_col: "Actions",
        stop: "Stop",
        stopping: "Stopping after the request under way…",
        not_sent_stopped: "Not sent: stopped",
        password: "Password",
        theme_dark: "Dark",
        theme_light: "Light",
        theme_auto: "As the system",
        theme: "Colour scheme",
        language: "Language",
        language_locked: "Finish or clear the form you are typing in first: switching the language now would lose what you typed.",
        nav_log: "Request log",
        log_title: "Request log",
        log_lead: "The API calls of this tab, newest first. The last 500 are kept, in memory only.",
        log_empty: "No request has been sent yet.",
        log_table: "API calls, newest first",
        col_time: "Time",
        col_request: "Request",
        col_status: "Status",
        col_duration: "Duration",
        col_attempt: "Attempt",
        copy_curl: "Copy as curl",
        reveal_token: "Put the token and secret in copied commands (otherwise $EASEMOB_TOKEN and $EASEMOB_CLIENT_SECRET)",
        response_body: "Response body",
        no_answer: "No answer",
        clear_log: "Clear the log",
        shortcuts_title: "Keyboard shortcuts",
        shortcuts_lead: "They work anywhere except while typing in a field.",
        shortcut_filter: "Focus the filter of the chatroom list",
        shortcut_new: "New chatroom",
        shortcut_close: "Close the dialog",
        shortcut_help: "Show this list",
        shortcuts_button: "Keyboard shortcuts (?)",
        export_csv: "Export CSV",
        export_json: "Export JSON",
        export_members: "Export all members (CSV)",
        col_role: "Role",
        export_label: "Export the chatrooms shown",
};

fn members(n: usize) -> String {
    if n == 1 {
        "1 member".to_string()
    } else {
        format!("{n} members")
    }
}

impl Catalogue for En {
    fn words(&self) -> &'static Words {
        &WORDS
    }

    fn rows_shown(&self, shown: usize, loaded: usize) -> String {
        let same = shown == loaded;
        let (shown, loaded) = (number(shown), number(loaded));
        if same {
            format!("{loaded} chatrooms on this page")
        } else {
            format!("{shown} of {loaded} chatrooms on this page match the filter")
        }
    }

    fn found_of(&self, found: usize, asked: usize) -> String {
        let (found, asked) = (number(found), number(asked));
        format!("Found {found} of {asked} chatrooms")
    }

    fn joined_title(&self, username: &str) -> String {
        format!("Chatrooms {username} has joined")
    }

    fn changed(&self, fields: &[&str]) -> String {
        if fields.is_empty() {
            "The server changed nothing".to_string()
        } else {
            format!("Saved: {}", fields.join(", "))
        }
    }

    fn transferred(&self, user: &str) -> String {
        format!("{user} now owns the chatroom")
    }

    fn current_owner(&self, user: &str) -> String {
        format!("Current owner: {user}")
    }

    fn dissolved(&self, name: &str, id: &str) -> String {
        format!("Dissolved {name} ({id})")
    }

    fn created(&self, name: &str, id: &str) -> String {
        format!("Created {name} ({id})")
    }

    fn added(&self, n: usize) -> String {
        format!("Added {}", members(n))
    }

    fn removed(&self, n: usize) -> String {
        format!("Removed {}", members(n))
    }

    fn left(&self, user: &str) -> String {
        format!("{user} left the chatroom")
    }

    fn users_listed(&self, n: usize) -> String {
        let (n,) = (number(n),);
        format!("{n} users listed")
    }

    fn batch_added(&self, asked: usize, added: usize) -> String {
        format!("Request of {asked}: {added} are members now")
    }

    fn failed_because(&self, reason: &str) -> String {
        format!("Failed: {reason}")
    }

    fn remove_chip(&self, name: &str) -> String {
        format!("Remove {name}")
    }

    fn dissolve_selected(&self, n: usize) -> String {
        format!("Dissolve selected ({n})")
    }

    fn bulk_dissolve_title(&self, n: usize) -> String {
        format!("Dissolve {n} chatrooms")
    }

    fn bulk_dissolved(&self, ok: usize, all: usize) -> String {
        let (ok, all) = (number(ok), number(all));
        format!("Dissolved {ok} of {all} chatrooms")
    }

    fn select_room(&self, name: &str, id: &str) -> String {
        format!("Select {name} ({id})")
    }

    fn more_members(&self, n: usize) -> String {
        format!("and {n} more, not shown as chips")
    }

    fn token_expires_in(&self, days: u64, hours: u64, minutes: u64, seconds: u64) -> String {
        if days > 0 {
            format!("Token expires in {days} d {hours} h")
        } else if hours > 0 {
            format!("Token expires in {hours} h {minutes} min")
        } else if minutes > 0 {
            format!("Token expires in {minutes} min")
        } else {
            format!("Token expires in {seconds} s")
        }
    }

    fn page_n(&self, n: usize) -> String {
        format!("Page {n}")
    }

    fn room_heading(&self, id: &str) -> String {
        format!("Chatroom {id}")
    }

    fn forget_app(&self, app_key: &str) -> String {
        format!("Forget {app_key}")
    }

    fn connect_problem(&self, p: ConnectProblem) -> &'static str {
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

    fn invalid(&self, i: &Invalid) -> String {
        super::lazy_invalid(super::Lang::En, i)
            .unwrap_or_else(|| "The request is not valid.".into())
    }

    fn failure_kind(&self, class: FailureClass) -> &'static str {
        match class {
            FailureClass::RateLimited => "Rate limited",
            FailureClass::ServerError => "Server error",
            FailureClass::Network => "Network failure",
            FailureClass::Cors => "Blocked by CORS",
            FailureClass::Refused => "Refused by the server",
            FailureClass::Unreadable => "Unreadable answer",
            FailureClass::OutcomeUnknown => "Outcome unknown",
            FailureClass::NotSent => "Not sent",
            FailureClass::Cancelled => "Cancelled",
        }
    }

    fn refusal_explained(&self, r: &Refusal) -> String {
        use Refusal::*;
        // What Connect can meet; the rest is explained by `refusals`, installed by the pages
        // loaded on first use.
        match r {
            TokenBlank | BadToken => "The app token was not accepted. Connect again.".into(),
            ExpiredToken => "The app token has expired. Connect again or paste a new token.".into(),
            AppNotFound { org, app, .. } => {
                format!("There is no app {org}#{app} on this host. Check the org and app names.")
            }
            InvalidGrant { .. } => "The client ID or secret is wrong.".into(),
            MethodNotAllowed | NoSuchEndpoint { .. } => {
                "This host does not offer that call; check that it is an Easemob REST host.".into()
            }
            RateLimited => WORDS.rate_limited_explained.into(),
            Unavailable | Internal => WORDS.server_error_explained.into(),
            _ => super::lazy_refusal(super::Lang::En, r)
                .unwrap_or_else(|| "The server refused the request.".into()),
        }
    }

    fn on_call(&self, call: &str) -> String {
        format!("Request: {call}")
    }

    fn waiting(&self, reason: WaitReason, ms: u64, call: &str) -> String {
        let secs = ms.div_ceil(1000);
        match reason {
            WaitReason::RateLimited => {
                format!("Waiting for the rate limit: {call} is sent again in {secs} s…")
            }
            WaitReason::Retrying => format!("No answer yet: {call} is sent again in {secs} s…"),
        }
    }

    fn was_created(&self, name: &str) -> String {
        format!("It was created: {name}")
    }

    fn was_not_transferred(&self, owner: &str) -> String {
        format!("It was not transferred: {owner} still owns the chatroom.")
    }

    fn progress(&self, done: usize, all: usize) -> String {
        let (done, all) = (number(done), number(all));
        format!("{done} of {all} done")
    }

    fn retry_failed(&self, n: usize) -> String {
        format!("Retry the {n} failed")
    }

    fn bulk_summary(&self, ok: usize, failed: usize, not_sent: usize) -> String {
        let mut s = format!("{ok} done, {failed} failed");
        if not_sent > 0 {
            s.push_str(&format!(", {not_sent} not sent"));
        }
        s
    }

    fn batch_of(&self, first: &str, n: usize) -> String {
        if n == 1 {
            first.to_string()
        } else {
            format!("{first} and {} more", n - 1)
        }
    }

    fn log_count(&self, n: usize) -> String {
        let (n,) = (number(n),);
        format!("{n} calls in the log")
    }

    fn duration_ms(&self, ms: u64) -> String {
        format!("{ms} ms")
    }

    fn copy_curl_of(&self, call: &str) -> String {
        format!("Copy as curl: {call}")
    }

    fn members_fetched(&self, n: usize) -> String {
        let (n,) = (number(n),);
        format!("Fetching members: {n} so far…")
    }

    fn members_exported(&self, n: usize) -> String {
        let (n,) = (number(n),);
        format!("Exported {n} members")
    }

    fn unreadable_answer(&self, reason: &str, snippet: &str) -> String {
        format!("The answer could not be read ({reason}): {snippet}")
    }

    fn network_failure(&self, browser: &str) -> String {
        format!("{browser}: the host could not be reached. Check the host and the network.")
    }

    fn timed_out(&self, seconds: u64) -> String {
        format!("No answer came within {seconds} s, so the request was abandoned.")
    }

    fn cors_blocked(&self, origin: &str) -> String {
        format!("The host answered, but its CORS settings do not allow pages from {origin}, so the browser kept the answer from this page. Nothing was done. Allow this origin on the host, or serve the dashboard and the API through one proxy (see the README).")
    }
    fn all_loading(&self, n: usize) -> String {
        let (n,) = (number(n),);
        format!("Loading every chatroom: {n} so far…")
    }

    fn all_shown(&self, shown: usize, total: usize) -> String {
        let same = shown == total;
        let one = total == 1;
        let (shown, total) = (number(shown), number(total));
        if same && one {
            "1 chatroom".to_string()
        } else if same {
            format!("{total} chatrooms")
        } else {
            format!("{shown} of {total} chatrooms match the filter")
        }
    }

    fn all_stopped(&self, n: usize) -> String {
        let (n,) = (number(n),);
        format!("Stopped after {n} chatrooms: the list is not complete.")
    }

    fn selected_count(&self, n: usize) -> String {
        let (n,) = (number(n),);
        format!("{n} selected")
    }

    fn member_matches(&self, shown: usize, total: usize) -> String {
        let (shown, total) = (number(shown), number(total));
        format!("{shown} of {total} members match")
    }

    fn remove_admin(&self, user: &str) -> String {
        format!("Remove admin {user}")
    }

    fn unmute_user(&self, user: &str) -> String {
        format!("Unmute {user}")
    }

    fn unblock_user(&self, user: &str) -> String {
        format!("Remove {user} from the blocklist")
    }

    fn disallow_user(&self, user: &str) -> String {
        format!("Remove {user} from the allowlist")
    }

    fn delete_attribute(&self, key: &str) -> String {
        format!("Remove attribute {key}")
    }

    fn remove_super_admin(&self, user: &str) -> String {
        format!("Remove super admin {user}")
    }

    fn admin_added(&self, user: &str) -> String {
        format!("{user} is now an admin.")
    }

    fn admin_removed(&self, user: &str) -> String {
        format!("{user} is no longer an admin.")
    }

    fn muted_n(&self, n: usize) -> String {
        if n == 1 {
            "Muted 1 member.".into()
        } else {
            format!("Muted {} members.", number(n))
        }
    }

    fn unmuted(&self, user: &str) -> String {
        format!("{user} may speak again.")
    }

    fn blocked_n(&self, n: usize) -> String {
        if n == 1 {
            "Blocked 1 user.".into()
        } else {
            format!("Blocked {} users.", number(n))
        }
    }

    fn allowed_n(&self, n: usize) -> String {
        if n == 1 {
            "Added 1 user to the allowlist.".into()
        } else {
            format!("Added {} users to the allowlist.", number(n))
        }
    }

    fn unblocked(&self, user: &str) -> String {
        format!("{user} is no longer blocked.")
    }

    fn disallowed(&self, user: &str) -> String {
        format!("{user} is off the allowlist.")
    }

    fn announcement_chars(&self, n: usize, max: usize) -> String {
        format!("{n} / {max} characters")
    }

    fn attribute_set(&self, key: &str) -> String {
        format!("Attribute {key} set.")
    }

    fn attribute_deleted(&self, key: &str) -> String {
        format!("Attribute {key} deleted.")
    }

    fn super_admin_added(&self, user: &str) -> String {
        format!("{user} is now a super admin.")
    }

    fn super_admin_removed(&self, user: &str) -> String {
        format!("{user} is no longer a super admin.")
    }

    fn not_done_for(&self, user: &str, why: &str) -> String {
        format!("Not done for {user}: {why}")
    }

    fn user_reason(&self, r: &UserReason) -> String {
        match r {
            UserReason::NotInRoom { user, .. } => {
                format!("{user} is not a member of the chatroom.")
            }
            UserReason::IsOwner { user, .. } => {
                format!("{user} owns the chatroom and cannot be blocked.")
            }
            UserReason::NoSuchUser { user } => format!("There is no user {user} in this app."),
            UserReason::NotOnList { user } => format!("{user} is not on the list."),
            UserReason::Other(words) => words.clone(),
        }
    }

    fn key_reason(&self, r: &KeyReason) -> String {
        match r {
            KeyReason::KeyTooLong { max } => format!("The key may have at most {max} characters."),
            KeyReason::KeyNotLegal => "The key may hold only a-z A-Z 0-9 _ . -".into(),
            KeyReason::ValueTooLong { max } => {
                format!("The value may have at most {max} characters.")
            }
            KeyReason::RoomFull { max } => format!("The chatroom has its {max} attributes."),
            KeyReason::NotSet => "The chatroom has no such attribute.".into(),
            KeyReason::OwnedByOther => "Another user set this attribute.".into(),
            KeyReason::Other(words) => words.clone(),
        }
    }

    fn moderate_selected(&self, n: usize) -> String {
        format!("Moderate selected ({n})")
    }

    fn bulk_moderate_title(&self, n: usize) -> String {
        if n == 1 {
            "Moderate 1 chatroom".into()
        } else {
            format!("Moderate {} chatrooms", number(n))
        }
    }

    fn bulk_moderated(&self, ok: usize, all: usize) -> String {
        format!("Done in {} of {} chatrooms", number(ok), number(all))
    }

    fn import_users_checked(&self, done: usize, all: usize) -> String {
        format!("Users checked: {} of {}", number(done), number(all))
    }

    fn import_summary(&self, create: usize, exist: usize, problems: usize) -> String {
        format!(
            "{} to create, {} there already, {} with problems",
            number(create),
            number(exist),
            number(problems)
        )
    }

    fn import_create(&self, n: usize) -> String {
        if n == 1 {
            "Create 1 chatroom".into()
        } else {
            format!("Create {} chatrooms", number(n))
        }
    }

    fn import_exists(&self, id: &str) -> String {
        format!("There already: {id}")
    }

    fn import_created(&self, id: &str) -> String {
        format!("Created: {id}")
    }

    fn import_row_label(&self, n: usize, name: &str) -> String {
        format!("Row {n}: {name}")
    }

    fn import_problem(&self, p: &RowProblem) -> String {
        match p {
            RowProblem::Invalid(i) => self.invalid(i),
            RowProblem::MaxUsersNotANumber(v) => format!("maxusers \"{v}\" is not a number"),
            RowProblem::NoSuchUsers(users) => format!("No such users: {}", users.join(", ")),
            RowProblem::SameAsRow(n) => format!("The same chatroom (name and owner) as row {n}"),
            RowProblem::ExtraCells => "More cells than the header has columns".into(),
        }
    }

    fn import_file_problem(&self, p: &FileProblem) -> String {
        match p {
            FileProblem::Empty => "The file is empty.".into(),
            FileProblem::NotUtf8 => {
                "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and choose it again.".into()
            }
            FileProblem::RepeatedColumn(c) => format!("The header names the column {c} twice."),
            FileProblem::UnclosedQuote { line } => {
                format!("A quoted cell that starts on line {line} never ends.")
            }
            FileProblem::MissingColumn(c) => format!("The header has no column {c}."),
            FileProblem::UnknownColumn(c) => {
                format!("The header names a column this import does not know: {c}.")
            }
        }
    }

    fn created_n(&self, n: usize) -> String {
        if n == 1 {
            "Created 1 chatroom".into()
        } else {
            format!("Created {} chatrooms", number(n))
        }
    }

    fn import_row_problem(&self, n: usize, name: &str, why: &str) -> String {
        format!("Row {n}: {name} — {why}")
    }
}
