use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// `/` goes to the room list when connected, to the connect page when not.
#[component]
pub fn Home() -> impl IntoView {
    let session = use_session();
    move || {
        if session.is_connected() {
            view! { <Redirect path="/rooms"/> }
        } else {
            view! { <Redirect path="/connect"/> }
        }
    }
}
