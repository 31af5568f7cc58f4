//! Every room of the app as the all-rooms view loaded it, and how a change reaches it: a
//! changed room is read again in place, a dissolved one leaves, a new one comes first.

use super::Data;
use crate::data::reads::summary_of;
use easemob_api::wire::{ChatroomDetail, ChatroomSummary};
use easemob_api::ApiError;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

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

/// The all-rooms walk: where it is, and what it found.
#[derive(Clone, Copy)]
pub struct AllRoomsState {
    /// The rooms loaded, once the walk has ended (done, stopped or failed).
    pub rooms: RwSignal<Option<Shared<AllRooms>>, LocalStorage>,
    /// Rooms loaded so far while the walk goes on; `None` when it is not running.
    pub loading: RwSignal<Option<usize>>,
    /// Why the last walk ended early.
    pub error: RwSignal<Option<ApiError>, LocalStorage>,
    pub(super) stop: StoredValue<bool>,
    /// Rooms ticked in the all-rooms view: kept here, not in the URL, since there can be
    /// thousands.
    pub selected: RwSignal<HashSet<String>, LocalStorage>,
    /// How far down the table was scrolled when the person left it, to come back there.
    pub scroll: StoredValue<f64>,
    /// What only a room's details tell (its max users and creation time), for the rooms whose
    /// details were read: by the overview on request, or after a change.
    pub facts: RwSignal<HashMap<String, RoomFacts>, LocalStorage>,
    /// `(read, of)` while the overview reads details; `None` when it is not.
    pub facts_reading: RwSignal<Option<(usize, usize)>>,
    /// Why the last reading of details ended early.
    pub facts_error: RwSignal<Option<ApiError>, LocalStorage>,
    pub(super) facts_stop: StoredValue<bool>,
}

/// What a room's details tell beyond its list entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoomFacts {
    pub maxusers: u64,
    /// Milliseconds since the Unix epoch; `None` when the server did not say.
    pub created: Option<u64>,
}

impl RoomFacts {
    pub fn of(d: &ChatroomDetail) -> RoomFacts {
        RoomFacts {
            maxusers: d.maxusers,
            created: (d.created > 0).then_some(d.created),
        }
    }
}

impl Data {
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
        // Walking again reads every room again: what details said is read again too.
        this.all.facts.set(HashMap::new());
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

    /// Starts the walk when nothing is loaded yet and no walk failed: the all-rooms view and
    /// the overview share one walk, never two.
    pub fn ensure_all_rooms(&self) {
        if self.all.rooms.with_untracked(Option::is_none)
            && self.all.loading.get_untracked().is_none()
            && self.all.error.with_untracked(Option::is_none)
        {
            self.load_all_rooms();
        }
    }

    /// Stops the walk after the page under way.
    pub fn stop_loading_all_rooms(&self) {
        self.all.stop.set_value(true);
    }

    /// Brings rooms held by the all-rooms view up to date after a change: one detail request
    /// per 100 of them; a room the server no longer knows leaves the list.
    pub(super) fn refresh_all_rooms(&self, ids: &[String]) {
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
            this.all.facts.update(|f| {
                for id in &gone {
                    f.remove(id);
                }
                for d in found.values() {
                    f.insert(d.id.clone(), RoomFacts::of(d));
                }
            });
        });
    }

    /// Rooms were created: the all-rooms view gets them first (one detail request per 100).
    pub(super) fn add_new_rooms(&self, ids: &[String]) {
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
            this.all.facts.update(|f| {
                for d in found.values() {
                    f.insert(d.id.clone(), RoomFacts::of(d));
                }
            });
        });
    }

    /// Reads the details of these rooms, 100 a request, for their [`RoomFacts`], with
    /// progress in `facts_reading`; stops on request, on a refusal, or when another app is
    /// connected. Does nothing while a reading is under way. (The details themselves are not
    /// kept: at 100,000 rooms with their member lists they would be tens of megabytes.)
    pub fn read_room_facts(&self, ids: Vec<String>) {
        if self.all.facts_reading.get_untracked().is_some() {
            return;
        }
        let Some(client) = self.session.client() else {
            return;
        };
        let this = *self;
        let generation = self.session.generation.get_untracked();
        this.all.facts_stop.set_value(false);
        this.all.facts_error.set(None);
        this.all.facts_reading.set(Some((0, ids.len())));
        leptos::task::spawn_local(async move {
            let mut done = 0;
            for chunk in ids.chunks(easemob_api::limits::DETAIL_IDS_MAX) {
                let still = this.session.generation.try_get_untracked() == Some(generation)
                    && !this.all.facts_stop.try_get_value().unwrap_or(true);
                if !still {
                    break;
                }
                match client.room_details(chunk).await {
                    Ok(found) => {
                        if this.session.generation.try_get_untracked() != Some(generation) {
                            break;
                        }
                        let _ = this.all.facts.try_update(|f| {
                            for d in &found {
                                f.insert(d.id.clone(), RoomFacts::of(d));
                            }
                        });
                        // A room the answer does not hold was dissolved meanwhile.
                        let held: HashSet<&str> = found.iter().map(|d| d.id.as_str()).collect();
                        let gone: HashSet<String> = chunk
                            .iter()
                            .filter(|id| !held.contains(id.as_str()))
                            .cloned()
                            .collect();
                        if !gone.is_empty() {
                            let _ = this.all.rooms.try_update(|all| {
                                if let Some(a) = all {
                                    *a = Shared(Arc::new(a.patched(&HashMap::new(), &gone)));
                                }
                            });
                        }
                    }
                    Err(e) => {
                        let _ = this.all.facts_error.try_set(Some(e));
                        break;
                    }
                }
                done += chunk.len();
                let _ = this.all.facts_reading.try_set(Some((done, ids.len())));
            }
            let _ = this.all.facts_reading.try_set(None);
        });
    }

    /// Stops reading details after the request under way.
    pub fn stop_reading_room_facts(&self) {
        self.all.facts_stop.set_value(true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::data::cache::tests::summary;

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
