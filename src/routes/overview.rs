//! `/overview`: the whole app at a glance, drawn from the all-rooms walk (the same one the
//! all-rooms view shows; it is never walked twice). Totals, the plan's limit as a gauge, rooms
//! by member count, the largest and the fullest rooms, the owners of the most rooms, and the
//! empty rooms, old and new. Every figure leads to the all-rooms view narrowed to exactly its
//! rooms, where they can be selected and acted on together.
//!
//! The figures come from one pass over the walked rooms (a memo: a change to the rooms, such as
//! a dissolve from the all-rooms view, draws them again). Max users and creation times are only
//! in a room's details, read 100 rooms a request on request, with progress and Stop.

use crate::components::chart::{Bar, BarChart, Gauge};
use crate::components::error::ErrorView;
use crate::components::RequireConnection;
use crate::data::{use_data, AllRooms, RoomFacts, Shared};
use crate::i18n::overview::ow;
use crate::i18n::t;
use crate::list_model::{ListQuery, Narrow};
use crate::session::use_session;
use easemob_api::wire::ChatroomSummary;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::collections::HashMap;
use std::sync::Arc;

/// Member-count buckets, `(least, most)`: a count includes the owner, so the first is the
/// empty rooms. They widen as rooms grow, up to Easemob's 10,000 members a room and beyond.
pub const BUCKETS: [(u64, Option<u64>); 13] = [
    (0, Some(1)),
    (2, Some(5)),
    (6, Some(10)),
    (11, Some(20)),
    (21, Some(50)),
    (51, Some(100)),
    (101, Some(200)),
    (201, Some(500)),
    (501, Some(1_000)),
    (1_001, Some(2_000)),
    (2_001, Some(5_000)),
    (5_001, Some(10_000)),
    (10_001, None),
];

const LARGEST: usize = 10;
const TOP_OWNERS: usize = 20;

fn bucket_of(n: u64) -> usize {
    BUCKETS
        .iter()
        .position(|(_, most)| most.is_none_or(|m| n <= m))
        .unwrap_or(BUCKETS.len() - 1)
}

/// What one pass over the walked rooms tells.
#[derive(Debug, Default, PartialEq)]
pub struct Figures {
    pub rooms: usize,
    pub members: u64,
    pub owners: usize,
    pub empty: usize,
    /// Rooms per bucket of [`BUCKETS`].
    pub buckets: Vec<usize>,
    /// The owners of the most rooms, most first (then by name).
    pub top_owners: Vec<(String, usize)>,
    /// The largest rooms, largest first (then newest first).
    pub largest: Vec<ChatroomSummary>,
}

impl Figures {
    pub fn of(rows: &[ChatroomSummary]) -> Figures {
        let mut buckets = vec![0; BUCKETS.len()];
        let mut owners: HashMap<&str, usize> = HashMap::new();
        let mut members = 0;
        for r in rows {
            members += r.affiliations_count;
            buckets[bucket_of(r.affiliations_count)] += 1;
            *owners.entry(r.owner.as_str()).or_default() += 1;
        }
        let mut top: Vec<(&str, usize)> = owners.iter().map(|(o, n)| (*o, *n)).collect();
        let by_owner = |a: &(&str, usize), b: &(&str, usize)| b.1.cmp(&a.1).then(a.0.cmp(b.0));
        if top.len() > TOP_OWNERS {
            top.select_nth_unstable_by(TOP_OWNERS - 1, by_owner);
            top.truncate(TOP_OWNERS);
        }
        top.sort_by(by_owner);
        // Rows come newest first: a stable order keeps the newest of equals first.
        let mut largest: Vec<usize> = (0..rows.len()).collect();
        let by_size = |a: &usize, b: &usize| {
            rows[*b]
                .affiliations_count
                .cmp(&rows[*a].affiliations_count)
                .then(a.cmp(b))
        };
        if largest.len() > LARGEST {
            largest.select_nth_unstable_by(LARGEST - 1, by_size);
            largest.truncate(LARGEST);
        }
        largest.sort_by(by_size);
        Figures {
            rooms: rows.len(),
            members,
            owners: owners.len(),
            empty: buckets[0],
            buckets,
            top_owners: top.into_iter().map(|(o, n)| (o.to_string(), n)).collect(),
            largest: largest.into_iter().map(|i| rows[i].clone()).collect(),
        }
    }
}

/// What the details read tell: the fullest rooms (members over max users, fullest first), and
/// how many empty rooms are older than the days asked; `unread` rooms have no details yet.
#[derive(Debug, Default, PartialEq)]
pub struct DetailFigures {
    pub fullest: Vec<(ChatroomSummary, u64)>,
    pub old_empty: usize,
    pub unread: usize,
}

impl DetailFigures {
    pub fn of(
        rows: &[ChatroomSummary],
        facts: &HashMap<String, RoomFacts>,
        days: u32,
        now_ms: u64,
    ) -> DetailFigures {
        let old = Narrow {
            max: Some(1),
            older: Some(days),
            ..Default::default()
        };
        let created = |id: &str| facts.get(id).and_then(|f| f.created);
        let mut fullest = Vec::new();
        let (mut old_empty, mut unread) = (0, 0);
        for r in rows {
            match facts.get(&r.id) {
                None => unread += 1,
                Some(f) if f.maxusers > 0 => fullest.push((r, f.maxusers)),
                Some(_) => {}
            }
            if old.holds(r, created, now_ms) {
                old_empty += 1;
            }
        }
        // Fullest first: a larger share, then more members.
        let share = |(r, max): &(&ChatroomSummary, u64)| r.affiliations_count as f64 / *max as f64;
        let by_share = |a: &(&ChatroomSummary, u64), b: &(&ChatroomSummary, u64)| {
            share(b)
                .total_cmp(&share(a))
                .then(b.0.affiliations_count.cmp(&a.0.affiliations_count))
                .then(a.0.id.cmp(&b.0.id))
        };
        if fullest.len() > LARGEST {
            fullest.select_nth_unstable_by(LARGEST - 1, by_share);
            fullest.truncate(LARGEST);
        }
        fullest.sort_by(by_share);
        DetailFigures {
            fullest: fullest.into_iter().map(|(r, m)| (r.clone(), m)).collect(),
            old_empty,
            unread,
        }
    }
}

/// The all-rooms view narrowed so.
fn rooms_link(narrow: Narrow) -> String {
    ListQuery {
        all: true,
        narrow,
        ..Default::default()
    }
    .href()
}

fn bucket_narrow(i: usize) -> Narrow {
    let (least, most) = BUCKETS[i];
    Narrow {
        min: (least > 0).then_some(least),
        max: most,
        ..Default::default()
    }
}

fn ids_link(rooms: &[ChatroomSummary]) -> String {
    rooms_link(Narrow {
        ids: rooms.iter().map(|r| r.id.clone()).collect(),
        ..Default::default()
    })
}

fn room_label(r: &ChatroomSummary) -> String {
    if r.name.trim().is_empty() {
        r.id.clone()
    } else {
        r.name.clone()
    }
}

/// Where the plan's limit is kept for an app.
fn limit_key(app: &str) -> String {
    format!("chatroom-admin.plan-limit.{app}")
}

#[component]
pub fn Overview() -> impl IntoView {
    view! {
        <RequireConnection>
            <OverviewPage/>
        </RequireConnection>
    }
}

#[component]
fn OverviewPage() -> impl IntoView {
    let data = use_data();
    let session = use_session();
    let all = data.all;
    let navigate = StoredValue::new_local(use_navigate());
    let query = use_query_map();
    data.ensure_all_rooms();

    let rooms = Memo::new(move |_| all.rooms.get());
    let figures = Memo::new(move |_| {
        rooms
            .get()
            .map(|a: Shared<AllRooms>| Shared(Arc::new(Figures::of(&a.rows))))
    });
    // Days for "old and still empty", in the URL.
    let days = Memo::new(move |_| {
        query
            .with(|q| q.get("days").and_then(|d| d.parse::<u32>().ok()))
            .unwrap_or(30)
    });
    let details = Memo::new(move |_| {
        let d = days.get();
        rooms.get().map(|a| {
            let now = js_sys::Date::now() as u64;
            Shared(Arc::new(
                all.facts.with(|f| DetailFigures::of(&a.rows, f, d, now)),
            ))
        })
    });

    // The plan's limit, kept in this browser for this app.
    let app = Memo::new(move |_| session.info.with(|i| i.as_ref().map(|i| i.app_key())));
    let limit_text = RwSignal::new(String::new());
    Effect::new(move |_| {
        // Storage is the outside world: read again when the app changes.
        let kept = app
            .get()
            .and_then(|a| crate::storage::read(crate::storage::Area::Local, &limit_key(&a)));
        limit_text.set(kept.unwrap_or_default());
    });
    let set_limit = move |text: String| {
        if let Some(a) = app.get_untracked() {
            crate::storage::write(crate::storage::Area::Local, &limit_key(&a), text.trim());
        }
        limit_text.set(text);
    };
    let limit = Memo::new(move |_| {
        limit_text
            .with(|t| t.trim().parse::<usize>().ok())
            .filter(|l| *l > 0)
    });
    let start_here = RwSignal::new(super::home::start_page() == "/overview");

    let set_days = move |text: String| {
        if let Ok(d) = text.trim().parse::<u32>() {
            let href = crate::url::href("/overview", &[("days", d.to_string())]);
            navigate.with_value(|go| super::in_place(go, &href));
        }
    };
    let read_details = move || {
        let ids: Vec<String> = rooms.with_untracked(|a| {
            all.facts.with_untracked(|f| {
                a.iter()
                    .flat_map(|a| a.rows.iter())
                    .filter(|r| !f.contains_key(&r.id))
                    .map(|r| r.id.clone())
                    .collect()
            })
        });
        data.read_room_facts(ids);
    };

    // Small values of their own for what sits beside inputs and buttons, so that reading
    // details (a batch at a time) redraws figures, not the inputs or Stop.
    let unread = Memo::new(move |_| details.with(|d| d.as_ref().map_or(0, |d| d.unread)));
    let old_empty = Memo::new(move |_| details.with(|d| d.as_ref().map_or(0, |d| d.old_empty)));
    let fullest = Memo::new(move |_| {
        details.with(|d| d.as_ref().map(|d| d.fullest.clone()).unwrap_or_default())
    });
    let used = Memo::new(move |_| figures.with(|f| f.as_ref().map(|f| f.rooms)));
    let walked = Memo::new(move |_| figures.with(Option::is_some));

    let w = ow();
    view! {
        <section class="panel overview">
            <div class="toolbar">
                <h1>{w.title()}</h1>
                <a class="button" href=crate::url::link(&rooms_link(Narrow::default()))>{t().all_rooms}</a>
                <button type="button" data-testid="reload-all" disabled=move || all.loading.get().is_some()
                    on:click=move |_| data.load_all_rooms()>{t().reload}</button>
            </div>
            <p class="lead">{w.lead()}</p>
            <label class="check">
                <input type="checkbox" data-testid="start-here" prop:checked=move || start_here.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        super::home::set_start_page(on.then_some("/overview"));
                        start_here.set(on);
                    }/>
                {w.after_connect()}
            </label>
            <Show when=move || all.loading.get().is_some()>
                <div class="walk" data-testid="all-progress">
                    <progress aria-label=t().all_rooms></progress>
                    <span role="status">{move || t().all_loading(all.loading.get().unwrap_or(0))}</span>
                    <button type="button" class="small" data-testid="stop-all" on:click=move |_| data.stop_loading_all_rooms()>{t().stop}</button>
                </div>
            </Show>
            {move || all.error.get().map(|e| view! { <ErrorView error=e/> })}
            {move || rooms.with(|r| r.as_ref().is_some_and(|r| !r.complete) && all.loading.get().is_none())
                .then(|| view! { <p class="warning" data-testid="overview-partial">{ow().partial(used.get().unwrap_or(0))}</p> })}
            {move || figures.get().map(|f| {
                let w = ow();
                view! {
                    <h2>{w.totals()}</h2>
                    <dl class="totals" data-testid="overview-totals">
                        <div><dt>{w.rooms()}</dt><dd data-testid="total-rooms">
                            <a href=crate::url::link(&rooms_link(Narrow::default()))>{w.num(f.rooms)}</a></dd></div>
                        <div><dt>{w.members()}</dt><dd data-testid="total-members">{w.num(f.members as usize)}</dd></div>
                        <div><dt>{w.owners()}</dt><dd data-testid="total-owners">{w.num(f.owners)}</dd></div>
                        <div><dt>{w.empty()}</dt><dd data-testid="total-empty">
                            <a href=crate::url::link(&rooms_link(bucket_narrow(0))) title=w.open_n(f.empty)>{w.num(f.empty)}</a></dd></div>
                    </dl>
                }
            })}
            <Show when=move || walked.get()>
                // Kept as typed (in storage, in the URL): a language switch loses nothing here.
                <div class="limit" data-kept="">
                    <label for="plan-limit">{ow().limit()}</label>
                    <input id="plan-limit" type="number" min="1" inputmode="numeric" data-testid="plan-limit"
                        prop:value=move || limit_text.get() on:input=move |ev| set_limit(event_target_value(&ev))/>
                    <p class="hint">{ow().limit_hint()}</p>
                    {move || limit.get().zip(used.get()).map(|(l, used)| view! {
                        <Gauge caption=ow().gauge().to_string() testid="plan-gauge" used limit=l/>
                    })}
                </div>
            </Show>
            {move || figures.get().map(|f| {
                let w = ow();
                let largest_link = (!f.largest.is_empty()).then(|| (ids_link(&f.largest), f.largest.len()));
                view! {
                    <div class="charts">
                        <BarChart caption=w.histogram().to_string() testid="histogram"
                            heads=(w.col_members(), w.col_rooms())
                            bars=f.buckets.iter().enumerate().map(|(i, n)| {
                                let (least, most) = BUCKETS[i];
                                let label = if i == 0 { w.owner_only() } else { w.bucket(least, most) };
                                Bar { label, value: *n as u64, figure: None, scale: None,
                                    href: (*n > 0).then(|| rooms_link(bucket_narrow(i))) }
                            }).collect()>
                            <p class="hint">{w.histogram_hint()}</p>
                        </BarChart>
                        <BarChart caption=w.largest().to_string() testid="largest" members=true
                            heads=(w.col_room(), w.col_members())
                            bars=f.largest.iter().map(|r| Bar {
                                label: room_label(r), value: r.affiliations_count, figure: None, scale: None,
                                href: Some(crate::url::room(&r.id)),
                            }).collect()>
                            {largest_link.map(|(href, n)| view! {
                                <a href=crate::url::link(&href) data-testid="largest-open">{w.open_n(n)}</a>
                            })}
                        </BarChart>
                        <BarChart caption=w.owners_chart().to_string() testid="owners"
                            heads=(w.col_owner(), w.col_rooms())
                            bars=f.top_owners.iter().map(|(o, n)| Bar {
                                label: o.clone(), value: *n as u64, figure: None, scale: None,
                                href: Some(rooms_link(Narrow { owner: Some(o.clone()), ..Default::default() })),
                            }).collect()/>
                    </div>
                }
            })}
            <Show when=move || walked.get()>
                <h2>{ow().details_title()}</h2>
                <p>{ow().details_lead()}</p>
                <div class="toolbar">
                    <button type="button" data-testid="read-details"
                        disabled=move || all.facts_reading.get().is_some() || unread.get() == 0
                        on:click=move |_| read_details()>{ow().read_details()}</button>
                </div>
                <Show when=move || all.facts_reading.get().is_some()>
                    <div class="walk" data-testid="details-progress">
                        <progress aria-label=ow().read_details()
                            max=move || all.facts_reading.get().map_or(1, |(_, of)| of.max(1)).to_string()
                            value=move || all.facts_reading.get().map_or(0, |(done, _)| done).to_string()></progress>
                        <span role="status">{move || all.facts_reading.get().map(|(done, of)| ow().reading(done, of))}</span>
                        <button type="button" class="small" data-testid="stop-details"
                            on:click=move |_| data.stop_reading_room_facts()>{t().stop}</button>
                    </div>
                </Show>
                {move || all.facts_error.get().map(|e| view! { <ErrorView error=e/> })}
                {move || (unread.get() > 0).then(|| view! { <p class="hint" data-testid="details-unread">{ow().details_missing(unread.get())}</p> })}
                <div class="charts">
                    {move || {
                        let w = ow();
                        let rooms: Vec<ChatroomSummary> = fullest.with(|f| f.iter().map(|(r, _)| r.clone()).collect());
                        let link = (!rooms.is_empty()).then(|| (ids_link(&rooms), rooms.len()));
                        view! {
                            <BarChart caption=w.fullest().to_string() testid="fullest" members=true
                                heads=(w.col_room(), w.col_full())
                                bars=fullest.get().iter().map(|(r, max)| Bar {
                                    label: room_label(r), value: r.affiliations_count,
                                    figure: Some(format!("{} / {}", w.num(r.affiliations_count as usize), w.num(*max as usize))),
                                    scale: Some(r.affiliations_count as f64 / *max as f64),
                                    href: Some(crate::url::room(&r.id)),
                                }).collect()>
                                {link.map(|(href, n)| view! {
                                    <a href=crate::url::link(&href) data-testid="fullest-open">{w.open_n(n)}</a>
                                })}
                            </BarChart>
                        }
                    }}
                    <div class="old-empty" data-kept="">
                        <label>
                            {ow().old_empty()}" "
                            <input type="number" min="0" style:width="5em" data-testid="old-days" prop:value=move || days.get().to_string()
                                on:change=move |ev| set_days(event_target_value(&ev))/>
                            " "{ow().old_empty_after()}
                        </label>
                        <p data-testid="old-empty">
                            <a href=move || crate::url::link(&rooms_link(Narrow { max: Some(1), older: Some(days.get()), ..Default::default() }))
                                title=move || ow().open_n(old_empty.get())>{move || ow().num(old_empty.get())}</a>
                        </p>
                    </div>
                </div>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY_MS: u64 = 86_400_000;

    fn room(id: &str, owner: &str, n: u64) -> ChatroomSummary {
        ChatroomSummary {
            id: id.into(),
            name: format!("room {id}"),
            owner: owner.into(),
            affiliations_count: n,
            disabled: None,
        }
    }

    #[test]
    fn buckets_cover_every_count_once_and_in_order() {
        assert_eq!(bucket_of(0), 0);
        assert_eq!(bucket_of(1), 0);
        assert_eq!(bucket_of(2), 1);
        assert_eq!(bucket_of(10), 2);
        assert_eq!(bucket_of(10_000), 11);
        assert_eq!(bucket_of(10_001), 12);
        assert_eq!(bucket_of(u64::MAX), 12);
        for pair in BUCKETS.windows(2) {
            assert_eq!(pair[0].1.unwrap() + 1, pair[1].0);
        }
        // Each bucket's link narrows to exactly its counts.
        for (i, (least, most)) in BUCKETS.iter().enumerate() {
            let n = bucket_narrow(i);
            let inside = |c: u64| n.holds(&room("1", "a", c), |_| None, 0);
            assert!(inside(*least) && most.is_none_or(|m| inside(m)));
            assert!(least == &0 || !inside(least - 1));
            assert!(most.is_none_or(|m| !inside(m + 1)));
        }
    }

    #[test]
    fn one_pass_counts_rooms_members_owners_buckets_and_the_largest() {
        let mut rows: Vec<ChatroomSummary> = (0..30)
            .map(|i| room(&i.to_string(), &format!("u{}", i % 3), 1 + i as u64 % 4))
            .collect();
        rows.push(room("big", "solo", 9_000));
        let f = Figures::of(&rows);
        assert_eq!(f.rooms, 31);
        assert_eq!(f.members, (0..30).map(|i| 1 + i % 4).sum::<u64>() + 9_000);
        assert_eq!(f.owners, 4);
        assert_eq!(f.empty, 8);
        assert_eq!(f.buckets[0], 8);
        assert_eq!(f.buckets[1], 22);
        assert_eq!(f.buckets[11], 1);
        assert_eq!(f.buckets.iter().sum::<usize>(), 31);
        assert_eq!(f.top_owners[0], ("u0".to_string(), 10));
        assert_eq!(f.top_owners.last().unwrap(), &("solo".to_string(), 1));
        assert_eq!(f.largest.len(), LARGEST);
        assert_eq!(f.largest[0].id, "big");
        // Then the rooms of 4, the first listed (the newest) first.
        assert_eq!(f.largest[1].id, "3");
        assert_eq!(f.largest[2].id, "7");
        // 25 owners: only the top 20 are kept, most first.
        let many: Vec<ChatroomSummary> = (0..25)
            .flat_map(|o| (0..=o).map(move |i| room(&format!("{o}-{i}"), &format!("o{o:02}"), 2)))
            .collect();
        let f = Figures::of(&many);
        assert_eq!(f.owners, 25);
        assert_eq!(f.top_owners.len(), TOP_OWNERS);
        assert_eq!(f.top_owners[0], ("o24".to_string(), 25));
        assert_eq!(f.top_owners[19], ("o05".to_string(), 6));
    }

    #[test]
    fn details_give_the_fullest_rooms_and_the_old_empty_ones() {
        let rows = vec![
            room("1", "a", 1),
            room("2", "a", 90),
            room("3", "a", 1),
            room("4", "a", 5),
        ];
        let now = 100 * DAY_MS;
        let facts = HashMap::from([
            (
                "1".to_string(),
                RoomFacts {
                    maxusers: 200,
                    created: Some(10 * DAY_MS),
                },
            ),
            (
                "2".to_string(),
                RoomFacts {
                    maxusers: 100,
                    created: Some(99 * DAY_MS),
                },
            ),
            (
                "3".to_string(),
                RoomFacts {
                    maxusers: 5,
                    created: Some(95 * DAY_MS),
                },
            ),
        ]);
        let d = DetailFigures::of(&rows, &facts, 30, now);
        assert_eq!(d.unread, 1);
        assert_eq!(d.old_empty, 1);
        let order: Vec<&str> = d.fullest.iter().map(|(r, _)| r.id.as_str()).collect();
        assert_eq!(order, ["2", "3", "1"]);
        assert_eq!(DetailFigures::of(&rows, &facts, 2, now).old_empty, 2);
    }
}
