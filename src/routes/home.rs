use crate::session::use_session;
use crate::storage::{read, write, Area};
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// Where the operator chose to land after Connect (and at `/`), kept in this browser.
const START_PAGE: &str = "chatroom-admin.start-page";

/// The page after Connect: the overview when the operator chose it, else the room list.
pub fn start_page() -> String {
    match read(Area::Local, START_PAGE).as_deref() {
        Some("/overview") => "/overview".to_string(),
        _ => "/rooms".to_string(),
    }
}

/// Keeps the page after Connect (`None`: the room list).
pub fn set_start_page(page: Option<&str>) {
    write(Area::Local, START_PAGE, page.unwrap_or(""));
}

/// `/` goes to the page after Connect when connected, to the connect page when not.
#[component]
pub fn Home() -> impl IntoView {
    let session = use_session();
    move || {
        if session.is_connected() {
            view! { <Redirect path=start_page()/> }
        } else {
            view! { <Redirect path="/connect".to_string()/> }
        }
    }
}
