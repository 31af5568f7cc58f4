//! Pieces shared by several pages.

pub mod bulk;
pub mod chart;
pub mod copy;
pub mod dialog;
pub mod error;
pub mod field;
pub mod kept;
pub mod nav;
pub mod notice;
pub mod prefs;
pub mod room_list;
pub mod shortcuts;
pub mod time;
pub mod traffic;
pub mod users;
pub mod virtual_rows;

use crate::i18n::t;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Shows its children only when connected; otherwise a link to the connect page that comes
/// back here afterwards.
#[component]
pub fn RequireConnection(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let next = move || {
        // The path within the dashboard: navigation adds the deployment's base itself.
        let full = location.pathname.get();
        let base = crate::url::base();
        let path = full
            .strip_prefix(base.as_str())
            .unwrap_or(&full)
            .to_string();
        let search = location.search.get();
        let here = if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        };
        crate::url::href("/connect", &[("next", here)])
    };
    view! {
        <Show
            when=move || session.is_connected()
            fallback=move || view! {
                <section class="panel">
                    <h1>{t().not_connected_title}</h1>
                    <p>{t().not_connected_hint}</p>
                    <a class="button primary" href=move || crate::url::link(&next())>{t().go_connect}</a>
                </section>
            }
        >
            {children()}
        </Show>
    }
}

/// "Loading…" for screen readers and eyes, while a request is under way.
#[component]
pub fn Loading(#[prop(into)] what: String) -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {what}
        </p>
    }
}
