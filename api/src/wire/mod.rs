//! Wire types, exactly as Easemob sends and accepts them (see
//! `shared/reference/easemob-rest-api.md`). Parsing is lenient where real servers are known to
//! differ from the documents (a `data` object where an array is sent, `disabled` as a string,
//! missing envelope fields) and serialising is what the real server sends, so the emulator can
//! use the same types.

use serde::{de, Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

mod admins;
mod announcement;
mod attributes;
mod global_mutes;
mod lists;
mod members;
mod messages;
mod mutes;
mod rooms;
mod super_admins;
mod token;
mod users;

pub use admins::*;
pub use announcement::*;
pub use attributes::*;
pub use global_mutes::*;
pub use lists::*;
pub use members::*;
pub use messages::*;
pub use mutes::*;
pub use rooms::*;
pub use super_admins::*;
pub use token::*;
pub use users::*;

/// The envelope around every successful answer. Every field is optional when parsing: recorded
/// real responses omit `applicationName`, `params`, `count` or `cursor` depending on endpoint
/// and cluster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<D, E = serde_json::Value> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
    #[serde(
        rename = "applicationName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub application_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default = "Vec::new")]
    pub entities: Vec<E>,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub data: Option<D>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<BTreeMap<String, Vec<String>>>,
    /// Present only while more rows remain after this page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// A value the documents show as one object but real servers send as an array of them.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct OneOrMany<T>(pub Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape<T> {
            Many(Vec<T>),
            One(T),
        }
        Ok(match Shape::deserialize(d)? {
            Shape::Many(v) => OneOrMany(v),
            Shape::One(t) => OneOrMany(vec![t]),
        })
    }
}

impl<T: Serialize> Serialize for OneOrMany<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// Accepts `true`, `false`, `"true"`, `"false"` and `null`.
pub(crate) fn lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum B {
        Bool(bool),
        Text(String),
    }
    match Option::<B>::deserialize(d)? {
        None => Ok(None),
        Some(B::Bool(b)) => Ok(Some(b)),
        Some(B::Text(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "true" => Ok(Some(true)),
            "false" => Ok(Some(false)),
            other => Err(de::Error::custom(format!(
                "expected a boolean, found \"{other}\""
            ))),
        },
    }
}

pub(crate) fn bool_as_string<S: serde::Serializer>(
    v: &Option<bool>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        Some(b) => s.serialize_str(if *b { "true" } else { "false" }),
        None => s.serialize_none(),
    }
}
