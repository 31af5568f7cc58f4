//! What can be done to one room: edit, transfer, dissolve, and staff it (add members, remove
//! members, a member leaving). Each is a dialog that sends one request per click, keeps what
//! was typed when the request fails, and reloads the room when it succeeds.

use crate::components::bulk::{Bulk, BulkProgress, Work};
use crate::components::dialog::Dialog;
use crate::components::error::{describe, ErrorView};
use crate::components::notice::use_notices;
use crate::components::Loading;
use crate::forms::{self, FieldError};
use crate::i18n::t;
use crate::session::use_session;
use easemob_api::endpoints::{
    AddMembers, DissolveRoom, ModifyRoom, RemoveMember, RemoveMembers, RoomDetails, TransferRoom,
};
use easemob_api::limits::{split_list, Field, ADD_MEMBERS_MAX, REMOVE_MEMBERS_MAX};
use easemob_api::wire::ChatroomDetail;
use easemob_api::{ApiError, ErrorKind};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use std::rc::Rc;

/// The message for one field, if the current problem is about it.
pub fn error_for(
    problem: RwSignal<Option<FieldError>>,
    field: Field,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        problem.with(|p| {
            p.as_ref()
                .filter(|p| p.field == Some(field))
                .map(|p| p.message.clone())
        })
    }
}

/// A problem that belongs to no field, shown above the buttons.
pub fn general_error(problem: RwSignal<Option<FieldError>>) -> impl Fn() -> Option<AnyView> + Copy {
    move || {
        problem.with(|p| {
            p.as_ref().filter(|p| p.field.is_none()).map(|p| {
                view! { <p class="form-error" role="alert">{p.message.clone()}</p> }.into_any()
            })
        })
    }
}

#[component]
pub fn RoomActions(room: Signal<ChatroomDetail>) -> impl IntoView {
    let room_id = Signal::derive(move || room.with(|r| r.id.clone()));
    let edit = RwSignal::new(false);
    let transfer = RwSignal::new(false);
    let dissolve = RwSignal::new(false);
    let add = RwSignal::new(false);
    let remove = RwSignal::new(false);
    let leave = RwSignal::new(false);
    view! {
        <div class="room-actions" role="toolbar" aria-label=t().room_actions>
            <button type="button" on:click=move |_| edit.set(true)>{t().edit}</button>
            <button type="button" on:click=move |_| transfer.set(true)>{t().transfer}</button>
            <button type="button" on:click=move |_| add.set(true)>{t().add_members}</button>
            <button type="button" on:click=move |_| remove.set(true)>{t().remove_members}</button>
            <button type="button" on:click=move |_| leave.set(true)>{t().member_leaves}</button>
            <button type="button" class="danger" on:click=move |_| dissolve.set(true)>{t().dissolve}</button>
        </div>
        <EditDialog open=edit room/>
        <TransferDialog open=transfer room/>
        <AddMembersDialog open=add room_id/>
        <RemoveMembersDialog open=remove room_id/>
        <LeaveDialog open=leave room_id/>
        <DissolveDialog open=dissolve room/>
    }
}

#[component]
fn EditDialog(open: RwSignal<bool>, room: Signal<ChatroomDetail>) -> impl IntoView {
    let session = use_session();
    let data = crate::data::use_data();
    let notices = use_notices();
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let maxusers = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<FieldError>);
    let save = Action::new_local(move |call: &ModifyRoom| {
        let call = call.clone();
        async move { session.call(call).await }
    });
    // Pre-filled from the room as it is each time the dialog opens.
    Effect::new(move |_| {
        if open.get() {
            let r = room.get_untracked();
            name.set(r.name);
            description.set(r.description);
            maxusers.set(r.maxusers.to_string());
            problem.set(None);
            save.value().set(None);
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(done)) => {
            notices.show(t().changed(&forms::changed_fields(&done)));
            open.set(false);
            data.rooms_changed(&[room.get_untracked().id]);
        }
        Some(Err(e)) => problem.set(Some(FieldError::from_api(&e, &room.get_untracked().owner))),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if save.pending().get_untracked() {
            return;
        }
        let r = room.get_untracked();
        match forms::edit_changes(
            &r,
            &name.get_untracked(),
            &description.get_untracked(),
            &maxusers.get_untracked(),
        ) {
            Ok(changes) => {
                problem.set(None);
                save.dispatch_local(ModifyRoom { id: r.id, changes });
            }
            Err(p) => problem.set(Some(p)),
        }
    };
    let pending = save.pending();
    view! {
        <Dialog open id="edit-dialog" title=t().edit_title.to_string()>
            <form on:submit=submit novalidate>
                <FormField id="edit-name" label=t().field_name value=name error=Signal::derive(error_for(problem, Field::Name))/>
                <FormField id="edit-description" label=t().field_description value=description multiline=true
                    error=Signal::derive(error_for(problem, Field::Description))/>
                <FormField id="edit-maxusers" label=t().field_maxusers value=maxusers kind="number"
                    error=Signal::derive(error_for(problem, Field::MaxUsers))/>
                {general_error(problem)}
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || pending.get()>
                        {move || if pending.get() { t().saving } else { t().save }}
                    </button>
                    <button type="button" on:click=move |_| open.set(false)>{t().cancel}</button>
                </div>
            </form>
        </Dialog>
    }
}

/// A labelled input or textarea with its error below it, wired for screen readers.
#[component]
pub fn FormField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] list: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    let invalid = move || error.get().is_some().to_string();
    let input = if multiline {
        view! {
            <textarea id=id rows="3" bind:value=value aria-invalid=invalid aria-describedby=described.clone()></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id type=kind.unwrap_or("text") bind:value=value autocomplete="off" list=list
                aria-invalid=invalid aria-describedby=described.clone()/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
            {hint.map(|h| view! { <small class="hint" id=hint_id>{h}</small> })}
            <p id=error_id class="field-error" aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// Names offered at once in the transfer picker.
pub const SUGGESTIONS: usize = 20;

#[component]
fn TransferDialog(open: RwSignal<bool>, room: Signal<ChatroomDetail>) -> impl IntoView {
    let session = use_session();
    let data = crate::data::use_data();
    let sent = StoredValue::new(None::<TransferRoom>);
    let notices = use_notices();
    let new_owner = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<FieldError>);
    // Suggestions as the person types: members whose name holds what is typed, 20 at most,
    // from the room's details already loaded (no request, however big the room).
    let suggestions = Memo::new(move |_| {
        let typed = new_owner.get().trim().to_lowercase();
        room.with(|r| {
            r.affiliations
                .iter()
                .filter(|m| !m.is_owner())
                .map(|m| m.username())
                .filter(|u| typed.is_empty() || u.to_lowercase().contains(&typed))
                .take(SUGGESTIONS)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
    });
    let send = Action::new_local(move |call: &TransferRoom| {
        let call = call.clone();
        async move { session.call(call).await }
    });
    // A transfer is not sent twice by the client: when its answer is lost, look at the room.
    // Answers the owner now, and the call to send again if it did not happen.
    let check = Action::new_local(move |call: &TransferRoom| {
        let call = call.clone();
        async move {
            let rooms = session.call(RoomDetails::one(call.id.clone())).await?;
            let owner = rooms
                .into_iter()
                .next()
                .map(|r| r.owner)
                .unwrap_or_default();
            Ok::<_, ApiError>((owner, call))
        }
    });
    let succeeded = move || {
        notices.show(t().transferred(&new_owner.get_untracked()));
        new_owner.set(String::new());
        open.set(false);
        data.rooms_changed(&[room.get_untracked().id]);
    };
    // Each opening starts clean: no error or result left from the last time.
    Effect::new(move |_| {
        if open.get() {
            problem.set(None);
            send.value().set(None);
            check.value().set(None);
        }
    });
    Effect::new(move |_| match send.value().get() {
        Some(Ok(_)) => succeeded(),
        Some(Err(e)) if matches!(e.kind, ErrorKind::OutcomeUnknown { .. }) => {
            if let Some(call) = send.input().get_untracked().or_else(|| sent.get_value()) {
                check.dispatch_local(call);
            }
        }
        Some(Err(e)) => {
            // Every refusal of a transfer is about the new owner.
            let mut p = FieldError::from_api(&e, "");
            if p.field.is_some() {
                p.field = Some(Field::NewOwner);
            }
            problem.set(Some(p));
        }
        None => {}
    });
    Effect::new(move |_| {
        if let Some(Ok((owner, call))) = check.value().get() {
            if owner.eq_ignore_ascii_case(&call.new_owner) {
                succeeded();
            }
        }
    });
    let recovery = move || {
        if check.pending().get() {
            return Some(view! { <Loading what=t().checking_transfer/> }.into_any());
        }
        check.value().get().and_then(|r| match r {
            Ok((owner, call)) if !owner.eq_ignore_ascii_case(&call.new_owner) => Some(
                view! {
                    <div class="recovery" role="alert" data-testid="transfer-recovery">
                        <p>{t().outcome_unknown_explained}</p>
                        <p><strong>{t().was_not_transferred(&owner)}</strong></p>
                        <button type="button" class="primary" on:click=move |_| {
                            check.value().set(None);
                            send.dispatch_local(call.clone());
                        }>{t().send_again}</button>
                    </div>
                }
                .into_any(),
            ),
            Ok(_) => None,
            Err(e) => Some(view! { <ErrorView error=e/> }.into_any()),
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked() {
            return;
        }
        let r = room.get_untracked();
        match forms::check_new_owner(&new_owner.get_untracked(), &r.owner) {
            Ok(u) => {
                problem.set(None);
                check.value().set(None);
                let call = TransferRoom {
                    id: r.id,
                    new_owner: u,
                };
                sent.set_value(Some(call.clone()));
                send.dispatch_local(call);
            }
            Err(p) => problem.set(Some(p)),
        }
    };
    let pending = send.pending();
    view! {
        <Dialog open id="transfer-dialog" title=t().transfer_title.to_string()>
            <p>{move || t().current_owner(&room.with(|r| r.owner.clone()))}</p>
            <form on:submit=submit novalidate>
                <FormField id="new-owner" label=t().new_owner value=new_owner list="member-options"
                    hint=t().new_owner_hint error=Signal::derive(error_for(problem, Field::NewOwner))/>
                <datalist id="member-options">
                    <For each=move || suggestions.get() key=|u| u.clone() let:u>
                        <option value=u></option>
                    </For>
                </datalist>
                {general_error(problem)}
                {recovery}
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || pending.get()>{t().transfer}</button>
                    <button type="button" on:click=move |_| open.set(false)>{t().cancel}</button>
                </div>
            </form>
        </Dialog>
    }
}

#[component]
fn DissolveDialog(open: RwSignal<bool>, room: Signal<ChatroomDetail>) -> impl IntoView {
    let session = use_session();
    let data = crate::data::use_data();
    let notices = use_notices();
    let navigate = use_navigate();
    let typed = RwSignal::new(String::new());
    let send = Action::new_local(move |call: &DissolveRoom| {
        let call = call.clone();
        async move { session.call(call).await }
    });
    // Each opening starts clean: no error or result left from the last time.
    Effect::new(move |_| {
        if open.get() {
            send.value().set(None);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(done)) = send.value().get() {
            notices.show(t().dissolved(&room.get_untracked().name, &done.id));
            open.set(false);
            data.rooms_changed(&[room.get_untracked().id]);
            navigate("/rooms", NavigateOptions::default());
        }
    });
    let confirmed = Memo::new(move |_| room.with(|r| forms::dissolve_confirmed(&typed.get(), r)));
    let pending = send.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if confirmed.get_untracked() && !send.pending().get_untracked() {
            send.dispatch_local(DissolveRoom {
                id: room.get_untracked().id,
            });
        }
    };
    view! {
        <Dialog open id="dissolve-dialog" title=t().dissolve_title.to_string()>
            <dl class="fields">
                <dt>{t().field_name}</dt><dd>{move || room.with(|r| r.name.clone())}</dd>
                <dt>{t().col_id}</dt><dd><code translate="no">{move || room.with(|r| r.id.clone())}</code></dd>
                <dt>{t().col_members}</dt><dd>{move || room.with(|r| r.affiliations_count)}</dd>
            </dl>
            <p class="warning">{t().dissolve_warning}</p>
            <form on:submit=submit>
                <div class="field">
                    <label for="dissolve-confirm">{t().dissolve_confirm}</label>
                    <input id="dissolve-confirm" bind:value=typed autocomplete="off"/>
                </div>
                {move || send.value().get().and_then(Result::err).map(|e| view! { <ErrorView error=e/> })}
                <div class="actions">
                    <button type="submit" class="danger" disabled=move || !confirmed.get() || pending.get()>{t().dissolve}</button>
                    <button type="button" on:click=move |_| open.set(false)>{t().cancel}</button>
                </div>
            </form>
        </Dialog>
    }
}

/// The form both member dialogs share: pasted usernames, each checked before anything is sent,
/// then handed to `on_names`. A second submit while `pending` does nothing.
#[component]
fn UsernamesForm(
    open: RwSignal<bool>,
    id: &'static str,
    hint: &'static str,
    draft: RwSignal<String>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] submit_label: Signal<&'static str>,
    submit_class: &'static str,
    on_names: Callback<Vec<String>>,
) -> impl IntoView {
    let problem = RwSignal::new(None::<FieldError>);
    Effect::new(move |_| {
        if open.get() {
            problem.set(None);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        match forms::usernames(&draft.get_untracked()) {
            Ok(names) => {
                problem.set(None);
                on_names.run(names);
            }
            Err(p) => problem.set(Some(p)),
        }
    };
    let listed = move || split_list(&draft.get()).len();
    view! {
        <form on:submit=submit novalidate>
            <FormField id=id label=t().usernames_label value=draft multiline=true
                hint=hint error=Signal::derive(error_for(problem, Field::Usernames))/>
            <p class="summary">{move || t().users_listed(listed())}</p>
            {general_error(problem)}
            <div class="actions">
                <button type="submit" class=submit_class disabled=move || pending.get()>
                    {move || submit_label.get()}
                </button>
                <button type="button" on:click=move |_| open.set(false)>{t().close}</button>
            </div>
        </form>
    }
}

#[component]
fn AddMembersDialog(open: RwSignal<bool>, room_id: Signal<String>) -> impl IntoView {
    let session = use_session();
    let data = crate::data::use_data();
    let notices = use_notices();
    let draft = RwSignal::new(String::new());
    let added = RwSignal::new(0usize);
    let work: Work = Rc::new(move |batch: String| {
        let id = room_id.try_get_untracked().unwrap_or_default();
        let names: Vec<String> = batch.lines().map(str::to_string).collect();
        Box::pin(async move {
            let asked = names.len();
            let done = session
                .call(AddMembers {
                    id,
                    usernames: names,
                })
                .await?;
            added.update(|n| *n += done.newmembers.len());
            Ok(t().batch_added(asked, done.newmembers.len()))
        })
    });
    // One item per request of at most 60 users.
    let bulk = Bulk::new(work);
    // Each opening starts clean: no result left from the last time.
    Effect::new(move |_| {
        if open.get() {
            bulk.clear();
        }
    });
    Effect::new(move |previous: Option<u32>| {
        let runs = bulk.finished.get();
        if previous.is_some_and(|p| p != runs) {
            let n = added.get_untracked();
            if n > 0 {
                notices.show(t().added(n));
                data.rooms_changed(&[room_id.get_untracked()]);
            }
            if bulk.failed() == 0 {
                draft.set(String::new());
            }
        }
        runs
    });
    let start = Callback::new(move |names: Vec<String>| {
        added.set(0);
        let items = names
            .chunks(ADD_MEMBERS_MAX)
            .map(|c| (c.join("\n"), t().batch_of(&c[0], c.len())))
            .collect();
        bulk.start(items);
    });
    let pending = bulk.running;
    view! {
        <Dialog open id="add-dialog" title=t().add_members_title.to_string()>
            <UsernamesForm open id="add-usernames" hint=t().add_members_hint draft pending
                submit_label=Signal::derive(move || if pending.get() { t().adding } else { t().add_members })
                submit_class="primary" on_names=start/>
            <BulkProgress bulk item_heading=t().user testid="add-results"/>
        </Dialog>
    }
}

#[component]
fn RemoveMembersDialog(open: RwSignal<bool>, room_id: Signal<String>) -> impl IntoView {
    let session = use_session();
    let data = crate::data::use_data();
    let notices = use_notices();
    let draft = RwSignal::new(String::new());
    // A result for every user: the server's per-user answer, or, when a whole request of 60
    // failed, that failure described for each of its users.
    let send = Action::new_local(move |names: &Vec<String>| {
        let (names, id) = (names.clone(), room_id.get_untracked());
        async move {
            let mut rows: Vec<(String, Result<(), String>)> = Vec::new();
            for chunk in names.chunks(REMOVE_MEMBERS_MAX) {
                let call = RemoveMembers {
                    id: id.clone(),
                    usernames: chunk.to_vec(),
                };
                match session.call(call).await {
                    Ok(results) => rows.extend(results.into_iter().map(|r| {
                        let outcome = if r.result {
                            Ok(())
                        } else {
                            Err(r.reason.unwrap_or_default())
                        };
                        (r.user, outcome)
                    })),
                    Err(e) => {
                        let why = describe(&e).one_line();
                        rows.extend(chunk.iter().map(|u| (u.clone(), Err(why.clone()))));
                    }
                }
            }
            rows
        }
    });
    // Each opening starts clean: no result left from the last time.
    Effect::new(move |_| {
        if open.get() {
            send.value().set(None);
        }
    });
    Effect::new(move |_| {
        if let Some(results) = send.value().get() {
            let removed = results.iter().filter(|(_, r)| r.is_ok()).count();
            if removed > 0 {
                notices.show(t().removed(removed));
                data.rooms_changed(&[room_id.get_untracked()]);
            }
        }
    });
    let pending = send.pending();
    view! {
        <Dialog open id="remove-dialog" title=t().remove_members_title.to_string()>
            <UsernamesForm open id="remove-usernames" hint=t().remove_members_hint draft pending
                submit_label=Signal::derive(|| t().remove_members)
                submit_class="danger" on_names=Callback::new(move |names| { send.dispatch_local(names); })/>
            {move || send.value().get().map(|results| view! { <RemovalResults results/> })}
        </Dialog>
    }
}

#[component]
fn RemovalResults(results: Vec<(String, Result<(), String>)>) -> impl IntoView {
    view! {
        <div class="table-scroll">
        <table class="results" data-testid="remove-results">
            <thead><tr><th scope="col">{t().user}</th><th scope="col">{t().result}</th></tr></thead>
            <tbody>
                {results.into_iter().map(|(user, r)| {
                    let (class, words) = match r {
                        Ok(()) => ("ok", t().removed.to_string()),
                        Err(why) => ("failed", t().failed_because(&why)),
                    };
                    view! { <tr class=class><td translate="no">{user}</td><td>{words}</td></tr> }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

#[component]
fn LeaveDialog(open: RwSignal<bool>, room_id: Signal<String>) -> impl IntoView {
    let session = use_session();
    let data = crate::data::use_data();
    let notices = use_notices();
    let user = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<FieldError>);
    let send = Action::new_local(move |u: &String| {
        let call = RemoveMember {
            id: room_id.get_untracked(),
            username: u.clone(),
        };
        async move { session.call(call).await }
    });
    // Each opening starts clean: no error or result left from the last time.
    Effect::new(move |_| {
        if open.get() {
            problem.set(None);
            send.value().set(None);
        }
    });
    Effect::new(move |_| match send.value().get() {
        Some(Ok(r)) => {
            notices.show(t().left(&r.user));
            open.set(false);
            user.set(String::new());
            data.rooms_changed(&[room_id.get_untracked()]);
        }
        Some(Err(e)) => problem.set(Some(FieldError {
            field: Some(Field::Username),
            message: FieldError::from_api(&e, "").message,
        })),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked() {
            return;
        }
        let u = user.get_untracked().trim().to_string();
        match easemob_api::limits::check_username(Field::Username, &u) {
            Ok(()) => {
                problem.set(None);
                send.dispatch_local(u);
            }
            Err(i) => problem.set(Some(i.into())),
        }
    };
    let pending = send.pending();
    view! {
        <Dialog open id="leave-dialog" title=t().member_leaves_title.to_string()>
            <p>{t().member_leaves_hint}</p>
            <form on:submit=submit novalidate>
                <FormField id="leave-username" label=t().user value=user
                    error=Signal::derive(error_for(problem, Field::Username))/>
                <div class="actions">
                    <button type="submit" class="danger" disabled=move || pending.get()>{t().member_leaves}</button>
                    <button type="button" on:click=move |_| open.set(false)>{t().cancel}</button>
                </div>
            </form>
        </Dialog>
    }
}
