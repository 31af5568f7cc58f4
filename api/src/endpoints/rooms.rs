//! Rooms: list, a user's rooms, details, create, edit, transfer, dissolve.

use super::*;

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
