//! The room's moderation panels: admins, mutes (and muting everyone), the block and allow
//! lists, the announcement and the custom attributes. Each panel shows its list at a glance
//! with its actions (the list and the form of users are `components::users`). A change goes through the data layer, which reloads what it
//! touched (`crate::data::writes`): the panel, and the room's details when they show it.

use super::{admins, announcement, attributes, lists, mutes};

use crate::i18n::t;
use easemob_api::wire::ChatroomDetail;
use easemob_api::RoomList;
use leptos::prelude::*;

/// What every panel needs of the room.
#[derive(Clone, Copy)]
pub struct ModRoom {
    pub id: Signal<String>,
    pub owner: Signal<String>,
    pub muted_all: Signal<bool>,
}

#[component]
pub fn Moderation(room: Signal<ChatroomDetail>) -> impl IntoView {
    let r = ModRoom {
        id: Signal::derive(move || room.with(|r| r.id.clone())),
        owner: Signal::derive(move || room.with(|r| r.owner.clone())),
        muted_all: Signal::derive(move || room.with(|r| r.mute == Some(true))),
    };
    view! {
        <h2 id="moderation">{t().moderation_title}</h2>
        <div class="moderation" data-testid="moderation">
            <admins::AdminsPanel room=r/>
            <mutes::MutesPanel room=r/>
            <lists::ListPanel room=r list=RoomList::Block/>
            <lists::ListPanel room=r list=RoomList::Allow/>
            <announcement::AnnouncementPanel room=r/>
            <attributes::AttributesPanel room=r/>
        </div>
    }
}
