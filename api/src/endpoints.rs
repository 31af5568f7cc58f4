//! One type per REST call. Each builds its request (checking the documented limits first) and
//! parses its answer; neither step touches the network.

use crate::connect::{encode, Connection, Credentials};
use crate::error::{ApiError, Refusal};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::limits::{self, check_batch, check_username, Field, Invalid};
use crate::wire::*;
use serde::de::DeserializeOwned;

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
    /// Everything else: 100/s.
    Default,
}

impl RateClass {
    pub fn per_second(self) -> u32 {
        match self {
            RateClass::ListRooms | RateClass::JoinedRooms | RateClass::CreateRoom => 50,
            RateClass::Token => 300,
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

/// Reads a successful answer's envelope, or the error the server sent.
pub fn parse_envelope<D: DeserializeOwned, E: DeserializeOwned>(
    resp: &HttpResponse,
) -> Result<Envelope<D, E>, ApiError> {
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

fn json<T: serde::Serialize>(value: &T) -> Option<String> {
    Some(serde_json::to_string(value).expect("wire types always serialise"))
}

fn room_path(id: &str) -> Result<String, ApiError> {
    if id.trim().is_empty() {
        return Err(Invalid::Missing(Field::RoomIds).into());
    }
    Ok(format!("/chatrooms/{}", encode(id.trim())))
}

fn page_size(field: Field, n: u32, max: u32) -> Result<(), ApiError> {
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

/// `POST /token`: exchanges a client id and secret for an app token.
#[derive(Clone, Debug)]
pub struct RequestToken {
    pub credentials: Credentials,
    /// Seconds; `None` leaves it to the app's setting, 0 asks for a token that never expires.
    pub ttl: Option<u64>,
}

impl Endpoint for RequestToken {
    type Output = TokenResponse;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let body = TokenRequest {
            grant_type: "client_credentials".into(),
            client_id: self.credentials.client_id.clone(),
            client_secret: self.credentials.client_secret.clone(),
            ttl: self.ttl,
        };
        Ok(conn.request(Method::Post, conn.url("/token", &[]), json(&body), false))
    }
    fn rate(&self) -> RateClass {
        RateClass::Token
    }
    fn parse(&self, resp: &HttpResponse) -> Result<TokenResponse, ApiError> {
        if !(200..300).contains(&resp.status) {
            return Err(ApiError::from_response(resp.status, &resp.body));
        }
        serde_json::from_str(&resp.body)
            .map_err(|e| ApiError::unreadable(resp.status, &resp.body, e.to_string()))
    }
}

/// `GET /chatrooms?limit&cursor`: one page of the app's rooms.
#[derive(Clone, Debug, Default)]
pub struct ListRooms {
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

impl Endpoint for ListRooms {
    type Output = CursorPage<ChatroomSummary>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let mut q = Vec::new();
        if let Some(limit) = self.limit {
            page_size(Field::RoomIds, limit, limits::PAGE_SIZE_MAX)?;
            q.push(("limit", limit.to_string()));
        }
        if let Some(c) = self.cursor.as_ref().filter(|c| !c.is_empty()) {
            q.push(("cursor", c.clone()));
        }
        Ok(conn.request(Method::Get, conn.url("/chatrooms", &q), None, true))
    }
    fn rate(&self) -> RateClass {
        RateClass::ListRooms
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        let env = parse_envelope::<OneOrMany<ChatroomSummary>, serde_json::Value>(resp)?;
        Ok(CursorPage {
            items: env.data.map(|d| d.0).unwrap_or_default(),
            cursor: env.cursor.filter(|c| !c.is_empty()),
        })
    }
}

/// `GET /users/{u}/joined_chatrooms?pagenum&pagesize`.
#[derive(Clone, Debug, Default)]
pub struct UserJoinedRooms {
    pub username: String,
    pub pagenum: Option<u32>,
    pub pagesize: Option<u32>,
}

impl Endpoint for UserJoinedRooms {
    type Output = Vec<JoinedChatroom>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::Username, &self.username)?;
        let mut q = Vec::new();
        if let Some(n) = self.pagenum {
            q.push(("pagenum", n.max(1).to_string()));
        }
        if let Some(s) = self.pagesize {
            page_size(Field::RoomIds, s, limits::PAGE_SIZE_MAX)?;
            q.push(("pagesize", s.to_string()));
        }
        let path = format!("/users/{}/joined_chatrooms", encode(&self.username));
        Ok(conn.request(Method::Get, conn.url(&path, &q), None, true))
    }
    fn rate(&self) -> RateClass {
        RateClass::JoinedRooms
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        let env = parse_envelope::<OneOrMany<JoinedChatroom>, serde_json::Value>(resp)?;
        Ok(env.data.map(|d| d.0).unwrap_or_default())
    }
}

/// `GET /chatrooms/{id1},{id2},…`: details of 1 to 100 rooms. Rooms that do not exist are
/// simply absent from the answer (or, when none exist, the server answers 404).
#[derive(Clone, Debug, Default)]
pub struct RoomDetails {
    pub ids: Vec<String>,
}

impl RoomDetails {
    pub fn one(id: impl Into<String>) -> RoomDetails {
        RoomDetails {
            ids: vec![id.into()],
        }
    }
}

impl Endpoint for RoomDetails {
    type Output = Vec<ChatroomDetail>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_batch(Field::RoomIds, self.ids.len(), limits::DETAIL_IDS_MAX)?;
        let joined = self
            .ids
            .iter()
            .map(|id| encode(id.trim()))
            .collect::<Vec<_>>()
            .join("%2C");
        if self.ids.iter().any(|id| id.trim().is_empty()) {
            return Err(Invalid::Missing(Field::RoomIds).into());
        }
        let url = conn.url(&format!("/chatrooms/{joined}"), &[]);
        Ok(conn.request(Method::Get, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        Ok(parse_data::<OneOrMany<ChatroomDetail>>(resp)?.0)
    }
}

/// `POST /chatrooms`.
#[derive(Clone, Debug, Default)]
pub struct CreateRoom(pub CreateChatroom);

impl Endpoint for CreateRoom {
    type Output = String;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        self.0.validate()?;
        Ok(conn.request(
            Method::Post,
            conn.url("/chatrooms", &[]),
            json(&self.0),
            true,
        ))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<String, ApiError> {
        Ok(parse_data::<CreatedChatroom>(resp)?.id)
    }
    /// Sent twice, a create makes two rooms.
    fn repeatable(&self) -> bool {
        false
    }
    fn rate(&self) -> RateClass {
        RateClass::CreateRoom
    }
}

/// `PUT /chatrooms/{id}` with name / description / maxusers.
#[derive(Clone, Debug, Default)]
pub struct ModifyRoom {
    pub id: String,
    pub changes: ModifyChatroom,
}

impl Endpoint for ModifyRoom {
    type Output = ModifiedChatroom;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        self.changes.validate()?;
        let url = conn.url(&room_path(&self.id)?, &[]);
        Ok(conn.request(Method::Put, url, json(&self.changes), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
}

/// `PUT /chatrooms/{id}` with `newowner`.
#[derive(Clone, Debug, Default)]
pub struct TransferRoom {
    pub id: String,
    pub new_owner: String,
}

impl Endpoint for TransferRoom {
    type Output = bool;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::NewOwner, &self.new_owner)?;
        let body = TransferChatroom {
            newowner: self.new_owner.clone(),
        };
        let url = conn.url(&room_path(&self.id)?, &[]);
        Ok(conn.request(Method::Put, url, json(&body), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<bool, ApiError> {
        Ok(parse_data::<TransferredChatroom>(resp)?.newowner)
    }
    /// Sent again after it worked, a transfer is refused ("same owner"), which would read as
    /// a failure; the dashboard looks at the room instead.
    fn repeatable(&self) -> bool {
        false
    }
}

/// `DELETE /chatrooms/{id}`.
#[derive(Clone, Debug, Default)]
pub struct DissolveRoom {
    pub id: String,
}

impl Endpoint for DissolveRoom {
    type Output = DissolvedChatroom;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let url = conn.url(&room_path(&self.id)?, &[]);
        Ok(conn.request(Method::Delete, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
    /// The room is gone: the send whose answer was lost dissolved it.
    fn settle_repeat(
        &self,
        answer: Result<Self::Output, ApiError>,
    ) -> Result<Self::Output, ApiError> {
        match answer {
            Err(e) if matches!(e.refusal(), Some(Refusal::RoomNotFound { .. })) => {
                Ok(DissolvedChatroom {
                    success: true,
                    id: self.id.trim().to_string(),
                })
            }
            other => other,
        }
    }
}

/// `GET /chatrooms/{id}/users?pagenum&pagesize`. There is no cursor: a page shorter than
/// `pagesize` is the last.
#[derive(Clone, Debug, Default)]
pub struct ListMembers {
    pub id: String,
    pub pagenum: Option<u32>,
    pub pagesize: Option<u32>,
}

impl Endpoint for ListMembers {
    type Output = Vec<Affiliation>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let mut q = Vec::new();
        if let Some(n) = self.pagenum {
            q.push(("pagenum", n.max(1).to_string()));
        }
        if let Some(s) = self.pagesize {
            page_size(Field::Members, s, limits::PAGE_SIZE_MAX)?;
            q.push(("pagesize", s.to_string()));
        }
        let url = conn.url(&format!("{}/users", room_path(&self.id)?), &q);
        Ok(conn.request(Method::Get, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        let env = parse_envelope::<OneOrMany<Affiliation>, serde_json::Value>(resp)?;
        Ok(env.data.map(|d| d.0).unwrap_or_default())
    }
}

/// `POST /chatrooms/{id}/users/{u}`.
#[derive(Clone, Debug, Default)]
pub struct AddMember {
    pub id: String,
    pub username: String,
}

impl Endpoint for AddMember {
    type Output = AddedMember;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::Username, &self.username)?;
        let path = format!("{}/users/{}", room_path(&self.id)?, encode(&self.username));
        Ok(conn.request(Method::Post, conn.url(&path, &[]), None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
}

/// `POST /chatrooms/{id}/users` with up to 60 usernames.
#[derive(Clone, Debug, Default)]
pub struct AddMembers {
    pub id: String,
    pub usernames: Vec<String>,
}

impl Endpoint for AddMembers {
    type Output = AddedMembers;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_batch(
            Field::Usernames,
            self.usernames.len(),
            limits::ADD_MEMBERS_MAX,
        )?;
        for u in &self.usernames {
            check_username(Field::Usernames, u)?;
        }
        let body = AddMembersBody {
            usernames: self.usernames.clone(),
        };
        let url = conn.url(&format!("{}/users", room_path(&self.id)?), &[]);
        Ok(conn.request(Method::Post, url, json(&body), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
}

/// `DELETE /chatrooms/{id}/users/{u}`: one user, one result object.
#[derive(Clone, Debug, Default)]
pub struct RemoveMember {
    pub id: String,
    pub username: String,
}

impl Endpoint for RemoveMember {
    type Output = RemovedMember;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::Username, &self.username)?;
        let path = format!("{}/users/{}", room_path(&self.id)?, encode(&self.username));
        Ok(conn.request(Method::Delete, conn.url(&path, &[]), None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
    /// The user is no longer a member: the send whose answer was lost removed them.
    fn settle_repeat(
        &self,
        answer: Result<Self::Output, ApiError>,
    ) -> Result<Self::Output, ApiError> {
        match answer {
            Err(e) if matches!(e.refusal(), Some(Refusal::NotMembers { .. })) => {
                Ok(RemovedMember {
                    result: true,
                    action: "remove_member".into(),
                    reason: None,
                    user: self.username.clone(),
                    id: self.id.trim().to_string(),
                })
            }
            other => other,
        }
    }
}

/// `DELETE /chatrooms/{id}/users/{u1},{u2},…`: up to 60 users, a result for each.
#[derive(Clone, Debug, Default)]
pub struct RemoveMembers {
    pub id: String,
    pub usernames: Vec<String>,
}

impl Endpoint for RemoveMembers {
    type Output = Vec<RemovedMember>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_batch(
            Field::Usernames,
            self.usernames.len(),
            limits::REMOVE_MEMBERS_MAX,
        )?;
        for u in &self.usernames {
            check_username(Field::Usernames, u)?;
        }
        let list = self
            .usernames
            .iter()
            .map(|u| encode(u))
            .collect::<Vec<_>>()
            .join("%2C");
        let path = format!("{}/users/{list}", room_path(&self.id)?);
        Ok(conn.request(Method::Delete, conn.url(&path, &[]), None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        Ok(parse_data::<OneOrMany<RemovedMember>>(resp)?.0)
    }
    /// Nobody named is a member any more: the send whose answer was lost removed them all.
    fn settle_repeat(
        &self,
        answer: Result<Self::Output, ApiError>,
    ) -> Result<Self::Output, ApiError> {
        match answer {
            Err(e) if matches!(e.refusal(), Some(Refusal::NotMembers { .. })) => Ok(self
                .usernames
                .iter()
                .map(|u| RemovedMember {
                    result: true,
                    action: "remove_member".into(),
                    reason: None,
                    user: u.clone(),
                    id: self.id.trim().to_string(),
                })
                .collect()),
            other => other,
        }
    }
}

/// `POST /users`: one user (a JSON object) or a batch of up to 60 (an array).
#[derive(Clone, Debug, Default)]
pub struct RegisterUsers {
    pub users: Vec<NewUser>,
}

/// Who a registration created, and who it did not and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registered {
    pub created: Vec<User>,
    pub failed: Vec<RegistrationFailure>,
}

impl Endpoint for RegisterUsers {
    type Output = Registered;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_batch(
            Field::Usernames,
            self.users.len(),
            limits::REGISTER_USERS_MAX,
        )?;
        for u in &self.users {
            check_username(Field::Username, &u.username)?;
            if u.password.is_empty() {
                return Err(Invalid::Missing(Field::Password).into());
            }
        }
        let body = if self.users.len() == 1 {
            json(&self.users[0])
        } else {
            json(&self.users)
        };
        Ok(conn.request(Method::Post, conn.url("/users", &[]), body, true))
    }
    /// A repeat after it worked is refused as a duplicate user.
    fn repeatable(&self) -> bool {
        false
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        let env = parse_envelope::<Vec<RegistrationFailure>, User>(resp)?;
        Ok(Registered {
            created: env.entities,
            failed: env.data.unwrap_or_default(),
        })
    }
}

/// `GET /users/{u}`.
#[derive(Clone, Debug, Default)]
pub struct GetUser {
    pub username: String,
}

impl Endpoint for GetUser {
    type Output = User;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::Username, &self.username)?;
        let url = conn.url(&format!("/users/{}", encode(&self.username)), &[]);
        Ok(conn.request(Method::Get, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<User, ApiError> {
        parse_envelope::<serde_json::Value, User>(resp)?
            .entities
            .into_iter()
            .next()
            .ok_or_else(|| ApiError::unreadable(resp.status, &resp.body, "no user in `entities`"))
    }
}

/// `GET /users?limit&cursor`.
#[derive(Clone, Debug, Default)]
pub struct ListUsers {
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

impl Endpoint for ListUsers {
    type Output = CursorPage<User>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let mut q = Vec::new();
        if let Some(limit) = self.limit {
            page_size(Field::Usernames, limit, limits::USERS_LIMIT_MAX)?;
            q.push(("limit", limit.to_string()));
        }
        if let Some(c) = self.cursor.as_ref().filter(|c| !c.is_empty()) {
            q.push(("cursor", c.clone()));
        }
        Ok(conn.request(Method::Get, conn.url("/users", &q), None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        let env = parse_envelope::<serde_json::Value, User>(resp)?;
        Ok(CursorPage {
            items: env.entities,
            cursor: env.cursor.filter(|c| !c.is_empty()),
        })
    }
}
