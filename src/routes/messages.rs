//! Messages to chatrooms (`/messages`): a message to the rooms named (one from its page, the
//! selection of a list, or ids pasted), 10 rooms a request with progress, Stop and a result per
//! room; the broadcast to every active room, refused before sending over the plan's limits; and
//! the messages sent from this browser (kept in the journal), recalled one by one or up to 30
//! at once. A message is never sent twice: a lost answer is "outcome unknown" for its rooms.

use crate::components::bulk::{
    use_bulk, Bulk, BulkProgress, Done, Finish, Outcome, Plan, Said, Work,
};
use crate::components::dialog::Dialog;
use crate::components::error::{action_failure, describe};
use crate::components::kept::kept_above;
use crate::components::notice::use_notices;
use crate::components::time::Time;
use crate::components::RequireConnection;
use crate::data::{use_data, Run, Write};
use crate::i18n::messages::mw;
use crate::i18n::t;
use crate::journal::Entry;
use crate::messages::{self as rules, NotNow, RoomResult};
use crate::storage::{self, Area};
use easemob_api::endpoints::{
    message_bytes, BatchRecall, Broadcast, Content, Priority, Recall, SendRoomMessage, ToRecall,
};
use easemob_api::limits::{self, check_username, Field};
use easemob_api::{ApiError, FailureClass};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::collections::HashSet;
use std::rc::Rc;

/// The message being written, kept above the views: it survives leaving the page and a
/// language switch, and a list's selection is handed to it ([`use_draft`]).
#[derive(Clone, Copy)]
pub struct Draft {
    pub to: RwSignal<String>,
    pub as_user: RwSignal<bool>,
    pub from: RwSignal<String>,
    pub kind: RwSignal<&'static str>,
    pub text: RwSignal<String>,
    pub event: RwSignal<String>,
    pub exts: RwSignal<String>,
    pub action: RwSignal<String>,
    pub ext: RwSignal<String>,
    pub priority: RwSignal<Priority>,
    /// The `?room=` already put into `to`: not put back when the page is built again (a
    /// language switch), so a sent message's rooms, cleared, stay cleared.
    pub applied_room: RwSignal<String>,
}

pub fn use_draft() -> Draft {
    kept_above("message-draft", || Draft {
        to: RwSignal::new(String::new()),
        as_user: RwSignal::new(false),
        from: RwSignal::new(String::new()),
        kind: RwSignal::new("txt"),
        text: RwSignal::new(String::new()),
        event: RwSignal::new(String::new()),
        exts: RwSignal::new(String::new()),
        action: RwSignal::new(String::new()),
        ext: RwSignal::new(String::new()),
        priority: RwSignal::new(Priority::Normal),
        applied_room: RwSignal::new(String::new()),
    })
}

/// The message the draft says, without its rooms; `Err`: what is wrong, in words.
#[derive(Clone)]
struct Message {
    from: Option<String>,
    content: Content,
    ext: Option<serde_json::Map<String, serde_json::Value>>,
    priority: Priority,
}

impl Draft {
    /// What the message says, as typed (tracked: the size counter follows it). `Err`: a custom
    /// field line that is not `key=value`.
    fn content(&self) -> Result<Content, String> {
        Ok(match self.kind.get() {
            "custom" => Content::Custom {
                event: self.event.get().trim().to_string(),
                exts: rules::custom_fields(&self.exts.get())
                    .map_err(|line| mw().labelled(mw().bad_exts(), &line))?,
            },
            "cmd" => Content::Cmd {
                action: self.action.get().trim().to_string(),
            },
            _ => Content::Text {
                msg: self.text.get(),
            },
        })
    }

    fn message(&self) -> Result<Message, String> {
        let w = mw();
        let from = if self.as_user.get_untracked() {
            let u = self.from.get_untracked().trim().to_string();
            check_username(Field::Sender, &u).map_err(|i| t().invalid(&i))?;
            Some(u)
        } else {
            None
        };
        let content = self.content()?;
        content.check().map_err(|i| t().invalid(&i))?;
        let ext = rules::ext(&self.ext.get_untracked()).map_err(|e| match e {
            Some(words) => w.labelled(w.ext_not_object(), &words),
            None => w.ext_not_object().to_string(),
        })?;
        let size = message_bytes(&content, ext.as_ref());
        if size > limits::MESSAGE_BYTES_MAX {
            return Err(w.size(size, limits::MESSAGE_BYTES_MAX));
        }
        Ok(Message {
            from,
            content,
            ext,
            priority: self.priority.get_untracked(),
        })
    }
}

/// The run that sends a message to many rooms.
pub fn use_send_run() -> Bulk {
    use_bulk("message")
}

#[component]
pub fn MessagesPage() -> impl IntoView {
    view! { <RequireConnection><MessagesView/></RequireConnection> }
}

#[component]
fn MessagesView() -> impl IntoView {
    let draft = use_draft();
    let query = use_query_map();
    // A room's page links here with its id: the message goes to that room (once per link).
    if let Some(room) = query
        .with_untracked(|q| q.get("room"))
        .filter(|r| !r.is_empty() && *r != draft.applied_room.get_untracked())
    {
        draft.applied_room.set(room.clone());
        draft.to.set(room);
    }
    let entries = crate::routes::journal::use_entries();
    view! {
        <section class="panel">
            <h1>{mw().title()}</h1>
            <p class="hint">{mw().lead()}</p>
        </section>
        <Compose draft/>
        <BroadcastPanel draft entries/>
        <SentList entries/>
    }
}

#[component]
fn Compose(draft: Draft) -> impl IntoView {
    let data = use_data();
    let notices = use_notices();
    let bulk = use_send_run();
    let problem = RwSignal::new(None::<String>);
    let rooms = Memo::new(move |_| rules::room_ids(&draft.to.get()));
    let size = Memo::new(move |_| {
        let ext = rules::ext(&draft.ext.get()).ok().flatten();
        draft
            .content()
            .map_or(0, |content| message_bytes(&content, ext.as_ref()))
    });
    let start = move || {
        let w = mw();
        let ids = match rooms.get_untracked() {
            Ok(ids) if ids.is_empty() => return problem.set(Some(w.no_rooms().into())),
            Ok(ids) => ids,
            Err(bad) => return problem.set(Some(w.labelled(w.bad_room(), &bad))),
        };
        let m = match draft.message() {
            Ok(m) => m,
            Err(words) => return problem.set(Some(words)),
        };
        problem.set(None);
        let call = move |rooms: Vec<String>| SendRoomMessage {
            from: m.from.clone(),
            rooms,
            content: m.content.clone(),
            ext: m.ext.clone(),
            priority: m.priority,
        };
        let call = Rc::new(call);
        let batches: Vec<Vec<String>> = ids
            .chunks(limits::MESSAGE_ROOMS_MAX)
            .map(<[String]>::to_vec)
            .collect();
        let plan = Plan {
            items: batches.iter().map(|b| call(b.clone()).item()).collect(),
            undoes: None,
            resumes: None,
        };
        let make = call.clone();
        let work: Work = Rc::new(move |key: String, run: Run| {
            let c = make(key.split(',').map(str::to_string).collect());
            Box::pin(async move {
                let sent = data.write_in(&run, c).await?;
                let pairs: Vec<(String, String)> = sent.into_iter().collect();
                let id = pairs
                    .iter()
                    .map(|(r, m)| format!("{r}:{m}"))
                    .collect::<Vec<_>>()
                    .join(",");
                Ok(Done {
                    said: Said::new(move || mw().got(&pairs)),
                    id: Some(id),
                })
            })
        });
        let finish: Finish = Rc::new(move |b: Bulk| {
            notices.show(t().bulk_summary(b.done(), b.failed(), 0));
        });
        let items = batches
            .into_iter()
            .map(|b| {
                let (first, n) = (b[0].clone(), b.len());
                (b.join(","), Said::new(move || mw().rooms_row(&first, n)))
            })
            .collect();
        bulk.keep_unknown.set_value(true);
        bulk.start(items, plan, work, finish);
        // A second Send (or Enter in a field) must not send the same message to the same rooms
        // again: the rooms are cleared; the results below keep them, and Retry sends the failed.
        draft.to.set(String::new());
    };
    let w = mw();
    let kinds = [
        ("txt", w.kind_txt()),
        ("custom", w.kind_custom()),
        ("cmd", w.kind_cmd()),
    ];
    let priorities = [
        (Priority::High, w.priority_high()),
        (Priority::Normal, w.priority_normal()),
        (Priority::Low, w.priority_low()),
    ];
    view! {
        <section class="panel">
            <h2>{w.compose()}</h2>
            <form data-testid="compose" on:submit=move |ev| { ev.prevent_default(); start(); }>
                <label for="msg-to">{w.to()}</label>
                <textarea id="msg-to" rows="2" data-testid="msg-to" translate="no" aria-describedby="msg-to-hint"
                    prop:value=move || draft.to.get() on:input=move |ev| draft.to.set(event_target_value(&ev))></textarea>
                <p id="msg-to-hint" class="hint">{w.to_hint()}</p>
                <fieldset class="inline">
                    <legend>{w.from()}</legend>
                    <label class="inline"><input type="radio" name="msg-from" prop:checked=move || !draft.as_user.get()
                        on:change=move |_| draft.as_user.set(false)/>{w.from_admin()}</label>
                    <label class="inline"><input type="radio" name="msg-from" data-testid="msg-as-user" prop:checked=move || draft.as_user.get()
                        on:change=move |_| draft.as_user.set(true)/>{w.from_user()}</label>
                    <Show when=move || draft.as_user.get()>
                        <label class="inline">{mw().username()}
                            <input type="text" data-testid="msg-from" translate="no" prop:value=move || draft.from.get()
                                on:input=move |ev| draft.from.set(event_target_value(&ev))/>
                        </label>
                    </Show>
                </fieldset>
                <label class="inline">{w.kind()}
                    <select data-testid="msg-kind" on:change=move |ev| {
                        let k = event_target_value(&ev);
                        draft.kind.set(match k.as_str() { "custom" => "custom", "cmd" => "cmd", _ => "txt" });
                    }>
                        {kinds.into_iter().map(|(k, label)| view! {
                            <option value=k selected=move || draft.kind.get() == k>{label}</option>
                        }).collect_view()}
                    </select>
                </label>
                {move || match draft.kind.get() {
                    "custom" => view! {
                        <label for="msg-event">{mw().event()}</label>
                        <input id="msg-event" type="text" data-testid="msg-event" translate="no" prop:value=move || draft.event.get()
                            on:input=move |ev| draft.event.set(event_target_value(&ev))/>
                        <label for="msg-exts">{mw().exts()}</label>
                        <textarea id="msg-exts" rows="3" data-testid="msg-exts" translate="no" prop:value=move || draft.exts.get()
                            on:input=move |ev| draft.exts.set(event_target_value(&ev))></textarea>
                    }.into_any(),
                    "cmd" => view! {
                        <label for="msg-action">{mw().action()}</label>
                        <input id="msg-action" type="text" data-testid="msg-action" translate="no" prop:value=move || draft.action.get()
                            on:input=move |ev| draft.action.set(event_target_value(&ev))/>
                    }.into_any(),
                    _ => view! {
                        <label for="msg-text">{mw().text()}</label>
                        <textarea id="msg-text" rows="3" data-testid="msg-text" prop:value=move || draft.text.get()
                            on:input=move |ev| draft.text.set(event_target_value(&ev))></textarea>
                    }.into_any(),
                }}
                <label for="msg-ext">{w.ext()}</label>
                <textarea id="msg-ext" rows="2" data-testid="msg-ext" translate="no" prop:value=move || draft.ext.get()
                    on:input=move |ev| draft.ext.set(event_target_value(&ev))></textarea>
                <label class="inline">{w.priority()}
                    <select data-testid="msg-priority" on:change=move |ev| {
                        if let Some(p) = Priority::from_wire(&event_target_value(&ev)) { draft.priority.set(p) }
                    }>
                        {priorities.into_iter().map(|(p, label)| view! {
                            <option value=p.wire() selected=move || draft.priority.get() == p>{label}</option>
                        }).collect_view()}
                    </select>
                </label>
                <p class="hint" data-testid="msg-size" class:field-error=move || { size.get() > limits::MESSAGE_BYTES_MAX }>
                    {move || mw().size(size.get(), limits::MESSAGE_BYTES_MAX)}
                </p>
                <p class="field-error" role="alert" data-testid="msg-problem">{move || problem.get()}</p>
                <button type="submit" class="primary" data-testid="msg-send" disabled=move || bulk.running.get()>
                    {move || mw().send_to(rooms.get().map(|r| r.len()).unwrap_or(0))}
                </button>
            </form>
            <Results bulk/>
        </section>
    }
}

/// Each room's result of the last send, a line per room.
fn room_results(bulk: Bulk) -> Vec<RoomResult> {
    bulk.rows.with_untracked(|rows| {
        rows.iter()
            .flat_map(|r| {
                let pairs: Vec<(String, String)> = match &r.outcome {
                    Some(Outcome::Done(d)) => rules::pairs(d.id.as_deref().unwrap_or("")),
                    _ => Vec::new(),
                };
                r.key
                    .split(',')
                    .map(|room| {
                        let (outcome, error) = match &r.outcome {
                            None => ("pending", String::new()),
                            Some(Outcome::Done(_)) => ("done", String::new()),
                            Some(Outcome::NotSent) => ("not_sent", String::new()),
                            Some(Outcome::Failed(e)) => (
                                if e.class() == FailureClass::OutcomeUnknown {
                                    "unknown"
                                } else {
                                    "failed"
                                },
                                describe(e).one_line(),
                            ),
                        };
                        let msg_id = pairs
                            .iter()
                            .find(|(r, _)| r == room)
                            .map(|(_, m)| m.clone())
                            .unwrap_or_default();
                        // Done, yet the answer names no message for this room: not known.
                        let outcome = if outcome == "done" && msg_id.is_empty() {
                            "unknown"
                        } else {
                            outcome
                        };
                        RoomResult {
                            room: room.to_string(),
                            outcome,
                            msg_id,
                            error,
                        }
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    })
}

#[component]
fn Results(bulk: Bulk) -> impl IntoView {
    let download = move |_| {
        let csv = rules::results_csv(&room_results(bulk));
        crate::export::download("message-results.csv", "text/csv", &csv);
    };
    view! {
        <Show when=move || { bulk.unknown() > 0 }>
            <p class="notice-unknown" role="status" data-testid="msg-unknown">
                {move || mw().unknown_line(bulk.unknown())}
            </p>
        </Show>
        <Show when=move || { !bulk.running.get() && bulk.rows.with(|r| !r.is_empty()) }>
            <button type="button" class="small" data-testid="msg-download" on:click=download>{mw().download()}</button>
        </Show>
        <BulkProgress bulk item_heading=mw().results() testid="msg-results"/>
    }
}

/// The plan's daily broadcasts, as the operator entered it for this app (100 by default).
fn allowance_key(app: &str) -> String {
    format!("broadcast-allowance:{app}")
}

#[component]
fn BroadcastPanel(draft: Draft, entries: LocalResource<Result<Vec<Entry>, ()>>) -> impl IntoView {
    let data = use_data();
    let session = crate::session::use_session();
    let notices = use_notices();
    let app = move || {
        session
            .info
            .with(|i| i.as_ref().map(|i| i.app_key()).unwrap_or_default())
    };
    let allowance = RwSignal::new(
        storage::read(Area::Local, &allowance_key(&app()))
            .and_then(|s| s.parse().ok())
            .unwrap_or(limits::BROADCASTS_PER_DAY),
    );
    let today = move || {
        let now = js_sys::Date::now() as u64;
        entries
            .get()
            .and_then(Result::ok)
            .map(|e| rules::broadcasts_since(&e, rules::utc_day_start(now)))
            .unwrap_or(0)
    };
    let refused = RwSignal::new(None::<String>);
    let confirm = RwSignal::new(false);
    let send = Action::new_local(move |m: &Message| {
        let call = Broadcast {
            from: m.from.clone(),
            content: m.content.clone(),
            ext: m.ext.clone(),
            priority: m.priority,
        };
        async move {
            let id = data.write(call).await?;
            notices.show(mw().broadcast_done(&id.to_string()));
            Ok::<_, ApiError>(())
        }
    });
    let ask = move |_| {
        let w = mw();
        let now = js_sys::Date::now() as u64;
        let list = entries
            .get_untracked()
            .and_then(Result::ok)
            .unwrap_or_default();
        let words = match rules::broadcast_allowed(&list, now, allowance.get_untracked()) {
            Err(NotNow::Day { sent, allowance }) => Some(w.over_day(sent, allowance)),
            Err(NotNow::Minute { wait_s }) => Some(w.over_minute(wait_s)),
            Ok(()) => draft.message().err(),
        };
        refused.set(words.clone());
        if words.is_none() {
            confirm.set(true);
        }
    };
    let w = mw();
    view! {
        <section class="panel">
            <h2>{w.broadcast()}</h2>
            <p class="hint">{w.broadcast_lead()}</p>
            <p class="hint">{move || mw().limits(allowance.get())}</p>
            <label class="inline">{w.allowance()}
                <input type="number" min="1" data-testid="broadcast-allowance" prop:value=move || allowance.get().to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                            let n = n.max(1);
                            allowance.set(n);
                            storage::write(Area::Local, &allowance_key(&app()), &n.to_string());
                        }
                    }/>
            </label>
            <p data-testid="broadcast-today">{move || mw().today(today(), allowance.get())}</p>
            <p class="field-error" role="alert" data-testid="broadcast-refused">{move || refused.get()}</p>
            <button type="button" data-testid="broadcast" disabled=move || send.pending().get() on:click=ask>{w.broadcast_send()}</button>
            {action_failure(send)}
            <Dialog open=confirm id="broadcast-confirm" title=Signal::derive(|| mw().broadcast_confirm_title().to_string())>
                <p>{mw().broadcast_confirm()}</p>
                <div class="toolbar">
                    <button type="button" class="danger" data-testid="broadcast-go" on:click=move |_| {
                        confirm.set(false);
                        if let Ok(m) = draft.message() { send.dispatch_local(m); }
                    }>{mw().broadcast_go()}</button>
                    <button type="button" on:click=move |_| confirm.set(false)>{mw().cancel()}</button>
                </div>
            </Dialog>
        </section>
    }
}

/// How many of the newest messages the table shows.
const SHOWN: usize = 500;

#[component]
fn SentList(entries: LocalResource<Result<Vec<Entry>, ()>>) -> impl IntoView {
    let data = use_data();
    let notices = use_notices();
    let chosen = RwSignal::new(HashSet::<String>::new());
    let force = RwSignal::new(false);
    let sent = Memo::new(move |_| {
        entries
            .get()
            .and_then(Result::ok)
            .map(|e| (rules::sent(&e), rules::recalled(&e)))
    });
    let failures = RwSignal::new(Vec::<(String, String)>::new());
    let recall = Action::new_local(move |list: &Vec<ToRecall>| {
        let (list, force) = (list.clone(), force.get_untracked());
        async move {
            let all = list.len();
            let ok = if all == 1 {
                let m = list[0].clone();
                match data
                    .write(Recall {
                        message: m.clone(),
                        force,
                    })
                    .await
                {
                    Ok(_) => 1,
                    Err(e) => {
                        failures.set(vec![(m.msg_id, describe(&e).one_line())]);
                        0
                    }
                }
            } else {
                let results = data
                    .write(BatchRecall {
                        messages: list,
                        force,
                    })
                    .await?;
                let mut bad = Vec::new();
                for r in &results {
                    if let Err(p) = r.outcome() {
                        let why = match p {
                            Some(problem) => {
                                t().refusal_explained(&easemob_api::Refusal::RecallRefused {
                                    problem,
                                })
                            }
                            None => r.recalled.clone(),
                        };
                        bad.push((r.msg_id.clone(), why));
                    }
                }
                let ok = results.len() - bad.len();
                failures.set(bad);
                ok
            };
            chosen.set(HashSet::new());
            notices.show(mw().recalled_n(ok, all));
            Ok::<_, ApiError>(())
        }
    });
    let chosen_list = move || {
        let ids = chosen.get_untracked();
        sent.get_untracked()
            .map(|(s, _)| {
                s.into_iter()
                    .filter(|m| ids.contains(&m.msg_id))
                    .map(|m| ToRecall {
                        msg_id: m.msg_id,
                        room: m.room,
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let n = move || chosen.with(HashSet::len);
    view! {
        <section class="panel">
            <h2>{mw().sent()}</h2>
            <p class="hint">{mw().sent_lead()}</p>
            <div class="toolbar">
                <label class="inline"><input type="checkbox" data-testid="recall-force" prop:checked=move || force.get()
                    on:change=move |ev| force.set(event_target_checked(&ev))/>{mw().force()}</label>
                <button type="button" data-testid="recall-selected"
                    disabled=move || { n() == 0 || n() > limits::RECALL_BATCH_MAX || recall.pending().get() }
                    on:click=move |_| { recall.dispatch_local(chosen_list()); }>{move || mw().recall_n(n())}</button>
                <Show when=move || { n() > limits::RECALL_BATCH_MAX }>
                    <span class="field-error">{mw().recall_max()}</span>
                </Show>
            </div>
            {action_failure(recall)}
            <Show when=move || failures.with(|f| !f.is_empty())>
                <ul class="failures" data-testid="recall-failures">
                    {move || failures.get().into_iter().map(|(id, why)| view! {
                        <li><span class="mono" translate="no">{id}</span> {mw().colon()} {why}</li>
                    }).collect_view()}
                </ul>
            </Show>
            {move || match sent.get() {
                None => view! { <p class="hint">{t().loading_list}</p> }.into_any(),
                Some((list, _)) if list.is_empty() => view! { <p class="empty" data-testid="sent-list">{mw().none_sent()}</p> }.into_any(),
                Some((list, recalled)) => view! {
                    <div class="table-scroll">
                        <table class="results" data-testid="sent-list">
                            <thead><tr>
                                <th scope="col"><span class="visually-hidden">{mw().select_message()}</span></th>
                                <th scope="col">{mw().col_time()}</th>
                                <th scope="col">{mw().col_room()}</th>
                                <th scope="col">{mw().col_id()}</th>
                                <th scope="col">{mw().col_says()}</th>
                                <th scope="col">{mw().col_state()}</th>
                                <th scope="col"><span class="visually-hidden">{mw().recall()}</span></th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().take(SHOWN).map(|m| {
                                    let is_recalled = recalled.contains(&m.msg_id);
                                    let (id, id2, id3) = (m.msg_id.clone(), m.msg_id.clone(), m.msg_id.clone());
                                    let one = ToRecall { msg_id: m.msg_id.clone(), room: m.room.clone() };
                                    view! {
                                        <tr data-msg=m.msg_id.clone()>
                                            <td><input type="checkbox" disabled=move || is_recalled || recall.pending().get() aria-label=format!("{} {}", mw().select_message(), m.msg_id)
                                                prop:checked=move || chosen.with(|c| c.contains(&id))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    chosen.update(|c| { if on { c.insert(id2.clone()); } else { c.remove(&id2); } });
                                                }/></td>
                                            <td><Time ms=m.at/></td>
                                            <td><a href=crate::url::link(&crate::url::room(&m.room)) translate="no">{m.room.clone()}</a></td>
                                            <td class="mono" translate="no">{id3}</td>
                                            <td>{mw().kind_word(&m.kind)} " " <span translate="no">{m.body.clone()}</span></td>
                                            <td>{if is_recalled { mw().recalled() } else { mw().not_recalled() }}</td>
                                            <td><button type="button" class="small" disabled=move || is_recalled || recall.pending().get()
                                                aria-label=format!("{} {}", mw().recall(), m.msg_id)
                                                on:click=move |_| { recall.dispatch_local(vec![one.clone()]); }>{mw().recall()}</button></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
