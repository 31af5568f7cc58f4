//! The traffic policy against a scripted transport and a fake clock: every wait moves the
//! clock instead of sleeping, so these tests take no time and do not depend on the machine.

use super::*;
use crate::http::Method;
use crate::settle::Verdict;
use std::collections::VecDeque;
use std::task::{Context, Poll};

/// Yields to the executor once, as a real network round trip would.
struct YieldOnce(bool);
impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// Pending until `ready` says so (pollster polls it again at once; the other futures joined
/// with it make progress meanwhile).
struct Until<F: Fn() -> bool>(F);
impl<F: Fn() -> bool> Future for Until<F> {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if (self.0)() {
            Poll::Ready(())
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// A prompt that answers `token` only once the server has answered `n` requests, so that calls
/// refused together are all waiting when the person answers.
fn prompt_after(
    server: &Scripted,
    n: usize,
    token: Option<&'static str>,
    asked: Rc<Cell<u32>>,
) -> TokenPrompt {
    let served = server.served.clone();
    Rc::new(move || {
        asked.set(asked.get() + 1);
        let served = served.clone();
        Box::pin(async move {
            Until(move || served.get() >= n).await;
            token.map(str::to_string)
        })
    })
}

/// What the scripted server answers next.
enum Answer {
    Status(u16, &'static str),
    RetryAfter(u16, &'static str, &'static str),
    NetworkFailure,
    /// The browser kept the answer from the page (CORS).
    Cors,
    /// No answer within the time-out.
    Hung,
}

use Answer::*;

const LIST_OK: &str = r#"{"data":[],"count":0}"#;
const RATE_LIMITED: &str =
    r#"{"error":"reach_limit","error_description":"This request has reached api limit"}"#;
const UNAVAILABLE: &str = r#"{"error":"service_unavailable","error_description":"the service is temporarily unavailable"}"#;
const EXPIRED: &str = r#"{"error":"unauthorized","exception":"EasemobSecurityException","error_description":"Unable to authenticate due to expired access token"}"#;

/// When a request was sent, how, where, and with which bearer token.
type Sent = (u64, Method, String, Option<String>);

/// A server that answers token requests itself (numbered tokens) and every other request from
/// the script, then with `LIST_OK`. It keeps the clock: a sleep moves it at once.
struct Scripted {
    clock: Cell<u64>,
    script: RefCell<VecDeque<Answer>>,
    /// (time, method, path, bearer token) of every request but token requests.
    sent: RefCell<Vec<Sent>>,
    token_requests: Cell<u32>,
    token_ttl_s: u64,
    slept: RefCell<Vec<u64>>,
    /// When set, a wait never ends by itself (only a stop ends it).
    endless_waits: Cell<bool>,
    /// Requests answered (token requests aside), shared with futures that wait on it.
    served: Rc<Cell<usize>>,
}

impl Scripted {
    fn new(script: Vec<Answer>) -> Scripted {
        Scripted {
            clock: Cell::new(1_000_000),
            script: RefCell::new(script.into()),
            sent: RefCell::new(Vec::new()),
            token_requests: Cell::new(0),
            token_ttl_s: 7200,
            slept: RefCell::new(Vec::new()),
            endless_waits: Cell::new(false),
            served: Rc::new(Cell::new(0)),
        }
    }
    fn sends(&self) -> usize {
        self.sent.borrow().len()
    }
}

impl Transport for &Scripted {
    async fn execute(&self, req: HttpRequest) -> Result<HttpResponse, ApiError> {
        YieldOnce(false).await;
        if req.url.ends_with("/token") {
            self.token_requests.set(self.token_requests.get() + 1);
            let n = self.token_requests.get();
            return Ok(HttpResponse::new(
                200,
                format!(
                    r#"{{"access_token":"t{n}","expires_in":{},"application":"a"}}"#,
                    self.token_ttl_s
                ),
            ));
        }
        let token = req
            .header("authorization")
            .map(|h| h.trim_start_matches("Bearer ").to_string());
        let path = req.url.trim_start_matches("http://h").to_string();
        self.sent
            .borrow_mut()
            .push((self.clock.get(), req.method, path, token));
        self.served.set(self.served.get() + 1);
        match self.script.borrow_mut().pop_front() {
            None => Ok(HttpResponse::new(200, LIST_OK)),
            Some(Status(status, body)) => Ok(HttpResponse::new(status, body)),
            Some(RetryAfter(status, body, after)) => Ok(HttpResponse {
                status,
                headers: vec![("retry-after".into(), after.into())],
                body: body.into(),
            }),
            Some(NetworkFailure) => Err(ApiError::network("connection reset")),
            Some(Cors) => Err(ErrorKind::CorsBlocked("TypeError: Failed to fetch".into()).into()),
            Some(Hung) => Err(ErrorKind::TimedOut {
                after_ms: REQUEST_TIMEOUT_MS,
            }
            .into()),
        }
    }
    fn now_ms(&self) -> u64 {
        self.clock.get()
    }
    async fn sleep(&self, ms: u64) {
        if self.endless_waits.get() {
            Until(|| false).await;
        }
        self.slept.borrow_mut().push(ms);
        self.clock.set(self.clock.get() + ms);
    }
}

fn conn() -> Connection {
    Connection::new("http://h", "o", "a")
}

fn credentials() -> Credentials {
    Credentials {
        client_id: "id".into(),
        client_secret: "secret".into(),
    }
}

fn pasted(server: &Scripted) -> Client<&Scripted> {
    Client::new(conn().with_token("pasted"), server)
}

fn events(client: &Client<&Scripted>) -> Rc<RefCell<Vec<ClientEvent>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    client.on_event(move |e| sink.borrow_mut().push(e.clone()));
    seen
}

fn run<F: Future>(f: F) -> F::Output {
    pollster::block_on(f)
}

fn dissolve() -> DissolveRoom {
    DissolveRoom { id: "42".into() }
}

fn create() -> CreateRoom {
    CreateRoom(CreateChatroom {
        name: "n".into(),
        description: "d".into(),
        owner: "alice".into(),
        ..Default::default()
    })
}

#[test]
fn calls_that_find_the_token_due_together_share_one_renewal() {
    let server = Scripted::new(vec![]);
    let client = Client::with_credentials(conn(), credentials(), &server);
    let list = ListRooms::default();
    let (a, b, c) = run(futures_util::future::join3(
        client.send(&list),
        client.send(&list),
        client.send(&list),
    ));
    assert!(a.is_ok() && b.is_ok() && c.is_ok());
    assert_eq!(server.token_requests.get(), 1);
    assert_eq!(client.token_info().unwrap().token, "t1");
}

#[test]
fn a_429_waits_as_long_as_retry_after_says_and_then_succeeds() {
    let server = Scripted::new(vec![RetryAfter(429, RATE_LIMITED, "2")]);
    let client = pasted(&server);
    let seen = events(&client);
    assert!(run(client.send(&ListRooms::default())).is_ok());
    assert_eq!(server.sends(), 2);
    let waits: Vec<_> = seen
        .borrow()
        .iter()
        .filter_map(|e| match e {
            ClientEvent::Waiting { reason, ms, call } => Some((*reason, *ms, call.to_string())),
            _ => None,
        })
        .collect();
    assert_eq!(
        waits,
        vec![(
            WaitReason::RateLimited,
            2000,
            "GET /o/a/chatrooms".to_string()
        )]
    );
    let sent = server.sent.borrow();
    assert!(sent[1].0 - sent[0].0 >= 2000, "{sent:?}");
}

#[test]
fn without_retry_after_a_429_backs_off_exponentially_with_jitter_and_gives_up_in_bounds() {
    let policy = RetryPolicy::default();
    let server = Scripted::new((0..100).map(|_| Status(429, RATE_LIMITED)).collect());
    let client = pasted(&server);
    let err = run(client.send(&ListRooms::default())).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::RateLimited { .. }), "{err:?}");
    assert_eq!(err.class(), crate::error::FailureClass::RateLimited);
    assert_eq!(err.call.as_ref().unwrap().to_string(), "GET /o/a/chatrooms");
    assert_eq!(server.sends() as u32, policy.max_rate_waits + 1);
    let waits: Vec<u64> = server
        .slept
        .borrow()
        .iter()
        .copied()
        .filter(|ms| *ms > 100) // leave out the pacer's few milliseconds
        .collect();
    assert_eq!(waits.len() as u32, policy.max_rate_waits);
    for (i, ms) in waits.iter().enumerate() {
        let step = (policy.backoff_base_ms << i).min(policy.backoff_cap_ms);
        assert!(
            (step / 2..=step).contains(ms),
            "wait {i} was {ms} ms, step {step}"
        );
    }
    // Jitter: the waits at the cap are not all the same.
    let capped: Vec<_> = waits.iter().skip(6).collect();
    assert!(capped.windows(2).any(|w| w[0] != w[1]), "{capped:?}");
}

#[test]
fn reads_are_sent_again_after_a_server_error_or_a_network_failure() {
    let server = Scripted::new(vec![Status(503, UNAVAILABLE), NetworkFailure]);
    let client = pasted(&server);
    let seen = events(&client);
    assert!(run(client.send(&ListRooms::default())).is_ok());
    assert_eq!(server.sends(), 3);
    let attempts: Vec<(Option<u16>, u32)> = seen
        .borrow()
        .iter()
        .filter_map(|e| match e {
            ClientEvent::Sent {
                status, attempt, ..
            } => Some((*status, *attempt)),
            _ => None,
        })
        .collect();
    assert_eq!(attempts, vec![(Some(503), 1), (None, 2), (Some(200), 3)]);
}

#[test]
fn retries_are_bounded_and_the_error_says_which_call_and_what_kind() {
    let server = Scripted::new((0..100).map(|_| Status(503, UNAVAILABLE)).collect());
    let client = pasted(&server);
    let err = run(client.send(&RoomDetails::one("42"))).unwrap_err();
    assert_eq!(server.sends() as u32, RetryPolicy::default().max_attempts);
    assert_eq!(err.class(), crate::error::FailureClass::ServerError);
    assert_eq!(err.refusal(), Some(&Refusal::Unavailable));
    assert_eq!(err.call.unwrap().to_string(), "GET /o/a/chatrooms/42");
}

#[test]
fn a_create_whose_answer_is_lost_is_never_sent_twice() {
    for lost in [
        Status(503, UNAVAILABLE),
        NetworkFailure,
        Status(502, "<html>"),
    ] {
        let server = Scripted::new(vec![lost]);
        let client = pasted(&server);
        let err = run(client.send(&create())).unwrap_err();
        assert_eq!(server.sends(), 1);
        assert!(
            matches!(err.kind, ErrorKind::OutcomeUnknown { .. }),
            "{err:?}"
        );
        assert_eq!(err.call.unwrap().to_string(), "POST /o/a/chatrooms");
    }
}

#[test]
fn a_create_refused_with_429_is_sent_again_because_nothing_was_done() {
    let server = Scripted::new(vec![
        RetryAfter(429, RATE_LIMITED, "1"),
        Status(200, r#"{"data":{"id":"9"}}"#),
    ]);
    let client = pasted(&server);
    assert_eq!(run(client.send(&create())).unwrap(), "9");
    assert_eq!(server.sends(), 2);
}

#[test]
fn a_dissolve_sent_again_after_its_answer_was_lost_and_found_gone_is_done() {
    let server = Scripted::new(vec![
        Status(503, UNAVAILABLE),
        Status(
            404,
            r#"{"error":"resource_not_found","error_description":"grpID 42 does not exist!"}"#,
        ),
    ]);
    let client = pasted(&server);
    let done = run(client.send(&dissolve())).unwrap();
    assert!(done.success);
    assert_eq!(done.id, "42");
}

#[test]
fn a_dissolve_of_a_room_that_never_existed_is_still_refused() {
    let server = Scripted::new(vec![Status(
        404,
        r#"{"error":"resource_not_found","error_description":"grpID 42 does not exist!"}"#,
    )]);
    let client = pasted(&server);
    let err = run(client.send(&dissolve())).unwrap_err();
    assert_eq!(
        err.refusal(),
        Some(&Refusal::RoomNotFound { id: "42".into() })
    );
    assert_eq!(server.sends(), 1);
}

#[test]
fn refusals_are_not_sent_again() {
    let server = Scripted::new(vec![Status(
        403,
        r#"{"error":"forbidden_op","error_description":"new owner and old owner are the same"}"#,
    )]);
    let client = pasted(&server);
    let err = run(client.send(&TransferRoom {
        id: "42".into(),
        new_owner: "bob".into(),
    }))
    .unwrap_err();
    assert_eq!(err.refusal(), Some(&Refusal::SameOwner));
    assert_eq!(server.sends(), 1);
}

#[test]
fn bulk_work_is_paced_under_each_endpoints_documented_limit() {
    let server = Scripted::new(vec![]);
    let client = pasted(&server);
    for _ in 0..120 {
        run(client.send(&ListRooms::default())).unwrap();
    }
    for _ in 0..120 {
        run(client.send(&RoomDetails::one("42"))).unwrap();
    }
    let sent = server.sent.borrow();
    for (class, limit) in [("/chatrooms", 50), ("/chatrooms/42", 100)] {
        let times: Vec<u64> = sent
            .iter()
            .filter(|s| s.2 == format!("/o/a{class}"))
            .map(|s| s.0)
            .collect();
        assert_eq!(times.len(), 120);
        for (i, t) in times.iter().enumerate() {
            let in_window = times[i..].iter().take_while(|u| **u < t + 1000).count();
            assert!(
                in_window <= limit,
                "{in_window} sends of {class} within a second"
            );
        }
    }
}

#[test]
fn with_client_credentials_a_401_renews_the_token_once_and_sends_again() {
    let server = Scripted::new(vec![Status(401, EXPIRED), Status(401, EXPIRED)]);
    let client = Client::with_credentials(conn(), credentials(), &server);
    let err = run(client.send(&ListRooms::default())).unwrap_err();
    assert_eq!(err.refusal(), Some(&Refusal::ExpiredToken));
    // First token, then one renewal after the first 401; the second 401 is returned.
    assert_eq!(server.token_requests.get(), 2);
    let tokens: Vec<_> = server.sent.borrow().iter().map(|s| s.3.clone()).collect();
    assert_eq!(tokens, vec![Some("t1".into()), Some("t2".into())]);
}

#[test]
fn a_short_lived_token_is_renewed_when_due_not_before_every_call() {
    let mut server = Scripted::new(vec![]);
    server.token_ttl_s = 5;
    let client = Client::with_credentials(conn(), credentials(), &server);
    for _ in 0..10 {
        run(client.send(&ListRooms::default())).unwrap();
    }
    assert_eq!(server.token_requests.get(), 1);
    server.clock.set(server.clock.get() + 4_500);
    run(client.send(&ListRooms::default())).unwrap();
    assert_eq!(server.token_requests.get(), 2);
}

#[test]
fn a_refused_pasted_token_asks_for_a_new_one_and_the_call_goes_on() {
    let server = Scripted::new(vec![Status(401, EXPIRED)]);
    let client = pasted(&server);
    let asked = Rc::new(Cell::new(0));
    let count = asked.clone();
    client.on_token_refused(Rc::new(move || {
        count.set(count.get() + 1);
        Box::pin(async { Some("fresh".to_string()) })
    }));
    assert!(run(client.send(&ListRooms::default())).is_ok());
    assert_eq!(asked.get(), 1);
    let tokens: Vec<_> = server.sent.borrow().iter().map(|s| s.3.clone()).collect();
    assert_eq!(tokens, vec![Some("pasted".into()), Some("fresh".into())]);
    assert_eq!(client.token_info().unwrap().token, "fresh");
}

#[test]
fn declining_to_give_a_new_token_ends_the_call_with_the_401() {
    let server = Scripted::new(vec![Status(401, EXPIRED)]);
    let client = pasted(&server);
    client.on_token_refused(Rc::new(|| Box::pin(async { None })));
    let err = run(client.send(&ListRooms::default())).unwrap_err();
    assert!(err.is_unauthorized());
    assert_eq!(server.sends(), 1);
}

#[test]
fn calls_refused_together_ask_for_one_new_token() {
    let server = Scripted::new(vec![Status(401, EXPIRED), Status(401, EXPIRED)]);
    let client = pasted(&server);
    let asked = Rc::new(Cell::new(0));
    client.on_token_refused(prompt_after(&server, 2, Some("fresh"), asked.clone()));
    let list = ListRooms::default();
    let (a, b) = run(futures_util::future::join(
        client.send(&list),
        client.send(&list),
    ));
    assert!(a.is_ok() && b.is_ok());
    assert_eq!(asked.get(), 1);
    let tokens: Vec<_> = server.sent.borrow().iter().map(|s| s.3.clone()).collect();
    assert_eq!(
        tokens,
        ["pasted", "pasted", "fresh", "fresh"].map(|t| Some(t.to_string()))
    );
}

#[test]
fn giving_up_on_a_token_ends_every_call_refused_with_it_without_asking_again() {
    let server = Scripted::new(vec![Status(401, EXPIRED), Status(401, EXPIRED)]);
    let client = pasted(&server);
    let asked = Rc::new(Cell::new(0));
    client.on_token_refused(prompt_after(&server, 2, None, asked.clone()));
    let list = ListRooms::default();
    let (a, b) = run(futures_util::future::join(
        client.send(&list),
        client.send(&list),
    ));
    assert!(a.unwrap_err().is_unauthorized() && b.unwrap_err().is_unauthorized());
    assert_eq!(asked.get(), 1);
    assert_eq!(server.sends(), 2);
}

#[test]
fn a_change_whose_answer_was_lost_is_still_a_repeat_after_a_new_token() {
    // The dissolve worked but its answer was lost; the repeat meets an expired token; with the
    // new token the room is gone, which is the dissolve's own doing.
    let server = Scripted::new(vec![
        Status(503, UNAVAILABLE),
        Status(401, EXPIRED),
        Status(
            404,
            r#"{"error":"resource_not_found","error_description":"grpID 42 does not exist!"}"#,
        ),
    ]);
    let client = pasted(&server);
    client.on_token_refused(Rc::new(|| Box::pin(async { Some("fresh".to_string()) })));
    let done = run(client.send(&dissolve())).unwrap();
    assert!(done.success);
    assert_eq!(server.sends(), 3);
}

#[test]
fn a_removal_sent_again_after_its_answer_was_lost_and_found_done_is_done() {
    let server = Scripted::new(vec![
        NetworkFailure,
        Status(
            400,
            r#"{"error":"forbidden_op","error_description":"users [bob] are not members of this group!"}"#,
        ),
    ]);
    let client = pasted(&server);
    let removed = run(client.send(&RemoveMember {
        id: "42".into(),
        username: "bob".into(),
    }))
    .unwrap();
    assert!(removed.result);
    assert_eq!(removed.user, "bob");
}

#[test]
fn a_server_error_asking_for_a_long_wait_is_not_waited_for() {
    let server = Scripted::new(vec![RetryAfter(503, UNAVAILABLE, "3600")]);
    let client = pasted(&server);
    let err = run(client.send(&ListRooms::default())).unwrap_err();
    assert_eq!(err.class(), crate::error::FailureClass::ServerError);
    assert_eq!(server.sends(), 1);
    assert!(server.slept.borrow().iter().all(|ms| *ms < 1000));
}

#[test]
fn a_limit_broken_before_sending_names_no_call_and_sends_nothing() {
    let server = Scripted::new(vec![]);
    let client = pasted(&server);
    let err = run(client.send(&RoomDetails {
        ids: (0..101).map(|i| i.to_string()).collect(),
    }))
    .unwrap_err();
    assert_eq!(err.class(), crate::error::FailureClass::NotSent);
    assert!(err.call.is_none());
    assert_eq!(server.sends(), 0);
}

#[test]
fn all_rooms_walks_every_page_at_the_largest_size_until_no_cursor_is_left() {
    let server = Scripted::new(vec![
        Status(200, r#"{"data":[{"id":"3"},{"id":"2"}],"cursor":"c1"}"#),
        // A lost page is read again: reads are repeatable.
        Status(503, UNAVAILABLE),
        Status(200, r#"{"data":[{"id":"1"}],"cursor":"c2"}"#),
        Status(200, r#"{"data":[],"cursor":""}"#),
    ]);
    let client = pasted(&server);
    let mut seen = Vec::new();
    let done = run(client.all_rooms(|rooms| {
        seen.extend(rooms.into_iter().map(|r| r.id));
        true
    }))
    .unwrap();
    assert!(done);
    assert_eq!(seen, ["3", "2", "1"]);
    let paths: Vec<String> = server.sent.borrow().iter().map(|s| s.2.clone()).collect();
    assert_eq!(
        paths,
        [
            "/o/a/chatrooms?limit=1000",
            "/o/a/chatrooms?limit=1000&cursor=c1",
            "/o/a/chatrooms?limit=1000&cursor=c1",
            "/o/a/chatrooms?limit=1000&cursor=c2",
        ]
    );
}

#[test]
fn all_rooms_stops_when_told_and_asks_for_no_further_page() {
    let server = Scripted::new(vec![
        Status(200, r#"{"data":[{"id":"3"}],"cursor":"c1"}"#),
        Status(200, r#"{"data":[{"id":"2"}],"cursor":"c2"}"#),
    ]);
    let client = pasted(&server);
    let done = run(client.all_rooms(|_| false)).unwrap();
    assert!(!done);
    assert_eq!(server.sends(), 1);
}

/// The answer to the owner's rooms and then to their details, for a create looked for: one
/// room of the create's name, made at `created`.
fn owner_has_room(created: u64) -> Vec<Answer> {
    let rooms: &'static str =
        Box::leak(r#"{"data":[{"id":"77","name":"n"}]}"#.to_string().into_boxed_str());
    let detail: &'static str = Box::leak(
        format!(r#"{{"data":[{{"id":"77","name":"n","owner":"alice","created":{created}}}]}}"#)
            .into_boxed_str(),
    );
    vec![Status(200, rooms), Status(200, detail)]
}

fn posts(server: &Scripted) -> usize {
    server
        .sent
        .borrow()
        .iter()
        .filter(|(_, m, _, _)| *m == Method::Post)
        .count()
}

#[test]
fn a_create_whose_answer_is_kept_by_cors_is_looked_for_and_never_sent_again() {
    let mut script = vec![Cors];
    script.extend(owner_has_room(1_000_000));
    let server = Scripted::new(script);
    let client = pasted(&server);
    let verdict = run(client.send_once(&create(), || ()));
    assert_eq!(verdict.done(), Some(&"77".to_string()), "{verdict:?}");
    assert!(matches!(verdict, Verdict::Done { looked: true, .. }));
    assert_eq!(posts(&server), 1, "one POST, then reads");
    // Not found: not done, to be sent again by the person.
    let server = Scripted::new(vec![Cors, Status(200, r#"{"data":[]}"#)]);
    let client = pasted(&server);
    let verdict = run(client.send_once(&create(), || ()));
    match verdict {
        Verdict::NotDone { lost } => assert!(matches!(
            lost.kind,
            ErrorKind::OutcomeUnknown { ref cause } if matches!(**cause, ErrorKind::CorsBlocked(_))
        )),
        other => panic!("{other:?}"),
    }
    assert_eq!(posts(&server), 1);
}

#[test]
fn a_create_answered_200_with_an_unreadable_body_is_an_unknown_outcome_looked_for() {
    let mut script = vec![Status(200, "<html>gateway</html>")];
    script.extend(owner_has_room(1_000_000));
    let server = Scripted::new(script);
    let client = pasted(&server);
    let verdict = run(client.send_once(&create(), || ()));
    assert_eq!(verdict.done(), Some(&"77".to_string()), "{verdict:?}");
    assert_eq!(posts(&server), 1);
    // A read answered the same way is only unreadable.
    let server = Scripted::new(vec![Status(200, "<html>gateway</html>")]);
    let err = run(pasted(&server).send(&ListRooms::default())).unwrap_err();
    assert!(matches!(
        err.kind,
        ErrorKind::Unreadable { status: 200, .. }
    ));
}

#[test]
fn a_hung_create_times_out_as_an_unknown_outcome_and_a_hung_read_is_sent_again() {
    let server = Scripted::new(vec![Hung]);
    let err = run(pasted(&server).send(&create())).unwrap_err();
    assert!(
        matches!(err.kind, ErrorKind::OutcomeUnknown { ref cause } if matches!(**cause, ErrorKind::TimedOut { .. })),
        "{err:?}"
    );
    assert_eq!(server.sends(), 1);
    let server = Scripted::new(vec![Hung, Hung]);
    assert!(run(pasted(&server).send(&ListRooms::default())).is_ok());
    assert_eq!(server.sends(), 3);
}

#[test]
fn looking_that_fails_is_an_unknown_verdict_and_looking_again_settles_it() {
    let server = Scripted::new(vec![
        NetworkFailure,
        Status(403, r#"{"error":"forbidden_op","error_description":"no"}"#),
    ]);
    let client = pasted(&server);
    let verdict = run(client.send_once(&create(), || ()));
    let Verdict::Unknown {
        lost, sent_at_ms, ..
    } = verdict
    else {
        panic!("{verdict:?}");
    };
    server
        .script
        .borrow_mut()
        .extend(owner_has_room(sent_at_ms));
    let again = run(client.look_again(&create(), sent_at_ms, lost));
    assert_eq!(again.done(), Some(&"77".to_string()));
    assert_eq!(posts(&server), 1);
}

#[test]
fn a_transfer_whose_answer_is_lost_is_done_when_the_room_has_the_new_owner() {
    let transfer = TransferRoom {
        id: "9".into(),
        new_owner: "bob".into(),
    };
    let server = Scripted::new(vec![
        NetworkFailure,
        Status(200, r#"{"data":[{"id":"9","owner":"bob"}]}"#),
    ]);
    let verdict = run(pasted(&server).send_once(&transfer, || ()));
    assert_eq!(verdict.done(), Some(&true), "{verdict:?}");
    let server = Scripted::new(vec![
        NetworkFailure,
        Status(200, r#"{"data":[{"id":"9","owner":"alice"}]}"#),
    ]);
    let verdict = run(pasted(&server).send_once(&transfer, || ()));
    assert!(matches!(verdict, Verdict::NotDone { .. }), "{verdict:?}");
    assert_eq!(
        server
            .sent
            .borrow()
            .iter()
            .filter(|s| s.1 == Method::Put)
            .count(),
        1
    );
}

#[test]
fn a_refusal_is_a_refused_verdict_without_looking() {
    let server = Scripted::new(vec![Status(
        400,
        r#"{"error":"illegal_argument","error_description":"owner must be provided"}"#,
    )]);
    let verdict = run(pasted(&server).send_once(&create(), || ()));
    assert!(matches!(verdict, Verdict::Refused(_)), "{verdict:?}");
    assert_eq!(server.sends(), 1);
}

#[test]
fn stop_ends_a_429_wait_at_once_and_nothing_more_is_sent() {
    // The call waits without end after its first answer, until it is stopped.
    let stopped_after_one = |answer: Answer| {
        let server = Scripted::new(vec![answer]);
        server.endless_waits.set(true);
        let client = pasted(&server);
        let stop = Cancel::new();
        let served = server.served.clone();
        let (result, ()) = run(futures_util::future::join(
            client.send_or_stop(&dissolve(), &stop),
            async {
                Until(move || served.get() >= 1).await;
                stop.cancel();
            },
        ));
        (result, server.sends())
    };
    let (result, sends) = stopped_after_one(RetryAfter(429, RATE_LIMITED, "30"));
    let err = result.unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Cancelled), "{err:?}");
    assert_eq!(sends, 1);
    // A change already sent without an answer, stopped in its backoff: may have been made.
    let (result, sends) = stopped_after_one(NetworkFailure);
    assert_eq!(sends, 1);
    // A create stopped while it waits its turn is refused as stopped, and not looked for.
    let server = Scripted::new(vec![]);
    let stop = Cancel::new();
    stop.cancel();
    let verdict = run(pasted(&server).send_once_or_stop(&create(), || (), Some(&stop)));
    assert!(
        matches!(&verdict, Verdict::Refused(e) if matches!(e.kind, ErrorKind::Cancelled)),
        "{verdict:?}"
    );
    assert_eq!(server.sends(), 0);
    assert!(matches!(
        result.unwrap_err().kind,
        ErrorKind::OutcomeUnknown { .. }
    ));
    // Stopped before it starts: nothing is sent.
    let server = Scripted::new(vec![]);
    let stop = Cancel::new();
    stop.cancel();
    assert!(run(pasted(&server).send_or_stop(&dissolve(), &stop)).is_err());
    assert_eq!(server.sends(), 0);
}

#[test]
fn a_refused_pasted_token_may_be_answered_with_its_bearer_prefix() {
    assert_eq!(crate::connect::bare_token("  Bearer abc "), "abc");
    assert_eq!(crate::connect::bare_token("bearer abc"), "abc");
    assert_eq!(crate::connect::bare_token("BEARER"), "");
    assert_eq!(crate::connect::bare_token("abc"), "abc");
    assert_eq!(crate::connect::bare_token("Bearerabc"), "Bearerabc");
}

#[test]
fn debug_output_of_connections_and_tokens_masks_them() {
    let shown = format!(
        "{:?} {:?} {:?}",
        conn().with_token("SECRET-1"),
        TokenInfo {
            token: "SECRET-2".into(),
            expires_at_ms: None
        },
        crate::connect::ConnectForm {
            host: "h".into(),
            org: "o".into(),
            app: "a".into(),
            mode: crate::connect::AuthMode::Token,
            token: "SECRET-3".into(),
            client_id: "id".into(),
            client_secret: "SECRET-4".into(),
        }
    );
    assert!(!shown.contains("SECRET"), "{shown}");
    assert!(shown.contains("***"));
}
