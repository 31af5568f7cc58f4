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

/// `POST /users/{u}/deactivate`: ban. The user is forced offline and cannot log in until
/// unbanned. Banning again changes nothing, so a repeat is safe.
#[derive(Clone, Debug, Default)]
pub struct BanUser {
    pub username: String,
}

impl Endpoint for BanUser {
    type Output = ();
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::Username, &self.username)?;
        let url = conn.url(
            &format!("/users/{}/deactivate", encode(&self.username)),
            &[],
        );
        Ok(conn.request(Method::Post, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<(), ApiError> {
        parse_envelope::<serde_json::Value, serde_json::Value>(resp).map(|_| ())
    }
}

/// `POST /users/{u}/activate`: unban.
#[derive(Clone, Debug, Default)]
pub struct UnbanUser {
    pub username: String,
}

impl Endpoint for UnbanUser {
    type Output = ();
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::Username, &self.username)?;
        let url = conn.url(&format!("/users/{}/activate", encode(&self.username)), &[]);
        Ok(conn.request(Method::Post, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<(), ApiError> {
        parse_envelope::<serde_json::Value, serde_json::Value>(resp).map(|_| ())
    }
}

/// `GET /users/{u}/disconnect`: forces every device of the user offline; they may log in
/// again. An answer of `result: false` (the server did not) is a failure.
#[derive(Clone, Debug, Default)]
pub struct ForceOffline {
    pub username: String,
}

impl Endpoint for ForceOffline {
    type Output = ();
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::Username, &self.username)?;
        let url = conn.url(
            &format!("/users/{}/disconnect", encode(&self.username)),
            &[],
        );
        Ok(conn.request(Method::Get, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<(), ApiError> {
        if parse_data::<Disconnected>(resp)?.result {
            Ok(())
        } else {
            Err(ApiError::unreadable(
                resp.status,
                &resp.body,
                "`result` is false: the user was not forced offline",
            ))
        }
    }
}

/// `GET /users/{u}/status`: whether the user is online.
#[derive(Clone, Debug, Default)]
pub struct UserStatus {
    pub username: String,
}

impl Endpoint for UserStatus {
    type Output = bool;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::Username, &self.username)?;
        let url = conn.url(&format!("/users/{}/status", encode(&self.username)), &[]);
        Ok(conn.request(Method::Get, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<bool, ApiError> {
        let data = parse_data::<std::collections::BTreeMap<String, String>>(resp)?;
        Ok(data.values().any(|s| s == "online"))
    }
}

/// `POST /users/batch/status`: up to 100 users, each online or not (unknown users are
/// offline).
#[derive(Clone, Debug, Default)]
pub struct UsersStatus {
    pub usernames: Vec<String>,
}

impl Endpoint for UsersStatus {
    type Output = Vec<(String, bool)>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_batch(
            Field::Usernames,
            self.usernames.len(),
            limits::STATUS_BATCH_MAX,
        )?;
        for u in &self.usernames {
            check_username(Field::Usernames, u)?;
        }
        let body = UsernamesBody {
            usernames: self.usernames.clone(),
        };
        let url = conn.url("/users/batch/status", &[]);
        Ok(conn.request(Method::Post, url, json(&body), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        let items = parse_data::<Vec<std::collections::BTreeMap<String, String>>>(resp)?;
        Ok(items
            .into_iter()
            .flat_map(|m| m.into_iter().map(|(u, s)| (u, s == "online")))
            .collect())
    }
}
