//! A user across the whole app (`/users/:username`): online or not, the rooms they are in, an
//! app-wide mute per kind of chat (with its end), ban and unban, force offline. And `/users`:
//! the same actions for several users at once (`?names=`), a result for each, and the app's
//! users muted app-wide, a page at a time.

use crate::components::bulk::{use_bulk, Bulk, BulkProgress, Done, Finish, Plan, Said, Work};
use crate::components::error::{action_failure, ErrorView};
use crate::components::notice::use_notices;
use crate::components::{Loading, RequireConnection};
use crate::data::{Run, UserAcross, Write};
use crate::i18n::messages::{mw, MessageWords};
use crate::i18n::t;
use crate::journal::Item;
use easemob_api::endpoints::{BanUser, ForceOffline, MuteSpan, SetGlobalMute, UnbanUser};
use easemob_api::wire::GlobalMuteEntry;
use easemob_api::ApiError;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::rc::Rc;

/// The durations offered, in seconds (`-1`: for ever).
fn durations() -> [(i64, &'static str); 5] {
    [
        (600, t().mute_10m),
        (3600, t().mute_1h),
        (86_400, t().mute_1d),
        (7 * 86_400, t().mute_7d),
        (-1, t().mute_forever),
    ]
}

fn span(seconds: i64) -> MuteSpan {
    if seconds < 0 {
        MuteSpan::Forever
    } else {
        MuteSpan::Seconds(seconds)
    }
}

/// One kind's state: not muted, for ever, or until when (and how long is left).
fn mute_state(w: MessageWords, seconds: i64, read_at: u64) -> AnyView {
    match seconds {
        0 => view! { <span>{w.not_muted()}</span> }.into_any(),
        s if s < 0 => view! { <strong>{w.muted_forever()}</strong> }.into_any(),
        s => {
            let until = read_at + s as u64 * 1000;
            let when = crate::components::time::local(until);
            view! { <strong>{w.muted_until(&when, &w.seconds_left(s))}</strong> }.into_any()
        }
    }
}

#[component]
pub fn UserPage() -> impl IntoView {
    let params = use_params_map();
    let username = Memo::new(move |_| params.with(|p| p.get("username").unwrap_or_default()));
    // Another user is another page: nothing of the last one (an action's failure, the
    // choices made) stays.
    view! {
        <RequireConnection>
            {move || view! { <UserView username=username.get()/> }}
        </RequireConnection>
    }
}

#[component]
fn UserView(username: String) -> impl IntoView {
    let data = crate::data::use_data();
    let name = username.clone();
    let state = LocalResource::new(move || {
        let u = name.clone();
        data.track();
        async move { data.user_across(&u).await }
    });
    let acts = user_acts(username.clone());
    view! {
        <section class="panel user-page">
            <h1 translate="no">{mw().user_title(&username)}</h1>
            <p class="hint">{mw().user_lead()}</p>
            {move || match state.get() {
                None => view! { <Loading what=mw().user_loading()/> }.into_any(),
                Some(Err(e)) => view! { <ErrorView error=e/> }.into_any(),
                Some(Ok(None)) => view! { <p class="empty" data-testid="no-user">{mw().no_user()}</p> }.into_any(),
                Some(Ok(Some(u))) => view! { <UserState user=u acts/> }.into_any(),
            }}
        </section>
    }
}

/// The user page's actions and choices: made once for the page (not again when the user is
/// read again after a change), so a failure stays shown and the choices stay made.
#[derive(Clone, Copy)]
struct UserActs {
    kinds: RwSignal<[bool; 3]>,
    seconds: RwSignal<i64>,
    mute: Action<bool, Result<(), ApiError>>,
    ban: Action<bool, Result<(), ApiError>>,
    offline: Action<(), Result<(), ApiError>>,
}

fn user_acts(username: String) -> UserActs {
    let data = crate::data::use_data();
    let username = StoredValue::new(username);
    let notices = use_notices();
    let kinds = RwSignal::new([false, false, true]);
    let seconds = RwSignal::new(3600i64);
    let mute = Action::new_local(move |lift: &bool| {
        let [chat, group, room] = kinds.get_untracked();
        let s = if *lift {
            MuteSpan::Lift
        } else {
            span(seconds.get_untracked())
        };
        let pick = |on: bool| on.then_some(s);
        let u = username.get_value();
        let call = SetGlobalMute {
            username: u.clone(),
            chat: pick(chat),
            groupchat: pick(group),
            chatroom: pick(room),
        };
        async move {
            data.write(call).await?;
            notices.show(mw().did(mw().mute_title(), &u));
            Ok::<_, ApiError>(())
        }
    });
    let ban = Action::new_local(move |on: &bool| {
        let u = username.get_value();
        let on = *on;
        async move {
            if on {
                data.write(BanUser {
                    username: u.clone(),
                })
                .await?;
                notices.show(mw().did(mw().ban(), &u));
            } else {
                data.write(UnbanUser {
                    username: u.clone(),
                })
                .await?;
                notices.show(mw().did(mw().unban(), &u));
            }
            Ok::<_, ApiError>(())
        }
    });
    let offline = Action::new_local(move |_: &()| {
        let u = username.get_value();
        async move {
            data.write(ForceOffline {
                username: u.clone(),
            })
            .await?;
            notices.show(mw().did(mw().force_offline(), &u));
            Ok::<_, ApiError>(())
        }
    });
    UserActs {
        kinds,
        seconds,
        mute,
        ban,
        offline,
    }
}

#[component]
fn UserState(user: UserAcross, acts: UserActs) -> impl IntoView {
    let w = mw();
    let banned = !user.user.activated;
    let UserActs {
        kinds,
        seconds,
        mute,
        ban,
        offline,
    } = acts;
    let m = user.mute.clone();
    let read_at = user.read_at;
    let kind_names = [w.kind_chat(), w.kind_groupchat(), w.kind_chatroom()];
    let rows = [m.chat, m.groupchat, m.chatroom];
    let rooms = crate::url::user_rooms(&user.user.username);
    let pending = Signal::derive(move || {
        mute.pending().get() || ban.pending().get() || offline.pending().get()
    });
    view! {
        <dl class="fields" data-testid="user-facts">
            <dt>{w.status()}</dt>
            <dd data-testid="user-online">{if user.online { w.online() } else { w.offline() }}</dd>
            <dt>{w.ban_title()}</dt>
            <dd data-testid="user-banned">{if banned { w.banned() } else { w.active() }}</dd>
            <dt>{w.rooms_of()}</dt>
            <dd><a href=crate::url::link(&rooms)>{w.rooms_of()}</a></dd>
            <dt>{w.users_title()}</dt>
            <dd><a href=crate::url::link(&crate::url::href("/users", &[("names", user.user.username.clone())]))>
                {w.users_title()}</a></dd>
        </dl>
        <h2>{w.mute_title()}</h2>
        <p class="hint">{w.mute_lead()}</p>
        <table class="results" data-testid="global-mute">
            <caption class="visually-hidden">{w.mute_title()}</caption>
            <thead><tr><th scope="col">{w.kind()}</th><th scope="col">{w.col_state()}</th></tr></thead>
            <tbody>
                {kind_names.into_iter().zip(rows).map(|(k, s)| view! {
                    <tr><th scope="row">{k}</th><td>{mute_state(w, s, read_at)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <fieldset class="inline">
            <legend>{w.kind()}</legend>
            {kind_names.into_iter().enumerate().map(|(i, k)| view! {
                <label class="inline"><input type="checkbox" prop:checked=move || kinds.get()[i]
                    on:change=move |ev| kinds.update(|ks| ks[i] = event_target_checked(&ev))/>{k}</label>
            }).collect_view()}
        </fieldset>
        <label class="inline">{w.mute_for()}
            <select data-testid="global-mute-for" on:change=move |ev| {
                if let Ok(s) = event_target_value(&ev).parse() { seconds.set(s) }
            }>
                {durations().into_iter().map(|(s, label)| view! {
                    <option value=s.to_string() selected=move || seconds.get() == s>{label}</option>
                }).collect_view()}
            </select>
        </label>
        <div class="toolbar">
            <button type="button" class="primary" data-testid="global-mute-apply" disabled=pending
                on:click=move |_| { mute.dispatch_local(false); }>{w.mute_apply()}</button>
            <button type="button" data-testid="global-mute-lift" disabled=pending
                on:click=move |_| { mute.dispatch_local(true); }>{w.lift()}</button>
        </div>
        {action_failure(mute)}
        <h2>{w.ban_title()}</h2>
        <p class="hint">{w.ban_lead()}</p>
        <button type="button" class:danger=!banned data-testid="user-ban" disabled=pending
            on:click=move |_| { ban.dispatch_local(!banned); }>{if banned { w.unban() } else { w.ban() }}</button>
        {action_failure(ban)}
        <h2>{w.offline_title()}</h2>
        <p class="hint">{w.offline_lead()}</p>
        <button type="button" data-testid="user-offline" disabled=pending
            on:click=move |_| { offline.dispatch_local(()); }>{w.force_offline()}</button>
        {action_failure(offline)}
    }
}

/// What `/users` does to each user named.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Act {
    Mute,
    Unmute,
    Ban,
    Unban,
    Offline,
}

impl Act {
    const ALL: [Act; 5] = [Act::Mute, Act::Unmute, Act::Ban, Act::Unban, Act::Offline];
    fn key(self) -> &'static str {
        match self {
            Act::Mute => "mute",
            Act::Unmute => "unmute",
            Act::Ban => "ban",
            Act::Unban => "unban",
            Act::Offline => "offline",
        }
    }
    fn words(self, w: MessageWords) -> &'static str {
        match self {
            Act::Mute => w.act_mute(),
            Act::Unmute => w.act_unmute(),
            Act::Ban => w.act_ban(),
            Act::Unban => w.act_unban(),
            Act::Offline => w.act_offline(),
        }
    }
    fn item(self, u: &str, seconds: i64) -> Item {
        let username = u.to_string();
        match self {
            Act::Mute | Act::Unmute => SetGlobalMute {
                username,
                chatroom: Some(if self == Act::Mute {
                    span(seconds)
                } else {
                    MuteSpan::Lift
                }),
                ..Default::default()
            }
            .item(),
            Act::Ban => BanUser { username }.item(),
            Act::Unban => UnbanUser { username }.item(),
            Act::Offline => ForceOffline { username }.item(),
        }
    }
}

/// The bulk run of `/users`.
fn use_users_run() -> Bulk {
    use_bulk("users")
}

#[component]
pub fn UsersPage() -> impl IntoView {
    view! { <RequireConnection><UsersView/></RequireConnection> }
}

#[component]
fn UsersView() -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let query = use_query_map();
    let bulk = use_users_run();
    let names = RwSignal::new(
        query
            .with_untracked(|q| q.get("names"))
            .unwrap_or_default()
            .replace(',', "\n"),
    );
    let act = RwSignal::new(Act::Mute);
    let seconds = RwSignal::new(3600i64);
    let problem = RwSignal::new(None::<String>);
    let start = move || {
        let list = match crate::forms::usernames(&names.get_untracked()) {
            Ok(l) => l,
            Err(e) => return problem.set(Some(e.message)),
        };
        problem.set(None);
        let (a, s) = (act.get_untracked(), seconds.get_untracked());
        let work: Work = Rc::new(move |u: String, run: Run| {
            Box::pin(async move {
                let r = match a {
                    Act::Mute | Act::Unmute => {
                        let chatroom = Some(if a == Act::Mute {
                            span(s)
                        } else {
                            MuteSpan::Lift
                        });
                        data.write_in(
                            &run,
                            SetGlobalMute {
                                username: u,
                                chatroom,
                                ..Default::default()
                            },
                        )
                        .await
                    }
                    Act::Ban => data.write_in(&run, BanUser { username: u }).await,
                    Act::Unban => data.write_in(&run, UnbanUser { username: u }).await,
                    Act::Offline => data.write_in(&run, ForceOffline { username: u }).await,
                };
                r.map(|_| Done::said(move || mw().done().to_string()))
            })
        });
        let finish: Finish = Rc::new(move |b: Bulk| {
            notices.show(t().bulk_summary(b.done(), b.failed(), 0));
        });
        let plan = Plan {
            items: list.iter().map(|u| a.item(u, s)).collect(),
            undoes: None,
            resumes: None,
        };
        bulk.start(
            list.into_iter()
                .map(|u| (u.clone(), Said::data(u)))
                .collect(),
            plan,
            work,
            finish,
        );
    };
    let w = mw();
    view! {
        <section class="panel">
            <h1>{w.users_title()}</h1>
            <p class="hint">{w.users_lead()}</p>
            <form on:submit=move |ev| { ev.prevent_default(); start(); }>
                <label for="users-names">{w.names()}</label>
                <textarea id="users-names" rows="4" data-testid="users-names" prop:value=move || names.get()
                    on:input=move |ev| names.set(event_target_value(&ev))
                    aria-invalid=move || problem.with(Option::is_some).to_string()
                    aria-describedby="users-names-error"></textarea>
                <p id="users-names-error" class="field-error" role="alert">{move || problem.get()}</p>
                <label class="inline">{w.what()}
                    <select data-testid="users-act" on:change=move |ev| {
                        let k = event_target_value(&ev);
                        if let Some(a) = Act::ALL.into_iter().find(|a| a.key() == k) { act.set(a) }
                    }>
                        {Act::ALL.into_iter().map(|a| view! { <option value=a.key()>{a.words(w)}</option> }).collect_view()}
                    </select>
                </label>
                <Show when=move || act.get() == Act::Mute>
                    <label class="inline">{mw().mute_for()}
                        <select on:change=move |ev| { if let Ok(s) = event_target_value(&ev).parse() { seconds.set(s) } }>
                            {durations().into_iter().map(|(s, label)| view! {
                                <option value=s.to_string() selected=move || seconds.get() == s>{label}</option>
                            }).collect_view()}
                        </select>
                    </label>
                </Show>
                <button type="submit" class="primary" data-testid="users-go" disabled=move || bulk.running.get()>
                    {move || mw().go_n(crate::forms::usernames(&names.get()).map(|l| l.len()).unwrap_or(0))}
                </button>
            </form>
            <BulkProgress bulk item_heading=t().user testid="users-results"/>
        </section>
        <MutedList/>
    }
}

const MUTED_PAGE: u32 = 50;

/// Seconds left of a muted list's element (the server lists lifted ones with 0 too).
fn entry_left(e: &GlobalMuteEntry) -> i64 {
    e.chat.or(e.groupchat).or(e.chatroom).unwrap_or(0)
}

/// The app's users muted app-wide, a page at a time (`?page=`).
#[component]
fn MutedList() -> impl IntoView {
    let data = crate::data::use_data();
    let page = crate::routes::page_in_query("page");
    let list = LocalResource::new(move || {
        let p = page.get();
        data.track();
        async move { data.global_mutes(p, MUTED_PAGE).await.map(|l| (p, l)) }
    });
    let href = |p: u32| {
        crate::url::href(
            "/users",
            &[("page", if p > 1 { p.to_string() } else { String::new() })],
        )
    };
    let prev = Signal::derive(move || (page.get() > 1).then(|| href(page.get() - 1)));
    let next = Signal::derive(move || match list.get() {
        Some(Ok((p, l))) if p == page.get() && l.data.len() as u32 == MUTED_PAGE => {
            Some(href(p + 1))
        }
        _ => None,
    });
    let row = |e: GlobalMuteEntry| {
        let w = mw();
        let (kind, s) = if let Some(s) = e.chat {
            (w.kind_chat(), s)
        } else if let Some(s) = e.groupchat {
            (w.kind_groupchat(), s)
        } else {
            (w.kind_chatroom(), e.chatroom.unwrap_or(0))
        };
        let left = if s < 0 {
            w.muted_forever().to_string()
        } else {
            w.seconds_left(s)
        };
        view! {
            <tr>
                <td><a href=crate::url::link(&crate::url::user(&e.username)) translate="no">{e.username.clone()}</a></td>
                <td>{kind}</td>
                <td>{left}</td>
            </tr>
        }
    };
    view! {
        <section class="panel">
            <h2>{mw().muted_list()}</h2>
            <crate::routes::Pager label=mw().muted_list() page=Signal::derive(move || page.get() as usize) prev next/>
            {move || match list.get() {
                None => view! { <Loading what=t().loading_list/> }.into_any(),
                Some(Err(e)) => view! { <ErrorView error=e/> }.into_any(),
                Some(Ok((_, l))) if l.data.iter().all(|e| entry_left(e) == 0) => view! { <p class="empty" data-testid="muted-list">{mw().muted_none()}</p> }.into_any(),
                Some(Ok((_, l))) => view! {
                    <div class="table-scroll">
                        <table class="results" data-testid="muted-list">
                            <thead><tr><th scope="col">{t().user}</th><th scope="col">{mw().kind()}</th><th scope="col">{mw().left_col()}</th></tr></thead>
                            <tbody>{l.data.into_iter().filter(|e| entry_left(e) != 0).map(row).collect_view()}</tbody>
                        </table>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
