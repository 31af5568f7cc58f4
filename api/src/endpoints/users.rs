//! Users: register, look up, list.

use super::*;

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
