//! What can be done to the room itself: edit, transfer, dissolve. Each is a dialog that sends
//! one request per click, keeps what was typed when the request fails, and reloads the room
//! when it succeeds. The toolbar also opens the member dialogs (`members`).

use super::members::{AddMembersDialog, LeaveDialog, RemoveMembersDialog};
use crate::components::bulk::BulkRuns;
use crate::components::dialog::Dialog;
use crate::components::error::{action_failure, ErrorView};
use crate::components::field::{error_for, general_error, FormField};
use crate::components::kept::name_for;
use crate::components::notice::use_notices;
use crate::components::Loading;
use crate::forms::{self, FieldError};
use crate::i18n::t;
use easemob_api::endpoints::{DissolveRoom, ModifyRoom, TransferRoom};
use easemob_api::limits::Field;
use easemob_api::wire::ChatroomDetail;
use easemob_api::{ApiError, Verdict};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

#[component]
pub fn RoomActions(room: Signal<ChatroomDetail>) -> impl IntoView {
    let room_id = Signal::derive(move || room.with(|r| r.id.clone()));
    let runs = BulkRuns::here();
    let edit = RwSignal::new(false);
    let transfer = RwSignal::new(false);
    let dissolve = RwSignal::new(false);
    let remove = RwSignal::new(false);
    let leave = RwSignal::new(false);
    view! {
        <div class="room-actions" role="toolbar" aria-label=t().room_actions>
            <button type="button" on:click=move |_| edit.set(true)>{t().edit}</button>
            <button type="button" on:click=move |_| transfer.set(true)>{t().transfer}</button>
            <button type="button" on:click=move |_| {
                let id = room_id.get_untracked();
                runs.run(name_for("add-members", &id)).open_with(vec![(id, String::new())]);
            }>{t().add_members}</button>
            <button type="button" on:click=move |_| remove.set(true)>{t().remove_members}</button>
            <button type="button" on:click=move |_| leave.set(true)>{t().member_leaves}</button>
            <button type="button" class="danger" on:click=move |_| dissolve.set(true)>{t().dissolve}</button>
        </div>
        <EditDialog open=edit room/>
        <TransferDialog open=transfer room/>
        <AddMembersDialog room_id/>
        <RemoveMembersDialog open=remove room_id/>
        <LeaveDialog open=leave room_id/>
        <DissolveDialog open=dissolve room/>
    }
}

#[component]
fn EditDialog(open: RwSignal<bool>, room: Signal<ChatroomDetail>) -> impl IntoView {
    view! {
        <Dialog open id="edit-dialog" title=t().edit_title.to_string()>
            <EditForm open room/>
        </Dialog>
    }
}

/// Made each time the dialog opens: pre-filled from the room as it is then.
#[component]
fn EditForm(open: RwSignal<bool>, room: Signal<ChatroomDetail>) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let r = room.get_untracked();
    let name = RwSignal::new(r.name);
    let description = RwSignal::new(r.description);
    let maxusers = RwSignal::new(r.maxusers.to_string());
    let problem = RwSignal::new(None::<FieldError>);
    let save = Action::new_local(move |call: &ModifyRoom| {
        let (call, owner) = (call.clone(), room.get_untracked().owner);
        async move {
            match data.write(call).await {
                Ok(done) => {
                    notices.show(t().changed(&forms::changed_fields(&done)));
                    open.try_set(false);
                }
                Err(e) => {
                    problem.try_set(Some(FieldError::from_api(&e, &owner)));
                }
            }
        }
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
    }
}

/// Names offered at once in the transfer picker.
pub const SUGGESTIONS: usize = 20;

#[component]
fn TransferDialog(open: RwSignal<bool>, room: Signal<ChatroomDetail>) -> impl IntoView {
    view! {
        <Dialog open id="transfer-dialog" title=t().transfer_title.to_string()>
            <TransferForm open room/>
        </Dialog>
    }
}

/// Made each time the dialog opens: no error or result left from the last time.
#[component]
fn TransferForm(open: RwSignal<bool>, room: Signal<ChatroomDetail>) -> impl IntoView {
    let data = crate::data::use_data();
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
    // A transfer whose answer was lost and is not settled: not made (Send again), or not
    // known (Look again).
    let unsettled = RwSignal::new(None::<(TransferRoom, Verdict<bool>)>);
    let looking = RwSignal::new(false);
    let conclude = move |call: TransferRoom, verdict: Verdict<bool>| {
        looking.try_set(false);
        match &verdict {
            Verdict::Done { .. } => {
                notices.show(t().transferred(&call.new_owner));
                new_owner.try_set(String::new());
                open.try_set(false);
                unsettled.try_set(None);
            }
            Verdict::Refused(e) => {
                // Every refusal of a transfer is about the new owner.
                let mut p = FieldError::from_api(e, "");
                if p.field.is_some() {
                    p.field = Some(Field::NewOwner);
                }
                problem.try_set(Some(p));
                unsettled.try_set(None);
            }
            _ => {
                unsettled.try_set(Some((call, verdict)));
            }
        }
    };
    // Never sent twice: a lost answer is settled by looking at the room's owner.
    let send = Action::new_local(move |call: &TransferRoom| {
        let call = call.clone();
        async move {
            let verdict = data.write_once(&call, || looking.set(true)).await;
            conclude(call, verdict);
        }
    });
    let look = Action::new_local(
        move |(call, sent_at, lost): &(TransferRoom, u64, ApiError)| {
            let (call, sent_at, lost) = (call.clone(), *sent_at, lost.clone());
            async move {
                let verdict = data.look_again(&call, sent_at, lost).await;
                conclude(call, verdict);
            }
        },
    );
    let recovery = move || {
        if looking.get() || look.pending().get() {
            return Some(view! { <Loading what=t().checking_transfer/> }.into_any());
        }
        unsettled.get().and_then(|(call, verdict)| match verdict {
            Verdict::NotDone { .. } => Some(
                view! {
                    <div class="recovery" role="alert" data-testid="transfer-recovery">
                        <p>{t().outcome_unknown_explained}</p>
                        <p><strong>{t().was_not_transferred(&room.get_untracked().owner)}</strong></p>
                        <button type="button" class="primary" on:click=move |_| {
                            unsettled.set(None);
                            send.dispatch_local(call.clone());
                        }>{t().send_again}</button>
                    </div>
                }
                .into_any(),
            ),
            Verdict::Unknown { lost, look: why, sent_at_ms } => Some(
                view! {
                    <div class="recovery" data-testid="transfer-recovery">
                        <p>{t().outcome_unknown_explained}</p>
                        <ErrorView error=why/>
                        <button type="button" on:click=move |_| {
                            look.dispatch_local((call.clone(), sent_at_ms, lost.clone()));
                        }>{t().look_again}</button>
                    </div>
                }
                .into_any(),
            ),
            Verdict::Done { .. } | Verdict::Refused(_) => None,
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
                unsettled.set(None);
                send.dispatch_local(TransferRoom {
                    id: r.id,
                    new_owner: u,
                });
            }
            Err(p) => problem.set(Some(p)),
        }
    };
    let pending = send.pending();
    view! {
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
    }
}

#[component]
fn DissolveDialog(open: RwSignal<bool>, room: Signal<ChatroomDetail>) -> impl IntoView {
    view! {
        <Dialog open id="dissolve-dialog" title=t().dissolve_title.to_string()>
            <DissolveForm open room/>
        </Dialog>
    }
}

/// Made each time the dialog opens: nothing typed, no error left from the last time.
#[component]
fn DissolveForm(open: RwSignal<bool>, room: Signal<ChatroomDetail>) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let navigate = StoredValue::new_local(use_navigate());
    let typed = RwSignal::new(String::new());
    let send = Action::new_local(move |call: &DissolveRoom| {
        let (call, name) = (call.clone(), room.get_untracked().name);
        async move {
            let done = data.write(call).await?;
            notices.show(t().dissolved(&name, &done.id));
            let _ = navigate.try_with_value(|go| go("/rooms", NavigateOptions::default()));
            open.try_set(false);
            Ok::<_, ApiError>(())
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
                {action_failure(send)}
                <div class="actions">
                    <button type="submit" class="danger" disabled=move || !confirmed.get() || pending.get()>{t().dissolve}</button>
                    <button type="button" on:click=move |_| open.set(false)>{t().cancel}</button>
                </div>
            </form>
    }
}
