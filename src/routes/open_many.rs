//! Open many rooms at once by id: details arrive 100 ids a request; ids that are not found are
//! listed as such.

use crate::components::error::ErrorView;
use crate::components::{Loading, RequireConnection};
use crate::i18n::t;
use easemob_api::limits::split_list;
use easemob_api::wire::ChatroomDetail;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The ids asked for that are not among the rooms found.
pub fn missing(asked: &[String], found: &[ChatroomDetail]) -> Vec<String> {
    asked
        .iter()
        .filter(|id| !found.iter().any(|r| &r.id == *id))
        .cloned()
        .collect()
}

#[component]
pub fn OpenMany() -> impl IntoView {
    view! { <RequireConnection><OpenManyView/></RequireConnection> }
}

#[component]
fn OpenManyView() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let ids = Memo::new(move |_| split_list(&query.get().get("ids").unwrap_or_default()));
    // The box shows the ids of the URL (also after Back and Forward) until the person types:
    // what is typed is kept with the ids it was typed over.
    let typed = RwSignal::new(None::<(Vec<String>, String)>);
    let draft = move || {
        typed
            .get()
            .filter(|(over, _)| *over == ids.get())
            .map(|(_, t)| t)
            .unwrap_or_else(|| ids.get().join("\n"))
    };
    let data = crate::data::use_data();
    let result = LocalResource::new(move || {
        let ids = ids.get();
        data.track();
        async move {
            if ids.is_empty() {
                return Ok(None);
            }
            let found = data.room_details(&ids).await?;
            // In the order asked for.
            let found: Vec<ChatroomDetail> =
                ids.iter().filter_map(|id| found.get(id).cloned()).collect();
            Ok::<_, easemob_api::ApiError>(Some((ids, found)))
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let list = split_list(&untrack(draft)).join(",");
        navigate(
            &crate::url::href("/open", &[("ids", list)]),
            NavigateOptions::default(),
        );
    };
    view! {
        <section class="panel">
            <h1>{t().open_many_title}</h1>
            <form on:submit=submit>
                <label for="ids">{t().open_many_label}</label>
                <textarea id="ids" rows="5" prop:value=draft placeholder=t().open_many_placeholder
                    on:input=move |ev| typed.set(Some((ids.get_untracked(), event_target_value(&ev))))></textarea>
                <div class="actions">
                    <button type="submit" class="primary">{t().open}</button>
                </div>
            </form>
            // Not a Suspend: rooms held by the data layer are ready at once, and shown at once.
            {move || match result.get() {
                        None => view! { <Loading what=t().loading_rooms/> }.into_any(),
                        Some(Err(e)) => view! { <ErrorView error=e/> }.into_any(),
                        Some(Ok(None)) => ().into_any(),
                        Some(Ok(Some((asked, found)))) => {
                            let missing = missing(&asked, &found);
                            view! {
                                <p class="summary" role="status" data-testid="open-summary">{t().found_of(found.len(), asked.len())}</p>
                                {(!missing.is_empty()).then(|| view! {
                                    <div class="warning" data-testid="not-found">
                                        <strong>{t().not_found_ids}</strong>
                                        <ul class="inline-list">
                                            {missing.into_iter().map(|id| view! { <li><code translate="no">{id}</code></li> }).collect_view()}
                                        </ul>
                                    </div>
                                })}
                                <div class="table-scroll">
                                <table class="rooms">
                                    <thead><tr>
                                        <th scope="col">{t().col_id}</th>
                                        <th scope="col">{t().col_name}</th>
                                        <th scope="col">{t().col_owner}</th>
                                        <th scope="col">{t().col_members}</th>
                                        <th scope="col">{t().col_maxusers}</th>
                                    </tr></thead>
                                    <tbody>
                                        {found.into_iter().map(|r| view! {
                                            <tr>
                                                <td class="mono id"><a href=crate::url::link(&crate::url::room(&r.id))>{r.id.clone()}</a></td>
                                                <td translate="no">{r.name}</td>
                                                <td translate="no">{r.owner}</td>
                                                <td class="num">{r.affiliations_count}</td>
                                                <td class="num">{r.maxusers}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                </div>
                            }.into_any()
                        }
            }}
        </section>
    }
}
