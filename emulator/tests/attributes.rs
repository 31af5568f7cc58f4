//! A room's custom attributes (`/metadata/chatroom/{id}`): read, set and delete, plain and
//! forced; the limits of a call and of a room; attributes that go when their user leaves.

mod common;

use common::*;
use easemob_api::wire::*;
use easemob_api::*;
use pollster::block_on;
use std::collections::BTreeMap;

const UNKNOWN_ROOM: &str = "6621186077491";

fn attrs(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn all(emu: &Emu, id: &str) -> BTreeMap<String, String> {
    emu.ok(&GetAttributes {
        id: id.into(),
        keys: vec![],
    })
}

fn set(id: &str, user: &str, pairs: &[(&str, &str)]) -> SetAttributes {
    SetAttributes {
        id: id.into(),
        user: user.into(),
        attributes: attrs(pairs),
        auto_delete: false,
        forced: false,
    }
}

fn forced(mut s: SetAttributes) -> SetAttributes {
    s.forced = true;
    s
}

fn delete(id: &str, user: &str, keys: &[&str]) -> DeleteAttributes {
    DeleteAttributes {
        id: id.into(),
        user: user.into(),
        keys: strings(keys),
        forced: false,
    }
}

fn changed(keys: &[&str]) -> AttributesChanged {
    AttributesChanged {
        success_keys: strings(keys),
        error_keys: BTreeMap::new(),
    }
}

/// A room "Lobby" of u000 (owner), u001 and u002; u003 is registered but not in it.
fn lobby() -> (Emu, String) {
    let emu = clean();
    emu.register(&names("u", 4));
    let id = emu.room("Lobby", "u000", &["u001", "u002"]);
    (emu, id)
}

/// The keys of a slim metadata envelope, whatever their values.
#[track_caller]
fn envelope_keys(resp: &HttpResponse) -> (Vec<String>, serde_json::Value) {
    assert_eq!(resp.status, 200, "{}", resp.body);
    let v: serde_json::Value = serde_json::from_str(&resp.body).unwrap();
    let obj = v.as_object().expect("an object");
    let mut keys: Vec<String> = obj.keys().cloned().collect();
    keys.sort();
    (keys, obj["data"].clone())
}

// ---------------------------------------------------------------- POST /metadata/chatroom/{id}

#[test]
fn a_new_room_has_no_attributes() {
    let (emu, id) = lobby();
    assert!(all(&emu, &id).is_empty());
}

#[test]
fn attributes_are_read_all_at_once_or_by_key() {
    let (emu, id) = lobby();
    emu.ok(&set(&id, "u001", &[("color", "blue"), ("size", "L")]));
    emu.ok(&set(&id, "u002", &[("topic", "rust")]));
    assert_eq!(
        all(&emu, &id),
        attrs(&[("color", "blue"), ("size", "L"), ("topic", "rust")])
    );
    let some = emu.ok(&GetAttributes {
        id: id.clone(),
        keys: strings(&["topic", "color", "missing"]),
    });
    assert_eq!(some, attrs(&[("color", "blue"), ("topic", "rust")]));
}

#[test]
fn a_read_answers_with_the_slim_envelope() {
    let (emu, id) = lobby();
    emu.ok(&set(&id, "u001", &[("color", "blue"), ("size", "L")]));
    let path = format!("/metadata/chatroom/{id}");
    // No body: every attribute.
    let (keys, data) = envelope_keys(&emu.raw(Method::Post, &path, None));
    assert_eq!(keys, ["action", "data", "timestamp", "uri"]);
    assert_eq!(data, serde_json::json!({"color": "blue", "size": "L"}));
    let resp = emu.raw(Method::Post, &path, Some(r#"{"keys":["size"]}"#));
    let env = envelope(&resp);
    assert_eq!(env.action.as_deref(), Some("post"));
    assert_eq!(env.application, None);
    assert_eq!(env.data, Some(serde_json::json!({"size": "L"})));
}

#[test]
fn the_attributes_of_an_unknown_room_are_not_found() {
    let emu = demo();
    let err = emu
        .call(&GetAttributes {
            id: UNKNOWN_ROOM.into(),
            keys: vec![],
        })
        .unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::RoomNotFound {
            id: UNKNOWN_ROOM.into()
        })
    );
    assert_api_error(
        Err::<(), _>(err),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
}

// ---------------------------------------------------------------- PUT /metadata/chatroom/{id}/user/{u}

#[test]
fn setting_attributes_reports_the_keys_set() {
    let (emu, id) = lobby();
    let r = emu.ok(&set(&id, "u001", &[("color", "blue"), ("size", "L")]));
    assert_eq!(r, changed(&["color", "size"]));
    // A member changes their own.
    let r = emu.ok(&set(&id, "U001", &[("color", "red")]));
    assert_eq!(r, changed(&["color"]));
    assert_eq!(all(&emu, &id), attrs(&[("color", "red"), ("size", "L")]));
}

#[test]
fn a_set_answers_with_the_slim_envelope() {
    let (emu, id) = lobby();
    let resp = emu.raw(
        Method::Put,
        &format!("/metadata/chatroom/{id}/user/u001"),
        Some(r#"{"metaData":{"color":"blue"},"autoDelete":"NO_DELETE"}"#),
    );
    let (keys, data) = envelope_keys(&resp);
    assert_eq!(keys, ["action", "data", "timestamp", "uri"]);
    assert_eq!(
        data,
        serde_json::json!({"successKeys": ["color"], "errorKeys": {}})
    );
    let env = envelope(&resp);
    assert_eq!(env.action.as_deref(), Some("put"));
    assert!(env
        .uri
        .unwrap()
        .ends_with(&format!("/metadata/chatroom/{id}/user/u001")));
    assert_eq!(all(&emu, &id), attrs(&[("color", "blue")]));
}

#[test]
fn a_plain_set_of_a_key_another_member_set_is_refused_and_sets_nothing() {
    let (emu, id) = lobby();
    emu.ok(&set(&id, "u001", &[("color", "blue")]));
    let err = emu
        .call(&set(&id, "u002", &[("color", "red"), ("size", "S")]))
        .unwrap_err();
    assert_eq!(err.refusal(), Some(&Refusal::AttributesOfOthers));
    assert_api_error(
        Err::<(), _>(err),
        400,
        "invalid_parameter",
        "others are not allowed to be set",
    );
    assert_eq!(all(&emu, &id), attrs(&[("color", "blue")]));
}

#[test]
fn a_forced_set_overrides_another_members_key_and_takes_it_over() {
    let (emu, id) = lobby();
    emu.ok(&set(&id, "u001", &[("color", "blue")]));
    let r = emu.ok(&forced(set(
        &id,
        "u002",
        &[("color", "red"), ("size", "S")],
    )));
    assert_eq!(r, changed(&["color", "size"]));
    assert_eq!(all(&emu, &id), attrs(&[("color", "red"), ("size", "S")]));
    // The key is u002's now: u001's plain set is the one refused.
    assert_eq!(
        emu.call(&set(&id, "u001", &[("color", "green")]))
            .unwrap_err()
            .refusal(),
        Some(&Refusal::AttributesOfOthers)
    );
    emu.ok(&set(&id, "u002", &[("color", "green")]));
    assert_eq!(all(&emu, &id)["color"], "green");
}

#[test]
fn a_forced_set_goes_to_its_own_path() {
    let (emu, id) = lobby();
    emu.ok(&set(&id, "u001", &[("color", "blue")]));
    let resp = emu.raw(
        Method::Put,
        &format!("/metadata/chatroom/{id}/user/u002/forced"),
        Some(r#"{"metaData":{"color":"red"}}"#),
    );
    assert_eq!(
        envelope(&resp).data,
        Some(serde_json::json!({"successKeys": ["color"], "errorKeys": {}}))
    );
    assert_eq!(all(&emu, &id), attrs(&[("color", "red")]));
}

#[test]
fn setting_attributes_as_a_user_not_in_the_room_is_refused_and_is_no_token_problem() {
    let (emu, id) = lobby();
    // A client that could renew its token, and would, if it took this 401 for a token problem.
    let t = Recording::default();
    let c = Client::with_credentials(emu.conn.clone(), credentials(), t.clone());
    let err = block_on(c.send(&set(&id, "u003", &[("color", "blue")]))).unwrap_err();
    assert_eq!(err.refusal(), Some(&Refusal::AttributeUserNotInRoom));
    assert!(!err.is_unauthorized());
    assert_eq!(
        t.paths(&emu.base),
        vec![format!("PUT /metadata/chatroom/{id}/user/u003")],
        "sent once, no new token asked for"
    );
    assert_api_error(
        Err::<(), _>(err),
        401,
        "unauthorized",
        "user is not in chatroom",
    );
    // Forced or not, and for a user nobody registered.
    for s in [
        forced(set(&id, "u003", &[("color", "blue")])),
        set(&id, "ghost", &[("color", "blue")]),
    ] {
        assert_eq!(
            emu.call(&s).unwrap_err().refusal(),
            Some(&Refusal::AttributeUserNotInRoom)
        );
    }
    // A plain delete too.
    assert_eq!(
        emu.call(&delete(&id, "u003", &["color"]))
            .unwrap_err()
            .refusal(),
        Some(&Refusal::AttributeUserNotInRoom)
    );
    assert!(all(&emu, &id).is_empty());
}

#[test]
fn setting_attributes_in_an_unknown_room_is_refused() {
    let emu = demo();
    assert_api_error(
        emu.call(&set(UNKNOWN_ROOM, "alice", &[("color", "blue")])),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
    assert_api_error(
        emu.call(&delete(UNKNOWN_ROOM, "alice", &["color"])),
        404,
        "resource_not_found",
        "grpID 6621186077491 does not exist!",
    );
}

#[test]
fn a_set_without_attributes_or_with_a_bad_auto_delete_is_refused() {
    // [I] undocumented wordings.
    let (emu, id) = lobby();
    assert_eq!(
        emu.call(&set(&id, "u001", &[])).unwrap_err().kind,
        ErrorKind::Invalid(Invalid::Missing(Field::Attributes))
    );
    let path = format!("/metadata/chatroom/{id}/user/u001");
    let resp = emu.raw(Method::Put, &path, Some(r#"{"metaData":{}}"#));
    assert_raw_error(&resp, 400, "invalid_parameter", "metaData must be provided");
    let resp = emu.raw(
        Method::Put,
        &path,
        Some(r#"{"metaData":{"a":"1"},"autoDelete":"SOMETIMES"}"#),
    );
    assert_raw_error(
        &resp,
        400,
        "invalid_parameter",
        "autoDelete SOMETIMES is not valid",
    );
    assert!(all(&emu, &id).is_empty());
}

// ---------------------------------------------------------------- limits

fn eleven_keys() -> Vec<String> {
    (0..11).map(|i| format!("k{i:02}")).collect()
}

#[test]
fn more_than_10_keys_in_one_call_are_refused_by_the_client() {
    let (emu, id) = lobby();
    let too_many = ErrorKind::Invalid(Invalid::TooManyInOneCall {
        field: Field::Attributes,
        max: 10,
        actual: 11,
    });
    let keys = eleven_keys();
    let set11 = SetAttributes {
        id: id.clone(),
        user: "u001".into(),
        attributes: keys.iter().map(|k| (k.clone(), "v".to_string())).collect(),
        ..Default::default()
    };
    assert_eq!(emu.call(&set11).unwrap_err().kind, too_many);
    let get11 = GetAttributes {
        id: id.clone(),
        keys: keys.clone(),
    };
    assert_eq!(emu.call(&get11).unwrap_err().kind, too_many);
    let delete11 = DeleteAttributes {
        id: id.clone(),
        user: "u001".into(),
        keys: keys.clone(),
        forced: false,
    };
    assert_eq!(emu.call(&delete11).unwrap_err().kind, too_many);
    // Ten are fine.
    let ten = SetAttributes {
        attributes: keys[..10]
            .iter()
            .map(|k| (k.clone(), "v".to_string()))
            .collect(),
        ..set11
    };
    assert_eq!(emu.ok(&ten).success_keys.len(), 10);
    assert_eq!(all(&emu, &id).len(), 10);
}

#[test]
fn more_than_10_keys_in_one_call_are_refused_by_the_server() {
    let (emu, id) = lobby();
    emu.ok(&set(&id, "u001", &[("k00", "kept")]));
    let keys = eleven_keys();
    let meta: BTreeMap<String, String> =
        keys.iter().map(|k| (k.clone(), "v".to_string())).collect();
    let set_body = serde_json::to_string(&SetAttributesBody {
        meta_data: meta,
        auto_delete: Some(NO_AUTO_DELETE.into()),
    })
    .unwrap();
    let keys_body = serde_json::to_string(&AttributeKeysBody { keys: Some(keys) }).unwrap();
    for (method, path, body) in [
        (
            Method::Put,
            format!("/metadata/chatroom/{id}/user/u001"),
            &set_body,
        ),
        (Method::Post, format!("/metadata/chatroom/{id}"), &keys_body),
        (
            Method::Delete,
            format!("/metadata/chatroom/{id}/user/u001"),
            &keys_body,
        ),
    ] {
        let resp = emu.raw(method, &path, Some(body));
        assert_raw_error(
            &resp,
            400,
            "invalid_parameter",
            "exceed allowed batch size 10",
        );
        assert_eq!(
            ApiError::from_response(resp.status, &resp.body).refusal(),
            Some(&Refusal::AttributeBatchTooLarge { max: 10 }),
            "{method} {path}"
        );
    }
    assert_eq!(all(&emu, &id), attrs(&[("k00", "kept")]));
}

#[test]
fn a_key_of_128_characters_and_a_value_of_4096_are_set() {
    let (emu, id) = lobby();
    let key = "k".repeat(128);
    let value = "é".repeat(4096);
    let r = emu.ok(&set(&id, "u001", &[(&key, &value)]));
    assert_eq!(r, changed(&[&key]));
    assert_eq!(all(&emu, &id)[&key], value);
}

#[test]
fn a_key_or_value_too_long_is_refused_by_the_client() {
    let (emu, id) = lobby();
    let long_key = "k".repeat(129);
    assert_eq!(
        emu.call(&set(&id, "u001", &[(&long_key, "v")]))
            .unwrap_err()
            .kind,
        ErrorKind::Invalid(Invalid::TooLong {
            field: Field::AttributeKey,
            max: 128,
            actual: 129,
        })
    );
    let long_value = "v".repeat(4097);
    assert_eq!(
        emu.call(&set(&id, "u001", &[("k", &long_value)]))
            .unwrap_err()
            .kind,
        ErrorKind::Invalid(Invalid::TooLong {
            field: Field::AttributeValue,
            max: 4096,
            actual: 4097,
        })
    );
    assert_eq!(
        emu.call(&set(&id, "u001", &[("a b", "v")]))
            .unwrap_err()
            .kind,
        ErrorKind::Invalid(Invalid::BadAttributeKey("a b".into()))
    );
    assert!(all(&emu, &id).is_empty());
}

#[test]
fn a_key_or_value_too_long_is_reported_by_the_server_and_the_rest_are_set() {
    let (emu, id) = lobby();
    let long_key = "k".repeat(129);
    let long_value = "v".repeat(4097);
    let body = serde_json::json!({
        "metaData": {
            long_key.clone(): "v",
            "long": long_value,
            "a b": "v",
            "fine": "yes",
        },
        "autoDelete": "NO_DELETE",
    })
    .to_string();
    let resp = emu.raw(
        Method::Put,
        &format!("/metadata/chatroom/{id}/user/u001"),
        Some(&body),
    );
    let done: AttributesChanged = serde_json::from_value(envelope(&resp).data.unwrap()).unwrap();
    assert_eq!(done.success_keys, strings(&["fine"]));
    let reasons: BTreeMap<&str, KeyReason> = done
        .error_keys
        .iter()
        .map(|(k, text)| (k.as_str(), KeyReason::parse(k, text)))
        .collect();
    assert_eq!(
        reasons,
        BTreeMap::from([
            (long_key.as_str(), KeyReason::KeyTooLong { max: 128 }),
            ("long", KeyReason::ValueTooLong { max: 4096 }),
            ("a b", KeyReason::KeyNotLegal),
        ])
    );
    assert_eq!(
        done.error_keys[&long_key],
        format!("properties key '{long_key}' is exceeding maximum limit 128"),
        "the documented wording"
    );
    assert_eq!(all(&emu, &id), attrs(&[("fine", "yes")]));
}

#[test]
fn a_room_holds_at_most_100_attributes() {
    let (emu, id) = lobby();
    for call in 0..10 {
        let attributes = (0..10)
            .map(|i| (format!("k{:03}", call * 10 + i), "v".to_string()))
            .collect();
        let r = emu.ok(&SetAttributes {
            id: id.clone(),
            user: "u001".into(),
            attributes,
            ..Default::default()
        });
        assert_eq!(r.success_keys.len(), 10);
    }
    assert_eq!(all(&emu, &id).len(), 100);
    // A new key is refused; a key the room has can still change.
    let r = emu.ok(&set(&id, "u001", &[("k000", "changed"), ("one_more", "v")]));
    assert_eq!(r.success_keys, strings(&["k000"]));
    assert_eq!(
        KeyReason::parse("one_more", &r.error_keys["one_more"]),
        KeyReason::RoomFull { max: 100 }
    );
    let now = all(&emu, &id);
    assert_eq!(now.len(), 100);
    assert_eq!(now["k000"], "changed");
    assert!(!now.contains_key("one_more"));
    // One deleted makes room for one.
    emu.ok(&delete(&id, "u001", &["k050"]));
    assert_eq!(
        emu.ok(&set(&id, "u001", &[("one_more", "v")])),
        changed(&["one_more"])
    );
    assert_eq!(all(&emu, &id).len(), 100);
}

// ---------------------------------------------------------------- DELETE /metadata/chatroom/{id}/user/{u}

#[test]
fn a_member_deletes_their_own_attributes() {
    let (emu, id) = lobby();
    emu.ok(&set(&id, "u001", &[("color", "blue"), ("size", "L")]));
    let r = emu.ok(&delete(&id, "u001", &["color"]));
    assert_eq!(r, changed(&["color"]));
    assert_eq!(all(&emu, &id), attrs(&[("size", "L")]));
    let resp = emu.raw(
        Method::Delete,
        &format!("/metadata/chatroom/{id}/user/u001"),
        Some(r#"{"keys":["size"]}"#),
    );
    let (keys, data) = envelope_keys(&resp);
    assert_eq!(keys, ["action", "data", "timestamp", "uri"]);
    assert_eq!(
        data,
        serde_json::json!({"successKeys": ["size"], "errorKeys": {}})
    );
    assert_eq!(envelope(&resp).action.as_deref(), Some("delete"));
    assert!(all(&emu, &id).is_empty());
}

#[test]
fn a_delete_reports_keys_not_set_and_keys_of_others() {
    let (emu, id) = lobby();
    emu.ok(&set(&id, "u001", &[("mine", "1")]));
    emu.ok(&set(&id, "u002", &[("theirs", "2")]));
    let r = emu.ok(&delete(&id, "u001", &["mine", "theirs", "nothing"]));
    assert_eq!(r.success_keys, strings(&["mine"]));
    let reasons: BTreeMap<&str, KeyReason> = r
        .error_keys
        .iter()
        .map(|(k, text)| (k.as_str(), KeyReason::parse(k, text)))
        .collect();
    assert_eq!(
        reasons,
        BTreeMap::from([
            ("theirs", KeyReason::OwnedByOther),
            ("nothing", KeyReason::NotSet),
        ])
    );
    assert_eq!(all(&emu, &id), attrs(&[("theirs", "2")]));
}

#[test]
fn a_forced_delete_removes_anyones_attributes() {
    let (emu, id) = lobby();
    emu.ok(&set(&id, "u001", &[("a", "1")]));
    emu.ok(&set(&id, "u002", &[("b", "2")]));
    let r = emu.ok(&DeleteAttributes {
        id: id.clone(),
        user: "u000".into(),
        keys: strings(&["a", "b"]),
        forced: true,
    });
    assert_eq!(r, changed(&["a", "b"]));
    assert!(all(&emu, &id).is_empty());
}

#[test]
fn a_delete_without_keys_is_refused() {
    // [I] undocumented wording.
    let (emu, id) = lobby();
    emu.ok(&set(&id, "u001", &[("a", "1")]));
    assert_eq!(
        emu.call(&delete(&id, "u001", &[])).unwrap_err().kind,
        ErrorKind::Invalid(Invalid::Missing(Field::Attributes))
    );
    let resp = emu.raw(
        Method::Delete,
        &format!("/metadata/chatroom/{id}/user/u001"),
        Some(r#"{"keys":[]}"#),
    );
    assert_raw_error(&resp, 400, "invalid_parameter", "keys must be provided");
    assert_eq!(all(&emu, &id), attrs(&[("a", "1")]));
}

// ---------------------------------------------------------------- autoDelete

#[test]
fn auto_delete_attributes_go_when_their_user_leaves_and_the_others_stay() {
    let (emu, id) = lobby();
    emu.ok(&AddMember {
        id: id.clone(),
        username: "u003".into(),
    });
    let with_auto = |user: &str, pairs: &[(&str, &str)], auto_delete: bool| SetAttributes {
        auto_delete,
        ..set(&id, user, pairs)
    };
    emu.ok(&with_auto("u001", &[("a1", "auto")], true));
    emu.ok(&with_auto("u001", &[("k1", "kept")], false));
    emu.ok(&with_auto("u002", &[("k2", "kept")], false));
    emu.ok(&with_auto("u003", &[("a3", "auto")], true));
    emu.ok(&with_auto("u000", &[("a0", "auto")], true));
    assert_eq!(all(&emu, &id).len(), 5);
    for u in ["u001", "u002"] {
        emu.ok(&RemoveMember {
            id: id.clone(),
            username: u.into(),
        });
    }
    assert_eq!(
        all(&emu, &id),
        attrs(&[
            ("a0", "auto"),
            ("a3", "auto"),
            ("k1", "kept"),
            ("k2", "kept")
        ])
    );
    // Being blocked is leaving too.
    emu.ok(&AddToRoomList {
        id: id.clone(),
        list: RoomList::Block,
        usernames: strings(&["u003"]),
    });
    assert_eq!(
        all(&emu, &id),
        attrs(&[("a0", "auto"), ("k1", "kept"), ("k2", "kept")])
    );
}

#[test]
fn auto_delete_is_sent_as_delete_or_no_delete() {
    // The body the typed call sends, read back by the server.
    let (emu, id) = lobby();
    let req = SetAttributes {
        auto_delete: true,
        ..set(&id, "u001", &[("a", "1")])
    }
    .to_request(&emu.conn)
    .unwrap();
    let body: SetAttributesBody = serde_json::from_str(req.body.as_deref().unwrap()).unwrap();
    assert_eq!(body.auto_delete.as_deref(), Some(AUTO_DELETE));
    let req = set(&id, "u001", &[("a", "1")])
        .to_request(&emu.conn)
        .unwrap();
    let body: SetAttributesBody = serde_json::from_str(req.body.as_deref().unwrap()).unwrap();
    assert_eq!(body.auto_delete.as_deref(), Some(NO_AUTO_DELETE));
    // Without autoDelete the attribute stays.
    let resp = emu.raw(
        Method::Put,
        &format!("/metadata/chatroom/{id}/user/u001"),
        Some(r#"{"metaData":{"plain":"1"}}"#),
    );
    assert_eq!(resp.status, 200, "{}", resp.body);
    emu.ok(&RemoveMember {
        id: id.clone(),
        username: "u001".into(),
    });
    assert_eq!(all(&emu, &id), attrs(&[("plain", "1")]));
}
