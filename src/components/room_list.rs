//! The pieces both room lists show (the paged list and the all-rooms table): the sortable
//! column headings, the selection's bulk buttons, the filter box, the export buttons, and a
//! room's cells. The model behind them is `crate::list_model`.

use crate::i18n::t;
use crate::list_model::SortKey;
use easemob_api::wire::ChatroomSummary;
use leptos::prelude::*;

/// `aria-sort` of the column `key` under `sort`.
fn aria_sort(sort: Option<(SortKey, bool)>, key: SortKey) -> &'static str {
    match sort {
        Some((k, false)) if k == key => "ascending",
        Some((k, true)) if k == key => "descending",
        _ => "none",
    }
}

/// The sort columns with their headings.
pub fn sort_columns() -> [(SortKey, &'static str, &'static str); 4] {
    [
        (SortKey::Id, t().col_id, ""),
        (SortKey::Name, t().col_name, ""),
        (SortKey::Owner, t().col_owner, ""),
        (SortKey::Members, t().col_members, "num"),
    ]
}

/// A column heading that sorts: up, then down, then back to the server's order. `table`: a
/// `<th>` of a real table, else a `columnheader` of an ARIA table.
#[component]
pub fn SortHeading(
    key: SortKey,
    label: &'static str,
    class: &'static str,
    #[prop(into)] sort: Signal<Option<(SortKey, bool)>>,
    on_sort: Callback<SortKey>,
    #[prop(optional)] table: bool,
) -> impl IntoView {
    let aria = move || aria_sort(sort.get(), key);
    let button = move || {
        view! {
            <button type="button" class="sort" on:click=move |_| on_sort.run(key)>
                {label}
                <span aria-hidden="true" class="sort-mark">{move || match aria() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}</span>
            </button>
        }
    };
    if table {
        view! { <th scope="col" aria-sort=aria class=class>{button()}</th> }.into_any()
    } else {
        view! { <div role="columnheader" aria-sort=aria class=class>{button()}</div> }.into_any()
    }
}

/// Dissolve and moderate the selected rooms (id and name each).
#[component]
pub fn SelectionButtons(#[prop(into)] rooms: Signal<Vec<(String, String)>>) -> impl IntoView {
    let dissolve = crate::routes::bulk::use_dissolve_run();
    let moderate = crate::routes::bulk::use_moderate_run();
    let draft = crate::routes::messages::use_draft();
    let navigate = leptos_router::hooks::use_navigate();
    let n = move || rooms.with(Vec::len);
    view! {
        <button type="button" data-testid="dissolve-selected" class:danger=move || { n() > 0 } disabled=move || n() == 0
            on:click=move |_| dissolve.open_with(rooms.get_untracked())>
            {move || t().dissolve_selected(n())}
        </button>
        <button type="button" data-testid="moderate-selected" disabled=move || n() == 0
            on:click=move |_| moderate.open_with(rooms.get_untracked())>
            {move || t().moderate_selected(n())}
        </button>
        <button type="button" data-testid="message-selected" disabled=move || n() == 0
            on:click=move |_| {
                let ids: Vec<String> = rooms.get_untracked().into_iter().map(|(id, _)| id).collect();
                draft.to.set(ids.join("\n"));
                navigate("/messages", Default::default());
            }>
            {move || crate::i18n::messages::mw().send_to(n())}
        </button>
    }
}

/// The filter box: what it shows, and what is typed.
#[component]
pub fn FilterBox(
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    view! {
        <label class="inline">
            {t().filter_label}
            <input type="search" class="filter" placeholder=t().filter_placeholder data-testid=(!testid.is_empty()).then_some(testid)
                prop:value=move || value.get() on:input=move |ev| on_input.run(event_target_value(&ev))/>
        </label>
    }
}

/// Export the rows shown as CSV or JSON (`true`).
#[component]
pub fn ExportButtons(#[prop(into)] empty: Signal<bool>, export: Callback<bool>) -> impl IntoView {
    view! {
        <div class="inline export" role="group" aria-label=t().export_label>
            <button type="button" class="small" data-testid="export-csv" on:click=move |_| export.run(false)
                disabled=move || empty.get()>{t().export_csv}</button>
            <button type="button" class="small" data-testid="export-json" on:click=move |_| export.run(true)
                disabled=move || empty.get()>{t().export_json}</button>
        </div>
    }
}

/// A room's tick box, id (a link to the room), name, owner (a link to their rooms) and member
/// count, as cells of a real table (`table`) or of an ARIA table.
#[component]
pub fn RoomCells(
    room: ChatroomSummary,
    #[prop(into)] ticked: Signal<bool>,
    on_toggle: Callback<String>,
    #[prop(optional)] table: bool,
) -> impl IntoView {
    let id = room.id.clone();
    let tick = view! {
        <input type="checkbox" aria-label=t().select_room(&room.name, &room.id) prop:checked=move || ticked.get()
            on:change=move |_| on_toggle.run(id.clone())/>
    };
    let room_link =
        view! { <a href=crate::url::link(&crate::url::room(&room.id))>{room.id.clone()}</a> };
    let owner_link =
        view! { <a href=crate::url::link(&crate::url::user(&room.owner))>{room.owner.clone()}</a> };
    if table {
        view! {
            <td class="select">{tick}</td>
            <td class="mono id" translate="no">{room_link}</td>
            <td class="name" translate="no">{room.name.clone()}</td>
            <td class="owner" translate="no">{owner_link}</td>
            <td class="num members">{room.affiliations_count}</td>
        }
        .into_any()
    } else {
        view! {
            <div role="cell" class="select">{tick}</div>
            <div role="cell" class="mono id" translate="no">{room_link}</div>
            <div role="cell" class="name" translate="no">{room.name.clone()}</div>
            <div role="cell" class="owner" translate="no">{owner_link}</div>
            <div role="cell" class="num members">{room.affiliations_count}</div>
        }
        .into_any()
    }
}
