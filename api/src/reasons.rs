//! Why one user or one key of a call that reports each separately was not done: the `reason`
//! of a block or allow list result, and the `errorKeys` of an attribute call. The server's
//! words are written and read here only, like [`crate::Refusal`]'s.

/// A user a block or allow list call could not add or remove.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UserReason {
    /// Not a member of the room (lists hold members only).
    NotInRoom { user: String, room: String },
    /// The owner cannot be blocked. [inferred wording]
    IsOwner { user: String, room: String },
    /// No such user. [inferred wording]
    NoSuchUser { user: String },
    /// Not on the list it is being removed from. [inferred wording]
    NotOnList { user: String },
    /// Words this crate does not know.
    Other(String),
}

const IN_ROOM: (&str, &str) = ("user: ", " doesn't exist in chatroom: ");
const OWNER: (&str, &str, &str) = (
    "user: ",
    " is the owner of chatroom: ",
    " and can not be blocked",
);
const NO_SUCH_USER: (&str, &str) = ("username ", " doesn't exist!");
const NOT_ON_LIST: (&str, &str) = ("user: ", " is not in the list");

impl UserReason {
    pub fn text(&self) -> String {
        match self {
            UserReason::NotInRoom { user, room } => {
                format!("{}{user}{}{room}", IN_ROOM.0, IN_ROOM.1)
            }
            UserReason::IsOwner { user, room } => {
                format!("{}{user}{}{room}{}", OWNER.0, OWNER.1, OWNER.2)
            }
            UserReason::NoSuchUser { user } => {
                format!("{}{user}{}", NO_SUCH_USER.0, NO_SUCH_USER.1)
            }
            UserReason::NotOnList { user } => format!("{}{user}{}", NOT_ON_LIST.0, NOT_ON_LIST.1),
            UserReason::Other(t) => t.clone(),
        }
    }

    pub fn parse(text: &str) -> UserReason {
        let t = text.trim();
        let two = |pre: &str, mid: &str, post: &str| {
            t.strip_prefix(pre)?
                .strip_suffix(post)?
                .split_once(mid)
                .map(|(a, b)| (a.to_string(), b.to_string()))
        };
        if let Some((user, room)) = two(OWNER.0, OWNER.1, OWNER.2) {
            UserReason::IsOwner { user, room }
        } else if let Some((user, room)) = two(IN_ROOM.0, IN_ROOM.1, "") {
            UserReason::NotInRoom { user, room }
        } else if let Some(u) = t
            .strip_prefix(NO_SUCH_USER.0)
            .and_then(|r| r.strip_suffix(NO_SUCH_USER.1))
        {
            UserReason::NoSuchUser { user: u.into() }
        } else if let Some(u) = t
            .strip_prefix(NOT_ON_LIST.0)
            .and_then(|r| r.strip_suffix(NOT_ON_LIST.1))
        {
            UserReason::NotOnList { user: u.into() }
        } else {
            UserReason::Other(t.into())
        }
    }
}

/// An attribute key a set or delete did not do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyReason {
    /// The key is longer than 128 characters (the documented wording).
    KeyTooLong {
        max: usize,
    },
    /// The key has a character outside `[a-zA-Z0-9_.-]`. [inferred wording]
    KeyNotLegal,
    /// The value is longer than 4096 characters. [inferred wording]
    ValueTooLong {
        max: usize,
    },
    /// The room has its 100 attributes. [inferred wording]
    RoomFull {
        max: usize,
    },
    /// Deleting a key the room does not have. [inferred wording]
    NotSet,
    /// A plain delete of a key another user set. [inferred wording]
    OwnedByOther,
    Other(String),
}

impl KeyReason {
    pub fn text(&self, key: &str) -> String {
        match self {
            KeyReason::KeyTooLong { max } => {
                format!("properties key '{key}' is exceeding maximum limit {max}")
            }
            KeyReason::KeyNotLegal => format!("properties key '{key}' is not legal"),
            KeyReason::ValueTooLong { max } => {
                format!("properties value of key '{key}' is exceeding maximum limit {max}")
            }
            KeyReason::RoomFull { max } => {
                format!("properties of chatroom is exceeding maximum limit {max}")
            }
            KeyReason::NotSet => format!("properties key '{key}' is not exist"),
            KeyReason::OwnedByOther => format!("properties key '{key}' is not part of you"),
            KeyReason::Other(t) => t.clone(),
        }
    }

    /// Reads back what [`KeyReason::text`] wrote for `key`.
    pub fn parse(key: &str, text: &str) -> KeyReason {
        let t = text.trim();
        let limit = |pre: String| -> Option<usize> { t.strip_prefix(&pre)?.trim().parse().ok() };
        if let Some(max) = limit(format!(
            "properties key '{key}' is exceeding maximum limit "
        )) {
            KeyReason::KeyTooLong { max }
        } else if let Some(max) = limit(format!(
            "properties value of key '{key}' is exceeding maximum limit "
        )) {
            KeyReason::ValueTooLong { max }
        } else if let Some(max) = limit("properties of chatroom is exceeding maximum limit ".into())
        {
            KeyReason::RoomFull { max }
        } else if t == KeyReason::KeyNotLegal.text(key) {
            KeyReason::KeyNotLegal
        } else if t == KeyReason::NotSet.text(key) {
            KeyReason::NotSet
        } else if t == KeyReason::OwnedByOther.text(key) {
            KeyReason::OwnedByOther
        } else {
            KeyReason::Other(t.into())
        }
    }
}

impl UserReason {
    /// One of every reason this crate knows, with sample values, for tests that cover them all.
    pub fn examples() -> Vec<UserReason> {
        vec![
            UserReason::NotInRoom {
                user: "bob".into(),
                room: "42".into(),
            },
            UserReason::IsOwner {
                user: "alice".into(),
                room: "42".into(),
            },
            UserReason::NoSuchUser { user: "zed".into() },
            UserReason::NotOnList { user: "bob".into() },
            UserReason::Other("new words".into()),
        ]
    }
}

impl KeyReason {
    /// One of every reason this crate knows, for tests that cover them all.
    pub fn examples() -> Vec<KeyReason> {
        vec![
            KeyReason::KeyTooLong { max: 128 },
            KeyReason::KeyNotLegal,
            KeyReason::ValueTooLong { max: 4096 },
            KeyReason::RoomFull { max: 100 },
            KeyReason::NotSet,
            KeyReason::OwnedByOther,
            KeyReason::Other("new words".into()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_reads_back_as_itself() {
        for r in UserReason::examples() {
            assert_eq!(UserReason::parse(&r.text()), r);
        }
        for r in KeyReason::examples() {
            assert_eq!(KeyReason::parse("k.1", &r.text("k.1")), r);
        }
    }
}
