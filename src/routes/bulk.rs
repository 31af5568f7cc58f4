//! Dissolve several rooms selected in the list: one request each, with progress, Stop, a
//! result per room, and the failed ones sent again in one click.

use crate::components::bulk::{Bulk, BulkProgress, Work};
use crate::components::dialog::Dialog;
use crate::components::notice::use_notices;
use crate::i18n::t;
use crate::session::use_session;
use easemob_api::endpoints::DissolveRoom;
use leptos::prelude::*;
use std::rc::Rc;

#[component]
pub fn BulkDissolveDialog(
    open: RwSignal<bool>,
    #[prop(into)] ids: Signal<Vec<String>>,
    /// Called once a run has ended, to clear the selection.
    on_done: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let data = crate::data::use_data();
    let notices = use_notices();
    let typed = RwSignal::new(String::new());
    let work: Work = Rc::new(move |id: String| {
        Box::pin(async move {
            session
                .call(DissolveRoom { id })
                .await
                .map(|_| t().dissolved.to_string())
        })
    });
    let bulk = Bulk::new(work);
    // The rooms as they were when the dialog opened: clearing the selection afterwards must not
    // change what the dialog is about.
    let shown = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        if open.get() && !bulk.running.get_untracked() {
            shown.set(ids.get_untracked());
            typed.set(String::new());
            bulk.clear();
        }
    });
    Effect::new(move |previous: Option<u32>| {
        let runs = bulk.finished.get();
        if previous.is_some_and(|p| p != runs) {
            notices.show(t().bulk_dissolved(bulk.done(), shown.get_untracked().len()));
            data.rooms_changed(&bulk.done_keys());
            on_done.run(());
        }
        runs
    });
    let confirmed = Memo::new(move |_| typed.get().trim() == shown.get().len().to_string());
    let started = move || bulk.rows.with(|r| !r.is_empty());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if confirmed.get_untracked() && !bulk.running.get_untracked() {
            let items = shown
                .get_untracked()
                .into_iter()
                .map(|id| (id.clone(), id))
                .collect();
            bulk.start(items);
        }
    };
    view! {
        <Dialog open id="bulk-dissolve-dialog" title=Signal::derive(move || t().bulk_dissolve_title(shown.get().len()))>
            <Show when=move || !started()>
                <ul class="inline-list">
                    {move || shown.get().into_iter().map(|id| view! { <li><code translate="no">{id}</code></li> }).collect_view()}
                </ul>
                <p class="warning">{t().dissolve_warning}</p>
                <form on:submit=submit>
                    <div class="field">
                        <label for="bulk-confirm">{t().bulk_confirm}</label>
                        <input id="bulk-confirm" bind:value=typed autocomplete="off" inputmode="numeric"/>
                    </div>
                    <div class="actions">
                        <button type="submit" class="danger" disabled=move || !confirmed.get()>{t().dissolve}</button>
                        <button type="button" on:click=move |_| open.set(false)>{t().cancel}</button>
                    </div>
                </form>
            </Show>
            <BulkProgress bulk item_heading=t().col_id testid="bulk-results"/>
            <Show when=move || started() && !bulk.running.get()>
                <div class="actions">
                    <button type="button" on:click=move |_| open.set(false)>{t().close}</button>
                </div>
            </Show>
        </Dialog>
    }
}
