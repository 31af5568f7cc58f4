//! The bar at the top: which app, when its token expires, where to go.

use crate::session::{expires_in, use_session};
use crate::text;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

#[component]
pub fn Nav() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let user_query = RwSignal::new(String::new());
    let go_user = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let u = user_query.get_untracked().trim().to_string();
            if !u.is_empty() {
                navigate(&crate::url::user_rooms(&u), NavigateOptions::default());
            }
        }
    };
    let disconnect = move |_| {
        session.disconnect();
        navigate("/connect", NavigateOptions::default());
    };
    let expiry = move || {
        session.info.with(|i| {
            i.as_ref().map(|i| match i.expires_at_ms {
                Some(at) => format!(
                    "{} {}",
                    text::TOKEN_EXPIRES,
                    expires_in(session.now_ms.get(), at)
                ),
                None => text::TOKEN_NO_EXPIRY.to_string(),
            })
        })
    };
    view! {
        <a class="skip" href="#main">{text::SKIP_TO_CONTENT}</a>
        <header class="topbar">
            <a class="brand" href="/">{text::APP_TITLE}</a>
            <Show when=move || session.is_connected()>
                <nav aria-label=text::NAV_LABEL>
                    <a href="/rooms">{text::NAV_ROOMS}</a>
                    <a href="/open">{text::NAV_OPEN_MANY}</a>
                </nav>
                <form class="user-lookup" role="search" on:submit=go_user.clone()>
                    <label for="user-lookup">{text::USER_LOOKUP_LABEL}</label>
                    <input id="user-lookup" type="search" placeholder=text::USERNAME_PLACEHOLDER
                        bind:value=user_query/>
                    <button type="submit">{text::USER_LOOKUP_GO}</button>
                </form>
            </Show>
            <div class="conn">
                {move || match session.info.get() {
                    Some(i) => view! {
                        <span class="app-key" title=i.host.clone()>{i.app_key()}</span>
                        <span class="expiry" data-testid="token-expiry">{expiry}</span>
                        <a href="/connect">{text::SWITCH_APP}</a>
                        <button type="button" class="link" on:click=disconnect.clone()>{text::DISCONNECT}</button>
                    }.into_any(),
                    None => view! { <a href="/connect">{text::CONNECT}</a> }.into_any(),
                }}
            </div>
        </header>
    }
}
