//! The app's super admins: list page by page, add, remove; the refusals of each, and a repeat
//! after a lost answer.

mod common;

use common::*;
use easemob_api::wire::*;
use easemob_api::*;
use pollster::block_on;

fn list(emu: &Emu, pagenum: Option<u32>, pagesize: Option<u32>) -> Vec<String> {
    emu.ok(&ListSuperAdmins { pagenum, pagesize })
}

fn add(username: &str) -> AddSuperAdmin {
    AddSuperAdmin {
        username: username.into(),
    }
}

fn remove(username: &str) -> RemoveSuperAdmin {
    RemoveSuperAdmin {
        username: username.into(),
    }
}

/// An app of `n` users, `u000`…, every one a super admin, added in order.
fn app_of_super_admins(n: usize) -> (Emu, Vec<String>) {
    let emu = clean();
    let users = names("u", n);
    emu.register(&users);
    for u in &users {
        emu.ok(&add(u));
    }
    (emu, users)
}

// ---------------------------------------------------------------- GET /chatrooms/super_admin

#[test]
fn a_new_app_has_no_super_admins() {
    let emu = clean();
    assert!(list(&emu, None, None).is_empty());
    let env = envelope(&emu.raw(Method::Get, "/chatrooms/super_admin", None));
    assert_eq!(env.action.as_deref(), Some("get"));
    assert_eq!(env.data, Some(serde_json::json!([])));
    assert_eq!(env.count, Some(0));
}

#[test]
fn super_admins_come_10_a_page_unless_asked_in_the_order_added() {
    let (emu, users) = app_of_super_admins(12);
    assert_eq!(list(&emu, None, None), users[..10].to_vec());
    assert_eq!(list(&emu, Some(1), None), users[..10].to_vec());
    assert_eq!(list(&emu, Some(2), None), users[10..].to_vec());
    assert!(list(&emu, Some(3), None).is_empty(), "past the end");
    assert_eq!(list(&emu, None, Some(100)), users);
}

#[test]
fn super_admins_page_by_page_show_everyone_once() {
    let (emu, users) = app_of_super_admins(12);
    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    for pagenum in 1..=10 {
        let page = list(&emu, Some(pagenum), Some(5));
        sizes.push(page.len());
        let last = page.len() < 5;
        seen.extend(page);
        if last {
            break;
        }
    }
    assert_eq!(sizes, vec![5, 5, 2]);
    assert_eq!(seen, users);
}

#[test]
fn a_super_admin_page_echoes_its_query_and_counts_its_rows() {
    let (emu, _) = app_of_super_admins(7);
    let env = envelope(&emu.raw(
        Method::Get,
        "/chatrooms/super_admin?pagenum=2&pagesize=5",
        None,
    ));
    assert_eq!(env.data, Some(serde_json::json!(["u005", "u006"])));
    assert_eq!(env.count, Some(2));
    let params = env.params.expect("params");
    assert_eq!(params["pagenum"], vec!["2".to_string()]);
    assert_eq!(params["pagesize"], vec!["5".to_string()]);
    // No query, no params.
    let env = envelope(&emu.raw(Method::Get, "/chatrooms/super_admin", None));
    assert_eq!(env.params, None);
    assert_eq!(env.count, Some(7));
}

#[test]
fn a_page_size_outside_1_to_1000_is_refused_by_the_client() {
    let emu = clean();
    for pagesize in [0, 1001] {
        let err = emu
            .call(&ListSuperAdmins {
                pagenum: None,
                pagesize: Some(pagesize),
            })
            .unwrap_err();
        assert!(
            matches!(
                err.kind,
                ErrorKind::Invalid(Invalid::TooManyInOneCall { max: 1000, .. })
            ),
            "{pagesize}: {err:?}"
        );
        assert_eq!(err.call, None, "nothing sent");
    }
    assert!(list(&emu, None, Some(1000)).is_empty());
}

#[test]
fn the_server_clamps_a_large_page_and_refuses_one_that_is_not_a_number() {
    // [I] undocumented wording.
    let (emu, users) = app_of_super_admins(3);
    let env = envelope(&emu.raw(Method::Get, "/chatrooms/super_admin?pagesize=5000", None));
    assert_eq!(env.count, Some(3));
    assert_eq!(env.data, Some(serde_json::json!(users)));
    let resp = emu.raw(Method::Get, "/chatrooms/super_admin?pagesize=ten", None);
    assert_raw_error(
        &resp,
        400,
        "invalid_parameter",
        "pagesize must be a number, not ten",
    );
}

// ---------------------------------------------------------------- POST /chatrooms/super_admin

#[test]
fn adding_a_super_admin_lists_them() {
    let emu = clean();
    emu.register(&names("u", 2));
    let r = emu.ok(&add("u001"));
    assert_eq!(
        r,
        AddedSuperAdmin {
            result: "success".into(),
            resource: String::new(),
        }
    );
    assert_eq!(list(&emu, None, None), vec!["u001"]);
    // Case does not matter; the registered spelling is listed.
    emu.ok(&add("U000"));
    assert_eq!(list(&emu, None, None), vec!["u001", "u000"]);
}

#[test]
fn a_super_admin_add_answers_with_the_documented_shape() {
    let emu = clean();
    emu.register(&names("u", 1));
    let env = envelope(&emu.raw(
        Method::Post,
        "/chatrooms/super_admin",
        Some(r#"{"superadmin":"u000"}"#),
    ));
    assert_eq!(env.action.as_deref(), Some("post"));
    assert_eq!(
        env.data,
        Some(serde_json::json!({"result": "success", "resource": ""}))
    );
    assert_eq!(list(&emu, None, None), vec!["u000"]);
}

#[test]
fn adding_an_unknown_user_as_super_admin_is_refused() {
    let emu = clean();
    let err = emu.call(&add("ghost")).unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::UserNotFound {
            username: "ghost".into()
        })
    );
    assert_api_error(
        Err::<(), _>(err),
        404,
        "resource_not_found",
        "username ghost doesn't exist!",
    );
    assert!(list(&emu, None, None).is_empty());
}

#[test]
fn adding_a_super_admin_twice_is_refused_the_second_time() {
    let emu = clean();
    emu.register(&names("u", 1));
    emu.ok(&add("u000"));
    let err = emu.call(&add("U000")).unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::AlreadySuperAdmin {
            username: "u000".into()
        })
    );
    assert_api_error(
        Err::<(), _>(err),
        403,
        "forbidden_op",
        "user u000 is already a super admin!",
    );
    assert_eq!(list(&emu, None, None), vec!["u000"]);
}

#[test]
fn a_super_admin_add_without_a_user_is_refused_by_the_server() {
    // [I] undocumented wording; the client refuses an empty username itself.
    let emu = clean();
    assert_eq!(
        emu.call(&add("")).unwrap_err().kind,
        ErrorKind::Invalid(Invalid::Missing(Field::Username))
    );
    for body in [r#"{}"#, r#"{"superadmin":""}"#] {
        let resp = emu.raw(Method::Post, "/chatrooms/super_admin", Some(body));
        assert_raw_error(
            &resp,
            400,
            "invalid_parameter",
            "superadmin must be provided",
        );
    }
}

// ---------------------------------------------------------------- DELETE /chatrooms/super_admin/{u}

#[test]
fn removing_a_super_admin_takes_them_off_the_list() {
    let (emu, _) = app_of_super_admins(3);
    let r = emu.ok(&remove("u001"));
    assert_eq!(
        r,
        RemovedSuperAdmin {
            new_super_admin: "u001".into(),
            resource: String::new(),
        }
    );
    assert_eq!(list(&emu, None, None), vec!["u000", "u002"]);
    // The user is still registered.
    assert_eq!(emu.all_users().len(), 3);
}

#[test]
fn a_super_admin_removal_answers_with_the_recorded_shape() {
    let (emu, _) = app_of_super_admins(1);
    let env = envelope(&emu.raw(Method::Delete, "/chatrooms/super_admin/u000", None));
    assert_eq!(env.action.as_deref(), Some("delete"));
    assert_eq!(
        env.data,
        Some(serde_json::json!({"newSuperAdmin": "u000", "resource": ""}))
    );
    assert!(list(&emu, None, None).is_empty());
}

#[test]
fn removing_someone_who_is_not_a_super_admin_is_refused() {
    let (emu, _) = app_of_super_admins(1);
    emu.register(&["plain".to_string()]);
    let err = emu.call(&remove("plain")).unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::NotSuperAdmin {
            username: "plain".into()
        })
    );
    assert_api_error(
        Err::<(), _>(err),
        403,
        "forbidden_op",
        "user plain is not a super admin!",
    );
    assert_eq!(list(&emu, None, None), vec!["u000"]);
}

#[test]
fn removing_an_unknown_user_as_super_admin_is_refused() {
    let (emu, _) = app_of_super_admins(1);
    assert_api_error(
        emu.call(&remove("ghost")),
        404,
        "resource_not_found",
        "username ghost doesn't exist!",
    );
    assert_eq!(list(&emu, None, None), vec!["u000"]);
}

// ---------------------------------------------------------------- lost answers

#[test]
fn a_super_admin_add_or_removal_whose_answer_was_lost_is_settled_by_its_repeat() {
    let emu = clean();
    emu.register(&names("u", 1));
    lose_every_answer(&emu, true);
    let t = Recording::default();
    let r = block_on(twice(&emu, &t).send(&add("u000"))).expect("settled");
    assert_eq!(r.result, "success");
    assert_eq!(t.paths(&emu.base), vec!["POST /chatrooms/super_admin"; 2]);
    assert_eq!(list(&emu, None, None), vec!["u000"]);

    let t = Recording::default();
    let r = block_on(twice(&emu, &t).send(&remove("u000"))).expect("settled");
    assert_eq!(r.new_super_admin, "u000");
    assert_eq!(
        t.paths(&emu.base),
        vec!["DELETE /chatrooms/super_admin/u000"; 2]
    );
    assert!(list(&emu, None, None).is_empty());

    // A refusal earned by the first send is not mistaken for a repeat's.
    lose_every_answer(&emu, false);
    let err = block_on(twice(&emu, &Recording::default()).send(&remove("u000"))).unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::NotSuperAdmin {
            username: "u000".into()
        })
    );
}
