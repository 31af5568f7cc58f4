//! Members of a room: list, add one or many, remove one or many.

use super::*;

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
        parse_list(resp)
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
        let body = UsernamesBody {
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
        let list = user_list(
            Field::Usernames,
            &self.usernames,
            limits::REMOVE_MEMBERS_MAX,
        )?;
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
