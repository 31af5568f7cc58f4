//! Work on the rooms selected in a list: dissolve them, or do the same moderation in each. One
//! room at a time, with progress, Stop, a result per room, and the failed ones sent again in
//! one click.

use crate::components::bulk::{Bulk, BulkProgress, Work};
use crate::components::dialog::Dialog;
use crate::components::field::{error_for, FormField};
use crate::components::notice::use_notices;
use crate::data::Run;
use crate::forms::{self, FieldError};
use crate::i18n::t;
use easemob_api::endpoints::{
    AddMembers, AddToRoomList, DissolveRoom, Mute, MuteFor, RoomList, SetAnnouncement,
};
use easemob_api::limits::{check_length, Field, ADD_MEMBERS_MAX, ANNOUNCEMENT_MAX_CHARS};
use easemob_api::ApiError;
use leptos::prelude::*;
use std::rc::Rc;

#[component]
pub fn BulkDissolveDialog(
    open: RwSignal<bool>,
    /// The rooms to dissolve: id and name each, both shown before anything is sent.
    #[prop(into)]
    rooms: Signal<Vec<(String, String)>>,
    /// Called once a run has ended, to clear the selection.
    on_done: Callback<()>,
) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let typed = RwSignal::new(String::new());
    let work: Work = Rc::new(move |id: String, run: Run| {
        Box::pin(async move {
            data.write_in(&run, DissolveRoom { id })
                .await
                .map(|_| t().dissolved.to_string())
        })
    });
    let bulk = Bulk::new(work);
    // The rooms as they were when the dialog opened: clearing the selection afterwards must not
    // change what the dialog is about.
    let shown = RwSignal::new(Vec::<(String, String)>::new());
    Effect::new(move |_| {
        if open.get() && !bulk.running.get_untracked() {
            shown.set(rooms.get_untracked());
            typed.set(String::new());
            bulk.clear();
        }
    });
    Effect::new(move |previous: Option<u32>| {
        let runs = bulk.finished.get();
        if previous.is_some_and(|p| p != runs) {
            notices.show(t().bulk_dissolved(bulk.done(), shown.get_untracked().len()));
            on_done.run(());
        }
        runs
    });
    let confirmed = Memo::new(move |_| typed.get().trim() == shown.get().len().to_string());
    let started = move || bulk.rows.with(|r| !r.is_empty());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if confirmed.get_untracked() && !bulk.running.get_untracked() {
            let items = shown
                .get_untracked()
                .into_iter()
                .map(|(id, _)| (id.clone(), id))
                .collect();
            bulk.start(items);
        }
    };
    view! {
        <Dialog open id="bulk-dissolve-dialog" title=Signal::derive(move || t().bulk_dissolve_title(shown.get().len()))>
            <Show when=move || !started()>
                <ul class="dissolve-list" data-testid="dissolve-list">
                    {move || shown.get().into_iter().map(|(id, name)| view! {
                        <li><span translate="no">{name}</span>" "<code translate="no">{id}</code></li>
                    }).collect_view()}
                </ul>
                <p class="warning">{t().dissolve_warning}</p>
                <form on:submit=submit>
                    <div class="field">
                        <label for="bulk-confirm">{t().bulk_confirm}</label>
                        <input id="bulk-confirm" bind:value=typed autocomplete="off" inputmode="numeric"/>
                    </div>
                    <div class="actions">
                        <button type="submit" class="danger" disabled=move || !confirmed.get()>{t().dissolve}</button>
                        <button type="button" on:click=move |_| open.set(false)>{t().cancel}</button>
                    </div>
                </form>
            </Show>
            <BulkProgress bulk item_heading=t().col_id testid="bulk-results"/>
            <Show when=move || started() && !bulk.running.get()>
                <div class="actions">
                    <button type="button" on:click=move |_| open.set(false)>{t().close}</button>
                </div>
            </Show>
        </Dialog>
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

    /// Does the job in one room: what was done, in words, or why it was not.
    async fn run(self, data: crate::data::Data, run: Run, id: String) -> Result<String, ApiError> {
        match self.op {
            BulkOp::AddMembers => {
                let mut added = 0;
                for chunk in self.users.chunks(ADD_MEMBERS_MAX) {
                    let call = AddMembers {
                        id: id.clone(),
                        usernames: chunk.to_vec(),
                    };
                    added += data.write_in(&run, call).await?.newmembers.len();
                }
                Ok(t().added(added))
            }
            BulkOp::Mute => {
                let call = Mute {
                    id,
                    usernames: self.users,
                    duration: self.mute_for,
                };
                let results = data.write_in(&run, call).await?;
                Ok(t().muted_n(results.iter().filter(|r| r.result).count()))
            }
            BulkOp::Block => {
                let call = AddToRoomList {
                    id,
                    list: RoomList::Block,
                    usernames: self.users,
                };
                let results = data.write_in(&run, call).await?;
                let done = results.iter().filter(|r| r.result).count();
                let mut words = vec![t().blocked_n(done)];
                words.extend(crate::routes::room::lists::not_done(&results));
                Ok(words.join(" "))
            }
            BulkOp::Announcement => {
                let call = SetAnnouncement {
                    id,
                    text: self.text,
                };
                data.write_in(&run, call).await?;
                Ok(t().announcement_saved.to_string())
            }
        }
    }
}

/// The same moderation in every selected room: add users, mute them, block them, or set the
/// announcement; one room at a time, with progress, Stop, a result per room, and the failed
/// rooms sent again in one click. The selection stays, for the next job on the same rooms.
#[component]
pub fn BulkModerateDialog(
    open: RwSignal<bool>,
    #[prop(into)] ids: Signal<Vec<String>>,
) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let op = RwSignal::new(BulkOp::AddMembers);
    let users = RwSignal::new(String::new());
    let duration = RwSignal::new("1h".to_string());
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<FieldError>);
    let job = StoredValue::new(None::<Job>);
    let work: Work = Rc::new(move |id: String, run: Run| {
        let job = job.get_value();
        Box::pin(async move {
            match job {
                Some(job) => job.run(data, run, id).await,
                None => Err(ApiError::from(easemob_api::ErrorKind::Cancelled)),
            }
        })
    });
    let bulk = Bulk::new(work);
    // The rooms as they were when the dialog opened.
    let shown = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        if open.get() && !bulk.running.get_untracked() {
            shown.set(ids.get_untracked());
            problem.set(None);
            bulk.clear();
        }
    });
    Effect::new(move |previous: Option<u32>| {
        let runs = bulk.finished.get();
        if previous.is_some_and(|p| p != runs) {
            notices.show(t().bulk_moderated(bulk.done(), shown.get_untracked().len()));
        }
        runs
    });
    let started = move || bulk.rows.with(|r| !r.is_empty());
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
            Ok(j) => {
                problem.set(None);
                job.set_value(Some(j));
                bulk.start(
                    shown
                        .get_untracked()
                        .into_iter()
                        .map(|id| (id.clone(), id))
                        .collect(),
                );
            }
            Err(p) => problem.set(Some(p)),
        }
    };
    let needs_users = move || op.get() != BulkOp::Announcement;
    view! {
        <Dialog open id="bulk-moderate-dialog" title=Signal::derive(move || t().bulk_moderate_title(shown.get().len()))>
            <Show when=move || !started()>
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
                    <div class="actions">
                        <button type="submit" class="primary">{t().start}</button>
                        <button type="button" on:click=move |_| open.set(false)>{t().cancel}</button>
                    </div>
                </form>
            </Show>
            <BulkProgress bulk item_heading=t().col_id testid="moderate-results"/>
            <Show when=move || started() && !bulk.running.get()>
                <div class="actions">
                    <button type="button" on:click=move |_| open.set(false)>{t().close}</button>
                </div>
            </Show>
        </Dialog>
    }
}
