//! `/rooms?all=1`: every room of the app in one table. Easemob cannot search rooms by name or
//! owner, so the way to find "the room called X" or "every room alice owns" in a large app is
//! to load them all (1000 a request, under the list's rate limit) and filter here.
//!
//! The walk and what it found live in the data layer, so a visit to a room and Back shows the
//! table at once, where it was. Only the rows in sight are in the DOM. The filter searches a
//! lower-cased copy of each row made once, so a keystroke at 100,000 rooms is one pass over
//! strings; the URL follows once typing pauses. Selection lives in the data layer, not the URL.

use crate::components::error::ErrorView;
use crate::components::room_list::{
    sort_columns, ExportButtons, FilterBox, RoomCells, SelectionButtons, SortHeading,
};
use crate::components::virtual_rows::Scroller;
use crate::data::{use_data, AllRooms, Shared};
use crate::i18n::overview::ow;
use crate::i18n::t;
use crate::list_model::{matching, order, ListQuery, SortKey};
use crate::routes::in_place;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_use_signal_debounce_throttle::signal_debounced;
use std::collections::HashSet;
use std::sync::Arc;

/// The rooms that match, in the order shown (none before the walk has ended).
fn matched<'a>(
    all: &'a Option<Shared<AllRooms>>,
    matches: &'a Option<Shared<Vec<u32>>>,
) -> impl Iterator<Item = &'a easemob_api::wire::ChatroomSummary> {
    all.iter()
        .zip(matches)
        .flat_map(|(a, m)| m.iter().map(|i| &a.rows[*i as usize]))
}

/// What the table shows: where it is scrolled depends on it.
type ViewState = (String, Option<(SortKey, bool)>, crate::list_model::Narrow);

#[component]
pub fn AllRoomsTable() -> impl IntoView {
    let data = use_data();
    let all = data.all;
    let query_map = use_query_map();
    let navigate = use_navigate();
    let query = Memo::new(move |_| query_map.with(|m| ListQuery::from_params(|k| m.get(k))));
    // Nothing loaded yet (and no walk that failed): start walking.
    data.ensure_all_rooms();

    // The filter as typed, ahead of the URL: `(typed, the URL's filter when it was typed)`.
    // Once the URL moves on (it caught up, or Back), the URL's filter is the one shown.
    let url_filter = Memo::new(move |_| query.with(|q| q.filter.clone()));
    let typed = RwSignal::new(None::<(String, String)>);
    let filter = Memo::new(move |_| {
        let url = url_filter.get();
        match typed.get() {
            Some((text, when)) if when == url => text,
            _ => url,
        }
    });
    // Puts a filter in the URL in place of the one there (no new history entry).
    let put_filter = {
        let navigate = navigate.clone();
        move |f: String| {
            if f != url_filter.get_untracked() {
                let q = ListQuery {
                    filter: f,
                    ..query.get_untracked()
                };
                in_place(&navigate, &q.href());
            }
        }
    };
    // The URL follows once typing pauses (an Effect: the browser's history is the outside
    // world)...
    let settled = signal_debounced(filter, 300.0);
    {
        let put_filter = put_filter.clone();
        Effect::new(move |first: Option<()>| {
            let f = settled.get();
            if first.is_some() {
                put_filter(f);
            }
        });
    }
    // ...or at once when a click leaves the page, so that Back comes back to what was on
    // screen even when typing had not paused.
    let flush = move || put_filter(filter.get_untracked());

    let rooms = Memo::new(move |_| all.rooms.get());
    let sort = Memo::new(move |_| query.with(|q| q.sort));
    let sorted = Memo::new(move |_| {
        rooms
            .get()
            .map(|a| Shared(Arc::new(order(&a.rows, sort.get()))))
    });
    // Narrowed to the rooms a link of the overview names (creation times only where the
    // details were read).
    let narrow = Memo::new(move |_| query.with(|q| q.narrow.clone()));
    let narrowed = Memo::new(move |_| {
        let n = narrow.get();
        match (rooms.get(), sorted.get()) {
            (Some(a), Some(o)) if !n.is_empty() => {
                let now = js_sys::Date::now() as u64;
                let keep = |created: &dyn Fn(&str) -> Option<u64>| -> Vec<u32> {
                    o.iter()
                        .copied()
                        .filter(|i| n.holds(&a.rows[*i as usize], created, now))
                        .collect()
                };
                let kept = if n.older.is_some() {
                    all.facts
                        .with(|f| keep(&|id: &str| f.get(id).and_then(|x| x.created)))
                } else {
                    keep(&|_: &str| None)
                };
                Some(Shared(Arc::new(kept)))
            }
            (_, o) => o,
        }
    });
    // Rooms whose creation time is needed and not read.
    let unread = Memo::new(move |_| {
        if narrow.with(|n| n.older.is_none()) {
            return 0;
        }
        rooms.with(|a| {
            all.facts.with(|f| {
                a.iter()
                    .flat_map(|a| a.rows.iter())
                    .filter(|r| !f.contains_key(&r.id))
                    .count()
            })
        })
    });
    let matches = Memo::new(move |_| {
        let needle = filter.get();
        match (rooms.get(), narrowed.get()) {
            (Some(a), Some(o)) if !needle.trim().is_empty() => {
                Some(Shared(Arc::new(matching(&a.hay, &o, &needle))))
            }
            (_, o) => o,
        }
    });
    let count = Memo::new(move |_| matches.with(|m| m.as_ref().map_or(0, |m| m.len())));
    let total = Memo::new(move |_| rooms.with(|r| r.as_ref().map_or(0, |r| r.rows.len())));

    let scroller = Scroller::new();
    // Back where the person left the table; to the top when the filter or the order changes
    // (an Effect: scrolling is the DOM's).
    Effect::new(move |seen: Option<ViewState>| {
        let now = (filter.get(), sort.get(), narrow.get());
        match seen {
            None => scroller.scroll_to(all.scroll.get_value()),
            Some(before) if before != now => scroller.scroll_to(0.0),
            Some(_) => {}
        }
        now
    });
    on_cleanup(move || all.scroll.set_value(scroller.position()));
    // The rows in sight, with their place in the filtered list.
    let shown = Memo::new(move |_| match (rooms.get(), matches.get()) {
        (Some(a), Some(m)) => scroller
            .in_sight(&m)
            .map(|(pos, i)| (pos, a.rows[*i as usize].clone()))
            .collect(),
        _ => Vec::new(),
    });

    let selected = all.selected;
    // The selected rooms by id and name, for the dissolve confirmation (read when it opens).
    let selected_rooms = Signal::derive(move || {
        selected.with(|s| {
            rooms.with(|a| {
                a.iter()
                    .flat_map(|a| a.rows.iter())
                    .filter(|r| s.contains(&r.id))
                    .map(|r| (r.id.clone(), r.name.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let every_match_ticked = Memo::new(move |_| {
        let n = count.get();
        n > 0
            && selected.with(|s| {
                s.len() >= n
                    && rooms.with(|a| matches.with(|m| matched(a, m).all(|r| s.contains(&r.id))))
            })
    });
    let tick_every_match = move || {
        let ids: Vec<String> = rooms.with_untracked(|a| {
            matches.with_untracked(|m| matched(a, m).map(|r| r.id.clone()).collect())
        });
        let untick = every_match_ticked.get_untracked();
        // Narrowed (a figure of the overview): the selection becomes exactly these rooms, so
        // that nothing ticked before and not shown goes into a bulk action.
        if !untick && narrow.with_untracked(|n| !n.is_empty()) {
            selected.set(ids.into_iter().collect());
            return;
        }
        selected.update(|s| {
            for id in ids {
                if untick {
                    s.remove(&id);
                } else {
                    s.insert(id);
                }
            }
        });
    };
    let clear = Callback::new(move |_: ()| selected.set(HashSet::new()));

    let on_sort = {
        let navigate = navigate.clone();
        Callback::new(move |key: SortKey| {
            let q = ListQuery {
                filter: filter.get_untracked(),
                ..query.get_untracked()
            }
            .toggle_sort(key);
            in_place(&navigate, &q.href());
        })
    };
    let paged = move || {
        crate::url::link(
            &ListQuery {
                all: false,
                filter: filter.get(),
                narrow: Default::default(),
                ..query.get()
            }
            .href(),
        )
    };
    let export = move |as_json: bool| {
        let rows: Vec<_> =
            rooms.with_untracked(|a| matches.with_untracked(|m| matched(a, m).cloned().collect()));
        crate::export::rooms::download(&rows, &[], &Default::default(), as_json);
    };

    view! {
        <section class="panel">
            <div class="toolbar">
                <h1>{t().all_rooms}</h1>
                <a class="button" href=paged data-testid="paged-view">{t().paged_view}</a>
                <SelectionButtons rooms=selected_rooms/>
                <FilterBox value=filter testid="all-filter"
                    on_input=Callback::new(move |f: String| typed.set(Some((f, url_filter.get_untracked()))))/>
                <button type="button" data-testid="reload-all" disabled=move || all.loading.get().is_some()
                    on:click=move |_| data.load_all_rooms()>{t().reload}</button>
                <ExportButtons empty=Signal::derive(move || count.get() == 0) export=Callback::new(export)/>
            </div>
            <crate::routes::bulk::BulkDissolveDialog on_started=clear/>
            <crate::routes::bulk::BulkModerateDialog/>
            {move || all.loading.get().map(|n| view! {
                <div class="walk" data-testid="all-progress">
                    <progress aria-label=t().all_rooms></progress>
                    <span role="status">{t().all_loading(n)}</span>
                    <button type="button" class="small" data-testid="stop-all" on:click=move |_| data.stop_loading_all_rooms()>{t().stop}</button>
                </div>
            })}
            {move || all.error.get().map(|e| view! { <ErrorView error=e/> })}
            {move || rooms.with(|r| r.as_ref().is_some_and(|r| !r.complete) && all.loading.get().is_none())
                .then(|| view! { <p class="warning" data-testid="all-incomplete">{t().all_stopped(total.get())}</p> })}
            {move || (!narrow.with(|n| n.is_empty())).then(|| {
                let every = ListQuery { narrow: Default::default(), ..query.get() };
                view! {
                    <p class="narrowed" data-testid="all-narrowed">
                        {narrowed_words(&narrow.get())}" "
                        <a href=crate::url::link(&every.href())>{ow().show_all()}</a>
                    </p>
                }
            })}
            {move || (unread.get() > 0).then(|| view! {
                <p class="warning" data-testid="all-unread">
                    {ow().details_missing(unread.get())}" "
                    <a href=move || crate::url::link(&crate::url::href("/overview", &[("days", narrow.with(|n| n.older.map(|d| d.to_string()).unwrap_or_default()))]))>{ow().read_on_overview()}</a>
                </p>
            })}
            <Show when=move || rooms.with(Option::is_some)>
                <div class="toolbar selection">
                    <p class="summary" role="status" data-testid="all-summary">{move || t().all_shown(count.get(), total.get())}</p>
                    <button type="button" class="small" data-testid="select-matching" disabled=move || count.get() == 0
                        on:click=move |_| tick_every_match() aria-pressed=move || every_match_ticked.get().to_string()>{t().select_matching}</button>
                    <span data-testid="selected-count">{move || t().selected_count(selected.with(HashSet::len))}</span>
                    <button type="button" class="small" disabled=move || selected.with(HashSet::is_empty)
                        on:click=move |_| clear.run(())>{t().clear_selection}</button>
                </div>
                <div class="vscroll" node_ref=scroller.node on:scroll=scroller.on_scroll() tabindex="0"
                    on:click={ let flush = flush.clone(); move |_| flush() }
                    role="region" aria-label=t().all_rooms_region data-testid="all-scroll">
                    <div role="table" class="vtable rooms" aria-rowcount=move || (count.get() + 1).to_string() aria-label=t().all_rooms>
                        <div role="rowgroup" class="vhead">
                            <div role="row" class="vrow" aria-rowindex="1">
                                <div role="columnheader" class="select">
                                    <input type="checkbox" aria-label=t().select_matching prop:checked=move || every_match_ticked.get()
                                        on:change=move |_| tick_every_match()/>
                                </div>
                                {sort_columns().into_iter().map(|(key, label, class)| view! {
                                    <SortHeading key label class sort on_sort/>
                                }).collect_view()}
                            </div>
                        </div>
                        <div role="rowgroup" class="vbody" style:height=move || scroller.body_px(count.get())>
                            <For each=move || shown.get() key=|(pos, r)| (*pos, r.id.clone()) let:item>
                                <AllRoomsRow pos=item.0 room=item.1 scroller/>
                            </For>
                        </div>
                    </div>
                </div>
                <Show when=move || count.get() == 0>
                    <p class="empty">{move || if total.get() == 0 { t().no_rooms } else { t().no_match }}</p>
                </Show>
            </Show>
        </section>
    }
}

/// "Only chatrooms owned by alice, with at most 1 member".
fn narrowed_words(n: &crate::list_model::Narrow) -> String {
    let w = ow();
    let mut parts = Vec::new();
    if let Some(o) = &n.owner {
        parts.push(w.by_owner(o));
    }
    if n.min.is_some() || n.max.is_some() {
        parts.push(w.by_members(n.min, n.max));
    }
    if let Some(d) = n.older {
        parts.push(w.by_age(d));
    }
    if !n.ids.is_empty() {
        parts.push(w.by_ids(n.ids.len()));
    }
    w.narrowed_to(&parts)
}

#[component]
fn AllRoomsRow(
    pos: usize,
    room: easemob_api::wire::ChatroomSummary,
    scroller: Scroller,
) -> impl IntoView {
    let selected = use_data().all.selected;
    let ticked = {
        let id = room.id.clone();
        Signal::derive(move || selected.with(|s| s.contains(&id)))
    };
    let toggle = Callback::new(move |id: String| {
        selected.update(|s| {
            if !s.remove(&id) {
                s.insert(id);
            }
        })
    });
    view! {
        <div role="row" class="vrow" class:selected=move || ticked.get() aria-rowindex=(pos + 2).to_string()
            style:top=scroller.top_of(pos)>
            <RoomCells room ticked on_toggle=toggle/>
        </div>
    }
}
