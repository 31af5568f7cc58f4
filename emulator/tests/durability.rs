//! Every acknowledged write survives a crash: the real emulator binary is killed (SIGKILL on
//! Unix) right after its last answer and restarted on the same database file.

use easemob_api::native::NativeTransport;
use easemob_api::wire::*;
use easemob_api::*;
use pollster::block_on;
use std::fs::File;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const ORG: &str = "durable";
const APP: &str = "app";
const CLIENT_ID: &str = "durable-id";
const CLIENT_SECRET: &str = "durable-secret";

/// The database file (and SQLite's `-wal` / `-shm` companions) and the log, removed at the end
/// whatever happens.
struct TempFiles {
    db: PathBuf,
    log: PathBuf,
}

impl TempFiles {
    fn new() -> TempFiles {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let stem = format!("easemob-emulator-durability-{}-{nanos}", std::process::id());
        let dir = std::env::temp_dir();
        TempFiles {
            db: dir.join(format!("{stem}.sqlite3")),
            log: dir.join(format!("{stem}.log")),
        }
    }
    fn all(&self) -> Vec<PathBuf> {
        let db = self.db.display().to_string();
        vec![
            self.db.clone(),
            PathBuf::from(format!("{db}-wal")),
            PathBuf::from(format!("{db}-shm")),
            PathBuf::from(format!("{db}-journal")),
            self.log.clone(),
        ]
    }
}

impl Drop for TempFiles {
    fn drop(&mut self) {
        for p in self.all() {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// A running emulator process; killed when dropped, so a failing test leaves none behind.
struct Emulator {
    child: Child,
    base: String,
}

impl Emulator {
    /// Kills the process without warning (SIGKILL on Unix) and reaps it.
    fn crash(mut self) {
        self.child.kill().expect("killing the emulator");
        self.child.wait().expect("reaping the emulator");
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

fn log_of(files: &TempFiles) -> String {
    std::fs::read_to_string(&files.log).unwrap_or_else(|e| format!("(no log: {e})"))
}

/// Starts the binary on `db` and waits until it accepts connections. A port taken between
/// choosing and binding it makes the process exit; then another port is tried.
fn start(files: &TempFiles) -> Emulator {
    for _attempt in 0..5 {
        let port = free_port();
        let listen = format!("127.0.0.1:{port}");
        let log = File::create(&files.log).expect("log file");
        let child = Command::new(env!("CARGO_BIN_EXE_easemob-emulator"))
            .arg("--db")
            .arg(&files.db)
            .args(["--listen", &listen, "--no-demo"])
            .args(["--org", ORG, "--app", APP])
            .args(["--client-id", CLIENT_ID, "--client-secret", CLIENT_SECRET])
            .env_remove("EMULATOR_MEMORY")
            .env_remove("EMULATOR_NO_DEMO")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log file"))
            .stderr(log)
            .spawn()
            .expect("starting the emulator binary");
        let mut emu = Emulator {
            child,
            base: format!("http://{listen}"),
        };
        let addr: SocketAddr = listen.parse().unwrap();
        // Bounded: 600 tries of at most ~0.25 s each.
        for _ in 0..600 {
            if let Some(status) = emu.child.try_wait().expect("checking the emulator") {
                let log = log_of(files);
                if log.contains("cannot listen") {
                    break; // the port was taken meanwhile: try another
                }
                panic!("the emulator exited with {status} before it was ready; its output:\n{log}");
            }
            if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                return emu;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        if let Ok(None) = emu.child.try_wait() {
            let _ = emu.child.kill();
            let _ = emu.child.wait();
            panic!(
                "the emulator did not accept connections on {listen} in time; its output:\n{}",
                log_of(files)
            );
        }
    }
    panic!(
        "the emulator could not listen on any of 5 free ports; its output:\n{}",
        log_of(files)
    );
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn new_user(name: &str) -> NewUser {
    NewUser {
        username: name.into(),
        password: "pw".into(),
        nickname: Some(format!("nick {name}")),
    }
}

#[test]
fn every_acknowledged_write_survives_a_crash() {
    let files = TempFiles::new();
    let first = start(&files);
    let conn = Connection::new(&first.base, ORG, APP);
    let c = Client::with_credentials(
        conn,
        Credentials {
            client_id: CLIENT_ID.into(),
            client_secret: CLIENT_SECRET.into(),
        },
        NativeTransport::default(),
    );
    let send = |e: &dyn Fn(&Client<NativeTransport>) -> Result<(), ApiError>| {
        e(&c).expect("an acknowledged write")
    };

    // --no-demo: an empty app, so the users come first.
    let batch: Vec<NewUser> = (0..10).map(|i| new_user(&format!("u{i:03}"))).collect();
    send(&|c| {
        let r = block_on(c.send(&RegisterUsers {
            users: batch.clone(),
        }))?;
        assert_eq!(r.created.len(), 10);
        Ok(())
    });
    send(&|c| {
        block_on(c.send(&RegisterUsers {
            users: vec![new_user("solo")],
        }))
        .map(|_| ())
    });
    let token = c.token_info().expect("the client got a token").token;

    let create = |name: &str, owner: &str, members: &[&str]| -> String {
        block_on(c.send(&CreateRoom(CreateChatroom {
            name: name.into(),
            description: format!("about {name}"),
            maxusers: Some(200),
            owner: owner.into(),
            members: (!members.is_empty()).then(|| strings(members)),
            custom: Some(format!(r#"{{"room":"{name}"}}"#)),
        })))
        .expect("an acknowledged create")
    };
    let r1 = create("one", "u000", &["u001", "u002"]);
    let r2 = create("two", "u008", &["u009"]);
    send(&|c| {
        block_on(c.send(&AddMember {
            id: r1.clone(),
            username: "u003".into(),
        }))
        .map(|_| ())
    });
    send(&|c| {
        block_on(c.send(&AddMembers {
            id: r1.clone(),
            usernames: strings(&["u004", "u005"]),
        }))
        .map(|_| ())
    });
    send(&|c| {
        block_on(c.send(&ModifyRoom {
            id: r1.clone(),
            changes: ModifyChatroom {
                name: Some("Renamed".into()),
                description: Some("Edited".into()),
                maxusers: Some(50),
            },
        }))
        .map(|_| ())
    });
    send(&|c| {
        block_on(c.send(&RemoveMember {
            id: r1.clone(),
            username: "u001".into(),
        }))
        .map(|_| ())
    });
    send(&|c| {
        let r = block_on(c.send(&RemoveMembers {
            id: r1.clone(),
            usernames: strings(&["u002", "u004"]),
        }))?;
        assert!(r.iter().all(|m| m.result), "{r:?}");
        Ok(())
    });
    send(&|c| {
        block_on(c.send(&TransferRoom {
            id: r1.clone(),
            new_owner: "u003".into(),
        }))
        .map(|_| ())
    });
    send(&|c| block_on(c.send(&DissolveRoom { id: r2.clone() })).map(|_| ()));
    let r3 = create("three", "solo", &[]);
    // The last acknowledged write; the process dies right after its answer.
    send(&|c| {
        block_on(c.send(&AddMembers {
            id: r3.clone(),
            usernames: strings(&["u006", "u007"]),
        }))
        .map(|_| ())
    });
    first.crash();

    let second = start(&files);
    // The token was a write too: the one issued before the crash still works.
    let c = Client::new(
        Connection::new(&second.base, ORG, APP).with_token(token),
        NativeTransport::default(),
    );

    let mut users = Vec::new();
    let mut cursor = None;
    loop {
        let page = block_on(c.send(&ListUsers {
            limit: Some(4),
            cursor,
        }))
        .expect("listing users after the restart");
        users.extend(page.items);
        match page.cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    let names: Vec<&str> = users.iter().map(|u| u.username.as_str()).collect();
    let mut expected: Vec<String> = (0..10).map(|i| format!("u{i:03}")).collect();
    expected.push("solo".into());
    assert_eq!(names, expected);
    assert!(users
        .iter()
        .all(|u| u.nickname.as_deref() == Some(format!("nick {}", u.username).as_str())));

    let rooms = block_on(c.send(&ListRooms {
        limit: Some(100),
        cursor: None,
    }))
    .unwrap();
    let ids: Vec<&str> = rooms.items.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![r3.as_str(), r1.as_str()],
        "the dissolved room stays gone"
    );

    let details = block_on(c.send(&RoomDetails {
        ids: vec![r1.clone(), r2.clone(), r3.clone()],
    }))
    .unwrap();
    assert_eq!(details.len(), 2);
    let one = &details[0];
    assert_eq!(one.id, r1);
    assert_eq!(
        (one.name.as_str(), one.description.as_str(), one.maxusers),
        ("Renamed", "Edited", 50)
    );
    assert_eq!(one.owner, "u003");
    assert_eq!(one.custom, r#"{"room":"one"}"#);
    assert_eq!(
        one.affiliations,
        vec![
            Affiliation::Owner("u003".into()),
            Affiliation::Member("u000".into()),
            Affiliation::Member("u005".into()),
        ]
    );
    let three = &details[1];
    assert_eq!(three.id, r3);
    assert_eq!(
        three.affiliations,
        vec![
            Affiliation::Owner("solo".into()),
            Affiliation::Member("u006".into()),
            Affiliation::Member("u007".into()),
        ]
    );
    assert_eq!(three.maxusers, 200);

    let joined = block_on(c.send(&UserJoinedRooms {
        username: "u007".into(),
        ..Default::default()
    }))
    .unwrap();
    let joined: Vec<&str> = joined.iter().map(|j| j.id.as_str()).collect();
    assert_eq!(joined, vec![r3.as_str()]);
    let joined = block_on(c.send(&UserJoinedRooms {
        username: "u009".into(),
        ..Default::default()
    }))
    .unwrap();
    assert!(joined.is_empty(), "u009 left with the dissolved room");

    second.crash();
    // Only this test's own files: the other test in this file may be running beside it.
    let paths = files.all();
    drop(files);
    assert!(
        paths.iter().all(|p| !Path::new(p).exists()),
        "the temporary files are removed"
    );
}

/// What a writer was told was done.
#[derive(Debug)]
enum Acked {
    Room {
        id: String,
        name: String,
        owner: String,
    },
    Member {
        room: String,
        user: String,
    },
}

/// Creates rooms and adds members to them, one request at a time, until a request gets no
/// answer (the process is gone). Each acknowledged write is reported on `acks` as it lands.
fn write_until_killed(
    base: &str,
    token: &str,
    writer: usize,
    acks: std::sync::mpsc::Sender<()>,
) -> Vec<Acked> {
    let c = Client::new(
        Connection::new(base, ORG, APP).with_token(token),
        NativeTransport::default(),
    );
    let user = |i: usize| format!("w{writer}u{:02}", i % 40);
    let mut done = Vec::new();
    let mut room: Option<String> = None;
    for i in 0.. {
        let result = match (&room, i % 4) {
            (None, _) | (Some(_), 0) => {
                let name = format!("writer {writer} room {i}");
                let owner = user(i);
                block_on(c.send_raw(&CreateRoom(CreateChatroom {
                    name: name.clone(),
                    description: "written during a crash".into(),
                    owner: owner.clone(),
                    ..Default::default()
                })))
                .map(|id| {
                    room = Some(id.clone());
                    vec![Acked::Room { id, name, owner }]
                })
            }
            (Some(id), 1 | 2) => block_on(c.send_raw(&AddMember {
                id: id.clone(),
                username: user(i + 7),
            }))
            .map(|added| {
                vec![Acked::Member {
                    room: added.id,
                    user: added.user,
                }]
            }),
            (Some(id), _) => block_on(c.send_raw(&AddMembers {
                id: id.clone(),
                usernames: vec![user(i + 11), user(i + 13)],
            }))
            .map(|added| {
                added
                    .newmembers
                    .into_iter()
                    .map(|user| Acked::Member {
                        room: added.id.clone(),
                        user,
                    })
                    .collect()
            }),
        };
        match result {
            Ok(acked) => {
                done.extend(acked);
                let _ = acks.send(());
            }
            // No answer: the process was killed (during this request or before it).
            Err(e) if e.status().is_none() => return done,
            Err(e) => panic!("writer {writer}: a write was refused: {e}"),
        }
    }
    unreachable!()
}

#[test]
fn a_crash_during_a_burst_of_parallel_writes_loses_no_acknowledged_write() {
    const WRITERS: usize = 4;
    /// Acknowledged writes before the kill; the writers are still going when it lands.
    const KILL_AFTER: usize = 60;
    let files = TempFiles::new();
    let first = start(&files);
    let c = Client::with_credentials(
        Connection::new(&first.base, ORG, APP),
        Credentials {
            client_id: CLIENT_ID.into(),
            client_secret: CLIENT_SECRET.into(),
        },
        NativeTransport::default(),
    );
    for w in 0..WRITERS {
        let users = (0..40).map(|i| new_user(&format!("w{w}u{i:02}"))).collect();
        let r = block_on(c.send(&RegisterUsers { users })).expect("registering the writers");
        assert_eq!(r.created.len(), 40);
    }
    let token = c.token_info().expect("a token").token;

    let (tx, rx) = std::sync::mpsc::channel();
    let base = first.base.clone();
    let acked: Vec<Acked> = std::thread::scope(|s| {
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (base, token, tx) = (&base, &token, tx.clone());
                s.spawn(move || write_until_killed(base, token, w, tx))
            })
            .collect();
        drop(tx);
        for _ in 0..KILL_AFTER {
            rx.recv().expect("the writers keep writing until the kill");
        }
        first.crash();
        writers
            .into_iter()
            .flat_map(|w| w.join().expect("a writer"))
            .collect()
    });
    assert!(acked.len() >= KILL_AFTER);

    let second = start(&files);
    let c = Client::new(
        Connection::new(&second.base, ORG, APP).with_token(token),
        NativeTransport::default(),
    );
    let room_ids: Vec<String> = acked
        .iter()
        .filter_map(|a| match a {
            Acked::Room { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect();
    let mut rooms = std::collections::HashMap::new();
    for ids in room_ids.chunks(100) {
        let details = block_on(c.send(&RoomDetails { ids: ids.to_vec() }))
            .expect("every acknowledged room is there");
        assert_eq!(details.len(), ids.len(), "rooms lost in the crash");
        rooms.extend(details.into_iter().map(|d| (d.id.clone(), d)));
    }
    for a in &acked {
        match a {
            Acked::Room { id, name, owner } => {
                let room = &rooms[id];
                assert_eq!((&room.name, &room.owner), (name, owner));
            }
            Acked::Member { room, user } => assert!(
                rooms[room]
                    .affiliations
                    .iter()
                    .any(|m| m.username() == user),
                "{user}'s acknowledged join of {room} was lost"
            ),
        }
    }
    second.crash();
}
