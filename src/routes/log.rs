//! The request log: what the dashboard sent, what came back, and each call as a curl command.

use crate::components::copy::CopyButton;
use crate::components::time::Time;
use crate::components::RequireConnection;
use crate::i18n::t;
use crate::request_log::{use_request_log, LogEntry};
use easemob_api::http::mask_secrets;
use leptos::prelude::*;
use std::sync::Arc;

/// The log holds the tokens of this tab's requests: it is shown only while connected, and
/// emptied on Disconnect.
#[component]
pub fn RequestLogPage() -> impl IntoView {
    view! { <RequireConnection><RequestLogView/></RequireConnection> }
}

#[component]
fn RequestLogView() -> impl IntoView {
    let log = use_request_log();
    let reveal = RwSignal::new(false);
    view! {
        <section class="panel">
            <div class="toolbar">
                <h1>{t().log_title}</h1>
                <button type="button" on:click=move |_| log.clear() disabled=move || log.is_empty()>{t().clear_log}</button>
            </div>
            <p class="lead">{t().log_lead}</p>
            <label class="check">
                <input type="checkbox" data-testid="reveal-token" bind:checked=reveal/>
                {t().reveal_token}
            </label>
            <p class="summary" role="status">{move || t().log_count(log.len())}</p>
            <Show when=move || !log.is_empty() fallback=|| view! { <p class="empty">{t().log_empty}</p> }>
                <div class="table-scroll">
                    <table class="log" aria-label=t().log_table>
                        <thead>
                            <tr>
                                <th scope="col">{t().col_time}</th>
                                <th scope="col">{t().col_request}</th>
                                <th scope="col" class="num">{t().col_status}</th>
                                <th scope="col" class="num">{t().col_duration}</th>
                                <th scope="col" class="num">{t().col_attempt}</th>
                                <th scope="col"><span class="visually-hidden">{t().copy_curl}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || log.entries() key=|e| e.seq let:entry>
                                <LogRow entry reveal/>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn LogRow(entry: Arc<LogEntry>, reveal: RwSignal<bool>) -> impl IntoView {
    let request = entry.request.clone();
    let curl = Signal::derive(move || request.curl(reveal.get()));
    let status = match entry.status {
        Some(s) => s.to_string(),
        None => t().no_answer.to_string(),
    };
    let failed = entry.status.is_none_or(|s| s >= 400);
    let body = entry.body.clone();
    view! {
        <tr data-testid="log-row">
            <td><Time ms=entry.at_ms/></td>
            <td class="request">
                <code translate="no">{entry.call.to_string()}</code>
                {body.map(|b| view! {
                    <details>
                        <summary>{t().response_body}</summary>
                        <pre class="body" data-testid="log-body" translate="no">{mask_secrets(&b)}</pre>
                    </details>
                })}
            </td>
            <td class="num" class:failed=failed data-testid="log-status">{status}</td>
            <td class="num">{t().duration_ms(entry.duration_ms)}</td>
            <td class="num" data-testid="log-attempt">{entry.attempt}</td>
            <td>
                <CopyButton text=curl label=t().copy_curl testid="copy-curl"
                    aria_label=t().copy_curl_of(&entry.call.to_string())/>
            </td>
        </tr>
    }
}
