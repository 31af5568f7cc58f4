//! Short notices after a change succeeded, announced politely to screen readers. Each goes
//! away by itself after a few seconds, but not while the pointer or the focus is on it.
//! (Failures are not notices: they stay where they happened until dismissed or fixed.)

use crate::i18n::t;
use leptos::prelude::*;
use leptos_use_timeout_fn::{use_timeout_fn, UseTimeoutFnReturn};

/// How long a notice stays when nobody is looking at it.
const SHOWN_MS: f64 = 6_000.0;

#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<(u64, String)>>,
    next: StoredValue<u64>,
}

impl Notices {
    pub fn new() -> Notices {
        Notices {
            list: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
        }
    }

    pub fn show(&self, message: impl Into<String>) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.list.update(|l| l.push((id, message.into())));
    }

    fn dismiss(&self, id: u64) {
        self.list.update(|l| l.retain(|(i, _)| *i != id));
    }
}

impl Default for Notices {
    fn default() -> Self {
        Notices::new()
    }
}

pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}

#[component]
pub fn NoticeArea() -> impl IntoView {
    let notices = use_notices();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <For each=move || notices.list.get() key=|(id, _)| *id let:n>
                <Notice id=n.0 text=n.1/>
            </For>
        </div>
    }
}

#[component]
fn Notice(id: u64, text: String) -> impl IntoView {
    let notices = use_notices();
    // Each (re)start has a number; a timer that fires for an older one does nothing, so
    // holding and letting go need not rely on cancelling timers.
    let round = StoredValue::new(0u64);
    let held = StoredValue::new(false);
    let UseTimeoutFnReturn { start, .. } = use_timeout_fn(
        move |started: u64| {
            if started == round.get_value() && !held.get_value() {
                notices.dismiss(id);
            }
        },
        SHOWN_MS,
    );
    let restart = move || {
        held.set_value(false);
        round.update_value(|r| *r += 1);
        start(round.get_value());
    };
    restart();
    let hold = move || {
        held.set_value(true);
        round.update_value(|r| *r += 1);
    };
    view! {
        <p class="notice"
            on:mouseenter=move |_| hold()
            on:mouseleave={
                let restart = restart.clone();
                move |_| restart()
            }
            on:focusin=move |_| hold()
            on:focusout=move |_| restart()>
            <span>{text}</span>
            <button type="button" class="link" aria-label=t().dismiss
                on:click=move |_| notices.dismiss(id)>"×"</button>
        </p>
    }
}
