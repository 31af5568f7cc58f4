//! SQLite storage. One connection behind a mutex: every request is a few indexed statements,
//! and a write is acknowledged only after its transaction is committed to disk (WAL with
//! `synchronous=FULL`), so a `kill -9` loses nothing that was answered.
//!
//! Every write is one function of the resource's module, in one transaction that also holds its
//! checks, so no other request can change what was checked before the write lands. Handlers
//! reach the connection only through [`Store::run`], which keeps SQLite off the async workers.

pub mod admins;
pub mod announcement;
pub mod attributes;
pub mod global_mutes;
pub mod lists;
pub mod members;
pub mod messages;
pub mod mutes;
pub mod rooms;
pub mod shared_files;
pub mod super_admins;
pub mod tokens;
pub mod users;

use crate::error::EmError;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// How long a statement waits for a lock held by another process (`--busy-timeout-ms`).
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
}

/// The schema, one step per version: `MIGRATIONS[n]` takes a database from version `n` to
/// `n + 1`. Steps are only ever added at the end, never edited, so every existing file can
/// be brought up to date.
pub const MIGRATIONS: &[&str] = &[
    // Version 1. `IF NOT EXISTS` because databases written before the schema was versioned
    // (user_version 0) already hold these tables.
    "
CREATE TABLE IF NOT EXISTS app (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    org TEXT NOT NULL, name TEXT NOT NULL, uuid TEXT NOT NULL,
    client_id TEXT NOT NULL, client_secret TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    token TEXT PRIMARY KEY,
    expires_at INTEGER            -- ms since epoch; NULL never expires
);
CREATE TABLE IF NOT EXISTS users (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    uuid TEXT NOT NULL,
    password TEXT NOT NULL,
    nickname TEXT,
    created INTEGER NOT NULL,
    modified INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS rooms (
    id INTEGER PRIMARY KEY,       -- sent as a numeric string
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    maxusers INTEGER NOT NULL,
    owner TEXT NOT NULL COLLATE NOCASE,
    created INTEGER NOT NULL,
    custom TEXT NOT NULL DEFAULT '',
    membersonly INTEGER NOT NULL DEFAULT 0,
    allowinvites INTEGER NOT NULL DEFAULT 0,
    public INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS members (
    room_id INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    username TEXT NOT NULL COLLATE NOCASE,
    is_owner INTEGER NOT NULL DEFAULT 0,
    joined INTEGER NOT NULL,      -- a global sequence: join order
    PRIMARY KEY (room_id, username)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS members_by_user ON members (username, joined);
CREATE INDEX IF NOT EXISTS members_by_join ON members (room_id, is_owner DESC, joined);
",
    // Version 2. The next join number (`MAX(joined)`) read from an index, not a scan of every
    // member: with 100,000 rooms a create took 30 ms of scanning.
    "
CREATE INDEX IF NOT EXISTS members_by_seq ON members (joined);
",
    // Version 3. Moderation: admins, mutes and the allowlist are marks on a membership (leaving
    // the room ends them); the blocklist outlives membership; attributes belong to the user who
    // set them; super admins belong to the app.
    "
ALTER TABLE rooms ADD COLUMN announcement TEXT NOT NULL DEFAULT '';
ALTER TABLE rooms ADD COLUMN mute_all INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN muted_until INTEGER;   -- ms since epoch; -1 for ever; NULL not muted
ALTER TABLE members ADD COLUMN allowed INTEGER NOT NULL DEFAULT 0;
CREATE TABLE blocks (
    room_id INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    username TEXT NOT NULL COLLATE NOCASE,
    added INTEGER NOT NULL,
    PRIMARY KEY (room_id, username)
) WITHOUT ROWID;
CREATE TABLE attributes (
    room_id INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    owner TEXT NOT NULL COLLATE NOCASE,
    auto_delete INTEGER NOT NULL,
    PRIMARY KEY (room_id, key)
) WITHOUT ROWID;
CREATE TABLE super_admins (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE
);
",
    // Version 4. Messages to rooms (kept as delivered, with their recall), broadcasts, and the
    // app-wide state of a user: banned, online, muted per kind of chat.
    "
ALTER TABLE users ADD COLUMN activated INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN online INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN mute_chat INTEGER;        -- ms since epoch; -1 for ever; NULL none
ALTER TABLE users ADD COLUMN mute_groupchat INTEGER;
ALTER TABLE users ADD COLUMN mute_chatroom INTEGER;
CREATE TABLE broadcasts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL
);
CREATE TABLE messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    room TEXT NOT NULL,           -- as sent: rooms are not checked to exist
    sender TEXT NOT NULL,
    type TEXT NOT NULL,
    body TEXT NOT NULL,           -- JSON
    ext TEXT,                     -- JSON
    priority TEXT NOT NULL,
    at INTEGER NOT NULL,
    recalled INTEGER NOT NULL DEFAULT 0,
    broadcast INTEGER
);
CREATE INDEX messages_by_room ON messages (room, at);
",
    // Version 5. What the official web SDK uses beyond the documents: when each member joined,
    // in ms (members from before are taken to have joined when their room was made), and the
    // files shared in a room.
    "
ALTER TABLE members ADD COLUMN joined_at INTEGER NOT NULL DEFAULT 0;
UPDATE members
   SET joined_at = COALESCE((SELECT created FROM rooms WHERE rooms.id = members.room_id), 0);
-- Pruning expired tokens as new ones are issued, and a user's rooms found when they are deleted.
CREATE INDEX IF NOT EXISTS tokens_by_expiry ON tokens (expires_at);
CREATE INDEX IF NOT EXISTS rooms_by_owner ON rooms (owner);
CREATE TABLE shared_files (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    room_id INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    owner TEXT NOT NULL,
    size INTEGER NOT NULL,
    created INTEGER NOT NULL,
    content BLOB NOT NULL
);
CREATE INDEX shared_files_by_room ON shared_files (room_id, seq);
",
];

/// The schema version this code writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Why a database could not be opened.
#[derive(Debug)]
pub enum OpenError {
    Sqlite(rusqlite::Error),
    /// Written by a newer emulator: its schema is unknown here, so it is left untouched.
    NewerSchema {
        found: i64,
        known: i64,
    },
    /// The database would not switch to write-ahead logging.
    JournalMode {
        found: String,
    },
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Sqlite(e) => e.fmt(f),
            OpenError::NewerSchema { found, known } => write!(
                f,
                "the database has schema version {found}, but this emulator knows versions up \
                 to {known} only; use a newer emulator or another --db"
            ),
            OpenError::JournalMode { found } => write!(
                f,
                "the database stays in journal mode {found:?}: write-ahead logging is not \
                 available where it is (a network file system?); use a --db on a local disk"
            ),
        }
    }
}

impl std::error::Error for OpenError {}

impl From<rusqlite::Error> for OpenError {
    fn from(e: rusqlite::Error) -> OpenError {
        OpenError::Sqlite(e)
    }
}

/// The one app this emulator serves.
#[derive(Clone, Debug)]
pub struct AppRow {
    pub org: String,
    pub name: String,
    pub uuid: String,
    pub client_id: String,
    pub client_secret: String,
}

pub struct RoomRow {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub maxusers: i64,
    pub owner: String,
    pub created: i64,
    pub custom: String,
    pub membersonly: bool,
    pub allowinvites: bool,
    pub public: bool,
    /// Everyone but the owner and admins is muted.
    pub mute_all: bool,
}

impl Store {
    pub fn open(path: Option<&Path>) -> Result<Store, OpenError> {
        Store::open_with(path, DEFAULT_BUSY_TIMEOUT)
    }

    /// Opens the database; a statement that finds it locked by another process waits up to
    /// `busy_timeout`, then fails with `SQLITE_BUSY` (answered 503), never hangs.
    pub fn open_with(path: Option<&Path>, busy_timeout: Duration) -> Result<Store, OpenError> {
        let mut conn = match path {
            Some(p) => Connection::open(p)?,
            None => Connection::open_in_memory()?,
        };
        conn.busy_timeout(busy_timeout)?;
        // These pragmas cannot change inside a transaction, so they come before the migration.
        // SQLite answers the journal mode it could set: a file system without shared memory
        // (some network mounts) keeps the old one, and without WAL a crash could lose an
        // acknowledged write and readers would wait on writers, so that is refused.
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        let wanted = if path.is_some() { "wal" } else { "memory" };
        if !mode.eq_ignore_ascii_case(wanted) {
            return Err(OpenError::JournalMode { found: mode });
        }
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
        // Every transaction takes the write lock as it begins, where a lock held by another
        // process is waited for (up to the busy time-out). A deferred one that had read first
        // would be refused at once when it came to write, to avoid a deadlock.
        conn.set_transaction_behavior(TransactionBehavior::Immediate);
        migrate(&mut conn)?;
        Ok(Store {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// The connection, for start-up work that runs before the server does.
    pub fn lock(&self) -> MutexGuard<'_, Connection> {
        lock(&self.conn)
    }

    /// Runs `work` on the connection on a blocking thread, so a slow disk (a `synchronous=FULL`
    /// commit) never stalls the async workers that serve other requests.
    ///
    /// A request answered before its work is done (the request time-out, while writes queue
    /// behind a lock another process holds) has that work dropped: not started if its turn had
    /// not come, and its transaction rolled back at the commit if it was waiting for the lock.
    /// Nothing is done after a 503 that says nothing was.
    pub async fn run<T, F>(&self, work: F) -> Result<T, EmError>
    where
        F: FnOnce(&mut Connection) -> Result<T, EmError> + Send + 'static,
        T: Send + 'static,
    {
        let conn = self.conn.clone();
        let waiting = WaitingFor::default();
        let given_up = waiting.0.clone();
        let result = tokio::task::spawn_blocking(move || {
            let mut conn = lock(&conn);
            if given_up.load(Ordering::SeqCst) {
                return Err(EmError::unavailable());
            }
            // Returning true turns the commit into a rollback.
            conn.commit_hook(Some(move || given_up.load(Ordering::SeqCst)));
            let result = work(&mut conn);
            conn.commit_hook(None::<fn() -> bool>);
            result
        })
        .await
        .map_err(EmError::internal);
        // Done (or failed): the flag no longer matters.
        drop(waiting);
        result?
    }
}

/// A transaction that only reads: deferred, so that it needs no write lock and goes on while
/// another process holds one (every other transaction takes it as it begins).
pub fn read(conn: &mut Connection) -> rusqlite::Result<rusqlite::Transaction<'_>> {
    conn.transaction_with_behavior(TransactionBehavior::Deferred)
}

/// Set when the future waiting for a piece of work is dropped before the work was done.
#[derive(Default)]
struct WaitingFor(Arc<AtomicBool>);

impl Drop for WaitingFor {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

fn lock(conn: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    // A panic while holding the lock leaves SQLite consistent (transactions roll back), so the
    // poisoned guard is safe to keep using.
    conn.lock().unwrap_or_else(|p| p.into_inner())
}

/// Brings the schema up to [`SCHEMA_VERSION`] in one transaction: a crash halfway leaves the
/// database as it was. `IMMEDIATE` so two emulators opening one file cannot both migrate it.
fn migrate(conn: &mut Connection) -> Result<(), OpenError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if !(0..=SCHEMA_VERSION).contains(&found) {
        return Err(OpenError::NewerSchema {
            found,
            known: SCHEMA_VERSION,
        });
    }
    for step in &MIGRATIONS[found as usize..] {
        tx.execute_batch(step)?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

pub fn app(conn: &Connection) -> rusqlite::Result<Option<AppRow>> {
    conn.query_row(
        "SELECT org, name, uuid, client_id, client_secret FROM app WHERE id = 1",
        [],
        |r| {
            Ok(AppRow {
                org: r.get(0)?,
                name: r.get(1)?,
                uuid: r.get(2)?,
                client_id: r.get(3)?,
                client_secret: r.get(4)?,
            })
        },
    )
    .optional()
}

pub fn save_app(conn: &Connection, app: &AppRow) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO app (id, org, name, uuid, client_id, client_secret) VALUES (1, ?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET org = ?1, name = ?2, client_id = ?4, client_secret = ?5",
        params![app.org, app.name, app.uuid, app.client_id, app.client_secret],
    )?;
    Ok(())
}

/// The stored spelling of a registered username (lookups are case-insensitive).
pub fn user(conn: &Connection, username: &str) -> Result<Option<String>, EmError> {
    if !easemob_api::limits::is_valid_username(username) {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            "SELECT username FROM users WHERE username = ?1",
            [username],
            |r| r.get(0),
        )
        .optional()?)
}

/// Every name registered, in the stored spelling, or the first that is not.
pub fn users_exist(conn: &Connection, names: &[String]) -> Result<Vec<String>, EmError> {
    names
        .iter()
        .map(|n| user(conn, n)?.ok_or_else(|| EmError::user_not_found(n)))
        .collect()
}

/// Room ids are numeric strings; anything else names no room.
pub fn parse_room_id(id: &str) -> Option<i64> {
    let id = id.trim();
    if id.is_empty() || id.len() > 18 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    id.parse().ok()
}

pub fn room(conn: &Connection, id: &str) -> Result<Option<RoomRow>, EmError> {
    let Some(id) = parse_room_id(id) else {
        return Ok(None);
    };
    Ok(conn
        .query_row(
            "SELECT id, name, description, maxusers, owner, created, custom, membersonly, allowinvites,
                    public, mute_all
             FROM rooms WHERE id = ?1",
            [id],
            |r| {
                Ok(RoomRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    description: r.get(2)?,
                    maxusers: r.get(3)?,
                    owner: r.get(4)?,
                    created: r.get(5)?,
                    custom: r.get(6)?,
                    membersonly: r.get(7)?,
                    allowinvites: r.get(8)?,
                    public: r.get(9)?,
                    mute_all: r.get(10)?,
                })
            },
        )
        .optional()?)
}

/// The room to change, or the 404 a change to an unknown room gets.
pub fn room_to_change(conn: &Connection, id: &str) -> Result<RoomRow, EmError> {
    room(conn, id)?.ok_or_else(|| EmError::room_not_found(id))
}

pub fn member_count(conn: &Connection, room_id: i64) -> Result<i64, EmError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM members WHERE room_id = ?1",
        [room_id],
        |r| r.get(0),
    )?)
}

pub fn is_member(conn: &Connection, room_id: i64, username: &str) -> Result<bool, EmError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM members WHERE room_id = ?1 AND username = ?2",
            params![room_id, username],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// A user leaves a room (removed, blocked, or leaving): the membership goes, with the admin,
/// mute and allowlist marks on it, and the attributes the user set to go with them.
pub fn leave(conn: &Connection, room_id: i64, username: &str) -> Result<(), EmError> {
    conn.prepare_cached("DELETE FROM members WHERE room_id = ?1 AND username = ?2")?
        .execute(params![room_id, username])?;
    conn.prepare_cached(
        "DELETE FROM attributes WHERE room_id = ?1 AND owner = ?2 AND auto_delete = 1",
    )?
    .execute(params![room_id, username])?;
    Ok(())
}

/// Whether `username` is on the room's blocklist.
pub fn is_blocked(conn: &Connection, room_id: i64, username: &str) -> Result<bool, EmError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM blocks WHERE room_id = ?1 AND username = ?2",
            params![room_id, username],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The stored spelling of every registered name, in order, once each (names are
/// case-insensitive); `Err` names the first that is not registered.
pub fn distinct_users(conn: &Connection, names: &[String]) -> Result<Vec<String>, EmError> {
    let mut users = users_exist(conn, names)?;
    let mut seen = std::collections::HashSet::new();
    users.retain(|u| seen.insert(u.to_ascii_lowercase()));
    Ok(users)
}

/// Next value of the global join sequence.
pub fn next_join_seq(conn: &Connection) -> Result<i64, EmError> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(joined), 0) + 1 FROM members",
        [],
        |r| r.get(0),
    )?)
}

/// Adds `username` to a room as the next to join.
pub fn insert_member(
    conn: &Connection,
    room_id: i64,
    username: &str,
    is_owner: bool,
    seq: i64,
) -> Result<(), EmError> {
    conn.prepare_cached(
        "INSERT INTO members (room_id, username, is_owner, joined, joined_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        room_id,
        username,
        is_owner,
        seq,
        crate::now_ms() as i64
    ])?;
    Ok(())
}

/// Members of a room as Easemob lists them: the owner first, then in join order. `limit` -1
/// means all.
pub fn affiliations(
    conn: &Connection,
    room_id: i64,
    limit: i64,
    offset: i64,
) -> Result<Vec<easemob_api::wire::Affiliation>, EmError> {
    use easemob_api::wire::Affiliation;
    let mut stmt = conn.prepare_cached(
        "SELECT username, is_owner FROM members WHERE room_id = ?1
         ORDER BY is_owner DESC, joined LIMIT ?2 OFFSET ?3",
    )?;
    let rows = stmt.query_map(params![room_id, limit, offset], |r| {
        let name: String = r.get(0)?;
        Ok(if r.get::<_, bool>(1)? {
            Affiliation::Owner(name)
        } else {
            Affiliation::Member(name)
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
