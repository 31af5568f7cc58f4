//! Short notices after a change succeeded, announced politely to screen readers.

use crate::i18n::t;
use leptos::prelude::*;
use std::time::Duration;

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
        let list = self.list;
        set_timeout(
            move || list.update(|l| l.retain(|(i, _)| *i != id)),
            Duration::from_secs(10),
        );
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
                <p class="notice">
                    <span>{n.1.clone()}</span>
                    <button type="button" class="link" aria-label=t().dismiss
                        on:click=move |_| notices.list.update(|l| l.retain(|(i, _)| *i != n.0))>"×"</button>
                </p>
            </For>
        </div>
    }
}
