//! The rooms one user has joined, a page at a time.

use crate::components::error::ErrorView;
use crate::components::{Loading, RequireConnection};
use crate::i18n::t;
use crate::routes::Pager;
use easemob_api::paging::is_last_page;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

pub const JOINED_PAGE_SIZE: u32 = 50;

#[component]
pub fn UserRooms() -> impl IntoView {
    view! { <RequireConnection><UserRoomsView/></RequireConnection> }
}

#[component]
fn UserRoomsView() -> impl IntoView {
    let data = crate::data::use_data();
    let params = use_params_map();
    let username = Memo::new(move |_| params.get().get("username").unwrap_or_default());
    let page = crate::routes::page_in_query("page");
    let rooms = LocalResource::new(move || {
        let (username, page) = (username.get(), page.get());
        data.track();
        async move {
            data.user_rooms(&username, page, JOINED_PAGE_SIZE)
                .await
                .map(|r| (page, r))
        }
    });
    let href = move |p: u32| {
        crate::url::href(
            &crate::url::user_rooms(&username.get()),
            &[("page", if p > 1 { p.to_string() } else { String::new() })],
        )
    };
    let prev = Signal::derive(move || (page.get() > 1).then(|| href(page.get() - 1)));
    // Only the page on screen decides whether there is a next one.
    let next = Signal::derive(move || match rooms.get() {
        Some(Ok((p, r))) if p == page.get() && !is_last_page(r.len(), JOINED_PAGE_SIZE) => {
            Some(href(p + 1))
        }
        _ => None,
    });
    view! {
        <section class="panel">
            <h1>{move || t().joined_title(&username.get())}</h1>
            <Pager label=t().joined_pager page=Signal::derive(move || page.get() as usize) prev next/>
            <Transition fallback=|| view! { <Loading what=t().loading_rooms/> }>
                {move || Suspend::new(async move {
                    match rooms.await.map(|(_, list)| list) {
                        Err(e) => view! { <ErrorView error=e/> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="empty">{t().no_joined}</p> }.into_any(),
                        Ok(list) => view! {
                            <div class="table-scroll">
                            <table class="rooms">
                                <thead><tr>
                                    <th scope="col">{t().col_id}</th>
                                    <th scope="col">{t().col_name}</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|r| view! {
                                        <tr>
                                            <td class="mono id" translate="no"><a href=crate::url::link(&crate::url::room(&r.id))>{r.id.clone()}</a></td>
                                            <td translate="no">{r.name}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
