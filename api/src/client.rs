//! The one client layer every call goes through: it holds the connection, fetches and
//! refreshes the app token when it has client credentials, and splits calls that are larger
//! than the server accepts. Retries and pacing belong here too.

use crate::connect::{Connection, Credentials};
use crate::endpoints::*;
use crate::error::ApiError;
use crate::http::{HttpRequest, HttpResponse};
use crate::limits;
use crate::wire::*;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

/// Moves one request over the wire. Implementations only carry bytes; they never interpret
/// a status.
pub trait Transport {
    fn execute(&self, req: HttpRequest) -> impl Future<Output = Result<HttpResponse, ApiError>>;
    /// Milliseconds since the Unix epoch, for token expiry.
    fn now_ms(&self) -> u64;
}

/// The token in use and when it stops working.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenInfo {
    pub token: String,
    /// Milliseconds since the epoch; `None` when it never expires or is not known (pasted).
    pub expires_at_ms: Option<u64>,
}

/// Refresh this long before a token expires, so no call is sent with a dying token.
pub const REFRESH_MARGIN_MS: u64 = 60_000;

type TokenListener = Rc<dyn Fn(&TokenInfo)>;

struct AuthState {
    conn: Connection,
    credentials: Option<Credentials>,
    expires_at_ms: Option<u64>,
}

pub struct Client<T> {
    transport: T,
    auth: RefCell<AuthState>,
    on_token: RefCell<Option<TokenListener>>,
    /// Held while a renewal is under way: calls that find the token due at the same time wait
    /// for that one renewal instead of each asking for a token (Easemob warns that frequent
    /// token requests can get an account banned).
    renewing: futures_util::lock::Mutex<()>,
}

impl<T: Transport> Client<T> {
    /// A client that sends the connection's token as it is (a pasted token).
    pub fn new(conn: Connection, transport: T) -> Client<T> {
        Client {
            transport,
            auth: RefCell::new(AuthState {
                conn,
                credentials: None,
                expires_at_ms: None,
            }),
            on_token: RefCell::new(None),
            renewing: futures_util::lock::Mutex::new(()),
        }
    }

    /// A client that gets its own token with client credentials and renews it before it expires
    /// and once after a 401.
    pub fn with_credentials(conn: Connection, credentials: Credentials, transport: T) -> Client<T> {
        let c = Client::new(conn, transport);
        c.auth.borrow_mut().credentials = Some(credentials);
        c
    }

    /// Remember when the current token expires (for a token restored from storage).
    pub fn set_expiry(&self, expires_at_ms: Option<u64>) {
        self.auth.borrow_mut().expires_at_ms = expires_at_ms;
    }

    /// Called with every new token, e.g. to keep it in session storage.
    pub fn on_token(&self, f: impl Fn(&TokenInfo) + 'static) {
        *self.on_token.borrow_mut() = Some(Rc::new(f));
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

    /// Sends a call with no token handling at all.
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
            return Err(ApiError::Network(
                "no client credentials to renew the token with".into(),
            ));
        };
        let answer = self
            .send_raw(&RequestToken {
                credentials,
                ttl: None,
            })
            .await?;
        let now = self.transport.now_ms();
        let info = TokenInfo {
            token: answer.access_token,
            expires_at_ms: (answer.expires_in > 0)
                .then(|| now.saturating_add(answer.expires_in.saturating_mul(1000))),
        };
        {
            let mut a = self.auth.borrow_mut();
            a.conn.token = Some(info.token.clone());
            a.expires_at_ms = info.expires_at_ms;
        }
        let listener = self.on_token.borrow().clone();
        if let Some(f) = listener {
            f(&info);
        }
        Ok(info)
    }

    fn token_is_due(&self) -> bool {
        let a = self.auth.borrow();
        if a.credentials.is_none() {
            return false;
        }
        match (&a.conn.token, a.expires_at_ms) {
            (None, _) => true,
            (Some(_), Some(at)) => self.transport.now_ms() + REFRESH_MARGIN_MS >= at,
            (Some(_), None) => false,
        }
    }

    /// Sends a call; with client credentials the token is renewed before it expires, and once
    /// more if the server still says 401.
    pub async fn send<E: Endpoint>(&self, e: &E) -> Result<E::Output, ApiError> {
        if self.token_is_due() {
            let seen = self.current_token();
            self.renew_token(seen.as_deref()).await?;
        }
        let used = self.current_token();
        match self.send_raw(e).await {
            Err(err) if err.is_unauthorized() && self.has_credentials() => {
                self.renew_token(used.as_deref()).await?;
                self.send_raw(e).await
            }
            other => other,
        }
    }

    fn current_token(&self) -> Option<String> {
        self.auth.borrow().conn.token.clone()
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
                Err(e) if e.code() == Some("service_resource_not_found") => {}
                Err(e) => return Err(e),
            }
        }
        Ok(found)
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

    /// Removes any number of users, 60 a request; a result for every user. A request the
    /// server refuses as a whole gives each of its users that refusal as the reason.
    pub async fn remove_members(&self, room_id: &str, usernames: &[String]) -> Vec<RemovedMember> {
        let mut out = Vec::new();
        for chunk in usernames.chunks(limits::REMOVE_MEMBERS_MAX) {
            let call = RemoveMembers {
                id: room_id.to_string(),
                usernames: chunk.to_vec(),
            };
            match self.send(&call).await {
                Ok(results) => out.extend(results),
                Err(e) => out.extend(chunk.iter().map(|u| {
                    RemovedMember {
                        result: false,
                        action: "remove_member".into(),
                        reason: Some(
                            e.description()
                                .map(str::to_string)
                                .unwrap_or_else(|| e.to_string()),
                        ),
                        user: u.clone(),
                        id: room_id.to_string(),
                    }
                })),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::future::Future;
    use std::pin::Pin;
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

    /// Answers token requests and room lists, counting the token requests.
    #[derive(Default)]
    struct Scripted {
        token_requests: Cell<u32>,
    }

    impl Transport for &Scripted {
        async fn execute(&self, req: HttpRequest) -> Result<HttpResponse, ApiError> {
            YieldOnce(false).await;
            if req.url.ends_with("/token") {
                self.token_requests.set(self.token_requests.get() + 1);
                let n = self.token_requests.get();
                return Ok(HttpResponse {
                    status: 200,
                    body: format!(
                        r#"{{"access_token":"t{n}","expires_in":7200,"application":"a"}}"#
                    ),
                });
            }
            Ok(HttpResponse {
                status: 200,
                body: r#"{"data":[],"count":0}"#.into(),
            })
        }
        fn now_ms(&self) -> u64 {
            1_000_000
        }
    }

    #[test]
    fn calls_that_find_the_token_due_together_share_one_renewal() {
        let transport = Scripted::default();
        let client = Client::with_credentials(
            Connection::new("http://h", "o", "a"),
            Credentials {
                client_id: "id".into(),
                client_secret: "secret".into(),
            },
            &transport,
        );
        let list = ListRooms::default();
        let (a, b, c) = pollster::block_on(futures_util::future::join3(
            client.send(&list),
            client.send(&list),
            client.send(&list),
        ));
        assert!(a.is_ok() && b.is_ok() && c.is_ok());
        assert_eq!(transport.token_requests.get(), 1);
        assert_eq!(client.token_info().unwrap().token, "t1");
    }
}
