//! Create a chatroom: every limit is checked before sending, a server refusal is shown at the
//! field it is about, and the new room opens.

use crate::components::dialog::Dialog;
use crate::components::error::ErrorView;
use crate::components::field::{error_for, general_error, FormField};
use crate::components::notice::use_notices;
use crate::components::Loading;
use crate::forms::{CreateDraft, FieldError};
use crate::i18n::t;
use crate::session::use_session;
use easemob_api::endpoints::CreateRoom;
use easemob_api::limits::{split_list, Field};
use easemob_api::wire::CreateChatroom;
use easemob_api::{ApiError, ErrorKind};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// Members shown as removable chips; the rest are counted.
const MAX_CHIPS: usize = 50;

/// How much earlier than the browser's clock the server's may run: a room created this long
/// before the create was sent still counts as its room.
pub const CLOCK_SKEW_MS: u64 = 2 * 60 * 1000;

#[component]
pub fn CreateDialog(open: RwSignal<bool>) -> impl IntoView {
    let session = use_session();
    let data = crate::data::use_data();
    let notices = use_notices();
    let navigate = use_navigate();
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
    let create = Action::new_local(move |req: &CreateChatroom| {
        let req = req.clone();
        async move { session.call(CreateRoom(req)).await }
    });
    // The create last sent and when, for the check after a lost answer and for "Send again".
    let sent = StoredValue::new(None::<(CreateChatroom, u64)>);
    // A create is never sent twice by the client: when its answer is lost, look for a room of
    // that name and owner made since it was sent (less an allowance for the clocks).
    let check = Action::new_local(move |(req, sent_at): &(CreateChatroom, u64)| {
        let req = req.clone();
        let since = sent_at.saturating_sub(CLOCK_SKEW_MS);
        async move {
            let found = session
                .require_client()?
                .find_created_room(&req.name, &req.owner, since)
                .await?;
            Ok::<_, ApiError>((req, found))
        }
    });
    let send = move |req: CreateChatroom| {
        problem.set(None);
        check.value().set(None);
        sent.set_value(Some((req.clone(), js_sys::Date::now() as u64)));
        create.dispatch_local(req);
    };
    // Each opening starts clean: no error left from the last time (the typed form stays).
    Effect::new(move |_| {
        if open.get() {
            problem.set(None);
            create.value().set(None);
            check.value().set(None);
        }
    });
    Effect::new(move |_| match create.value().get() {
        Some(Ok(id)) => {
            notices.show(t().created(&name.get_untracked(), &id));
            for s in [name, description, owner, members, custom] {
                s.set(String::new());
            }
            maxusers.set("1000".into());
            open.set(false);
            data.room_created(&id);
            navigate(&crate::url::room(&id), NavigateOptions::default());
        }
        Some(Err(e)) if matches!(e.kind, ErrorKind::OutcomeUnknown { .. }) => {
            if let Some(sent) = sent.get_value() {
                check.dispatch_local(sent);
            }
        }
        Some(Err(e)) => problem.set(Some(FieldError::from_api(&e, &owner.get_untracked()))),
        None => {}
    });
    Effect::new(move |_| {
        if let Some(Ok((_, Some(room)))) = check.value().get() {
            data.room_created(&room.id);
        }
    });
    // The room is there already, or it may be: another Create could make a second one.
    let found = move || {
        check
            .value()
            .with(|v| matches!(v, Some(Ok((_, Some(_)))) | Some(Err(_))))
    };
    let recovery = move || {
        if check.pending().get() {
            return Some(view! { <Loading what=t().checking_create/> }.into_any());
        }
        check.value().get().map(|r| match r {
            Ok((req, Some(room))) => view! {
                <div class="recovery ok" role="status" data-testid="create-recovery">
                    <p>{t().outcome_unknown_explained}</p>
                    <p><strong>{t().was_created(&req.name)}</strong>" "
                        <a href=crate::url::link(&crate::url::room(&room.id))>{t().open_room}</a></p>
                </div>
            }
            .into_any(),
            Ok((req, None)) => view! {
                <div class="recovery" role="alert" data-testid="create-recovery">
                    <p>{t().outcome_unknown_explained}</p>
                    <p><strong>{t().was_not_created}</strong></p>
                    <button type="button" class="primary" on:click=move |_| send(req.clone())>{t().send_again}</button>
                </div>
            }
            .into_any(),
            // Looking failed too: the room may exist. Say so, and offer to look again.
            Err(e) => view! {
                <div class="recovery" data-testid="create-recovery">
                    <p>{t().outcome_unknown_explained}</p>
                    <ErrorView error=e/>
                    <button type="button" on:click=move |_| {
                        if let Some(sent) = sent.get_value() {
                            check.dispatch_local(sent);
                        }
                    }>{t().look_again}</button>
                </div>
            }
            .into_any(),
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
                    <button type="submit" class="primary" disabled=move || pending.get() || check.pending().get() || found() aria-busy=move || pending.get().to_string()>
                        {move || if pending.get() { t().creating } else { t().create }}
                    </button>
                    <button type="button" on:click=move |_| open.set(false)>{t().cancel}</button>
                </div>
            </form>
        </Dialog>
    }
}
