//! Where the one write path records each change in the journal ([`crate::journal`]): an entry
//! is kept before anything is sent (so that a reload mid-way leaves it unfinished, not
//! missing) and again with each outcome. What was there before is taken from what is held, or
//! read first where an undo needs it and one read gives it.

use super::Data;
use crate::journal::rules::YES;
use crate::journal::{key, store, AppId, Entry, Item, Kind, Op, Outcome};
use easemob_api::endpoints::RoomList;
use easemob_api::{ApiError, ErrorKind};
use leptos::prelude::*;
use std::cell::Cell;
use std::collections::BTreeMap;

thread_local! {
    static SEQ: Cell<u64> = const { Cell::new(0) };
    static TRIMMED: Cell<bool> = const { Cell::new(false) };
}

/// A new entry id: the time in ms, and a count within it, so ids are unique and ordered.
pub fn new_id(now_ms: u64) -> u64 {
    let n = SEQ.with(|s| {
        let n = s.get().wrapping_add(1);
        s.set(n);
        n
    });
    now_ms * 1000 + n % 1000
}

/// What became of a change that ended with this error.
pub fn outcome_of(e: &ApiError) -> Outcome {
    match &e.kind {
        ErrorKind::Refused { status, body, .. } => Outcome::Refused {
            status: *status,
            error: body.error.clone(),
            words: body.error_description.clone().unwrap_or_default(),
        },
        ErrorKind::RateLimited { body } => Outcome::Refused {
            status: 429,
            error: body.as_ref().map(|b| b.error.clone()).unwrap_or_default(),
            words: body
                .as_ref()
                .and_then(|b| b.error_description.clone())
                .unwrap_or_default(),
        },
        _ if super::writes::may_have_changed(e) => Outcome::Unknown,
        _ => Outcome::NotDone,
    }
}

/// `prefix<u>` = yes for each of `users` on `list`.
fn on_list(out: &mut BTreeMap<String, String>, prefix: &str, list: &[String], users: &[String]) {
    for u in users.iter().filter(|u| list.contains(u)) {
        out.insert(format!("{prefix}{u}"), YES.into());
    }
}

/// Whether an undo needs what was there before this change to go back to it.
fn needs_before(op: Op) -> bool {
    matches!(
        op,
        Op::Edit
            | Op::Transfer
            | Op::AddMembers
            | Op::Mute
            | Op::Unmute
            | Op::Block
            | Op::Allow
            | Op::Announcement
            | Op::SetAttributes
            | Op::DeleteAttributes
    )
}

/// How many reads a change's "before" may take when nothing is held (for a bulk run's plan).
pub fn reads_before(op: Op) -> usize {
    match op {
        Op::Block => 2,
        op if needs_before(op) => 1,
        _ => 0,
    }
}

impl Data {
    /// The app changes go to now.
    pub fn app_id(&self) -> Option<AppId> {
        self.session.info.with_untracked(|i| {
            i.as_ref().map(|i| AppId {
                host: i.host.clone(),
                org: i.org.clone(),
                app: i.app.clone(),
            })
        })
    }

    /// A new entry of these items for the app connected, not yet kept.
    pub fn new_entry(&self, kind: Kind, items: Vec<Item>, undoes: Option<u64>) -> Option<Entry> {
        let at = super::now();
        Some(Entry {
            id: new_id(at),
            at,
            app: self.app_id()?,
            kind,
            undoes,
            running: kind != Kind::Plan,
            alive: at,
            items,
        })
    }

    /// Keeps the entry as it is now (in the background; a journal that cannot be written is
    /// said in the console, and the change is made all the same). The first time in a tab, what
    /// is beyond the bounds goes.
    pub fn keep(&self, entry: &Entry) {
        let id = entry.id;
        self.live.update_value(|l| {
            if entry.running {
                l.insert(id);
            } else {
                l.remove(&id);
            }
        });
        let mut entry = entry.clone();
        entry.alive = super::now();
        let moved = self.journal;
        leptos::task::spawn_local(async move {
            match store::put(&entry).await {
                Ok(()) => moved.try_update(|n| *n += 1).map(drop).unwrap_or(()),
                Err(e) => leptos::logging::warn!("journal: not kept: {e:?}"),
            }
            if !TRIMMED.with(|t| t.replace(true)) {
                let _ = store::trim(super::now()).await;
            }
        });
    }

    /// Whether this entry is under way in this tab: one left running that is not was cut short
    /// (a reload, a closed tab), and may be resumed.
    pub fn is_live(&self, id: u64) -> bool {
        self.live.with_value(|l| l.contains(&id))
    }

    /// What was there before this change, from what is held fresh.
    pub fn before_held(&self, it: &Item) -> Option<BTreeMap<String, String>> {
        let now = super::now();
        let room = it.room.clone();
        self.held.with_value(|h| {
            let mut out = BTreeMap::new();
            match it.op {
                Op::Edit | Op::Transfer => {
                    let d = h.rooms.fresh(&room, now)??;
                    // Whether a transfer's new owner was a member (it makes them one).
                    if let Some(new) = it.set.get(key::OWNER).filter(|_| it.op == Op::Transfer) {
                        if d.affiliations.iter().any(|a| a.username() == new) {
                            out.insert(format!("member:{new}"), YES.into());
                        }
                    }
                    out.insert(key::NAME.into(), d.name);
                    out.insert(key::DESCRIPTION.into(), d.description);
                    out.insert(key::MAXUSERS.into(), d.maxusers.to_string());
                    out.insert(key::OWNER.into(), d.owner);
                }
                // Who of them is a member already (adding them again changes nothing; a block
                // makes them leave), and who is blocked or allowed already.
                Op::AddMembers | Op::Block => {
                    let d = h.rooms.fresh(&room, now)??;
                    for a in &d.affiliations {
                        if it.users.iter().any(|u| u == a.username()) {
                            out.insert(format!("member:{}", a.username()), YES.into());
                        }
                    }
                    if it.op == Op::Block {
                        let list = h.room_lists.fresh(&(room.clone(), RoomList::Block), now)?;
                        on_list(&mut out, "block:", &list, &it.users);
                    }
                }
                Op::Allow => {
                    let list = h.room_lists.fresh(&(room.clone(), RoomList::Allow), now)?;
                    on_list(&mut out, "allow:", &list, &it.users);
                }
                Op::Mute | Op::Unmute => {
                    for m in h.mutes.fresh(&room, now)? {
                        if it.users.contains(&m.user) {
                            out.insert(format!("{}{}", key::EXPIRE, m.user), m.expire.to_string());
                        }
                    }
                }
                Op::Announcement => {
                    out.insert(key::TEXT.into(), h.announcements.fresh(&room, now)?);
                }
                Op::SetAttributes | Op::DeleteAttributes => {
                    let attrs = h.attributes.fresh(&room, now)?;
                    for k in it.set.keys() {
                        if let Some(name) = k.strip_prefix(key::ATTR) {
                            if let Some(v) = attrs.get(name) {
                                out.insert(k.clone(), v.clone());
                            }
                        }
                    }
                }
                _ => return None,
            }
            Some(out)
        })
    }

    /// What was there before this change: held, or read first (one request) where an undo
    /// needs it. A read that fails leaves it unknown; the change is made all the same.
    pub async fn before(&self, it: &Item) -> Option<BTreeMap<String, String>> {
        if let Some(b) = self.before_held(it) {
            return Some(b);
        }
        if !needs_before(it.op) || it.room.is_empty() {
            return None;
        }
        let room = it.room.as_str();
        let read = match it.op {
            Op::Edit | Op::Transfer | Op::AddMembers => self.room(room).await.map(drop),
            Op::Block => match self.room(room).await {
                Ok(_) => self.room_list(room, RoomList::Block).await.map(drop),
                Err(e) => Err(e),
            },
            Op::Allow => self.room_list(room, RoomList::Allow).await.map(drop),
            Op::Mute | Op::Unmute => self.mutes(room).await.map(drop),
            Op::Announcement => self.announcement(room).await.map(drop),
            _ => self.attributes(room).await.map(drop),
        };
        read.ok()?;
        self.before_held(it)
    }
}
