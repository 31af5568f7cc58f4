//! Every word the dashboard shows, in two catalogues: `en` and `zh` (简体中文).
//!
//! Plain words are the fields of [`Words`]; sentences with values in them are the methods of
//! [`Catalogue`]. A language that lacks a field or a method does not compile, so no key can be
//! missing at run time. Sentences are written whole in each language, never glued together
//! from fragments. A server's `error_description` is not here: it is shown as the server wrote
//! it, beside our explanation.

mod en;
mod format;
pub mod journal;
pub mod messages;
pub mod overview;
mod refusals;
mod zh;

pub use format::{date_time, number};

use crate::import::{FileProblem, RowProblem};
use easemob_api::client::WaitReason;
use easemob_api::connect::ConnectProblem;
use easemob_api::limits::{Field, Invalid};
use easemob_api::{FailureClass, KeyReason, Refusal, UserReason};
use std::cell::Cell;

/// The languages of the dashboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The BCP 47 tag, for `<html lang>` and for `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language's own name, shown in the switch whatever the current language is.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "简体中文",
        }
    }

    /// The language for a browser's preferred language tag: any Chinese is 简体中文, anything
    /// else English.
    pub fn for_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    pub fn catalogue(self) -> &'static dyn Catalogue {
        match self {
            Lang::En => &en::En,
            Lang::Zh => &zh::Zh,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Sets the language that [`t`] answers in. The app remounts its views when it changes.
pub fn set_current(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

pub fn current() -> Lang {
    CURRENT.with(|c| c.get())
}

/// The catalogue of the current language.
/// The explanations only the pages loaded on first use can need ([`refusals`]), once one of
/// them has installed them. In builds that are not split (tests, debug) they are always there.
type LazyWords = (
    fn(Lang, &easemob_api::Refusal) -> String,
    fn(Lang, &easemob_api::Invalid) -> String,
);

#[cfg(wasm_split)]
thread_local! {
    static LAZY_WORDS: std::cell::Cell<Option<LazyWords>> = const { std::cell::Cell::new(None) };
}

/// Installs the explanations of [`refusals`] (called by each lazy page as it is built, so that
/// their code travels with the pages, not in the first load).
pub fn install_lazy_words() {
    #[cfg(wasm_split)]
    LAZY_WORDS.with(|w| w.set(Some((refusals::refusal, refusals::invalid))));
}

fn lazy_words() -> Option<LazyWords> {
    #[cfg(wasm_split)]
    return LAZY_WORDS.with(|w| w.get());
    #[cfg(not(wasm_split))]
    Some((refusals::refusal, refusals::invalid))
}

fn lazy_refusal(lang: Lang, r: &easemob_api::Refusal) -> Option<String> {
    lazy_words().map(|(refusal, _)| refusal(lang, r))
}

fn lazy_invalid(lang: Lang, i: &easemob_api::Invalid) -> Option<String> {
    lazy_words().map(|(_, invalid)| invalid(lang, i))
}

pub fn t() -> &'static dyn Catalogue {
    current().catalogue()
}

/// Plain words: a label, a button, a heading.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Words {
    pub app_title: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_rooms: &'static str,
    pub nav_open_many: &'static str,
    pub user_lookup_label: &'static str,
    pub username_placeholder: &'static str,
    pub user_lookup_go: &'static str,
    pub switch_app: &'static str,
    pub disconnect: &'static str,
    pub connect: &'static str,
    pub connecting: &'static str,
    pub token_no_expiry: &'static str,
    pub expired: &'static str,
    pub page_not_found: &'static str,
    pub page_not_loaded: &'static str,
    pub page_not_loaded_hint: &'static str,
    pub not_connected: &'static str,
    pub not_connected_title: &'static str,
    pub not_connected_hint: &'static str,
    pub go_connect: &'static str,
    pub connect_title: &'static str,
    pub connect_lead: &'static str,
    pub config_unreadable: &'static str,
    pub quick_pick: &'static str,
    pub forget: &'static str,
    pub host_label: &'static str,
    pub host_hint: &'static str,
    pub org_label: &'static str,
    pub org_hint: &'static str,
    pub app_label: &'static str,
    pub app_hint: &'static str,
    pub auth_legend: &'static str,
    pub mode_credentials: &'static str,
    pub mode_token: &'static str,
    pub token_label: &'static str,
    pub token_hint: &'static str,
    pub client_id_label: &'static str,
    pub client_id_hint: &'static str,
    pub client_secret_label: &'static str,
    pub client_secret_hint: &'static str,
    pub remember_app: &'static str,
    pub rooms_title: &'static str,
    pub rooms_pager: &'static str,
    pub filter_label: &'static str,
    pub filter_placeholder: &'static str,
    pub page_size_label: &'static str,
    pub extra_columns: &'static str,
    pub loading_rooms: &'static str,
    pub loading_room: &'static str,
    pub loading_members: &'static str,
    pub no_rooms: &'static str,
    pub no_match: &'static str,
    pub col_id: &'static str,
    pub col_name: &'static str,
    pub col_owner: &'static str,
    pub col_members: &'static str,
    pub col_description: &'static str,
    pub col_maxusers: &'static str,
    pub col_created: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub room: &'static str,
    pub room_missing: &'static str,
    pub copy: &'static str,
    pub copy_id: &'static str,
    pub copied: &'static str,
    pub membersonly: &'static str,
    pub allowinvites: &'static str,
    pub public: &'static str,
    pub muted: &'static str,
    pub custom: &'static str,
    pub empty_value: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub members_title: &'static str,
    pub members_pager: &'static str,
    pub no_members: &'static str,
    pub owner_badge: &'static str,
    pub open_many_title: &'static str,
    pub open_many_label: &'static str,
    pub open_many_placeholder: &'static str,
    pub open: &'static str,
    pub not_found_ids: &'static str,
    pub joined_pager: &'static str,
    pub no_joined: &'static str,
    pub close: &'static str,
    pub dismiss: &'static str,
    pub cancel: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub room_actions: &'static str,
    pub edit: &'static str,
    pub edit_title: &'static str,
    pub transfer: &'static str,
    pub transfer_title: &'static str,
    pub new_owner: &'static str,
    pub new_owner_hint: &'static str,
    pub dissolve: &'static str,
    pub dissolved: &'static str,
    pub dissolve_title: &'static str,
    pub dissolve_warning: &'static str,
    pub dissolve_confirm: &'static str,
    pub bulk_confirm: &'static str,
    pub add_members: &'static str,
    pub adding: &'static str,
    pub add_members_title: &'static str,
    pub add_members_hint: &'static str,
    pub remove_members: &'static str,
    pub remove_members_title: &'static str,
    pub remove_members_hint: &'static str,
    pub member_leaves: &'static str,
    pub member_leaves_title: &'static str,
    pub member_leaves_hint: &'static str,
    pub usernames_label: &'static str,
    pub user: &'static str,
    pub result: &'static str,
    pub removed: &'static str,
    pub new_room: &'static str,
    pub create: &'static str,
    pub creating: &'static str,
    pub create_title: &'static str,
    pub field_name: &'static str,
    pub field_description: &'static str,
    pub field_maxusers: &'static str,
    pub field_owner: &'static str,
    pub field_members: &'static str,
    pub field_custom: &'static str,
    pub members_hint: &'static str,
    pub custom_hint: &'static str,
    pub maxusers_not_a_number: &'static str,
    pub select_all: &'static str,
    pub member_chips: &'static str,
    pub copy_failed: &'static str,
    pub rate_limited_explained: &'static str,
    pub server_error_explained: &'static str,
    pub outcome_unknown_explained: &'static str,
    pub cancelled_explained: &'static str,
    pub server_said: &'static str,
    pub token_refused_title: &'static str,
    pub token_refused_lead: &'static str,
    pub new_token_label: &'static str,
    pub use_token: &'static str,
    pub give_up: &'static str,
    pub checking_create: &'static str,
    pub was_not_created: &'static str,
    pub look_again: &'static str,
    pub send_again: &'static str,
    pub open_room: &'static str,
    pub checking_transfer: &'static str,
    pub stop: &'static str,
    pub all_rooms: &'static str,
    pub paged_view: &'static str,
    pub reload: &'static str,
    pub all_rooms_region: &'static str,
    pub select_matching: &'static str,
    pub clear_selection: &'static str,
    pub member_search: &'static str,
    pub member_search_placeholder: &'static str,
    pub member_results_region: &'static str,
    pub moderation_title: &'static str,
    pub admins_title: &'static str,
    pub no_admins: &'static str,
    pub make_admin: &'static str,
    pub mutes_title: &'static str,
    pub no_mutes: &'static str,
    pub mute: &'static str,
    pub unmute: &'static str,
    pub mute_for: &'static str,
    pub field_message: &'static str,
    pub field_ext: &'static str,
    pub field_event: &'static str,
    pub field_exts: &'static str,
    pub field_from: &'static str,
    pub field_msgs: &'static str,
    pub field_seconds: &'static str,
    pub mute_10m: &'static str,
    pub mute_1h: &'static str,
    pub mute_1d: &'static str,
    pub mute_7d: &'static str,
    pub mute_forever: &'static str,
    pub muted_until: &'static str,
    pub mute_all: &'static str,
    pub mute_all_state: &'static str,
    pub mute_all_done: &'static str,
    pub unmute_all_done: &'static str,
    pub blocklist_title: &'static str,
    pub allowlist_title: &'static str,
    pub blocklist_hint: &'static str,
    pub allowlist_hint: &'static str,
    pub no_blocked: &'static str,
    pub no_allowed: &'static str,
    pub block: &'static str,
    pub allow: &'static str,
    pub announcement_title: &'static str,
    pub save_announcement: &'static str,
    pub announcement_saved: &'static str,
    pub attributes_title: &'static str,
    pub attributes_hint: &'static str,
    pub no_attributes: &'static str,
    pub attr_key: &'static str,
    pub attr_value: &'static str,
    pub set_attribute: &'static str,
    pub super_admins_title: &'static str,
    pub super_admins_lead: &'static str,
    pub no_super_admins: &'static str,
    pub add_super_admin: &'static str,
    pub loading_list: &'static str,
    pub usernames_inline_hint: &'static str,
    pub actions_col: &'static str,
    pub remove: &'static str,
    pub users_short: &'static str,
    pub remove_these: &'static str,
    pub import_preview: &'static str,
    pub nav_import: &'static str,
    pub import_title: &'static str,
    pub import_lead: &'static str,
    pub import_columns: &'static str,
    pub import_optional: &'static str,
    pub import_members_hint: &'static str,
    pub import_col_required: &'static str,
    pub import_file: &'static str,
    pub import_check: &'static str,
    pub import_checking: &'static str,
    pub import_row: &'static str,
    pub import_status: &'static str,
    pub import_will_create: &'static str,
    pub import_download: &'static str,
    pub import_problems_title: &'static str,
    pub bulk_op_legend: &'static str,
    pub op_add_members: &'static str,
    pub op_mute: &'static str,
    pub op_block: &'static str,
    pub op_announcement: &'static str,
    pub start: &'static str,
    pub stopping: &'static str,
    pub not_sent_stopped: &'static str,
    pub password: &'static str,
    pub theme_dark: &'static str,
    pub theme_light: &'static str,
    pub theme_auto: &'static str,
    pub theme: &'static str,
    pub language: &'static str,
    /// Why the language cannot be switched now.
    pub language_locked: &'static str,
    pub nav_log: &'static str,
    pub log_title: &'static str,
    pub log_lead: &'static str,
    pub log_empty: &'static str,
    pub log_table: &'static str,
    pub col_time: &'static str,
    pub col_request: &'static str,
    pub col_status: &'static str,
    pub col_duration: &'static str,
    pub col_attempt: &'static str,
    pub copy_curl: &'static str,
    pub reveal_token: &'static str,
    pub response_body: &'static str,
    pub no_answer: &'static str,
    pub clear_log: &'static str,
    pub shortcuts_title: &'static str,
    pub shortcuts_lead: &'static str,
    pub shortcut_filter: &'static str,
    pub shortcut_new: &'static str,
    pub shortcut_close: &'static str,
    pub shortcut_help: &'static str,
    pub shortcuts_button: &'static str,
    pub export_csv: &'static str,
    pub export_json: &'static str,
    pub export_members: &'static str,
    pub col_role: &'static str,
    pub export_label: &'static str,
}

/// Sentences with values in them, and the words for the API crate's typed problems.
pub trait Catalogue {
    fn words(&self) -> &'static Words;
    fn rows_shown(&self, shown: usize, loaded: usize) -> String;
    fn found_of(&self, found: usize, asked: usize) -> String;
    fn joined_title(&self, username: &str) -> String;
    fn changed(&self, fields: &[&str]) -> String;
    fn transferred(&self, user: &str) -> String;
    fn current_owner(&self, user: &str) -> String;
    fn dissolved(&self, name: &str, id: &str) -> String;
    fn created(&self, name: &str, id: &str) -> String;
    fn added(&self, n: usize) -> String;
    fn removed(&self, n: usize) -> String;
    fn left(&self, user: &str) -> String;
    fn users_listed(&self, n: usize) -> String;
    fn batch_added(&self, asked: usize, added: usize) -> String;
    fn failed_because(&self, reason: &str) -> String;
    fn remove_chip(&self, name: &str) -> String;
    fn dissolve_selected(&self, n: usize) -> String;
    fn bulk_dissolve_title(&self, n: usize) -> String;
    fn bulk_dissolved(&self, ok: usize, all: usize) -> String;
    fn select_room(&self, name: &str, id: &str) -> String;
    fn more_members(&self, n: usize) -> String;
    /// "Token expires in 1 h 59 min": the largest units that are not zero.
    fn token_expires_in(&self, days: u64, hours: u64, minutes: u64, seconds: u64) -> String;
    fn page_n(&self, n: usize) -> String;
    fn room_heading(&self, id: &str) -> String;
    fn forget_app(&self, app_key: &str) -> String;
    fn log_count(&self, n: usize) -> String;
    /// The answer could not be read: `reason` and `snippet` are the parser's and the body's.
    fn unreadable_answer(&self, reason: &str, snippet: &str) -> String;
    /// The request got no answer; `browser` is the browser's own message.
    fn network_failure(&self, browser: &str) -> String;
    /// No answer came within `seconds`; the request was abandoned.
    fn timed_out(&self, seconds: u64) -> String;
    /// The host answered, but not to a page from `origin`.
    fn cors_blocked(&self, origin: &str) -> String;
    fn members_fetched(&self, n: usize) -> String;
    fn members_exported(&self, n: usize) -> String;
    fn duration_ms(&self, ms: u64) -> String;
    fn copy_curl_of(&self, call: &str) -> String;
    fn connect_problem(&self, p: ConnectProblem) -> &'static str;
    fn invalid(&self, i: &Invalid) -> String;
    fn failure_kind(&self, class: FailureClass) -> &'static str;
    fn refusal_explained(&self, r: &Refusal) -> String;
    fn on_call(&self, call: &str) -> String;
    fn waiting(&self, reason: WaitReason, ms: u64, call: &str) -> String;
    fn was_created(&self, name: &str) -> String;
    fn was_not_transferred(&self, owner: &str) -> String;
    fn progress(&self, done: usize, all: usize) -> String;
    fn retry_failed(&self, n: usize) -> String;
    fn bulk_summary(&self, ok: usize, failed: usize, not_sent: usize) -> String;
    fn batch_of(&self, first: &str, n: usize) -> String;
    fn all_loading(&self, n: usize) -> String;
    fn all_shown(&self, shown: usize, total: usize) -> String;
    fn all_stopped(&self, n: usize) -> String;
    fn selected_count(&self, n: usize) -> String;
    fn member_matches(&self, shown: usize, total: usize) -> String;
    fn remove_admin(&self, user: &str) -> String;
    fn unmute_user(&self, user: &str) -> String;
    fn unblock_user(&self, user: &str) -> String;
    fn disallow_user(&self, user: &str) -> String;
    fn delete_attribute(&self, key: &str) -> String;
    fn remove_super_admin(&self, user: &str) -> String;
    fn admin_added(&self, user: &str) -> String;
    fn admin_removed(&self, user: &str) -> String;
    fn muted_n(&self, n: usize) -> String;
    fn unmuted(&self, user: &str) -> String;
    fn blocked_n(&self, n: usize) -> String;
    fn allowed_n(&self, n: usize) -> String;
    fn unblocked(&self, user: &str) -> String;
    fn disallowed(&self, user: &str) -> String;
    fn announcement_chars(&self, n: usize, max: usize) -> String;
    fn attribute_set(&self, key: &str) -> String;
    fn attribute_deleted(&self, key: &str) -> String;
    fn super_admin_added(&self, user: &str) -> String;
    fn super_admin_removed(&self, user: &str) -> String;
    fn moderate_selected(&self, n: usize) -> String;
    fn bulk_moderate_title(&self, n: usize) -> String;
    fn bulk_moderated(&self, ok: usize, all: usize) -> String;
    fn import_users_checked(&self, done: usize, all: usize) -> String;
    fn import_summary(&self, create: usize, exist: usize, problems: usize) -> String;
    fn import_create(&self, n: usize) -> String;
    fn import_exists(&self, id: &str) -> String;
    fn import_created(&self, id: &str) -> String;
    fn import_row_label(&self, n: usize, name: &str) -> String;
    fn import_problem(&self, p: &RowProblem) -> String;
    fn import_file_problem(&self, p: &FileProblem) -> String;
    fn created_n(&self, n: usize) -> String;
    fn import_row_problem(&self, n: usize, name: &str, why: &str) -> String;
    fn not_done_for(&self, user: &str, why: &str) -> String;
    fn user_reason(&self, r: &UserReason) -> String;
    fn key_reason(&self, r: &KeyReason) -> String;
}

impl std::ops::Deref for dyn Catalogue {
    type Target = Words;
    fn deref(&self) -> &Words {
        self.words()
    }
}

/// The label of a form field, as the form shows it.
pub fn field_label(w: &Words, f: Field) -> &'static str {
    match f {
        Field::Name => w.field_name,
        Field::Description => w.field_description,
        Field::MaxUsers => w.field_maxusers,
        Field::Owner => w.field_owner,
        Field::Members => w.field_members,
        Field::Custom => w.custom,
        Field::NewOwner => w.new_owner,
        Field::Username | Field::Usernames => w.user,
        Field::RoomIds => w.col_id,
        Field::Password => w.password,
        Field::Announcement => w.announcement_title,
        Field::AttributeKey => w.attr_key,
        Field::AttributeValue => w.attr_value,
        Field::Attributes => w.attributes_title,
        Field::MuteDuration => w.mute_for,
        Field::Message => w.field_message,
        Field::Ext => w.field_ext,
        Field::CustomEvent => w.field_event,
        Field::CustomExts => w.field_exts,
        Field::Sender => w.field_from,
        Field::MessageIds => w.field_msgs,
        Field::MuteSeconds => w.field_seconds,
    }
}

#[cfg(test)]
mod tests;
