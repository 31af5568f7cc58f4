//! Both catalogues are whole (the compiler sees to that); these check that each is in its own
//! language, so no English is left on a Chinese screen and no Chinese on an English one.

use super::*;
use easemob_api::limits::Field;

pub(super) fn has_cjk_pub(s: &str) -> bool {
    has_cjk(s)
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    })
}

/// English words that may stand in Chinese text: names of things that have no translation.
fn latin_allowed(word: &str) -> bool {
    const ALLOWED: &[&str] = &[
        "ID", "API", "REST", "HTTP", "CORS", "App", "Token", "Client", "Secret", "AppKey", "org",
        "app", "JSON", "CSV", "URL", "curl", "maxusers", "https", "a1", "easemob", "com", "ms",
        "s", "Esc", "n", "config", "README", "Bearer", "PUT", "POST", "DELETE", "GET", "SDK",
        // Message fields and the day the broadcast allowance is counted by.
        "ext", "cmd", "key", "value", "body", "UTC",
    ];
    ALLOWED.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The Latin words of a Chinese string that are not on the allowed list.
fn stray_english(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1 && !latin_allowed(w))
        .map(str::to_string)
        .collect()
}

fn words_of(lang: Lang) -> Vec<(String, String)> {
    let v = serde_json::to_value(lang.catalogue().words()).unwrap();
    v.as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn every_chinese_word_is_chinese() {
    for (key, text) in words_of(Lang::Zh) {
        let stray = stray_english(&text);
        assert!(
            stray.is_empty(),
            "zh `{key}` = {text:?} has English {stray:?}"
        );
        let technical = text
            .split(|c: char| !c.is_ascii_alphabetic())
            .all(|w| w.is_empty() || latin_allowed(w));
        assert!(
            has_cjk(&text) || technical || !text.chars().any(char::is_alphabetic),
            "zh `{key}` = {text:?} is not Chinese"
        );
    }
}

#[test]
fn no_english_word_is_chinese() {
    for (key, text) in words_of(Lang::En) {
        assert!(!has_cjk(&text), "en `{key}` = {text:?} has Chinese");
    }
}

#[test]
fn the_two_catalogues_differ_where_there_are_words_to_translate() {
    let zh: std::collections::HashMap<_, _> = words_of(Lang::Zh).into_iter().collect();
    for (key, en) in words_of(Lang::En) {
        let technical = en
            .split(|c: char| !c.is_ascii_alphabetic())
            .all(|w| w.is_empty() || latin_allowed(w));
        if !technical {
            assert_ne!(zh[&key], en, "`{key}` is not translated");
        }
    }
}

/// Every sentence, with sample values, in both languages.
fn sentences(c: &dyn Catalogue) -> Vec<String> {
    let mut out = vec![
        c.rows_shown(3, 3),
        c.rows_shown(1, 3),
        c.all_loading(2_000),
        c.all_shown(3, 3),
        c.all_shown(1, 1),
        c.all_shown(1, 100_000),
        c.all_stopped(2_000),
        c.selected_count(2),
        c.member_matches(1, 10_000),
        c.found_of(2, 3),
        c.joined_title("u1"),
        c.changed(&[]),
        c.changed(&["name"]),
        c.transferred("u1"),
        c.current_owner("u1"),
        c.dissolved("r", "1"),
        c.created("r", "1"),
        c.added(1),
        c.added(2),
        c.removed(2),
        c.left("u1"),
        c.users_listed(2),
        c.batch_added(60, 59),
        c.failed_because("x"),
        c.remove_chip("u1"),
        c.dissolve_selected(2),
        c.bulk_dissolve_title(2),
        c.bulk_dissolved(1, 2),
        c.select_room("r", "1"),
        c.more_members(5),
        c.token_expires_in(1, 2, 3, 4),
        c.token_expires_in(0, 2, 3, 4),
        c.token_expires_in(0, 0, 3, 4),
        c.token_expires_in(0, 0, 0, 4),
        c.page_n(2),
        c.room_heading("1"),
        c.forget_app("o#a"),
        c.unreadable_answer("x", "x"),
        c.network_failure("x"),
        c.timed_out(30),
        c.cors_blocked("http://127.0.0.1:8080"),
        c.on_call("GET /x"),
        c.was_created("r"),
        c.was_not_transferred("u1"),
        c.progress(1, 2),
        c.retry_failed(2),
        c.bulk_summary(1, 2, 3),
        c.batch_of("u1", 3),
        c.waiting(easemob_api::client::WaitReason::RateLimited, 2000, "GET /x"),
        c.waiting(easemob_api::client::WaitReason::Retrying, 2000, "GET /x"),
        field_label(c.words(), Field::Name).to_string(),
        c.remove_admin("u1"),
        c.unmute_user("u1"),
        c.unblock_user("u1"),
        c.disallow_user("u1"),
        c.delete_attribute("x"),
        c.remove_super_admin("u1"),
        c.admin_added("u1"),
        c.admin_removed("u1"),
        c.muted_n(1),
        c.muted_n(2),
        c.unmuted("u1"),
        c.blocked_n(1),
        c.blocked_n(2),
        c.allowed_n(1),
        c.allowed_n(2),
        c.unblocked("u1"),
        c.disallowed("u1"),
        c.announcement_chars(3, 512),
        c.attribute_set("x"),
        c.attribute_deleted("x"),
        c.super_admin_added("u1"),
        c.super_admin_removed("u1"),
        c.not_done_for("u1", "x"),
    ];
    for f in [
        Field::Announcement,
        Field::AttributeKey,
        Field::AttributeValue,
        Field::Attributes,
        Field::MuteDuration,
    ] {
        out.push(field_label(c.words(), f).to_string());
    }
    // `Other` is the server's own words, shown as they are.
    for r in UserReason::examples()
        .into_iter()
        .filter(|r| !matches!(r, UserReason::Other(_)))
    {
        out.push(c.user_reason(&r));
    }
    for r in KeyReason::examples()
        .into_iter()
        .filter(|r| !matches!(r, KeyReason::Other(_)))
    {
        out.push(c.key_reason(&r));
    }
    for class in [
        FailureClass::RateLimited,
        FailureClass::ServerError,
        FailureClass::Network,
        FailureClass::Cors,
        FailureClass::Refused,
        FailureClass::Unreadable,
        FailureClass::OutcomeUnknown,
        FailureClass::NotSent,
        FailureClass::Cancelled,
    ] {
        out.push(c.failure_kind(class).to_string());
    }
    for p in easemob_api::connect::ConnectProblem::ALL {
        out.push(c.connect_problem(*p).to_string());
    }
    for r in Refusal::examples() {
        out.push(c.refusal_explained(&r));
    }
    for i in Invalid::examples() {
        out.push(c.invalid(&i));
    }
    out
}

/// The values put into the sample sentences (names and wire words, not ours to translate).
const SAMPLE_VALUES: &[&str] = &[
    "name",
    "x",
    "u1",
    "r",
    "o",
    "zed",
    "bob",
    "alice",
    "carol",
    "owner",
    "description",
    "custom",
    "members",
    "usernames",
    "addMembers",
    "demo",
    "admin",
    "nothing",
    "chatrooms",
];

#[test]
fn every_sentence_is_in_its_language() {
    for s in sentences(Lang::En.catalogue()) {
        assert!(!has_cjk(&s), "en sentence {s:?} has Chinese");
    }
    for s in sentences(Lang::Zh.catalogue()) {
        assert!(has_cjk(&s), "zh sentence {s:?} is not Chinese");
        let stray: Vec<_> = stray_english(&s)
            .into_iter()
            .filter(|w| !SAMPLE_VALUES.contains(&w.as_str()))
            .collect();
        assert!(stray.is_empty(), "zh sentence {s:?} has English {stray:?}");
    }
}

#[test]
fn the_browser_language_picks_the_catalogue() {
    assert_eq!(Lang::for_tag("zh-CN"), Lang::Zh);
    assert_eq!(Lang::for_tag("zh-TW"), Lang::Zh);
    assert_eq!(Lang::for_tag("zh"), Lang::Zh);
    assert_eq!(Lang::for_tag("en-US"), Lang::En);
    assert_eq!(Lang::for_tag("fr"), Lang::En);
}
