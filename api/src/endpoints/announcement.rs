//! A room's announcement: read and replace (at most 512 characters).

use super::*;
use crate::limits::check_length;

/// `GET /chatrooms/{id}/announcement`.
#[derive(Clone, Debug, Default)]
pub struct GetAnnouncement {
    pub id: String,
}

impl Endpoint for GetAnnouncement {
    type Output = String;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let url = conn.url(&format!("{}/announcement", room_path(&self.id)?), &[]);
        Ok(conn.request(Method::Get, url, None, true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        Ok(parse_data::<Announcement>(resp)?.announcement)
    }
}

/// `POST /chatrooms/{id}/announcement`: replaces it; an empty text clears it.
#[derive(Clone, Debug, Default)]
pub struct SetAnnouncement {
    pub id: String,
    pub text: String,
}

impl Endpoint for SetAnnouncement {
    type Output = AnnouncementSet;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_length(
            Field::Announcement,
            &self.text,
            limits::ANNOUNCEMENT_MAX_CHARS,
        )?;
        let body = Announcement {
            announcement: self.text.clone(),
        };
        let url = conn.url(&format!("{}/announcement", room_path(&self.id)?), &[]);
        Ok(conn.request(Method::Post, url, json(&body), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
}
