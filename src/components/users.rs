//! Lists of users with an action each, and the form that names users: shared by a room's
//! moderation panels, the super admins page and the bulk dialogs.

use crate::components::error::ErrorView;
use crate::components::field::{error_for, FormField};
use crate::components::Loading;
use crate::forms::FieldError;
use crate::i18n::t;
use easemob_api::limits::Field;
use easemob_api::ApiError;
use leptos::prelude::*;

/// A list as it loads: loading, the failure, "nobody", or the rows.
pub fn list_view<T: 'static>(
    answer: Option<Result<Vec<T>, ApiError>>,
    empty: &'static str,
    testid: &'static str,
    row: impl Fn(T) -> AnyView,
) -> AnyView {
    match answer {
        None => view! { <Loading what=t().loading_list/> }.into_any(),
        Some(Err(e)) => view! { <ErrorView error=e/> }.into_any(),
        Some(Ok(list)) if list.is_empty() => {
            view! { <p class="empty" data-testid=testid>{empty}</p> }.into_any()
        }
        Some(Ok(list)) => view! {
            <ul class="mod-list" data-testid=testid>{list.into_iter().map(row).collect_view()}</ul>
        }
        .into_any(),
    }
}

/// One user in a panel's list: the name (a link to the user's rooms) and a button that undoes.
pub fn user_row(
    name: String,
    extra: Option<AnyView>,
    action_label: String,
    action_text: &'static str,
    on_click: impl Fn() + 'static,
) -> AnyView {
    view! {
        <li>
            <a href=crate::url::link(&crate::url::user(&name)) translate="no">{name.clone()}</a>
            {extra}
            <button type="button" class="small" aria-label=action_label on:click=move |_| on_click()>{action_text}</button>
        </li>
    }
    .into_any()
}

/// A one-line form of usernames (one, or several separated by commas or spaces), checked
/// before `on_names` gets them; `also` is a second button that hands the same names to another
/// action (remove them, where the first adds). What was typed stays until the parent clears it.
#[component]
pub fn UsersForm(
    id: &'static str,
    label: &'static str,
    submit: &'static str,
    #[prop(optional)] class: &'static str,
    #[prop(into)] pending: Signal<bool>,
    draft: RwSignal<String>,
    #[prop(optional)] single: bool,
    on_names: Callback<Vec<String>>,
    #[prop(optional)] also: Option<(&'static str, Callback<Vec<String>>)>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let problem = RwSignal::new(None::<FieldError>);
    let field = if single {
        Field::Username
    } else {
        Field::Usernames
    };
    // Checks what was typed and hands it to `to`, or shows what is wrong with it.
    let send = move |to: Callback<Vec<String>>| {
        if pending.get_untracked() {
            return;
        }
        let checked = if single {
            let u = draft.get_untracked().trim().to_string();
            easemob_api::limits::check_username(Field::Username, &u)
                .map(|()| vec![u])
                .map_err(FieldError::from)
        } else {
            crate::forms::moderated_users(&draft.get_untracked())
        };
        match checked {
            Ok(names) => {
                problem.set(None);
                to.run(names);
            }
            Err(p) => problem.set(Some(p)),
        }
    };
    let submit_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send(on_names);
    };
    let hint = (!single).then_some(t().usernames_inline_hint);
    view! {
        <form class="mod-form" on:submit=submit_form novalidate>
            <FormField id=id label=label value=draft hint=hint.unwrap_or("")
                error=Signal::derive(error_for(problem, field))/>
            {children.map(|c| c())}
            <button type="submit" class=if class.is_empty() { "small" } else { class } disabled=move || pending.get()>{submit}</button>
            {also.map(|(words, to)| view! {
                <button type="button" class="small" disabled=move || pending.get() on:click=move |_| send(to)>{words}</button>
            })}
        </form>
    }
}
