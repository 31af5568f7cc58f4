//! The data layer: what the dashboard has read from the app, kept by key and shared by every
//! page, and the one way a change is made.
//!
//! - [`cache`]: what is held, by key, with the time it was read; what a change drops.
//! - [`reads`]: room details by id (ceil(M/100) requests for the M not held fresh; a room the
//!   server does not know is remembered as missing), list pages, member pages, a room's
//!   moderation, super admins and a user's rooms, each read once and kept for [`FRESH_MS`].
//! - [`writes`]: every change goes through [`Data::write`] (or its kin for bulk runs and for
//!   changes never sent twice). Each write endpoint declares once what it touches
//!   ([`writes::Touch`]), and exactly that is dropped and read again; no page invalidates by
//!   hand.
//! - [`all_rooms`]: every room of the app, as the all-rooms view walked them, kept up to date by
//!   the same declarations.
//!
//! Views read [`Data::track`] in their resources: it moves whenever something held is dropped,
//! and the view asks again; what is still held answers at once, without a request. Everything
//! held is dropped when the app changes.

pub mod all_rooms;
pub mod cache;
pub mod journal;
pub mod reads;
pub mod writes;

pub use all_rooms::{haystack, AllRooms, AllRoomsState, RoomFacts, Shared};
pub use cache::{UserAcross, FRESH_MS};
pub use reads::summary_of;
pub use writes::{Run, Touch, Write};

use crate::session::Session;
use cache::Held;
use leptos::prelude::*;
use std::collections::HashSet;

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
    /// Rooms whose all-rooms rows wait to be read again, a few changes at a time.
    stale_rows: StoredValue<Option<Vec<String>>>,
    /// The journal entry of the last change never sent twice whose outcome is unknown: settled
    /// when it is looked for again.
    unsettled: StoredValue<Option<crate::journal::Entry>, LocalStorage>,
    /// Moves whenever an entry is kept in the journal: the journal's views read it again.
    pub journal: RwSignal<u32>,
    /// The journal entries under way in this tab (any other one left running is unfinished).
    live: StoredValue<HashSet<u64>>,
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
                facts: RwSignal::new_local(Default::default()),
                facts_reading: RwSignal::new(None),
                facts_error: RwSignal::new_local(None),
                facts_stop: StoredValue::new(false),
            },
            stale_rows: StoredValue::new(None),
            unsettled: StoredValue::new_local(None),
            journal: RwSignal::new(0),
            live: StoredValue::new(HashSet::new()),
        };
        // Another app: the rooms of the last one are not this one's.
        let all = data.all;
        session.on_app_change(move || {
            all.rooms.set(None);
            all.error.set(None);
            all.selected.set(HashSet::new());
            all.scroll.set_value(0.0);
            all.facts.set(Default::default());
            all.facts_error.set(None);
        });
        data
    }

    /// Drops what is held when the app changed since it was read. It writes no signal, since
    /// it runs inside resources; the all-rooms state is reset when the session says the app
    /// changed ([`Data::new`]).
    fn same_app(&self) {
        let g = self.session.generation.get_untracked();
        if self.generation.get_value() != g {
            self.generation.set_value(g);
            self.held.update_value(|h| *h = Held::default());
        }
    }
}
