//! Changes that are never sent twice (a create, a transfer, a user registration), settled when
//! their answer is lost: each knows how to look for its own effect, so a page only shows the
//! verdict (done, with what was made; not done, with Send again; or could not look, with Look
//! again) and never guesses.

use crate::client::{Client, Transport};
use crate::endpoints::{CreateRoom, Endpoint, GetUser, RegisterUsers, RoomDetails, TransferRoom};
use crate::error::{ApiError, ErrorKind, Refusal};
use std::future::Future;

/// How much earlier than this machine's clock the server's may run: a room created this long
/// before the create was sent still counts as its room.
pub const CLOCK_SKEW_MS: u64 = 2 * 60 * 1000;

/// What became of a change that is never sent twice.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict<T> {
    /// It was made: the answer, or what looking found (`looked`).
    Done { value: T, looked: bool },
    /// It was not made, and the server said why (or it was never sent: not connected, a
    /// limit broken, stopped before sending).
    Refused(ApiError),
    /// Its answer was lost (`lost` says how), and looking found it was not made: it may be
    /// sent again.
    NotDone { lost: ApiError },
    /// Its answer was lost, and looking failed too (`look` says why): it may have been made.
    /// Look again (with `sent_at_ms`) before sending it again.
    Unknown {
        lost: ApiError,
        look: ApiError,
        sent_at_ms: u64,
    },
}

impl<T> Verdict<T> {
    /// The value, when it was made.
    pub fn done(&self) -> Option<&T> {
        match self {
            Verdict::Done { value, .. } => Some(value),
            _ => None,
        }
    }
    /// Whether the change may have been made (done, or not known): anything it touches is
    /// to be read again.
    pub fn may_have_changed(&self) -> bool {
        // A refusal changed nothing, and neither did a change looked for and not found.
        matches!(self, Verdict::Done { .. } | Verdict::Unknown { .. })
    }
    /// As a plain result, for code that only needs "done or why not".
    pub fn into_result(self) -> Result<T, ApiError> {
        match self {
            Verdict::Done { value, .. } => Ok(value),
            Verdict::Refused(e) | Verdict::NotDone { lost: e } => Err(e),
            Verdict::Unknown { lost, .. } => Err(lost),
        }
    }
}

/// A change that is never sent twice, and how to tell afterwards whether it was made.
pub trait LookUp: Endpoint {
    /// Looks for this change's effect, for a send made at `sent_at_ms` (this machine's clock):
    /// what the answer would have been, if it was made.
    fn look<T: Transport>(
        &self,
        client: &Client<T>,
        sent_at_ms: u64,
    ) -> impl Future<Output = Result<Option<Self::Output>, ApiError>>;
}

impl LookUp for CreateRoom {
    /// The room of this name and owner made since the send (less [`CLOCK_SKEW_MS`]).
    async fn look<T: Transport>(
        &self,
        client: &Client<T>,
        sent_at_ms: u64,
    ) -> Result<Option<String>, ApiError> {
        let since = sent_at_ms.saturating_sub(CLOCK_SKEW_MS);
        Ok(client
            .find_created_room(&self.0.name, &self.0.owner, since)
            .await?
            .map(|r| r.id))
    }
}

impl LookUp for TransferRoom {
    /// The room owned by the new owner. (The dashboard never sends a transfer to the owner
    /// there already, so that owner means the transfer was made.)
    async fn look<T: Transport>(
        &self,
        client: &Client<T>,
        _sent_at_ms: u64,
    ) -> Result<Option<bool>, ApiError> {
        let rooms = match client.send(&RoomDetails::one(self.id.clone())).await {
            Ok(rooms) => rooms,
            // The room is gone: it was not transferred (it cannot be now).
            Err(e) if matches!(e.refusal(), Some(Refusal::RoomNotFoundOnRead { .. })) => {
                return Ok(None)
            }
            Err(e) => return Err(e),
        };
        Ok(rooms
            .iter()
            .find(|r| r.id == self.id.trim())
            .filter(|r| r.owner.eq_ignore_ascii_case(self.new_owner.trim()))
            .map(|_| true))
    }
}

impl LookUp for RegisterUsers {
    /// Every user of the registration there now. (A user there before the send would have
    /// been refused as a duplicate, which the dashboard checks before registering.)
    async fn look<T: Transport>(
        &self,
        client: &Client<T>,
        _sent_at_ms: u64,
    ) -> Result<Option<crate::endpoints::Registered>, ApiError> {
        let mut created = Vec::new();
        for u in &self.users {
            let got = client
                .send(&GetUser {
                    username: u.username.clone(),
                })
                .await;
            match got {
                Ok(user) => created.push(user),
                Err(e) if matches!(e.refusal(), Some(Refusal::UserEntityNotFound)) => {
                    return Ok(None)
                }
                Err(e) => return Err(e),
            }
        }
        Ok(Some(crate::endpoints::Registered {
            created,
            failed: Vec::new(),
        }))
    }
}

impl<T: Transport> Client<T> {
    /// Sends a change that is never sent twice, and settles a lost answer by looking for its
    /// effect; `looking` hears when the looking starts (for "Looking for …").
    pub async fn send_once<E: LookUp>(&self, e: &E, looking: impl FnOnce()) -> Verdict<E::Output> {
        self.send_once_or_stop(e, looking, None).await
    }

    /// [`Client::send_once`], ended early by `stop` while the change waits its turn (a bulk
    /// run's Stop): stopped before it was sent, it is refused as [`ErrorKind::Cancelled`];
    /// stopped after a send whose answer was lost, it is looked for like any lost answer.
    pub async fn send_once_or_stop<E: LookUp>(
        &self,
        e: &E,
        looking: impl FnOnce(),
        stop: Option<&crate::client::Cancel>,
    ) -> Verdict<E::Output> {
        let sent_at_ms = self.now_ms();
        match self.send_with(e, stop).await {
            Ok(value) => Verdict::Done {
                value,
                looked: false,
            },
            Err(lost) if matches!(lost.kind, ErrorKind::OutcomeUnknown { .. }) => {
                looking();
                self.look_again(e, sent_at_ms, lost).await
            }
            Err(e) => Verdict::Refused(e),
        }
    }

    /// Looks (again) for the effect of a change sent at `sent_at_ms` whose answer was lost.
    pub async fn look_again<E: LookUp>(
        &self,
        e: &E,
        sent_at_ms: u64,
        lost: ApiError,
    ) -> Verdict<E::Output> {
        match e.look(self, sent_at_ms).await {
            Ok(Some(value)) => Verdict::Done {
                value,
                looked: true,
            },
            Ok(None) => Verdict::NotDone { lost },
            Err(look) => Verdict::Unknown {
                lost,
                look,
                sent_at_ms,
            },
        }
    }
}
