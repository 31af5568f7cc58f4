//! Bulk work: many requests, one after another, with progress (n of N), a Stop button, a
//! result for each item, and the failed ones sent again in one click. The client paces and
//! retries each request; this only walks the list.
//!
//! A run lives above the views (`components::kept`, under the app, outside what a language
//! switch rebuilds): leaving the page, or switching language, neither stops it nor loses its
//! results. Its results are kept as facts (what was done, the error), and put into words when
//! shown, in the language on screen then. Its dialog's open state lives with it, so the dialog
//! is open again where it was.

use crate::components::error::describe;
use crate::data::{Data, Run};
use crate::i18n::t;
use crate::journal::{Entry, Item, Kind, Outcome as Recorded};
use easemob_api::{ApiError, ErrorKind};
use leptos::prelude::*;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

/// Words made when they are shown, in the language on screen then.
#[derive(Clone)]
pub struct Said(Arc<dyn Fn() -> String + Send + Sync>);

impl Said {
    pub fn new(words: impl Fn() -> String + Send + Sync + 'static) -> Said {
        Said(Arc::new(words))
    }
    /// Data, shown as it is (an id, a name, a row number).
    pub fn data(text: String) -> Said {
        Said::new(move || text.clone())
    }
    pub fn text(&self) -> String {
        (self.0)()
    }
}

impl PartialEq for Said {
    fn eq(&self, other: &Said) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Said(…)")
    }
}

/// What an item's work did: what to say, and the id it made, if any (an import's new room).
#[derive(Clone, Debug, PartialEq)]
pub struct Done {
    pub said: Said,
    pub id: Option<String>,
}

impl Done {
    pub fn said(words: impl Fn() -> String + Send + Sync + 'static) -> Done {
        Done {
            said: Said::new(words),
            id: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Done(Done),
    Failed(ApiError),
    /// Stopped before it was sent.
    NotSent,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// What the work function is given: an id, or a batch of names one per line.
    pub key: String,
    /// What the item is, as shown (data, or words such as "bob and 59 more").
    pub label: Said,
    /// `None` while waiting its turn.
    pub outcome: Option<Outcome>,
}

/// The work for one item, given its key and the run it is part of (whose writes go through
/// [`Data::write_in`](crate::data::Data::write_in)). It must hold only what outlives the page
/// (values, the data layer, app-level state): the page may be gone before the run ends.
pub type Work = Rc<dyn Fn(String, Run) -> Pin<Box<dyn Future<Output = Result<Done, ApiError>>>>>;

/// What to do when a run ends (a notice, say), with the run's state.
pub type Finish = Rc<dyn Fn(Bulk)>;

/// One bulk run's state, kept above the views ([`use_bulk`]).
#[derive(Clone, Copy)]
pub struct Bulk {
    data: Data,
    work: StoredValue<Option<(Work, Finish)>, LocalStorage>,
    /// The run under way: its Stop, and what its writes touched.
    run: StoredValue<Run, LocalStorage>,
    pub rows: RwSignal<Vec<Row>, LocalStorage>,
    /// Moves with each new run: the results table tells one run's rows from another's.
    started: StoredValue<u32>,
    pub running: RwSignal<bool>,
    stopping: RwSignal<bool>,
    /// Whether the run's dialog is open: kept here so that it is open again after a language
    /// switch, or when its page is opened again.
    pub open: RwSignal<bool>,
    /// What the dialog is about (id and name each), as it was when it was opened.
    pub subject: RwSignal<Vec<(String, String)>>,
    /// Items whose change may have been made (its answer lost, and looking failed too), with
    /// when it was sent and how it was lost: looked for before they are sent again.
    pub unsettled: StoredValue<HashMap<String, (u64, ApiError)>>,
    /// The run's journal entry: an item per row, kept as the run goes.
    pub entry: StoredValue<Option<Entry>, LocalStorage>,
    /// Each row's item in the entry (its place there).
    item_of: StoredValue<Vec<usize>>,
    /// Rows whose outcome is unknown are never sent again (a message: a second send is a
    /// second message, and nothing can look for the first).
    pub keep_unknown: StoredValue<bool>,
}

/// What a run is, for the journal: an item per row (the same change in each room, a row of an
/// import), and the entry it undoes, if it is an undo.
pub struct Plan {
    pub items: Vec<Item>,
    pub undoes: Option<u64>,
    /// An unfinished entry this run goes on with (Resume): its rows are some of its items,
    /// each keyed by the item's place, and the outcomes go into it.
    pub resumes: Option<Entry>,
}

/// The bulk run of this name, made the first time it is asked for.
pub fn use_bulk(name: &'static str) -> Bulk {
    BulkRuns::here().run(name)
}

/// Where bulk runs are found by name, also from an event handler (where there is no context to
/// look in): taken in a component, used later.
#[derive(Clone, Copy)]
pub struct BulkRuns {
    kept: crate::components::kept::KeptAbove,
    data: Data,
    session: crate::session::Session,
}

impl BulkRuns {
    pub fn here() -> BulkRuns {
        BulkRuns {
            kept: expect_context(),
            data: crate::data::use_data(),
            session: crate::session::use_session(),
        }
    }

    /// The bulk run of this name, made the first time it is asked for.
    pub fn run(&self, name: &'static str) -> Bulk {
        let (data, session) = (self.data, self.session);
        self.kept.get(name, || {
            let b = make_bulk(data);
            // Another app: this run's rooms are not that app's. It stops sending (see `go`),
            // and what it showed goes.
            session.on_app_change(move || {
                b.stop();
                b.rows.set(Vec::new());
                b.unsettled.set_value(HashMap::new());
                b.open.set(false);
            });
            b
        })
    }
}

fn make_bulk(data: Data) -> Bulk {
    Bulk {
        data,
        work: StoredValue::new_local(None),
        run: StoredValue::new_local(Run::new()),
        rows: RwSignal::new_local(Vec::new()),
        started: StoredValue::new(0),
        running: RwSignal::new(false),
        stopping: RwSignal::new(false),
        open: RwSignal::new(false),
        subject: RwSignal::new(Vec::new()),
        unsettled: StoredValue::new(HashMap::new()),
        entry: StoredValue::new_local(None),
        item_of: StoredValue::new(Vec::new()),
        keep_unknown: StoredValue::new(false),
    }
}

impl Bulk {
    /// Starts over with these items (key and label each): `work` does each, `finish` runs
    /// when the run ends (and after each retry). `plan` is the run for the journal, an item
    /// per row; it is kept before anything is sent.
    pub fn start(&self, items: Vec<(String, Said)>, plan: Plan, work: Work, finish: Finish) {
        if self.running.get_untracked() {
            return;
        }
        let (entry, item_of) = match plan.resumes {
            Some(e) => {
                let places = items
                    .iter()
                    .map(|(k, _)| k.parse().unwrap_or(usize::MAX))
                    .collect();
                (Some(e), places)
            }
            None => {
                debug_assert_eq!(items.len(), plan.items.len());
                let n = plan.items.len();
                let e = self.data.new_entry(Kind::Bulk, plan.items, plan.undoes);
                (e, (0..n).collect())
            }
        };
        self.entry.set_value(entry);
        self.item_of.set_value(item_of);
        // (What may have been made stays unsettled across runs: an import checked again and
        // started again still looks before it sends such a row.)
        self.work.set_value(Some((work, finish)));
        self.started.update_value(|n| *n += 1);
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
        let keep_unknown = self.keep_unknown.get_value();
        self.rows.update(|rows| {
            for r in rows.iter_mut() {
                if may_retry(&r.outcome, keep_unknown) {
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

    /// Forgets the last run's results (when the person starts a new one).
    pub fn clear(&self) {
        if !self.running.get_untracked() {
            self.rows.set(Vec::new());
        }
    }

    /// Opens the run's dialog about these items (id and name each): a new run (the dialog
    /// makes its form afresh), the last run's results gone; or, while a run goes on, that run.
    pub fn open_with(&self, subject: Vec<(String, String)>) {
        if !self.running.get_untracked() {
            self.rows.set(Vec::new());
            self.subject.set(subject);
        }
        self.open.set(true);
    }

    fn go(&self) {
        let this = *self;
        let Some((work, finish)) = self.work.get_value() else {
            return;
        };
        let run = Run::new();
        // The journal entry goes on with the run (again after a retry: the same entry).
        let entry = self.entry.try_update_value(|e| {
            e.as_mut().map(|e| {
                e.running = true;
                e.clone()
            })
        });
        if let Some(Some(e)) = &entry {
            self.data.keep(e);
        }
        *run.journal.borrow_mut() = entry.flatten();
        self.run.set_value(run.clone());
        // The entry is kept at least every 5 s while the run goes (a timer: the outside world),
        // so another tab does not take it for one cut short while a request waits.
        let beat = {
            let (data, journal) = (self.data, run.journal.clone());
            set_interval_with_handle(
                move || {
                    if let Some(e) = journal.borrow().as_ref() {
                        data.keep(e);
                    }
                },
                std::time::Duration::from_secs(5),
            )
            .ok()
        };
        let app = self.data.app();
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
            let mut kept_at = 0.0;
            let settled: Settled = Rc::default();
            let item_of = this.item_of.get_value();
            for (i, key) in todo {
                let place = item_of.get(i).copied().unwrap_or(usize::MAX);
                run.row.set(place);
                // Stopped, or another app connected meanwhile: nothing more is sent.
                let outcome = if this.stopping.get_untracked() || this.data.app() != app {
                    Outcome::NotSent
                } else {
                    match work(key, run.clone()).await {
                        Ok(done) => Outcome::Done(done),
                        // Stopped while it waited its turn: nothing was sent.
                        Err(e) if matches!(e.kind, ErrorKind::Cancelled) => Outcome::NotSent,
                        Err(e) => Outcome::Failed(e),
                    }
                };
                if let Some(e) = run.journal.borrow_mut().as_mut() {
                    if let Some(it) = e.items.get_mut(place) {
                        it.outcome = recorded(&outcome);
                    }
                    // Kept as it goes, at most about once a second (and at the end).
                    let now = js_sys::Date::now();
                    if now - kept_at > 1000.0 {
                        kept_at = now;
                        this.data.keep(e);
                    }
                }
                // Shown a few times a second, not once per answer: at thousands of rows each
                // redraw of the table costs the browser a layout and a paint of all of it.
                let first = settled.borrow().is_empty();
                settled.borrow_mut().push((i, outcome));
                if first {
                    let settled = settled.clone();
                    set_timeout(
                        move || show(this, &settled),
                        std::time::Duration::from_millis(250),
                    );
                }
            }
            show(this, &settled);
            if let Some(e) = run.journal.borrow_mut().as_mut() {
                e.running = false;
                this.data.keep(e);
                this.entry.set_value(Some(e.clone()));
            }
            if let Some(b) = beat {
                b.clear();
            }
            // What the run changed is read again, once.
            this.data.finish(&run);
            this.running.set(false);
            this.stopping.set(false);
            finish(this);
        });
    }

    pub fn count(&self, which: fn(&Option<Outcome>) -> bool) -> usize {
        self.rows
            .with(|rows| rows.iter().filter(|r| which(&r.outcome)).count())
    }

    pub fn done(&self) -> usize {
        self.count(|o| matches!(o, Some(Outcome::Done(_))))
    }

    /// The ids made by the items done, in order (an import's new rooms).
    pub fn made(&self) -> Vec<(String, String)> {
        self.rows.with(|rows| {
            rows.iter()
                .filter_map(|r| match &r.outcome {
                    Some(Outcome::Done(Done { id: Some(id), .. })) => {
                        Some((r.key.clone(), id.clone()))
                    }
                    _ => None,
                })
                .collect()
        })
    }

    pub fn failed(&self) -> usize {
        self.count(|o| matches!(o, Some(Outcome::Failed(_)) | Some(Outcome::NotSent)))
    }

    /// The rows "retry the failed" sends again.
    pub fn retryable(&self) -> usize {
        let keep_unknown = self.keep_unknown.get_value();
        self.rows.with(|rows| {
            rows.iter()
                .filter(|r| may_retry(&r.outcome, keep_unknown))
                .count()
        })
    }

    /// Rows whose outcome is not known (sent, and the answer lost).
    pub fn unknown(&self) -> usize {
        self.count(|o| matches!(o, Some(Outcome::Failed(e)) if is_unknown(e)))
    }
}

fn is_unknown(e: &ApiError) -> bool {
    e.class() == easemob_api::FailureClass::OutcomeUnknown
}

/// Whether "retry the failed" sends a row again: not when it was done, nor when its outcome is
/// unknown and such rows are kept.
fn may_retry(o: &Option<Outcome>, keep_unknown: bool) -> bool {
    match o {
        Some(Outcome::Done(_)) => false,
        Some(Outcome::Failed(e)) if keep_unknown && is_unknown(e) => false,
        _ => true,
    }
}

/// A row's outcome as the journal records it.
fn recorded(o: &Outcome) -> Recorded {
    match o {
        Outcome::Done(_) => Recorded::Done,
        Outcome::Failed(e) => crate::data::journal::outcome_of(e),
        Outcome::NotSent => Recorded::NotDone,
    }
}

/// Which of the four states an item is in, to key its row by.
/// Outcomes come in faster than they are worth drawing: they wait here for the next redraw.
type Settled = Rc<std::cell::RefCell<Vec<(usize, Outcome)>>>;

/// Puts the outcomes that came in since the last redraw into the rows, at once.
fn show(bulk: Bulk, settled: &Settled) {
    let outcomes = std::mem::take(&mut *settled.borrow_mut());
    if outcomes.is_empty() {
        return;
    }
    let _ = bulk.rows.try_update(|rows| {
        for (i, outcome) in outcomes {
            if let Some(r) = rows.get_mut(i) {
                r.outcome = Some(outcome);
            }
        }
    });
}

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
            <Show when=move || { !bulk.running.get() && bulk.retryable() > 0 }>
                <button type="button" on:click=move |_| bulk.retry_failed()>{move || t().retry_failed(bulk.retryable())}</button>
            </Show>
            // Focusable, so that a keyboard can scroll it on a narrow screen.
            <div class="table-scroll" tabindex="0" role="region" aria-label=item_heading>
                <table class="results" data-testid=testid.clone()>
                    <thead><tr><th scope="col">{item_heading}</th><th scope="col">{t().result}</th></tr></thead>
                    <tbody>
                        // Keyed by place and state: as each item settles only its own row is
                        // drawn again, so a run over thousands of rooms stays linear.
                        // Only the keys are listed on each change (no row is copied), and
                        // a row is read when it is drawn: at thousands of rows each answer
                        // costs a pass over small keys, not a copy of every row.
                        <For each=move || {
                                let run = bulk.started.get_value();
                                bulk.rows.with(|rows| rows.iter().enumerate().map(|(i, r)| (run, i, state_of(&r.outcome))).collect::<Vec<_>>())
                            }
                            key=|k| *k let:item>
                            {
                                let Some(r) = bulk.rows.with_untracked(|rows| rows.get(item.1).cloned()) else {
                                    return ().into_any();
                                };
                                let (class, words) = match &r.outcome {
                                    None => ("pending", String::new()),
                                    Some(Outcome::Done(d)) => ("ok", d.said.text()),
                                    Some(Outcome::Failed(e)) => ("failed", t().failed_because(&describe(e).one_line())),
                                    Some(Outcome::NotSent) => ("failed", t().not_sent_stopped.to_string()),
                                };
                                view! { <tr class=class><td class="mono" translate="no">{r.label.text()}</td><td>{words}</td></tr> }.into_any()
                            }
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
