//! A Copy button (leptos-use's clipboard): "Copied" shows only once the browser has taken the
//! text; where there is no clipboard it says so instead.

use crate::i18n::t;
use leptos::prelude::*;
use leptos_use_clipboard::use_clipboard;

#[component]
pub fn CopyButton(
    /// What is copied, read when the button is pressed.
    #[prop(into)]
    text: Signal<String>,
    /// The button's words (default: "Copy").
    #[prop(optional)]
    label: Option<&'static str>,
    /// What a screen reader hears for the button, when the words alone are not enough.
    #[prop(optional)]
    aria_label: Option<String>,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    let clip = use_clipboard();
    let pressed = RwSignal::new(false);
    let copy = clip.copy.clone();
    let on_click = move |_| {
        pressed.set(true);
        copy(&text.get_untracked());
    };
    let status = move || {
        if clip.copied.get() {
            Some(t().copied)
        } else if pressed.get() && !clip.is_supported.get() {
            Some(t().copy_failed)
        } else {
            None
        }
    };
    view! {
        <button type="button" class="small" on:click=on_click aria-label=aria_label data-testid=testid>
            {label.unwrap_or(t().copy)}
        </button>
        <span role="status" class="copied">{status}</span>
    }
}
