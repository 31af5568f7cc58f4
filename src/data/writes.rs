//! The one write path. Every change the dashboard makes goes through [`Data::write`] (or
//! [`Data::write_in`] for a bulk run, [`Data::write_once`] for a change that is never sent
//! twice), and each write endpoint says here, once, what it touches. Exactly that is dropped
//! from the cache, the views showing it read it again, and the all-rooms table follows. Pages
//! never invalidate by hand. The README's "Every write and what it touches" is this file as a
//! table; a test below fails when a write endpoint of the API crate has no declaration here.

use super::Data;
use crate::journal::{key, Item, Op};
use crate::journal::{Entry, Kind, Outcome};
use easemob_api::client::Cancel;
use easemob_api::endpoints::*;
use easemob_api::wire::{
    AddedMember, AddedMembers, ListChange, MuteResult, RemovedMember, SentMessages,
};
use easemob_api::{ApiError, FailureClass, LookUp, Verdict};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

/// Something a change makes stale.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Touch {
    /// A room's details (name, description, size, owner, member count): the room, the list
    /// pages and all-rooms rows that show it.
    Room(String),
    /// A room's member pages.
    Members(String),
    /// A new room: every list page (the server decides where it goes), users' room lists, and
    /// the all-rooms table, which gets it first.
    NewRoom(String),
    /// A dissolved room: its details and members, and every view that listed it (not its
    /// moderation, which is never asked for again).
    Gone(String),
    /// A room's admins.
    Admins(String),
    /// A room's mute list.
    Mutes(String),
    /// A room's block or allow list.
    RoomList(String, RoomList),
    /// A room's announcement.
    Announcement(String),
    /// A room's custom attributes.
    Attributes(String),
    /// The app's super admins.
    SuperAdmins,
    /// The rooms a user is in.
    UserRooms(String),
    /// A user's state across the app (banned, online, muted app-wide), and the app's list of
    /// muted users.
    User(String),
}

impl Touch {
    /// A room's moderation, every part of it.
    pub fn moderation(id: &str) -> Vec<Touch> {
        let id = id.to_string();
        vec![
            Touch::Admins(id.clone()),
            Touch::Mutes(id.clone()),
            Touch::RoomList(id.clone(), RoomList::Block),
            Touch::RoomList(id.clone(), RoomList::Allow),
            Touch::Announcement(id.clone()),
            Touch::Attributes(id),
        ]
    }

    /// Members leaving a room: its details (the count) and member pages, the marks that end
    /// with membership (admin, mute, allowlist, attributes set to go with their user), and
    /// each user's room list.
    fn members_left(id: &str, users: &[String]) -> Vec<Touch> {
        let id = id.trim().to_string();
        let mut out = vec![
            Touch::Room(id.clone()),
            Touch::Members(id.clone()),
            Touch::Admins(id.clone()),
            Touch::Mutes(id.clone()),
            Touch::RoomList(id.clone(), RoomList::Allow),
            Touch::Attributes(id),
        ];
        out.extend(users.iter().map(|u| Touch::UserRooms(u.clone())));
        out
    }

    /// Members joining a room: its details (the count), member pages and their room lists.
    fn members_joined(id: &str, users: &[String]) -> Vec<Touch> {
        let id = id.trim().to_string();
        let mut out = vec![Touch::Room(id.clone()), Touch::Members(id)];
        out.extend(users.iter().map(|u| Touch::UserRooms(u.clone())));
        out
    }
}

/// A change, what it touches, and how the journal records it.
pub trait Write: Endpoint {
    /// What this change makes stale; `answer` is its answer when it has one (a create's new
    /// room id).
    fn touches(&self, answer: Option<&Self::Output>) -> Vec<Touch>;
    /// The change as the journal records it (never a password: users by name only).
    fn item(&self) -> Item;
    /// What its answer says was done, into its journal item: the users the server added,
    /// muted or blocked (the rest already were), a new room's id.
    fn answered(&self, _answer: &Self::Output, _item: &mut Item) {}
}

fn one(id: &str) -> String {
    id.trim().to_string()
}

/// A journal item: this change in this room, to these users, setting these values.
fn item(op: Op, room: &str, users: &[String], set: &[(&str, String)]) -> Item {
    Item {
        op,
        room: one(room),
        users: users.iter().map(|u| u.trim().to_string()).collect(),
        set: set
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
        ..Default::default()
    }
}

/// The users a batch answer says it changed.
fn those_done<'a>(done: impl Iterator<Item = (bool, &'a String)>, it: &mut Item) {
    let users: Vec<String> = done.filter(|(ok, _)| *ok).map(|(_, u)| u.clone()).collect();
    it.affected.get_or_insert_with(Vec::new).extend(users);
}

impl Write for CreateRoom {
    fn touches(&self, answer: Option<&String>) -> Vec<Touch> {
        let mut out: Vec<Touch> = answer
            .map(|id| Touch::NewRoom(id.clone()))
            .into_iter()
            .collect();
        // Without the id (an answer lost and not yet found), every list may hold it.
        if out.is_empty() {
            out.push(Touch::NewRoom(String::new()));
        }
        out.push(Touch::UserRooms(self.0.owner.clone()));
        out.extend(
            self.0
                .members
                .iter()
                .flatten()
                .map(|u| Touch::UserRooms(u.clone())),
        );
        out
    }
    fn item(&self) -> Item {
        let c = &self.0;
        let mut set = vec![(key::NAME, c.name.clone()), (key::OWNER, c.owner.clone())];
        if !c.description.is_empty() {
            set.push((key::DESCRIPTION, c.description.clone()));
        }
        if let Some(n) = c.maxusers {
            set.push((key::MAXUSERS, n.to_string()));
        }
        if let Some(custom) = &c.custom {
            set.push((key::CUSTOM, custom.clone()));
        }
        item(Op::Create, "", c.members.as_deref().unwrap_or(&[]), &set)
    }
    fn answered(&self, id: &String, it: &mut Item) {
        it.room = id.clone();
    }
}
impl Write for ModifyRoom {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::Room(one(&self.id))]
    }
    fn item(&self) -> Item {
        let c = &self.changes;
        let mut set = Vec::new();
        if let Some(v) = &c.name {
            set.push((key::NAME, v.clone()));
        }
        if let Some(v) = &c.description {
            set.push((key::DESCRIPTION, v.clone()));
        }
        if let Some(v) = c.maxusers {
            set.push((key::MAXUSERS, v.to_string()));
        }
        item(Op::Edit, &self.id, &[], &set)
    }
}
impl Write for TransferRoom {
    /// The new owner is no longer an admin of the room, or muted in it (and is a member, if
    /// they were not).
    fn touches(&self, _: Option<&bool>) -> Vec<Touch> {
        let id = one(&self.id);
        vec![
            Touch::Room(id.clone()),
            Touch::Members(id.clone()),
            Touch::Admins(id.clone()),
            Touch::Mutes(id),
            Touch::UserRooms(self.new_owner.trim().to_string()),
        ]
    }
    fn item(&self) -> Item {
        item(
            Op::Transfer,
            &self.id,
            &[],
            &[(key::OWNER, self.new_owner.trim().to_string())],
        )
    }
}
impl Write for DissolveRoom {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::Gone(one(&self.id))]
    }
    fn item(&self) -> Item {
        item(Op::Dissolve, &self.id, &[], &[])
    }
}
impl Write for AddMember {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        Touch::members_joined(&self.id, std::slice::from_ref(&self.username))
    }
    fn item(&self) -> Item {
        item(
            Op::AddMembers,
            &self.id,
            std::slice::from_ref(&self.username),
            &[],
        )
    }
    fn answered(&self, a: &AddedMember, it: &mut Item) {
        those_done(std::iter::once((a.result, &a.user)), it);
    }
}
impl Write for AddMembers {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        Touch::members_joined(&self.id, &self.usernames)
    }
    fn item(&self) -> Item {
        item(Op::AddMembers, &self.id, &self.usernames, &[])
    }
    fn answered(&self, a: &AddedMembers, it: &mut Item) {
        those_done(a.newmembers.iter().map(|u| (true, u)), it);
    }
}
impl Write for RemoveMember {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        Touch::members_left(&self.id, std::slice::from_ref(&self.username))
    }
    fn item(&self) -> Item {
        item(
            Op::RemoveMembers,
            &self.id,
            std::slice::from_ref(&self.username),
            &[],
        )
    }
    fn answered(&self, a: &RemovedMember, it: &mut Item) {
        those_done(std::iter::once((a.result, &a.user)), it);
    }
}
impl Write for RemoveMembers {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        Touch::members_left(&self.id, &self.usernames)
    }
    fn item(&self) -> Item {
        item(Op::RemoveMembers, &self.id, &self.usernames, &[])
    }
    fn answered(&self, a: &Vec<RemovedMember>, it: &mut Item) {
        those_done(a.iter().map(|r| (r.result, &r.user)), it);
    }
}
impl Write for AddAdmin {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::Admins(one(&self.id))]
    }
    fn item(&self) -> Item {
        item(
            Op::AddAdmin,
            &self.id,
            std::slice::from_ref(&self.username),
            &[],
        )
    }
}
impl Write for RemoveAdmin {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::Admins(one(&self.id))]
    }
    fn item(&self) -> Item {
        item(
            Op::RemoveAdmin,
            &self.id,
            std::slice::from_ref(&self.username),
            &[],
        )
    }
}
impl Write for Mute {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::Mutes(one(&self.id))]
    }
    fn item(&self) -> Item {
        item(
            Op::Mute,
            &self.id,
            &self.usernames,
            &[(key::DURATION, self.duration.wire().to_string())],
        )
    }
    fn answered(&self, a: &Vec<MuteResult>, it: &mut Item) {
        those_done(a.iter().map(|r| (r.result, &r.user)), it);
    }
}
impl Write for Unmute {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::Mutes(one(&self.id))]
    }
    fn item(&self) -> Item {
        item(Op::Unmute, &self.id, &self.usernames, &[])
    }
    fn answered(&self, a: &Vec<MuteResult>, it: &mut Item) {
        those_done(a.iter().map(|r| (r.result, &r.user)), it);
    }
}
impl Write for MuteAll {
    /// "Everyone muted" is part of the room's details.
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::Room(one(&self.id)), Touch::Mutes(one(&self.id))]
    }
    fn item(&self) -> Item {
        let op = if self.mute {
            Op::MuteAll
        } else {
            Op::UnmuteAll
        };
        item(op, &self.id, &[], &[])
    }
}
impl Write for AddToRoomList {
    /// A blocked user leaves the room.
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        let id = one(&self.id);
        match self.list {
            RoomList::Block => {
                let mut out = Touch::members_left(&id, &self.usernames);
                out.push(Touch::RoomList(id, RoomList::Block));
                out
            }
            RoomList::Allow => vec![Touch::RoomList(id, RoomList::Allow)],
        }
    }
    fn item(&self) -> Item {
        let op = match self.list {
            RoomList::Block => Op::Block,
            RoomList::Allow => Op::Allow,
        };
        item(op, &self.id, &self.usernames, &[])
    }
    fn answered(&self, a: &Vec<ListChange>, it: &mut Item) {
        those_done(a.iter().map(|r| (r.result, &r.user)), it);
    }
}
impl Write for RemoveFromRoomList {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::RoomList(one(&self.id), self.list)]
    }
    fn item(&self) -> Item {
        let op = match self.list {
            RoomList::Block => Op::Unblock,
            RoomList::Allow => Op::Disallow,
        };
        item(op, &self.id, &self.usernames, &[])
    }
    fn answered(&self, a: &Vec<ListChange>, it: &mut Item) {
        those_done(a.iter().map(|r| (r.result, &r.user)), it);
    }
}
impl Write for SetAnnouncement {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::Announcement(one(&self.id))]
    }
    fn item(&self) -> Item {
        item(
            Op::Announcement,
            &self.id,
            &[],
            &[(key::TEXT, self.text.clone())],
        )
    }
}
impl Write for SetAttributes {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::Attributes(one(&self.id))]
    }
    fn item(&self) -> Item {
        let mut set: Vec<(&str, String)> = Vec::new();
        let attrs: Vec<(String, String)> = self
            .attributes
            .iter()
            .map(|(k, v)| (format!("{}{k}", key::ATTR), v.clone()))
            .collect();
        set.extend(attrs.iter().map(|(k, v)| (k.as_str(), v.clone())));
        if self.forced {
            set.push((key::FORCED, "true".into()));
        }
        if self.auto_delete {
            set.push((key::AUTO_DELETE, "true".into()));
        }
        item(
            Op::SetAttributes,
            &self.id,
            std::slice::from_ref(&self.user),
            &set,
        )
    }
}
impl Write for DeleteAttributes {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::Attributes(one(&self.id))]
    }
    fn item(&self) -> Item {
        let keys: Vec<String> = self
            .keys
            .iter()
            .map(|k| format!("{}{k}", key::ATTR))
            .collect();
        let mut set: Vec<(&str, String)> =
            keys.iter().map(|k| (k.as_str(), String::new())).collect();
        if self.forced {
            set.push((key::FORCED, "true".into()));
        }
        item(
            Op::DeleteAttributes,
            &self.id,
            std::slice::from_ref(&self.user),
            &set,
        )
    }
}
impl Write for AddSuperAdmin {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::SuperAdmins]
    }
    fn item(&self) -> Item {
        item(
            Op::AddSuperAdmin,
            "",
            std::slice::from_ref(&self.username),
            &[],
        )
    }
}
impl Write for RemoveSuperAdmin {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::SuperAdmins]
    }
    fn item(&self) -> Item {
        item(
            Op::RemoveSuperAdmin,
            "",
            std::slice::from_ref(&self.username),
            &[],
        )
    }
}
impl Write for RegisterUsers {
    /// New users are in no room and hold no mark; nothing the dashboard holds shows them.
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        Vec::new()
    }
    fn item(&self) -> Item {
        let names: Vec<String> = self.users.iter().map(|u| u.username.clone()).collect();
        item(Op::RegisterUsers, "", &names, &[])
    }
    fn answered(&self, a: &Registered, it: &mut Item) {
        it.affected = Some(a.created.iter().map(|u| u.username.clone()).collect());
    }
}

/// A message's values as the journal keeps them: its type, what it says (JSON), its ext,
/// priority and sender.
fn message_values(
    from: &Option<String>,
    content: &Content,
    ext: &Option<serde_json::Map<String, serde_json::Value>>,
    priority: Priority,
) -> Vec<(&'static str, String)> {
    let mut v = vec![
        (key::TYPE, content.kind().to_string()),
        (
            key::BODY,
            serde_json::Value::Object(content.body()).to_string(),
        ),
        (key::PRIORITY, priority.wire().to_string()),
        (key::FROM, from.clone().unwrap_or_else(|| "admin".into())),
    ];
    if let Some(e) = ext {
        v.push((key::EXT, serde_json::Value::Object(e.clone()).to_string()));
    }
    v
}

impl Write for SendRoomMessage {
    /// Nothing the dashboard reads from the server shows messages.
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        Vec::new()
    }
    fn item(&self) -> Item {
        let mut set = message_values(&self.from, &self.content, &self.ext, self.priority);
        set.push((key::ROOMS, self.rooms.join(",")));
        item(Op::SendMessage, "", &[], &set)
    }
    fn answered(&self, a: &SentMessages, it: &mut Item) {
        it.sent = a.clone();
    }
}
impl Write for Broadcast {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        Vec::new()
    }
    fn item(&self) -> Item {
        let set = message_values(&self.from, &self.content, &self.ext, self.priority);
        item(Op::Broadcast, "", &[], &set)
    }
    fn answered(&self, id: &u64, it: &mut Item) {
        it.set.insert(key::BROADCAST.into(), id.to_string());
    }
}

/// Messages to recall as the journal keeps them: `room:id`, comma-separated.
fn recalled(messages: &[ToRecall], force: bool) -> Vec<(&'static str, String)> {
    let list: Vec<String> = messages
        .iter()
        .map(|m| format!("{}:{}", m.room, m.msg_id))
        .collect();
    let mut v = vec![(key::MESSAGES, list.join(","))];
    if force {
        v.push((key::FORCED, "true".into()));
    }
    v
}

impl Write for Recall {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        Vec::new()
    }
    fn item(&self) -> Item {
        let set = recalled(std::slice::from_ref(&self.message), self.force);
        item(Op::Recall, &self.message.room, &[], &set)
    }
}
impl Write for BatchRecall {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        Vec::new()
    }
    fn item(&self) -> Item {
        item(Op::Recall, "", &[], &recalled(&self.messages, self.force))
    }
    /// The messages recalled (each has its own result).
    fn answered(&self, a: &Vec<easemob_api::wire::RecallResult>, it: &mut Item) {
        it.affected = Some(
            a.iter()
                .filter(|r| r.outcome().is_ok())
                .map(|r| r.msg_id.clone())
                .collect(),
        );
    }
}
impl Write for SetGlobalMute {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::User(self.username.clone())]
    }
    fn item(&self) -> Item {
        let mut set = Vec::new();
        for (k, s) in [
            (key::CHAT, self.chat),
            (key::GROUPCHAT, self.groupchat),
            (key::CHATROOM, self.chatroom),
        ] {
            if let Some(s) = s {
                set.push((k, s.wire().to_string()));
            }
        }
        item(
            Op::GlobalMute,
            "",
            std::slice::from_ref(&self.username),
            &set,
        )
    }
}
impl Write for BanUser {
    /// A banned user is offline too.
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::User(self.username.clone())]
    }
    fn item(&self) -> Item {
        item(Op::Ban, "", std::slice::from_ref(&self.username), &[])
    }
}
impl Write for UnbanUser {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::User(self.username.clone())]
    }
    fn item(&self) -> Item {
        item(Op::Unban, "", std::slice::from_ref(&self.username), &[])
    }
}
impl Write for ForceOffline {
    fn touches(&self, _: Option<&Self::Output>) -> Vec<Touch> {
        vec![Touch::User(self.username.clone())]
    }
    fn item(&self) -> Item {
        item(
            Op::ForceOffline,
            "",
            std::slice::from_ref(&self.username),
            &[],
        )
    }
}

/// Whether a change that ended with this error may have been made: anything that reached
/// the server without a readable refusal.
pub(super) fn may_have_changed(e: &ApiError) -> bool {
    matches!(
        e.class(),
        FailureClass::OutcomeUnknown
            | FailureClass::ServerError
            | FailureClass::Network
            | FailureClass::Cors
            | FailureClass::Unreadable
    )
}

/// Changes made together (a bulk run): Stop ends the one waiting at once, and what they touch
/// is dropped as they go but read again once, when the run ends ([`Data::finish`]), not once
/// per room.
#[derive(Clone, Default)]
pub struct Run {
    pub stop: Cancel,
    touched: Rc<RefCell<Vec<Touch>>>,
    /// The run's journal entry (an item per row), and the row under way: what its writes
    /// found before and what their answers say is noted in that row's item.
    pub journal: Rc<RefCell<Option<Entry>>>,
    pub row: Rc<Cell<usize>>,
}

impl Run {
    pub fn new() -> Run {
        Run::default()
    }

    /// Notes into the item of the row under way.
    pub fn note(&self, f: impl FnOnce(&mut Item)) {
        if let Some(e) = self.journal.borrow_mut().as_mut() {
            if let Some(it) = e.items.get_mut(self.row.get()) {
                f(it);
            }
        }
    }
}

impl Data {
    /// Makes a change: sends it through the client (under its traffic policy) and drops what
    /// it touches, when it was made or may have been.
    ///
    /// It is an entry of the journal, kept before it is sent and again with its outcome.
    pub async fn write<E: Write>(&self, call: E) -> Result<E::Output, ApiError> {
        let client = self.session.require_client()?;
        let mut item = call.item();
        item.before = self.before(&item).await;
        let entry = self.new_entry(Kind::Single, vec![item], None);
        if let Some(e) = &entry {
            self.keep(e);
        }
        let result = client.send(&call).await;
        self.after_write(&call, &result, None);
        if let Some(mut e) = entry {
            let it = &mut e.items[0];
            match &result {
                Ok(out) => {
                    it.outcome = Outcome::Done;
                    call.answered(out, it);
                }
                Err(err) => it.outcome = super::journal::outcome_of(err),
            }
            e.running = false;
            self.keep(&e);
        }
        result
    }

    /// A change in a bulk run: stopped at once by the run's Stop while it waits; what it
    /// touches is read again when the run ends. It is part of its row's journal item.
    pub async fn write_in<E: Write>(&self, run: &Run, call: E) -> Result<E::Output, ApiError> {
        let client = self.session.require_client()?;
        let item = call.item();
        // What was there before the row's first call stays (a retry after a change that was
        // made must not take its result for what was there before).
        if let Some(b) = self.before(&item).await {
            run.note(|it| {
                let was = it.before.get_or_insert_with(Default::default);
                for (k, v) in b {
                    was.entry(k).or_insert(v);
                }
            });
        }
        let result = client.send_or_stop(&call, &run.stop).await;
        self.after_write(&call, &result, Some(run));
        if let Ok(out) = &result {
            run.note(|it| call.answered(out, it));
        }
        result
    }

    /// A change that is never sent twice (a create, a transfer): a lost answer is settled by
    /// looking for its effect ([`Verdict`]); `looking` hears when that starts.
    pub async fn write_once<E: Write + LookUp>(
        &self,
        call: &E,
        looking: impl FnOnce(),
    ) -> Verdict<E::Output> {
        self.once(call, looking, None).await
    }

    /// [`Data::write_once`] in a bulk run (the rooms of an import): the run's Stop ends a wait
    /// at once (a change stopped before it was sent is refused as stopped).
    pub async fn write_once_in<E: Write + LookUp>(
        &self,
        run: &Run,
        call: &E,
    ) -> Verdict<E::Output> {
        self.once(call, || (), Some(run)).await
    }

    /// Which app the data is of: changes when another app is connected (a bulk run stops
    /// sending then).
    pub fn app(&self) -> u32 {
        self.session.generation.get_untracked()
    }

    async fn once<E: Write + LookUp>(
        &self,
        call: &E,
        looking: impl FnOnce(),
        run: Option<&Run>,
    ) -> Verdict<E::Output> {
        // Alone, an entry of its own; in a run, its row's item.
        let mut item = call.item();
        item.before = self.before(&item).await;
        let entry = match run {
            Some(run) => {
                let b = item.before.take();
                run.note(|it| {
                    if it.before.is_none() {
                        it.before = b
                    }
                });
                None
            }
            None => self.new_entry(Kind::Single, vec![item], None),
        };
        if let Some(e) = &entry {
            self.keep(e);
        }
        let verdict = match self.session.require_client() {
            Ok(client) => {
                client
                    .send_once_or_stop(call, looking, run.map(|r| &r.stop))
                    .await
            }
            Err(e) => Verdict::Refused(e),
        };
        if verdict.may_have_changed() {
            self.touched(call.touches(verdict.done()), run);
        }
        if let (Some(run), Some(out)) = (run, verdict.done()) {
            run.note(|it| call.answered(out, it));
        }
        if let Some(mut e) = entry {
            self.settle(call, &mut e.items[0], &verdict);
            e.running = false;
            self.keep(&e);
            if matches!(verdict, Verdict::Unknown { .. }) {
                self.unsettled.set_value(Some(e));
            }
        }
        verdict
    }

    /// An item's outcome, from the verdict on it.
    fn settle<E: Write + LookUp>(&self, call: &E, it: &mut Item, verdict: &Verdict<E::Output>) {
        it.outcome = match verdict {
            Verdict::Done { value, .. } => {
                call.answered(value, it);
                Outcome::Done
            }
            Verdict::Refused(e) => super::journal::outcome_of(e),
            Verdict::NotDone { .. } => Outcome::NotDone,
            Verdict::Unknown { .. } => Outcome::Unknown,
        };
    }

    /// Looks again for the effect of a change whose answer was lost and whose first look
    /// failed ([`Verdict::Unknown`]).
    pub async fn look_again<E: Write + LookUp>(
        &self,
        call: &E,
        sent_at_ms: u64,
        lost: ApiError,
    ) -> Verdict<E::Output> {
        let verdict = match self.session.require_client() {
            Ok(client) => client.look_again(call, sent_at_ms, lost).await,
            Err(e) => Verdict::Refused(e),
        };
        if let Some(value) = verdict.done() {
            self.invalidate(call.touches(Some(value)));
        }
        // The journal's entry of that change, settled now.
        if !matches!(verdict, Verdict::Unknown { .. }) {
            if let Some(mut e) = self.unsettled.get_value().filter(|e| {
                let it = call.item();
                let was = &e.items[0];
                was.op == it.op && was.room == it.room && was.users == it.users && was.set == it.set
            }) {
                self.settle(call, &mut e.items[0], &verdict);
                self.keep(&e);
                self.unsettled.set_value(None);
            }
        }
        verdict
    }

    /// What a bulk run's requests would be, for its plan: the first one's method and path, and
    /// the pace (ms between two), as the client would send it.
    pub fn preview<E: Endpoint>(&self, call: &E) -> Option<(String, u64)> {
        let client = self.session.client()?;
        let (method, path, every) = client.preview(call).ok()?;
        Some((format!("{method} {path}"), every))
    }

    /// Records a bulk run's plan in the journal without sending anything.
    pub fn plan_only(&self, items: Vec<Item>) {
        if let Some(e) = self.new_entry(Kind::Plan, items, None) {
            self.keep(&e);
        }
    }

    /// Drops what these name from what is held, without the views reading again: a read that
    /// must be the server's answer now follows (the journal's "changed since").
    pub fn drop_held(&self, touches: &[Touch]) {
        self.held
            .update_value(|h| touches.iter().for_each(|t| h.forget(t)));
    }

    /// The end of a bulk run: the views read again what its changes touched, once.
    pub fn finish(&self, run: &Run) {
        let touched = std::mem::take(&mut *run.touched.borrow_mut());
        self.invalidate(touched);
    }

    fn after_write<E: Write>(
        &self,
        call: &E,
        result: &Result<E::Output, ApiError>,
        run: Option<&Run>,
    ) {
        let made = match result {
            Ok(_) => true,
            Err(e) => may_have_changed(e),
        };
        if !made {
            return;
        }
        self.touched(call.touches(result.as_ref().ok()), run);
    }

    /// What a change touched goes: at once, or in a run held values now and the views when the
    /// run ends.
    fn touched(&self, touches: Vec<Touch>, run: Option<&Run>) {
        match run {
            // Held values go now (nothing stale is shown from memory); views and the
            // all-rooms rows follow when the run ends.
            Some(run) => {
                self.held
                    .update_value(|h| touches.iter().for_each(|t| h.forget(t)));
                run.touched.borrow_mut().extend(touches);
            }
            None => self.invalidate(touches),
        }
    }

    /// Drops what these touches name, has the views read it again, and brings the all-rooms
    /// table up to date.
    fn invalidate(&self, touches: Vec<Touch>) {
        if touches.is_empty() {
            return;
        }
        self.held
            .update_value(|h| touches.iter().for_each(|t| h.forget(t)));
        self.version.update(|n| *n += 1);
        let mut new = Vec::new();
        let mut changed = Vec::new();
        for t in &touches {
            match t {
                Touch::NewRoom(id) if !id.is_empty() => new.push(id.clone()),
                Touch::Room(id) | Touch::Gone(id) => changed.push(id.clone()),
                _ => {}
            }
        }
        self.add_new_rooms(&new);
        self.refresh_rows_soon(changed);
    }

    /// The all-rooms rows of these rooms are read again, together with those of the changes
    /// that follow within a moment (one detail request per 100 rooms, not one per change).
    fn refresh_rows_soon(&self, ids: Vec<String>) {
        if ids.is_empty() || self.all.rooms.with_untracked(Option::is_none) {
            return;
        }
        let held = self
            .all
            .rooms
            .with_untracked(|a| a.as_ref().map_or(0, |a| a.rows.len()));
        let mut first = false;
        self.stale_rows.update_value(|s| {
            first = s.is_none();
            s.get_or_insert_with(Vec::new).extend(ids);
        });
        if first {
            let this = *self;
            set_timeout(
                move || {
                    let mut ids = None;
                    this.stale_rows.try_update_value(|s| ids = s.take());
                    if let Some(mut ids) = ids {
                        ids.sort();
                        ids.dedup();
                        this.refresh_all_rooms(&ids);
                    }
                },
                // Each patch copies the table: the larger it is, the more changes wait to
                // go in together (200 ms, 600 ms at 100,000 rooms).
                Duration::from_millis(200 + held as u64 / 250),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every write endpoint, with what it touches. Adding a write endpoint to the API
    /// crate without a declaration here fails the test below; the README's table is this list.
    fn declared() -> Vec<(&'static str, Vec<Touch>)> {
        fn d<E: Write>(name: &'static str, e: E) -> (&'static str, Vec<Touch>) {
            (name, e.touches(None))
        }
        let users = vec!["bob".to_string()];
        vec![
            d("CreateRoom", CreateRoom::default()),
            d(
                "ModifyRoom",
                ModifyRoom {
                    id: "1".into(),
                    ..Default::default()
                },
            ),
            d(
                "TransferRoom",
                TransferRoom {
                    id: "1".into(),
                    new_owner: "bob".into(),
                },
            ),
            d("DissolveRoom", DissolveRoom { id: "1".into() }),
            d(
                "AddMember",
                AddMember {
                    id: "1".into(),
                    username: "bob".into(),
                },
            ),
            d(
                "AddMembers",
                AddMembers {
                    id: "1".into(),
                    usernames: users.clone(),
                },
            ),
            d(
                "RemoveMember",
                RemoveMember {
                    id: "1".into(),
                    username: "bob".into(),
                },
            ),
            d(
                "RemoveMembers",
                RemoveMembers {
                    id: "1".into(),
                    usernames: users.clone(),
                },
            ),
            d(
                "AddAdmin",
                AddAdmin {
                    id: "1".into(),
                    username: "bob".into(),
                },
            ),
            d(
                "RemoveAdmin",
                RemoveAdmin {
                    id: "1".into(),
                    username: "bob".into(),
                },
            ),
            d(
                "Mute",
                Mute {
                    id: "1".into(),
                    usernames: users.clone(),
                    ..Default::default()
                },
            ),
            d(
                "Unmute",
                Unmute {
                    id: "1".into(),
                    usernames: users.clone(),
                },
            ),
            d(
                "MuteAll",
                MuteAll {
                    id: "1".into(),
                    mute: true,
                },
            ),
            d(
                "AddToRoomList",
                AddToRoomList {
                    id: "1".into(),
                    list: RoomList::Block,
                    usernames: users.clone(),
                },
            ),
            d(
                "RemoveFromRoomList",
                RemoveFromRoomList {
                    id: "1".into(),
                    list: RoomList::Block,
                    usernames: users.clone(),
                },
            ),
            d(
                "SetAnnouncement",
                SetAnnouncement {
                    id: "1".into(),
                    text: "hi".into(),
                },
            ),
            d(
                "SetAttributes",
                SetAttributes {
                    id: "1".into(),
                    ..Default::default()
                },
            ),
            d(
                "DeleteAttributes",
                DeleteAttributes {
                    id: "1".into(),
                    ..Default::default()
                },
            ),
            d(
                "AddSuperAdmin",
                AddSuperAdmin {
                    username: "bob".into(),
                },
            ),
            d(
                "RemoveSuperAdmin",
                RemoveSuperAdmin {
                    username: "bob".into(),
                },
            ),
            d("RegisterUsers", RegisterUsers::default()),
            d("SendRoomMessage", SendRoomMessage::default()),
            d("Broadcast", Broadcast::default()),
            d("Recall", Recall::default()),
            d("BatchRecall", BatchRecall::default()),
            d(
                "SetGlobalMute",
                SetGlobalMute {
                    username: "bob".into(),
                    ..Default::default()
                },
            ),
            d(
                "BanUser",
                BanUser {
                    username: "bob".into(),
                },
            ),
            d(
                "UnbanUser",
                UnbanUser {
                    username: "bob".into(),
                },
            ),
        ]
    }

    /// Calls the API crate sends with POST although they change nothing.
    const READS_BY_POST: [(&str, &str); 3] = [
        ("RequestToken", "exchanges credentials for a token"),
        (
            "UsersStatus",
            "reads users' online status with POST, as the API asks",
        ),
        (
            "GetAttributes",
            "reads attributes with POST, as the API asks",
        ),
    ];

    /// Every `impl Endpoint for X` of the API crate whose request is not a GET.
    fn write_endpoints_of_the_api_crate() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/api/src/endpoints");
        let mut out = Vec::new();
        for file in std::fs::read_dir(dir).expect("api/src/endpoints") {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            let mut blocks = text.split("impl Endpoint for ").skip(1);
            for block in blocks.by_ref() {
                let name: String = block.chars().take_while(|c| c.is_alphanumeric()).collect();
                let body = block.split("\nimpl ").next().unwrap_or(block);
                let writes = ["Method::Post", "Method::Put", "Method::Delete"]
                    .iter()
                    .any(|m| body.contains(m));
                if writes && !READS_BY_POST.iter().any(|(r, _)| *r == name) {
                    out.push(name);
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn every_write_endpoint_of_the_api_crate_declares_what_it_touches() {
        let found = write_endpoints_of_the_api_crate();
        assert!(
            found.len() >= 20,
            "the scan found too few writes: {found:?}"
        );
        let declared: Vec<&str> = declared().iter().map(|(n, _)| *n).collect();
        for name in &found {
            assert!(
                declared.contains(&name.as_str()),
                "{name} is a write endpoint with no declaration in src/data/writes.rs"
            );
        }
        for name in &declared {
            assert!(
                found.iter().any(|f| f == name),
                "{name} is declared but no write endpoint"
            );
        }
        // And the README's table names every one.
        let readme =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
        for name in &found {
            assert!(
                readme.contains(&format!("| `{name}` |")),
                "README's table has no row for {name}"
            );
        }
    }

    #[test]
    fn each_change_touches_what_it_changes_and_nothing_more() {
        let all: std::collections::HashMap<_, _> = declared().into_iter().collect();
        // A room's own edit touches only the room.
        assert_eq!(all["ModifyRoom"], vec![Touch::Room("1".into())]);
        // Moderation stays within its part.
        assert_eq!(all["AddAdmin"], vec![Touch::Admins("1".into())]);
        assert_eq!(
            all["SetAnnouncement"],
            vec![Touch::Announcement("1".into())]
        );
        // Leaving takes the marks that end with membership, and the user's room list.
        let left = &all["RemoveMembers"];
        for t in [
            Touch::Members("1".into()),
            Touch::Admins("1".into()),
            Touch::Mutes("1".into()),
            Touch::RoomList("1".into(), RoomList::Allow),
            Touch::UserRooms("bob".into()),
        ] {
            assert!(left.contains(&t), "{t:?}");
        }
        assert!(!left.contains(&Touch::RoomList("1".into(), RoomList::Block)));
        // A block is a leave plus the blocklist.
        assert!(all["AddToRoomList"].contains(&Touch::RoomList("1".into(), RoomList::Block)));
        assert!(all["AddToRoomList"].contains(&Touch::Members("1".into())));
        // Nothing about a room touches the super admins, and the reverse.
        assert_eq!(all["AddSuperAdmin"], vec![Touch::SuperAdmins]);
        for (name, touches) in &all {
            if name.contains("SuperAdmin") {
                continue;
            }
            assert!(!touches.contains(&Touch::SuperAdmins), "{name}");
        }
        // A create with its id is that new room; without (lost), every list may hold it.
        let create = CreateRoom::default();
        assert!(create
            .touches(Some(&"9".to_string()))
            .contains(&Touch::NewRoom("9".into())));
        assert!(create
            .touches(None)
            .contains(&Touch::NewRoom(String::new())));
    }
}
