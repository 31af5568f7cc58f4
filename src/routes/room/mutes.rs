//! The mute list (who, until when), muting members for a time or for ever, and muting the
//! whole room.

use super::moderation::ModRoom;
use crate::components::error::action_failure;
use crate::components::notice::use_notices;
use crate::components::time::Time;
use crate::components::users::{list_view, user_row, UsersForm};
use crate::i18n::t;
use easemob_api::endpoints::{Mute, MuteAll, MuteFor, Unmute};
use easemob_api::ApiError;
use leptos::prelude::*;

/// The durations offered, in minutes; `None` is for ever.
const DURATIONS: [(&str, Option<u64>); 5] = [
    ("10m", Some(10)),
    ("1h", Some(60)),
    ("1d", Some(24 * 60)),
    ("7d", Some(7 * 24 * 60)),
    ("forever", None),
];

fn duration_label(key: &str) -> &'static str {
    match key {
        "10m" => t().mute_10m,
        "1h" => t().mute_1h,
        "1d" => t().mute_1d,
        "7d" => t().mute_7d,
        _ => t().mute_forever,
    }
}

/// The mute a duration key stands for.
pub fn mute_for(key: &str) -> MuteFor {
    match DURATIONS.iter().find(|(k, _)| *k == key) {
        Some((_, Some(minutes))) => MuteFor::Millis(minutes * 60_000),
        _ => MuteFor::Forever,
    }
}

/// The duration choice, for this panel and the bulk mute.
#[component]
pub fn DurationSelect(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{t().mute_for}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev)) prop:value=move || value.get()>
                {DURATIONS.iter().map(|(k, _)| view! { <option value=*k>{duration_label(k)}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn MutesPanel(room: ModRoom) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let muted = LocalResource::new(move || {
        let id = room.id.get();
        data.track();
        async move { data.mutes(&id).await }
    });
    let duration = RwSignal::new("1h".to_string());
    let draft = RwSignal::new(String::new());
    // Each action says what it did itself; its failure stays in its value, shown below.
    let mute = Action::new_local(move |names: &Vec<String>| {
        let call = Mute {
            id: room.id.get_untracked(),
            usernames: names.clone(),
            duration: mute_for(&duration.get_untracked()),
        };
        async move {
            let n = data.write(call).await?.len();
            notices.show(t().muted_n(n));
            draft.try_set(String::new());
            Ok::<_, ApiError>(())
        }
    });
    let unmute = Action::new_local(move |u: &String| {
        let call = Unmute {
            id: room.id.get_untracked(),
            usernames: vec![u.clone()],
        };
        let u = u.clone();
        async move {
            data.write(call).await?;
            notices.show(t().unmuted(&u));
            Ok::<_, ApiError>(())
        }
    });
    let all = Action::new_local(move |on: &bool| {
        let call = MuteAll {
            id: room.id.get_untracked(),
            mute: *on,
        };
        async move {
            let on = data.write(call).await?.mute;
            notices.show(if on {
                t().mute_all_done
            } else {
                t().unmute_all_done
            });
            Ok::<_, ApiError>(())
        }
    });
    view! {
        <section class="mod-panel" aria-labelledby="mutes-title">
            <h3 id="mutes-title">{t().mutes_title}</h3>
            <div class="inline">
                <button type="button" class="small" data-testid="mute-all" aria-pressed=move || room.muted_all.get().to_string()
                    disabled=move || all.pending().get()
                    on:click=move |_| { all.dispatch_local(!room.muted_all.get_untracked()); }>
                    {t().mute_all}
                </button>
            </div>
            <Show when=move || room.muted_all.get()>
                <p class="summary" data-testid="mute-all-state">{t().mute_all_state}</p>
            </Show>
            {action_failure(all)}
            {move || list_view(muted.get(), t().no_mutes, "mutes", |m| {
                let who = m.user.clone();
                let until = if m.expire < 0 {
                    view! { <span class="muted">{t().mute_forever}</span> }.into_any()
                } else {
                    view! { <span class="muted">{t().muted_until}" "<Time ms=m.expire as u64/></span> }.into_any()
                };
                user_row(m.user.clone(), Some(until), t().unmute_user(&m.user), t().unmute, move || {
                    unmute.dispatch_local(who.clone());
                })
            })}
            {action_failure(unmute)}
            <UsersForm id="mute-usernames" label=t().users_short submit=t().mute
                pending=mute.pending() draft on_names=Callback::new(move |names| { mute.dispatch_local(names); })>
                <DurationSelect id="mute-duration" value=duration/>
            </UsersForm>
            {action_failure(mute)}
        </section>
    }
}
