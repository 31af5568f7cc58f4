//! Demo data for a new database: users with readable names and rooms of every kind (empty,
//! small, one with everybody, with and without JSON in `custom`). Seeded from a fixed number so
//! every fresh emulator holds the same rooms, which tests and screenshots rely on.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rusqlite::{params, Connection};

const NAMES: [&str; 50] = [
    "alice",
    "bob",
    "carol",
    "dave",
    "erin",
    "frank",
    "grace",
    "heidi",
    "ivan",
    "judy",
    "mallory",
    "niaj",
    "olivia",
    "peggy",
    "rupert",
    "sybil",
    "trent",
    "victor",
    "walter",
    "xavier",
    "yvonne",
    "zoe",
    "li.wei",
    "wang.fang",
    "zhang.min",
    "liu.yang",
    "chen.jie",
    "yang.lei",
    "zhao.ting",
    "huang.hao",
    "zhou.xin",
    "wu.qiang",
    "xu.li",
    "sun.hui",
    "ma.jun",
    "zhu.yan",
    "hu.bo",
    "guo.jing",
    "he.ping",
    "gao.feng",
    "lin.na",
    "luo.kai",
    "zheng.yu",
    "liang.chen",
    "song.jia",
    "tang.rui",
    "han.mei",
    "feng.tao",
    "deng.lin",
    "cao.yu",
];

const TOPICS: [&str; 30] = [
    "Lobby",
    "Product launch",
    "Gaming night",
    "Support queue",
    "Live sports",
    "Music fans",
    "Book club",
    "Study group",
    "Photography",
    "Travel tips",
    "Cooking corner",
    "Movie talk",
    "Startup founders",
    "Rust learners",
    "Open source",
    "Weekend hikes",
    "Pet lovers",
    "Language exchange",
    "Fitness",
    "Crypto watch",
    "Design review",
    "Anime",
    "Board games",
    "Remote work",
    "Parents",
    "Gardening",
    "Car club",
    "Art studio",
    "Volunteers",
    "Announcements",
];

/// A random UUID (v4 layout), as Easemob uses for app and user ids.
pub fn uuid(rng: &mut impl Rng) -> String {
    let b: [u8; 16] = rng.random();
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        u32::from_be_bytes([b[0], b[1], b[2], b[3]]),
        u16::from_be_bytes([b[4], b[5]]),
        u16::from_be_bytes([b[6], b[7]]) & 0x0fff,
        (u16::from_be_bytes([b[8], b[9]]) & 0x3fff) | 0x8000,
        u64::from_be_bytes([0, 0, b[10], b[11], b[12], b[13], b[14], b[15]]),
    )
}

pub fn username(i: usize) -> String {
    NAMES
        .get(i)
        .map(|n| n.to_string())
        .unwrap_or_else(|| format!("user{i:05}"))
}

/// Fills an empty database; a database that has users already is left as it is. With
/// `big_room` above zero the oldest room holds that many members.
pub fn seed_if_empty(
    conn: &Connection,
    users: usize,
    rooms: usize,
    big_room: usize,
) -> rusqlite::Result<()> {
    let existing: i64 = conn.query_row("SELECT COUNT(*) FROM users", [], |r| r.get(0))?;
    if existing > 0 || users == 0 {
        return Ok(());
    }
    let users = users.max(big_room);
    let mut rng = StdRng::seed_from_u64(20_141_203);
    let now = crate::now_ms() as i64;
    let tx = conn.unchecked_transaction()?;
    {
        let mut add_user = tx.prepare(
            "INSERT INTO users (username, uuid, password, nickname, created, modified) VALUES (?1, ?2, 'demo-password', ?3, ?4, ?4)",
        )?;
        for i in 0..users {
            let name = username(i);
            let nick = name.replace('.', " ");
            add_user.execute(params![name, uuid(&mut rng), nick, now - 86_400_000])?;
        }
        let mut add_room = tx.prepare(
            "INSERT INTO rooms (id, name, description, maxusers, owner, created, custom, membersonly, allowinvites, public)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1)",
        )?;
        let mut add_member = tx.prepare(
            "INSERT OR IGNORE INTO members (room_id, username, is_owner, joined, joined_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let first_id = (now - 30 * 86_400_000) * 100;
        let mut joined: i64 = 0;
        for r in 0..rooms {
            let id = first_id + r as i64;
            let topic = TOPICS[r % TOPICS.len()];
            let name = if r < TOPICS.len() {
                topic.to_string()
            } else {
                format!("{topic} {}", r / TOPICS.len() + 1)
            };
            let owner = username(rng.random_range(0..users));
            let mut maxusers: i64 = [200, 500, 1000, 5000][rng.random_range(0..4)];
            if r == 0 && big_room > 0 {
                maxusers = maxusers.max(big_room as i64 + 1);
            }
            let custom = match r % 4 {
                0 => format!(
                    r#"{{"level":{},"tags":["demo","{}"]}}"#,
                    r % 7,
                    topic.to_lowercase()
                ),
                1 => String::new(),
                2 => "vip".to_string(),
                _ => format!(r#"{{"region":"cn-{}"}}"#, r % 3),
            };
            // Spread creation times over the last month, oldest first.
            let created = now - ((rooms - r) as i64) * 60_000;
            add_room.execute(params![
                id,
                name,
                format!("Demo room about {}", topic.to_lowercase()),
                maxusers,
                owner,
                created,
                custom,
                rng.random_bool(0.2),
                rng.random_bool(0.3),
            ])?;
            joined += 1;
            add_member.execute(params![id, owner, true, joined, created])?;
            // The first room holds everybody it can; the rest hold a handful or nobody.
            let others: Vec<usize> = if r == 0 && big_room > 0 {
                (0..big_room).collect()
            } else if r == 0 {
                (0..users.min(maxusers as usize)).collect()
            } else {
                let n = rng.random_range(0..=users.min(12));
                (0..n).map(|_| rng.random_range(0..users)).collect()
            };
            for i in others {
                let name = username(i);
                if name != owner {
                    joined += 1;
                    // Members joined a little after the room was made, in order.
                    add_member.execute(params![id, name, false, joined, created + joined])?;
                }
            }
        }
        if rooms > 0 {
            seed_moderation(&tx, first_id, now)?;
        }
    }
    tx.commit()
}

/// The oldest room gets some of everything moderation shows: an announcement, an admin, a
/// member muted for a day and one for ever, one on the allowlist, an attribute; the app gets a
/// super admin. Members only change marks, so every count stays as seeded.
fn seed_moderation(tx: &Connection, room: i64, now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE rooms SET announcement = 'Welcome! Be kind, stay on topic.' WHERE id = ?1",
        [room],
    )?;
    let members: Vec<String> = tx
        .prepare("SELECT username FROM members WHERE room_id = ?1 AND is_owner = 0 ORDER BY joined LIMIT 4")?
        .query_map([room], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mark = |sql: &str, i: usize| -> rusqlite::Result<()> {
        if let Some(u) = members.get(i) {
            tx.execute(sql, params![room, u])?;
        }
        Ok(())
    };
    mark(
        "UPDATE members SET is_admin = 1 WHERE room_id = ?1 AND username = ?2",
        0,
    )?;
    tx.execute(
        "UPDATE members SET muted_until = ?3 WHERE room_id = ?1 AND username = ?2",
        params![room, members.get(1), now + 86_400_000],
    )?;
    mark(
        "UPDATE members SET muted_until = -1 WHERE room_id = ?1 AND username = ?2",
        2,
    )?;
    mark(
        "UPDATE members SET allowed = 1 WHERE room_id = ?1 AND username = ?2",
        3,
    )?;
    tx.execute(
        "INSERT INTO attributes (room_id, key, value, owner, auto_delete)
         SELECT id, 'theme', 'dark', owner, 0 FROM rooms WHERE id = ?1",
        [room],
    )?;
    tx.execute(
        "INSERT INTO super_admins (username) VALUES (?1)",
        [username(0)],
    )?;
    Ok(())
}
