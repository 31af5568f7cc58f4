//! The blocklist and the allowlist: the same panel for both, with each user's result when an
//! addition or a removal could not be done for everyone.

use super::moderation::ModRoom;
use crate::components::error::action_failure;
use crate::components::notice::use_notices;
use crate::components::users::{list_view, user_row, UsersForm};
use crate::i18n::t;
use easemob_api::endpoints::{AddToRoomList, RemoveFromRoomList, RoomList};
use easemob_api::wire::ListChange;
use easemob_api::UserReason;
use leptos::prelude::*;

/// The users a list change was not done for, each with why, in the dashboard's words.
pub fn not_done(results: &[ListChange]) -> Vec<String> {
    results
        .iter()
        .filter(|r| !r.result)
        .map(|r| {
            let why = UserReason::parse(r.reason.as_deref().unwrap_or(""));
            t().not_done_for(&r.user, &t().user_reason(&why))
        })
        .collect()
}

#[component]
pub fn ListPanel(room: ModRoom, list: RoomList) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let users = LocalResource::new(move || {
        let id = room.id.get();
        data.track();
        async move { data.room_list(&id, list).await }
    });
    let draft = RwSignal::new(String::new());
    // Each action says what it did itself; its value keeps the per-user results and the
    // failure, shown below.
    let add = Action::new_local(move |names: &Vec<String>| {
        let call = AddToRoomList {
            id: room.id.get_untracked(),
            list,
            usernames: names.clone(),
        };
        async move {
            let results = data.write(call).await?;
            let n = results.iter().filter(|r| r.result).count();
            if n > 0 {
                notices.show(match list {
                    RoomList::Block => t().blocked_n(n),
                    RoomList::Allow => t().allowed_n(n),
                });
            }
            if n == results.len() {
                draft.try_set(String::new());
            }
            Ok(results)
        }
    });
    let remove = Action::new_local(move |names: &Vec<String>| {
        let call = RemoveFromRoomList {
            id: room.id.get_untracked(),
            list,
            usernames: names.clone(),
        };
        async move {
            let results = data.write(call).await?;
            for r in results.iter().filter(|r| r.result) {
                notices.show(match list {
                    RoomList::Block => t().unblocked(&r.user),
                    RoomList::Allow => t().disallowed(&r.user),
                });
            }
            if results.iter().all(|r| r.result) && results.len() > 1 {
                draft.try_set(String::new());
            }
            Ok(results)
        }
    });
    let (key, title, hint, empty, submit) = match list {
        RoomList::Block => (
            "block",
            t().blocklist_title,
            t().blocklist_hint,
            t().no_blocked,
            t().block,
        ),
        RoomList::Allow => (
            "allow",
            t().allowlist_title,
            t().allowlist_hint,
            t().no_allowed,
            t().allow,
        ),
    };
    let title_id = format!("{key}-title");
    let labelled_by = title_id.clone();
    // The users not done by the last change (each change clears the other's results).
    let failures = move || {
        let mut lines = Vec::new();
        for value in [add.value().get(), remove.value().get()] {
            if let Some(Ok(results)) = value {
                lines.extend(not_done(&results));
            }
        }
        (!lines.is_empty()).then(|| view! {
            <ul class="results" role="status" data-testid=format!("{key}-failures")>
                {lines.into_iter().map(|l| view! { <li class="failed">{l}</li> }).collect_view()}
            </ul>
        })
    };
    view! {
        <section class="mod-panel" aria-labelledby=labelled_by>
            <h3 id=title_id>{title}</h3>
            <p class="hint">{hint}</p>
            {move || list_view(users.get(), empty, if list == RoomList::Block { "blocked" } else { "allowed" }, |name| {
                let who = name.clone();
                let label = match list {
                    RoomList::Block => t().unblock_user(&name),
                    RoomList::Allow => t().disallow_user(&name),
                };
                user_row(name, None, label, t().remove, move || {
                    add.value().set(None);
                    remove.dispatch_local(vec![who.clone()]);
                })
            })}
            {action_failure(remove)}
            <UsersForm id=if list == RoomList::Block { "block-usernames" } else { "allow-usernames" }
                label=t().users_short submit class=if list == RoomList::Block { "small danger" } else { "small" }
                pending=Signal::derive(move || add.pending().get() || remove.pending().get()) draft
                on_names=Callback::new(move |names| { remove.value().set(None); add.dispatch_local(names); })
                also=(t().remove_these, Callback::new(move |names| { add.value().set(None); remove.dispatch_local(names); }))/>
            {action_failure(add)}
            {failures}
        </section>
    }
}
