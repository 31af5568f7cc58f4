//! The pure part of the dialogs: turning what was typed into a request (with the API crate's
//! limits checked before anything is sent), and pointing a server error at the field it is
//! about. Tested natively.

use easemob_api::limits::{check_username, split_list, Field, Invalid, MAXUSERS_DEFAULT};
use easemob_api::wire::{ChatroomDetail, CreateChatroom, ModifiedChatroom, ModifyChatroom};
use easemob_api::{ApiError, ErrorKind, Refusal};

/// A problem to show next to one field (or above the form when `field` is `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Option<Field>,
    pub message: String,
}

impl From<Invalid> for FieldError {
    fn from(i: Invalid) -> FieldError {
        FieldError {
            field: i.field(),
            message: crate::i18n::t().invalid(&i),
        }
    }
}

impl FieldError {
    pub fn from_api(e: &ApiError, owner: &str) -> FieldError {
        match &e.kind {
            // A limit broken before sending reads as it does before a server is involved.
            ErrorKind::Invalid(i) => i.clone().into(),
            _ => FieldError {
                field: field_for_server_error(e, owner),
                message: crate::components::error::describe(e).one_line(),
            },
        }
    }
}

fn parse_maxusers(text: &str) -> Result<Option<u64>, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<u64>().map(Some).map_err(|_| FieldError {
        field: Some(Field::MaxUsers),
        message: crate::i18n::t().maxusers_not_a_number.to_string(),
    })
}

/// The create form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateDraft {
    pub name: String,
    pub description: String,
    pub maxusers: String,
    pub owner: String,
    pub members: String,
    pub custom: String,
}

impl CreateDraft {
    pub fn members(&self) -> Vec<String> {
        split_list(&self.members)
    }

    pub fn build(&self) -> Result<CreateChatroom, FieldError> {
        let members = self.members();
        let req = CreateChatroom {
            name: self.name.trim().to_string(),
            description: self.description.trim().to_string(),
            maxusers: Some(parse_maxusers(&self.maxusers)?.unwrap_or(MAXUSERS_DEFAULT)),
            owner: self.owner.trim().to_string(),
            members: (!members.is_empty()).then_some(members),
            custom: (!self.custom.is_empty()).then(|| self.custom.clone()),
        };
        req.validate()?;
        Ok(req)
    }
}

/// Which field a server refusal is about.
pub fn field_for_server_error(e: &ApiError, owner: &str) -> Option<Field> {
    Some(match e.refusal()? {
        Refusal::UserNotFound { username } => {
            if username.eq_ignore_ascii_case(owner.trim()) {
                Field::Owner
            } else {
                Field::Members
            }
        }
        Refusal::TooLong { field, .. } => *field,
        Refusal::TooManyMembers | Refusal::UserJoinedTooMany { .. } => Field::Members,
        Refusal::MaxUsersTooLarge { .. }
        | Refusal::MaxUsersTooSmall
        | Refusal::MaxUsersBelowMembers => Field::MaxUsers,
        Refusal::SameOwner | Refusal::NotInRoom { .. } => Field::NewOwner,
        Refusal::MustBeProvided { field } => match field.as_str() {
            "name" => Field::Name,
            "description" => Field::Description,
            "owner" => Field::Owner,
            "maxusers" => Field::MaxUsers,
            "newowner" => Field::NewOwner,
            _ => return None,
        },
        _ => return None,
    })
}

/// Only what changed, so an edit never rewrites a field nobody touched.
pub fn edit_changes(
    room: &ChatroomDetail,
    name: &str,
    description: &str,
    maxusers: &str,
) -> Result<ModifyChatroom, FieldError> {
    let maxusers = parse_maxusers(maxusers)?;
    let changes = ModifyChatroom {
        name: (name.trim() != room.name).then(|| name.trim().to_string()),
        description: (description.trim() != room.description)
            .then(|| description.trim().to_string()),
        maxusers: maxusers.filter(|m| *m != room.maxusers),
    };
    changes.validate()?;
    Ok(changes)
}

/// The fields the server says it changed, by their names on the form.
pub fn changed_fields(m: &ModifiedChatroom) -> Vec<&'static str> {
    let mut out = Vec::new();
    if m.groupname == Some(true) {
        out.push(crate::i18n::t().field_name);
    }
    if m.description == Some(true) {
        out.push(crate::i18n::t().field_description);
    }
    if m.maxusers == Some(true) {
        out.push(crate::i18n::t().field_maxusers);
    }
    out
}

/// The new owner typed or picked: a valid username that is not the current owner.
pub fn check_new_owner(typed: &str, current: &str) -> Result<String, FieldError> {
    let u = typed.trim();
    check_username(Field::NewOwner, u)?;
    if u.eq_ignore_ascii_case(current) {
        return Err(Invalid::SameOwner(u.to_string()).into());
    }
    Ok(u.to_string())
}

/// Dissolving needs the id or the exact name typed back.
pub fn dissolve_confirmed(typed: &str, room: &ChatroomDetail) -> bool {
    let t = typed.trim();
    !t.is_empty() && (t == room.id || t == room.name)
}

/// A pasted list of usernames, each checked; nothing is sent when one is malformed.
pub fn usernames(text: &str) -> Result<Vec<String>, FieldError> {
    let list = split_list(text);
    if list.is_empty() {
        return Err(Invalid::Missing(Field::Usernames).into());
    }
    for u in &list {
        check_username(Field::Usernames, u)?;
    }
    Ok(list)
}

/// Pasted usernames for a call that takes at most 60 (mute, block, allow).
pub fn moderated_users(text: &str) -> Result<Vec<String>, FieldError> {
    let names = usernames(text)?;
    easemob_api::limits::check_batch(
        Field::Usernames,
        names.len(),
        easemob_api::limits::MODERATE_USERS_MAX,
    )?;
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use easemob_api::ErrorBody;

    fn room() -> ChatroomDetail {
        serde_json::from_str(
            r#"{"id":"42","name":"Lobby","description":"d","maxusers":200,"owner":"alice"}"#,
        )
        .unwrap()
    }

    fn server(status: u16, error: &str, d: &str) -> ApiError {
        let body = ErrorBody {
            error: error.into(),
            timestamp: None,
            duration: None,
            exception: None,
            error_description: Some(d.into()),
        };
        ApiError::from_response(status, &serde_json::to_string(&body).unwrap())
    }

    #[test]
    fn a_create_with_an_empty_name_is_caught_before_sending() {
        let d = CreateDraft {
            description: "d".into(),
            owner: "alice".into(),
            ..Default::default()
        };
        assert_eq!(d.build().unwrap_err().field, Some(Field::Name));
    }

    #[test]
    fn maxusers_defaults_to_1000_and_must_be_a_number() {
        let mut d = CreateDraft {
            name: "n".into(),
            description: "d".into(),
            owner: "alice".into(),
            ..Default::default()
        };
        assert_eq!(d.build().unwrap().maxusers, Some(1000));
        d.maxusers = "lots".into();
        assert_eq!(d.build().unwrap_err().field, Some(Field::MaxUsers));
    }

    #[test]
    fn pasted_members_become_a_list_and_too_many_are_caught() {
        let d = CreateDraft {
            name: "n".into(),
            description: "d".into(),
            owner: "alice".into(),
            maxusers: "2".into(),
            members: "bob, carol\ndave".into(),
            ..Default::default()
        };
        assert_eq!(d.members(), ["bob", "carol", "dave"]);
        assert_eq!(d.build().unwrap_err().field, Some(Field::Members));
    }

    #[test]
    fn an_unknown_user_is_shown_at_the_owner_or_the_members_field() {
        let e = server(404, "resource_not_found", "username zed doesn't exist!");
        assert_eq!(field_for_server_error(&e, "zed"), Some(Field::Owner));
        assert_eq!(field_for_server_error(&e, "alice"), Some(Field::Members));
        let e = server(
            403,
            "forbidden_op",
            "current user count is larger than the maxUsers that you want to update !",
        );
        assert_eq!(field_for_server_error(&e, "alice"), Some(Field::MaxUsers));
        assert_eq!(field_for_server_error(&ApiError::network("x"), "a"), None);
    }

    #[test]
    fn an_edit_sends_only_what_changed() {
        let c = edit_changes(&room(), "Lobby", "new words", "200").unwrap();
        assert_eq!(
            c,
            ModifyChatroom {
                description: Some("new words".into()),
                ..Default::default()
            }
        );
        assert_eq!(
            edit_changes(&room(), "Lobby", "d", "").unwrap_err().message,
            "nothing to change"
        );
        assert_eq!(
            edit_changes(&room(), "Lobby", "d", "0").unwrap_err().field,
            Some(Field::MaxUsers)
        );
    }

    #[test]
    fn the_current_owner_cannot_be_the_new_owner() {
        assert_eq!(check_new_owner(" bob ", "alice"), Ok("bob".into()));
        assert_eq!(
            check_new_owner("ALICE", "alice").unwrap_err().field,
            Some(Field::NewOwner)
        );
        assert!(check_new_owner("", "alice").is_err());
    }

    #[test]
    fn dissolving_needs_the_id_or_the_name_typed_back() {
        assert!(dissolve_confirmed("42", &room()));
        assert!(dissolve_confirmed(" Lobby ", &room()));
        assert!(!dissolve_confirmed("lobby", &room()));
        assert!(!dissolve_confirmed("", &room()));
    }

    #[test]
    fn a_malformed_username_in_a_pasted_list_stops_the_whole_batch() {
        assert_eq!(usernames("a b,c").unwrap(), ["a", "b", "c"]);
        assert!(usernames("ok no/slash").is_err());
        assert!(usernames("  ").is_err());
    }

    #[test]
    fn users_to_moderate_are_at_most_60() {
        let sixty: Vec<String> = (0..60).map(|i| format!("u{i}")).collect();
        assert_eq!(moderated_users(&sixty.join(" ")).unwrap(), sixty);
        let err = moderated_users(&format!("{} u60", sixty.join(" "))).unwrap_err();
        assert_eq!(err.field, Some(Field::Usernames));
        assert!(moderated_users("alice bad!name").is_err());
    }
}
