//! Work on the rooms selected in a list: dissolve them, or do the same moderation in each. One
//! room at a time, with progress, Stop, a result per room, and the failed ones sent again in
//! one click.

use crate::components::bulk::{use_bulk, Bulk, BulkProgress, Done, Finish, Plan, Said, Work};
use crate::components::dialog::Dialog;
use crate::components::field::{error_for, FormField};
use crate::components::notice::use_notices;
use crate::data::Run;
use crate::data::Write;
use crate::forms::{self, FieldError};
use crate::i18n::journal::jw;
use crate::i18n::t;
use crate::journal::Item;
use easemob_api::endpoints::{
    AddMembers, AddToRoomList, DissolveRoom, Mute, MuteFor, RoomList, SetAnnouncement,
};
use easemob_api::limits::{check_length, Field, ADD_MEMBERS_MAX, ANNOUNCEMENT_MAX_CHARS};
use easemob_api::{ApiError, ErrorKind};
use leptos::prelude::*;
use std::rc::Rc;

/// The bulk run that dissolves the selected rooms.
pub fn use_dissolve_run() -> Bulk {
    use_bulk("dissolve")
}

/// The bulk run that does the same moderation in the selected rooms.
pub fn use_moderate_run() -> Bulk {
    use_bulk("moderate")
}

/// Dissolves the rooms the run was opened with ([`Bulk::open_with`]), after the person types
/// their number; each room is named (name and id) before anything is sent.
#[component]
pub fn BulkDissolveDialog(
    /// Called when a run starts, to clear the selection.
    on_started: Callback<()>,
) -> impl IntoView {
    let bulk = use_dissolve_run();
    let data = crate::data::use_data();
    let notices = use_notices();
    let shown = bulk.subject;
    let start = move || {
        let work: Work = Rc::new(move |id: String, run: Run| {
            Box::pin(async move {
                data.write_in(&run, DissolveRoom { id })
                    .await
                    .map(|_| Done::said(|| t().dissolved.to_string()))
            })
        });
        let finish: Finish = Rc::new(move |b: Bulk| {
            notices.show(t().bulk_dissolved(b.done(), b.rows.with(Vec::len)))
        });
        let rooms = shown.get_untracked();
        let plan = Plan {
            items: rooms
                .iter()
                .map(|(id, _)| DissolveRoom { id: id.clone() }.item())
                .collect(),
            undoes: None,
            resumes: None,
        };
        let items = rooms
            .into_iter()
            .map(|(id, _)| (id.clone(), Said::data(id)))
            .collect();
        bulk.start(items, plan, work, finish);
        on_started.run(());
    };
    view! {
        <RunDialog bulk id="bulk-dissolve-dialog" title=|n| t().bulk_dissolve_title(n) testid="bulk-results">
            <DissolveConfirm rooms=shown on_confirmed=Callback::new(move |_| start()) open=bulk.open/>
        </RunDialog>
    }
}

/// A bulk run's dialog: `children` (the form that starts a run, made fresh each time the
/// dialog opens) until the run starts, then its progress and a result per room.
#[component]
fn RunDialog(
    bulk: Bulk,
    id: &'static str,
    /// The title, for this many rooms.
    title: fn(usize) -> String,
    testid: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let started = move || bulk.rows.with(|r| !r.is_empty());
    let count = move || {
        if started() {
            bulk.rows.with(Vec::len)
        } else {
            bulk.subject.with(Vec::len)
        }
    };
    let form = StoredValue::new(children);
    view! {
        <Dialog open=bulk.open id=id title=Signal::derive(move || title(count()))>
            <Show when=move || !started()>{move || form.with_value(|f| f())}</Show>
            <BulkProgress bulk item_heading=t().col_id testid=testid/>
            <Show when=move || started() && !bulk.running.get()>
                <div class="actions">
                    <button type="button" on:click=move |_| bulk.open.set(false)>{t().close}</button>
                </div>
            </Show>
        </Dialog>
    }
}

/// The rooms named, the warning, and the typed count that confirms it.
#[component]
fn DissolveConfirm(
    rooms: RwSignal<Vec<(String, String)>>,
    on_confirmed: Callback<()>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let confirmed = Memo::new(move |_| typed.get().trim() == rooms.with(Vec::len).to_string());
    let data = crate::data::use_data();
    let notices = use_notices();
    let plan = move || {
        rooms.with(|r| {
            let (id, _) = r.first()?;
            let (call, every) = data.preview(&DissolveRoom { id: id.clone() })?;
            Some(jw().plan(r.len(), 0, &call, every))
        })
    };
    let plan_only = move |_| {
        let items = rooms.with_untracked(|r| {
            r.iter()
                .map(|(id, _)| DissolveRoom { id: id.clone() }.item())
                .collect()
        });
        data.plan_only(items);
        notices.show(jw().planned.to_string());
        open.set(false);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if confirmed.get_untracked() {
            on_confirmed.run(());
        }
    };
    view! {
        <ul class="dissolve-list" data-testid="dissolve-list">
            {move || rooms.get().into_iter().map(|(id, name)| view! {
                <li><span translate="no">{name}</span>" "<code translate="no">{id}</code></li>
            }).collect_view()}
        </ul>
        <p class="warning">{t().dissolve_warning}</p>
        <p class="plan" data-testid="bulk-plan">{plan}</p>
        <form on:submit=submit>
            <div class="field">
                <label for="bulk-confirm">{t().bulk_confirm}</label>
                <input id="bulk-confirm" bind:value=typed autocomplete="off" inputmode="numeric"/>
            </div>
            <div class="actions">
                <button type="submit" class="danger" disabled=move || !confirmed.get()>{t().dissolve}</button>
                <button type="button" data-testid="plan-only" on:click=plan_only>{jw().plan_only}</button>
                <button type="button" on:click=move |_| open.set(false)>{t().cancel}</button>
            </div>
        </form>
    }
}

/// The rooms a run is about, by name and id (the first thousand; the journal holds all).
#[component]
fn Targets(rooms: RwSignal<Vec<(String, String)>>) -> impl IntoView {
    view! {
        <details class="targets">
            <summary>{move || format!("{} ({})", jw().targets, rooms.with(Vec::len))}</summary>
            <ul class="dissolve-list">
                {move || rooms.with(|r| r.iter().take(1000).map(|(id, name)| view! {
                    <li><span translate="no">{name.clone()}</span>" "<code translate="no">{id.clone()}</code></li>
                }).collect_view())}
            </ul>
        </details>
    }
}

/// What a bulk moderation does in every room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BulkOp {
    AddMembers,
    Mute,
    Block,
    Announcement,
}

impl BulkOp {
    const ALL: [BulkOp; 4] = [
        BulkOp::AddMembers,
        BulkOp::Mute,
        BulkOp::Block,
        BulkOp::Announcement,
    ];
    fn key(self) -> &'static str {
        match self {
            BulkOp::AddMembers => "add",
            BulkOp::Mute => "mute",
            BulkOp::Block => "block",
            BulkOp::Announcement => "announcement",
        }
    }
    fn label(self) -> &'static str {
        match self {
            BulkOp::AddMembers => t().op_add_members,
            BulkOp::Mute => t().op_mute,
            BulkOp::Block => t().op_block,
            BulkOp::Announcement => t().op_announcement,
        }
    }
}

/// A bulk moderation as it was started: the same for every room.
#[derive(Clone, Debug)]
struct Job {
    op: BulkOp,
    users: Vec<String>,
    mute_for: MuteFor,
    text: String,
}

impl Job {
    /// The job the form describes, or what is wrong with it, checked before anything is sent.
    fn from_form(op: BulkOp, users: &str, duration: &str, text: &str) -> Result<Job, FieldError> {
        let users = match op {
            BulkOp::Announcement => Vec::new(),
            BulkOp::AddMembers => forms::usernames(users)?,
            BulkOp::Mute | BulkOp::Block => forms::moderated_users(users)?,
        };
        if op == BulkOp::Announcement {
            // An empty text would clear every room's announcement: not by accident.
            if text.trim().is_empty() {
                return Err(easemob_api::Invalid::Missing(Field::Announcement).into());
            }
            check_length(Field::Announcement, text, ANNOUNCEMENT_MAX_CHARS)?;
        }
        Ok(Job {
            op,
            users,
            mute_for: crate::routes::room::mutes::mute_for(duration),
            text: text.to_string(),
        })
    }

    /// The plan of this job in these rooms: how many requests to what, at what pace.
    fn plan(&self, data: crate::data::Data, rooms: &[(String, String)]) -> Option<String> {
        let (id, _) = rooms.first()?;
        let per_room = match self.op {
            BulkOp::AddMembers => self.users.len().div_ceil(ADD_MEMBERS_MAX).max(1),
            _ => 1,
        };
        let id = id.clone();
        let usernames: Vec<String> = self.users.iter().take(ADD_MEMBERS_MAX).cloned().collect();
        let preview = match self.op {
            BulkOp::AddMembers => data.preview(&AddMembers { id, usernames }),
            BulkOp::Mute => data.preview(&Mute {
                id,
                usernames,
                duration: self.mute_for,
            }),
            BulkOp::Block => data.preview(&AddToRoomList {
                id,
                list: RoomList::Block,
                usernames,
            }),
            BulkOp::Announcement => data.preview(&SetAnnouncement {
                id,
                text: self.text.clone(),
            }),
        };
        let (call, every) = preview?;
        let reads = crate::data::journal::reads_before(self.item(&rooms[0].0).op) * rooms.len();
        Some(jw().plan(rooms.len() * per_room, reads, &call, every))
    }

    /// The job in one room, as the journal records it.
    fn item(&self, id: &str) -> Item {
        let id = id.to_string();
        let usernames = self.users.clone();
        match self.op {
            BulkOp::AddMembers => AddMembers { id, usernames }.item(),
            BulkOp::Mute => Mute {
                id,
                usernames,
                duration: self.mute_for,
            }
            .item(),
            BulkOp::Block => AddToRoomList {
                id,
                list: RoomList::Block,
                usernames,
            }
            .item(),
            BulkOp::Announcement => SetAnnouncement {
                id,
                text: self.text.clone(),
            }
            .item(),
        }
    }

    /// Does the job in one room: what was done, in words, or why it was not.
    async fn run(self, data: crate::data::Data, run: Run, id: String) -> Result<Done, ApiError> {
        match self.op {
            BulkOp::AddMembers => {
                let mut added = 0;
                for chunk in self.users.chunks(ADD_MEMBERS_MAX) {
                    let call = AddMembers {
                        id: id.clone(),
                        usernames: chunk.to_vec(),
                    };
                    match data.write_in(&run, call).await {
                        Ok(done) => added += done.newmembers.len(),
                        // Stopped after some of the room's users were added: that much was
                        // done (not "not sent").
                        Err(e) if added > 0 && matches!(e.kind, ErrorKind::Cancelled) => break,
                        Err(e) => return Err(e),
                    }
                }
                Ok(Done::said(move || t().added(added)))
            }
            BulkOp::Mute => {
                let call = Mute {
                    id,
                    usernames: self.users,
                    duration: self.mute_for,
                };
                let results = data.write_in(&run, call).await?;
                let n = results.iter().filter(|r| r.result).count();
                Ok(Done::said(move || t().muted_n(n)))
            }
            BulkOp::Block => {
                let call = AddToRoomList {
                    id,
                    list: RoomList::Block,
                    usernames: self.users,
                };
                let results = data.write_in(&run, call).await?;
                Ok(Done::said(move || {
                    let done = results.iter().filter(|r| r.result).count();
                    let mut words = vec![t().blocked_n(done)];
                    words.extend(crate::routes::room::lists::not_done(&results));
                    words.join(" ")
                }))
            }
            BulkOp::Announcement => {
                let call = SetAnnouncement {
                    id,
                    text: self.text,
                };
                data.write_in(&run, call).await?;
                Ok(Done::said(|| t().announcement_saved.to_string()))
            }
        }
    }
}

/// The same moderation in every selected room: add users, mute them, block them, or set the
/// announcement; one room at a time, with progress, Stop, a result per room, and the failed
/// rooms sent again in one click. The selection stays, for the next job on the same rooms.
#[component]
pub fn BulkModerateDialog() -> impl IntoView {
    let bulk = use_moderate_run();
    view! {
        <RunDialog bulk id="bulk-moderate-dialog" title=|n| t().bulk_moderate_title(n) testid="moderate-results">
            <ModerateForm bulk/>
        </RunDialog>
    }
}

/// What to do in every room, checked before anything is sent.
#[component]
fn ModerateForm(bulk: Bulk) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let op = RwSignal::new(BulkOp::AddMembers);
    let users = RwSignal::new(String::new());
    let duration = RwSignal::new("1h".to_string());
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<FieldError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if bulk.running.get_untracked() {
            return;
        }
        match Job::from_form(
            op.get_untracked(),
            &users.get_untracked(),
            &duration.get_untracked(),
            &text.get_untracked(),
        ) {
            Ok(job) => {
                problem.set(None);
                let job2 = job.clone();
                let work: Work = Rc::new(move |id: String, run: Run| {
                    let job = job.clone();
                    Box::pin(async move { job.run(data, run, id).await })
                });
                let finish: Finish = Rc::new(move |b: Bulk| {
                    notices.show(t().bulk_moderated(b.done(), b.rows.with(Vec::len)))
                });
                let rooms = bulk.subject.get_untracked();
                let plan = Plan {
                    items: rooms.iter().map(|(id, _)| job2.item(id)).collect(),
                    undoes: None,
                    resumes: None,
                };
                let items = rooms
                    .into_iter()
                    .map(|(id, _)| (id.clone(), Said::data(id)))
                    .collect();
                bulk.start(items, plan, work, finish);
            }
            Err(p) => problem.set(Some(p)),
        }
    };
    let needs_users = move || op.get() != BulkOp::Announcement;
    // The plan, as the form stands: said before anything is sent.
    let job = move || Job::from_form(op.get(), &users.get(), &duration.get(), &text.get()).ok();
    let plan = move || job().and_then(|j| bulk.subject.with(|rooms| j.plan(data, rooms)));
    let plan_only = move |_| match job() {
        Some(j) => {
            let items = bulk
                .subject
                .with_untracked(|rooms| rooms.iter().map(|(id, _)| j.item(id)).collect());
            data.plan_only(items);
            notices.show(jw().planned.to_string());
            bulk.open.set(false);
        }
        None => {
            let _ = Job::from_form(
                op.get_untracked(),
                &users.get_untracked(),
                &duration.get_untracked(),
                &text.get_untracked(),
            )
            .map_err(|p| problem.set(Some(p)));
        }
    };
    view! {
        <form on:submit=submit novalidate>
            <fieldset class="ops">
                <legend>{t().bulk_op_legend}</legend>
                {BulkOp::ALL.into_iter().map(|o| view! {
                    <label>
                        <input type="radio" name="bulk-op" value=o.key() prop:checked=move || op.get() == o
                            on:change=move |_| { op.set(o); problem.set(None); }/>
                        {o.label()}
                    </label>
                }).collect_view()}
            </fieldset>
            <Show when=needs_users>
                <FormField id="bulk-usernames" label=t().usernames_label value=users multiline=true
                    error=Signal::derive(error_for(problem, Field::Usernames))/>
            </Show>
            <Show when=move || op.get() == BulkOp::Mute>
                <crate::routes::room::mutes::DurationSelect id="bulk-duration" value=duration/>
            </Show>
            <Show when=move || op.get() == BulkOp::Announcement>
                <FormField id="bulk-announcement" label=t().announcement_title value=text multiline=true
                    error=Signal::derive(error_for(problem, Field::Announcement))/>
            </Show>
            <p class="plan" data-testid="bulk-plan">{plan}</p>
            <Targets rooms=bulk.subject/>
            <div class="actions">
                <button type="submit" class="primary">{t().start}</button>
                <button type="button" data-testid="plan-only" on:click=plan_only>{jw().plan_only}</button>
                <button type="button" on:click=move |_| bulk.open.set(false)>{t().cancel}</button>
            </div>
        </form>
    }
}
