//! The app-wide mute of a user (`/mutes`): for one-to-one chats, groups and chatrooms, in
//! seconds, each kind on its own.

use super::*;

/// How long an app-wide mute of one kind lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MuteSpan {
    Seconds(i64),
    Forever,
    /// Lift it.
    Lift,
}

impl MuteSpan {
    pub fn wire(self) -> i64 {
        match self {
            MuteSpan::Seconds(s) => s,
            MuteSpan::Forever => GLOBAL_MUTE_FOREVER,
            MuteSpan::Lift => 0,
        }
    }
}

/// `POST /mutes`: sets each kind named (`None` leaves it as it is). Setting again ends in the
/// same state, so a repeat is safe.
#[derive(Clone, Debug, Default)]
pub struct SetGlobalMute {
    pub username: String,
    pub chat: Option<MuteSpan>,
    pub groupchat: Option<MuteSpan>,
    pub chatroom: Option<MuteSpan>,
}

impl Endpoint for SetGlobalMute {
    type Output = ();
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::Username, &self.username)?;
        let wire = |s: Option<MuteSpan>| -> Result<Option<i64>, ApiError> {
            match s {
                Some(MuteSpan::Seconds(n)) if n <= 0 => Err(Invalid::SecondsOutOfRange(n).into()),
                Some(s) => {
                    limits::check_mute_seconds(s.wire())?;
                    Ok(Some(s.wire()))
                }
                None => Ok(None),
            }
        };
        let body = GlobalMuteBody {
            username: self.username.clone(),
            chat: wire(self.chat)?,
            groupchat: wire(self.groupchat)?,
            chatroom: wire(self.chatroom)?,
        };
        Ok(conn.request(Method::Post, conn.url("/mutes", &[]), json(&body), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<(), ApiError> {
        let ok = parse_data::<ResultOk>(resp)?;
        if ok.result == "ok" {
            Ok(())
        } else {
            Err(ApiError::unreadable(
                resp.status,
                &resp.body,
                "`result` is not \"ok\"",
            ))
        }
    }
}

/// `GET /mutes/{username}`: seconds left of each kind.
#[derive(Clone, Debug, Default)]
pub struct GetGlobalMute {
    pub username: String,
}

impl Endpoint for GetGlobalMute {
    type Output = GlobalMute;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_username(Field::Username, &self.username)?;
        let url = conn.url(&format!("/mutes/{}", encode(&self.username)), &[]);
        Ok(conn.request(Method::Get, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<GlobalMute, ApiError> {
        parse_data(resp)
    }
}

/// `GET /mutes?pageNum&pageSize`: the app's muted users, a (user, kind) an element.
#[derive(Clone, Debug)]
pub struct ListGlobalMutes {
    /// From 1.
    pub page: u32,
    pub size: u32,
}

impl Endpoint for ListGlobalMutes {
    type Output = GlobalMutePage;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        page_size(Field::Usernames, self.size, limits::GLOBAL_MUTES_PAGE_MAX)?;
        let q = [
            ("pageNum", self.page.max(1).to_string()),
            ("pageSize", self.size.to_string()),
        ];
        Ok(conn.request(Method::Get, conn.url("/mutes", &q), None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<GlobalMutePage, ApiError> {
        // An app with nobody muted may leave `data` out.
        Ok(parse_envelope::<GlobalMutePage, serde_json::Value>(resp)?
            .data
            .unwrap_or_default())
    }
}
