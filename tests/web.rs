//! Component tests in a real browser (wasm-bindgen-test in headless Chromium): mount a piece of
//! the dashboard, act on it, and check the DOM. Run by `make test` through
//! `wasm-bindgen-test-runner`.
#![cfg(target_arch = "wasm32")]

use chatroom_admin::components::dialog::Dialog;
use chatroom_admin::components::error::ErrorView;
use chatroom_admin::routes::Pager;
use easemob_api::{ApiError, Call, Method};
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

fn text_of(el: &web_sys::HtmlElement, selector: &str) -> String {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap()
}

#[wasm_bindgen_test]
async fn an_error_says_its_kind_our_explanation_the_servers_words_and_the_request() {
    let el = host();
    let error = ApiError::from_response(
        404,
        r#"{"error":"resource_not_found","error_description":"grpID 1 does not exist!"}"#,
    )
    .on(Call {
        method: Method::Delete,
        path: "/demo/admin/chatrooms/1".into(),
    });
    let _mounted = leptos::mount::mount_to(el.clone(), move || view! { <ErrorView error/> });
    leptos::task::tick().await;
    assert!(el.query_selector("[role=alert]").unwrap().is_some());
    // The headline: which kind of failure, the status and Easemob's code.
    assert_eq!(
        text_of(&el, ".error-title"),
        "Refused by the server · 404 resource_not_found"
    );
    // Our explanation comes from the typed refusal, not from the server's text.
    assert_eq!(
        text_of(&el, ".error-explanation"),
        "There is no chatroom 1; it may have been dissolved."
    );
    // The server's own words, as it wrote them, and the request it was about.
    assert_eq!(text_of(&el, ".error-detail q"), "grpID 1 does not exist!");
    assert_eq!(
        text_of(&el, ".error-call"),
        "Request: DELETE /demo/admin/chatrooms/1"
    );
}

#[wasm_bindgen_test]
async fn bulk_work_shows_a_result_per_item_and_sends_only_the_failed_again() {
    use chatroom_admin::components::bulk::{use_bulk, BulkProgress, Done, Said, Work};
    use chatroom_admin::components::kept::KeptAbove;
    use chatroom_admin::data::Data;
    use chatroom_admin::deployment::Deployment;
    use chatroom_admin::session::Session;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    let el = host();
    // Item "b" fails the first time it is sent, then works.
    let sent = Rc::new(RefCell::new(Vec::<String>::new()));
    let log = sent.clone();
    let work: Work = Rc::new(move |k: String, _run| {
        let first_b = k == "b" && !log.borrow().contains(&k);
        log.borrow_mut().push(k.clone());
        Box::pin(async move {
            if first_b {
                Err(ApiError::network("connection reset"))
            } else {
                Ok(Done::said(move || format!("did {k}")))
            }
        })
    });
    // The run is kept above the views: the app's contexts, as `App` provides them.
    let slot = Rc::new(Cell::new(None));
    let put = slot.clone();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        let session = Session::restore(&Deployment::Read(Default::default()));
        provide_context(session);
        provide_context(Data::new(session));
        provide_context(KeptAbove::new());
        let bulk = use_bulk("test");
        put.set(Some(bulk));
        view! { <BulkProgress bulk item_heading="Item" testid="results"/> }
    });
    let bulk = slot.get().expect("mounted");
    // Not connected: no app, so the run keeps no journal entry.
    let plan = chatroom_admin::components::bulk::Plan {
        items: vec![chatroom_admin::journal::Item::default(); 3],
        undoes: None,
        resumes: None,
    };
    bulk.start(
        ["a", "b", "c"]
            .into_iter()
            .map(|k| (k.to_string(), Said::data(k.to_string())))
            .collect(),
        plan,
        work,
        Rc::new(|_| ()),
    );
    for _ in 0..10 {
        leptos::task::tick().await;
    }
    assert!(!bulk.running.get_untracked());
    let rows = el.query_selector_all("tbody tr").unwrap();
    assert_eq!(rows.length(), 3);
    assert_eq!(text_of(&el, ".summary"), "2 done, 1 failed");
    let failed = el
        .query_selector("tr.failed")
        .unwrap()
        .expect("a failed row");
    assert!(failed.text_content().unwrap().contains("Network failure"));
    // One click sends only the failed item again.
    let retry: web_sys::HtmlElement = el
        .query_selector(".summary ~ button")
        .unwrap()
        .expect("a retry button")
        .unchecked_into();
    assert_eq!(retry.text_content().unwrap(), "Retry the 1 failed");
    retry.click();
    for _ in 0..10 {
        leptos::task::tick().await;
    }
    assert_eq!(*sent.borrow(), ["a", "b", "c", "b"]);
    assert_eq!(text_of(&el, ".summary"), "3 done, 0 failed");
    assert!(el.query_selector("tr.failed").unwrap().is_none());
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
