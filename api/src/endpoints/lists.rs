//! A room's blocklist (users kept out: blocking removes them from the room) and allowlist
//! (users who may speak while the room is muted). The two lists have the same calls.

use super::*;

/// Which of a room's two user lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RoomList {
    #[default]
    Block,
    Allow,
}

impl RoomList {
    pub const ALL: [RoomList; 2] = [RoomList::Block, RoomList::Allow];

    /// The list's part of the path, after `/chatrooms/{id}/`.
    pub fn path(self) -> &'static str {
        match self {
            RoomList::Block => "blocks/users",
            RoomList::Allow => "white/users",
        }
    }
    /// The `action` of each result of an addition and of a removal.
    pub fn add_action(self) -> &'static str {
        match self {
            RoomList::Block => "add_blocks",
            RoomList::Allow => "add_user_whitelist",
        }
    }
    pub fn remove_action(self) -> &'static str {
        match self {
            RoomList::Block => "remove_blocks",
            RoomList::Allow => "remove_user_whitelist",
        }
    }
}

fn list_url(conn: &Connection, id: &str, list: RoomList, rest: &str) -> Result<String, ApiError> {
    Ok(conn.url(&format!("{}/{}{rest}", room_path(id)?, list.path()), &[]))
}

/// `GET /chatrooms/{id}/blocks/users` or `…/white/users`.
#[derive(Clone, Debug, Default)]
pub struct ListRoomList {
    pub id: String,
    pub list: RoomList,
}

impl Endpoint for ListRoomList {
    type Output = Vec<String>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let url = list_url(conn, &self.id, self.list, "")?;
        Ok(conn.request(Method::Get, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_list(resp)
    }
}

/// Adds up to 60 users to a list: one user by `POST …/users/{u}`, several by `POST …/users`
/// with `{"usernames": […]}`. Each user has a result; adding one already there succeeds.
#[derive(Clone, Debug, Default)]
pub struct AddToRoomList {
    pub id: String,
    pub list: RoomList,
    pub usernames: Vec<String>,
}

impl Endpoint for AddToRoomList {
    type Output = Vec<ListChange>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        user_list(
            Field::Usernames,
            &self.usernames,
            limits::MODERATE_USERS_MAX,
        )?;
        if let [one] = self.usernames.as_slice() {
            check_username(Field::Username, one)?;
            let url = list_url(conn, &self.id, self.list, &format!("/{}", encode(one)))?;
            return Ok(conn.request(Method::Post, url, None, true));
        }
        let body = UsernamesBody {
            usernames: self.usernames.clone(),
        };
        let url = list_url(conn, &self.id, self.list, "")?;
        Ok(conn.request(Method::Post, url, json(&body), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        Ok(parse_data::<OneOrMany<ListChange>>(resp)?.0)
    }
}

/// Removes up to 60 users from a list: `DELETE …/users/{u}` or `…/users/{u1},{u2}`.
#[derive(Clone, Debug, Default)]
pub struct RemoveFromRoomList {
    pub id: String,
    pub list: RoomList,
    pub usernames: Vec<String>,
}

impl Endpoint for RemoveFromRoomList {
    type Output = Vec<ListChange>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let names = user_list(
            Field::Usernames,
            &self.usernames,
            limits::MODERATE_USERS_MAX,
        )?;
        let url = list_url(conn, &self.id, self.list, &format!("/{names}"))?;
        Ok(conn.request(Method::Delete, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        Ok(parse_data::<OneOrMany<ListChange>>(resp)?.0)
    }
}
