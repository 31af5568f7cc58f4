//! The bar at the top: which app, when its token expires, where to go.

use crate::i18n::t;
use crate::session::{expires_in, use_session};
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
                Some(at) => expires_in(session.now_ms.get(), at),
                None => t().token_no_expiry.to_string(),
            })
        })
    };
    view! {
        // Not a plain "#main": under a `<base href>` that would be a link to the base's page.
        <a class="skip" href="#main" on:click=|ev| {
            ev.prevent_default();
            if let Some(main) = document().get_element_by_id("main") {
                if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                    let _ = main.focus();
                }
            }
        }>{t().skip_to_content}</a>
        <header class="topbar">
            <a class="brand" href=crate::url::link("/")>{t().app_title}</a>
            <Show when=move || session.is_connected()>
                <nav aria-label=t().nav_label>
                    <a href=crate::url::link("/overview")>{crate::i18n::overview::ow().nav()}</a>
                    <a href=crate::url::link("/rooms")>{t().nav_rooms}</a>
                    <a href=crate::url::link("/open")>{t().nav_open_many}</a>
                    <a href=crate::url::link("/super-admins")>{t().super_admins_title}</a>
                    <a href=crate::url::link("/messages")>{crate::i18n::messages::mw().nav()}</a>
                    <a href=crate::url::link("/users")>{crate::i18n::messages::mw().nav_users()}</a>
                    <a href=crate::url::link("/journal")>{crate::i18n::journal::jw().nav}</a>
                    <a href=crate::url::link("/log")>{t().nav_log}</a>
                </nav>
                <form class="user-lookup" role="search" on:submit=go_user.clone()>
                    <label for="user-lookup">{t().user_lookup_label}</label>
                    <input id="user-lookup" type="search" placeholder=t().username_placeholder
                        bind:value=user_query/>
                    <button type="submit">{t().user_lookup_go}</button>
                </form>
            </Show>
            <crate::components::prefs::PrefsControls/>
            <div class="conn">
                {move || match session.info.get() {
                    Some(i) => view! {
                        <span class="app-key" title=i.host.clone() translate="no">{i.app_key()}</span>
                        <span class="expiry" data-testid="token-expiry">{expiry}</span>
                        <a href=crate::url::link("/connect")>{t().switch_app}</a>
                        <button type="button" class="link" on:click=disconnect.clone()>{t().disconnect}</button>
                    }.into_any(),
                    None => view! { <a href=crate::url::link("/connect")>{t().connect}</a> }.into_any(),
                }}
            </div>
        </header>
    }
}
