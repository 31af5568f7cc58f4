//! Room admins: list, add, remove. Admins are members; a room has at most 99.

use super::*;

/// `GET /chatrooms/{id}/admin`: the admins' usernames.
#[derive(Clone, Debug, Default)]
pub struct ListAdmins {
    pub id: String,
}

impl Endpoint for ListAdmins {
    type Output = Vec<String>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let url = conn.url(&format!("{}/admin", room_path(&self.id)?), &[]);
        Ok(conn.request(Method::Get, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_list(resp)
    }
}

/// `POST /chatrooms/{id}/admin` with `{"newadmin": u}`.
#[derive(Clone, Debug, Default)]
pub struct AddAdmin {
    pub id: String,
    pub username: String,
}

impl Endpoint for AddAdmin {
    type Output = AddedAdmin;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::Username, &self.username)?;
        let body = AddAdminBody {
            newadmin: self.username.clone(),
        };
        let url = conn.url(&format!("{}/admin", room_path(&self.id)?), &[]);
        Ok(conn.request(Method::Post, url, json(&body), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
    /// Already an admin: the send whose answer was lost made them one.
    fn settle_repeat(
        &self,
        answer: Result<Self::Output, ApiError>,
    ) -> Result<Self::Output, ApiError> {
        match answer {
            Err(e) if matches!(e.refusal(), Some(Refusal::AlreadyAdmin { .. })) => Ok(AddedAdmin {
                result: "success".into(),
                newadmin: self.username.clone(),
            }),
            other => other,
        }
    }
}

/// `DELETE /chatrooms/{id}/admin/{u}`: the user stays a member.
#[derive(Clone, Debug, Default)]
pub struct RemoveAdmin {
    pub id: String,
    pub username: String,
}

impl Endpoint for RemoveAdmin {
    type Output = RemovedAdmin;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::Username, &self.username)?;
        let path = format!("{}/admin/{}", room_path(&self.id)?, encode(&self.username));
        Ok(conn.request(Method::Delete, conn.url(&path, &[]), None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
    /// No longer an admin: the send whose answer was lost did it.
    fn settle_repeat(
        &self,
        answer: Result<Self::Output, ApiError>,
    ) -> Result<Self::Output, ApiError> {
        match answer {
            Err(e) if matches!(e.refusal(), Some(Refusal::NotAdmin { .. })) => Ok(RemovedAdmin {
                result: "success".into(),
                oldadmin: self.username.clone(),
            }),
            other => other,
        }
    }
}
