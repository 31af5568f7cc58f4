//! Component tests in a real browser (wasm-bindgen-test in headless Chromium): mount a piece of
//! the dashboard, act on it, and check the DOM. Run by `make test` through
//! `wasm-bindgen-test-runner`.
#![cfg(target_arch = "wasm32")]

use chatroom_admin::components::dialog::Dialog;
use chatroom_admin::components::error::ErrorView;
use chatroom_admin::routes::Pager;
use easemob_api::{ApiError, ErrorBody};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element to mount into, so tests do not see each other's DOM.
fn host() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

#[wasm_bindgen_test]
async fn an_error_shows_the_status_the_code_and_the_servers_description() {
    let el = host();
    let error = ApiError::Server {
        status: 404,
        body: ErrorBody {
            error: "resource_not_found".into(),
            timestamp: None,
            duration: None,
            exception: None,
            error_description: Some("grpID 1 does not exist!".into()),
        },
    };
    let _mounted = leptos::mount::mount_to(el.clone(), move || view! { <ErrorView error/> });
    leptos::task::tick().await;
    let alert = el
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    // The headline names the status and Easemob's code; the detail is the server's own words.
    assert_eq!(
        alert
            .query_selector(".error-title")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "404 resource_not_found"
    );
    assert_eq!(
        alert
            .query_selector(".error-detail")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "grpID 1 does not exist!"
    );
}

#[wasm_bindgen_test]
async fn the_pager_links_only_where_there_is_a_page_to_go_to() {
    let el = host();
    let next = RwSignal::new(Some("/rooms?cursor=c2".to_string()));
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! { <Pager label="pages" page=Signal::derive(|| 1usize) prev=Signal::derive(|| None::<String>) next=next/> }
    });
    leptos::task::tick().await;
    // Page 1 has no previous page: a disabled placeholder, not a link.
    let links = el.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1);
    let link: web_sys::Element = links.item(0).unwrap().unchecked_into();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/rooms?cursor=c2")
    );
    assert!(el.query_selector("[aria-disabled=true]").unwrap().is_some());
    // The last page: the server gave no cursor, so Next disappears too.
    next.set(None);
    leptos::task::tick().await;
    assert_eq!(el.query_selector_all("a").unwrap().length(), 0);
    assert_eq!(
        el.query_selector("[data-testid=page-number]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Page 1"
    );
}

#[wasm_bindgen_test]
async fn a_dialog_opens_as_a_modal_and_closing_it_returns_focus() {
    let el = host();
    let open = RwSignal::new(false);
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <button id="opener" on:click=move |_| open.set(true)>"open"</button>
            <Dialog open id="test-dialog" title="A test".to_string()>
                <input id="inside"/>
            </Dialog>
        }
    });
    leptos::task::tick().await;
    let opener: web_sys::HtmlElement = el
        .query_selector("#opener")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let dialog: web_sys::HtmlDialogElement = el
        .query_selector("dialog")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(!dialog.open());
    // Opening from the button, as a user would.
    opener.focus().unwrap();
    opener.click();
    leptos::task::tick().await;
    assert!(dialog.open(), "the dialog is open");
    assert!(
        dialog.matches(":modal").unwrap(),
        "it is modal, so the page behind is inert"
    );
    assert_eq!(
        dialog.get_attribute("aria-labelledby").as_deref(),
        Some("test-dialog-title")
    );
    // Closing it from code (as Cancel does) closes the element and hands focus back.
    open.set(false);
    leptos::task::tick().await;
    leptos::task::tick().await;
    assert!(!dialog.open());
    let focused = document().active_element().unwrap();
    assert_eq!(focused.id(), "opener");
}
