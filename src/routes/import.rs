//! Rooms from a spreadsheet (`/import`): choose a CSV file, every row is checked (the limits
//! here, then which users exist and which rooms are there already, on the server), a preview
//! says what each row will do, and the rooms to create are created one request each under the
//! create rate limit, with a result per row, the failed ones sent again in one click, and the
//! new ids to download. The rules are in `crate::import`.

use crate::components::bulk::{use_bulk, Bulk, BulkProgress, Done, Finish, Said, Work};
use crate::components::error::ErrorView;
use crate::components::kept::use_kept;
use crate::components::RequireConnection;
use crate::data::{Run, Shared, Write};
use crate::i18n::t;
use crate::import::{self, FileProblem, Plan, Row};
use crate::session::use_session;
use easemob_api::endpoints::{CreateRoom, GetUser};
use easemob_api::wire::CreateChatroom;
use easemob_api::{ApiError, ErrorKind, Refusal, Verdict};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;

/// Why the check stopped.
#[derive(Clone, Debug)]
enum CheckFailed {
    File(FileProblem),
    Api(ApiError),
}

#[component]
pub fn ImportRooms() -> impl IntoView {
    view! { <RequireConnection><ImportView/></RequireConnection> }
}

#[component]
fn ImportView() -> impl IntoView {
    let session = use_session();
    let data = crate::data::use_data();
    let notices = crate::components::notice::use_notices();
    // The file's text and what the check found are kept above the page: a language switch, or
    // a visit to another page, keeps them (and a run started from them).
    let text = use_kept("import.text", || None::<String>);
    let checked = use_kept("import.checked", || {
        None::<Result<Shared<Vec<Row>>, CheckFailed>>
    });
    // A chosen file is being read: Check waits for it.
    let reading = RwSignal::new(false);
    let users_checked = RwSignal::new((0usize, 0usize));
    let on_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        let blob: web_sys::Blob = file.unchecked_into();
        reading.set(true);
        leptos::task::spawn_local(async move {
            let read = wasm_bindgen_futures::JsFuture::from(blob.text()).await;
            text.set(read.ok().and_then(|v| v.as_string()));
            reading.set(false);
        });
    };
    let check = Action::new_local(move |text: &String| {
        let text = text.clone();
        let checking = async move {
            let rows = import::read_rows(&text).map_err(CheckFailed::File)?;
            let client = session.require_client().map_err(CheckFailed::Api)?;
            let users = import::usernames(&rows);
            users_checked.set((0, users.len()));
            let mut missing = HashSet::new();
            for (i, u) in users.iter().enumerate() {
                match client
                    .send(&GetUser {
                        username: u.clone(),
                    })
                    .await
                {
                    Ok(_) => {}
                    Err(e) if matches!(e.refusal(), Some(Refusal::UserEntityNotFound)) => {
                        missing.insert(u.clone());
                    }
                    Err(e) => return Err(CheckFailed::Api(e)),
                }
                users_checked.set((i + 1, users.len()));
            }
            let mut existing = HashMap::new();
            client
                .all_rooms(|page| {
                    for r in page {
                        existing.insert(import::same_room_key(&r.name, &r.owner), r.id);
                    }
                    true
                })
                .await
                .map_err(CheckFailed::Api)?;
            Ok::<_, CheckFailed>(Shared(Arc::new(import::plan(rows, &missing, &existing))))
        };
        async move {
            let result = checking.await;
            checked.set(Some(result));
        }
    });
    let checking = check.pending();
    let planned = Memo::new(move |_| checked.get().and_then(Result::ok));
    let bulk = use_bulk("import");
    let to_create = Memo::new(move |_| {
        planned.with(|p| {
            p.as_ref().map_or(0, |rows| {
                rows.iter()
                    .filter(|r| matches!(r.plan, Plan::Create(_)))
                    .count()
            })
        })
    });
    let start = move |_| {
        if bulk.running.get_untracked() {
            return;
        }
        let creates: Vec<(usize, String, CreateChatroom)> = planned.with_untracked(|p| {
            p.iter()
                .flat_map(|rows| rows.iter())
                .filter_map(|r| match &r.plan {
                    Plan::Create(req) => Some((r.number, r.name.clone(), req.clone())),
                    _ => None,
                })
                .collect()
        });
        let items = creates
            .iter()
            .map(|(n, name, _)| {
                let (n, name) = (*n, name.clone());
                (
                    n.to_string(),
                    Said::new(move || t().import_row_label(n, &name)),
                )
            })
            .collect();
        let plan = crate::components::bulk::Plan {
            items: creates
                .iter()
                .map(|(_, _, req)| CreateRoom(req.clone()).item())
                .collect(),
            undoes: None,
            resumes: None,
        };
        let requests: Rc<HashMap<String, CreateChatroom>> = Rc::new(
            creates
                .into_iter()
                .map(|(n, _, req)| (n.to_string(), req))
                .collect(),
        );
        // A row whose create may have been made (its answer lost, and looking failed too) is
        // looked for before it is sent again, so that no room is made twice.
        let work: Work = Rc::new(move |key: String, run: Run| {
            let req = requests.get(&key).cloned();
            Box::pin(async move {
                let call = CreateRoom(req.ok_or_else(|| ApiError::from(ErrorKind::Cancelled))?);
                let earlier = bulk.unsettled.with_value(|m| m.get(&key).cloned());
                let verdict = match earlier {
                    // Sent before: if the room is there, that send made it.
                    Some((sent_at, lost)) => match data.look_again(&call, sent_at, lost).await {
                        Verdict::NotDone { .. } => data.write_once_in(&run, &call).await,
                        other => other,
                    },
                    None => data.write_once_in(&run, &call).await,
                };
                match verdict {
                    Verdict::Done { value: id, .. } => {
                        bulk.unsettled.update_value(|m| {
                            m.remove(&key);
                        });
                        let shown = id.clone();
                        Ok(Done {
                            said: Said::new(move || t().import_created(&shown)),
                            id: Some(id),
                        })
                    }
                    Verdict::Unknown {
                        lost,
                        look,
                        sent_at_ms,
                    } => {
                        bulk.unsettled.update_value(|m| {
                            m.insert(key, (sent_at_ms, lost));
                        });
                        Err(look)
                    }
                    Verdict::NotDone { lost: e } | Verdict::Refused(e) => {
                        bulk.unsettled.update_value(|m| {
                            m.remove(&key);
                        });
                        Err(e)
                    }
                }
            })
        });
        let finish: Finish = Rc::new(move |b: Bulk| {
            let done = b.done();
            if done > 0 {
                notices.show(t().created_n(done));
            }
        });
        bulk.start(items, plan, work, finish);
    };
    let download = move |_| {
        let made = bulk.made();
        let rows: Vec<Vec<String>> = planned.with_untracked(|p| {
            made.iter()
                .map(|(n, id)| {
                    let row = p
                        .as_ref()
                        .and_then(|rows| rows.iter().find(|r| r.number.to_string() == *n));
                    vec![
                        n.to_string(),
                        row.map(|r| r.name.clone()).unwrap_or_default(),
                        row.map(|r| r.owner.clone()).unwrap_or_default(),
                        id.clone(),
                    ]
                })
                .collect()
        });
        let text = crate::export::csv(&["row", "name", "owner", "id"], &rows);
        crate::export::download("chatrooms-created.csv", "text/csv", &text);
    };
    let started = move || bulk.rows.with(|r| !r.is_empty());
    view! {
        <section class="panel">
            <h1>{t().import_title}</h1>
            <p class="hint">{t().import_lead}</p>
            <dl class="fields columns" aria-label=t().import_columns>
                <dt><code translate="no">"name"</code></dt><dd>{t().import_col_required}</dd>
                <dt><code translate="no">"description"</code></dt><dd>{t().import_col_required}</dd>
                <dt><code translate="no">"owner"</code></dt><dd>{t().import_col_required}</dd>
                <dt><code translate="no">"maxusers"</code></dt><dd>{t().import_optional}</dd>
                <dt><code translate="no">"members"</code></dt><dd>{t().import_members_hint}</dd>
            </dl>
            <div class="toolbar">
                <label class="inline import-file">
                    {t().import_file}
                    <input type="file" accept=".csv,text/csv" data-testid="import-file" on:change=on_file
                        disabled=move || bulk.running.get()/>
                </label>
                <button type="button" class="primary" data-testid="import-check"
                    disabled=move || text.with(Option::is_none) || reading.get() || checking.get() || bulk.running.get()
                    on:click=move |_| {
                        if let Some(t) = text.get_untracked() {
                            bulk.clear();
                            checked.set(None);
                            check.dispatch_local(t);
                        }
                    }>
                    {move || if checking.get() { t().import_checking } else { t().import_check }}
                </button>
                <Show when=move || checking.get()>
                    <span role="status">{move || { let (d, a) = users_checked.get(); t().import_users_checked(d, a) }}</span>
                </Show>
            </div>
            {move || match checked.get() {
                Some(Err(CheckFailed::File(p))) => Some(view! { <p class="form-error" role="alert" data-testid="import-file-problem">{t().import_file_problem(&p)}</p> }.into_any()),
                Some(Err(CheckFailed::Api(e))) => Some(view! { <ErrorView error=e/> }.into_any()),
                _ => None,
            }}
            {move || planned.get().map(|rows| view! { <Preview rows/> })}
            <Show when=move || planned.with(Option::is_some) && !started()>
                <button type="button" class="primary" data-testid="import-create" disabled=move || to_create.get() == 0
                    on:click=start>{move || t().import_create(to_create.get())}</button>
            </Show>
            <BulkProgress bulk item_heading=t().import_row testid="import-results"/>
            <Show when=move || { bulk.done() > 0 && !bulk.running.get() }>
                <button type="button" data-testid="import-download" on:click=download>{t().import_download}</button>
            </Show>
        </section>
    }
}

/// What each row will do, and the rows with problems named first.
#[component]
fn Preview(rows: Shared<Vec<Row>>) -> impl IntoView {
    let rows = rows.0;
    let count = |f: fn(&Plan) -> bool| rows.iter().filter(|r| f(&r.plan)).count();
    let create = count(|p| matches!(p, Plan::Create(_)));
    let exist = count(|p| matches!(p, Plan::Exists(_)));
    let problems: Vec<Row> = rows
        .iter()
        .filter(|r| matches!(r.plan, Plan::Problem(_)))
        .cloned()
        .collect();
    let describe = |plan: &Plan| match plan {
        Plan::Create(_) => t().import_will_create.to_string(),
        Plan::Exists(id) => t().import_exists(id),
        Plan::Problem(p) => t().import_problem(p),
    };
    view! {
        <p class="summary" role="status" data-testid="import-summary">{t().import_summary(create, exist, problems.len())}</p>
        {(!problems.is_empty()).then(|| view! {
            <h2>{t().import_problems_title}</h2>
            <ul class="results" data-testid="import-problems">
                {problems.iter().map(|r| view! {
                    <li class="failed">{t().import_row_problem(r.number, &r.name, &describe(&r.plan))}</li>
                }).collect_view()}
            </ul>
        })}
        <div class="table-scroll" tabindex="0" role="region" aria-label=t().import_preview>
            <table class="results" data-testid="import-preview">
                <thead><tr>
                    <th scope="col">{t().import_row}</th><th scope="col">{t().col_name}</th>
                    <th scope="col">{t().col_owner}</th><th scope="col">{t().import_status}</th>
                </tr></thead>
                <tbody>
                    {rows.iter().map(|r| {
                        let class = match r.plan { Plan::Problem(_) => "failed", Plan::Exists(_) => "muted", Plan::Create(_) => "" };
                        view! {
                            <tr class=class>
                                <td>{r.number}</td><td translate="no">{r.name.clone()}</td>
                                <td translate="no">{r.owner.clone()}</td><td>{describe(&r.plan)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
