//! The app's super admins (`/super-admins`): who may create rooms from a client SDK, a page
//! at a time (`?page=`), with add and remove.

use crate::components::error::action_failure;
use crate::components::notice::use_notices;
use crate::components::users::{list_view, user_row, UsersForm};
use crate::components::RequireConnection;
use crate::i18n::t;
use crate::routes::Pager;
use easemob_api::endpoints::{AddSuperAdmin, RemoveSuperAdmin};
use easemob_api::paging::is_last_page;
use leptos::prelude::*;

pub const PAGE_SIZE: u32 = 100;

#[component]
pub fn SuperAdmins() -> impl IntoView {
    view! { <RequireConnection><SuperAdminsView/></RequireConnection> }
}

#[component]
fn SuperAdminsView() -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let page = crate::routes::page_in_query("page");
    let admins = LocalResource::new(move || {
        let pagenum = page.get();
        data.track();
        async move {
            data.super_admins(pagenum, PAGE_SIZE)
                .await
                .map(|list| (pagenum, list))
        }
    });
    let draft = RwSignal::new(String::new());
    // Each action says what it did itself; its failure stays in its value, shown below.
    let add = Action::new_local(move |u: &String| {
        let call = AddSuperAdmin {
            username: u.clone(),
        };
        let u = u.clone();
        async move {
            data.write(call).await?;
            notices.show(t().super_admin_added(&u));
            draft.try_set(String::new());
            Ok::<_, easemob_api::ApiError>(())
        }
    });
    let remove = Action::new_local(move |u: &String| {
        let call = RemoveSuperAdmin {
            username: u.clone(),
        };
        async move {
            let u = data.write(call).await?.new_super_admin;
            notices.show(t().super_admin_removed(&u));
            Ok::<_, easemob_api::ApiError>(())
        }
    });
    let href = |p: u32| {
        crate::url::href(
            "/super-admins",
            &[("page", if p > 1 { p.to_string() } else { String::new() })],
        )
    };
    let prev = Signal::derive(move || (page.get() > 1).then(|| href(page.get() - 1)));
    let next = Signal::derive(move || match admins.get() {
        Some(Ok((p, list))) if p == page.get() && !is_last_page(list.len(), PAGE_SIZE) => {
            Some(href(p + 1))
        }
        _ => None,
    });
    view! {
        <section class="panel">
            <h1>{t().super_admins_title}</h1>
            <p class="hint">{t().super_admins_lead}</p>
            <UsersForm id="super-admin-username" label=t().user submit=t().add_super_admin single=true
                pending=add.pending() draft on_names=Callback::new(move |mut names: Vec<String>| {
                    add.dispatch_local(names.remove(0));
                })/>
            {action_failure(add)}
            <Pager label=t().super_admins_title page=Signal::derive(move || page.get() as usize) prev next/>
            {move || list_view(admins.get().map(|r| r.map(|(_, l)| l)), t().no_super_admins, "super-admins", |name| {
                let who = name.clone();
                user_row(name.clone(), None, t().remove_super_admin(&name), t().remove, move || {
                    remove.dispatch_local(who.clone());
                })
            })}
            {action_failure(remove)}
        </section>
    }
}
