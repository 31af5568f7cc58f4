//! The room's members: the list a page at a time, a search over all of them, the export, and
//! the dialogs that add members, remove them, and take one out as if they left.

use crate::components::bulk::{use_bulk, Bulk, BulkProgress, Done, Finish, Plan, Said, Work};
use crate::components::dialog::Dialog;
use crate::components::error::{action_failure, describe, ErrorView};
use crate::components::field::{error_for, general_error, FormField};
use crate::components::kept::{name_for, use_kept};
use crate::components::notice::use_notices;
use crate::components::Loading;
use crate::data::{Run, Write};
use crate::forms::{self, FieldError};
use crate::i18n::t;
use crate::routes::Pager;
use crate::session::use_session;
use easemob_api::endpoints::{AddMembers, RemoveMember, RemoveMembers};
use easemob_api::limits::{split_list, Field, ADD_MEMBERS_MAX, REMOVE_MEMBERS_MAX};
use easemob_api::paging::is_last_page;
use easemob_api::wire::ChatroomDetail;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::rc::Rc;

pub const MEMBER_PAGE_SIZE: u32 = 100;

#[component]
pub fn Members(room: Memo<Option<ChatroomDetail>>) -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.get().get("id").unwrap_or_default());
    let page = crate::routes::page_in_query("mpage");
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
            {action_failure(export)}
            <Pager label=t().members_pager page=Signal::derive(move || page.get() as usize) prev next/>
            {move || match members.get().map(|r| r.map(|(_, list)| list)) {
                None => view! { <Loading what=t().loading_members/> }.into_any(),
                Some(Err(e)) => view! { <ErrorView error=e/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="empty">{t().no_members}</p> }.into_any(),
                Some(Ok(list)) => {
                    let names: Vec<String> = list.iter().map(|a| a.username().to_string()).collect();
                    let across = crate::url::href("/users", &[("names", names.join(","))]);
                    view! {
                    <p><a href=crate::url::link(&across) data-testid="members-across">{crate::i18n::messages::mw().users_link()}</a></p>
                    <ul class="members" aria-labelledby="members">
                        {list.into_iter().map(|a| {
                            let name = a.username().to_string();
                            view! {
                                <li>
                                    <a href=crate::url::link(&crate::url::user(&name)) translate="no">{name.clone()}</a>
                                    {a.is_owner().then(|| view! { " " <span class="badge owner">{t().owner_badge}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()},
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
    // A new search starts at the top of the list: an Effect, since scrolling is the DOM's.
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
                                <div><a href=crate::url::link(&crate::url::user(&name)) translate="no">{name.clone()}</a></div>
                                <div>{item.1.is_owner().then(|| view! { <span class="badge owner">{t().owner_badge}</span> })}</div>
                            </div>
                        }
                    }
                </For>
            </div>
        </div>
    }
}

/// The form both member dialogs share: pasted usernames, each checked before anything is sent,
/// then handed to `on_names`. A second submit while `pending` does nothing.
#[component]
fn UsernamesForm(
    open: RwSignal<bool>,
    id: &'static str,
    hint: &'static str,
    draft: RwSignal<String>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] submit_label: Signal<&'static str>,
    submit_class: &'static str,
    on_names: Callback<Vec<String>>,
) -> impl IntoView {
    // Made each time its dialog opens (`Dialog`): no error left from the last time.
    let problem = RwSignal::new(None::<FieldError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        match forms::usernames(&draft.get_untracked()) {
            Ok(names) => {
                problem.set(None);
                on_names.run(names);
            }
            Err(p) => problem.set(Some(p)),
        }
    };
    let listed = move || split_list(&draft.get()).len();
    view! {
        <form on:submit=submit novalidate>
            <FormField id=id label=t().usernames_label value=draft multiline=true
                hint=hint error=Signal::derive(error_for(problem, Field::Usernames))/>
            <p class="summary">{move || t().users_listed(listed())}</p>
            {general_error(problem)}
            <div class="actions">
                <button type="submit" class=submit_class disabled=move || pending.get()>
                    {move || submit_label.get()}
                </button>
                <button type="button" on:click=move |_| open.set(false)>{t().close}</button>
            </div>
        </form>
    }
}

/// Adding members to the room on screen (the dialog of that room's run).
#[component]
pub fn AddMembersDialog(room_id: Signal<String>) -> impl IntoView {
    move || view! { <AddMembersTo room=room_id.get()/> }
}

#[component]
fn AddMembersTo(room: String) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    // The bulk run that adds members to this room, 60 a request: one per room.
    let bulk = use_bulk(name_for("add-members", &room));
    // What was typed, kept with the run: a language switch keeps it, and a run that added
    // everyone empties it.
    let draft = use_kept(name_for("add-members.draft", &room), String::new);
    let start = Callback::new(move |names: Vec<String>| {
        let id = room.clone();
        let room_id = room.clone();
        let added = Rc::new(std::cell::Cell::new(0usize));
        let total = added.clone();
        let work: Work = Rc::new(move |batch: String, run: Run| {
            let added_here = added.clone();
            let names: Vec<String> = batch.lines().map(str::to_string).collect();
            let id = id.clone();
            Box::pin(async move {
                let asked = names.len();
                let done = data
                    .write_in(
                        &run,
                        AddMembers {
                            id,
                            usernames: names,
                        },
                    )
                    .await?;
                let n = done.newmembers.len();
                added_here.set(added_here.get() + n);
                Ok(Done::said(move || t().batch_added(asked, n)))
            })
        });
        let finish: Finish = Rc::new(move |b: Bulk| {
            let n = total.get();
            if n > 0 {
                notices.show(t().added(n));
            }
            if b.failed() == 0 {
                draft.set(String::new());
            }
        });
        // One item per request of at most 60 users.
        let items = names
            .chunks(ADD_MEMBERS_MAX)
            .map(|c| {
                let (first, n) = (c[0].clone(), c.len());
                (c.join("\n"), Said::new(move || t().batch_of(&first, n)))
            })
            .collect();
        let plan = Plan {
            items: names
                .chunks(ADD_MEMBERS_MAX)
                .map(|c| {
                    AddMembers {
                        id: room_id.clone(),
                        usernames: c.to_vec(),
                    }
                    .item()
                })
                .collect(),
            undoes: None,
            resumes: None,
        };
        bulk.start(items, plan, work, finish);
    });
    let pending = bulk.running;
    view! {
        <Dialog open=bulk.open id="add-dialog" title=t().add_members_title.to_string()>
            // What is typed here is kept above the views: it survives a language switch.
            <div data-kept="">
            <UsernamesForm open=bulk.open id="add-usernames" hint=t().add_members_hint draft pending
                submit_label=Signal::derive(move || if pending.get() { t().adding } else { t().add_members })
                submit_class="primary" on_names=start/>
            </div>
            <BulkProgress bulk item_heading=t().user testid="add-results"/>
        </Dialog>
    }
}

#[component]
pub fn RemoveMembersDialog(open: RwSignal<bool>, room_id: Signal<String>) -> impl IntoView {
    // What was typed stays while the page does, across openings.
    let draft = RwSignal::new(String::new());
    view! {
        <Dialog open id="remove-dialog" title=t().remove_members_title.to_string()>
            <RemoveForm open room_id draft/>
        </Dialog>
    }
}

/// Made each time the dialog opens: no result left from the last time.
#[component]
fn RemoveForm(
    open: RwSignal<bool>,
    room_id: Signal<String>,
    draft: RwSignal<String>,
) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    // A result for every user: the server's per-user answer, or, when a whole request of 60
    // failed, that failure described for each of its users.
    let send = Action::new_local(move |names: &Vec<String>| {
        let (names, id) = (names.clone(), room_id.get_untracked());
        async move {
            let mut rows: Vec<(String, Result<(), String>)> = Vec::new();
            for chunk in names.chunks(REMOVE_MEMBERS_MAX) {
                let call = RemoveMembers {
                    id: id.clone(),
                    usernames: chunk.to_vec(),
                };
                match data.write(call).await {
                    Ok(results) => rows.extend(results.into_iter().map(|r| {
                        let outcome = if r.result {
                            Ok(())
                        } else {
                            Err(r.reason.unwrap_or_default())
                        };
                        (r.user, outcome)
                    })),
                    Err(e) => {
                        let why = describe(&e).one_line();
                        rows.extend(chunk.iter().map(|u| (u.clone(), Err(why.clone()))));
                    }
                }
            }
            let removed = rows.iter().filter(|(_, r)| r.is_ok()).count();
            if removed > 0 {
                notices.show(t().removed(removed));
            }
            rows
        }
    });
    let pending = send.pending();
    view! {
        <UsernamesForm open id="remove-usernames" hint=t().remove_members_hint draft pending
            submit_label=Signal::derive(|| t().remove_members)
            submit_class="danger" on_names=Callback::new(move |names| { send.dispatch_local(names); })/>
        {move || send.value().get().map(|results| view! { <RemovalResults results/> })}
    }
}

#[component]
fn RemovalResults(results: Vec<(String, Result<(), String>)>) -> impl IntoView {
    view! {
        <div class="table-scroll">
        <table class="results" data-testid="remove-results">
            <thead><tr><th scope="col">{t().user}</th><th scope="col">{t().result}</th></tr></thead>
            <tbody>
                {results.into_iter().map(|(user, r)| {
                    let (class, words) = match r {
                        Ok(()) => ("ok", t().removed.to_string()),
                        Err(why) => ("failed", t().failed_because(&why)),
                    };
                    view! { <tr class=class><td translate="no">{user}</td><td>{words}</td></tr> }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

#[component]
pub fn LeaveDialog(open: RwSignal<bool>, room_id: Signal<String>) -> impl IntoView {
    view! {
        <Dialog open id="leave-dialog" title=t().member_leaves_title.to_string()>
            <LeaveForm open room_id/>
        </Dialog>
    }
}

/// Made each time the dialog opens: nothing typed, no error left from the last time.
#[component]
fn LeaveForm(open: RwSignal<bool>, room_id: Signal<String>) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let user = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<FieldError>);
    let send = Action::new_local(move |u: &String| {
        let call = RemoveMember {
            id: room_id.get_untracked(),
            username: u.clone(),
        };
        async move {
            match data.write(call).await {
                Ok(r) => {
                    notices.show(t().left(&r.user));
                    open.try_set(false);
                }
                Err(e) => {
                    problem.try_set(Some(FieldError {
                        field: Some(Field::Username),
                        message: FieldError::from_api(&e, "").message,
                    }));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked() {
            return;
        }
        let u = user.get_untracked().trim().to_string();
        match easemob_api::limits::check_username(Field::Username, &u) {
            Ok(()) => {
                problem.set(None);
                send.dispatch_local(u);
            }
            Err(i) => problem.set(Some(i.into())),
        }
    };
    let pending = send.pending();
    view! {
            <p>{t().member_leaves_hint}</p>
            <form on:submit=submit novalidate>
                <FormField id="leave-username" label=t().user value=user
                    error=Signal::derive(error_for(problem, Field::Username))/>
                <div class="actions">
                    <button type="submit" class="danger" disabled=move || pending.get()>{t().member_leaves}</button>
                    <button type="button" on:click=move |_| open.set(false)>{t().cancel}</button>
                </div>
            </form>
    }
}
