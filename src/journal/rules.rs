//! The journal's rules, as plain functions with plain tests: what undoes a change (and when no
//! undo is honest), what a change left behind and so what "changed since" means, and which
//! entries the bounds drop.

use super::{key, Entry, Item, Op, Outcome};
use easemob_api::limits::{ADD_MEMBERS_MAX, MODERATE_USERS_MAX, REMOVE_MEMBERS_MAX};
use std::collections::BTreeMap;

/// The journal keeps at most this many entries…
pub const MAX_ENTRIES: usize = 10_000;
/// …and none older than this (90 days).
pub const MAX_AGE_MS: u64 = 90 * 24 * 3600 * 1000;

/// Why an entry offers no undo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoUndo {
    /// A create, a dissolve or new users: a dissolved room's id and history are gone, a new
    /// room or user may already be in use.
    NoInverse,
    /// Nothing of it was done (refused, not sent), so there is nothing to take back.
    NothingDone,
    /// What was there before is not known, so there is nothing to go back to.
    BeforeUnknown,
    /// It was undone already.
    Undone,
    /// It is under way, or was cut short: resume it first.
    Running,
    /// A message cannot be unsent (recall it), a session ended cannot be restored, and an
    /// app-wide mute's earlier state is not read.
    NotUndoable,
}

/// A running entry not kept for this long is taken as cut short (a reload, a closed tab): a
/// run under way keeps its entry at least every 5 seconds.
pub const STALE_MS: u64 = 20_000;

/// Whether a running entry was cut short, as seen at `now_ms` by a tab not running it.
pub fn cut_short(entry: &Entry, now_ms: u64) -> bool {
    entry.running && now_ms.saturating_sub(entry.alive.max(entry.at)) > STALE_MS
}

/// The changes that take `entry` back: the inverse of each item done, in order.
pub fn undo(entry: &Entry, now_ms: u64) -> Result<Vec<Item>, NoUndo> {
    // Found done by looking: not known to be this entry's doing.
    let done: Vec<&Item> = entry
        .items
        .iter()
        .filter(|i| i.outcome == Outcome::Done && !i.found)
        .collect();
    if entry
        .items
        .iter()
        .any(|i| matches!(i.op, Op::Create | Op::Dissolve | Op::RegisterUsers))
    {
        return Err(NoUndo::NoInverse);
    }
    if entry.items.iter().any(|i| {
        matches!(
            i.op,
            Op::SendMessage | Op::Broadcast | Op::Recall | Op::GlobalMute | Op::ForceOffline
        )
    }) {
        return Err(NoUndo::NotUndoable);
    }
    if entry.running {
        return Err(NoUndo::Running);
    }
    if done.is_empty() {
        return Err(NoUndo::NothingDone);
    }
    let mut out = Vec::new();
    for i in done {
        out.extend(inverse(i, now_ms)?);
    }
    // Done, but changing nothing (users added who were members already): nothing to take back.
    if out.is_empty() {
        return Err(NoUndo::NothingDone);
    }
    Ok(out)
}

fn new(op: Op, room: &str, users: Vec<String>) -> Item {
    Item {
        op,
        room: room.to_string(),
        users,
        ..Default::default()
    }
}

/// Each batch of at most `max` users as an item of its own.
fn batches(op: Op, room: &str, users: &[String], max: usize) -> Vec<Item> {
    users
        .chunks(max)
        .map(|c| new(op, room, c.to_vec()))
        .collect()
}

/// The users a change was made for: those the server named, else those asked for.
fn affected(i: &Item) -> &[String] {
    i.affected.as_deref().unwrap_or(&i.users)
}

fn before(i: &Item) -> Result<&BTreeMap<String, String>, NoUndo> {
    i.before.as_ref().ok_or(NoUndo::BeforeUnknown)
}

/// The users who were not so (`prefix<u>` not "yes") before the change.
fn not_before(users: &[String], was: &BTreeMap<String, String>, prefix: &str) -> Vec<String> {
    users
        .iter()
        .filter(|u| was.get(&format!("{prefix}{u}")).map(String::as_str) != Some(YES))
        .cloned()
        .collect()
}

/// A mute again for what was left of one that ended at `expire` (ms, -1 for ever): its length
/// from `now`, or `None` when it is over.
fn left_of(expire: &str, now_ms: u64) -> Option<i64> {
    let at: i64 = expire.parse().ok()?;
    if at < 0 {
        Some(-1)
    } else {
        let left = at - now_ms as i64;
        (left > 0).then_some(left)
    }
}

/// Mutes for what was left of each user's earlier mute, one item per length.
fn mutes_again(
    room: &str,
    users: &[String],
    was: &BTreeMap<String, String>,
    now_ms: u64,
) -> (Vec<Item>, Vec<String>) {
    let mut by_length: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    let mut not_muted = Vec::new();
    for u in users {
        match was
            .get(&format!("{}{u}", key::EXPIRE))
            .and_then(|e| left_of(e, now_ms))
        {
            Some(left) => by_length.entry(left).or_default().push(u.clone()),
            None => not_muted.push(u.clone()),
        }
    }
    let mut out = Vec::new();
    for (left, users) in by_length {
        for mut item in batches(Op::Mute, room, &users, MODERATE_USERS_MAX) {
            item.set.insert(key::DURATION.into(), left.to_string());
            out.push(item);
        }
    }
    (out, not_muted)
}

/// What takes one item back.
pub fn inverse(i: &Item, now_ms: u64) -> Result<Vec<Item>, NoUndo> {
    let room = i.room.as_str();
    let users = affected(i);
    let flip = |op| batches(op, room, users, MODERATE_USERS_MAX);
    Ok(match i.op {
        Op::Create | Op::Dissolve | Op::RegisterUsers => return Err(NoUndo::NoInverse),
        Op::SendMessage | Op::Broadcast | Op::Recall | Op::GlobalMute | Op::ForceOffline => {
            return Err(NoUndo::NotUndoable)
        }
        Op::Ban => batches(Op::Unban, "", users, 1),
        Op::Unban => batches(Op::Ban, "", users, 1),
        Op::Edit => {
            let was = before(i)?;
            let mut back = new(Op::Edit, room, Vec::new());
            for k in i.set.keys() {
                let v = was.get(k).ok_or(NoUndo::BeforeUnknown)?;
                back.set.insert(k.clone(), v.clone());
            }
            vec![back]
        }
        // Back to the previous owner; a new owner who was not a member before leaves again.
        Op::Transfer => {
            let was = before(i)?;
            let owner = was.get(key::OWNER).ok_or(NoUndo::BeforeUnknown)?;
            let mut back = new(Op::Transfer, room, Vec::new());
            back.set.insert(key::OWNER.into(), owner.clone());
            let mut out = vec![back];
            if let Some(to) = i.set.get(key::OWNER) {
                if was.get(&format!("member:{to}")).map(String::as_str) != Some(YES) {
                    out.push(new(Op::RemoveMembers, room, vec![to.clone()]));
                }
            }
            out
        }
        // Only those who were not members before are removed (the server may name a member
        // already there among those "added").
        Op::AddMembers => {
            let new = not_before(users, before(i)?, "member:");
            batches(Op::RemoveMembers, room, &new, REMOVE_MEMBERS_MAX)
        }
        Op::RemoveMembers => batches(Op::AddMembers, room, users, ADD_MEMBERS_MAX),
        Op::AddAdmin => batches(Op::RemoveAdmin, room, users, 1),
        Op::RemoveAdmin => batches(Op::AddAdmin, room, users, 1),
        // A mute undone: those muted before are muted again for what is left of it; the rest
        // are unmuted.
        Op::Mute => {
            let (mut out, not_muted) = mutes_again(room, users, before(i)?, now_ms);
            out.extend(batches(Op::Unmute, room, &not_muted, MODERATE_USERS_MAX));
            out
        }
        // An unmute undone: each muted again for what was left of it.
        Op::Unmute => mutes_again(room, users, before(i)?, now_ms).0,
        Op::MuteAll => vec![new(Op::UnmuteAll, room, Vec::new())],
        Op::UnmuteAll => vec![new(Op::MuteAll, room, Vec::new())],
        // A block undone: those blocked by it are unblocked (not those blocked before), and
        // those it made leave are added back.
        Op::Block => {
            let was = before(i)?;
            let new = not_before(users, was, "block:");
            let members: Vec<String> = new
                .iter()
                .filter(|u| was.get(&format!("member:{u}")).map(String::as_str) == Some(YES))
                .cloned()
                .collect();
            let mut out = batches(Op::Unblock, room, &new, MODERATE_USERS_MAX);
            out.extend(batches(Op::AddMembers, room, &members, ADD_MEMBERS_MAX));
            out
        }
        // Only members can be blocked (and a block makes them leave): they join, then are
        // blocked again, which leaves them blocked and out, as before.
        Op::Unblock => {
            let mut out = batches(Op::AddMembers, room, users, ADD_MEMBERS_MAX);
            out.extend(flip(Op::Block));
            out
        }
        Op::Allow => {
            let new = not_before(users, before(i)?, "allow:");
            batches(Op::Disallow, room, &new, MODERATE_USERS_MAX)
        }
        Op::Disallow => flip(Op::Allow),
        Op::Announcement => {
            let text = before(i)?.get(key::TEXT).ok_or(NoUndo::BeforeUnknown)?;
            let mut back = new(Op::Announcement, room, Vec::new());
            back.set.insert(key::TEXT.into(), text.clone());
            vec![back]
        }
        // Attributes go back to their values before, and those that were not there go; over
        // whoever set them since (forced), as the operator asked.
        Op::SetAttributes | Op::DeleteAttributes => {
            let was = before(i)?;
            let mut set = new(Op::SetAttributes, room, i.users.clone());
            let mut delete = new(Op::DeleteAttributes, room, i.users.clone());
            for k in i.set.keys().filter(|k| k.starts_with(key::ATTR)) {
                match was.get(k) {
                    Some(v) => {
                        set.set.insert(k.clone(), v.clone());
                    }
                    None if i.op == Op::SetAttributes => {
                        delete.set.insert(k.clone(), String::new());
                    }
                    None => {}
                }
            }
            let mut out = Vec::new();
            for mut x in [set, delete] {
                if !x.set.is_empty() {
                    x.set.insert(key::FORCED.into(), "true".into());
                    out.push(x);
                }
            }
            out
        }
        Op::AddSuperAdmin => batches(Op::RemoveSuperAdmin, "", users, 1),
        Op::RemoveSuperAdmin => batches(Op::AddSuperAdmin, "", users, 1),
    })
}

/// A fact about the app, as "changed since" compares it: `member:<u>`, `admin:<u>`,
/// `muted:<u>`, `block:<u>`, `allow:<u>`, `super_admin:<u>` and `mute_all` are "yes" when
/// so; `name`, `description`, `maxusers`, `owner`, `text` and `attr:<k>` hold their value.
/// A fact that is not so is not there.
pub type State = BTreeMap<String, String>;

pub const YES: &str = "yes";

/// What reading the current state must cover to judge this item: the facts it left behind.
/// Each is `(fact, value it left, or None for "not so")`.
pub fn left_behind(i: &Item) -> Vec<(String, Option<String>)> {
    let users = affected(i);
    let each = |prefix: &str, so: bool| -> Vec<(String, Option<String>)> {
        users
            .iter()
            .map(|u| (format!("{prefix}{u}"), so.then(|| YES.to_string())))
            .collect()
    };
    match i.op {
        // Messages leave nothing to compare; a ban's state is not read (its undo goes ahead).
        Op::Create
        | Op::Dissolve
        | Op::RegisterUsers
        | Op::SendMessage
        | Op::Broadcast
        | Op::Recall
        | Op::GlobalMute
        | Op::Ban
        | Op::Unban
        | Op::ForceOffline => Vec::new(),
        Op::Edit | Op::Transfer | Op::Announcement => i
            .set
            .iter()
            .map(|(k, v)| (k.clone(), Some(v.clone())))
            .collect(),
        Op::AddMembers => each("member:", true),
        Op::RemoveMembers => each("member:", false),
        Op::AddAdmin => each("admin:", true),
        Op::RemoveAdmin => each("admin:", false),
        Op::Mute => each("muted:", true),
        Op::Unmute => each("muted:", false),
        Op::MuteAll => vec![("mute_all".into(), Some(YES.into()))],
        Op::UnmuteAll => vec![("mute_all".into(), None)],
        Op::Block => each("block:", true),
        Op::Unblock => each("block:", false),
        Op::Allow => each("allow:", true),
        Op::Disallow => each("allow:", false),
        Op::SetAttributes => i
            .set
            .iter()
            .filter(|(k, _)| k.starts_with(key::ATTR))
            .map(|(k, v)| (k.clone(), Some(v.clone())))
            .collect(),
        Op::DeleteAttributes => i
            .set
            .keys()
            .filter(|k| k.starts_with(key::ATTR))
            .map(|k| (k.clone(), None))
            .collect(),
        Op::AddSuperAdmin => each("super_admin:", true),
        Op::RemoveSuperAdmin => each("super_admin:", false),
    }
}

/// One fact that is no longer as the change left it: someone else acted since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub room: String,
    pub fact: String,
    /// As the change left it (`None`: not so).
    pub left: Option<String>,
    /// As it is now.
    pub now: Option<String>,
}

/// The facts the change left that are different now: empty when nobody acted since, and the
/// undo may go ahead without asking.
pub fn changed_since(i: &Item, now: &State) -> Vec<Difference> {
    left_behind(i)
        .into_iter()
        .filter(|(fact, left)| now.get(fact) != left.as_ref())
        .map(|(fact, left)| Difference {
            room: i.room.clone(),
            now: now.get(&fact).cloned(),
            fact,
            left,
        })
        .collect()
}

/// Why an undo cannot go ahead even when asked to (the room is gone, or a transfer's previous
/// owner has left the room).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Blocked {
    RoomGone(String),
    OwnerLeft { room: String, owner: String },
}

/// What must hold for an undo item to be sent at all, against the state read for it.
pub fn blocked(undo: &Item, now: &State, room_exists: bool) -> Option<Blocked> {
    if !undo.room.is_empty() && !room_exists {
        return Some(Blocked::RoomGone(undo.room.clone()));
    }
    if undo.op == Op::Transfer {
        let owner = undo.set.get(key::OWNER)?;
        if now.get(&format!("member:{owner}")).map(String::as_str) != Some(YES) {
            return Some(Blocked::OwnerLeft {
                room: undo.room.clone(),
                owner: owner.clone(),
            });
        }
    }
    None
}

/// Which entries the bounds drop: those older than [`MAX_AGE_MS`], and beyond the newest
/// [`MAX_ENTRIES`]. Given (id, time) of each, in any order.
pub fn over_bounds(entries: &[(u64, u64)], now_ms: u64) -> Vec<u64> {
    let mut by_age: Vec<(u64, u64)> = entries.to_vec();
    by_age.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    by_age
        .into_iter()
        .enumerate()
        .filter(|(n, (_, at))| *n >= MAX_ENTRIES || now_ms.saturating_sub(*at) > MAX_AGE_MS)
        .map(|(_, (id, _))| id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Entry, Kind};

    /// An item done, with nothing of it there before.
    fn item(op: Op, room: &str, users: &[&str]) -> Item {
        Item {
            op,
            room: room.into(),
            users: users.iter().map(|u| u.to_string()).collect(),
            outcome: Outcome::Done,
            before: Some(BTreeMap::new()),
            ..Default::default()
        }
    }
    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }
    fn entry(items: Vec<Item>) -> Entry {
        Entry {
            kind: Kind::Single,
            items,
            ..Default::default()
        }
    }

    #[test]
    fn an_edit_goes_back_to_the_values_before_for_the_fields_it_set() {
        let mut i = item(Op::Edit, "1", &[]);
        i.set = map(&[("name", "new"), ("maxusers", "50")]);
        i.before = Some(map(&[
            ("name", "old"),
            ("description", "d"),
            ("maxusers", "200"),
        ]));
        let back = undo(&entry(vec![i.clone()]), 0).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].op, Op::Edit);
        assert_eq!(back[0].set, map(&[("name", "old"), ("maxusers", "200")]));
        // Not known what it was: no undo, rather than a guess.
        i.before = Some(map(&[("name", "old")]));
        assert_eq!(undo(&entry(vec![i]), 0), Err(NoUndo::BeforeUnknown));
    }

    #[test]
    fn each_operation_has_its_inverse_and_the_inverse_of_that_is_the_operation() {
        let pairs = [
            (Op::AddMembers, Op::RemoveMembers),
            (Op::AddAdmin, Op::RemoveAdmin),
            (Op::Allow, Op::Disallow),
            (Op::MuteAll, Op::UnmuteAll),
            (Op::AddSuperAdmin, Op::RemoveSuperAdmin),
        ];
        for (a, b) in pairs {
            for (x, y) in [(a, b), (b, a)] {
                let mut it = item(x, "1", &["bob"]);
                it.before = Some(BTreeMap::new());
                let back = inverse(&it, 0).unwrap();
                assert_eq!(back[0].op, y, "{x:?}");
                if !matches!(x, Op::MuteAll | Op::UnmuteAll) {
                    assert_eq!(back[0].users, vec!["bob".to_string()]);
                }
            }
        }
        let mut t = item(Op::Transfer, "1", &[]);
        t.set = map(&[("owner", "bob")]);
        t.before = Some(map(&[("owner", "alice"), ("member:bob", YES)]));
        let back = inverse(&t, 0).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].set, map(&[("owner", "alice")]));
        // A new owner who was not a member leaves again.
        t.before = Some(map(&[("owner", "alice")]));
        let back = inverse(&t, 0).unwrap();
        assert_eq!(back[1].op, Op::RemoveMembers);
        assert_eq!(back[1].users, vec!["bob".to_string()]);
        let mut a = item(Op::Announcement, "1", &[]);
        a.set = map(&[("text", "new")]);
        a.before = Some(map(&[("text", "")]));
        assert_eq!(inverse(&a, 0).unwrap()[0].set, map(&[("text", "")]));
    }

    #[test]
    fn an_unblock_undone_blocks_again_through_membership() {
        let back = inverse(&item(Op::Unblock, "1", &["bob"]), 0).unwrap();
        assert_eq!(
            back.iter().map(|b| b.op).collect::<Vec<_>>(),
            vec![Op::AddMembers, Op::Block]
        );
        assert!(back.iter().all(|b| b.users == vec!["bob".to_string()]));
    }

    #[test]
    fn a_block_undone_gives_back_membership_to_those_who_had_it() {
        let mut b = item(Op::Block, "1", &["bob", "eve", "ann"]);
        b.before = Some(map(&[("member:bob", YES), ("block:ann", YES)]));
        let back = inverse(&b, 0).unwrap();
        assert_eq!(back[0].op, Op::Unblock);
        // ann was blocked before: she stays blocked.
        assert_eq!(back[0].users, vec!["bob".to_string(), "eve".to_string()]);
        assert_eq!(back[1].op, Op::AddMembers);
        assert_eq!(back[1].users, vec!["bob".to_string()]);
        // Not known who was a member: no undo, rather than a room left short.
        b.before = None;
        assert_eq!(inverse(&b, 0), Err(NoUndo::BeforeUnknown));
    }

    #[test]
    fn create_dissolve_and_new_users_have_no_honest_inverse() {
        for op in [Op::Create, Op::Dissolve, Op::RegisterUsers] {
            assert_eq!(
                undo(&entry(vec![item(op, "1", &[])]), 0),
                Err(NoUndo::NoInverse)
            );
        }
    }

    #[test]
    fn only_what_was_done_is_undone() {
        let mut refused = item(Op::Allow, "2", &["bob"]);
        refused.outcome = Outcome::Refused {
            status: 403,
            error: String::new(),
            words: String::new(),
        };
        let mut unknown = item(Op::Allow, "3", &["bob"]);
        unknown.outcome = Outcome::Unknown;
        let back = undo(
            &entry(vec![
                item(Op::Allow, "1", &["bob"]),
                refused.clone(),
                unknown,
            ]),
            0,
        )
        .unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].room, "1");
        assert_eq!(undo(&entry(vec![refused]), 0), Err(NoUndo::NothingDone));
        // Added: only those the server said it added are removed (the rest were members
        // before).
        let mut add = item(Op::AddMembers, "1", &["bob", "eve", "ann"]);
        add.affected = Some(vec!["eve".into(), "ann".into()]);
        add.before = Some(BTreeMap::new());
        assert_eq!(
            inverse(&add, 0).unwrap()[0].users,
            vec!["eve".to_string(), "ann".to_string()]
        );
        // …and of those, only who was not a member before; not known who was: no undo.
        add.before = Some(map(&[("member:ann", YES)]));
        assert_eq!(inverse(&add, 0).unwrap()[0].users, vec!["eve".to_string()]);
        add.before = None;
        assert_eq!(inverse(&add, 0), Err(NoUndo::BeforeUnknown));
        // Every one of them a member already: nothing to take back.
        add.before = Some(map(&[("member:eve", YES), ("member:ann", YES)]));
        assert_eq!(undo(&entry(vec![add]), 0), Err(NoUndo::NothingDone));
        // Found done by looking (Resume): not this entry's to undo.
        let mut found = item(Op::Allow, "1", &["bob"]);
        found.found = true;
        assert_eq!(undo(&entry(vec![found]), 0), Err(NoUndo::NothingDone));
        // Under way or cut short: resume first.
        let mut running = entry(vec![item(Op::Allow, "1", &["bob"])]);
        running.running = true;
        assert_eq!(undo(&running, 0), Err(NoUndo::Running));
    }

    #[test]
    fn a_mute_undone_gives_back_what_was_left_of_earlier_mutes_and_unmutes_the_rest() {
        let mut m = item(Op::Mute, "1", &["bob", "eve", "ann", "joe"]);
        m.before = None;
        assert_eq!(inverse(&m, 0), Err(NoUndo::BeforeUnknown));
        m.set = map(&[("duration", "60000")]);
        m.before = Some(map(&[
            ("expire:bob", "-1"),
            ("expire:eve", "5000"),
            ("expire:ann", "500"),
        ]));
        let back = inverse(&m, 1_000).unwrap();
        let find = |op: Op, d: Option<&str>| {
            back.iter()
                .find(|i| i.op == op && i.set.get("duration").map(String::as_str) == d)
                .map(|i| i.users.clone())
        };
        assert_eq!(find(Op::Mute, Some("-1")), Some(vec!["bob".to_string()]));
        assert_eq!(find(Op::Mute, Some("4000")), Some(vec!["eve".to_string()]));
        // ann's mute was over; joe was not muted.
        assert_eq!(
            find(Op::Unmute, None),
            Some(vec!["ann".to_string(), "joe".to_string()])
        );
        // An unmute undone mutes again for what was left, and needs to know it.
        let mut u = item(Op::Unmute, "1", &["bob", "ann"]);
        u.before = Some(map(&[("expire:bob", "9000")]));
        let back = inverse(&u, 1_000).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].users, vec!["bob".to_string()]);
        assert_eq!(back[0].set, map(&[("duration", "8000")]));
        u.before = None;
        assert_eq!(inverse(&u, 0), Err(NoUndo::BeforeUnknown));
    }

    #[test]
    fn attributes_go_back_to_their_values_and_new_ones_go() {
        let mut s = item(Op::SetAttributes, "1", &["bob"]);
        s.set = map(&[("attr:a", "1"), ("attr:b", "2"), ("auto_delete", "true")]);
        s.before = Some(map(&[("attr:a", "0")]));
        let back = inverse(&s, 0).unwrap();
        assert_eq!(back[0].op, Op::SetAttributes);
        assert_eq!(back[0].set, map(&[("attr:a", "0"), ("forced", "true")]));
        assert_eq!(back[1].op, Op::DeleteAttributes);
        assert_eq!(back[1].set, map(&[("attr:b", ""), ("forced", "true")]));
        let mut d = item(Op::DeleteAttributes, "1", &["bob"]);
        d.set = map(&[("attr:a", "")]);
        d.before = Some(map(&[("attr:a", "0")]));
        let back = inverse(&d, 0).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].set, map(&[("attr:a", "0"), ("forced", "true")]));
    }

    #[test]
    fn large_batches_are_split_within_the_documented_limits() {
        let many: Vec<String> = (0..130).map(|n| format!("u{n}")).collect();
        let mut i = item(Op::AddMembers, "1", &[]);
        i.users = many;
        let back = inverse(&i, 0).unwrap();
        assert_eq!(
            back.iter().map(|b| b.users.len()).collect::<Vec<_>>(),
            vec![60, 60, 10]
        );
    }

    #[test]
    fn changed_since_is_what_the_change_left_that_is_not_so_now() {
        let mut e = item(Op::Edit, "1", &[]);
        e.set = map(&[("name", "new"), ("maxusers", "50")]);
        let now = map(&[("name", "new"), ("maxusers", "50"), ("description", "x")]);
        assert!(changed_since(&e, &now).is_empty());
        let now = map(&[("name", "renamed"), ("maxusers", "50")]);
        assert_eq!(
            changed_since(&e, &now),
            vec![Difference {
                room: "1".into(),
                fact: "name".into(),
                left: Some("new".into()),
                now: Some("renamed".into()),
            }]
        );
        // A mute someone lifted since; a user blocked and unblocked again.
        let m = item(Op::Mute, "1", &["bob", "eve"]);
        let now = map(&[("muted:eve", YES)]);
        let d = changed_since(&m, &now);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].fact, "muted:bob");
        assert_eq!(d[0].now, None);
        let r = item(Op::RemoveMembers, "1", &["bob"]);
        assert_eq!(changed_since(&r, &map(&[("member:bob", YES)])).len(), 1);
        assert!(changed_since(&r, &State::new()).is_empty());
    }

    #[test]
    fn an_undo_cannot_go_to_a_gone_room_or_back_to_an_owner_who_left() {
        let mut t = item(Op::Transfer, "1", &[]);
        t.set = map(&[("owner", "alice")]);
        assert_eq!(
            blocked(&t, &State::new(), true),
            Some(Blocked::OwnerLeft {
                room: "1".into(),
                owner: "alice".into()
            })
        );
        assert_eq!(blocked(&t, &map(&[("member:alice", YES)]), true), None);
        assert_eq!(
            blocked(&t, &map(&[("member:alice", YES)]), false),
            Some(Blocked::RoomGone("1".into()))
        );
        // Super admins are not in a room.
        assert_eq!(
            blocked(&item(Op::AddSuperAdmin, "", &["bob"]), &State::new(), false),
            None
        );
    }

    #[test]
    fn a_running_entry_is_cut_short_once_nobody_kept_it_for_a_while() {
        let mut e = entry(vec![]);
        e.running = true;
        e.at = 1_000;
        e.alive = 50_000;
        assert!(!cut_short(&e, 50_000 + STALE_MS));
        assert!(cut_short(&e, 50_001 + STALE_MS));
        e.running = false;
        assert!(!cut_short(&e, u64::MAX));
    }

    #[test]
    fn the_bounds_keep_the_newest_ten_thousand_of_the_last_ninety_days() {
        let now = MAX_AGE_MS + 100_000;
        let mut all: Vec<(u64, u64)> = (0..MAX_ENTRIES as u64 + 5).map(|n| (n, now - n)).collect();
        all.push((99_999, 50)); // older than 90 days
        let dropped = over_bounds(&all, now);
        assert_eq!(dropped.len(), 6);
        assert!(dropped.contains(&99_999));
        for n in MAX_ENTRIES as u64..MAX_ENTRIES as u64 + 5 {
            assert!(dropped.contains(&n), "the oldest beyond the bound");
        }
        assert!(over_bounds(&[(1, now)], now).is_empty());
    }
}
