//! The room's custom attributes: the table, set one (as the owner, overriding whoever set
//! it), delete one.

use super::moderation::ModRoom;
use crate::components::error::{action_failure, ErrorView};
use crate::components::field::{error_for, FormField};
use crate::components::notice::use_notices;
use crate::forms::FieldError;
use crate::i18n::t;
use easemob_api::endpoints::{DeleteAttributes, SetAttributes};
use easemob_api::limits::{check_attributes, Field};
use easemob_api::wire::AttributesChanged;
use easemob_api::KeyReason;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The keys a call did not do, each with why, in the dashboard's words.
pub fn keys_not_done(done: &AttributesChanged) -> Vec<String> {
    done.error_keys
        .iter()
        .map(|(k, reason)| t().not_done_for(k, &t().key_reason(&KeyReason::parse(k, reason))))
        .collect()
}

#[component]
pub fn AttributesPanel(room: ModRoom) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let attrs = LocalResource::new(move || {
        let id = room.id.get();
        data.track();
        async move { data.attributes(&id).await }
    });
    let key = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    // Each action says what it did itself; its value keeps the per-key results and the
    // failure, shown below.
    let set = Action::new_local(move |(k, v): &(String, String)| {
        let call = SetAttributes {
            id: room.id.get_untracked(),
            user: room.owner.get_untracked(),
            attributes: BTreeMap::from([(k.clone(), v.clone())]),
            auto_delete: false,
            forced: true,
        };
        async move {
            let done = data.write(call).await?;
            for k in &done.success_keys {
                notices.show(t().attribute_set(k));
            }
            if done.error_keys.is_empty() {
                key.try_set(String::new());
                value.try_set(String::new());
            }
            Ok(done)
        }
    });
    let delete = Action::new_local(move |k: &String| {
        let call = DeleteAttributes {
            id: room.id.get_untracked(),
            user: room.owner.get_untracked(),
            keys: vec![k.clone()],
            forced: true,
        };
        async move {
            let done = data.write(call).await?;
            for k in &done.success_keys {
                notices.show(t().attribute_deleted(k));
            }
            Ok(done)
        }
    });
    let problem = RwSignal::new(None::<FieldError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if set.pending().get_untracked() {
            return;
        }
        let (k, v) = (
            key.get_untracked().trim().to_string(),
            value.get_untracked(),
        );
        let one = BTreeMap::from([(k.clone(), v.clone())]);
        match check_attributes(one.iter()) {
            Ok(()) => {
                problem.set(None);
                delete.value().set(None);
                set.dispatch_local((k, v));
            }
            Err(i) => problem.set(Some(i.into())),
        }
    };
    let failures = move || {
        let mut lines = Vec::new();
        for value in [set.value().get(), delete.value().get()] {
            if let Some(Ok(done)) = value {
                lines.extend(keys_not_done(&done));
            }
        }
        (!lines.is_empty()).then(|| view! {
            <ul class="results" role="status" data-testid="attribute-failures">
                {lines.into_iter().map(|l| view! { <li class="failed">{l}</li> }).collect_view()}
            </ul>
        })
    };
    view! {
        <section class="mod-panel wide" aria-labelledby="attributes-title">
            <h3 id="attributes-title">{t().attributes_title}</h3>
            <p class="hint">{t().attributes_hint}</p>
            {move || match attrs.get() {
                None => view! { <crate::components::Loading what=t().loading_list/> }.into_any(),
                Some(Err(e)) => view! { <ErrorView error=e/> }.into_any(),
                Some(Ok(map)) if map.is_empty() => view! { <p class="empty" data-testid="attributes">{t().no_attributes}</p> }.into_any(),
                Some(Ok(map)) => view! {
                    <div class="table-scroll">
                    <table class="attrs" data-testid="attributes">
                        <thead><tr><th scope="col">{t().attr_key}</th><th scope="col">{t().attr_value}</th><th scope="col"><span class="visually-hidden">{t().actions_col}</span></th></tr></thead>
                        <tbody>
                            {map.into_iter().map(|(k, v)| {
                                let label = t().delete_attribute(&k);
                                let which = k.clone();
                                view! {
                                    <tr>
                                        <td translate="no"><code>{k}</code></td>
                                        <td translate="no" class="value">{v}</td>
                                        <td><button type="button" class="small" aria-label=label
                                            on:click=move |_| { set.value().set(None); delete.dispatch_local(which.clone()); }>{t().remove}</button></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any(),
            }}
            {action_failure(delete)}
            <form class="mod-form" on:submit=submit novalidate>
                <FormField id="attr-key" label=t().attr_key value=key error=Signal::derive(error_for(problem, Field::AttributeKey))/>
                <FormField id="attr-value" label=t().attr_value value=value error=Signal::derive(move || {
                    error_for(problem, Field::AttributeValue)().or_else(error_for(problem, Field::Attributes))
                })/>
                <button type="submit" class="small primary" disabled=move || set.pending().get()>{t().set_attribute}</button>
            </form>
            {action_failure(set)}
            {failures}
        </section>
    }
}
