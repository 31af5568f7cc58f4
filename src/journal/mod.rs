//! The operations journal: every change made through the dashboard, single or bulk, as an
//! entry of what was done (to which rooms and users, with which values), what was there before
//! where the dashboard held it or could read it cheaply, and the outcome for each target.
//!
//! - this file: the entry, plain data with plain tests;
//! - [`rules`]: what undoes a change, what "changed since" means, the bounds;
//! - [`store`]: the browser's IndexedDB, one store of entries keyed by id, by app;
//! - the data layer records ([`crate::data::Data::write`] and its kin), so that no change is
//!   made without an entry.
//!
//! An entry never holds a token or a secret: only the app's host, org and name, and the
//! change's own values.

pub mod rules;
pub mod send;
pub mod store;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which change it was. One word per change a person can make; a call for one user and a call
/// for many (add a member, add members) are the same change.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Create,
    #[default]
    Edit,
    Transfer,
    Dissolve,
    AddMembers,
    RemoveMembers,
    AddAdmin,
    RemoveAdmin,
    Mute,
    Unmute,
    MuteAll,
    UnmuteAll,
    Block,
    Unblock,
    Allow,
    Disallow,
    Announcement,
    SetAttributes,
    DeleteAttributes,
    AddSuperAdmin,
    RemoveSuperAdmin,
    RegisterUsers,
    /// A message to rooms (a batch of up to 10: `set` names them, `sent` has each one's id).
    SendMessage,
    /// The broadcast to every active room.
    Broadcast,
    /// Messages recalled (`set` names them).
    Recall,
    /// An app-wide mute of users (`set` has the seconds per kind).
    GlobalMute,
    Ban,
    Unban,
    ForceOffline,
}

impl Op {
    pub const ALL: [Op; 29] = [
        Op::Create,
        Op::Edit,
        Op::Transfer,
        Op::Dissolve,
        Op::AddMembers,
        Op::RemoveMembers,
        Op::AddAdmin,
        Op::RemoveAdmin,
        Op::Mute,
        Op::Unmute,
        Op::MuteAll,
        Op::UnmuteAll,
        Op::Block,
        Op::Unblock,
        Op::Allow,
        Op::Disallow,
        Op::Announcement,
        Op::SetAttributes,
        Op::DeleteAttributes,
        Op::AddSuperAdmin,
        Op::RemoveSuperAdmin,
        Op::RegisterUsers,
        Op::SendMessage,
        Op::Broadcast,
        Op::Recall,
        Op::GlobalMute,
        Op::Ban,
        Op::Unban,
        Op::ForceOffline,
    ];

    /// Its word in URLs, exports and storage.
    pub fn key(self) -> &'static str {
        match self {
            Op::Create => "create",
            Op::Edit => "edit",
            Op::Transfer => "transfer",
            Op::Dissolve => "dissolve",
            Op::AddMembers => "add_members",
            Op::RemoveMembers => "remove_members",
            Op::AddAdmin => "add_admin",
            Op::RemoveAdmin => "remove_admin",
            Op::Mute => "mute",
            Op::Unmute => "unmute",
            Op::MuteAll => "mute_all",
            Op::UnmuteAll => "unmute_all",
            Op::Block => "block",
            Op::Unblock => "unblock",
            Op::Allow => "allow",
            Op::Disallow => "disallow",
            Op::Announcement => "announcement",
            Op::SetAttributes => "set_attributes",
            Op::DeleteAttributes => "delete_attributes",
            Op::AddSuperAdmin => "add_super_admin",
            Op::RemoveSuperAdmin => "remove_super_admin",
            Op::RegisterUsers => "register_users",
            Op::SendMessage => "send_message",
            Op::Broadcast => "broadcast",
            Op::Recall => "recall",
            Op::GlobalMute => "global_mute",
            Op::Ban => "ban",
            Op::Unban => "unban",
            Op::ForceOffline => "force_offline",
        }
    }

    pub fn from_key(key: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|o| o.key() == key)
    }
}

/// Keys of [`Item::set`] and [`Item::before`].
pub mod key {
    pub const NAME: &str = "name";
    pub const DESCRIPTION: &str = "description";
    pub const MAXUSERS: &str = "maxusers";
    /// The owner: the new one in `set`, the previous one in `before`.
    pub const OWNER: &str = "owner";
    /// A mute's length in milliseconds, or -1 for ever.
    pub const DURATION: &str = "duration";
    /// The announcement.
    pub const TEXT: &str = "text";
    /// Attributes set over another user's.
    pub const FORCED: &str = "forced";
    /// Attributes to go when their user leaves.
    pub const AUTO_DELETE: &str = "auto_delete";
    /// `attr:<key>`: a custom attribute's value.
    pub const ATTR: &str = "attr:";
    /// `expire:<user>`: when a user's mute ended (ms, -1 for ever) before the change; no key:
    /// not muted.
    pub const EXPIRE: &str = "expire:";
    /// A new room's `custom`.
    pub const CUSTOM: &str = "custom";
    /// The rooms of a message, comma-separated.
    pub const ROOMS: &str = "rooms";
    /// A message's type (`txt`, `custom`, `cmd`), what it says (a text, an event, an action),
    /// its `ext` and priority, its sender.
    pub const TYPE: &str = "type";
    pub const BODY: &str = "body";
    pub const EXT: &str = "ext";
    pub const PRIORITY: &str = "priority";
    pub const FROM: &str = "from";
    /// A broadcast's id.
    pub const BROADCAST: &str = "broadcast";
    /// Messages recalled: `room:id` pairs, comma-separated; `force` when forced.
    pub const MESSAGES: &str = "messages";
    /// An app-wide mute's seconds per kind (`-1` for ever, `0` lifted).
    pub const CHAT: &str = "chat";
    pub const GROUPCHAT: &str = "groupchat";
    pub const CHATROOM: &str = "chatroom";
}

/// One change to one room (or to the app, for super admins and users): the unit that has an
/// outcome. A bulk run has one per room (or per batch of users).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub op: Op,
    /// The room; empty for changes to the app (super admins, users) and for a create whose
    /// room id is not known yet.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub room: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub users: Vec<String>,
    /// The values the change sets ([`key`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub set: BTreeMap<String, String>,
    /// What was there before, where the dashboard held it or read it ([`key`]); `None`: not
    /// known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<BTreeMap<String, String>>,
    /// The users the server said it made the change for (those added, muted, blocked), where it
    /// says; the rest already were, or were refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affected: Option<Vec<String>>,
    #[serde(default)]
    pub outcome: Outcome,
    /// Found done by looking (Resume) rather than by its answer: whether this entry made it is
    /// not known, so its undo leaves it alone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub found: bool,
    /// A message's id in each room it was sent to, from the answer.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sent: BTreeMap<String, String>,
}

/// What became of an item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "is", rename_all = "snake_case")]
pub enum Outcome {
    /// Not settled yet: waiting its turn, or sent and not answered (in an entry left unfinished
    /// by a reload, such an item may have been made).
    #[default]
    Pending,
    Done,
    /// The server said no, in its words.
    Refused {
        status: u16,
        #[serde(default)]
        error: String,
        #[serde(default)]
        words: String,
    },
    /// It reached the server and its answer was lost: it may have been made.
    Unknown,
    /// Not sent (stopped, or refused before sending), or looked for and not made.
    NotDone,
}

impl Outcome {
    pub fn key(&self) -> &'static str {
        match self {
            Outcome::Pending => "pending",
            Outcome::Done => "done",
            Outcome::Refused { .. } => "refused",
            Outcome::Unknown => "unknown",
            Outcome::NotDone => "not_done",
        }
    }
    pub const KEYS: [&'static str; 5] = ["done", "refused", "unknown", "not_done", "pending"];
}

/// Which app an entry is of: where it is, never how to log in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AppId {
    pub host: String,
    pub org: String,
    pub app: String,
}

impl AppId {
    /// The key entries are stored under.
    pub fn key(&self) -> String {
        format!("{} {}#{}", self.host, self.org, self.app)
    }
}

/// How an entry came to be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// One change, from a page.
    #[default]
    Single,
    /// A bulk run: the same change in many rooms, or the rows of an import.
    Bulk,
    /// A bulk run's plan, recorded without sending anything.
    Plan,
}

/// One change made through the dashboard, single or bulk.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Unique in this browser, and ordered by time.
    pub id: u64,
    /// When it was started (ms since the epoch).
    pub at: u64,
    pub app: AppId,
    #[serde(default)]
    pub kind: Kind,
    /// The entry this one undoes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<u64>,
    /// Still under way; one left so by a reload or a closed tab is unfinished.
    #[serde(default)]
    pub running: bool,
    /// When it was last kept (ms): a running entry kept nowhere for a while is unfinished.
    #[serde(default)]
    pub alive: u64,
    pub items: Vec<Item>,
}

impl Entry {
    /// The operations it holds, each once, in order.
    pub fn ops(&self) -> Vec<Op> {
        let mut out: Vec<Op> = Vec::new();
        for i in &self.items {
            if !out.contains(&i.op) {
                out.push(i.op);
            }
        }
        out
    }

    /// The rooms it touched, each once, in order.
    pub fn rooms(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for i in &self.items {
            if !i.room.is_empty() && !out.contains(&i.room.as_str()) {
                out.push(&i.room);
            }
        }
        out
    }

    /// The users it named, each once, in order (a transfer's new owner too).
    pub fn users(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for i in &self.items {
            let owner = i.set.get(key::OWNER).filter(|_| i.op == Op::Transfer);
            for u in i.users.iter().chain(owner) {
                if !out.contains(&u.as_str()) {
                    out.push(u);
                }
            }
        }
        out
    }

    /// How many items ended each way: done, refused, unknown, not done, pending.
    pub fn tally(&self) -> [usize; 5] {
        let mut n = [0; 5];
        for i in &self.items {
            let k = i.outcome.key();
            if let Some(p) = Outcome::KEYS.iter().position(|x| *x == k) {
                n[p] += 1;
            }
        }
        n
    }

    /// Whether any item ended this way.
    pub fn has(&self, outcome: &str) -> bool {
        self.items.iter().any(|i| i.outcome.key() == outcome)
    }
}

/// What the journal page filters by (the URL's query).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub room: String,
    pub user: String,
    pub op: Option<Op>,
    pub outcome: Option<String>,
    /// From and to, ms since the epoch (to is exclusive).
    pub from: Option<u64>,
    pub to: Option<u64>,
}

impl Filter {
    pub fn matches(&self, e: &Entry) -> bool {
        let room = self.room.trim();
        let user = self.user.trim();
        (room.is_empty() || e.rooms().contains(&room))
            && (user.is_empty() || e.users().iter().any(|u| u.eq_ignore_ascii_case(user)))
            && self.op.is_none_or(|op| e.items.iter().any(|i| i.op == op))
            && self.outcome.as_deref().is_none_or(|o| e.has(o))
            && self.from.is_none_or(|f| e.at >= f)
            && self.to.is_none_or(|t| e.at < t)
    }
}

/// The journal as CSV: one row per item, so that a spreadsheet can filter by room or outcome.
pub fn to_csv(entries: &[Entry], time: impl Fn(u64) -> String) -> String {
    let header = [
        "entry",
        "time",
        "host",
        "org",
        "app",
        "kind",
        "undoes",
        "operation",
        "room",
        "users",
        "set",
        "before",
        "outcome",
        "status",
        "error",
        "words",
    ];
    let map = |m: &BTreeMap<String, String>| {
        m.iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut rows = Vec::new();
    for e in entries {
        for i in &e.items {
            let (status, error, words) = match &i.outcome {
                Outcome::Refused {
                    status,
                    error,
                    words,
                } => (status.to_string(), error.clone(), words.clone()),
                _ => Default::default(),
            };
            rows.push(vec![
                e.id.to_string(),
                time(e.at),
                e.app.host.clone(),
                e.app.org.clone(),
                e.app.app.clone(),
                match e.kind {
                    Kind::Single => "single",
                    Kind::Bulk => "bulk",
                    Kind::Plan => "plan",
                }
                .to_string(),
                e.undoes.map(|u| u.to_string()).unwrap_or_default(),
                i.op.key().to_string(),
                i.room.clone(),
                i.users.join(" "),
                map(&i.set),
                i.before.as_ref().map(map).unwrap_or_default(),
                i.outcome.key().to_string(),
                status,
                error,
                words,
            ]);
        }
    }
    crate::export::csv(&header, &rows)
}

/// The journal as JSON: the entries as they are stored.
pub fn to_json(entries: &[Entry]) -> String {
    serde_json::to_string_pretty(entries).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn item(op: Op, room: &str, users: &[&str]) -> Item {
        Item {
            op,
            room: room.into(),
            users: users.iter().map(|u| u.to_string()).collect(),
            outcome: Outcome::Done,
            ..Default::default()
        }
    }

    #[test]
    fn an_entry_reads_back_as_it_was_stored() {
        let mut i = item(Op::Mute, "7", &["bob"]);
        i.set.insert(key::DURATION.into(), "60000".into());
        i.before = Some(BTreeMap::from([(
            format!("{}bob", key::EXPIRE),
            "-1".into(),
        )]));
        i.outcome = Outcome::Refused {
            status: 403,
            error: "forbidden_op".into(),
            words: "no".into(),
        };
        i.found = true;
        let e = Entry {
            id: 5,
            at: 9,
            app: AppId {
                host: "h".into(),
                org: "o".into(),
                app: "a".into(),
            },
            kind: Kind::Bulk,
            undoes: Some(2),
            running: true,
            alive: 11,
            items: vec![i, item(Op::AddSuperAdmin, "", &["eve"])],
        };
        let text = to_json(std::slice::from_ref(&e));
        let back: Vec<Entry> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, vec![e]);
    }

    #[test]
    fn the_filter_finds_entries_by_room_user_operation_outcome_and_time() {
        let mut transfer = item(Op::Transfer, "1", &[]);
        transfer.set.insert(key::OWNER.into(), "Carol".into());
        let e = Entry {
            at: 1_000,
            items: vec![item(Op::Mute, "2", &["bob"]), transfer],
            ..Default::default()
        };
        let f = |f: Filter| f.matches(&e);
        assert!(f(Filter::default()));
        assert!(f(Filter {
            room: "1".into(),
            ..Default::default()
        }));
        assert!(!f(Filter {
            room: "3".into(),
            ..Default::default()
        }));
        // A transfer's new owner is among its users, whatever the case.
        assert!(f(Filter {
            user: "carol".into(),
            ..Default::default()
        }));
        assert!(f(Filter {
            op: Some(Op::Mute),
            ..Default::default()
        }));
        assert!(!f(Filter {
            op: Some(Op::Block),
            ..Default::default()
        }));
        assert!(f(Filter {
            outcome: Some("done".into()),
            ..Default::default()
        }));
        assert!(!f(Filter {
            outcome: Some("unknown".into()),
            ..Default::default()
        }));
        assert!(f(Filter {
            from: Some(1_000),
            to: Some(1_001),
            ..Default::default()
        }));
        assert!(!f(Filter {
            from: Some(1_001),
            ..Default::default()
        }));
    }

    #[test]
    fn the_csv_has_a_row_per_item_with_the_servers_words() {
        let mut refused = item(Op::Block, "2", &["bob"]);
        refused.outcome = Outcome::Refused {
            status: 400,
            error: "bad".into(),
            words: "=1+1".into(),
        };
        let e = Entry {
            id: 3,
            items: vec![item(Op::Block, "1", &["bob", "eve"]), refused],
            ..Default::default()
        };
        let csv = to_csv(&[e], |_| "t".into());
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].contains(",block,1,bob eve,"));
        // A cell that a spreadsheet would run as a formula is guarded.
        assert!(lines[2].contains("refused,400,bad,'=1+1"), "{}", lines[2]);
    }

    #[test]
    fn every_op_has_its_own_key() {
        for op in Op::ALL {
            assert_eq!(Op::from_key(op.key()), Some(op));
            let json = serde_json::to_string(&op).unwrap();
            assert_eq!(json, format!("\"{}\"", op.key()));
        }
    }
}
