//! A journal item made a change again (an undo's items), and what is there now for an item, as
//! the rules compare it ([`super::rules::State`]). Both go through the data layer: the change
//! through the one write path (journaled as part of its run), the reads through what is held,
//! dropped first so that they are the server's answer now.

use super::rules::{State, YES};
use super::{key, Item, Op};
use crate::data::{Data, Run, Touch};
use easemob_api::endpoints::*;
use easemob_api::wire::{CreateChatroom, ModifyChatroom};
use easemob_api::{ApiError, ErrorKind, Verdict};
use std::collections::BTreeMap;

fn first(it: &Item) -> String {
    it.users.first().cloned().unwrap_or_default()
}

fn attrs(it: &Item) -> BTreeMap<String, String> {
    it.set
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix(key::ATTR)?.to_string(), v.clone())))
        .collect()
}

/// Makes the change an item describes, in a run.
pub async fn send(data: Data, run: &Run, it: Item) -> Result<(), ApiError> {
    let id = it.room.clone();
    let usernames = it.users.clone();
    let forced = it.set.contains_key(key::FORCED);
    let list = |op: Op| match op {
        Op::Block | Op::Unblock => RoomList::Block,
        _ => RoomList::Allow,
    };
    match it.op {
        Op::Edit => {
            let get = |k: &str| it.set.get(k).cloned();
            let changes = ModifyChatroom {
                name: get(key::NAME),
                description: get(key::DESCRIPTION),
                maxusers: get(key::MAXUSERS).and_then(|v| v.parse().ok()),
            };
            data.write_in(run, ModifyRoom { id, changes })
                .await
                .map(drop)
        }
        Op::Transfer => {
            let call = TransferRoom {
                id,
                new_owner: it.set.get(key::OWNER).cloned().unwrap_or_default(),
            };
            data.write_once_in(run, &call).await.into_result().map(drop)
        }
        Op::AddMembers => data
            .write_in(run, AddMembers { id, usernames })
            .await
            .map(drop),
        Op::RemoveMembers => data
            .write_in(run, RemoveMembers { id, usernames })
            .await
            .map(drop),
        Op::AddAdmin => data
            .write_in(
                run,
                AddAdmin {
                    id,
                    username: first(&it),
                },
            )
            .await
            .map(drop),
        Op::RemoveAdmin => data
            .write_in(
                run,
                RemoveAdmin {
                    id,
                    username: first(&it),
                },
            )
            .await
            .map(drop),
        Op::Mute => {
            let ms: i64 = it
                .set
                .get(key::DURATION)
                .and_then(|d| d.parse().ok())
                .unwrap_or(-1);
            let duration = if ms < 0 {
                MuteFor::Forever
            } else {
                MuteFor::Millis(ms as u64)
            };
            data.write_in(
                run,
                Mute {
                    id,
                    usernames,
                    duration,
                },
            )
            .await
            .map(drop)
        }
        Op::Unmute => data.write_in(run, Unmute { id, usernames }).await.map(drop),
        Op::MuteAll | Op::UnmuteAll => data
            .write_in(
                run,
                MuteAll {
                    id,
                    mute: it.op == Op::MuteAll,
                },
            )
            .await
            .map(drop),
        Op::Block | Op::Allow => data
            .write_in(
                run,
                AddToRoomList {
                    id,
                    list: list(it.op),
                    usernames,
                },
            )
            .await
            .map(drop),
        Op::Unblock | Op::Disallow => data
            .write_in(
                run,
                RemoveFromRoomList {
                    id,
                    list: list(it.op),
                    usernames,
                },
            )
            .await
            .map(drop),
        Op::Announcement => data
            .write_in(
                run,
                SetAnnouncement {
                    id,
                    text: it.set.get(key::TEXT).cloned().unwrap_or_default(),
                },
            )
            .await
            .map(drop),
        Op::SetAttributes => data
            .write_in(
                run,
                SetAttributes {
                    id,
                    user: first(&it),
                    attributes: attrs(&it),
                    auto_delete: it.set.contains_key(key::AUTO_DELETE),
                    forced,
                },
            )
            .await
            .map(drop),
        Op::DeleteAttributes => data
            .write_in(
                run,
                DeleteAttributes {
                    id,
                    user: first(&it),
                    keys: attrs(&it).into_keys().collect(),
                    forced,
                },
            )
            .await
            .map(drop),
        Op::AddSuperAdmin => data
            .write_in(
                run,
                AddSuperAdmin {
                    username: first(&it),
                },
            )
            .await
            .map(drop),
        Op::RemoveSuperAdmin => data
            .write_in(
                run,
                RemoveSuperAdmin {
                    username: first(&it),
                },
            )
            .await
            .map(drop),
        // Only resumed (never an undo's): looked for first, see [`look`].
        Op::Dissolve => data.write_in(run, DissolveRoom { id }).await.map(drop),
        Op::Create => {
            let call = CreateRoom(create_of(&it));
            data.write_once_in(run, &call).await.into_result().map(drop)
        }
        Op::Ban => data
            .write_in(
                run,
                BanUser {
                    username: first(&it),
                },
            )
            .await
            .map(drop),
        Op::Unban => data
            .write_in(
                run,
                UnbanUser {
                    username: first(&it),
                },
            )
            .await
            .map(drop),
        // Not sent from the journal: users are registered from the import only; a message is
        // never sent again (its outcome stays unknown), and the rest have no undo.
        Op::RegisterUsers
        | Op::SendMessage
        | Op::Broadcast
        | Op::Recall
        | Op::GlobalMute
        | Op::ForceOffline => Err(ErrorKind::Cancelled.into()),
    }
}

/// The room a create item asked for.
fn create_of(it: &Item) -> CreateChatroom {
    let get = |k: &str| it.set.get(k).cloned().unwrap_or_default();
    CreateChatroom {
        name: get(key::NAME),
        description: get(key::DESCRIPTION),
        maxusers: it.set.get(key::MAXUSERS).and_then(|v| v.parse().ok()),
        owner: get(key::OWNER),
        members: (!it.users.is_empty()).then(|| it.users.clone()),
        custom: it.set.get(key::CUSTOM).cloned(),
    }
}

/// Whether an item whose outcome is not known (left pending by a reload, or its answer lost)
/// was made after all, by looking: a create by its room, a dissolve by the room being gone,
/// anything else by what it would leave being there now ([`super::rules::changed_since`]).
pub async fn look(data: Data, run: &Run, it: &Item, sent_at_ms: u64) -> Result<bool, ApiError> {
    match it.op {
        Op::Create => {
            let call = CreateRoom(create_of(it));
            let lost: ApiError = ErrorKind::OutcomeUnknown {
                cause: Box::new(ErrorKind::Cancelled),
            }
            .into();
            match data.look_again(&call, sent_at_ms, lost).await {
                Verdict::Done { value, .. } => {
                    run.note(|i| {
                        i.room = value;
                        i.found = true;
                    });
                    Ok(true)
                }
                Verdict::Unknown { look, .. } => Err(look),
                _ => Ok(false),
            }
        }
        Op::RegisterUsers => Ok(false),
        // Nothing can look for a message, and a user's state is not read here: it stays
        // unknown, and is never sent again.
        Op::SendMessage
        | Op::Broadcast
        | Op::Recall
        | Op::GlobalMute
        | Op::Ban
        | Op::Unban
        | Op::ForceOffline => Err(ErrorKind::OutcomeUnknown {
            cause: Box::new(ErrorKind::Cancelled),
        }
        .into()),
        _ => {
            // Every user asked for (a row of several calls may have noted only some).
            let mut asked = it.clone();
            asked.affected = None;
            let (now, exists) = state(data, &asked).await?;
            let found = match it.op {
                Op::Dissolve => !exists,
                _ => exists && super::rules::changed_since(&asked, &now).is_empty(),
            };
            if found {
                run.note(|i| i.found = true);
            }
            Ok(found)
        }
    }
}

/// What is there now for this item (as the server says now, not from memory), and whether its
/// room still exists.
pub async fn state(data: Data, it: &Item) -> Result<(State, bool), ApiError> {
    let mut now = State::new();
    let yes = |s: &mut State, prefix: &str, users: Vec<String>| {
        for u in users {
            s.insert(format!("{prefix}{u}"), YES.to_string());
        }
    };
    if it.room.is_empty() {
        // Super admins: the app's, a page of up to 1000.
        data.drop_held(&[Touch::SuperAdmins]);
        yes(&mut now, "super_admin:", data.super_admins(1, 1000).await?);
        return Ok((now, true));
    }
    let id = it.room.clone();
    data.drop_held(&[Touch::Room(id.clone())]);
    let room = match data.room(&id).await {
        Ok(r) => r,
        Err(e) if e.status() == Some(404) || e.status() == Some(400) => None,
        Err(e) => return Err(e),
    };
    let Some(room) = room else {
        return Ok((now, false));
    };
    now.insert(key::NAME.into(), room.name.clone());
    now.insert(key::DESCRIPTION.into(), room.description.clone());
    now.insert(key::MAXUSERS.into(), room.maxusers.to_string());
    now.insert(key::OWNER.into(), room.owner.clone());
    if room.mute == Some(true) {
        now.insert("mute_all".into(), YES.into());
    }
    yes(
        &mut now,
        "member:",
        room.affiliations
            .iter()
            .map(|a| a.username().to_string())
            .collect(),
    );
    match it.op {
        Op::AddAdmin | Op::RemoveAdmin => {
            data.drop_held(&[Touch::Admins(id.clone())]);
            yes(&mut now, "admin:", data.admins(&id).await?);
        }
        Op::Mute | Op::Unmute => {
            data.drop_held(&[Touch::Mutes(id.clone())]);
            let at = js_sys::Date::now() as i64;
            let muted = data.mutes(&id).await?;
            yes(
                &mut now,
                "muted:",
                muted
                    .into_iter()
                    .filter(|m| m.expire < 0 || m.expire > at)
                    .map(|m| m.user)
                    .collect(),
            );
        }
        Op::Block | Op::Unblock | Op::Allow | Op::Disallow => {
            let (list, prefix) = match it.op {
                Op::Block | Op::Unblock => (RoomList::Block, "block:"),
                _ => (RoomList::Allow, "allow:"),
            };
            data.drop_held(&[Touch::RoomList(id.clone(), list)]);
            yes(&mut now, prefix, data.room_list(&id, list).await?);
        }
        Op::Announcement => {
            data.drop_held(&[Touch::Announcement(id.clone())]);
            now.insert(key::TEXT.into(), data.announcement(&id).await?);
        }
        Op::SetAttributes | Op::DeleteAttributes => {
            data.drop_held(&[Touch::Attributes(id.clone())]);
            for (k, v) in data.attributes(&id).await? {
                now.insert(format!("{}{k}", key::ATTR), v);
            }
        }
        _ => {}
    }
    Ok((now, true))
}
