//! `/journal`: every change made from this browser to the app connected, newest first, with a
//! filter in the URL (room, user, operation, outcome, time), exports, clearing, and an entry's
//! own view (`?entry=ID`) with its items and its undo. A room's page shows its own recent
//! entries ([`RecentChanges`]).

use crate::components::bulk::{use_bulk, Bulk, BulkProgress, Done, Finish, Plan, Said, Work};
use crate::components::dialog::Dialog;
use crate::components::error::ErrorView;
use crate::components::notice::use_notices;
use crate::components::time::Time;
use crate::components::virtual_rows::Scroller;
use crate::components::RequireConnection;
use crate::data::{use_data, Data, Run};
use crate::i18n::journal::jw;
use crate::i18n::t;
use crate::journal::rules::{self, Blocked, Difference, NoUndo};
use crate::journal::{send, store, Entry, Filter, Item, Kind, Op, Outcome};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::rc::Rc;

/// The entries of the app connected, oldest first, read again whenever one is kept. `Err`:
/// this browser keeps no journal.
pub fn use_entries() -> LocalResource<Result<Vec<Entry>, ()>> {
    let data = use_data();
    let session = crate::session::use_session();
    LocalResource::new(move || {
        data.journal.track();
        // Another app: its own entries.
        session.info.track();
        let app = data.app_id();
        async move {
            match app {
                Some(app) => store::all(&app.key()).await.map_err(drop),
                None => Ok(Vec::new()),
            }
        }
    })
}

/// Milliseconds at the start of a `yyyy-mm-dd` day, local time.
fn day_ms(day: &str, next: bool) -> Option<u64> {
    if day.len() != 10 {
        return None;
    }
    let d = js_sys::Date::new(&format!("{day}T00:00:00").into());
    let ms = d.get_time();
    if ms.is_nan() {
        return None;
    }
    Some(ms as u64 + if next { 86_400_000 } else { 0 })
}

#[component]
pub fn JournalPage() -> impl IntoView {
    view! { <RequireConnection><JournalView/></RequireConnection> }
}

#[component]
fn JournalView() -> impl IntoView {
    let query = use_query_map();
    let entry =
        Memo::new(move |_| query.with(|q| q.get("entry").and_then(|e| e.parse::<u64>().ok())));
    view! {
        {move || match entry.get() {
            Some(id) => view! { <EntryView id/> }.into_any(),
            None => view! { <JournalList/> }.into_any(),
        }}
    }
}

#[component]
fn JournalList() -> impl IntoView {
    let data = use_data();
    let notices = use_notices();
    let entries = use_entries();
    let query = use_query_map();
    let navigate = use_navigate();
    let q = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    let set = {
        let navigate = navigate.clone();
        move |k: &'static str, v: String| {
            let mut pairs: Vec<(String, String)> = query.with_untracked(|q| {
                ["room", "user", "op", "outcome", "from", "to"]
                    .iter()
                    .filter(|x| **x != k)
                    .filter_map(|x| q.get(x).map(|v| (x.to_string(), v)))
                    .collect()
            });
            if !v.is_empty() {
                pairs.push((k.to_string(), v));
            }
            let pairs: Vec<(&str, String)> =
                pairs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            let href = crate::url::href("/journal", &pairs);
            crate::routes::in_place(&navigate, &href);
        }
    };
    let filter = Memo::new(move |_| Filter {
        room: q("room"),
        user: q("user"),
        op: Op::from_key(&q("op")),
        outcome: Some(q("outcome")).filter(|o| !o.is_empty()),
        from: day_ms(&q("from"), false),
        to: day_ms(&q("to"), true),
    });
    let all = Memo::new(move |_| {
        entries
            .get()
            .map(|r| r.unwrap_or_default())
            .unwrap_or_default()
    });
    // Newest first.
    let shown = Memo::new(move |_| {
        let f = filter.get();
        all.with(|a| {
            a.iter()
                .rev()
                .filter(|e| f.matches(e))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let unavailable = move || entries.get().is_some_and(|r| r.is_err());
    let dropped = RwSignal::new(0usize);
    // What is beyond the bounds goes when the journal is opened (and the page says so).
    leptos::task::spawn_local(async move {
        if let Ok(n) = store::trim(js_sys::Date::now() as u64).await {
            if n > 0 {
                dropped.set(n);
                data.journal.update(|v| *v += 1);
            }
        }
    });
    let export = move |json: bool| {
        let list = shown.get_untracked();
        if json {
            crate::export::download(
                "journal.json",
                "application/json",
                &crate::journal::to_json(&list),
            );
        } else {
            let csv = crate::journal::to_csv(&list, crate::components::time::iso);
            crate::export::download("journal.csv", "text/csv;charset=utf-8", &csv);
        }
    };
    let clear = move |_| {
        if !window()
            .confirm_with_message(jw().clear_confirm)
            .unwrap_or(false)
        {
            return;
        }
        let ids: Vec<u64> = all.with_untracked(|a| a.iter().map(|e| e.id).collect());
        leptos::task::spawn_local(async move {
            if store::delete(&ids).await.is_ok() {
                data.journal.update(|v| *v += 1);
                notices.show(jw().cleared.to_string());
            }
        });
    };
    let text_filter = {
        let set = set.clone();
        move |id: &'static str, key: &'static str, label: &'static str| {
            let set = set.clone();
            view! {
                <div class="field">
                    <label for=id>{label}</label>
                    <input id=id type="search" prop:value=move || q(key) autocomplete="off"
                        on:change=move |ev| set(key, event_target_value(&ev).trim().to_string())/>
                </div>
            }
        }
    };
    let set_op = set.clone();
    let set_outcome = set.clone();
    let set_from = set.clone();
    let set_to = set;
    let scroller = Scroller::new();
    view! {
        <section class="panel">
            <div class="toolbar">
                <h1>{jw().title}</h1>
            </div>
            <p class="lead">{jw().lead}</p>
            <Show when=unavailable>
                <p class="warning" role="alert">{jw().unavailable}</p>
            </Show>
            <Show when=move || { dropped.get() > 0 }>
                <p class="notice" role="status" data-testid="journal-dropped">{move || jw().dropped(dropped.get())}</p>
            </Show>
            <form class="filters journal-filters" role="search" on:submit=|ev| ev.prevent_default()>
                {text_filter("journal-room", "room", jw().room)}
                {text_filter("journal-user", "user", jw().user)}
                <div class="field">
                    <label for="journal-op">{jw().operation}</label>
                    <select id="journal-op" on:change=move |ev| set_op("op", event_target_value(&ev))>
                        <option value="" selected=move || q("op").is_empty()>{jw().any}</option>
                        {Op::ALL.into_iter().map(|op| view! {
                            <option value=op.key() selected=move || q("op") == op.key()>{jw().op(op)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="journal-outcome">{jw().outcome}</label>
                    <select id="journal-outcome" on:change=move |ev| set_outcome("outcome", event_target_value(&ev))>
                        <option value="" selected=move || q("outcome").is_empty()>{jw().any}</option>
                        {Outcome::KEYS.into_iter().map(|k| view! {
                            <option value=k selected=move || q("outcome") == k>{jw().outcome(k)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="journal-from">{jw().from}</label>
                    <input id="journal-from" type="date" prop:value=move || q("from")
                        on:change=move |ev| set_from("from", event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="journal-to">{jw().to}</label>
                    <input id="journal-to" type="date" prop:value=move || q("to")
                        on:change=move |ev| set_to("to", event_target_value(&ev))/>
                </div>
            </form>
            <div class="toolbar">
                <p class="summary" role="status" data-testid="journal-summary">
                    {move || jw().shown(shown.with(Vec::len), all.with(Vec::len))}
                </p>
                <button type="button" class="small" data-testid="journal-csv" on:click=move |_| export(false)
                    disabled=move || shown.with(Vec::is_empty)>{t().export_csv}</button>
                <button type="button" class="small" data-testid="journal-json" on:click=move |_| export(true)
                    disabled=move || shown.with(Vec::is_empty)>{t().export_json}</button>
                <button type="button" class="small danger" data-testid="journal-clear" on:click=clear
                    disabled=move || all.with(Vec::is_empty)>{jw().clear}</button>
            </div>
            <Show when=move || !shown.with(Vec::is_empty)
                fallback=move || view! { <p class="empty">{move || if all.with(Vec::is_empty) { jw().empty } else { jw().no_match }}</p> }>
                <div class="vscroll" node_ref=scroller.node on:scroll=scroller.on_scroll() tabindex="0"
                    role="region" aria-label=jw().entries data-testid="journal-scroll">
                    <div role="table" class="vtable journal" aria-label=jw().entries
                        aria-rowcount=move || (shown.with(Vec::len) + 1).to_string()>
                        <div role="rowgroup" class="vhead">
                            <div role="row" class="vrow" aria-rowindex="1">
                                <div role="columnheader">{t().col_time}</div>
                                <div role="columnheader">{jw().operation}</div>
                                <div role="columnheader">{jw().room}</div>
                                <div role="columnheader">{jw().user}</div>
                                <div role="columnheader">{jw().outcome}</div>
                            </div>
                        </div>
                        <div role="rowgroup" class="vbody" style:height=move || scroller.body_px(shown.with(Vec::len))>
                            <For each=move || shown.with(|s| scroller.in_sight(s).map(|(i, e)| (i, e.clone())).collect::<Vec<_>>())
                                key=|(i, e)| (*i, e.id, e.tally()) let:row>
                                <EntryRow pos=row.0 entry=row.1 scroller/>
                            </For>
                        </div>
                    </div>
                </div>
            </Show>
        </section>
    }
}

/// A list of ids as links, the first few and how many more.
fn links(ids: Vec<String>, href: fn(&str) -> String) -> impl IntoView {
    let more = ids.len().saturating_sub(2);
    view! {
        {ids.into_iter().take(2).map(|id| {
            let to = crate::url::link(&href(&id));
            view! { <a href=to translate="no">{id}</a>" " }
        }).collect_view()}
        {(more > 0).then(|| format!("+{more}"))}
    }
}

/// An entry's operations, in words.
fn ops_words(e: &Entry) -> String {
    e.ops()
        .iter()
        .map(|o| jw().op(*o))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An item as a run's row names it: the operation, the room, the users.
fn item_label(it: &Item) -> Said {
    Said::data(format!(
        "{} {} {}",
        jw().op(it.op),
        it.room,
        it.users.join(" ")
    ))
}

fn room_href(id: &str) -> String {
    crate::url::room(id)
}
fn user_href(u: &str) -> String {
    crate::url::user_rooms(u)
}
fn entry_href(id: u64) -> String {
    format!("/journal?entry={id}")
}

#[component]
fn EntryRow(pos: usize, entry: Entry, scroller: Scroller) -> impl IntoView {
    let ops = ops_words(&entry);
    let rooms: Vec<String> = entry.rooms().iter().map(|r| r.to_string()).collect();
    let users: Vec<String> = entry.users().iter().map(|u| u.to_string()).collect();
    let tally = entry.tally();
    let unfinished = entry.running;
    let failed = tally[1] + tally[2] > 0;
    let plan = entry.kind == Kind::Plan;
    let id = entry.id;
    view! {
        <div role="row" class="vrow" aria-rowindex=(pos + 2).to_string() style:top=scroller.top_of(pos) data-testid="journal-row">
            <div role="cell"><a href=crate::url::link(&entry_href(id))><Time ms=entry.at/></a></div>
            <div role="cell">{ops}{entry.undoes.map(|_| " ↶")}{plan.then(|| format!(" ({})", jw().plan_kind))}</div>
            <div role="cell">{links(rooms, room_href)}</div>
            <div role="cell">{links(users, user_href)}</div>
            <div role="cell" class:failed=failed>
                {jw().tally(tally)}{unfinished.then(|| view! { " · "<strong>{jw().outcome("pending")}</strong> })}
            </div>
        </div>
    }
}

/// One entry: what it did item by item, what it undoes or what undid it, and its undo.
#[component]
fn EntryView(id: u64) -> impl IntoView {
    let entries = use_entries();
    let found = Memo::new(move |_| {
        entries.get().and_then(|r| r.ok()).map(|all| {
            let entry = all.iter().find(|e| e.id == id).cloned();
            let undone_by = all
                .iter()
                .filter(|e| {
                    e.undoes == Some(id)
                        && !e.running
                        && e.items.iter().any(|i| i.outcome == Outcome::Done)
                })
                .map(|e| e.id)
                .next_back();
            (entry, undone_by)
        })
    });
    view! {
        <section class="panel">
            <p><a href=crate::url::link("/journal")>{jw().all_entries}</a></p>
            <h1>{jw().entry_title(id)}</h1>
            {move || match found.get() {
                None => view! { <crate::components::Loading what=jw().title/> }.into_any(),
                Some((None, _)) => view! { <p class="empty">{jw().no_match}</p> }.into_any(),
                Some((Some(e), undone_by)) => view! { <EntryDetail entry=e undone_by/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn EntryDetail(entry: Entry, undone_by: Option<u64>) -> impl IntoView {
    let undo = match undone_by {
        Some(_) => Err(NoUndo::Undone),
        None => rules::undo(&entry, js_sys::Date::now() as u64),
    };
    let total = entry.items.len();
    let shown_items: Vec<Item> = entry.items.iter().take(1000).cloned().collect();
    let map = |m: &std::collections::BTreeMap<String, String>| {
        m.iter()
            .map(|(k, v)| format!("{}: {v}", jw().fact(k)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let e2 = entry.clone();
    let e3 = entry.clone();
    let now = js_sys::Date::now() as u64;
    let unfinished = !use_data().is_live(entry.id) && rules::cut_short(&entry, now);
    let resumable = unfinished && entry.undoes.is_none();
    view! {
        <p class="lead"><Time ms=entry.at/>" · "<span translate="no">{format!("{} {}#{}", entry.app.host, entry.app.org, entry.app.app)}</span></p>
        {entry.undoes.map(|u| view! { <p><a href=crate::url::link(&entry_href(u))>{jw().undoes(u)}</a></p> })}
        {undone_by.map(|u| view! { <p data-testid="undone-by"><a href=crate::url::link(&entry_href(u))>{jw().undone_by(u)}</a></p> })}
        {unfinished.then(|| view! { <p class="warning" data-testid="unfinished">{jw().unfinished}</p> })}
        // Always there (its button only while the entry is unfinished): the entry is read again
        // as the run goes, and its dialog stays open with the results.
        {(unfinished && !resumable).then(|| view! { <p class="note">{jw().resume_undo}</p> })}
        <ResumeRun entry=e3.clone() can=resumable/>
        <p class="summary" data-testid="entry-tally">
            {jw().tally(entry.tally())}{(entry.kind == Kind::Plan).then(|| format!(" ({})", jw().plan_kind))}
        </p>
        {match undo {
            Ok(_) | Err(NoUndo::Undone) => ().into_any(),
            Err(why) => view! { <p class="note" data-testid="no-undo">{jw().no_undo(why)}</p> }.into_any(),
        }}
        // Always there (its button only while an undo is possible): the entry is read again as
        // the undo goes, and its dialog stays open with the run's results.
        <UndoDialog entry=e2.clone() can=undo.is_ok()/>
        <div class="table-scroll">
            <table class="results" data-testid="entry-items">
                <thead><tr>
                    <th scope="col">{jw().operation}</th>
                    <th scope="col">{jw().room}</th>
                    <th scope="col">{jw().user}</th>
                    <th scope="col">{jw().values}</th>
                    <th scope="col">{jw().before}</th>
                    <th scope="col">{jw().outcome}</th>
                </tr></thead>
                <tbody>
                    {shown_items.into_iter().map(|i| {
                        let words = match &i.outcome {
                            Outcome::Refused { status, words, error } => format!("{} ({status} {error}) {words}", jw().outcome("refused")),
                            // Found by Resume: not known to be this entry's doing.
                            Outcome::Done if i.found => jw().found_done.to_string(),
                            o => jw().outcome(o.key()).to_string(),
                        };
                        let class = match i.outcome { Outcome::Done => "ok", Outcome::Pending => "pending", _ => "failed" };
                        let room = (!i.room.is_empty()).then(|| i.room.clone());
                        view! {
                            <tr class=class>
                                <td>{jw().op(i.op)}</td>
                                <td>{match room {
                                    Some(r) => { let to = crate::url::link(&room_href(&r)); view! { <a href=to translate="no">{r}</a> }.into_any() }
                                    None => jw().no_room.into_any(),
                                }}</td>
                                <td>{i.users.iter().map(|u| view! { <a href=crate::url::link(&user_href(u)) translate="no">{u.clone()}</a>" " }).collect_view()}</td>
                                <td translate="no">{map(&i.set)}</td>
                                <td translate="no">{i.before.as_ref().map(map).unwrap_or_default()}</td>
                                <td>{words}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(total > 1000).then(|| view! { <p class="note">{jw().more_items(total - 1000)}</p> })}
    }
}

/// What reading the state found for one item done: its inverse items, what changed since, and
/// what blocks its undo.
#[derive(Clone)]
struct Checked {
    back: Vec<Item>,
    changed: Vec<Difference>,
    blocked: Vec<Blocked>,
}

/// The undo of an entry: reads what is there now for each item done, says what changed since
/// (and asks before going over it), then sends the inverse as a run of its own, journaled as
/// the undo of this entry, with progress, Stop and a result per item.
#[component]
fn UndoDialog(entry: Entry, can: bool) -> impl IntoView {
    let data = use_data();
    let bulk = use_bulk("undo");
    let notices = use_notices();
    let open = bulk.open;
    let checked = RwSignal::new_local(None::<Result<Vec<Checked>, easemob_api::ApiError>>);
    let read = RwSignal::new(0usize);
    let done: Vec<Item> = entry
        .items
        .iter()
        .filter(|i| i.outcome == Outcome::Done)
        .cloned()
        .collect();
    let n_done = done.len();
    let id = entry.id;
    let check = move || {
        let done = done.clone();
        checked.set(None);
        read.set(0);
        leptos::task::spawn_local(async move {
            let now = js_sys::Date::now() as u64;
            let mut out = Vec::new();
            for it in done {
                match check_one(data, &it, now).await {
                    Ok(c) => out.push(c),
                    Err(e) => {
                        checked.set(Some(Err(e)));
                        return;
                    }
                }
                read.update(|n| *n += 1);
            }
            checked.set(Some(Ok(out)));
        });
    };
    let check = StoredValue::new_local(check);
    let start = move |over_changes: bool| {
        let Some(Ok(all)) = checked.get_untracked() else {
            return;
        };
        let items: Vec<Item> = all
            .into_iter()
            .filter(|c| c.blocked.is_empty() && (over_changes || c.changed.is_empty()))
            .flat_map(|c| c.back)
            .collect();
        if items.is_empty() {
            notices.show(jw().nothing_left.to_string());
            open.set(false);
            return;
        }
        let shared = Rc::new(items.clone());
        let work: Work = Rc::new(move |key: String, run: Run| {
            let it = key
                .parse::<usize>()
                .ok()
                .and_then(|i| shared.get(i).cloned());
            Box::pin(async move {
                let it = it.ok_or_else(|| {
                    easemob_api::ApiError::from(easemob_api::ErrorKind::Cancelled)
                })?;
                send::send(data, &run, it)
                    .await
                    .map(|_| Done::said(|| jw().outcome("done").to_string()))
            })
        });
        let finish: Finish =
            Rc::new(move |b: Bulk| notices.show(jw().undone(b.done(), b.rows.with(Vec::len))));
        let rows = items
            .iter()
            .enumerate()
            .map(|(i, it)| (i.to_string(), item_label(it)))
            .collect();
        bulk.start(
            rows,
            Plan {
                items,
                undoes: Some(id),
                resumes: None,
            },
            work,
            finish,
        );
    };
    let start = StoredValue::new_local(start);
    let started = move || bulk.rows.with(|r| !r.is_empty());
    view! {
        {can.then(|| view! { <div class="actions">
            <button type="button" class="primary" data-testid="undo" on:click=move |_| {
                // Each opening reads the state afresh (a run under way is shown as it is).
                if !bulk.running.get_untracked() {
                    bulk.clear();
                    check.with_value(|c| c());
                }
                open.set(true);
            }>{jw().undo}</button>
        </div> })}
        <Dialog open id="undo-dialog" title=Signal::derive(move || jw().undo_title(id))>
            <Show when=move || !started()>
                {move || match checked.get() {
                    None => view! { <p role="status" data-testid="undo-reading">{jw().reading(read.get(), n_done)}</p> }.into_any(),
                    Some(Err(e)) => view! { <ErrorView error=e/> }.into_any(),
                    Some(Ok(all)) => {
                        let changed: Vec<Difference> = all.iter().flat_map(|c| c.changed.clone()).collect();
                        let blocked: Vec<Blocked> = all.iter().flat_map(|c| c.blocked.clone()).collect();
                        let requests: usize = all.iter().filter(|c| c.blocked.is_empty()).map(|c| c.back.len()).sum();
                        let any_changed = !changed.is_empty();
                        view! {
                            {blocked.iter().map(|b| view! { <p class="warning" data-testid="undo-blocked">{jw().blocked(b)}</p> }).collect_view()}
                            <Show when=move || !any_changed>
                                <p data-testid="undo-unchanged">{jw().unchanged(requests)}</p>
                            </Show>
                            {any_changed.then(|| view! {
                                <p class="warning">{jw().changed_since}</p>
                                <div class="table-scroll">
                                    <table class="results" data-testid="undo-changed">
                                        <thead><tr>
                                            <th scope="col">{jw().room}</th>
                                            <th scope="col">{jw().fact}</th>
                                            <th scope="col">{jw().as_left}</th>
                                            <th scope="col">{jw().now}</th>
                                        </tr></thead>
                                        <tbody>
                                            {changed.into_iter().map(|d| {
                                                let v = |x: Option<String>| match x.as_deref() {
                                                    None => jw().not_so.to_string(),
                                                    Some(rules::YES) => jw().yes.to_string(),
                                                    Some(s) => s.to_string(),
                                                };
                                                view! { <tr>
                                                    <td translate="no">{d.room.clone()}</td>
                                                    <td>{jw().fact(&d.fact)}</td>
                                                    <td translate="no">{v(d.left)}</td>
                                                    <td translate="no">{v(d.now)}</td>
                                                </tr> }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            })}
                            <div class="actions">
                                <button type="button" class="primary" data-testid="undo-go" on:click=move |_| start.with_value(|s| s(false))>
                                    {if any_changed { jw().undo_rest } else { jw().undo }}
                                </button>
                                {any_changed.then(|| view! {
                                    <button type="button" class="danger" data-testid="undo-anyway" on:click=move |_| start.with_value(|s| s(true))>
                                        {jw().undo_anyway}
                                    </button>
                                })}
                                <button type="button" on:click=move |_| open.set(false)>{t().cancel}</button>
                            </div>
                        }.into_any()
                    }
                }}
            </Show>
            <BulkProgress bulk item_heading=jw().item testid="undo-results"/>
            <Show when=move || started() && !bulk.running.get()>
                <div class="actions">
                    <button type="button" on:click=move |_| open.set(false)>{t().close}</button>
                </div>
            </Show>
        </Dialog>
    }
}

/// Reads what is there now for one item done, and judges its undo.
async fn check_one(data: Data, it: &Item, now_ms: u64) -> Result<Checked, easemob_api::ApiError> {
    let back = rules::inverse(it, now_ms).unwrap_or_default();
    let (state, exists) = send::state(data, it).await?;
    let changed = if exists {
        rules::changed_since(it, &state)
    } else {
        Vec::new()
    };
    let mut blocked: Vec<Blocked> = back
        .iter()
        .filter_map(|b| rules::blocked(b, &state, exists))
        .collect();
    blocked.dedup();
    Ok(Checked {
        back,
        changed,
        blocked,
    })
}

/// Resume of an entry left unfinished: the items whose outcome is not known are looked for
/// first, and only what was not done is sent, as the same entry, with progress, Stop and a
/// result per item.
#[component]
fn ResumeRun(entry: Entry, can: bool) -> impl IntoView {
    let data = use_data();
    let bulk = use_bulk("resume");
    let notices = use_notices();
    let open = bulk.open;
    let id = entry.id;
    let start = move || {
        if bulk.running.get_untracked() {
            return;
        }
        let mut e = entry.clone();
        e.running = true;
        let todo: Vec<usize> = e
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| {
                matches!(
                    i.outcome,
                    Outcome::Pending | Outcome::Unknown | Outcome::NotDone
                )
            })
            .map(|(n, _)| n)
            .collect();
        let items = Rc::new(e.items.clone());
        let sent_at = e.at;
        let rows = todo
            .iter()
            .map(|n| (n.to_string(), item_label(&items[*n])))
            .collect();
        let work: Work = Rc::new(move |key: String, run: Run| {
            let it = key
                .parse::<usize>()
                .ok()
                .and_then(|n| items.get(n).cloned());
            Box::pin(async move {
                let it = it.ok_or_else(|| {
                    easemob_api::ApiError::from(easemob_api::ErrorKind::Cancelled)
                })?;
                // It may have been made: looked for before it is sent.
                if it.outcome != Outcome::NotDone && send::look(data, &run, &it, sent_at).await? {
                    return Ok(Done::said(|| jw().found_done.to_string()));
                }
                send::send(data, &run, it)
                    .await
                    .map(|_| Done::said(|| jw().outcome("done").to_string()))
            })
        });
        let finish: Finish =
            Rc::new(move |b: Bulk| notices.show(t().bulk_summary(b.done(), b.failed(), 0)));
        bulk.start(
            rows,
            Plan {
                items: Vec::new(),
                undoes: None,
                resumes: Some(e),
            },
            work,
            finish,
        );
    };
    let start = StoredValue::new_local(start);
    view! {
        {can.then(|| view! {
            <p>{jw().resume_lead}</p>
            <div class="actions">
                <button type="button" class="primary" data-testid="resume" on:click=move |_| {
                    open.set(true);
                    start.with_value(|s| s());
                }>{jw().resume}</button>
            </div>
        })}
        <Dialog open id="resume-dialog" title=Signal::derive(move || format!("{} · {}", jw().resume, jw().entry_title(id)))>
            <BulkProgress bulk item_heading=jw().item testid="resume-results"/>
            <Show when=move || !bulk.running.get()>
                <div class="actions">
                    <button type="button" on:click=move |_| open.set(false)>{t().close}</button>
                </div>
            </Show>
        </Dialog>
    }
}

/// A room's recent entries from this browser (on its page), and a link to all of them.
#[component]
pub fn RecentChanges(room: String) -> impl IntoView {
    let entries = use_entries();
    let id = room.clone();
    let recent = Memo::new(move |_| {
        entries
            .get()
            .and_then(|r| r.ok())
            .map(|all| {
                all.into_iter()
                    .rev()
                    .filter(|e| e.rooms().contains(&id.as_str()))
                    .take(5)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let all_href = crate::url::href("/journal", &[("room", room)]);
    view! {
        <section class="panel" aria-labelledby="recent-changes-title" data-testid="recent-changes">
            <h2 id="recent-changes-title">{jw().recent}</h2>
            <Show when=move || !recent.with(Vec::is_empty) fallback=|| view! { <p class="empty">{jw().recent_none}</p> }>
                <ul class="recent">
                    {move || recent.get().into_iter().map(|e| view! {
                        <li>
                            <a href=crate::url::link(&entry_href(e.id))><Time ms=e.at/></a>" "
                            {ops_words(&e)}" · "
                            {jw().tally(e.tally())}
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
            <p><a href=crate::url::link(&all_href)>{jw().all_of_room}</a></p>
        </section>
    }
}
