//! One room: every field of the detail answer, then what can be done to it, by resource: the
//! room itself ([`rooms`]: edit, transfer, dissolve), its [`members`], [`admins`], [`mutes`],
//! block and allow [`lists`], [`announcement`] and custom [`attributes`]. The panels share
//! the pieces in [`moderation`].

pub mod actions;
pub mod admins;
pub mod announcement;
pub mod attributes;
pub mod lists;
pub mod members;
pub mod moderation;
pub mod mutes;

use crate::components::error::ErrorView;
use crate::components::time::Time;
use crate::components::{Loading, RequireConnection};
use crate::i18n::t;
use easemob_api::wire::ChatroomDetail;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `custom` pretty-printed when it is a JSON object or array, as it is otherwise.
pub fn pretty_custom(custom: &str) -> (String, bool) {
    match serde_json::from_str::<serde_json::Value>(custom) {
        Ok(v @ (serde_json::Value::Object(_) | serde_json::Value::Array(_))) => (
            serde_json::to_string_pretty(&v).unwrap_or_else(|_| custom.to_string()),
            true,
        ),
        _ => (custom.to_string(), false),
    }
}

#[component]
pub fn RoomDetail() -> impl IntoView {
    view! { <RequireConnection><RoomView/></RequireConnection> }
}

#[component]
fn RoomView() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.get().get("id").unwrap_or_default());
    let data = crate::data::use_data();
    // Asks again after a change; what the change did not touch answers from memory.
    let detail = LocalResource::new(move || {
        let id = id.get();
        data.track();
        async move { data.room(&id).await }
    });
    // The room as last loaded: the actions and the member list live outside the detail's
    // Suspend so a reload after a change does not close an open dialog or lose its results.
    let current = Memo::new(move |_| detail.get().and_then(Result::ok).flatten());
    let loaded = move || current.with(Option::is_some);
    view! {
        <section class="panel">
            <p class="crumbs"><a href=crate::url::link("/rooms")>{t().nav_rooms}</a></p>
            // The answer as it stands (the last one stays while the next loads). Not a Suspend:
            // an answer from the data layer is ready at once, and is shown at once.
            {move || match detail.get() {
                None => view! { <Loading what=t().loading_room/> }.into_any(),
                Some(Err(e)) => view! {
                    <h1>{t().room_heading(&id.get_untracked())}</h1>
                    <ErrorView error=e/>
                }.into_any(),
                Some(Ok(None)) => view! { <p class="empty">{t().room_missing}</p> }.into_any(),
                Some(Ok(Some(room))) => view! { <RoomFields room/> }.into_any(),
            }}
            <Show when=loaded>
                <actions::RoomActions room=Signal::derive(move || current.get().unwrap_or_default())/>
                <moderation::Moderation room=Signal::derive(move || current.get().unwrap_or_default())/>
                <members::Members room=current/>
            </Show>
        </section>
        // The room's recent changes from this browser, from the journal.
        {move || view! { <crate::routes::journal::RecentChanges room=id.get()/> }}
    }
}

#[component]
fn RoomFields(room: ChatroomDetail) -> impl IntoView {
    let (custom, is_json) = pretty_custom(&room.custom);
    let id_for_copy = room.id.clone();
    let yes_no = |b: bool| if b { t().yes } else { t().no };
    view! {
        <h1 translate="no">{room.name.clone()}</h1>
        <dl class="fields" data-testid="room-fields">
            <dt>{t().col_id}</dt>
            <dd>
                <code data-testid="room-id" translate="no">{room.id.clone()}</code>
                " "
                <crate::components::copy::CopyButton text=Signal::stored(id_for_copy) aria_label=t().copy_id.to_string()/>
            </dd>
            <dt>{t().col_description}</dt><dd translate="no">{room.description.clone()}</dd>
            <dt>{t().col_owner}</dt>
            <dd><a href=crate::url::link(&crate::url::user(&room.owner)) data-testid="room-owner" translate="no">{room.owner.clone()}</a></dd>
            <dt>{t().col_maxusers}</dt><dd>{room.maxusers}</dd>
            <dt>{t().col_members}</dt><dd data-testid="member-count">{room.affiliations_count}</dd>
            <dt>{t().col_created}</dt><dd><Time ms=room.created/></dd>
            <dt>{t().membersonly}</dt><dd>{yes_no(room.membersonly)}</dd>
            <dt>{t().allowinvites}</dt><dd>{yes_no(room.allowinvites)}</dd>
            <dt>{t().public}</dt><dd>{yes_no(room.public)}</dd>
            {room.mute.map(|m| view! { <dt>{t().muted}</dt><dd>{yes_no(m)}</dd> })}
            <dt>{t().custom}</dt>
            <dd>
                {if room.custom.is_empty() {
                    view! { <span class="muted">{t().empty_value}</span> }.into_any()
                } else if is_json {
                    view! { <pre class="json" data-testid="custom" translate="no">{custom}</pre> }.into_any()
                } else {
                    view! { <span data-testid="custom">{custom}</span> }.into_any()
                }}
            </dd>
        </dl>
        <p>
            <a class="button" data-testid="room-send-message"
                href=crate::url::link(&crate::url::href("/messages", &[("room", room.id.clone())]))>
                {crate::i18n::messages::mw().compose()}
            </a>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::pretty_custom;

    #[test]
    fn custom_json_is_pretty_printed_and_plain_text_left_alone() {
        assert_eq!(
            pretty_custom(r#"{"a":1}"#),
            ("{\n  \"a\": 1\n}".to_string(), true)
        );
        assert_eq!(pretty_custom("vip"), ("vip".to_string(), false));
        assert_eq!(pretty_custom("42"), ("42".to_string(), false));
    }
}
