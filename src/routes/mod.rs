//! One page per file.

pub mod all_rooms;
pub mod bulk;
pub mod connect;
pub mod create;
pub mod home;
pub mod import;
pub mod log;
pub mod not_found;
pub mod open_many;
pub mod room;
pub mod rooms;
pub mod super_admins;
pub mod user_rooms;

use leptos::prelude::*;
use leptos_router::NavigateOptions;

/// Goes to `href` in place of the page's history entry, where the page is scrolled to (for
/// state that follows typing: filters and searches).
pub fn in_place(navigate: &impl Fn(&str, NavigateOptions), href: &str) {
    navigate(
        href,
        NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        },
    );
}

/// Previous / "Page N" / Next, as links so that each page has its URL and Back works.
#[component]
pub fn Pager(
    #[prop(into)] label: String,
    #[prop(into)] page: Signal<usize>,
    #[prop(into)] prev: Signal<Option<String>>,
    #[prop(into)] next: Signal<Option<String>>,
) -> impl IntoView {
    let link = |href: Option<String>, text: &'static str, rel: &'static str| match href {
        Some(h) => {
            view! { <a class="button" href=crate::url::link(&h) rel=rel>{text}</a> }.into_any()
        }
        None => view! { <span class="button" aria-disabled="true">{text}</span> }.into_any(),
    };
    view! {
        <nav class="pager" aria-label=label>
            {move || link(prev.get(), crate::i18n::t().previous, "prev")}
            <span class="page-number" data-testid="page-number">
                {move || crate::i18n::t().page_n(page.get())}
            </span>
            {move || link(next.get(), crate::i18n::t().next, "next")}
        </nav>
    }
}
