//! One room: every field of the detail answer, and its members a page at a time.

use crate::components::error::ErrorView;
use crate::components::time::Time;
use crate::components::{Loading, RequireConnection};
use crate::i18n::t;
use crate::routes::Pager;
use crate::session::use_session;
use easemob_api::paging::is_last_page;
use easemob_api::wire::ChatroomDetail;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

pub const MEMBER_PAGE_SIZE: u32 = 100;

/// `custom` pretty-printed when it is a JSON object or array, as it is otherwise.
pub fn pretty_custom(custom: &str) -> (String, bool) {
    match serde_json::from_str::<serde_json::Value>(custom) {
        Ok(v @ (serde_json::Value::Object(_) | serde_json::Value::Array(_))) => (
            serde_json::to_string_pretty(&v).unwrap_or_else(|_| custom.to_string()),
            true,
        ),
        _ => (custom.to_string(), false),
    }
}

#[component]
pub fn RoomDetail() -> impl IntoView {
    view! { <RequireConnection><RoomView/></RequireConnection> }
}

#[component]
fn RoomView() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.get().get("id").unwrap_or_default());
    let data = crate::data::use_data();
    // Asks again after a change; what the change did not touch answers from memory.
    let detail = LocalResource::new(move || {
        let id = id.get();
        data.track();
        async move { data.room(&id).await }
    });
    // The room as last loaded: the actions and the member list live outside the detail's
    // Suspend so a reload after a change does not close an open dialog or lose its results.
    let current = Memo::new(move |_| detail.get().and_then(Result::ok).flatten());
    let loaded = move || current.with(Option::is_some);
    view! {
        <section class="panel">
            <p class="crumbs"><a href=crate::url::link("/rooms")>{t().nav_rooms}</a></p>
            // The answer as it stands (the last one stays while the next loads). Not a Suspend:
            // an answer from the data layer is ready at once, and is shown at once.
            {move || match detail.get() {
                None => view! { <Loading what=t().loading_room/> }.into_any(),
                Some(Err(e)) => view! {
                    <h1>{t().room_heading(&id.get_untracked())}</h1>
                    <ErrorView error=e/>
                }.into_any(),
                Some(Ok(None)) => view! { <p class="empty">{t().room_missing}</p> }.into_any(),
                Some(Ok(Some(room))) => view! { <RoomFields room/> }.into_any(),
            }}
            <Show when=loaded>
                <crate::routes::room_actions::RoomActions room=Signal::derive(move || current.get().unwrap_or_default())/>
                <crate::routes::moderation::Moderation room=Signal::derive(move || current.get().unwrap_or_default())/>
                <Members room=current/>
            </Show>
        </section>
    }
}

#[component]
fn RoomFields(room: ChatroomDetail) -> impl IntoView {
    let (custom, is_json) = pretty_custom(&room.custom);
    let id_for_copy = room.id.clone();
    let yes_no = |b: bool| if b { t().yes } else { t().no };
    view! {
        <h1 translate="no">{room.name.clone()}</h1>
        <dl class="fields" data-testid="room-fields">
            <dt>{t().col_id}</dt>
            <dd>
                <code data-testid="room-id" translate="no">{room.id.clone()}</code>
                " "
                <crate::components::copy::CopyButton text=Signal::stored(id_for_copy) aria_label=t().copy_id.to_string()/>
            </dd>
            <dt>{t().col_description}</dt><dd translate="no">{room.description.clone()}</dd>
            <dt>{t().col_owner}</dt>
            <dd><a href=crate::url::link(&crate::url::user_rooms(&room.owner)) data-testid="room-owner" translate="no">{room.owner.clone()}</a></dd>
            <dt>{t().col_maxusers}</dt><dd>{room.maxusers}</dd>
            <dt>{t().col_members}</dt><dd data-testid="member-count">{room.affiliations_count}</dd>
            <dt>{t().col_created}</dt><dd><Time ms=room.created/></dd>
            <dt>{t().membersonly}</dt><dd>{yes_no(room.membersonly)}</dd>
            <dt>{t().allowinvites}</dt><dd>{yes_no(room.allowinvites)}</dd>
            <dt>{t().public}</dt><dd>{yes_no(room.public)}</dd>
            {room.mute.map(|m| view! { <dt>{t().muted}</dt><dd>{yes_no(m)}</dd> })}
            <dt>{t().custom}</dt>
            <dd>
                {if room.custom.is_empty() {
                    view! { <span class="muted">{t().empty_value}</span> }.into_any()
                } else if is_json {
                    view! { <pre class="json" data-testid="custom" translate="no">{custom}</pre> }.into_any()
                } else {
                    view! { <span data-testid="custom">{custom}</span> }.into_any()
                }}
            </dd>
        </dl>
    }
}

#[component]
fn Members(room: Memo<Option<ChatroomDetail>>) -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.get().get("id").unwrap_or_default());
    let page = Memo::new(move |_| {
        query
            .get()
            .get("mpage")
            .and_then(|p| p.parse::<u32>().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1)
    });
    let data = crate::data::use_data();
    let members = LocalResource::new(move || {
        let (id, page) = (id.get(), page.get());
        data.track();
        async move {
            data.member_page(&id, page, MEMBER_PAGE_SIZE)
                .await
                .map(|m| (page, m))
        }
    });
    let href = move |p: u32| {
        crate::url::href(
            &crate::url::room(&id.get()),
            &[("mpage", if p > 1 { p.to_string() } else { String::new() })],
        )
    };
    let prev = Signal::derive(move || (page.get() > 1).then(|| href(page.get() - 1)));
    // Only the page on screen decides whether there is a next one (not the page still shown
    // while this one loads).
    let next = Signal::derive(move || match members.get() {
        Some(Ok((p, m))) if p == page.get() && !is_last_page(m.len(), MEMBER_PAGE_SIZE) => {
            Some(href(p + 1))
        }
        _ => None,
    });
    // The whole member list, every page, as CSV; progress while the pages come in.
    let fetched = RwSignal::new(0usize);
    let export = Action::new_local(move |_: &()| {
        let id = id.get_untracked();
        async move {
            fetched.set(0);
            let client = session.require_client()?;
            let all = client.all_members(&id, |n| fetched.set(n)).await?;
            let rows: Vec<Vec<String>> = all
                .iter()
                .map(|a| {
                    let role = if a.is_owner() { "owner" } else { "member" };
                    vec![a.username().to_string(), role.to_string()]
                })
                .collect();
            let text = crate::export::csv(&[t().user, t().col_role], &rows);
            crate::export::download(&format!("chatroom-{id}-members.csv"), "text/csv", &text);
            Ok::<usize, easemob_api::ApiError>(all.len())
        }
    });
    let exporting = export.pending();
    // A search within the room: the details already hold every member, so it costs no request.
    let navigate = leptos_router::hooks::use_navigate();
    let search = Memo::new(move |_| query.with(|q| q.get("mq").unwrap_or_default()));
    let on_search = move |ev| {
        let href = crate::url::href(
            &crate::url::room(&id.get_untracked()),
            &[("mq", event_target_value(&ev))],
        );
        crate::routes::in_place(&navigate, &href);
    };
    let found = Memo::new(move |_| {
        let needle = search.get().trim().to_lowercase();
        if needle.is_empty() {
            return None;
        }
        room.with(|r| {
            r.as_ref().map(|r| {
                crate::data::Shared(std::sync::Arc::new(
                    r.affiliations
                        .iter()
                        .filter(|a| a.username().to_lowercase().contains(&needle))
                        .cloned()
                        .collect::<Vec<_>>(),
                ))
            })
        })
    });
    let searching = move || found.with(Option::is_some);
    let total = Memo::new(move |_| room.with(|r| r.as_ref().map_or(0, |r| r.affiliations.len())));
    view! {
        <h2 id="members">{t().members_title}</h2>
        <label class="inline member-search">
            {t().member_search}
            <input type="search" data-testid="member-search" placeholder=t().member_search_placeholder
                prop:value=move || search.get() on:input=on_search/>
        </label>
        <Show when=searching>
            <MemberMatches found total/>
        </Show>
        <Show when=move || !searching()>
            <div class="toolbar">
                <button type="button" class="small" data-testid="export-members" disabled=exporting
                    on:click=move |_| { export.dispatch(()); }>{t().export_members}</button>
                <span role="status" data-testid="export-status">
                    {move || if exporting.get() {
                        Some(t().members_fetched(fetched.get()))
                    } else {
                        export.value().get().and_then(Result::ok).map(|n| t().members_exported(n))
                    }}
                </span>
            </div>
            {move || export.value().get().and_then(Result::err).map(|e| view! { <ErrorView error=e/> })}
            <Pager label=t().members_pager page=Signal::derive(move || page.get() as usize) prev next/>
            {move || match members.get().map(|r| r.map(|(_, list)| list)) {
                None => view! { <Loading what=t().loading_members/> }.into_any(),
                Some(Err(e)) => view! { <ErrorView error=e/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="empty">{t().no_members}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="members" aria-labelledby="members">
                        {list.into_iter().map(|a| {
                            let name = a.username().to_string();
                            view! {
                                <li>
                                    <a href=crate::url::link(&crate::url::user_rooms(&name)) translate="no">{name.clone()}</a>
                                    {a.is_owner().then(|| view! { " " <span class="badge owner">{t().owner_badge}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </Show>
    }
}

/// The members whose name holds the search, in a list that keeps only the rows in sight in
/// the DOM.
#[component]
fn MemberMatches(
    found: Memo<Option<crate::data::Shared<Vec<easemob_api::wire::Affiliation>>>>,
    total: Memo<usize>,
) -> impl IntoView {
    let scroller = crate::components::virtual_rows::Scroller::new();
    let count = Memo::new(move |_| found.with(|f| f.as_ref().map_or(0, |f| f.len())));
    Effect::new(move |_| {
        let _ = count.get();
        scroller.scroll_to(0.0);
    });
    let shown = Memo::new(move |_| {
        found.with(|f| match f {
            Some(f) => scroller
                .in_sight(f)
                .map(|(pos, a)| (pos, a.clone()))
                .collect(),
            None => Vec::new(),
        })
    });
    view! {
        <p class="summary" role="status" data-testid="member-matches">{move || t().member_matches(count.get(), total.get())}</p>
        <div class="vscroll vlist" node_ref=scroller.node on:scroll=scroller.on_scroll() tabindex="0"
            role="region" aria-label=t().member_results_region data-testid="member-results">
            <div role="list" class="vbody" style:height=move || scroller.body_px(count.get())>
                <For each=move || shown.get() key=|(pos, a)| (*pos, a.username().to_string()) let:item>
                    {
                        let name = item.1.username().to_string();
                        view! {
                            <div role="listitem" class="vrow" style:top=scroller.top_of(item.0)>
                                <div><a href=crate::url::link(&crate::url::user_rooms(&name)) translate="no">{name.clone()}</a></div>
                                <div>{item.1.is_owner().then(|| view! { <span class="badge owner">{t().owner_badge}</span> })}</div>
                            </div>
                        }
                    }
                </For>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::pretty_custom;

    #[test]
    fn custom_json_is_pretty_printed_and_plain_text_left_alone() {
        assert_eq!(
            pretty_custom(r#"{"a":1}"#),
            ("{\n  \"a\": 1\n}".to_string(), true)
        );
        assert_eq!(pretty_custom("vip"), ("vip".to_string(), false));
        assert_eq!(pretty_custom("42"), ("42".to_string(), false));
    }
}
