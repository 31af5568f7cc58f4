//! The app's chatrooms, a page at a time, with a filter over the loaded rows, sorting, and
//! extra columns fetched through batched detail calls. Everything is in the URL.

use crate::components::error::ErrorView;
use crate::components::room_list::{
    sort_columns, ExportButtons, FilterBox, RoomCells, SelectionButtons, SortHeading,
};
use crate::components::time::Time;
use crate::components::{Loading, RequireConnection};
use crate::i18n::t;
pub use crate::list_model::{ExtraColumn, ListQuery, SortKey, DEFAULT_PAGE_SIZE, PAGE_SIZES};
use crate::routes::Pager;
use easemob_api::paging::CursorTrail;
use easemob_api::wire::{ChatroomDetail, ChatroomSummary};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use leptos_use_signal_debounce_throttle::signal_debounced;
use std::collections::HashMap;

fn query_of(map: &ParamsMap) -> ListQuery {
    ListQuery::from_params(|k| map.get(k))
}

/// `/rooms`: a page at a time, or with `all=1` every room of the app in one table.
#[component]
pub fn RoomListPage() -> impl IntoView {
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
    let on_filter = Callback::new(move |filter: String| {
        let q = query.get_untracked();
        go_filter(ListQuery { filter, ..q }, true);
    });
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
    let go_sort = go.clone();
    let on_sort =
        Callback::new(move |key: SortKey| go_sort(query.get_untracked().toggle_sort(key), true));
    let sort = Signal::derive(move || query.with(|q| q.sort));

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
    let create = crate::routes::create::use_create();
    if shortcuts.offer_new_room(Callback::new(move |_| create.open_fresh())) {
        create.open_fresh();
    }
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
                <button type="button" class="primary" data-testid="new-room" on:click=move |_| create.open_fresh()>{t().new_room}</button>
                <a class="button" data-testid="import-rooms" href=crate::url::link("/import")>{t().nav_import}</a>
                <a class="button" data-testid="all-rooms" href=move || crate::url::link(&ListQuery { all: true, ..query.get() }.href())>{t().all_rooms}</a>
                <SelectionButtons rooms=selected_rooms/>
                <FilterBox value=Signal::derive(move || query.get().filter) on_input=on_filter/>
                <label class="inline">
                    {t().page_size_label}
                    <select on:change=on_size prop:value=move || query.get().size.to_string()>
                        {PAGE_SIZES.iter().map(|s| view! { <option value=s.to_string()>{s.to_string()}</option> }).collect_view()}
                    </select>
                </label>
                <ExportButtons empty=Signal::derive(move || visible.with(Vec::is_empty)) export=Callback::new(export)/>
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
                                            {sort_columns().into_iter().map(|(key, label, class)| view! {
                                                <SortHeading key label class sort on_sort table=true/>
                                            }).collect_view()}
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
        Signal::derive(move || selected.with(|s| s.contains(&id)))
    };
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
        <tr class:selected=move || ticked.get()>
            <RoomCells room ticked on_toggle table=true/>
            {move || cols.get().into_iter().map(&extra).collect_view()}
        </tr>
    }
}
