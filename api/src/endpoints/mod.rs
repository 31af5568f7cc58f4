//! One type per REST call. Each builds its request (checking the documented limits first) and
//! parses its answer; neither step touches the network. The calls live by resource: [`token`],
//! [`rooms`], [`members`], [`users`], [`admins`], [`mutes`], [`lists`] (block and allow lists),
//! [`announcement`], [`attributes`] and [`super_admins`]; this module holds what they share.

use crate::connect::{encode, Connection, Credentials};
use crate::error::{ApiError, Refusal};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::limits::{self, check_batch, check_username, Field, Invalid};
use crate::wire::*;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

pub mod admins;
pub mod announcement;
pub mod attributes;
pub mod global_mutes;
pub mod lists;
pub mod members;
pub mod messages;
pub mod mutes;
pub mod rooms;
pub mod super_admins;
pub mod token;
pub mod users;

pub use admins::*;
pub use announcement::*;
pub use attributes::*;
pub use global_mutes::*;
pub use lists::*;
pub use members::*;
pub use messages::*;
pub use mutes::*;
pub use rooms::*;
pub use super_admins::*;
pub use token::*;
pub use users::*;

/// A REST call: how to ask, how to read the answer, and what the client may do when the
/// answer does not come.
pub trait Endpoint {
    type Output;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError>;
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError>;

    /// Whether the call may be sent again after a server error or a lost answer. Reads and
    /// changes that end in the same state however often they are made may; a create may not.
    fn repeatable(&self) -> bool {
        true
    }

    /// The documented rate limit the call counts against.
    fn rate(&self) -> RateClass {
        RateClass::Default
    }

    /// The answer to a repeat of this call, sent because the answer to an earlier send was
    /// lost. Some repeats are refused only because the earlier send did its work (a room
    /// dissolved twice is not found the second time); those say so here.
    fn settle_repeat(
        &self,
        answer: Result<Self::Output, ApiError>,
    ) -> Result<Self::Output, ApiError> {
        answer
    }
}

/// The documented per-app rate limits (reference section 6), in requests a second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RateClass {
    /// `GET /chatrooms`: 50/s.
    ListRooms,
    /// `GET /users/{u}/joined_chatrooms`: 50/s.
    JoinedRooms,
    /// `POST /chatrooms`: 50/s.
    CreateRoom,
    /// `POST /token`: 300/s.
    Token,
    /// `POST /messages/chatrooms`: 100 messages a second, 10 rooms a call (and 20 calls).
    RoomMessages,
    /// `POST /messages/chatrooms/broadcast`: 1/s (and 10 a minute, 100 a day).
    Broadcast,
    /// Everything else: 100/s.
    Default,
}

impl RateClass {
    pub fn per_second(self) -> u32 {
        match self {
            RateClass::ListRooms | RateClass::JoinedRooms | RateClass::CreateRoom => 50,
            RateClass::Token => 300,
            RateClass::RoomMessages => {
                limits::MESSAGES_PER_SECOND / limits::MESSAGE_ROOMS_MAX as u32
            }
            RateClass::Broadcast => limits::BROADCASTS_PER_SECOND,
            RateClass::Default => 100,
        }
    }
}

/// One page of a cursor-paged list; `cursor` is `None` on the last page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CursorPage<T> {
    pub items: Vec<T>,
    pub cursor: Option<String>,
}

/// The envelope with `data` and `entities` left unread.
type RawEnvelope = Envelope<Box<RawValue>, Box<RawValue>>;

/// Reads a successful answer's envelope, or the error the server sent. The envelope itself is
/// read by one function for every call; only `data` and `entities` are read as each call's
/// types, which keeps the code of the browser build small (the envelope's reader is large,
/// and would otherwise be compiled once per type of `data`).
pub fn parse_envelope<D: DeserializeOwned, E: DeserializeOwned>(
    resp: &HttpResponse,
) -> Result<Envelope<D, E>, ApiError> {
    let raw = parse_raw_envelope(resp)?;
    let read = |e: serde_json::Error| ApiError::unreadable(resp.status, &resp.body, e.to_string());
    let data = match &raw.data {
        Some(d) => Some(serde_json::from_str::<D>(d.get()).map_err(read)?),
        None => None,
    };
    let entities = raw
        .entities
        .iter()
        .map(|e| serde_json::from_str::<E>(e.get()))
        .collect::<Result<Vec<E>, _>>()
        .map_err(read)?;
    Ok(Envelope {
        action: raw.action,
        application: raw.application,
        application_name: raw.application_name,
        organization: raw.organization,
        uri: raw.uri,
        path: raw.path,
        entities,
        data,
        timestamp: raw.timestamp,
        duration: raw.duration,
        count: raw.count,
        params: raw.params,
        cursor: raw.cursor,
    })
}

/// The `data` array of a list answer; none when the server leaves `data` out (an empty list),
/// one when it sends an object.
pub fn parse_list<T: DeserializeOwned>(resp: &HttpResponse) -> Result<Vec<T>, ApiError> {
    let env = parse_envelope::<OneOrMany<T>, serde_json::Value>(resp)?;
    Ok(env.data.map(|d| d.0).unwrap_or_default())
}

fn parse_raw_envelope(resp: &HttpResponse) -> Result<RawEnvelope, ApiError> {
    if !(200..300).contains(&resp.status) {
        return Err(ApiError::from_response(resp.status, &resp.body));
    }
    serde_json::from_str(&resp.body)
        .map_err(|e| ApiError::unreadable(resp.status, &resp.body, e.to_string()))
}

/// The `data` of a successful answer, which must be there.
pub fn parse_data<D: DeserializeOwned>(resp: &HttpResponse) -> Result<D, ApiError> {
    parse_envelope::<D, serde_json::Value>(resp)?
        .data
        .ok_or_else(|| ApiError::unreadable(resp.status, &resp.body, "no `data` in the answer"))
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> Option<String> {
    Some(serde_json::to_string(value).expect("wire types always serialise"))
}

pub(crate) fn room_path(id: &str) -> Result<String, ApiError> {
    if id.trim().is_empty() {
        return Err(Invalid::Missing(Field::RoomIds).into());
    }
    Ok(format!("/chatrooms/{}", encode(id.trim())))
}

/// Usernames for a path segment, `u1%2Cu2`, each checked first.
pub(crate) fn user_list(field: Field, names: &[String], max: usize) -> Result<String, ApiError> {
    check_batch(field, names.len(), max)?;
    for u in names {
        check_username(field, u)?;
    }
    Ok(names
        .iter()
        .map(|u| encode(u))
        .collect::<Vec<_>>()
        .join("%2C"))
}

pub(crate) fn page_size(field: Field, n: u32, max: u32) -> Result<(), ApiError> {
    if n == 0 || n > max {
        return Err(Invalid::TooManyInOneCall {
            field,
            max: max as usize,
            actual: n as usize,
        }
        .into());
    }
    Ok(())
}
