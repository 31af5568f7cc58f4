//! A room's custom attributes (`/metadata/chatroom/{id}`): read, set, delete. Each attribute
//! belongs to the user who set it; the `forced` calls override that, as an admin tool must.

use super::*;
use crate::limits::{check_attribute_key, check_attributes};
use std::collections::BTreeMap;

fn metadata_path(id: &str) -> Result<String, ApiError> {
    // `room_path` checks the id; the metadata calls live under their own prefix.
    let room = room_path(id)?;
    Ok(format!("/metadata/chatroom{}", &room["/chatrooms".len()..]))
}

fn user_path(id: &str, user: &str, forced: bool) -> Result<String, ApiError> {
    check_username(Field::Username, user)?;
    let forced = if forced { "/forced" } else { "" };
    Ok(format!(
        "{}/user/{}{forced}",
        metadata_path(id)?,
        encode(user)
    ))
}

/// `POST /metadata/chatroom/{id}` with the keys to read (at most 10), or none for every one.
#[derive(Clone, Debug, Default)]
pub struct GetAttributes {
    pub id: String,
    pub keys: Vec<String>,
}

impl Endpoint for GetAttributes {
    type Output = BTreeMap<String, String>;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let body = if self.keys.is_empty() {
            AttributeKeysBody { keys: None }
        } else {
            check_batch(
                Field::Attributes,
                self.keys.len(),
                limits::ATTRIBUTES_PER_CALL,
            )?;
            for k in &self.keys {
                check_attribute_key(k)?;
            }
            AttributeKeysBody {
                keys: Some(self.keys.clone()),
            }
        };
        let url = conn.url(&metadata_path(&self.id)?, &[]);
        Ok(conn.request(Method::Post, url, json(&body), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        let env = parse_envelope::<BTreeMap<String, String>, serde_json::Value>(resp)?;
        Ok(env.data.unwrap_or_default())
    }
}

/// `PUT /metadata/chatroom/{id}/user/{u}[/forced]`: sets up to 10 attributes as user `u`.
/// `auto_delete` drops them when `u` leaves the room.
#[derive(Clone, Debug, Default)]
pub struct SetAttributes {
    pub id: String,
    pub user: String,
    pub attributes: BTreeMap<String, String>,
    pub auto_delete: bool,
    pub forced: bool,
}

impl Endpoint for SetAttributes {
    type Output = AttributesChanged;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_attributes(self.attributes.iter())?;
        let body = SetAttributesBody {
            meta_data: self.attributes.clone(),
            auto_delete: Some(
                if self.auto_delete {
                    AUTO_DELETE
                } else {
                    NO_AUTO_DELETE
                }
                .into(),
            ),
        };
        let url = conn.url(&user_path(&self.id, &self.user, self.forced)?, &[]);
        Ok(conn.request(Method::Put, url, json(&body), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
}

/// `DELETE /metadata/chatroom/{id}/user/{u}[/forced]` with up to 10 keys.
#[derive(Clone, Debug, Default)]
pub struct DeleteAttributes {
    pub id: String,
    pub user: String,
    pub keys: Vec<String>,
    pub forced: bool,
}

impl Endpoint for DeleteAttributes {
    type Output = AttributesChanged;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        check_batch(
            Field::Attributes,
            self.keys.len(),
            limits::ATTRIBUTES_PER_CALL,
        )?;
        for k in &self.keys {
            check_attribute_key(k)?;
        }
        let body = AttributeKeysBody {
            keys: Some(self.keys.clone()),
        };
        let url = conn.url(&user_path(&self.id, &self.user, self.forced)?, &[]);
        Ok(conn.request(Method::Delete, url, json(&body), true))
    }
    fn parse(&self, resp: &HttpResponse) -> Result<Self::Output, ApiError> {
        parse_data(resp)
    }
    /// A key the room no longer has: the send whose answer was lost deleted it.
    fn settle_repeat(
        &self,
        answer: Result<Self::Output, ApiError>,
    ) -> Result<Self::Output, ApiError> {
        answer.map(|mut done| {
            let gone: Vec<String> = done
                .error_keys
                .iter()
                .filter(|(k, why)| crate::KeyReason::parse(k, why) == crate::KeyReason::NotSet)
                .map(|(k, _)| k.clone())
                .collect();
            for k in gone {
                done.error_keys.remove(&k);
                done.success_keys.push(k);
            }
            done
        })
    }
}
