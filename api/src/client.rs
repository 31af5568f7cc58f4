//! The one client layer every call goes through, and the one place for traffic policy:
//!
//! - the token: fetched with client credentials and renewed before it expires and once after a
//!   401; with a pasted token, a 401 asks the page for a new one and the call goes on;
//! - pacing: every call waits its turn under the documented rate limit of its endpoint;
//! - 429: wait (Retry-After when given, otherwise exponential backoff with jitter) and send
//!   again, a bounded number of times; nothing was done, so this is safe for every call;
//! - server errors and network failures: calls that may be repeated are sent again a bounded
//!   number of times; a call that may not (a create) ends as "outcome unknown";
//! - events for the page: each request sent (for a request log) and each wait.

use crate::connect::{Connection, Credentials};
use crate::endpoints::*;
use crate::error::{ApiError, Call, ErrorKind, Refusal};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::limits;
use crate::wire::*;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

/// Moves one request over the wire and keeps time. Implementations only carry bytes; they
/// never interpret a status.
pub trait Transport {
    fn execute(&self, req: HttpRequest) -> impl Future<Output = Result<HttpResponse, ApiError>>;
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> u64;
    /// Resolves after `ms` milliseconds.
    fn sleep(&self, ms: u64) -> impl Future<Output = ()>;
}

/// The token in use and when it stops working.
#[derive(Clone, PartialEq, Eq)]
pub struct TokenInfo {
    pub token: String,
    /// Milliseconds since the epoch; `None` when it never expires or is not known (pasted).
    pub expires_at_ms: Option<u64>,
}

impl std::fmt::Debug for TokenInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenInfo")
            .field("token", &crate::connect::masked(&self.token))
            .field("expires_at_ms", &self.expires_at_ms)
            .finish()
    }
}

/// How long a request may go without an answer before the transport abandons it
/// ([`ErrorKind::TimedOut`]).
pub const REQUEST_TIMEOUT_MS: u64 = 30_000;

/// Stops the calls it is given to ([`Client::send_or_stop`]): a call waiting its turn, a 429 or
/// a backoff ends at once when it is cancelled, with [`ErrorKind::Cancelled`] (or, for a change
/// already sent without an answer, [`ErrorKind::OutcomeUnknown`]). A request on the wire is not
/// cut off: its answer is waited for, up to the time-out.
#[derive(Clone, Default)]
pub struct Cancel(Rc<CancelState>);

#[derive(Default)]
struct CancelState {
    cancelled: Cell<bool>,
    wakers: RefCell<Vec<std::task::Waker>>,
}

impl Cancel {
    pub fn new() -> Cancel {
        Cancel::default()
    }
    pub fn cancel(&self) {
        self.0.cancelled.set(true);
        for w in self.0.wakers.borrow_mut().drain(..) {
            w.wake();
        }
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.cancelled.get()
    }
    /// Resolves once cancelled.
    fn cancelled(&self) -> impl Future<Output = ()> + '_ {
        std::future::poll_fn(move |cx| {
            if self.is_cancelled() {
                std::task::Poll::Ready(())
            } else {
                let mut wakers = self.0.wakers.borrow_mut();
                if !wakers.iter().any(|w| w.will_wake(cx.waker())) {
                    wakers.push(cx.waker().clone());
                }
                std::task::Poll::Pending
            }
        })
    }
}

/// Renew at most this long before a token expires, so no call is sent with a dying token.
pub const REFRESH_MARGIN_MS: u64 = 60_000;

/// How hard the client tries before it gives up on a call.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Sends of a repeatable call that end in a server error or a network failure.
    pub max_attempts: u32,
    /// 429 answers waited out for one call.
    pub max_rate_waits: u32,
    /// The first backoff; it doubles each time, up to `backoff_cap_ms`.
    pub backoff_base_ms: u64,
    pub backoff_cap_ms: u64,
    /// The longest Retry-After honoured; a longer one gives up at once.
    pub retry_after_cap_ms: u64,
    /// Pace each endpoint at this share of its documented limit, leaving room for the app's
    /// own backend, which shares the limit.
    pub pace_share: f64,
    /// New tokens asked of the person for one call, when the token was pasted.
    pub max_token_prompts: u32,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 10,
            max_rate_waits: 16,
            backoff_base_ms: 250,
            backoff_cap_ms: 5_000,
            retry_after_cap_ms: 30_000,
            pace_share: 0.8,
            max_token_prompts: 3,
        }
    }
}

/// Why a call is waiting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaitReason {
    /// The server answered 429.
    RateLimited,
    /// A server error or a network failure; the call will be sent again.
    Retrying,
}

/// What the client tells the page as it works. Its `Debug` output masks secrets (the request's
/// own `Debug` does; the body is shown through [`mask_secrets`](crate::http::mask_secrets)).
#[derive(Clone, PartialEq, Eq)]
pub enum ClientEvent {
    /// One request went out and this came back (`status` is `None` when nothing did).
    Sent {
        call: Call,
        status: Option<u16>,
        duration_ms: u64,
        /// 1 for the first send of a call, 2 for its first repeat, and so on.
        attempt: u32,
        /// The request as it went out (with the token of that moment: keep it in memory only,
        /// and show it through [`HttpRequest::curl`] and [`mask_secrets`](crate::http::mask_secrets)).
        request: Arc<HttpRequest>,
        /// The body that came back, if anything did.
        body: Option<Arc<str>>,
    },
    /// A call waits `ms` before it is sent again.
    Waiting {
        call: Call,
        reason: WaitReason,
        ms: u64,
    },
}

impl std::fmt::Debug for ClientEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClientEvent::Sent {
                call,
                status,
                duration_ms,
                attempt,
                request,
                body,
            } => f
                .debug_struct("Sent")
                .field("call", call)
                .field("status", status)
                .field("duration_ms", duration_ms)
                .field("attempt", attempt)
                .field("request", request)
                .field("body", &body.as_deref().map(crate::http::mask_secrets))
                .finish(),
            ClientEvent::Waiting { call, reason, ms } => f
                .debug_struct("Waiting")
                .field("call", call)
                .field("reason", reason)
                .field("ms", ms)
                .finish(),
        }
    }
}

type Listener<T> = Rc<dyn Fn(&T)>;
/// Asks the person for a new token; `None` when they decline.
pub type TokenPrompt = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = Option<String>>>>>;

struct AuthState {
    conn: Connection,
    credentials: Option<Credentials>,
    expires_at_ms: Option<u64>,
    /// How long the current token was issued for, to renew it in good time.
    lifetime_ms: Option<u64>,
}

pub struct Client<T> {
    transport: T,
    policy: RetryPolicy,
    auth: RefCell<AuthState>,
    on_token: RefCell<Option<Listener<TokenInfo>>>,
    on_event: RefCell<Option<Listener<ClientEvent>>>,
    token_prompt: RefCell<Option<TokenPrompt>>,
    /// The token the person declined to replace, so calls refused with it do not ask again.
    declined: RefCell<Option<String>>,
    /// Held while a renewal is under way: calls that find the token due at the same time wait
    /// for that one renewal instead of each asking for a token (Easemob warns that frequent
    /// token requests can get an account banned). Also held while a person is asked for a
    /// token, so they are asked once.
    renewing: futures_util::lock::Mutex<()>,
    /// When each rate class may next send.
    pacer: RefCell<BTreeMap<RateClass, u64>>,
    /// A small generator for backoff jitter (no need for a random crate here).
    jitter: Cell<u64>,
}

impl<T: Transport> Client<T> {
    /// A client that sends the connection's token as it is (a pasted token).
    pub fn new(conn: Connection, transport: T) -> Client<T> {
        let seed = transport.now_ms() | 1;
        Client {
            transport,
            policy: RetryPolicy::default(),
            auth: RefCell::new(AuthState {
                conn,
                credentials: None,
                expires_at_ms: None,
                lifetime_ms: None,
            }),
            on_token: RefCell::new(None),
            on_event: RefCell::new(None),
            token_prompt: RefCell::new(None),
            declined: RefCell::new(None),
            renewing: futures_util::lock::Mutex::new(()),
            pacer: RefCell::new(BTreeMap::new()),
            jitter: Cell::new(seed),
        }
    }

    /// A client that gets its own token with client credentials and renews it before it expires
    /// and once after a 401.
    pub fn with_credentials(conn: Connection, credentials: Credentials, transport: T) -> Client<T> {
        let c = Client::new(conn, transport);
        c.auth.borrow_mut().credentials = Some(credentials);
        c
    }

    pub fn with_policy(mut self, policy: RetryPolicy) -> Client<T> {
        self.policy = policy;
        self
    }

    /// Remember when the current token expires (for a token restored from storage).
    pub fn set_expiry(&self, expires_at_ms: Option<u64>) {
        self.auth.borrow_mut().expires_at_ms = expires_at_ms;
    }

    /// Called with every new token, e.g. to keep it in session storage.
    pub fn on_token(&self, f: impl Fn(&TokenInfo) + 'static) {
        *self.on_token.borrow_mut() = Some(Rc::new(f));
    }

    /// Called for every request sent and every wait.
    pub fn on_event(&self, f: impl Fn(&ClientEvent) + 'static) {
        *self.on_event.borrow_mut() = Some(Rc::new(f));
    }

    /// How to ask the person for a new token when a pasted one is refused.
    pub fn on_token_refused(&self, prompt: TokenPrompt) {
        *self.token_prompt.borrow_mut() = Some(prompt);
    }

    pub fn connection(&self) -> Connection {
        self.auth.borrow().conn.clone()
    }

    pub fn token_info(&self) -> Option<TokenInfo> {
        let a = self.auth.borrow();
        a.conn.token.clone().map(|token| TokenInfo {
            token,
            expires_at_ms: a.expires_at_ms,
        })
    }

    pub fn has_credentials(&self) -> bool {
        self.auth.borrow().credentials.is_some()
    }

    pub fn now_ms(&self) -> u64 {
        self.transport.now_ms()
    }

    fn emit(&self, event: ClientEvent) {
        let listener = self.on_event.borrow().clone();
        if let Some(f) = listener {
            f(&event);
        }
    }

    fn set_token(&self, info: &TokenInfo, lifetime_ms: Option<u64>) {
        {
            let mut a = self.auth.borrow_mut();
            a.conn.token = Some(info.token.clone());
            a.expires_at_ms = info.expires_at_ms;
            a.lifetime_ms = lifetime_ms;
        }
        let listener = self.on_token.borrow().clone();
        if let Some(f) = listener {
            f(info);
        }
    }

    /// Sends a call once, with no token handling, pacing or retries (for tests and tools that
    /// look at exactly what one request does).
    pub async fn send_raw<E: Endpoint>(&self, e: &E) -> Result<E::Output, ApiError> {
        let req = e.to_request(&self.connection())?;
        let resp = self.transport.execute(req).await?;
        e.parse(&resp)
    }

    /// Exchanges the client credentials for a new token now.
    pub async fn refresh_token(&self) -> Result<TokenInfo, ApiError> {
        let _turn = self.renewing.lock().await;
        self.fetch_token().await
    }

    /// Renews the token that was `seen` (in use when the caller decided it needs renewing),
    /// unless another call already renewed it meanwhile.
    pub async fn renew_token(&self, seen: Option<&str>) -> Result<TokenInfo, ApiError> {
        let _turn = self.renewing.lock().await;
        if let Some(current) = self.token_info() {
            if Some(current.token.as_str()) != seen && !self.token_is_due() {
                return Ok(current);
            }
        }
        self.fetch_token().await
    }

    async fn fetch_token(&self) -> Result<TokenInfo, ApiError> {
        let credentials = self.auth.borrow().credentials.clone();
        let Some(credentials) = credentials else {
            return Err(ApiError::not_connected());
        };
        let call = RequestToken {
            credentials,
            ttl: None,
        };
        let exchange = self
            .exchange(
                call.to_request(&self.connection())?,
                true,
                call.rate(),
                None,
            )
            .await;
        let answer = exchange
            .answer
            .and_then(|resp| call.parse(&resp).map_err(|e| e.on(exchange.call)))?;
        let now = self.transport.now_ms();
        let lifetime = (answer.expires_in > 0).then(|| answer.expires_in.saturating_mul(1000));
        let info = TokenInfo {
            token: answer.access_token,
            expires_at_ms: lifetime.map(|l| now.saturating_add(l)),
        };
        self.set_token(&info, lifetime);
        Ok(info)
    }

    fn token_is_due(&self) -> bool {
        let a = self.auth.borrow();
        if a.credentials.is_none() {
            return false;
        }
        // A fifth of the token's life, at most a minute: a 5-second token is renewed one
        // second before it ends, not before every call.
        let margin = a
            .lifetime_ms
            .map_or(REFRESH_MARGIN_MS, |l| (l / 5).min(REFRESH_MARGIN_MS));
        match (&a.conn.token, a.expires_at_ms) {
            (None, _) => true,
            (Some(_), Some(at)) => self.transport.now_ms() + margin >= at,
            (Some(_), None) => false,
        }
    }

    fn current_token(&self) -> Option<String> {
        self.auth.borrow().conn.token.clone()
    }

    /// Asks the person for a new token (once for calls refused together).
    async fn prompt_for_token(&self, seen: Option<&str>) -> bool {
        let _turn = self.renewing.lock().await;
        if self.current_token().as_deref() != seen {
            return true;
        }
        // The person gave up on this token already (for a call refused at the same time).
        if self.declined.borrow().as_deref() == seen {
            return false;
        }
        let prompt = self.token_prompt.borrow().clone();
        let Some(prompt) = prompt else {
            return false;
        };
        match prompt().await {
            Some(token) if !crate::connect::bare_token(&token).is_empty() => {
                let info = TokenInfo {
                    token: crate::connect::bare_token(&token).to_string(),
                    expires_at_ms: None,
                };
                self.set_token(&info, None);
                true
            }
            _ => {
                *self.declined.borrow_mut() = seen.map(str::to_string);
                false
            }
        }
    }

    /// Sends a call under the whole policy: a good token, its turn under the rate limit, and
    /// the retries it allows. Every error names the call it happened on.
    ///
    /// Only the building and the reading of the call are generic; the policy is not, so that
    /// it is compiled once rather than once per endpoint.
    pub async fn send<E: Endpoint>(&self, e: &E) -> Result<E::Output, ApiError> {
        self.send_with(e, None).await
    }

    /// [`Client::send`], ended early by `stop` while the call waits (its turn, a 429, a
    /// backoff): Stop in a bulk run takes effect at once, not after the wait.
    pub async fn send_or_stop<E: Endpoint>(
        &self,
        e: &E,
        stop: &Cancel,
    ) -> Result<E::Output, ApiError> {
        self.send_with(e, Some(stop)).await
    }

    pub(crate) async fn send_with<E: Endpoint>(
        &self,
        e: &E,
        stop: Option<&Cancel>,
    ) -> Result<E::Output, ApiError> {
        if stop.is_some_and(Cancel::is_cancelled) {
            return Err(ErrorKind::Cancelled.into());
        }
        self.renew_if_due().await?;
        let mut refused = Refused::default();
        // Once a change has been sent without an answer, every later send of it is a repeat,
        // also after a 401 and a new token.
        let mut answer_lost = false;
        loop {
            let req = e.to_request(&self.connection())?;
            let used = self.current_token();
            let method = req.method;
            let exchange = self.exchange(req, e.repeatable(), e.rate(), stop).await;
            answer_lost |= exchange.answer_lost;
            let result = exchange
                .answer
                .and_then(|resp| e.parse(&resp).map_err(|err| err.on(exchange.call.clone())));
            // A success that cannot be read is still a success: for a change that is never
            // sent twice, what happened is unknown, not "nothing".
            let result = match result {
                Err(err)
                    if !e.repeatable()
                        && method != crate::http::Method::Get
                        && matches!(err.kind, ErrorKind::Unreadable { status, .. } if (200..300).contains(&status)) =>
                {
                    Err(ApiError {
                        kind: ErrorKind::OutcomeUnknown {
                            cause: Box::new(err.kind),
                        },
                        call: err.call,
                    })
                }
                other => other,
            };
            let result = if answer_lost {
                // Stopped in a later wait, a change sent earlier without an answer may still
                // have been made.
                match e.settle_repeat(result) {
                    Err(err) if matches!(err.kind, ErrorKind::Cancelled) => Err(ApiError {
                        kind: ErrorKind::OutcomeUnknown {
                            cause: Box::new(ErrorKind::Cancelled),
                        },
                        call: err.call,
                    }),
                    other => other,
                }
            } else {
                result
            };
            match result {
                Err(err) if err.is_unauthorized() => {
                    if !self.after_unauthorized(used, &mut refused).await? {
                        return Err(err);
                    }
                }
                other => return other,
            }
        }
    }

    async fn renew_if_due(&self) -> Result<(), ApiError> {
        if self.token_is_due() {
            let seen = self.current_token();
            self.renew_token(seen.as_deref()).await?;
        }
        Ok(())
    }

    /// After a 401: whether to send the call again, with a renewed or a new pasted token.
    async fn after_unauthorized(
        &self,
        used: Option<String>,
        refused: &mut Refused,
    ) -> Result<bool, ApiError> {
        if self.has_credentials() {
            if refused.renewed {
                return Ok(false);
            }
            refused.renewed = true;
            self.renew_token(used.as_deref()).await?;
            return Ok(true);
        }
        if refused.prompts >= self.policy.max_token_prompts {
            return Ok(false);
        }
        refused.prompts += 1;
        Ok(self.prompt_for_token(used.as_deref()).await)
    }

    /// One request, sent until it has an answer the policy accepts: waits out 429s, and sends
    /// a repeatable call again after a server error or a network failure.
    async fn exchange(
        &self,
        mut req: HttpRequest,
        repeatable: bool,
        rate: RateClass,
        stop: Option<&Cancel>,
    ) -> Exchange {
        let call = Call {
            method: req.method,
            path: self.path_of(&req.url),
        };
        let mut attempt = 0u32;
        let mut rate_waits = 0u32;
        let mut answer_lost = false;
        // Stopped while waiting: nothing more is sent; a change already sent without an answer
        // may have been made.
        let stopped = |answer_lost: bool| Exchange {
            answer: Err(ApiError::from(if answer_lost {
                ErrorKind::OutcomeUnknown {
                    cause: Box::new(ErrorKind::Cancelled),
                }
            } else {
                ErrorKind::Cancelled
            })
            .on(call.clone())),
            call: call.clone(),
            answer_lost,
        };
        loop {
            attempt += 1;
            if !self.wait_turn(rate, stop).await {
                return stopped(answer_lost);
            }
            // Another call may have renewed the token while this one waited.
            if attempt + rate_waits > 1 {
                req.set_bearer(self.current_token().as_deref());
            }
            let started = self.transport.now_ms();
            let sent = self.transport.execute(req.clone()).await;
            if self.on_event.borrow().is_some() {
                self.emit(ClientEvent::Sent {
                    call: call.clone(),
                    status: sent.as_ref().ok().map(|r| r.status),
                    duration_ms: self.transport.now_ms().saturating_sub(started),
                    attempt,
                    request: Arc::new(req.clone()),
                    body: sent.as_ref().ok().map(|r| Arc::from(r.body.as_str())),
                });
            }
            let failed = |kind: ErrorKind| Exchange {
                answer: Err(ApiError::from(kind).on(call.clone())),
                call: call.clone(),
                answer_lost,
            };
            let (transient, retry_after) = match &sent {
                Ok(resp) if resp.status == 429 => {
                    rate_waits += 1;
                    let wait = resp
                        .retry_after_ms()
                        .unwrap_or_else(|| self.backoff(rate_waits));
                    if rate_waits > self.policy.max_rate_waits
                        || wait > self.policy.retry_after_cap_ms
                    {
                        let body = ApiError::from_response(resp.status, &resp.body)
                            .body()
                            .cloned()
                            .map(Box::new);
                        return failed(ErrorKind::RateLimited { body });
                    }
                    // A 429 is answered before anything is done: the call can always be sent
                    // again, and it does not count as an attempt.
                    attempt -= 1;
                    if !self.pause(&call, WaitReason::RateLimited, wait, stop).await {
                        return stopped(answer_lost);
                    }
                    continue;
                }
                Ok(resp) => (resp.status >= 500, resp.retry_after_ms()),
                // A host that refuses this page's origin refuses it every time, so it is not
                // sent again. The browser cannot say whether the preflight was refused (nothing
                // done) or the answer to the request itself (done, perhaps): for a change that
                // is never sent twice, that is an unknown outcome.
                Err(e) if matches!(e.kind, ErrorKind::CorsBlocked(_)) => {
                    if !repeatable && req.method != crate::http::Method::Get {
                        return failed(ErrorKind::OutcomeUnknown {
                            cause: Box::new(e.kind.clone()),
                        });
                    }
                    (false, None)
                }
                Err(_) => (true, None),
            };
            if !transient {
                return Exchange {
                    answer: sent.map_err(|e| e.on(call.clone())),
                    call,
                    answer_lost,
                };
            }
            if !repeatable {
                let cause = match sent {
                    Ok(resp) => ApiError::from_response(resp.status, &resp.body).kind,
                    Err(e) => e.kind,
                };
                return failed(ErrorKind::OutcomeUnknown {
                    cause: Box::new(cause),
                });
            }
            answer_lost |= req.method != crate::http::Method::Get;
            if attempt >= self.policy.max_attempts {
                return Exchange {
                    answer: sent.map_err(|e| e.on(call.clone())),
                    call,
                    answer_lost,
                };
            }
            let wait = retry_after.unwrap_or_else(|| self.backoff(attempt));
            if wait > self.policy.retry_after_cap_ms {
                return Exchange {
                    answer: sent.map_err(|e| e.on(call.clone())),
                    call,
                    answer_lost,
                };
            }
            if !self.pause(&call, WaitReason::Retrying, wait, stop).await {
                return stopped(answer_lost);
            }
        }
    }

    /// Waits `ms`, telling the page why; `false` when stopped first.
    async fn pause(&self, call: &Call, reason: WaitReason, ms: u64, stop: Option<&Cancel>) -> bool {
        self.emit(ClientEvent::Waiting {
            call: call.clone(),
            reason,
            ms,
        });
        self.sleep_or_stop(ms, stop).await
    }

    /// Sleeps `ms`, or less when `stop` is cancelled meanwhile; `false` when it was.
    async fn sleep_or_stop(&self, ms: u64, stop: Option<&Cancel>) -> bool {
        let Some(stop) = stop else {
            if ms > 0 {
                self.transport.sleep(ms).await;
            }
            return true;
        };
        if stop.is_cancelled() {
            return false;
        }
        if ms > 0 {
            let sleep = std::pin::pin!(self.transport.sleep(ms));
            let cancelled = std::pin::pin!(stop.cancelled());
            futures_util::future::select(sleep, cancelled).await;
        }
        !stop.is_cancelled()
    }

    /// What sending this call would be, without sending it: its method and path (no host, no
    /// token), and the pace of its rate class (ms between two such requests), for a bulk run's
    /// plan.
    pub fn preview<E: Endpoint>(&self, call: &E) -> Result<(Method, String, u64), ApiError> {
        let req = {
            let auth = self.auth.borrow();
            call.to_request(&auth.conn)?
        };
        let every =
            (1000.0 / (call.rate().per_second() as f64 * self.policy.pace_share)).ceil() as u64;
        Ok((req.method, self.path_of(&req.url), every))
    }

    /// The request's path and query, without the host: what a person needs to find the call.
    fn path_of(&self, url: &str) -> String {
        let base = self.auth.borrow().conn.base_url.clone();
        url.strip_prefix(&base).unwrap_or(url).to_string()
    }

    /// Waits until the rate class may send again, and books the next slot; `false` when
    /// stopped first.
    async fn wait_turn(&self, class: RateClass, stop: Option<&Cancel>) -> bool {
        let interval =
            (1000.0 / (class.per_second() as f64 * self.policy.pace_share)).ceil() as u64;
        let now = self.transport.now_ms();
        let slot = {
            let mut pacer = self.pacer.borrow_mut();
            let next = pacer.entry(class).or_insert(0);
            let slot = (*next).max(now);
            *next = slot + interval;
            slot
        };
        self.sleep_or_stop(slot.saturating_sub(now), stop).await
    }

    /// Exponential backoff with "equal jitter": half the step fixed, half random, so that
    /// clients refused together do not come back together.
    fn backoff(&self, n: u32) -> u64 {
        let step = self
            .policy
            .backoff_base_ms
            .saturating_mul(1u64 << n.saturating_sub(1).min(20))
            .min(self.policy.backoff_cap_ms);
        // xorshift64
        let mut x = self.jitter.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.jitter.set(x);
        step / 2 + x % (step / 2 + 1)
    }

    /// Details of any number of rooms, 100 ids a request. Returns the rooms found; an id not
    /// among them does not exist.
    pub async fn room_details(&self, ids: &[String]) -> Result<Vec<ChatroomDetail>, ApiError> {
        let mut found = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(limits::DETAIL_IDS_MAX) {
            match self
                .send(&RoomDetails {
                    ids: chunk.to_vec(),
                })
                .await
            {
                Ok(rooms) => found.extend(rooms),
                // The server answers 404 when none of the ids in a request exists; any other
                // 404 (an unknown app) is a real error.
                Err(e) if matches!(e.refusal(), Some(Refusal::RoomNotFoundOnRead { .. })) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(found)
    }

    /// Every room of the app, walked a page of 1000 at a time (the largest the server allows)
    /// under the list endpoint's rate limit. `page` hears each page as it comes and stops the
    /// walk by answering `false`. Ends `Ok(true)` when the last page was read, `Ok(false)`
    /// when `page` stopped it.
    pub async fn all_rooms(
        &self,
        mut page: impl FnMut(Vec<ChatroomSummary>) -> bool,
    ) -> Result<bool, ApiError> {
        let mut cursor = None;
        loop {
            let got = self
                .send(&ListRooms {
                    limit: Some(limits::PAGE_SIZE_MAX),
                    cursor: cursor.take(),
                })
                .await?;
            let go_on = page(got.items);
            match got.cursor {
                Some(next) if go_on => cursor = Some(next),
                Some(_) => return Ok(false),
                None => return Ok(true),
            }
        }
    }

    /// A room's whole member list, every page (the largest page size the server allows);
    /// `progress` hears the count after each page.
    pub async fn all_members(
        &self,
        id: &str,
        mut progress: impl FnMut(usize),
    ) -> Result<Vec<Affiliation>, ApiError> {
        let mut all = Vec::new();
        for pagenum in 1.. {
            let page = self
                .send(&ListMembers {
                    id: id.to_string(),
                    pagenum: Some(pagenum),
                    pagesize: Some(limits::PAGE_SIZE_MAX),
                })
                .await?;
            let last = crate::paging::is_last_page(page.len(), limits::PAGE_SIZE_MAX);
            all.extend(page);
            progress(all.len());
            if last {
                break;
            }
        }
        Ok(all)
    }

    /// Adds any number of users, 60 a request; one result per request, in order.
    pub async fn add_members(
        &self,
        room_id: &str,
        usernames: &[String],
    ) -> Vec<(Vec<String>, Result<AddedMembers, ApiError>)> {
        let mut out = Vec::new();
        for chunk in usernames.chunks(limits::ADD_MEMBERS_MAX) {
            let call = AddMembers {
                id: room_id.to_string(),
                usernames: chunk.to_vec(),
            };
            out.push((chunk.to_vec(), self.send(&call).await));
        }
        out
    }

    /// Removes any number of users, 60 a request; one result per request, in order.
    pub async fn remove_members(
        &self,
        room_id: &str,
        usernames: &[String],
    ) -> Vec<(Vec<String>, Result<Vec<RemovedMember>, ApiError>)> {
        let mut out = Vec::new();
        for chunk in usernames.chunks(limits::REMOVE_MEMBERS_MAX) {
            let call = RemoveMembers {
                id: room_id.to_string(),
                usernames: chunk.to_vec(),
            };
            out.push((chunk.to_vec(), self.send(&call).await));
        }
        out
    }

    /// After a create whose answer was lost: the room of that name and owner created since
    /// `since_ms` (by the server's clock, give or take), if there is one. It walks every page of
    /// the owner's rooms, so "none" means none, whatever order the server lists rooms in.
    pub async fn find_created_room(
        &self,
        name: &str,
        owner: &str,
        since_ms: u64,
    ) -> Result<Option<ChatroomDetail>, ApiError> {
        let mut candidates = Vec::new();
        for page in 1.. {
            let rooms = self
                .send(&UserJoinedRooms {
                    username: owner.to_string(),
                    pagenum: Some(page),
                    pagesize: Some(limits::PAGE_SIZE_MAX),
                })
                .await?;
            let last = rooms.len() < limits::PAGE_SIZE_MAX as usize;
            candidates.extend(rooms.into_iter().filter(|r| r.name == name).map(|r| r.id));
            if last {
                break;
            }
        }
        if candidates.is_empty() {
            return Ok(None);
        }
        Ok(self
            .room_details(&candidates)
            .await?
            .into_iter()
            .filter(|r| r.created >= since_ms && r.owner.eq_ignore_ascii_case(owner))
            .max_by_key(|r| r.created))
    }
}

/// What one exchange ended with.
struct Exchange {
    /// The answer to parse, or why there is none to parse.
    answer: Result<HttpResponse, ApiError>,
    call: Call,
    /// A change was sent more than once because an answer was lost, so a refusal of the last
    /// send may only mean that an earlier one did the work.
    answer_lost: bool,
}

/// What has been done about 401s for one call.
#[derive(Default)]
struct Refused {
    renewed: bool,
    prompts: u32,
}

#[cfg(test)]
mod tests;
