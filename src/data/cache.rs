//! What the data layer holds: values read from the app, kept by key with the time each was
//! read, and what a change drops ([`Held::forget`]). Plain data with plain tests.

use super::writes::Touch;
use easemob_api::endpoints::{CursorPage, RoomList};
use easemob_api::wire::{
    Affiliation, ChatroomDetail, ChatroomSummary, GlobalMute, GlobalMutePage, JoinedChatroom,
    MutedUser, User,
};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;

/// How long something read stays fresh: within it, it is shown without asking again.
pub const FRESH_MS: u64 = 120_000;

/// Values kept by key with the time each was read.
#[derive(Debug)]
pub struct Kept<K, V> {
    entries: HashMap<K, (V, u64)>,
}

impl<K: Eq + Hash + Clone, V: Clone> Default for Kept<K, V> {
    fn default() -> Self {
        Kept {
            entries: HashMap::new(),
        }
    }
}

impl<K: Eq + Hash + Clone, V: Clone> Kept<K, V> {
    /// The value for `key` if it was read less than [`FRESH_MS`] before `now`.
    pub fn fresh(&self, key: &K, now: u64) -> Option<V> {
        self.entries
            .get(key)
            .filter(|(_, at)| now.saturating_sub(*at) < FRESH_MS)
            .map(|(v, _)| v.clone())
    }
    pub fn put(&mut self, key: K, value: V, now: u64) {
        self.entries.insert(key, (value, now));
    }
    /// Drops every entry the test holds for.
    pub fn drop_where(&mut self, test: impl Fn(&K, &V) -> bool) {
        self.entries.retain(|k, (v, _)| !test(k, v));
    }
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

/// A list page's key: page size and cursor (`None` for the first page).
pub type ListKey = (u32, Option<String>);
/// A member page's key: room id, page number and page size.
pub type MemberKey = (String, u32, u32);

/// Everything held, without the reactive parts: plain data with plain tests.
#[derive(Default, Debug)]
pub struct Held {
    /// `None`: the server said there is no such room.
    pub rooms: Kept<String, Option<ChatroomDetail>>,
    pub lists: Kept<ListKey, CursorPage<ChatroomSummary>>,
    pub members: Kept<MemberKey, Vec<Affiliation>>,
    /// A room's moderation, by room id (the block and allow lists by room and list).
    pub admins: Kept<String, Vec<String>>,
    pub mutes: Kept<String, Vec<MutedUser>>,
    pub room_lists: Kept<(String, RoomList), Vec<String>>,
    pub announcements: Kept<String, String>,
    pub attributes: Kept<String, BTreeMap<String, String>>,
    /// Pages of the app's super admins, by page and size.
    pub super_admins: Kept<(u32, u32), Vec<String>>,
    /// Pages of a user's rooms, by user, page and size.
    pub user_rooms: Kept<(String, u32, u32), Vec<JoinedChatroom>>,
    /// A user across the app, by name.
    pub users: Kept<String, UserAcross>,
    /// Pages of the app's muted users, by page and size.
    pub global_mutes: Kept<(u32, u32), GlobalMutePage>,
}

/// A user as the app sees them: registered (banned when not activated), online or not, and
/// muted app-wide for how long.
#[derive(Clone, Debug, PartialEq)]
pub struct UserAcross {
    pub user: User,
    pub online: bool,
    pub mute: GlobalMute,
    /// When this was read (ms), to count the mute down from.
    pub read_at: u64,
}

impl Held {
    /// Splits `ids` into the details held fresh and the ids to ask for.
    pub fn split_rooms(
        &self,
        ids: &[String],
        now: u64,
    ) -> (HashMap<String, Option<ChatroomDetail>>, Vec<String>) {
        let mut have = HashMap::new();
        let mut ask = Vec::new();
        let mut seen = HashSet::new();
        for id in ids.iter().filter(|id| seen.insert(*id)) {
            match self.rooms.fresh(id, now) {
                Some(d) => {
                    have.insert(id.clone(), d);
                }
                None => ask.push(id.clone()),
            }
        }
        (have, ask)
    }

    /// Keeps what the server answered for `asked`: the rooms found, and every other id as
    /// missing.
    pub fn put_rooms(&mut self, asked: &[String], found: Vec<ChatroomDetail>, now: u64) {
        let mut found: HashMap<String, ChatroomDetail> =
            found.into_iter().map(|d| (d.id.clone(), d)).collect();
        for id in asked {
            let d = found.remove(id);
            self.rooms.put(id.clone(), d, now);
        }
    }

    /// Forgets what a change made stale, as it declared ([`Touch`]).
    pub fn forget(&mut self, touch: &Touch) {
        match touch {
            Touch::Room(id) => {
                self.rooms.drop_where(|k, _| k == id);
                self.lists
                    .drop_where(|_, page| page.items.iter().any(|r| &r.id == id));
                // Users' room lists show its name.
                self.user_rooms
                    .drop_where(|_, page| page.iter().any(|r| &r.id == id));
            }
            Touch::NewRoom(_) => {
                // The server decides where a new room goes in the list, and whose rooms it is
                // among.
                self.lists.clear();
                self.user_rooms.clear();
            }
            // Its moderation is left: it is shown only with the room's details, which go, and
            // dropping it would have the panels still on screen ask the server for a room that
            // is no more (a 404 for each).
            Touch::Gone(id) => {
                self.forget(&Touch::Room(id.clone()));
                self.members.drop_where(|(room, _, _), _| room == id);
            }
            Touch::Members(id) => self.members.drop_where(|(room, _, _), _| room == id),
            Touch::Admins(id) => self.admins.drop_where(|k, _| k == id),
            Touch::Mutes(id) => self.mutes.drop_where(|k, _| k == id),
            Touch::RoomList(id, list) => {
                self.room_lists.drop_where(|(k, l), _| k == id && l == list)
            }
            Touch::Announcement(id) => self.announcements.drop_where(|k, _| k == id),
            Touch::Attributes(id) => self.attributes.drop_where(|k, _| k == id),
            Touch::SuperAdmins => self.super_admins.clear(),
            Touch::User(user) => {
                self.users.drop_where(|u, _| u.eq_ignore_ascii_case(user));
                self.global_mutes.clear();
            }
            Touch::UserRooms(user) => self
                .user_rooms
                .drop_where(|(u, _, _), _| u.eq_ignore_ascii_case(user)),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn detail(id: &str) -> ChatroomDetail {
        ChatroomDetail {
            id: id.into(),
            ..Default::default()
        }
    }

    /// A room's summary with only its id (for the data layer's tests).
    pub(crate) fn summary(id: &str) -> ChatroomSummary {
        ChatroomSummary {
            id: id.into(),
            name: String::new(),
            owner: String::new(),
            affiliations_count: 1,
            disabled: None,
        }
    }

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_moderation_change_drops_that_rooms_moderation_and_nothing_else() {
        let mut h = Held::default();
        for id in ["1", "2"] {
            h.admins.put(id.to_string(), vec!["bob".into()], 0);
            h.room_lists
                .put((id.to_string(), RoomList::Block), vec![], 0);
            h.announcements.put(id.to_string(), "hi".into(), 0);
        }
        h.rooms.put("1".into(), None, 0);
        for t in Touch::moderation("1") {
            h.forget(&t);
        }
        assert_eq!(h.admins.fresh(&"1".to_string(), 1), None);
        assert_eq!(
            h.room_lists.fresh(&("1".to_string(), RoomList::Block), 1),
            None
        );
        assert_eq!(h.announcements.fresh(&"1".to_string(), 1), None);
        assert_eq!(
            h.admins.fresh(&"2".to_string(), 1),
            Some(vec!["bob".to_string()])
        );
        assert_eq!(
            h.announcements.fresh(&"2".to_string(), 1).as_deref(),
            Some("hi")
        );
        // The room's details are not its moderation.
        assert_eq!(h.rooms.fresh(&"1".to_string(), 1), Some(None));
    }

    #[test]
    fn only_rooms_not_held_fresh_are_asked_for_and_each_once() {
        let mut h = Held::default();
        h.put_rooms(&ids(&["1", "2"]), vec![detail("1")], 1_000);
        let (have, ask) = h.split_rooms(&ids(&["1", "2", "3", "3"]), 2_000);
        assert_eq!(ask, ids(&["3"]));
        assert_eq!(have.get("1"), Some(&Some(detail("1"))));
        // Asked and not found: remembered as missing, not asked again.
        assert_eq!(have.get("2"), Some(&None));
        let (_, ask) = h.split_rooms(&ids(&["1", "2"]), 1_000 + FRESH_MS);
        assert_eq!(ask, ids(&["1", "2"]), "stale after FRESH_MS");
    }

    #[test]
    fn a_change_forgets_its_rooms_their_members_and_the_list_pages_showing_them() {
        let mut h = Held::default();
        h.put_rooms(&ids(&["1", "2"]), vec![detail("1"), detail("2")], 0);
        h.members.put(("1".into(), 1, 100), Vec::new(), 0);
        h.members.put(("2".into(), 1, 100), Vec::new(), 0);
        let page = |v: &[&str]| CursorPage {
            items: v.iter().map(|id| summary(id)).collect(),
            cursor: None,
        };
        h.lists.put((25, None), page(&["1", "5"]), 0);
        h.lists.put((25, Some("c".into())), page(&["6", "7"]), 0);
        for t in [Touch::Room("1".into()), Touch::Members("1".into())] {
            h.forget(&t);
        }
        assert_eq!(h.split_rooms(&ids(&["1", "2"]), 1).1, ids(&["1"]));
        assert!(h.members.fresh(&("1".into(), 1, 100), 1).is_none());
        assert!(h.members.fresh(&("2".into(), 1, 100), 1).is_some());
        assert!(h.lists.fresh(&(25, None), 1).is_none());
        assert!(h.lists.fresh(&(25, Some("c".into())), 1).is_some());
        h.forget(&Touch::Room("9".into()));
        assert!(
            h.lists.fresh(&(25, Some("c".into())), 1).is_some(),
            "no page showed room 9"
        );
    }
}

#[cfg(test)]
mod forget_tests {
    use super::*;

    #[test]
    fn a_gone_room_leaves_every_view_that_showed_it_and_nothing_else() {
        let mut h = Held::default();
        let joined = |id: &str| JoinedChatroom {
            id: id.into(),
            name: String::new(),
            disabled: None,
        };
        h.user_rooms
            .put(("bob".into(), 1, 100), vec![joined("1")], 0);
        h.user_rooms
            .put(("eve".into(), 1, 100), vec![joined("2")], 0);
        h.admins.put("1".into(), vec![], 0);
        h.admins.put("2".into(), vec![], 0);
        h.members.put(("1".into(), 1, 100), vec![], 0);
        h.forget(&Touch::Gone("1".into()));
        assert!(h.user_rooms.fresh(&("bob".into(), 1, 100), 1).is_none());
        assert!(h.user_rooms.fresh(&("eve".into(), 1, 100), 1).is_some());
        assert!(h.members.fresh(&("1".into(), 1, 100), 1).is_none());
        // Its moderation is not asked for again (the room is gone).
        assert!(h.admins.fresh(&"1".to_string(), 1).is_some());
        // A user's rooms go by name, whatever the case.
        h.forget(&Touch::UserRooms("EVE".into()));
        assert!(h.user_rooms.fresh(&("eve".into(), 1, 100), 1).is_none());
    }
}
