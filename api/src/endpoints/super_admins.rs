//! The app's super admins: the users who may create rooms from a client SDK.

use super::*;

/// `GET /chatrooms/super_admin?pagenum&pagesize` (page size 1 to 1000, 10 when not given).
#[derive(Clone, Debug, Default)]
pub struct ListSuperAdmins {
    pub pagenum: Option<u32>,
    pub pagesize: Option<u32>,
}

impl Endpoint for ListSuperAdmins {
    type Output = Vec<String>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let mut q = Vec::new();
        if let Some(n) = self.pagenum {
            q.push(("pagenum", n.max(1).to_string()));
        }
        if let Some(s) = self.pagesize {
            page_size(Field::Usernames, s, limits::SUPER_ADMINS_PAGE_MAX)?;
            q.push(("pagesize", s.to_string()));
        }
        let url = conn.url("/chatrooms/super_admin", &q);
        Ok(conn.request(Method::Get, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_list(resp)
    }
}

/// `POST /chatrooms/super_admin` with `{"superadmin": u}`.
#[derive(Clone, Debug, Default)]
pub struct AddSuperAdmin {
    pub username: String,
}

impl Endpoint for AddSuperAdmin {
    type Output = AddedSuperAdmin;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::Username, &self.username)?;
        let body = AddSuperAdminBody {
            superadmin: self.username.clone(),
        };
        let url = conn.url("/chatrooms/super_admin", &[]);
        Ok(conn.request(Method::Post, url, json(&body), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
    fn settle_repeat(
        &self,
        answer: Result<Self::Output, ApiError>,
    ) -> Result<Self::Output, ApiError> {
        match answer {
            Err(e) if matches!(e.refusal(), Some(Refusal::AlreadySuperAdmin { .. })) => {
                Ok(AddedSuperAdmin {
                    result: "success".into(),
                    resource: String::new(),
                })
            }
            other => other,
        }
    }
}

/// `DELETE /chatrooms/super_admin/{u}`.
#[derive(Clone, Debug, Default)]
pub struct RemoveSuperAdmin {
    pub username: String,
}

impl Endpoint for RemoveSuperAdmin {
    type Output = RemovedSuperAdmin;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::Username, &self.username)?;
        let path = format!("/chatrooms/super_admin/{}", encode(&self.username));
        Ok(conn.request(Method::Delete, conn.url(&path, &[]), None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
    fn settle_repeat(
        &self,
        answer: Result<Self::Output, ApiError>,
    ) -> Result<Self::Output, ApiError> {
        match answer {
            Err(e) if matches!(e.refusal(), Some(Refusal::NotSuperAdmin { .. })) => {
                Ok(RemovedSuperAdmin {
                    new_super_admin: self.username.clone(),
                    resource: String::new(),
                })
            }
            other => other,
        }
    }
}
