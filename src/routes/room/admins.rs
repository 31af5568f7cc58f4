//! Room admins: the list, make a member an admin, make an admin a member again.

use super::moderation::ModRoom;
use crate::components::error::action_failure;
use crate::components::notice::use_notices;
use crate::components::users::{list_view, user_row, UsersForm};
use crate::i18n::t;
use easemob_api::endpoints::{AddAdmin, RemoveAdmin};
use easemob_api::ApiError;
use leptos::prelude::*;

#[component]
pub fn AdminsPanel(room: ModRoom) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let admins = LocalResource::new(move || {
        let id = room.id.get();
        data.track();
        async move { data.admins(&id).await }
    });
    let draft = RwSignal::new(String::new());
    // Each action says what it did itself; its failure stays in its value, shown below.
    let add = Action::new_local(move |u: &String| {
        let call = AddAdmin {
            id: room.id.get_untracked(),
            username: u.clone(),
        };
        async move {
            let u = data.write(call).await?.newadmin;
            notices.show(t().admin_added(&u));
            draft.try_set(String::new());
            Ok::<_, ApiError>(())
        }
    });
    let remove = Action::new_local(move |u: &String| {
        let call = RemoveAdmin {
            id: room.id.get_untracked(),
            username: u.clone(),
        };
        async move {
            let u = data.write(call).await?.oldadmin;
            notices.show(t().admin_removed(&u));
            Ok::<_, ApiError>(())
        }
    });
    view! {
        <section class="mod-panel" aria-labelledby="admins-title">
            <h3 id="admins-title">{t().admins_title}</h3>
            {move || list_view(admins.get(), t().no_admins, "admins", |name| {
                let who = name.clone();
                user_row(name.clone(), None, t().remove_admin(&name), t().remove, move || {
                    remove.dispatch_local(who.clone());
                })
            })}
            {action_failure(remove)}
            <UsersForm id="admin-username" label=t().user submit=t().make_admin single=true
                pending=add.pending() draft on_names=Callback::new(move |mut names: Vec<String>| {
                    add.dispatch_local(names.remove(0));
                })/>
            {action_failure(add)}
        </section>
    }
}
