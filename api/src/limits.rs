//! The documented limits, checked before a request is sent (and by the emulator when one
//! arrives), so a bad input is caught with a clear message and changes nothing.

pub const NAME_MAX_CHARS: usize = 128;
pub const DESCRIPTION_MAX_CHARS: usize = 512;
pub const CUSTOM_MAX_CHARS: usize = 1024;
pub const MAXUSERS_MIN: u64 = 1;
pub const MAXUSERS_MAX: u64 = 10_000;
pub const MAXUSERS_DEFAULT: u64 = 1000;
pub const USERNAME_MAX_CHARS: usize = 64;
/// Users added by one `POST /chatrooms/{id}/users`.
pub const ADD_MEMBERS_MAX: usize = 60;
/// Users removed by one `DELETE /chatrooms/{id}/users/{u1},{u2}` (the server's own message
/// says 60 although one document says 100; 60 is safe for both).
pub const REMOVE_MEMBERS_MAX: usize = 60;
/// Room ids in one `GET /chatrooms/{ids}`.
pub const DETAIL_IDS_MAX: usize = 100;
/// `limit` of `GET /chatrooms` and page size of the member and joined lists.
pub const PAGE_SIZE_MAX: u32 = 1000;
/// `limit` of `GET /users`.
pub const USERS_LIMIT_MAX: u32 = 100;
/// Members a page of the cursor-paged member list when no `limit` is given (the web SDK's
/// `getChatRoomMembers` asks for at most 50).
pub const MEMBERS_CURSOR_PAGE: u32 = 50;
/// Users registered by one `POST /users`.
pub const REGISTER_USERS_MAX: usize = 60;
/// Admins of one room (the owner and the admins are at most 100).
pub const ADMINS_MAX: usize = 99;
/// Users muted, blocked, allowed, or taken off one of those lists by one call.
pub const MODERATE_USERS_MAX: usize = 60;
pub const ANNOUNCEMENT_MAX_CHARS: usize = 512;
/// Custom attributes: keys set, read or deleted by one call.
pub const ATTRIBUTES_PER_CALL: usize = 10;
pub const ATTRIBUTE_KEY_MAX_CHARS: usize = 128;
pub const ATTRIBUTE_VALUE_MAX_CHARS: usize = 4096;
/// Custom attributes one room may hold.
pub const ATTRIBUTES_PER_ROOM: usize = 100;
/// Page size of `GET /chatrooms/super_admin`: at most 1000, 10 when not given.
pub const SUPER_ADMINS_PAGE_MAX: u32 = 1000;
pub const SUPER_ADMINS_PAGE_DEFAULT: u32 = 10;
/// Rooms in one `POST /messages/chatrooms`.
pub const MESSAGE_ROOMS_MAX: usize = 10;
/// `body` and `ext` of a message together, in bytes of JSON. The documents disagree (5 KB
/// now, 3 KB in 2023); the stricter figure is kept.
pub const MESSAGE_BYTES_MAX: usize = 3 * 1024;
/// Keys of a custom message's `customExts`.
pub const CUSTOM_EXTS_MAX: usize = 16;
/// A custom message's `customEvent`: 1 to 32 of `[a-zA-Z0-9-_/.]`.
pub const CUSTOM_EVENT_MAX_CHARS: usize = 32;
/// Calls of `POST /messages/chatrooms` a second (the documents say 20 or 100: the stricter).
pub const MESSAGE_CALLS_PER_SECOND: u32 = 20;
/// Messages (rooms × calls) a second.
pub const MESSAGES_PER_SECOND: u32 = 100;
/// The broadcast to every active room: 1 a second, 10 a minute (429), 100 a UTC day (403).
pub const BROADCASTS_PER_SECOND: u32 = 1;
pub const BROADCASTS_PER_MINUTE: u32 = 10;
pub const BROADCASTS_PER_DAY: u32 = 100;
/// Messages in one `POST /messages/batch_recall`.
pub const RECALL_BATCH_MAX: usize = 30;
/// How long after sending a message may be recalled, unless the app's console says longer.
pub const RECALL_WINDOW_MS: u64 = 2 * 60 * 1000;
/// The longest app-wide mute in seconds (`-1` is for ever).
pub const GLOBAL_MUTE_SECONDS_MAX: i64 = 2_147_483_647;
/// Page size of `GET /mutes`.
pub const GLOBAL_MUTES_PAGE_MAX: u32 = 50;
/// Users in one `POST /users/batch/status`.
pub const STATUS_BATCH_MAX: usize = 100;

/// A field of a request, for messages that point at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Description,
    MaxUsers,
    Owner,
    Members,
    Custom,
    NewOwner,
    Username,
    Usernames,
    RoomIds,
    Password,
    Announcement,
    AttributeKey,
    AttributeValue,
    Attributes,
    MuteDuration,
    /// A message's `body`.
    Message,
    Ext,
    CustomEvent,
    CustomExts,
    /// The sender of a message.
    Sender,
    /// Messages to recall.
    MessageIds,
    /// An app-wide mute's seconds.
    MuteSeconds,
}

impl Field {
    /// The field's name on the wire.
    pub fn wire_name(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Description => "description",
            Field::MaxUsers => "maxusers",
            Field::Owner => "owner",
            Field::Members => "members",
            Field::Custom => "custom",
            Field::NewOwner => "newowner",
            Field::Username => "username",
            Field::Usernames => "usernames",
            Field::RoomIds => "chatroom_id",
            Field::Password => "password",
            Field::Announcement => "announcement",
            Field::AttributeKey => "key",
            Field::AttributeValue => "value",
            Field::Attributes => "metaData",
            Field::MuteDuration => "mute_duration",
            Field::Message => "body",
            Field::Ext => "ext",
            Field::CustomEvent => "customEvent",
            Field::CustomExts => "customExts",
            Field::Sender => "from",
            Field::MessageIds => "msgs",
            Field::MuteSeconds => "chatroom",
        }
    }
}

/// A documented limit that a request breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invalid {
    Missing(Field),
    TooLong {
        field: Field,
        max: usize,
        actual: usize,
    },
    MaxUsersOutOfRange(u64),
    /// More members (not counting the owner) than `maxusers`.
    TooManyMembers {
        members: usize,
        maxusers: u64,
    },
    BadUsername {
        field: Field,
        username: String,
    },
    TooManyInOneCall {
        field: Field,
        max: usize,
        actual: usize,
    },
    NothingToChange,
    SameOwner(String),
    /// An attribute key with a character outside `[a-zA-Z0-9_.-]`.
    BadAttributeKey(String),
    /// A custom event with a character outside `[a-zA-Z0-9-_/.]`.
    BadCustomEvent(String),
    /// A mute's seconds outside -1 (for ever), 0 (lift) and 1 to 2147483647.
    SecondsOutOfRange(i64),
}

impl Invalid {
    /// One of every problem, with sample values, for tests that must cover them all.
    pub fn examples() -> Vec<Invalid> {
        vec![
            Invalid::Missing(Field::Name),
            Invalid::TooLong {
                field: Field::Name,
                max: 128,
                actual: 129,
            },
            Invalid::MaxUsersOutOfRange(0),
            Invalid::TooManyMembers {
                members: 3,
                maxusers: 2,
            },
            Invalid::BadUsername {
                field: Field::Members,
                username: "a b".into(),
            },
            Invalid::TooManyInOneCall {
                field: Field::Usernames,
                max: 60,
                actual: 61,
            },
            Invalid::NothingToChange,
            Invalid::SameOwner("u1".into()),
            Invalid::BadAttributeKey("a b".into()),
            Invalid::BadCustomEvent("a b".into()),
            Invalid::SecondsOutOfRange(-2),
        ]
    }

    /// The field the problem is in, so a form can show it next to that field.
    pub fn field(&self) -> Option<Field> {
        match self {
            Invalid::Missing(f)
            | Invalid::TooLong { field: f, .. }
            | Invalid::BadUsername { field: f, .. }
            | Invalid::TooManyInOneCall { field: f, .. } => Some(*f),
            Invalid::MaxUsersOutOfRange(_) => Some(Field::MaxUsers),
            Invalid::TooManyMembers { .. } => Some(Field::Members),
            Invalid::SameOwner(_) => Some(Field::NewOwner),
            Invalid::BadAttributeKey(_) => Some(Field::AttributeKey),
            Invalid::BadCustomEvent(_) => Some(Field::CustomEvent),
            Invalid::SecondsOutOfRange(_) => Some(Field::MuteSeconds),
            Invalid::NothingToChange => None,
        }
    }
}

/// Easemob usernames: 1 to 64 of `[a-zA-Z0-9_.-]`.
pub fn is_valid_username(u: &str) -> bool {
    !u.is_empty()
        && u.len() <= USERNAME_MAX_CHARS
        && u.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

pub fn check_username(field: Field, u: &str) -> Result<(), Invalid> {
    if u.is_empty() {
        return Err(Invalid::Missing(field));
    }
    if is_valid_username(u) {
        Ok(())
    } else {
        Err(Invalid::BadUsername {
            field,
            username: u.to_string(),
        })
    }
}

/// Attribute keys: 1 to 128 of `[a-zA-Z0-9_.-]`.
pub fn check_attribute_key(key: &str) -> Result<(), Invalid> {
    if key.is_empty() {
        return Err(Invalid::Missing(Field::AttributeKey));
    }
    check_length(Field::AttributeKey, key, ATTRIBUTE_KEY_MAX_CHARS)?;
    if key
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
    {
        Ok(())
    } else {
        Err(Invalid::BadAttributeKey(key.to_string()))
    }
}

/// Attributes to set: 1 to 10 in one call, each key and value within its limits.
pub fn check_attributes<'a>(
    attrs: impl ExactSizeIterator<Item = (&'a String, &'a String)>,
) -> Result<(), Invalid> {
    check_batch(Field::Attributes, attrs.len(), ATTRIBUTES_PER_CALL)?;
    for (k, v) in attrs {
        check_attribute_key(k)?;
        if v.is_empty() {
            return Err(Invalid::Missing(Field::AttributeValue));
        }
        check_length(Field::AttributeValue, v, ATTRIBUTE_VALUE_MAX_CHARS)?;
    }
    Ok(())
}

pub fn check_length(field: Field, value: &str, max: usize) -> Result<(), Invalid> {
    let actual = value.chars().count();
    if actual > max {
        Err(Invalid::TooLong { field, max, actual })
    } else {
        Ok(())
    }
}

pub fn check_maxusers(n: u64) -> Result<(), Invalid> {
    if (MAXUSERS_MIN..=MAXUSERS_MAX).contains(&n) {
        Ok(())
    } else {
        Err(Invalid::MaxUsersOutOfRange(n))
    }
}

pub fn check_batch(field: Field, actual: usize, max: usize) -> Result<(), Invalid> {
    if actual == 0 {
        Err(Invalid::Missing(field))
    } else if actual > max {
        Err(Invalid::TooManyInOneCall { field, max, actual })
    } else {
        Ok(())
    }
}

impl crate::wire::CreateChatroom {
    /// Every documented limit of a create, in the order a form shows its fields.
    pub fn validate(&self) -> Result<(), Invalid> {
        if self.name.trim().is_empty() {
            return Err(Invalid::Missing(Field::Name));
        }
        check_length(Field::Name, &self.name, NAME_MAX_CHARS)?;
        if self.description.is_empty() {
            return Err(Invalid::Missing(Field::Description));
        }
        check_length(Field::Description, &self.description, DESCRIPTION_MAX_CHARS)?;
        let maxusers = self.maxusers.unwrap_or(MAXUSERS_DEFAULT);
        check_maxusers(maxusers)?;
        check_username(Field::Owner, &self.owner)?;
        if let Some(members) = &self.members {
            if members.is_empty() {
                return Err(Invalid::Missing(Field::Members));
            }
            for m in members {
                check_username(Field::Members, m)?;
            }
            // Seed 004: the member list (which leaves out the owner) holds at most maxusers.
            let others = distinct_others(members, &self.owner);
            if others > maxusers as usize {
                return Err(Invalid::TooManyMembers {
                    members: others,
                    maxusers,
                });
            }
        }
        if let Some(custom) = &self.custom {
            check_length(Field::Custom, custom, CUSTOM_MAX_CHARS)?;
        }
        Ok(())
    }
}

/// How many distinct users other than the owner a member list names (usernames are
/// case-insensitive).
pub fn distinct_others(members: &[String], owner: &str) -> usize {
    let mut seen: Vec<String> = members
        .iter()
        .map(|m| m.to_ascii_lowercase())
        .filter(|m| !m.eq_ignore_ascii_case(owner))
        .collect();
    seen.sort();
    seen.dedup();
    seen.len()
}

impl crate::wire::ModifyChatroom {
    pub fn validate(&self) -> Result<(), Invalid> {
        if self.is_empty() {
            return Err(Invalid::NothingToChange);
        }
        if let Some(name) = &self.name {
            if name.trim().is_empty() {
                return Err(Invalid::Missing(Field::Name));
            }
            check_length(Field::Name, name, NAME_MAX_CHARS)?;
        }
        if let Some(d) = &self.description {
            check_length(Field::Description, d, DESCRIPTION_MAX_CHARS)?;
        }
        if let Some(n) = self.maxusers {
            check_maxusers(n)?;
        }
        Ok(())
    }
}

/// Splits pasted text into items: commas, spaces, semicolons and new lines all separate; blanks
/// and repeats are dropped, order is kept. Linear in the length of the text, so a paste of
/// 10,000 names is counted at once.
pub fn split_list(text: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace() || c == '，')
        .map(str::trim)
        .filter(|item| !item.is_empty() && seen.insert(*item))
        .map(str::to_string)
        .collect()
}

/// A custom message's event: 1 to 32 of `[a-zA-Z0-9-_/.]`.
pub fn check_custom_event(event: &str) -> Result<(), Invalid> {
    if event.is_empty() {
        return Err(Invalid::Missing(Field::CustomEvent));
    }
    check_length(Field::CustomEvent, event, CUSTOM_EVENT_MAX_CHARS)?;
    if event
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'/' | b'.'))
    {
        Ok(())
    } else {
        Err(Invalid::BadCustomEvent(event.to_string()))
    }
}

/// An app-wide mute's seconds: -1 (for ever), 0 (lift) or 1 to 2147483647.
pub fn check_mute_seconds(s: i64) -> Result<(), Invalid> {
    if (-1..=GLOBAL_MUTE_SECONDS_MAX).contains(&s) {
        Ok(())
    } else {
        Err(Invalid::SecondsOutOfRange(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::CreateChatroom;

    fn room() -> CreateChatroom {
        CreateChatroom {
            name: "n".into(),
            description: "d".into(),
            owner: "alice".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_room_within_every_limit_is_accepted() {
        let mut r = room();
        r.name = "x".repeat(128);
        r.description = "y".repeat(512);
        r.custom = Some("z".repeat(1024));
        r.maxusers = Some(10_000);
        r.members = Some(vec!["bob".into()]);
        assert_eq!(r.validate(), Ok(()));
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        let mut r = room();
        r.name = "聊".repeat(128);
        assert_eq!(r.validate(), Ok(()));
        r.name.push('天');
        assert_eq!(
            r.validate(),
            Err(Invalid::TooLong {
                field: Field::Name,
                max: 128,
                actual: 129
            })
        );
    }

    #[test]
    fn each_limit_names_its_field() {
        type Change = Box<dyn Fn(&mut CreateChatroom)>;
        let cases: Vec<(Change, Field)> = vec![
            (Box::new(|r| r.name.clear()), Field::Name),
            (
                Box::new(|r| r.description = "d".repeat(513)),
                Field::Description,
            ),
            (Box::new(|r| r.maxusers = Some(0)), Field::MaxUsers),
            (Box::new(|r| r.maxusers = Some(10_001)), Field::MaxUsers),
            (Box::new(|r| r.owner = "bad name".into()), Field::Owner),
            (Box::new(|r| r.members = Some(vec![])), Field::Members),
            (
                Box::new(|r| r.members = Some(vec!["ok".into(), "no/slash".into()])),
                Field::Members,
            ),
            (
                Box::new(|r| r.custom = Some("c".repeat(1025))),
                Field::Custom,
            ),
        ];
        for (change, field) in cases {
            let mut r = room();
            change(&mut r);
            assert_eq!(r.validate().unwrap_err().field(), Some(field), "{r:?}");
        }
    }

    #[test]
    fn the_member_list_may_hold_at_most_maxusers() {
        let mut r = room();
        r.maxusers = Some(3);
        r.members = Some(vec!["b".into(), "c".into(), "d".into()]);
        assert_eq!(r.validate(), Ok(()));
        r.members = Some(vec!["b".into(), "c".into(), "d".into(), "e".into()]);
        assert_eq!(
            r.validate(),
            Err(Invalid::TooManyMembers {
                members: 4,
                maxusers: 3
            })
        );
        // The owner named again among the members, and repeats, do not count.
        r.members = Some(vec![
            "b".into(),
            "B".into(),
            "alice".into(),
            "c".into(),
            "d".into(),
        ]);
        assert_eq!(r.validate(), Ok(()));
    }

    #[test]
    fn usernames_follow_easemob_rules() {
        assert!(is_valid_username("user_1.a-b"));
        assert!(is_valid_username(&"a".repeat(64)));
        assert!(!is_valid_username(&"a".repeat(65)));
        assert!(!is_valid_username(""));
        assert!(!is_valid_username("用户"));
        assert!(!is_valid_username("a b"));
    }

    #[test]
    fn an_edit_must_change_something_valid() {
        use crate::wire::ModifyChatroom;
        assert_eq!(
            ModifyChatroom::default().validate(),
            Err(Invalid::NothingToChange)
        );
        let m = ModifyChatroom {
            maxusers: Some(0),
            ..Default::default()
        };
        assert_eq!(m.validate(), Err(Invalid::MaxUsersOutOfRange(0)));
    }

    #[test]
    fn ten_thousand_pasted_names_split_in_one_pass() {
        let text: String = (0..10_000).map(|i| format!("user_{i}\n")).collect();
        let list = split_list(&(text.clone() + &text));
        assert_eq!(list.len(), 10_000);
        assert_eq!(list[9_999], "user_9999");
    }

    #[test]
    fn pasted_lists_split_on_any_separator() {
        assert_eq!(
            split_list(" a, b\nc;d  e,,a\r\n"),
            vec!["a", "b", "c", "d", "e"]
        );
        assert!(split_list(" \n ,").is_empty());
    }
}
