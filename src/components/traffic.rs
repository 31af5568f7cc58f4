//! What the client's traffic policy shows a person: that a call is waiting (for the rate limit,
//! or to be sent again), and the question "the pasted token was refused: paste a new one".

use crate::components::dialog::Dialog;
use crate::i18n::t;
use crate::session::use_session;
use leptos::prelude::*;

/// "Waiting for the rate limit…", while the client waits; nothing otherwise.
#[component]
pub fn WaitingStatus() -> impl IntoView {
    // Without a session (a dialog mounted on its own) there is nothing to wait for.
    let session = use_context::<crate::session::Session>();
    view! {
        <p class="waiting" role="status" aria-live="polite" data-testid="waiting">
            {move || session.and_then(|s| s.waiting.get())}
        </p>
    }
}

/// Asks for a new token when the pasted one is refused. The page and any open form stay as
/// they were; the refused call goes on with the new token, or fails if the person gives up.
#[component]
pub fn TokenPrompt() -> impl IntoView {
    let session = use_session();
    let open = session.token_wanted;
    let token = RwSignal::new(String::new());
    // Closed any other way (Esc, the close button): the person gave up. (After an answer
    // there is no request left to give up.)
    let dismissed = Callback::new(move |_| session.answer_token_request(None));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = token.get_untracked().trim().to_string();
        if !t.is_empty() {
            token.set(String::new());
            session.answer_token_request(Some(t));
        }
    };
    view! {
        <Dialog open id="token-dialog" title=t().token_refused_title.to_string() on_close=dismissed>
            <p>{t().token_refused_lead}</p>
            <form on:submit=submit>
                <div class="field">
                    <label for="new-token">{t().new_token_label}</label>
                    <input id="new-token" type="password" bind:value=token autocomplete="off"/>
                </div>
                <div class="actions">
                    <button type="submit" class="primary">{t().use_token}</button>
                    <button type="button" on:click=move |_| session.answer_token_request(None)>{t().give_up}</button>
                </div>
            </form>
        </Dialog>
    }
}
