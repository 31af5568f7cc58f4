//! Dissolve several rooms selected in the list, one request each, with a result per room.

use crate::components::dialog::Dialog;
use crate::components::notice::use_notices;
use crate::session::use_session;
use crate::text;
use easemob_api::endpoints::DissolveRoom;
use leptos::prelude::*;

#[component]
pub fn BulkDissolveDialog(
    open: RwSignal<bool>,
    #[prop(into)] ids: Signal<Vec<String>>,
    /// Called once the rooms are gone, to clear the selection.
    on_done: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let notices = use_notices();
    let typed = RwSignal::new(String::new());
    let run = Action::new_local(move |ids: &Vec<String>| {
        let ids = ids.clone();
        async move {
            let mut results = Vec::with_capacity(ids.len());
            for id in ids {
                let r = session.call(DissolveRoom { id: id.clone() }).await;
                results.push((
                    id,
                    r.map(|_| ())
                        .map_err(|e| crate::components::error::describe(&e)),
                ));
            }
            results
        }
    });
    Effect::new(move |_| {
        if let Some(results) = run.value().get() {
            let ok = results.iter().filter(|(_, r)| r.is_ok()).count();
            notices.show(text::bulk_dissolved(ok, results.len()));
            typed.set(String::new());
            session.changed();
            on_done.run(());
        }
    });
    // The rooms as they were when the dialog opened: clearing the selection afterwards must not
    // change what the dialog is about.
    let shown = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        if open.get() {
            shown.set(ids.get_untracked());
            typed.set(String::new());
            run.value().set(None);
        }
    });
    let confirmed = Memo::new(move |_| typed.get().trim() == shown.get().len().to_string());
    let pending = run.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if confirmed.get_untracked() && !run.pending().get_untracked() {
            run.dispatch_local(shown.get_untracked());
        }
    };
    view! {
        <Dialog open id="bulk-dissolve-dialog" title=Signal::derive(move || text::bulk_dissolve_title(shown.get().len()))>
            <Show when=move || run.value().with(Option::is_none)>
                <ul class="inline-list">
                    {move || shown.get().into_iter().map(|id| view! { <li><code>{id}</code></li> }).collect_view()}
                </ul>
                <p class="warning">{text::DISSOLVE_WARNING}</p>
                <form on:submit=submit>
                    <div class="field">
                        <label for="bulk-confirm">{text::BULK_CONFIRM}</label>
                        <input id="bulk-confirm" bind:value=typed autocomplete="off" inputmode="numeric"/>
                    </div>
                    <div class="actions">
                        <button type="submit" class="danger" disabled=move || !confirmed.get() || pending.get()>
                            {move || if pending.get() { text::DISSOLVING } else { text::DISSOLVE }}
                        </button>
                        <button type="button" on:click=move |_| open.set(false)>{text::CANCEL}</button>
                    </div>
                </form>
            </Show>
            {move || run.value().get().map(|results| view! {
                <table class="results" data-testid="bulk-results">
                    <thead><tr><th scope="col">{text::COL_ID}</th><th scope="col">{text::RESULT}</th></tr></thead>
                    <tbody>
                        {results.into_iter().map(|(id, r)| view! {
                            <tr class=if r.is_ok() { "ok" } else { "failed" }.to_string()>
                                <td class="mono">{id}</td>
                                <td>{match r {
                                    Ok(()) => text::DISSOLVED.to_string(),
                                    Err((ref title, ref detail)) => text::failed_because(&format!("{title}: {detail}")),
                                }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <div class="actions">
                    <button type="button" on:click=move |_| open.set(false)>{text::CLOSE}</button>
                </div>
            })}
        </Dialog>
    }
}
