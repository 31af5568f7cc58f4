//! One page per file.

pub mod all_rooms;
pub mod bulk;
pub mod connect;
pub mod create;
pub mod home;
pub mod import;
pub mod journal;
pub mod log;
pub mod messages;
pub mod not_found;
pub mod open_many;
pub mod overview;
pub mod room;
pub mod room_list;
pub mod super_admins;
pub mod user;
pub mod user_rooms;

use crate::i18n::t;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use wasm_split_helpers::SplitLoaderError;

/// The page number in the query under `key` (from 1), as a memo: 1 when absent or not a page.
pub fn page_in_query(key: &'static str) -> Memo<u32> {
    let query = leptos_router::hooks::use_query_map();
    Memo::new(move |_| {
        query
            .with(|q| q.get(key).and_then(|p| p.parse::<u32>().ok()))
            .filter(|p| *p >= 1)
            .unwrap_or(1)
    })
}

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

/// A page whose code is loaded when it is first opened (README, "The first load"): in the
/// release build (`--cfg wasm_split`, set by `make dist`) the function that builds the page is
/// split into a module of its own; elsewhere (tests, debug builds) it is an ordinary call. A
/// module that does not arrive is a page that says so, not a crash; the next visit tries again.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $route:ident, $split:ident, $page:path) => {
        $(#[$doc])*
        pub struct $route;

        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                #[cfg(wasm_split)]
                let page = $split().await;
                #[cfg(not(wasm_split))]
                let page = $split();
                page.unwrap_or_else(|_| view! { <PageNotLoaded/> }.into_any())
            }
        }

        #[cfg_attr(wasm_split, wasm_split_helpers::wasm_split($split, fallible))]
        fn $split() -> Result<AnyView, SplitLoaderError> {
            crate::i18n::install_lazy_words();
            Ok(view! { <$page/> }.into_any())
        }
    };
}

/// In place of a page whose module did not arrive.
#[component]
fn PageNotLoaded() -> impl IntoView {
    view! {
        <section class="panel" role="alert">
            <h1>{t().page_not_loaded}</h1>
            <p>{t().page_not_loaded_hint}</p>
            <button type="button" class="primary" on:click=|_| { let _ = window().location().reload(); }>
                {t().reload}
            </button>
        </section>
    }
}

lazy_page!(
    /// `/rooms`: the list of rooms, a page at a time or all of them.
    LazyRooms, rooms_page, room_list::RoomListPage
);
/// Starts fetching the room list's module (when the build is split), so that it is there when
/// Connect has its token.
pub async fn preload_rooms_page() {
    // A failure shows when the list is opened.
    #[cfg(wasm_split)]
    let _ = __wasm_split_preload_rooms_page().await;
}

lazy_page!(
    /// `/rooms/:id`: a room, its members and its moderation.
    LazyRoom, room_page, room::RoomDetail
);
lazy_page!(
    /// `/open`: several rooms by id.
    LazyOpenMany, open_many_page, open_many::OpenMany
);
lazy_page!(
    /// `/users/:username/rooms`.
    LazyUserRooms, user_rooms_page, user_rooms::UserRooms
);
lazy_page!(
    /// `/super-admins`.
    LazySuperAdmins, super_admins_page, super_admins::SuperAdmins
);
lazy_page!(
    /// `/import`: rooms from a spreadsheet.
    LazyImport, import_page, import::ImportRooms
);
lazy_page!(
    /// `/journal`: every change made from this browser, and its undo.
    LazyJournal, journal_page, journal::JournalPage
);
lazy_page!(
    /// `/users/:username`: a user across the app.
    LazyUser, user_page, user::UserPage
);
lazy_page!(
    /// `/users`: several users at once, and the users muted app-wide.
    LazyUsers, users_page, user::UsersPage
);
lazy_page!(
    /// `/messages`: messages to rooms, the broadcast, and recall.
    LazyMessages, messages_page, messages::MessagesPage
);
lazy_page!(
    /// `/overview`: the app at a glance.
    LazyOverview, overview_page, overview::Overview
);
lazy_page!(
    /// `/log`: the request log.
    LazyLog, log_page, log::RequestLogPage
);
