//! Requests that race: every check and its write happen in one transaction, so parallel
//! callers cannot together break a rule that each of them was checked against.

mod common;

use common::*;
use easemob_api::client::Client;
use easemob_api::native::NativeTransport;
use easemob_api::wire::*;
use easemob_api::*;
use pollster::block_on;
use std::sync::Barrier;

#[test]
fn a_hundred_parallel_joins_fill_a_room_of_50_exactly() {
    let emu = clean();
    let users = names("joiner", 100);
    emu.register(&users);
    emu.register(&["host".to_string()]);
    let id = emu.ok(&CreateRoom(CreateChatroom {
        name: "Fifty seats".into(),
        description: "the owner takes one".into(),
        maxusers: Some(50),
        owner: "host".into(),
        members: None,
        custom: None,
    }));
    let start = Barrier::new(users.len());
    // Each join's outcome: who was added, or the refusal's status and code.
    type Outcome = Result<String, (Option<u16>, Option<String>)>;
    let results: Vec<Outcome> = std::thread::scope(|s| {
        let joins: Vec<_> = users
            .iter()
            .map(|u| {
                let (conn, id, start) = (emu.conn.clone(), id.clone(), &start);
                s.spawn(move || {
                    // Each its own client and connection, as a hundred browsers would be.
                    let client = Client::new(conn, NativeTransport::default());
                    start.wait();
                    block_on(client.send_raw(&AddMember {
                        id,
                        username: u.clone(),
                    }))
                    .map(|added| added.user)
                    .map_err(|e| (e.status(), e.code().map(str::to_string)))
                })
            })
            .collect();
        joins.into_iter().map(|j| j.join().unwrap()).collect()
    });

    // The owner counts against maxusers when members are added later.
    let joined = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(joined, 49);
    for r in results.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(r, &(Some(403), Some("forbidden_op".to_string())));
    }
    let detail = emu.detail(&id);
    assert_eq!(detail.affiliations.len(), 50);
    assert_eq!(detail.affiliations_count, 50);
    assert_eq!(detail.affiliations[0], Affiliation::Owner("host".into()));
    let admitted: Vec<&str> = results.iter().filter_map(|r| r.as_deref().ok()).collect();
    for name in &admitted {
        assert!(
            detail.affiliations.iter().any(|a| a.username() == *name),
            "{name} was told they joined"
        );
    }
}
