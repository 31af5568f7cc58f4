//! Keyboard shortcuts: `/` focuses the filter, `n` opens New chatroom, `Esc` closes, `?` lists
//! them. None of them acts while the person is typing in a field.

use crate::components::dialog::Dialog;
use crate::i18n::t;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use leptos_use_event_listener::use_event_listener;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Shortcuts {
    pub help_open: RwSignal<bool>,
    /// What `n` does on the page that offers it, with the id of its registration.
    new_room: StoredValue<Option<(u64, Callback<()>)>>,
    next_id: StoredValue<u64>,
    /// `n` was pressed elsewhere: the chatroom list opens New chatroom when it arrives.
    new_room_pending: StoredValue<bool>,
}

impl Shortcuts {
    pub fn new() -> Shortcuts {
        Shortcuts {
            help_open: RwSignal::new(false),
            new_room: StoredValue::new(None),
            next_id: StoredValue::new(0),
            new_room_pending: StoredValue::new(false),
        }
    }

    /// The page offers New chatroom; it opens at once if `n` brought the person here.
    /// Returns whether it should start open.
    pub fn offer_new_room(&self, open: Callback<()>) -> bool {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.new_room.set_value(Some((id, open)));
        let this = *self;
        on_cleanup(move || {
            this.new_room.update_value(|r| {
                if r.as_ref().is_some_and(|(i, _)| *i == id) {
                    *r = None;
                }
            })
        });
        let pending = self.new_room_pending.get_value();
        self.new_room_pending.set_value(false);
        pending
    }
}

impl Default for Shortcuts {
    fn default() -> Self {
        Shortcuts::new()
    }
}

pub fn use_shortcuts() -> Shortcuts {
    expect_context::<Shortcuts>()
}

/// Whether a key press goes to a field the person is typing in.
fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}

/// Listens for the shortcuts (inside the router) and holds the list of them.
#[component]
pub fn ShortcutKeys() -> impl IntoView {
    let shortcuts = use_shortcuts();
    let navigate = use_navigate();
    let _ = use_event_listener(
        document(),
        ev::keydown,
        move |ev: web_sys::KeyboardEvent| {
            if ev.default_prevented()
                || ev.ctrl_key()
                || ev.meta_key()
                || ev.alt_key()
                || typing(&ev)
            {
                return;
            }
            // A modal dialog makes the page behind it inert: only Esc (the dialog's own) applies.
            let modal_open = document()
                .query_selector("dialog[open]")
                .ok()
                .flatten()
                .is_some();
            match ev.key().as_str() {
                "/" if !modal_open => {
                    let filter = document()
                        .query_selector("input.filter")
                        .ok()
                        .flatten()
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                    if let Some(input) = filter {
                        ev.prevent_default();
                        let _ = input.focus();
                    }
                }
                "n" if !modal_open => {
                    ev.prevent_default();
                    match shortcuts.new_room.get_value() {
                        Some((_, open)) => open.run(()),
                        None => {
                            shortcuts.new_room_pending.set_value(true);
                            navigate("/rooms", NavigateOptions::default());
                        }
                    }
                }
                "?" if !modal_open => {
                    ev.prevent_default();
                    shortcuts.help_open.set(true);
                }
                _ => {}
            }
        },
    );
    view! {
        <Dialog open=shortcuts.help_open id="shortcuts-dialog" title=t().shortcuts_title.to_string()>
            <p class="hint">{t().shortcuts_lead}</p>
            <dl class="shortcuts" data-testid="shortcut-list">
                <dt><kbd>"/"</kbd></dt><dd>{t().shortcut_filter}</dd>
                <dt><kbd>"n"</kbd></dt><dd>{t().shortcut_new}</dd>
                <dt><kbd>"Esc"</kbd></dt><dd>{t().shortcut_close}</dd>
                <dt><kbd>"?"</kbd></dt><dd>{t().shortcut_help}</dd>
            </dl>
        </Dialog>
    }
}
