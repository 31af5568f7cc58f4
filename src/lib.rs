//! chatroom-admin: the dashboard. This file holds only the app and its router; each page is a
//! file in `routes/`, shared pieces are in `components/`, the connection and every API call in
//! `session.rs`, and every word the user reads in the catalogues of `i18n/`.

pub mod components;
pub mod data;
pub mod deployment;
pub mod export;
pub mod forms;
pub mod i18n;
pub mod import;
pub mod journal;
pub mod list_model;
pub mod messages;
pub mod request_log;
pub mod routes;
pub mod session;
pub mod storage;
pub mod url;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};

/// Mounts the dashboard on the page, once this deployment's `config.json` is read (a locked
/// host holds from the first moment).
pub fn start() {
    // Leptos's executor is set up by mounting: before it, the browser's own.
    wasm_bindgen_futures::spawn_local(async {
        let deployment = deployment::load().await;
        mount_to_body(move || view! { <App deployment/> });
    });
}

#[component]
pub fn App(deployment: deployment::Deployment) -> impl IntoView {
    provide_context(deployment.clone());
    let session = session::Session::restore(&deployment);
    provide_context(session);
    provide_context(data::Data::new(session));
    provide_context(components::notice::Notices::new());
    provide_context(session.log);
    provide_context(components::shortcuts::Shortcuts::new());
    // Work in progress (bulk runs, what their dialogs hold) lives here, above what a language
    // switch rebuilds.
    provide_context(components::kept::KeptAbove::new());
    session.start_token_keeper();
    let prefs = components::prefs::Prefs::install();
    // Every view reads its words from the current catalogue when it is built: a new language
    // builds the views again (the URL, the connection and the request log stay).
    move || {
        i18n::set_current(prefs.lang.get());
        view! {
        <Router base=url::base()>
            <components::nav::Nav/>
            <components::shortcuts::ShortcutKeys/>
            <components::notice::NoticeArea/>
            <components::traffic::WaitingStatus/>
            <components::traffic::TokenPrompt/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <routes::not_found::NotFound/> }>
                    <Route path=path!("/") view=routes::home::Home/>
                    <Route path=path!("/connect") view=routes::connect::ConnectPage/>
                    <Route path=path!("/rooms") view={Lazy::<routes::LazyRooms>::new()}/>
                    <Route path=path!("/rooms/:id") view={Lazy::<routes::LazyRoom>::new()}/>
                    <Route path=path!("/open") view={Lazy::<routes::LazyOpenMany>::new()}/>
                    <Route path=path!("/users/:username/rooms") view={Lazy::<routes::LazyUserRooms>::new()}/>
                    <Route path=path!("/users/:username") view={Lazy::<routes::LazyUser>::new()}/>
                    <Route path=path!("/users") view={Lazy::<routes::LazyUsers>::new()}/>
                    <Route path=path!("/messages") view={Lazy::<routes::LazyMessages>::new()}/>
                    <Route path=path!("/super-admins") view={Lazy::<routes::LazySuperAdmins>::new()}/>
                    <Route path=path!("/import") view={Lazy::<routes::LazyImport>::new()}/>
                    <Route path=path!("/overview") view={Lazy::<routes::LazyOverview>::new()}/>
                    <Route path=path!("/log") view={Lazy::<routes::LazyLog>::new()}/>
                    <Route path=path!("/journal") view={Lazy::<routes::LazyJournal>::new()}/>
                </Routes>
            </main>
        </Router>
        }
    }
}
