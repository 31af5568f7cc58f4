//! Reads through the data layer: what is held fresh answers at once, the rest is asked for
//! once and kept. Views read [`Data::track`] in their resources, so that they ask again when a
//! change drops what they showed.

use super::cache::UserAcross;
use super::cache::{Held, Kept};
use super::{now, Data};
use easemob_api::endpoints::{
    CursorPage, GetAnnouncement, GetAttributes, GetGlobalMute, GetUser, ListAdmins,
    ListGlobalMutes, ListMembers, ListMutes, ListRoomList, ListRooms, ListSuperAdmins, RoomDetails,
    RoomList, UserJoinedRooms, UserStatus,
};
use easemob_api::wire::GlobalMutePage;
use easemob_api::wire::{Affiliation, ChatroomDetail, ChatroomSummary, JoinedChatroom, MutedUser};
use easemob_api::ApiError;
use leptos::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

/// A room's summary as the list shows it, from its details.
pub fn summary_of(d: &ChatroomDetail) -> ChatroomSummary {
    ChatroomSummary {
        id: d.id.clone(),
        name: d.name.clone(),
        owner: d.owner.clone(),
        affiliations_count: d.affiliations_count,
        disabled: None,
    }
}

impl Data {
    /// Read (tracked) in a resource that asks the data layer: the resource runs again when a
    /// change drops something held. Read it in the resource itself, not through a memo: a
    /// resource that depends on a memo and on that memo's own source misses changes in
    /// Leptos 0.8.
    pub fn track(&self) {
        self.version.track();
    }

    /// What is held under `key` in the part `pick` names, or the answer to `call`, kept there.
    async fn read_through<K, E>(
        &self,
        pick: fn(&mut Held) -> &mut Kept<K, E::Output>,
        key: K,
        call: E,
    ) -> Result<E::Output, ApiError>
    where
        K: Eq + Hash + Clone,
        E: easemob_api::endpoints::Endpoint,
        E::Output: Clone,
    {
        let client = self.session.client_tracked()?;
        self.same_app();
        let mut held = None;
        self.held
            .update_value(|h| held = pick(h).fresh(&key, now()));
        if let Some(v) = held {
            return Ok(v);
        }
        let v = client.send(&call).await?;
        self.held
            .update_value(|h| pick(h).put(key, v.clone(), now()));
        Ok(v)
    }

    /// Details of these rooms by id; an id the server does not know is not in the answer.
    pub async fn room_details(
        &self,
        ids: &[String],
    ) -> Result<HashMap<String, ChatroomDetail>, ApiError> {
        let client = self.session.client_tracked()?;
        self.same_app();
        let (mut have, ask) = self.held.with_value(|h| h.split_rooms(ids, now()));
        if !ask.is_empty() {
            let found = client.room_details(&ask).await?;
            for d in &found {
                have.insert(d.id.clone(), Some(d.clone()));
            }
            self.held.update_value(|h| h.put_rooms(&ask, found, now()));
        }
        Ok(have
            .into_iter()
            .filter_map(|(id, d)| d.map(|d| (id, d)))
            .collect())
    }

    /// One room's details. A room the server does not know is its refusal (404, with the
    /// server's words, for the room page to show); `None` when it answered without the room.
    pub async fn room(&self, id: &str) -> Result<Option<ChatroomDetail>, ApiError> {
        let client = self.session.client_tracked()?;
        self.same_app();
        let key = [id.to_string()];
        if let Some(d) = self.held.with_value(|h| h.rooms.fresh(&key[0], now())) {
            if d.is_some() {
                return Ok(d);
            }
        }
        let found = client.send(&RoomDetails::one(id.to_string())).await?;
        let d = found.iter().find(|d| d.id == id).cloned();
        self.held.update_value(|h| h.put_rooms(&key, found, now()));
        Ok(d)
    }

    /// A page of the room list.
    pub async fn list_page(
        &self,
        size: u32,
        cursor: Option<String>,
    ) -> Result<CursorPage<ChatroomSummary>, ApiError> {
        let call = ListRooms {
            limit: Some(size),
            cursor: cursor.clone(),
        };
        self.read_through(|h| &mut h.lists, (size, cursor), call)
            .await
    }

    /// A page of a room's members.
    pub async fn member_page(
        &self,
        id: &str,
        page: u32,
        size: u32,
    ) -> Result<Vec<Affiliation>, ApiError> {
        let call = ListMembers {
            id: id.to_string(),
            pagenum: Some(page),
            pagesize: Some(size),
        };
        self.read_through(|h| &mut h.members, (id.to_string(), page, size), call)
            .await
    }

    /// A room's admins, from memory while fresh.
    pub async fn admins(&self, id: &str) -> Result<Vec<String>, ApiError> {
        let call = ListAdmins { id: id.to_string() };
        self.read_through(|h| &mut h.admins, id.to_string(), call)
            .await
    }

    /// A room's mute list, from memory while fresh.
    pub async fn mutes(&self, id: &str) -> Result<Vec<MutedUser>, ApiError> {
        let call = ListMutes { id: id.to_string() };
        self.read_through(|h| &mut h.mutes, id.to_string(), call)
            .await
    }

    /// A room's block or allow list, from memory while fresh.
    pub async fn room_list(&self, id: &str, list: RoomList) -> Result<Vec<String>, ApiError> {
        let call = ListRoomList {
            id: id.to_string(),
            list,
        };
        self.read_through(|h| &mut h.room_lists, (id.to_string(), list), call)
            .await
    }

    /// A room's announcement, from memory while fresh.
    pub async fn announcement(&self, id: &str) -> Result<String, ApiError> {
        let call = GetAnnouncement { id: id.to_string() };
        self.read_through(|h| &mut h.announcements, id.to_string(), call)
            .await
    }

    /// A room's custom attributes, from memory while fresh.
    pub async fn attributes(&self, id: &str) -> Result<BTreeMap<String, String>, ApiError> {
        let call = GetAttributes {
            id: id.to_string(),
            keys: Vec::new(),
        };
        self.read_through(|h| &mut h.attributes, id.to_string(), call)
            .await
    }

    /// A page of the app's super admins.
    pub async fn super_admins(&self, page: u32, size: u32) -> Result<Vec<String>, ApiError> {
        let call = ListSuperAdmins {
            pagenum: Some(page),
            pagesize: Some(size),
        };
        self.read_through(|h| &mut h.super_admins, (page, size), call)
            .await
    }

    /// A page of the rooms a user is in.
    pub async fn user_rooms(
        &self,
        user: &str,
        page: u32,
        size: u32,
    ) -> Result<Vec<JoinedChatroom>, ApiError> {
        let call = UserJoinedRooms {
            username: user.to_string(),
            pagenum: Some(page),
            pagesize: Some(size),
        };
        self.read_through(|h| &mut h.user_rooms, (user.to_string(), page, size), call)
            .await
    }

    /// A user across the app: registered (and banned or not), online or not, muted app-wide
    /// for how long. `None`: no such user.
    pub async fn user_across(&self, user: &str) -> Result<Option<UserAcross>, ApiError> {
        let client = self.session.client_tracked()?;
        self.same_app();
        let mut held = None;
        self.held
            .update_value(|h| held = h.users.fresh(&user.to_string(), now()));
        if let Some(v) = held {
            return Ok(Some(v));
        }
        let username = user.to_string();
        let entity = match client
            .send(&GetUser {
                username: username.clone(),
            })
            .await
        {
            Ok(u) => u,
            Err(e) if e.status() == Some(404) => return Ok(None),
            Err(e) => return Err(e),
        };
        let online = client
            .send(&UserStatus {
                username: username.clone(),
            })
            .await;
        let mute = client
            .send(&GetGlobalMute {
                username: username.clone(),
            })
            .await;
        let v = UserAcross {
            user: entity,
            online: online?,
            mute: mute?,
            read_at: now(),
        };
        self.held
            .update_value(|h| h.users.put(username, v.clone(), now()));
        Ok(Some(v))
    }

    /// A page of the app's users muted app-wide, a user and kind an element.
    pub async fn global_mutes(&self, page: u32, size: u32) -> Result<GlobalMutePage, ApiError> {
        let call = ListGlobalMutes { page, size };
        self.read_through(|h| &mut h.global_mutes, (page, size), call)
            .await
    }
}
