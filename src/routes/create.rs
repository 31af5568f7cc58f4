//! Create a chatroom: every limit is checked before sending, a server refusal is shown at the
//! field it is about, and the new room opens.

use crate::components::dialog::Dialog;
use crate::components::error::ErrorView;
use crate::components::field::{error_for, general_error, FormField};
use crate::components::notice::use_notices;
use crate::components::Loading;
use crate::forms::{CreateDraft, FieldError};
use crate::i18n::t;
use easemob_api::endpoints::CreateRoom;
use easemob_api::limits::{split_list, Field};
use easemob_api::wire::CreateChatroom;
use easemob_api::{ApiError, Verdict};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// Members shown as removable chips; the rest are counted.
const MAX_CHIPS: usize = 50;

#[component]
pub fn CreateDialog(open: RwSignal<bool>) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let navigate = StoredValue::new_local(use_navigate());
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let maxusers = RwSignal::new("1000".to_string());
    let owner = RwSignal::new(String::new());
    let members = RwSignal::new(String::new());
    let custom = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<FieldError>);
    let draft = move || CreateDraft {
        name: name.get_untracked(),
        description: description.get_untracked(),
        maxusers: maxusers.get_untracked(),
        owner: owner.get_untracked(),
        members: members.get_untracked(),
        custom: custom.get_untracked(),
    };
    // The create last sent, and what became of it when that is still open: its answer was
    // lost and looking found it was not made (Send again), or looking failed (Look again).
    let unsettled = RwSignal::new(None::<(CreateRoom, Verdict<String>)>);
    let looking = RwSignal::new(false);
    // What a verdict leads to: the new room opened, the refusal shown at its field, or the
    // recovery below.
    let conclude = move |call: CreateRoom, verdict: Verdict<String>| {
        looking.try_set(false);
        match &verdict {
            Verdict::Done {
                value: id,
                looked: false,
            } => {
                notices.show(t().created(&call.0.name, id));
                for s in [name, description, owner, members, custom] {
                    s.try_set(String::new());
                }
                maxusers.try_set("1000".into());
                open.try_set(false);
                navigate.with_value(|go| go(&crate::url::room(id), NavigateOptions::default()));
                unsettled.try_set(None);
            }
            Verdict::Refused(e) => {
                problem.try_set(Some(FieldError::from_api(e, &call.0.owner)));
                unsettled.try_set(None);
            }
            _ => {
                unsettled.try_set(Some((call, verdict)));
            }
        }
    };
    // One click, one POST; a lost answer is looked for by the data layer, never sent again.
    let create = Action::new_local(move |call: &CreateRoom| {
        let call = call.clone();
        async move {
            let verdict = data.write_once(&call, || looking.set(true)).await;
            conclude(call, verdict);
        }
    });
    let look = Action::new_local(move |(call, sent_at, lost): &(CreateRoom, u64, ApiError)| {
        let (call, sent_at, lost) = (call.clone(), *sent_at, lost.clone());
        async move {
            let verdict = data.look_again(&call, sent_at, lost).await;
            conclude(call, verdict);
        }
    });
    let send = move |req: CreateChatroom| {
        problem.set(None);
        unsettled.set(None);
        create.dispatch_local(CreateRoom(req));
    };
    // Each opening starts clean: no error left from the last time (the typed form stays).
    Effect::new(move |_| {
        if open.get() {
            problem.set(None);
            unsettled.set(None);
        }
    });
    // The room is there already, or it may be: another Create could make a second one.
    let found = move || {
        unsettled.with(|v| {
            matches!(
                v,
                Some((_, Verdict::Done { .. })) | Some((_, Verdict::Unknown { .. }))
            )
        })
    };
    let recovery = move || {
        if looking.get() || look.pending().get() {
            return Some(view! { <Loading what=t().checking_create/> }.into_any());
        }
        unsettled.get().map(|(call, verdict)| match verdict {
            Verdict::Done { value: id, .. } => view! {
                <div class="recovery ok" role="status" data-testid="create-recovery">
                    <p>{t().outcome_unknown_explained}</p>
                    <p><strong>{t().was_created(&call.0.name)}</strong>" "
                        <a href=crate::url::link(&crate::url::room(&id))>{t().open_room}</a></p>
                </div>
            }
            .into_any(),
            Verdict::NotDone { .. } => view! {
                <div class="recovery" role="alert" data-testid="create-recovery">
                    <p>{t().outcome_unknown_explained}</p>
                    <p><strong>{t().was_not_created}</strong></p>
                    <button type="button" class="primary" on:click=move |_| send(call.0.clone())>{t().send_again}</button>
                </div>
            }
            .into_any(),
            // Looking failed too: the room may exist. Say so, and offer to look again.
            Verdict::Unknown { lost, look: why, sent_at_ms } => view! {
                <div class="recovery" data-testid="create-recovery">
                    <p>{t().outcome_unknown_explained}</p>
                    <ErrorView error=why/>
                    <button type="button" on:click=move |_| {
                        look.dispatch_local((call.clone(), sent_at_ms, lost.clone()));
                    }>{t().look_again}</button>
                </div>
            }
            .into_any(),
            Verdict::Refused(_) => ().into_any(),
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // One click, one POST: a second click while the first is under way does nothing.
        if create.pending().get_untracked() {
            return;
        }
        match draft().build() {
            Ok(req) => send(req),
            Err(p) => problem.set(Some(p)),
        }
    };
    let pending = create.pending();
    let pending = Signal::derive(move || pending.get() && !looking.get());
    // A chip for each of the first names only: a paste of thousands stays quick to show.
    let listed = Memo::new(move |_| split_list(&members.get()));
    let chips = move || listed.with(|l| l.iter().take(MAX_CHIPS).cloned().collect::<Vec<_>>());
    let more = move || listed.with(|l| l.len().saturating_sub(MAX_CHIPS));
    let remove_chip = move |name: String| {
        let rest: Vec<String> = split_list(&members.get_untracked())
            .into_iter()
            .filter(|m| *m != name)
            .collect();
        members.set(rest.join("\n"));
    };
    view! {
        <Dialog open id="create-dialog" title=t().create_title.to_string()>
            <form on:submit=submit novalidate>
                <FormField id="create-name" label=t().field_name value=name error=Signal::derive(error_for(problem, Field::Name))/>
                <FormField id="create-description" label=t().field_description value=description multiline=true
                    error=Signal::derive(error_for(problem, Field::Description))/>
                <div class="row">
                    <FormField id="create-owner" label=t().field_owner value=owner error=Signal::derive(error_for(problem, Field::Owner))/>
                    <FormField id="create-maxusers" label=t().field_maxusers value=maxusers kind="number"
                        error=Signal::derive(error_for(problem, Field::MaxUsers))/>
                </div>
                <FormField id="create-members" label=t().field_members value=members multiline=true hint=t().members_hint
                    error=Signal::derive(error_for(problem, Field::Members))/>
                <Show when=move || { more() > 0 }>
                    <p class="hint">{move || t().more_members(more())}</p>
                </Show>
                <ul class="chips" aria-label=t().member_chips>
                    <For each=chips key=|m| m.clone() let:m>
                        <li class="chip">
                            <span translate="no">{m.clone()}</span>
                            <button type="button" class="link" aria-label=t().remove_chip(&m)
                                on:click={
                                    let m = m.clone();
                                    move |_| remove_chip(m.clone())
                                }>"×"</button>
                        </li>
                    </For>
                </ul>
                <FormField id="create-custom" label=t().field_custom value=custom multiline=true hint=t().custom_hint
                    error=Signal::derive(error_for(problem, Field::Custom))/>
                {general_error(problem)}
                {recovery}
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || create.pending().get() || look.pending().get() || found() aria-busy=move || pending.get().to_string()>
                        {move || if pending.get() { t().creating } else { t().create }}
                    </button>
                    <button type="button" on:click=move |_| open.set(false)>{t().cancel}</button>
                </div>
            </form>
        </Dialog>
    }
}
