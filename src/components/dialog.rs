//! A native `<dialog>` opened as a modal: the page behind is inert so focus stays inside, Esc
//! closes it, and focus goes back to what opened it. Its content is made each time it opens,
//! so a form inside starts fresh (no error or result left from the last time) without an
//! Effect to reset it; what must outlive a closing lives outside the content.

use crate::i18n::t;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn focused_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

#[component]
pub fn Dialog(
    open: RwSignal<bool>,
    /// Unique on the page: the title's id is `{id}-title`.
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    /// Called when the dialog closes (Esc, the close button, or from code).
    #[prop(optional)]
    on_close: Option<Callback<()>>,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    // The browser's modal state follows `open`: an Effect, since it is the DOM's.
    Effect::new(move |_| {
        let wanted = open.get();
        let Some(d) = dialog.get() else { return };
        if wanted && !d.open() {
            opener.set_value(focused_element());
            let _ = d.show_modal();
        } else if !wanted && d.open() {
            d.close();
        }
    });
    // Fired for Esc, the close button, and closing from code alike.
    let closed = move |_| {
        open.set(false);
        if let Some(f) = on_close {
            f.run(());
        }
        // Back to the opener; if it is gone or disabled now (a bulk action emptied the
        // selection), to the main region rather than nowhere.
        let usable = opener
            .get_value()
            .filter(|el| el.is_connected() && !el.has_attribute("disabled"));
        let target = usable.or_else(|| {
            web_sys::window()?
                .document()?
                .get_element_by_id("main")?
                .dyn_into::<web_sys::HtmlElement>()
                .ok()
        });
        if let Some(el) = target {
            let _ = el.focus();
        }
    };
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <dialog node_ref=dialog class="dialog" id=id aria-labelledby=labelled_by on:close=closed>
            <div class="dialog-head">
                <h2 id=title_id>{move || title.get()}</h2>
                <button type="button" class="close" aria-label=t().close on:click=move |_| open.set(false)>"×"</button>
            </div>
            // Shown here too: the page behind a modal dialog is inert.
            <crate::components::traffic::WaitingStatus/>
            {move || open.get().then(|| children())}
        </dialog>
    }
}
