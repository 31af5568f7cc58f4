//! The mute list (who may not speak, until when) and muting the whole room.

use super::*;

/// `GET /chatrooms/{id}/mute`: each muted user and when the mute ends.
#[derive(Clone, Debug, Default)]
pub struct ListMutes {
    pub id: String,
}

impl Endpoint for ListMutes {
    type Output = Vec<MutedUser>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let url = conn.url(&format!("{}/mute", room_path(&self.id)?), &[]);
        Ok(conn.request(Method::Get, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_list(resp)
    }
}

/// How long a mute lasts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MuteFor {
    Millis(u64),
    #[default]
    Forever,
}

impl MuteFor {
    pub fn wire(self) -> i64 {
        match self {
            MuteFor::Millis(ms) => ms.min(i64::MAX as u64) as i64,
            MuteFor::Forever => MUTE_FOREVER,
        }
    }
}

/// `POST /chatrooms/{id}/mute`: up to 60 members, for a time or for ever. Muting again only
/// moves the end, so a repeat is safe.
#[derive(Clone, Debug, Default)]
pub struct Mute {
    pub id: String,
    pub usernames: Vec<String>,
    pub duration: MuteFor,
}

impl Endpoint for Mute {
    type Output = Vec<MuteResult>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        user_list(
            Field::Usernames,
            &self.usernames,
            limits::MODERATE_USERS_MAX,
        )?;
        if self.duration == MuteFor::Millis(0) {
            return Err(crate::limits::Invalid::Missing(Field::MuteDuration).into());
        }
        let body = MuteBody {
            usernames: self.usernames.clone(),
            mute_duration: Some(self.duration.wire()),
        };
        let url = conn.url(&format!("{}/mute", room_path(&self.id)?), &[]);
        Ok(conn.request(Method::Post, url, json(&body), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        Ok(parse_data::<OneOrMany<MuteResult>>(resp)?.0)
    }
}

/// `DELETE /chatrooms/{id}/mute/{u1},{u2}`: up to 60, a result for each.
#[derive(Clone, Debug, Default)]
pub struct Unmute {
    pub id: String,
    pub usernames: Vec<String>,
}

impl Endpoint for Unmute {
    type Output = Vec<MuteResult>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let list = user_list(
            Field::Usernames,
            &self.usernames,
            limits::MODERATE_USERS_MAX,
        )?;
        let path = format!("{}/mute/{list}", room_path(&self.id)?);
        Ok(conn.request(Method::Delete, conn.url(&path, &[]), None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        Ok(parse_data::<OneOrMany<MuteResult>>(resp)?.0)
    }
}

/// `POST /chatrooms/{id}/ban` (mute everyone but the owner and admins) or `DELETE` (lift it).
#[derive(Clone, Debug, Default)]
pub struct MuteAll {
    pub id: String,
    pub mute: bool,
}

impl Endpoint for MuteAll {
    type Output = MuteAllState;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let method = if self.mute {
            Method::Post
        } else {
            Method::Delete
        };
        let url = conn.url(&format!("{}/ban", room_path(&self.id)?), &[]);
        Ok(conn.request(method, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
}
