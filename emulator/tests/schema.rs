//! The database file carries its schema version (`PRAGMA user_version`), and opening it brings
//! an older file up to date and leaves a newer one alone.

use easemob_api::wire::{CreateChatroom, NewUser};
use easemob_emulator::store::{self, OpenError, Store, SCHEMA_VERSION};
use easemob_emulator::{prepare, Config};
use rusqlite::Connection;
use std::path::PathBuf;

/// A database file (and SQLite's companions), removed when dropped.
struct TempDb(PathBuf);

impl TempDb {
    fn new(name: &str) -> TempDb {
        TempDb(std::env::temp_dir().join(format!(
            "easemob-emulator-schema-{}-{name}.sqlite3",
            std::process::id()
        )))
    }
    fn user_version(&self) -> i64 {
        Connection::open(&self.0)
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

#[test]
fn the_current_schema_is_version_5() {
    assert_eq!(SCHEMA_VERSION, 5);
}

#[test]
fn the_next_join_number_is_read_from_an_index() {
    let store = Store::open(None).expect("an in-memory database");
    let conn = store.lock();
    let plan: String = conn
        .query_row(
            "EXPLAIN QUERY PLAN SELECT COALESCE(MAX(joined), 0) + 1 FROM members",
            [],
            |r| r.get(3),
        )
        .unwrap();
    assert!(plan.contains("members_by_seq"), "{plan}");
}

#[test]
fn a_new_database_is_written_at_the_current_version_and_reopens_unchanged() {
    let db = TempDb::new("reopen");
    let store = Store::open(Some(&db.0)).expect("a new database");
    {
        let mut conn = store.lock();
        store::users::register_one(
            &mut conn,
            "app",
            &NewUser {
                username: "alice".into(),
                password: "pw".into(),
                nickname: None,
            },
            1,
        )
        .unwrap();
        let req = CreateChatroom {
            name: "kept".into(),
            description: "across opens".into(),
            owner: "alice".into(),
            ..Default::default()
        };
        store::rooms::create(&mut conn, &req, 1).unwrap();
    }
    drop(store);
    assert_eq!(db.user_version(), SCHEMA_VERSION);
    for _ in 0..2 {
        let store = Store::open(Some(&db.0)).expect("reopening is a no-op");
        let conn = store.lock();
        let page = store::rooms::list(&conn, i64::MAX, 10, 0).unwrap();
        assert_eq!(page.rooms.len(), 1);
        assert_eq!(page.rooms[0].name, "kept");
        assert_eq!(page.rooms[0].affiliations_count, 1);
    }
    assert_eq!(db.user_version(), SCHEMA_VERSION);
}

#[test]
fn a_database_from_before_the_schema_was_versioned_is_adopted_with_its_data() {
    let db = TempDb::new("unversioned");
    {
        // What the emulator wrote before user_version: the same tables, version 0.
        let conn = Connection::open(&db.0).unwrap();
        conn.execute_batch(
            "CREATE TABLE users (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                username TEXT NOT NULL UNIQUE COLLATE NOCASE,
                uuid TEXT NOT NULL, password TEXT NOT NULL, nickname TEXT,
                created INTEGER NOT NULL, modified INTEGER NOT NULL);
             INSERT INTO users (username, uuid, password, created, modified)
                VALUES ('old.timer', 'u', 'pw', 1, 1);",
        )
        .unwrap();
    }
    assert_eq!(db.user_version(), 0);
    let store = Store::open(Some(&db.0)).expect("an unversioned database");
    let conn = store.lock();
    assert_eq!(
        store::user(&conn, "OLD.TIMER").unwrap().as_deref(),
        Some("old.timer")
    );
    drop(conn);
    drop(store);
    assert_eq!(db.user_version(), SCHEMA_VERSION);
}

#[test]
fn a_database_from_a_newer_emulator_is_refused_and_left_alone() {
    let db = TempDb::new("newer");
    drop(Store::open(Some(&db.0)).unwrap());
    Connection::open(&db.0)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    match Store::open(Some(&db.0)) {
        Err(OpenError::NewerSchema { found, known }) => {
            assert_eq!((found, known), (SCHEMA_VERSION + 1, SCHEMA_VERSION))
        }
        Err(other) => panic!("refused for another reason: {other}"),
        Ok(_) => panic!("a newer database was opened"),
    }
    assert_eq!(db.user_version(), SCHEMA_VERSION + 1);

    // What someone starting the emulator on it reads.
    let mut config = Config::in_memory();
    config.memory = false;
    config.db = db.0.clone();
    let message = match prepare(&config) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("the emulator started on a newer database"),
    };
    assert_eq!(
        message,
        format!(
            "opening the database: the database has schema version {}, but this emulator knows \
             versions up to {SCHEMA_VERSION} only; use a newer emulator or another --db",
            SCHEMA_VERSION + 1
        )
    );
}

#[test]
fn a_version_2_database_gains_moderation_and_keeps_its_rooms_and_members() {
    let db = TempDb::new("v2");
    {
        let conn = Connection::open(&db.0).unwrap();
        for step in &store::MIGRATIONS[..2] {
            conn.execute_batch(step).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO users (username, uuid, password, created, modified)
                VALUES ('alice', 'a', 'pw', 1, 1), ('bob', 'b', 'pw', 1, 1);
             INSERT INTO rooms (id, name, description, maxusers, owner, created)
                VALUES (42, 'kept', 'd', 10, 'alice', 1);
             INSERT INTO members (room_id, username, is_owner, joined)
                VALUES (42, 'alice', 1, 1), (42, 'bob', 0, 2);",
        )
        .unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
    }
    let store = Store::open(Some(&db.0)).expect("a version 2 database");
    let mut conn = store.lock();
    assert_eq!(
        store::members::list(&mut conn, "42", 10, 0).unwrap().len(),
        2
    );
    assert!(store::admins::list(&mut conn, "42").unwrap().is_empty());
    assert_eq!(store::announcement::get(&mut conn, "42").unwrap(), "");
    assert_eq!(store::admins::add(&mut conn, "42", "BOB").unwrap(), "bob");
    assert_eq!(store::admins::list(&mut conn, "42").unwrap(), vec!["bob"]);
    drop(conn);
    drop(store);
    assert_eq!(db.user_version(), SCHEMA_VERSION);
}

#[test]
fn a_version_4_database_gives_its_members_the_rooms_creation_as_their_join_time() {
    let db = TempDb::new("v4");
    {
        let conn = Connection::open(&db.0).unwrap();
        for step in &store::MIGRATIONS[..4] {
            conn.execute_batch(step).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO users (username, uuid, password, created, modified)
                VALUES ('alice', 'a', 'pw', 1, 1), ('bob', 'b', 'pw', 1, 1);
             INSERT INTO rooms (id, name, description, maxusers, owner, created)
                VALUES (42, 'kept', 'd', 10, 'alice', 1700000000000);
             INSERT INTO members (room_id, username, is_owner, joined)
                VALUES (42, 'alice', 1, 1), (42, 'bob', 0, 2);",
        )
        .unwrap();
        conn.pragma_update(None, "user_version", 4).unwrap();
    }
    let store = Store::open(Some(&db.0)).expect("a version 4 database");
    let mut conn = store.lock();
    let (members, more) = store::members::list_with_roles(&mut conn, "42", 10, 0).unwrap();
    assert!(!more);
    let seen: Vec<(&str, &str, i64)> = members
        .iter()
        .map(|m| (m.role, m.username.as_str(), m.joined_at))
        .collect();
    assert_eq!(
        seen,
        [
            ("owner", "alice", 1_700_000_000_000),
            ("member", "bob", 1_700_000_000_000)
        ]
    );
    drop(conn);
    drop(store);
    assert_eq!(db.user_version(), SCHEMA_VERSION);
}
