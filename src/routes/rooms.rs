//! The app's chatrooms, a page at a time, with a filter over the loaded rows, sorting, and
//! extra columns fetched through batched detail calls. Everything is in the URL.

use crate::components::error::ErrorView;
use crate::components::time::Time;
use crate::components::{Loading, RequireConnection};
use crate::i18n::t;
use crate::routes::Pager;
use easemob_api::paging::CursorTrail;
use easemob_api::wire::{ChatroomDetail, ChatroomSummary};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use leptos_use_signal_debounce_throttle::signal_debounced;
use std::collections::HashMap;

pub const PAGE_SIZES: [u32; 7] = [10, 25, 50, 100, 250, 500, 1000];
pub const DEFAULT_PAGE_SIZE: u32 = 25;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Id,
    Name,
    Owner,
    Members,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [SortKey::Id, SortKey::Name, SortKey::Owner, SortKey::Members];
    pub fn param(self) -> &'static str {
        match self {
            SortKey::Id => "id",
            SortKey::Name => "name",
            SortKey::Owner => "owner",
            SortKey::Members => "members",
        }
    }
    pub fn from_param(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.param() == s)
    }
}

/// Columns that need a detail call per 100 rooms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtraColumn {
    Description,
    MaxUsers,
    Created,
}

impl ExtraColumn {
    pub const ALL: [ExtraColumn; 3] = [
        ExtraColumn::Description,
        ExtraColumn::MaxUsers,
        ExtraColumn::Created,
    ];
    pub fn param(self) -> &'static str {
        match self {
            ExtraColumn::Description => "description",
            ExtraColumn::MaxUsers => "maxusers",
            ExtraColumn::Created => "created",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            ExtraColumn::Description => t().col_description,
            ExtraColumn::MaxUsers => t().col_maxusers,
            ExtraColumn::Created => t().col_created,
        }
    }
}

/// Everything the list view shows, as read from and written to its URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery {
    pub size: u32,
    pub trail: CursorTrail,
    pub filter: String,
    pub sort: Option<(SortKey, bool)>,
    pub cols: Vec<ExtraColumn>,
    /// Rooms ticked for a bulk action (page by page; the all-rooms view keeps its own).
    pub selected: Vec<String>,
    /// Every room in one table instead of a page at a time.
    pub all: bool,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            size: DEFAULT_PAGE_SIZE,
            trail: CursorTrail::default(),
            filter: String::new(),
            sort: None,
            cols: Vec::new(),
            selected: Vec::new(),
            all: false,
        }
    }
}

impl ListQuery {
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> ListQuery {
        let size = get("size")
            .and_then(|s| s.parse().ok())
            .filter(|s| PAGE_SIZES.contains(s))
            .unwrap_or(DEFAULT_PAGE_SIZE);
        let trail = CursorTrail::from_params(get("cursor").as_deref(), get("earlier").as_deref());
        let sort = get("sort")
            .and_then(|s| SortKey::from_param(&s))
            .map(|k| (k, get("dir").as_deref() == Some("desc")));
        let cols = get("cols")
            .map(|c| {
                ExtraColumn::ALL
                    .into_iter()
                    .filter(|col| c.split(',').any(|p| p == col.param()))
                    .collect()
            })
            .unwrap_or_default();
        ListQuery {
            size,
            trail,
            filter: get("q").unwrap_or_default(),
            sort,
            cols,
            selected: easemob_api::limits::split_list(&get("sel").unwrap_or_default()),
            all: get("all").as_deref() == Some("1"),
        }
    }

    pub fn href(&self) -> String {
        let (sort, dir) = match self.sort {
            Some((k, desc)) => (
                k.param().to_string(),
                if desc { "desc" } else { "" }.to_string(),
            ),
            None => (String::new(), String::new()),
        };
        let size = if self.size == DEFAULT_PAGE_SIZE {
            String::new()
        } else {
            self.size.to_string()
        };
        crate::url::href(
            "/rooms",
            &[
                ("size", size),
                ("cursor", self.trail.current.clone().unwrap_or_default()),
                (
                    "earlier",
                    if self.trail.current.is_some() {
                        self.trail.earlier_param()
                    } else {
                        String::new()
                    },
                ),
                ("q", self.filter.clone()),
                ("sort", sort),
                ("dir", dir),
                (
                    "cols",
                    self.cols
                        .iter()
                        .map(|c| c.param())
                        .collect::<Vec<_>>()
                        .join(","),
                ),
                ("sel", self.selected.join(",")),
                ("all", if self.all { "1" } else { "" }.to_string()),
            ],
        )
    }

    /// Clicking a column header: ascending, then descending, then back to server order.
    pub fn toggle_sort(&self, key: SortKey) -> ListQuery {
        let sort = match self.sort {
            Some((k, false)) if k == key => Some((key, true)),
            Some((k, true)) if k == key => None,
            _ => Some((key, false)),
        };
        ListQuery {
            sort,
            ..self.clone()
        }
    }

    /// Ticks or unticks one room.
    pub fn toggle_selected(&self, id: &str) -> ListQuery {
        let mut selected = self.selected.clone();
        if let Some(i) = selected.iter().position(|s| s == id) {
            selected.remove(i);
        } else {
            selected.push(id.to_string());
        }
        ListQuery {
            selected,
            ..self.clone()
        }
    }

    /// The rows to show: those matching the filter (id, name or owner, any case), sorted.
    pub fn visible(&self, rows: &[ChatroomSummary]) -> Vec<ChatroomSummary> {
        let needle = self.filter.trim().to_lowercase();
        let mut out: Vec<ChatroomSummary> = rows
            .iter()
            .filter(|r| {
                needle.is_empty()
                    || r.id.contains(&needle)
                    || r.name.to_lowercase().contains(&needle)
                    || r.owner.to_lowercase().contains(&needle)
            })
            .cloned()
            .collect();
        if let Some((key, desc)) = self.sort {
            out.sort_by(|a, b| {
                let o = key.compare(a, b);
                if desc {
                    o.reverse()
                } else {
                    o
                }
            });
        }
        out
    }
}

impl SortKey {
    /// Two rooms in this column's order, ascending.
    pub fn compare(self, a: &ChatroomSummary, b: &ChatroomSummary) -> std::cmp::Ordering {
        match self {
            // Ids are numbers written as strings: compare by length first.
            SortKey::Id => (a.id.len(), &a.id).cmp(&(b.id.len(), &b.id)),
            SortKey::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            SortKey::Owner => a.owner.to_lowercase().cmp(&b.owner.to_lowercase()),
            SortKey::Members => a.affiliations_count.cmp(&b.affiliations_count),
        }
    }
}

fn query_of(map: &ParamsMap) -> ListQuery {
    ListQuery::from_params(|k| map.get(k))
}

/// `/rooms`: a page at a time, or with `all=1` every room of the app in one table.
#[component]
pub fn RoomList() -> impl IntoView {
    let query_map = use_query_map();
    let all = Memo::new(move |_| query_map.with(|q| q.get("all").as_deref() == Some("1")));
    view! {
        <RequireConnection>
            {move || if all.get() {
                view! { <crate::routes::all_rooms::AllRoomsTable/> }.into_any()
            } else {
                view! { <RoomTable/> }.into_any()
            }}
        </RequireConnection>
    }
}

#[component]
fn RoomTable() -> impl IntoView {
    let query_map = use_query_map();
    let navigate = use_navigate();
    let query = Memo::new(move |_| query_of(&query_map.get()));
    // Only size and cursor decide what is fetched; filter, sort and columns work on loaded rows.
    let fetch_key = Memo::new(move |_| query.with(|q| (q.size, q.trail.current.clone())));
    // Each page remembers which request it answers, so that while the next page loads the
    // old page's cursor is never offered as this page's Next.
    let data = crate::data::use_data();
    // Asks again after a change; pages the change did not touch answer from memory.
    let page = LocalResource::new(move || {
        data.track();
        let key = fetch_key.get();
        async move { data.list_page(key.0, key.1.clone()).await.map(|p| (key, p)) }
    });
    // A page size or cursor changed while a page was loading can be missed by the resource
    // (reactive_graph 0.2.16: re-triggered while its fetch is under way, it does not fetch
    // again). When an answer lands for another key than the URL's, ask again. (An Effect only
    // because the resource is the thing to be told; it writes no state.)
    Effect::new(move |_| {
        let answered = page.with(|p| match p {
            Some(Ok((key, _))) => Some(key.clone()),
            _ => None,
        });
        if answered.is_some_and(|k| k != fetch_key.get_untracked()) {
            page.refetch();
        }
    });
    let rows = Memo::new(move |_| match page.get() {
        Some(Ok((_, p))) => p.items,
        _ => Vec::new(),
    });
    let next_cursor = Memo::new(move |_| match page.get() {
        Some(Ok((key, p))) if key == fetch_key.get() => p.cursor,
        _ => None,
    });
    let wants_details = Memo::new(move |_| !query.with(|q| q.cols.is_empty()));
    // The extra columns come from the data layer: rooms held fresh cost no request.
    let details = LocalResource::new(move || {
        // From the page itself, not the `rows` memo: a resource fed by a memo of another
        // resource missed that resource's late answer (Back to a page held in memory).
        let ids: Vec<String> = page.with(|p| match p {
            Some(Ok((_, p))) => p.items.iter().map(|r| r.id.clone()).collect(),
            _ => Vec::new(),
        });
        data.track();
        let wanted = wants_details.get();
        async move {
            if !wanted || ids.is_empty() {
                return Ok(HashMap::new());
            }
            data.room_details(&ids).await
        }
    });
    let (pending, set_pending) = signal(false);
    // The rows shown: filtered once the typing pauses (leptos-use's debounce), then sorted;
    // memoized so the count, the table and "select all" share one pass.
    let typed_filter = Signal::derive(move || query.with(|q| q.filter.clone()));
    let settled_filter = signal_debounced(typed_filter, 150.0);
    let visible = Memo::new(move |_| {
        let filter = settled_filter.get();
        query.with(|q| {
            ListQuery {
                filter,
                ..q.clone()
            }
            .visible(&rows.get())
        })
    });

    let go = {
        let navigate = navigate.clone();
        move |q: ListQuery, replace: bool| {
            navigate(
                &q.href(),
                NavigateOptions {
                    replace,
                    scroll: false,
                    ..Default::default()
                },
            )
        }
    };
    let go_size = go.clone();
    let on_size = move |ev| {
        let size = event_target_value(&ev).parse().unwrap_or(DEFAULT_PAGE_SIZE);
        let q = query.get_untracked();
        go_size(
            ListQuery {
                size,
                trail: CursorTrail::default(),
                ..q
            },
            false,
        );
    };
    let go_filter = go.clone();
    let on_filter = move |ev| {
        let q = query.get_untracked();
        go_filter(
            ListQuery {
                filter: event_target_value(&ev),
                ..q
            },
            true,
        );
    };
    let go_col = go.clone();
    let toggle_col = move |col: ExtraColumn| {
        let mut q = query.get_untracked();
        if q.cols.contains(&col) {
            q.cols.retain(|c| *c != col);
        } else {
            q.cols.push(col);
            q.cols
                .sort_by_key(|c| ExtraColumn::ALL.iter().position(|x| x == c));
        }
        go_col(q, true);
    };

    let prev = Signal::derive(move || {
        query.with(|q| {
            q.trail.has_previous().then(|| {
                ListQuery {
                    trail: q.trail.previous(),
                    ..q.clone()
                }
                .href()
            })
        })
    });
    let next = Signal::derive(move || {
        next_cursor.get().map(|c| {
            query.with(|q| {
                ListQuery {
                    trail: q.trail.next(&c),
                    ..q.clone()
                }
                .href()
            })
        })
    });
    let page_number = Signal::derive(move || query.with(|q| q.trail.page_number()));

    let go_sel = go.clone();
    let go_clear = go.clone();
    let go_all = go.clone();
    let header = move |key: SortKey, label: &'static str| {
        let go = go.clone();
        let aria = move || match query.get().sort {
            Some((k, false)) if k == key => "ascending",
            Some((k, true)) if k == key => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria class=if key == SortKey::Members { "num" } else { "" }>
                <button type="button" class="sort" on:click=move |_| go(query.get_untracked().toggle_sort(key), true)>
                    {label}
                    <span aria-hidden="true" class="sort-mark">{move || match aria() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}</span>
                </button>
            </th>
        }
    };

    // The rows shown, with the extra columns shown (details that have not arrived are empty).
    let export = move |as_json: bool| {
        let shown = visible.get_untracked();
        let cols = query.with_untracked(|q| q.cols.clone());
        let found = details
            .get_untracked()
            .and_then(Result::ok)
            .unwrap_or_default();
        crate::export::rooms::download(&shown, &cols, &found, as_json);
    };
    let shortcuts = crate::components::shortcuts::use_shortcuts();
    let create_open = crate::routes::create::use_create().open;
    if shortcuts.offer_new_room(Callback::new(move |_| create_open.set(true))) {
        create_open.set(true);
    }
    let dissolve = crate::routes::bulk::use_dissolve_run();
    let moderate = crate::routes::bulk::use_moderate_run();
    // Only rooms shown on this page can be selected: a `sel=` from a link names nothing else.
    let selected = Signal::derive(move || {
        let wanted = query.with(|q| q.selected.clone());
        visible.with(|v| {
            wanted
                .into_iter()
                .filter(|id| v.iter().any(|r| &r.id == id))
                .collect::<Vec<_>>()
        })
    });
    let selected_rooms = Signal::derive(move || {
        let chosen = selected.get();
        visible.with(|v| {
            v.iter()
                .filter(|r| chosen.contains(&r.id))
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let toggle_row =
        Callback::new(move |id: String| go_sel(query.get_untracked().toggle_selected(&id), true));
    let clear_selection = Callback::new(move |_: ()| {
        go_clear(
            ListQuery {
                selected: Vec::new(),
                ..query.get_untracked()
            },
            true,
        )
    });
    let toggle_all = move |visible_ids: Vec<String>| {
        let q = query.get_untracked();
        let all_ticked = visible_ids.iter().all(|id| q.selected.contains(id));
        let mut selected: Vec<String> = q
            .selected
            .iter()
            .filter(|s| !visible_ids.contains(s))
            .cloned()
            .collect();
        if !all_ticked {
            selected.extend(visible_ids);
        }
        go_all(ListQuery { selected, ..q }, true);
    };
    view! {
        <section class="panel">
            <div class="toolbar">
                <h1>{t().rooms_title}</h1>
                <button type="button" class="primary" data-testid="new-room" on:click=move |_| create_open.set(true)>{t().new_room}</button>
                <a class="button" data-testid="import-rooms" href=crate::url::link("/import")>{t().nav_import}</a>
                <a class="button" data-testid="all-rooms" href=move || crate::url::link(&ListQuery { all: true, ..query.get() }.href())>{t().all_rooms}</a>
                <button type="button" data-testid="dissolve-selected" class:danger=move || !selected.get().is_empty() disabled=move || selected.get().is_empty()
                    on:click=move |_| dissolve.open_with(selected_rooms.get_untracked())>
                    {move || t().dissolve_selected(selected.get().len())}
                </button>
                <button type="button" data-testid="moderate-selected" disabled=move || selected.get().is_empty()
                    on:click=move |_| moderate.open_with(selected_rooms.get_untracked())>
                    {move || t().moderate_selected(selected.get().len())}
                </button>
                <label class="inline">
                    {t().filter_label}
                    <input type="search" class="filter" placeholder=t().filter_placeholder
                        prop:value=move || query.get().filter on:input=on_filter/>
                </label>
                <label class="inline">
                    {t().page_size_label}
                    <select on:change=on_size prop:value=move || query.get().size.to_string()>
                        {PAGE_SIZES.iter().map(|s| view! { <option value=s.to_string()>{s.to_string()}</option> }).collect_view()}
                    </select>
                </label>
                <div class="inline export" role="group" aria-label=t().export_label>
                    <button type="button" class="small" data-testid="export-csv" on:click=move |_| export(false)
                        disabled=move || visible.with(Vec::is_empty)>{t().export_csv}</button>
                    <button type="button" class="small" data-testid="export-json" on:click=move |_| export(true)
                        disabled=move || visible.with(Vec::is_empty)>{t().export_json}</button>
                </div>
                <fieldset class="inline cols">
                    <legend>{t().extra_columns}</legend>
                    {ExtraColumn::ALL.into_iter().map(|col| {
                        let toggle = toggle_col.clone();
                        view! {
                            <label>
                                <input type="checkbox" prop:checked=move || query.get().cols.contains(&col)
                                    on:change=move |_| toggle(col)/>
                                {col.label()}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            </div>
            <crate::routes::create::CreateDialog/>
            <crate::routes::bulk::BulkDissolveDialog on_started=clear_selection/>
            <crate::routes::bulk::BulkModerateDialog/>
            <Pager label=t().rooms_pager page=page_number prev=prev next=next/>
            <Show when=move || pending.get()>
                <Loading what=t().loading_rooms/>
            </Show>
            <Transition fallback=|| view! { <Loading what=t().loading_rooms/> } set_pending>
                {move || {
                    let header = header.clone();
                    let toggle_all = toggle_all.clone();
                    Suspend::new(async move {
                    match page.await {
                        Err(e) => view! { <ErrorView error=e/> }.into_any(),
                        Ok((_, p)) if p.items.is_empty() => view! { <p class="empty">{t().no_rooms}</p> }.into_any(),
                        Ok(_) => {
                            let visible = move || visible.get();
                            let cols = move || query.get().cols;
                            view! {
                                <p class="summary" role="status">
                                    {move || t().rows_shown(visible().len(), rows.with(Vec::len))}
                                </p>
                                {move || details.get().and_then(Result::err).map(|e| view! { <ErrorView error=e/> })}
                                <div class="table-scroll">
                                <table class="rooms" aria-busy=move || pending.get().to_string()>
                                    <thead>
                                        <tr>
                                            <th scope="col" class="select">
                                                <input type="checkbox" aria-label=t().select_all
                                                    prop:checked=move || { let v = visible(); !v.is_empty() && v.iter().all(|r| selected.get().contains(&r.id)) }
                                                    on:change=move |_| toggle_all(visible().into_iter().map(|r| r.id).collect())/>
                                            </th>
                                            {header(SortKey::Id, t().col_id)}
                                            {header(SortKey::Name, t().col_name)}
                                            {header(SortKey::Owner, t().col_owner)}
                                            {header(SortKey::Members, t().col_members)}
                                            {move || cols().into_iter().map(|c| view! { <th scope="col" class=if c == ExtraColumn::MaxUsers { "num" } else { "" }>{c.label()}</th> }).collect_view()}
                                        </tr>
                                    </thead>
                                    <tbody>
                                        <For each=visible key=|r| r.id.clone() let:r>
                                            <RoomRow room=r cols=Signal::derive(cols) details=details selected on_toggle=toggle_row/>
                                        </For>
                                    </tbody>
                                </table>
                                </div>
                                <Show when=move || visible().is_empty()>
                                    <p class="empty">{t().no_match}</p>
                                </Show>
                            }.into_any()
                        }
                    }
                })}}
            </Transition>
        </section>
    }
}

#[component]
fn RoomRow(
    room: ChatroomSummary,
    cols: Signal<Vec<ExtraColumn>>,
    details: LocalResource<Result<HashMap<String, ChatroomDetail>, easemob_api::ApiError>>,
    selected: Signal<Vec<String>>,
    on_toggle: Callback<String>,
) -> impl IntoView {
    let id = room.id.clone();
    let ticked = {
        let id = room.id.clone();
        move || selected.with(|s| s.contains(&id))
    };
    let ticked_row = ticked.clone();
    let toggle_id = room.id.clone();
    let extra = move |col: ExtraColumn| {
        let id = id.clone();
        move || {
            // This room's details only: the map is read in place, not copied for each cell.
            let d = details.with(|d| {
                d.as_ref()
                    .and_then(|r| r.as_ref().ok())
                    .and_then(|m| m.get(&id).cloned())
            });
            match (col, d) {
                (_, None) => view! { <td class="pending">"…"</td> }.into_any(),
                (ExtraColumn::Description, Some(d)) => {
                    view! { <td class="description" translate="no">{d.description}</td> }.into_any()
                }
                (ExtraColumn::MaxUsers, Some(d)) => {
                    view! { <td class="num maxusers">{d.maxusers}</td> }.into_any()
                }
                (ExtraColumn::Created, Some(d)) => {
                    view! { <td class="created"><Time ms=d.created/></td> }.into_any()
                }
            }
        }
    };
    view! {
        <tr class:selected=ticked_row>
            <td class="select">
                <input type="checkbox" aria-label=t().select_room(&room.name, &room.id) prop:checked=ticked
                    on:change=move |_| on_toggle.run(toggle_id.clone())/>
            </td>
            <td class="mono id" translate="no"><a href=crate::url::link(&crate::url::room(&room.id))>{room.id.clone()}</a></td>
            <td class="name" translate="no">{room.name.clone()}</td>
            <td class="owner" translate="no"><a href=crate::url::link(&crate::url::user_rooms(&room.owner))>{room.owner.clone()}</a></td>
            <td class="num members">{room.affiliations_count}</td>
            {move || cols.get().into_iter().map(&extra).collect_view()}
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(url: &str) -> ListQuery {
        let pairs: Vec<(String, String)> = url
            .split_once('?')
            .map(|(_, q)| {
                q.split('&')
                    .filter_map(|kv| kv.split_once('='))
                    .map(|(k, v)| {
                        (
                            k.to_string(),
                            percent_encoding::percent_decode_str(v)
                                .decode_utf8_lossy()
                                .into_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        ListQuery::from_params(|k| pairs.iter().find(|(kk, _)| kk == k).map(|(_, v)| v.clone()))
    }

    fn room(id: &str, name: &str, owner: &str, n: u64) -> ChatroomSummary {
        ChatroomSummary {
            id: id.into(),
            name: name.into(),
            owner: owner.into(),
            affiliations_count: n,
            disabled: None,
        }
    }

    #[test]
    fn every_list_view_survives_a_round_trip_through_its_url() {
        let view = ListQuery {
            size: 100,
            trail: CursorTrail::default().next("c2").next("c3"),
            filter: "Lobby chat".into(),
            sort: Some((SortKey::Members, true)),
            cols: vec![ExtraColumn::MaxUsers, ExtraColumn::Created],
            selected: vec!["11".into(), "12".into()],
            all: true,
        };
        assert_eq!(q(&view.href()), view);
        assert_eq!(ListQuery::default().href(), "/rooms");
    }

    #[test]
    fn ticking_a_room_twice_unticks_it() {
        let v = ListQuery::default()
            .toggle_selected("7")
            .toggle_selected("8");
        assert_eq!(v.selected, ["7", "8"]);
        assert_eq!(v.toggle_selected("7").selected, ["8"]);
    }

    #[test]
    fn an_unknown_page_size_falls_back_to_the_default() {
        assert_eq!(q("/rooms?size=7").size, DEFAULT_PAGE_SIZE);
        assert_eq!(q("/rooms?size=1000").size, 1000);
    }

    #[test]
    fn the_filter_matches_id_name_or_owner_in_any_case() {
        let rows = vec![
            room("11", "Lobby", "alice", 3),
            room("12", "Music", "BOB", 1),
            room("13", "Bobsled", "carol", 2),
        ];
        let mut v = ListQuery {
            filter: "bob".into(),
            ..Default::default()
        };
        assert_eq!(
            v.visible(&rows)
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>(),
            ["12", "13"]
        );
        v.filter = "11".into();
        assert_eq!(v.visible(&rows).len(), 1);
    }

    #[test]
    fn a_column_header_sorts_up_then_down_then_not() {
        let rows = vec![room("9", "b", "x", 3), room("10", "a", "y", 1)];
        let v = ListQuery::default().toggle_sort(SortKey::Id);
        assert_eq!(v.visible(&rows)[0].id, "9", "ids compare as numbers");
        let v = v.toggle_sort(SortKey::Id);
        assert_eq!(v.visible(&rows)[0].id, "10");
        assert_eq!(v.toggle_sort(SortKey::Id).sort, None);
        let v = ListQuery::default().toggle_sort(SortKey::Members);
        assert_eq!(v.visible(&rows)[0].affiliations_count, 1);
    }
}
