//! Bulk work: many requests, one after another, with progress (n of N), a Stop button, a
//! result for each item, and the failed ones sent again in one click. The client paces and
//! retries each request; this only walks the list.

use crate::components::error::{describe, Described};
use crate::data::{Data, Run};
use crate::i18n::t;
use easemob_api::{ApiError, ErrorKind};
use leptos::prelude::*;
use std::future::Future;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Done(String),
    Failed(Described),
    /// Stopped before it was sent.
    NotSent,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// What the work function is given: an id, or a batch of names one per line.
    pub key: String,
    pub label: String,
    /// `None` while waiting its turn.
    pub outcome: Option<Outcome>,
}

/// What a page hands the runner: the work for one item, given its key and the run it is part
/// of (whose writes go through [`Data::write_in`](crate::data::Data::write_in)).
pub type Work =
    Rc<dyn Fn(String, Run) -> std::pin::Pin<Box<dyn Future<Output = Result<String, ApiError>>>>>;

#[derive(Clone, Copy)]
pub struct Bulk {
    work: StoredValue<Work, LocalStorage>,
    data: Data,
    /// The run under way: its Stop, and what its writes touched.
    run: StoredValue<Run, LocalStorage>,
    pub rows: RwSignal<Vec<Row>>,
    pub running: RwSignal<bool>,
    stopping: RwSignal<bool>,
    /// Bumped each time a run ends, so a page can react once per run.
    pub finished: RwSignal<u32>,
}

impl Bulk {
    pub fn new(work: Work) -> Bulk {
        Bulk {
            work: StoredValue::new_local(work),
            data: crate::data::use_data(),
            run: StoredValue::new_local(Run::new()),
            rows: RwSignal::new(Vec::new()),
            running: RwSignal::new(false),
            stopping: RwSignal::new(false),
            finished: RwSignal::new(0),
        }
    }

    /// Starts over with these items (key and label each).
    pub fn start(&self, items: Vec<(String, String)>) {
        if self.running.get_untracked() {
            return;
        }
        self.rows.set(
            items
                .into_iter()
                .map(|(key, label)| Row {
                    key,
                    label,
                    outcome: None,
                })
                .collect(),
        );
        self.go();
    }

    /// Sends again every item that failed or was not sent; the rest keep their results.
    pub fn retry_failed(&self) {
        if self.running.get_untracked() {
            return;
        }
        self.rows.update(|rows| {
            for r in rows.iter_mut() {
                if !matches!(r.outcome, Some(Outcome::Done(_))) {
                    r.outcome = None;
                }
            }
        });
        self.go();
    }

    /// Stops the run: nothing more is sent, and a request waiting its turn, a 429 or a
    /// backoff ends at once.
    pub fn stop(&self) {
        if self.running.get_untracked() {
            self.stopping.set(true);
            self.run.with_value(|r| r.stop.cancel());
        }
    }

    pub fn clear(&self) {
        if !self.running.get_untracked() {
            self.rows.set(Vec::new());
        }
    }

    fn go(&self) {
        let this = *self;
        let work = self.work.get_value();
        let run = Run::new();
        self.run.set_value(run.clone());
        this.running.set(true);
        this.stopping.set(false);
        leptos::task::spawn_local(async move {
            let todo: Vec<(usize, String)> = this.rows.with_untracked(|rows| {
                rows.iter()
                    .enumerate()
                    .filter(|(_, r)| r.outcome.is_none())
                    .map(|(i, r)| (i, r.key.clone()))
                    .collect()
            });
            for (i, key) in todo {
                // The page may be gone (Back in the middle of a run): then nothing more is sent
                // and there is nothing left to show.
                let outcome = if this.stopping.try_get_untracked().unwrap_or(true) {
                    Outcome::NotSent
                } else {
                    match work(key, run.clone()).await {
                        Ok(done) => Outcome::Done(done),
                        // Stopped while it waited its turn: nothing was sent.
                        Err(e) if matches!(e.kind, ErrorKind::Cancelled) => Outcome::NotSent,
                        Err(e) => Outcome::Failed(describe(&e)),
                    }
                };
                this.rows.try_update(|rows| {
                    if let Some(r) = rows.get_mut(i) {
                        r.outcome = Some(outcome);
                    }
                });
            }
            // What the run changed is read again, once.
            this.data.finish(&run);
            this.running.try_set(false);
            this.stopping.try_set(false);
            this.finished.try_update(|n| *n += 1);
        });
    }

    pub fn count(&self, which: fn(&Option<Outcome>) -> bool) -> usize {
        self.rows
            .with(|rows| rows.iter().filter(|r| which(&r.outcome)).count())
    }

    pub fn done(&self) -> usize {
        self.count(|o| matches!(o, Some(Outcome::Done(_))))
    }

    /// The keys of the items done.
    pub fn done_keys(&self) -> Vec<String> {
        self.rows.with(|rows| {
            rows.iter()
                .filter(|r| matches!(r.outcome, Some(Outcome::Done(_))))
                .map(|r| r.key.clone())
                .collect()
        })
    }

    /// The keys of the items a request went out for (done or failed, not those never sent).
    pub fn sent_keys(&self) -> Vec<String> {
        self.rows.with(|rows| {
            rows.iter()
                .filter(|r| matches!(r.outcome, Some(Outcome::Done(_) | Outcome::Failed(_))))
                .map(|r| r.key.clone())
                .collect()
        })
    }

    pub fn failed(&self) -> usize {
        self.count(|o| matches!(o, Some(Outcome::Failed(_)) | Some(Outcome::NotSent)))
    }
}

/// Which of the four states an item is in, to key its row by.
fn state_of(o: &Option<Outcome>) -> u8 {
    match o {
        None => 0,
        Some(Outcome::Done(_)) => 1,
        Some(Outcome::Failed(_)) => 2,
        Some(Outcome::NotSent) => 3,
    }
}

/// Progress while the work runs, then a result for each item and "retry the failed".
#[component]
pub fn BulkProgress(
    bulk: Bulk,
    /// Column heading for the items.
    item_heading: &'static str,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let total = move || bulk.rows.with(Vec::len);
    let settled = move || bulk.count(Option::is_some);
    let stopping = bulk.stopping;
    view! {
        <Show when=move || bulk.running.get()>
            <div class="progress" data-testid="bulk-progress">
                <label for="bulk-progress-bar">{move || t().progress(settled(), total())}</label>
                <progress id="bulk-progress-bar" max=move || total().max(1) value=settled></progress>
                <button type="button" on:click=move |_| bulk.stop() disabled=move || stopping.get()>
                    {move || if stopping.get() { t().stopping } else { t().stop }}
                </button>
            </div>
        </Show>
        <Show when=move || { total() > 0 }>
            <p class="summary" role="status">{move || {
                let not_sent = bulk.count(|o| matches!(o, Some(Outcome::NotSent)));
                t().bulk_summary(bulk.done(), bulk.failed() - not_sent, not_sent)
            }}</p>
            <Show when=move || { !bulk.running.get() && bulk.failed() > 0 }>
                <button type="button" on:click=move |_| bulk.retry_failed()>{move || t().retry_failed(bulk.failed())}</button>
            </Show>
            <div class="table-scroll">
                <table class="results" data-testid=testid.clone()>
                    <thead><tr><th scope="col">{item_heading}</th><th scope="col">{t().result}</th></tr></thead>
                    <tbody>
                        // Keyed by place and state: as each item settles only its own row is
                        // drawn again, so a run over thousands of rooms stays linear.
                        <For each=move || bulk.rows.get().into_iter().enumerate()
                            key=|(i, r)| (*i, state_of(&r.outcome)) let:item>
                            {
                                let r = item.1;
                                let (class, words) = match &r.outcome {
                                    None => ("pending", String::new()),
                                    Some(Outcome::Done(d)) => ("ok", d.clone()),
                                    Some(Outcome::Failed(d)) => ("failed", t().failed_because(&d.one_line())),
                                    Some(Outcome::NotSent) => ("failed", t().not_sent_stopped.to_string()),
                                };
                                view! { <tr class=class><td class="mono" translate="no">{r.label}</td><td>{words}</td></tr> }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
