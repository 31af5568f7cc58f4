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

/// What the create dialog holds, kept above the views: whether it is open, what was typed, a
/// create under way, and a create whose answer was lost and is not settled. A language switch
/// or a visit to another page keeps them; in particular a create under way is never offered
/// again while it is.
#[derive(Clone, Copy)]
pub struct CreateState {
    pub open: RwSignal<bool>,
    name: RwSignal<String>,
    description: RwSignal<String>,
    maxusers: RwSignal<String>,
    owner: RwSignal<String>,
    members: RwSignal<String>,
    custom: RwSignal<String>,
    sending: RwSignal<bool>,
    looking: RwSignal<bool>,
    unsettled: RwSignal<Option<(CreateRoom, Verdict<String>)>>,
}

pub fn use_create() -> CreateState {
    let session = crate::session::use_session();
    crate::components::kept::kept_above("create", || {
        let st = new_create_state();
        // Another app: a create of the app left is not this app's to look for.
        session.on_app_change(move || {
            st.unsettled.set(None);
            st.open.set(false);
        });
        st
    })
}

fn new_create_state() -> CreateState {
    CreateState {
        open: RwSignal::new(false),
        name: RwSignal::new(String::new()),
        description: RwSignal::new(String::new()),
        maxusers: RwSignal::new("1000".to_string()),
        owner: RwSignal::new(String::new()),
        members: RwSignal::new(String::new()),
        custom: RwSignal::new(String::new()),
        sending: RwSignal::new(false),
        looking: RwSignal::new(false),
        unsettled: RwSignal::new(None),
    }
}

impl CreateState {
    /// Opens the dialog. A create found made after its answer was lost is over: its recovery
    /// goes, and so does what was typed for it (it was made). One whose outcome is still
    /// unknown stays, to be looked for again.
    pub fn open_fresh(&self) {
        if !self.sending.get_untracked()
            && self
                .unsettled
                .with_untracked(|u| matches!(u, Some((_, Verdict::Done { .. }))))
        {
            self.unsettled.set(None);
            for s in [
                self.name,
                self.description,
                self.owner,
                self.members,
                self.custom,
            ] {
                s.set(String::new());
            }
            self.maxusers.set("1000".into());
        }
        self.open.set(true);
    }
}

#[component]
pub fn CreateDialog() -> impl IntoView {
    let st = use_create();
    view! {
        <Dialog open=st.open id="create-dialog" title=t().create_title.to_string()>
            // What is typed here is kept above the views: it survives a language switch.
            <div data-kept="">
                <CreateForm st/>
            </div>
        </Dialog>
    }
}

/// Made each time the dialog opens: no error left from the last time (what was typed stays).
#[component]
fn CreateForm(st: CreateState) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let navigate = StoredValue::new_local(use_navigate());
    let CreateState {
        open,
        name,
        description,
        maxusers,
        owner,
        members,
        custom,
        sending,
        looking,
        unsettled,
    } = st;
    let problem = RwSignal::new(None::<FieldError>);
    let draft = move || CreateDraft {
        name: name.get_untracked(),
        description: description.get_untracked(),
        maxusers: maxusers.get_untracked(),
        owner: owner.get_untracked(),
        members: members.get_untracked(),
        custom: custom.get_untracked(),
    };
    // What a verdict leads to: the new room opened, the refusal shown at its field, or the
    // recovery below (not made: Send again; not known: Look again).
    let conclude = move |call: CreateRoom, verdict: Verdict<String>| {
        sending.set(false);
        looking.set(false);
        match &verdict {
            Verdict::Done {
                value: id,
                looked: false,
            } => {
                notices.show(t().created(&call.0.name, id));
                for s in [name, description, owner, members, custom] {
                    s.set(String::new());
                }
                maxusers.set("1000".into());
                open.set(false);
                unsettled.set(None);
                let _ = navigate
                    .try_with_value(|go| go(&crate::url::room(id), NavigateOptions::default()));
            }
            Verdict::Refused(e) => {
                problem.try_set(Some(FieldError::from_api(e, &call.0.owner)));
                unsettled.set(None);
            }
            _ => unsettled.set(Some((call, verdict))),
        }
    };
    // One click, one POST; a lost answer is looked for by the data layer, never sent again.
    let send = move |req: CreateChatroom| {
        if sending.get_untracked() {
            return;
        }
        problem.set(None);
        unsettled.set(None);
        sending.set(true);
        let call = CreateRoom(req);
        leptos::task::spawn_local(async move {
            let verdict = data.write_once(&call, || looking.set(true)).await;
            conclude(call, verdict);
        });
    };
    let look = move |call: CreateRoom, sent_at: u64, lost: ApiError| {
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        looking.set(true);
        leptos::task::spawn_local(async move {
            let verdict = data.look_again(&call, sent_at, lost).await;
            conclude(call, verdict);
        });
    };
    // The room typed is there already, or it may be: another Create could make a second one.
    // (Another room may be created meanwhile.)
    let found = move || {
        unsettled.with(|v| match v {
            Some((call, Verdict::Done { .. } | Verdict::Unknown { .. })) => {
                call.0.name == name.get().trim() && call.0.owner == owner.get().trim()
            }
            _ => false,
        })
    };
    let recovery = move || {
        if looking.get() {
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
                    <button type="button" on:click=move |_| look(call.clone(), sent_at_ms, lost.clone())>{t().look_again}</button>
                </div>
            }
            .into_any(),
            Verdict::Refused(_) => ().into_any(),
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // One click, one POST: a second click while the first is under way does nothing.
        if sending.get_untracked() {
            return;
        }
        match draft().build() {
            Ok(req) => send(req),
            Err(p) => problem.set(Some(p)),
        }
    };
    let pending = Signal::derive(move || sending.get() && !looking.get());
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
                    <button type="submit" class="primary" disabled=move || sending.get() || found() aria-busy=move || pending.get().to_string()>
                        {move || if pending.get() { t().creating } else { t().create }}
                    </button>
                    <button type="button" on:click=move |_| open.set(false)>{t().cancel}</button>
                </div>
            </form>
    }
}
