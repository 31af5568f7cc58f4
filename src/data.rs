//! The data layer: what the dashboard has read from the app, kept by key and shared by every
//! page, so that the list's extra columns, the room page and open-by-ids ask for a room once,
//! and Back and Forward render at once from memory.
//!
//! - Room details are kept by id. Asking for N ids costs ceil(M/100) requests for the M that
//!   are not held fresh; a room the server does not know is remembered as missing.
//! - List pages (by page size and cursor) and member pages (by room, page and size) are kept too.
//! - A change made through the dashboard invalidates exactly what it touched: the rooms it
//!   names, their member pages, and the list pages that show them (every list page after a
//!   create, since the server decides where a new room goes).
//! - Views read [`Data::track`] in their resources: it moves whenever something held is
//!   dropped, and the view asks again; what is still held answers at once, without a request,
//!   so only what a change touched is fetched.
//! - Everything held is dropped when the app changes.

use crate::session::Session;
use easemob_api::endpoints::CursorPage;
use easemob_api::endpoints::{
    GetAnnouncement, GetAttributes, ListAdmins, ListMembers, ListMutes, ListRoomList, ListRooms,
    RoomDetails, RoomList,
};
use easemob_api::wire::{Affiliation, ChatroomDetail, ChatroomSummary, MutedUser};
use easemob_api::ApiError;
use leptos::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;
use std::sync::Arc;

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

    /// Forgets what a change to these rooms made stale: their details, their members, and the
    /// list pages that show them.
    pub fn forget_rooms(&mut self, ids: &[String]) {
        let ids: HashSet<&String> = ids.iter().collect();
        self.rooms.drop_where(|k, _| ids.contains(k));
        self.members
            .drop_where(|(room, _, _), _| ids.contains(room));
        self.lists
            .drop_where(|_, page| page.items.iter().any(|r| ids.contains(&r.id)));
    }

    /// Drops what is held of these rooms' moderation.
    pub fn forget_moderation(&mut self, ids: &[String]) {
        let ids: HashSet<&String> = ids.iter().collect();
        self.admins.drop_where(|k, _| ids.contains(k));
        self.mutes.drop_where(|k, _| ids.contains(k));
        self.room_lists.drop_where(|(k, _), _| ids.contains(k));
        self.announcements.drop_where(|k, _| ids.contains(k));
        self.attributes.drop_where(|k, _| ids.contains(k));
    }
}

/// Something large held once and handed around by pointer: two are equal only when they are
/// the same value, so a memo of it compares in no time (not element by element). (An `Arc`
/// because memos want values they could send; nothing here crosses a thread.)
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Every room of the app as the all-rooms view loaded it, newest first, with what the filter
/// searches in each.
#[derive(Debug, Default)]
pub struct AllRooms {
    pub rows: Vec<ChatroomSummary>,
    /// Per row: id, name and owner in lower case, a line each, so a keystroke in the filter
    /// lowers nothing.
    pub hay: Vec<String>,
    /// False when the walk was stopped or failed before the last page.
    pub complete: bool,
}

impl AllRooms {
    pub fn new(rows: Vec<ChatroomSummary>, complete: bool) -> AllRooms {
        let hay = rows.iter().map(haystack).collect();
        AllRooms {
            rows,
            hay,
            complete,
        }
    }

    /// The same rooms with these replaced (by id) and those gone; a changed room keeps its
    /// place.
    pub fn patched(
        &self,
        changed: &HashMap<String, ChatroomSummary>,
        gone: &HashSet<String>,
    ) -> AllRooms {
        let mut rows = Vec::with_capacity(self.rows.len());
        let mut hay = Vec::with_capacity(self.rows.len());
        for (r, h) in self.rows.iter().zip(&self.hay) {
            if gone.contains(&r.id) {
                continue;
            }
            match changed.get(&r.id) {
                Some(c) => {
                    hay.push(haystack(c));
                    rows.push(c.clone());
                }
                None => {
                    hay.push(h.clone());
                    rows.push(r.clone());
                }
            }
        }
        AllRooms {
            rows,
            hay,
            complete: self.complete,
        }
    }

    /// The same rooms with new ones first, the newest (the last of `rooms`) at the top.
    pub fn with_new(&self, rooms: Vec<ChatroomSummary>) -> AllRooms {
        let mut rows = Vec::with_capacity(self.rows.len() + rooms.len());
        let mut hay = Vec::with_capacity(self.rows.len() + rooms.len());
        for room in rooms.into_iter().rev() {
            hay.push(haystack(&room));
            rows.push(room);
        }
        rows.extend(self.rows.iter().cloned());
        hay.extend(self.hay.iter().cloned());
        AllRooms {
            rows,
            hay,
            complete: self.complete,
        }
    }
}

/// What the filter searches in a room: id, name and owner in lower case.
pub fn haystack(r: &ChatroomSummary) -> String {
    format!(
        "{}\n{}\n{}",
        r.id,
        r.name.to_lowercase(),
        r.owner.to_lowercase()
    )
}

/// A room's summary as the list shows it, from its details.
pub fn summary_of(d: &ChatroomDetail) -> ChatroomSummary {
    ChatroomSummary {
        id: d.id.clone(),
        name: d.name.clone(),
        owner: d.owner.clone(),
        affiliations_count: d.affiliations_count,
        disabled: None,
    }
}

/// The all-rooms walk: where it is, and what it found.
#[derive(Clone, Copy)]
pub struct AllRoomsState {
    /// The rooms loaded, once the walk has ended (done, stopped or failed).
    pub rooms: RwSignal<Option<Shared<AllRooms>>, LocalStorage>,
    /// Rooms loaded so far while the walk goes on; `None` when it is not running.
    pub loading: RwSignal<Option<usize>>,
    /// Why the last walk ended early.
    pub error: RwSignal<Option<ApiError>, LocalStorage>,
    stop: StoredValue<bool>,
    /// Rooms ticked in the all-rooms view: kept here, not in the URL, since there can be
    /// thousands.
    pub selected: RwSignal<HashSet<String>, LocalStorage>,
    /// How far down the table was scrolled when the person left it, to come back there.
    pub scroll: StoredValue<f64>,
}

/// The data layer of this tab (a context, see [`use_data`]).
#[derive(Clone, Copy)]
pub struct Data {
    session: Session,
    held: StoredValue<Held, LocalStorage>,
    /// Moves whenever something held is dropped (see [`Data::track`]).
    version: RwSignal<u32>,
    /// The app whose data is held.
    generation: StoredValue<u32>,
    pub all: AllRoomsState,
}

pub fn use_data() -> Data {
    expect_context::<Data>()
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

impl Data {
    pub fn new(session: Session) -> Data {
        let data = Data {
            session,
            held: StoredValue::new_local(Held::default()),
            version: RwSignal::new(0),
            generation: StoredValue::new(session.generation.get_untracked()),
            all: AllRoomsState {
                rooms: RwSignal::new_local(None),
                loading: RwSignal::new(None),
                error: RwSignal::new_local(None),
                stop: StoredValue::new(false),
                selected: RwSignal::new_local(HashSet::new()),
                scroll: StoredValue::new(0.0),
            },
        };
        // Another app: the rooms of the last one are not this one's.
        let all = data.all;
        Effect::new(move |seen: Option<u32>| {
            let g = session.generation.get();
            if seen.is_some_and(|s| s != g) {
                all.rooms.set(None);
                all.error.set(None);
                all.selected.set(HashSet::new());
                all.scroll.set_value(0.0);
            }
            g
        });
        data
    }

    /// Drops what is held when the app changed since it was read. It writes no signal, since
    /// it runs inside resources; the all-rooms state is reset by an effect ([`Data::new`]).
    fn same_app(&self) {
        let g = self.session.generation.get_untracked();
        if self.generation.get_value() != g {
            self.generation.set_value(g);
            self.held.update_value(|h| *h = Held::default());
        }
    }

    /// Walks every page of the app's rooms (1000 a request, under the list's rate limit), in
    /// a task of its own, so that it goes on while the person looks at a room. Does nothing
    /// while a walk is under way.
    pub fn load_all_rooms(&self) {
        if self.all.loading.get_untracked().is_some() {
            return;
        }
        let Some(client) = self.session.client() else {
            return;
        };
        let this = *self;
        let generation = self.session.generation.get_untracked();
        this.all.stop.set_value(false);
        this.all.error.set(None);
        this.all.loading.set(Some(0));
        leptos::task::spawn_local(async move {
            let mut rows = Vec::new();
            let ended = client
                .all_rooms(|page| {
                    rows.extend(page);
                    let _ = this.all.loading.try_set(Some(rows.len()));
                    // Go on unless stopped, or another app was connected meanwhile.
                    !this.all.stop.try_get_value().unwrap_or(true)
                        && this.session.generation.try_get_untracked() == Some(generation)
                })
                .await;
            // The app changed meanwhile: what was read belongs to the app that was left.
            if this.session.generation.try_get_untracked() != Some(generation) {
                let _ = this.all.loading.try_set(None);
                return;
            }
            let complete = match ended {
                Ok(done) => done,
                Err(e) => {
                    let _ = this.all.error.try_set(Some(e));
                    false
                }
            };
            let _ = this
                .all
                .rooms
                .try_set(Some(Shared(Arc::new(AllRooms::new(rows, complete)))));
            let _ = this.all.loading.try_set(None);
        });
    }

    /// Stops the walk after the page under way.
    pub fn stop_loading_all_rooms(&self) {
        self.all.stop.set_value(true);
    }

    /// Brings rooms held by the all-rooms view up to date after a change: one detail request
    /// per 100 of them; a room the server no longer knows leaves the list.
    fn refresh_all_rooms(&self, ids: &[String]) {
        let held = self.all.rooms.with_untracked(|all| {
            all.as_ref().map(|all| {
                let set: HashSet<&String> = ids.iter().collect();
                all.rows
                    .iter()
                    .filter(|r| set.contains(&r.id))
                    .map(|r| r.id.clone())
                    .collect::<Vec<_>>()
            })
        });
        let Some(ids) = held.filter(|ids| !ids.is_empty()) else {
            return;
        };
        let this = *self;
        leptos::task::spawn_local(async move {
            let Ok(found) = this.room_details(&ids).await else {
                return;
            };
            let gone: HashSet<String> = ids
                .iter()
                .filter(|id| !found.contains_key(*id))
                .cloned()
                .collect();
            let changed: HashMap<String, ChatroomSummary> = found
                .values()
                .map(|d| (d.id.clone(), summary_of(d)))
                .collect();
            this.all.rooms.update(|all| {
                if let Some(a) = all {
                    *a = Shared(Arc::new(a.patched(&changed, &gone)));
                }
            });
            this.all
                .selected
                .update(|s| s.retain(|id| !gone.contains(id)));
        });
    }

    /// Read (tracked) in a resource that asks the data layer: the resource runs again when a
    /// change drops something held. Read it in the resource itself, not through a memo: a
    /// resource that depends on a memo and on that memo's own source misses changes in
    /// Leptos 0.8.
    pub fn track(&self) {
        self.version.track();
    }

    /// What is held under `key` in the part `pick` names, or the answer to `call`, kept there.
    async fn read_through<K, E>(
        &self,
        pick: fn(&mut Held) -> &mut Kept<K, E::Output>,
        key: K,
        call: E,
    ) -> Result<E::Output, ApiError>
    where
        K: Eq + Hash + Clone,
        E: easemob_api::endpoints::Endpoint,
        E::Output: Clone,
    {
        let client = self.session.client_tracked()?;
        self.same_app();
        let mut held = None;
        self.held
            .update_value(|h| held = pick(h).fresh(&key, now()));
        if let Some(v) = held {
            return Ok(v);
        }
        let v = client.send(&call).await?;
        self.held
            .update_value(|h| pick(h).put(key, v.clone(), now()));
        Ok(v)
    }

    /// Details of these rooms by id; an id the server does not know is not in the answer.
    pub async fn room_details(
        &self,
        ids: &[String],
    ) -> Result<HashMap<String, ChatroomDetail>, ApiError> {
        let client = self.session.client_tracked()?;
        self.same_app();
        let (mut have, ask) = self.held.with_value(|h| h.split_rooms(ids, now()));
        if !ask.is_empty() {
            let found = client.room_details(&ask).await?;
            for d in &found {
                have.insert(d.id.clone(), Some(d.clone()));
            }
            self.held.update_value(|h| h.put_rooms(&ask, found, now()));
        }
        Ok(have
            .into_iter()
            .filter_map(|(id, d)| d.map(|d| (id, d)))
            .collect())
    }

    /// One room's details. A room the server does not know is its refusal (404, with the
    /// server's words, for the room page to show); `None` when it answered without the room.
    pub async fn room(&self, id: &str) -> Result<Option<ChatroomDetail>, ApiError> {
        let client = self.session.client_tracked()?;
        self.same_app();
        let key = [id.to_string()];
        if let Some(d) = self.held.with_value(|h| h.rooms.fresh(&key[0], now())) {
            if d.is_some() {
                return Ok(d);
            }
        }
        let found = client.send(&RoomDetails::one(id.to_string())).await?;
        let d = found.iter().find(|d| d.id == id).cloned();
        self.held.update_value(|h| h.put_rooms(&key, found, now()));
        Ok(d)
    }

    /// A page of the room list.
    pub async fn list_page(
        &self,
        size: u32,
        cursor: Option<String>,
    ) -> Result<CursorPage<ChatroomSummary>, ApiError> {
        let call = ListRooms {
            limit: Some(size),
            cursor: cursor.clone(),
        };
        self.read_through(|h| &mut h.lists, (size, cursor), call)
            .await
    }

    /// A page of a room's members.
    pub async fn member_page(
        &self,
        id: &str,
        page: u32,
        size: u32,
    ) -> Result<Vec<Affiliation>, ApiError> {
        let call = ListMembers {
            id: id.to_string(),
            pagenum: Some(page),
            pagesize: Some(size),
        };
        self.read_through(|h| &mut h.members, (id.to_string(), page, size), call)
            .await
    }

    /// A room's admins, from memory while fresh.
    pub async fn admins(&self, id: &str) -> Result<Vec<String>, ApiError> {
        let call = ListAdmins { id: id.to_string() };
        self.read_through(|h| &mut h.admins, id.to_string(), call)
            .await
    }

    /// A room's mute list, from memory while fresh.
    pub async fn mutes(&self, id: &str) -> Result<Vec<MutedUser>, ApiError> {
        let call = ListMutes { id: id.to_string() };
        self.read_through(|h| &mut h.mutes, id.to_string(), call)
            .await
    }

    /// A room's block or allow list, from memory while fresh.
    pub async fn room_list(&self, id: &str, list: RoomList) -> Result<Vec<String>, ApiError> {
        let call = ListRoomList {
            id: id.to_string(),
            list,
        };
        self.read_through(|h| &mut h.room_lists, (id.to_string(), list), call)
            .await
    }

    /// A room's announcement, from memory while fresh.
    pub async fn announcement(&self, id: &str) -> Result<String, ApiError> {
        let call = GetAnnouncement { id: id.to_string() };
        self.read_through(|h| &mut h.announcements, id.to_string(), call)
            .await
    }

    /// A room's custom attributes, from memory while fresh.
    pub async fn attributes(&self, id: &str) -> Result<BTreeMap<String, String>, ApiError> {
        let call = GetAttributes {
            id: id.to_string(),
            keys: Vec::new(),
        };
        self.read_through(|h| &mut h.attributes, id.to_string(), call)
            .await
    }

    /// These rooms' moderation was changed (or their members left, taking their marks with
    /// them): what is held of it goes, and the panels that show it reload.
    pub fn moderation_changed(&self, ids: &[String]) {
        self.held.update_value(|h| h.forget_moderation(ids));
        self.version.update(|n| *n += 1);
    }

    /// These rooms were changed through the dashboard (edited, transferred, members added or
    /// removed, dissolved): what is held about them goes, and the views that show them reload.
    pub fn rooms_changed(&self, ids: &[String]) {
        self.held.update_value(|h| h.forget_rooms(ids));
        self.version.update(|n| *n += 1);
        self.refresh_all_rooms(ids);
    }

    /// A room was created: every list page may now differ, and the all-rooms view gets it
    /// first (one detail request).
    pub fn room_created(&self, id: &str) {
        self.rooms_created(&[id.to_string()]);
    }

    /// Rooms were created (a create, or a spreadsheet import): every list page may now
    /// differ, and the all-rooms view gets them first (one detail request per 100).
    pub fn rooms_created(&self, ids: &[String]) {
        self.held.update_value(|h| h.lists.clear());
        self.version.update(|n| *n += 1);
        if ids.is_empty() || self.all.rooms.with_untracked(Option::is_none) {
            return;
        }
        let (this, ids) = (*self, ids.to_vec());
        leptos::task::spawn_local(async move {
            let Ok(found) = this.room_details(&ids).await else {
                return;
            };
            this.all.rooms.update(|all| {
                if let Some(a) = all {
                    let held: HashSet<&str> = a.0.rows.iter().map(|r| r.id.as_str()).collect();
                    let new: Vec<ChatroomSummary> = ids
                        .iter()
                        .filter(|id| !held.contains(id.as_str()))
                        .filter_map(|id| found.get(id).map(summary_of))
                        .collect();
                    if !new.is_empty() {
                        *a = Shared(Arc::new(a.0.with_new(new)));
                    }
                }
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail(id: &str) -> ChatroomDetail {
        ChatroomDetail {
            id: id.into(),
            ..Default::default()
        }
    }

    fn summary(id: &str) -> ChatroomSummary {
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
        h.forget_moderation(&["1".to_string()]);
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
        h.forget_rooms(&ids(&["1"]));
        assert_eq!(h.split_rooms(&ids(&["1", "2"]), 1).1, ids(&["1"]));
        assert!(h.members.fresh(&("1".into(), 1, 100), 1).is_none());
        assert!(h.members.fresh(&("2".into(), 1, 100), 1).is_some());
        assert!(h.lists.fresh(&(25, None), 1).is_none());
        assert!(h.lists.fresh(&(25, Some("c".into())), 1).is_some());
        h.forget_rooms(&ids(&["9"]));
        assert!(
            h.lists.fresh(&(25, Some("c".into())), 1).is_some(),
            "no page showed room 9"
        );
    }

    #[test]
    fn a_patch_replaces_changed_rooms_in_place_and_drops_the_gone() {
        let named = |id: &str, name: &str| ChatroomSummary {
            name: name.into(),
            ..summary(id)
        };
        let all = AllRooms::new(
            vec![named("3", "C"), named("2", "B"), named("1", "A")],
            true,
        );
        assert_eq!(all.hay[0], "3\nc\n");
        let changed = HashMap::from([("2".to_string(), named("2", "Bee"))]);
        let gone = HashSet::from(["1".to_string()]);
        let p = all.patched(&changed, &gone);
        assert_eq!(p.rows, [named("3", "C"), named("2", "Bee")]);
        assert_eq!(p.hay[1], "2\nbee\n");
        let p = p.with_new(vec![named("4", "D")]);
        assert_eq!(p.rows[0].id, "4");
        assert_eq!(p.hay.len(), 3);
        // Several at once (an import): the last created is the newest, on top.
        let p = p.with_new(vec![named("5", "E"), named("6", "F")]);
        let ids: Vec<&str> = p.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["6", "5", "4", "3", "2"]);
        assert_eq!(p.hay[0], "6\nf\n");
    }
}
