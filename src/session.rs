//! The connection to one Easemob app, shared by every page: the API client (the one place every
//! call goes through), the token and when it expires, and the apps remembered in this browser.
//!
//! Where things are kept: host/org/app of remembered apps in localStorage; the token in
//! sessionStorage (gone when the tab closes); the client secret in memory only.

use crate::storage::{stored_json, Area};
use easemob_api::browser::BrowserTransport;
use easemob_api::client::{ClientEvent, TokenInfo};
use easemob_api::connect::{Connection, Login};
use easemob_api::endpoints::ListRooms;
use easemob_api::{ApiError, Client};
use futures_channel::oneshot;
use leptos::prelude::*;
use leptos_use_interval_fn::use_interval_fn;
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use std::time::Duration;

pub type ApiClient = Client<BrowserTransport>;

const SESSION_KEY: &str = "chatroom-admin.session";
const SAVED_APPS_KEY: &str = "chatroom-admin.apps";

/// What is shown about the current connection (and kept in sessionStorage, minus nothing
/// secret: the token is the only credential stored, and only for this tab). Its `Debug` output
/// masks the token.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnInfo {
    pub host: String,
    pub org: String,
    pub app: String,
    pub token: String,
    pub expires_at_ms: Option<u64>,
    /// True when the client holds credentials and renews the token itself.
    #[serde(skip)]
    pub refreshable: bool,
}

impl std::fmt::Debug for ConnInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnInfo")
            .field("host", &self.host)
            .field("org", &self.org)
            .field("app", &self.app)
            .field("token", &if self.token.is_empty() { "" } else { "***" })
            .field("expires_at_ms", &self.expires_at_ms)
            .field("refreshable", &self.refreshable)
            .finish()
    }
}

impl ConnInfo {
    pub fn app_key(&self) -> String {
        format!("{}#{}", self.org, self.app)
    }
}

/// An app remembered in this browser: where it is, never how to log in.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SavedApp {
    pub host: String,
    pub org: String,
    pub app: String,
}

#[derive(Clone, Copy)]
pub struct Session {
    client: StoredValue<Option<Rc<ApiClient>>, LocalStorage>,
    /// The connection on screen; `None` when not connected.
    pub info: RwSignal<Option<ConnInfo>>,
    /// Bumped when the app changes, so every view reloads its data from the new app.
    pub generation: RwSignal<u32>,
    /// The clock, ticking every few seconds, for "expires in".
    pub now_ms: RwSignal<u64>,
    /// The apps remembered in this browser (localStorage, kept in step across tabs).
    pub saved: Signal<Vec<SavedApp>>,
    set_saved: WriteSignal<Vec<SavedApp>>,
    /// This tab's connection in sessionStorage, so a reload reconnects.
    set_stored: WriteSignal<Option<ConnInfo>>,
    /// What the client is waiting for (a rate limit, a retry), in words; `None` when it is not.
    pub waiting: RwSignal<Option<String>>,
    waiting_for: StoredValue<Option<easemob_api::Call>, LocalStorage>,
    /// Every request of this tab, for the request log.
    pub log: crate::request_log::RequestLog,
    /// True while the person is asked for a new token because the pasted one was refused.
    pub token_wanted: RwSignal<bool>,
    /// Where the new token goes; taken when answered.
    token_reply: StoredValue<Option<oneshot::Sender<Option<String>>>, LocalStorage>,
    /// Told when the app changes (see [`Session::on_app_change`]).
    app_listeners: StoredValue<Vec<Rc<dyn Fn()>>, LocalStorage>,
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

impl Session {
    /// The session of this tab: reconnected from sessionStorage when a token is there, for a
    /// host this deployment allows.
    pub fn restore(deployment: &crate::deployment::Deployment) -> Session {
        let (saved, set_saved) = stored_json::<Vec<SavedApp>>(Area::Local, SAVED_APPS_KEY);
        let (stored, set_stored) = stored_json::<Option<ConnInfo>>(Area::Session, SESSION_KEY);
        let s = Session {
            client: StoredValue::new_local(None),
            info: RwSignal::new(None),
            generation: RwSignal::new(0),
            now_ms: RwSignal::new(now()),
            saved,
            set_saved,
            set_stored,
            waiting: RwSignal::new(None),
            waiting_for: StoredValue::new_local(None),
            log: crate::request_log::RequestLog::new(),
            token_wanted: RwSignal::new(false),
            token_reply: StoredValue::new_local(None),
            app_listeners: StoredValue::new_local(Vec::new()),
        };
        if let Some(info) = stored
            .get_untracked()
            .filter(|i| deployment.allows(&i.host))
        {
            let conn = Connection::new(&info.host, &info.org, &info.app).with_token(&info.token);
            let client = Client::new(conn, BrowserTransport);
            client.set_expiry(info.expires_at_ms);
            s.install(client, info);
        }
        s
    }

    fn install(&self, client: ApiClient, info: ConnInfo) {
        let this = *self;
        client.on_token(move |t: &TokenInfo| this.token_changed(t));
        client.on_event(move |e: &ClientEvent| {
            this.log.record(e);
            this.follow_waits(e);
        });
        if !client.has_credentials() {
            // A pasted token cannot be renewed here: ask the person, and the call that was
            // refused goes on with the new one.
            client.on_token_refused(Rc::new(move || {
                let (tx, rx) = oneshot::channel();
                this.token_reply.set_value(Some(tx));
                this.token_wanted.set(true);
                Box::pin(async move { rx.await.ok().flatten() })
            }));
        }
        self.client.set_value(Some(Rc::new(client)));
        self.set_stored.set(Some(info.clone()));
        self.info.set(Some(info));
        self.app_changed();
    }

    /// Another app (or none): views reload, and what belongs to the app left goes.
    fn app_changed(&self) {
        self.generation.update(|g| *g += 1);
        for f in self.app_listeners.get_value() {
            f();
        }
    }

    /// Calls `f` each time the app changes (a connection made, or ended).
    pub fn on_app_change(&self, f: impl Fn() + 'static) {
        self.app_listeners.update_value(|l| l.push(Rc::new(f)));
    }

    /// Shows what the client waits for, and takes it away when the call is sent again.
    fn follow_waits(&self, e: &ClientEvent) {
        let this = *self;
        match e {
            ClientEvent::Waiting { call, reason, ms } => {
                let text = crate::i18n::t().waiting(*reason, *ms, &call.to_string());
                this.waiting_for.set_value(Some(call.clone()));
                this.waiting.set(Some(text.clone()));
                // If the waiting call is dropped (its page went away), the words go too.
                set_timeout(
                    move || {
                        if this.waiting.with_untracked(|w| w.as_ref() == Some(&text)) {
                            this.waiting.set(None);
                        }
                    },
                    Duration::from_millis(ms + 2_000),
                );
            }
            // The call that waited is sent again: it no longer waits.
            ClientEvent::Sent { call, .. } => {
                if this.waiting_for.with_value(|w| w.as_ref() == Some(call)) {
                    this.waiting_for.set_value(None);
                    this.waiting.set(None);
                }
            }
        }
    }

    fn token_changed(&self, t: &TokenInfo) {
        self.info.update(|i| {
            if let Some(i) = i {
                i.token = t.token.clone();
                i.expires_at_ms = t.expires_at_ms;
            }
        });
        if let Some(info) = self.info.get_untracked() {
            self.set_stored.set(Some(info));
        }
    }

    /// The person's answer to "the token was refused": a new token, or `None` to give up.
    pub fn answer_token_request(&self, token: Option<String>) {
        let mut reply = None;
        self.token_reply.update_value(|r| reply = r.take());
        if let Some(tx) = reply {
            let _ = tx.send(token);
        }
        self.token_wanted.set(false);
    }

    pub fn is_connected(&self) -> bool {
        self.info.with(Option::is_some)
    }

    pub fn client(&self) -> Option<Rc<ApiClient>> {
        self.client.get_value()
    }

    /// Connects with a validated form: exchanges credentials for a token, or checks a pasted
    /// token with one small list call. Nothing changes unless it succeeds.
    pub async fn connect(&self, login: Login, remember: bool) -> Result<(), ApiError> {
        let (client, refreshable) = match login {
            Login::Token(conn) => (Client::new(conn, BrowserTransport), false),
            Login::ClientCredentials(conn, creds) => (
                Client::with_credentials(conn, creds, BrowserTransport),
                true,
            ),
        };
        // The log hears the first requests too (the token, the check); `install` adds the rest.
        let log = self.log;
        client.on_event(move |e: &ClientEvent| log.record(e));
        if refreshable {
            client.refresh_token().await?;
        } else {
            client
                .send(&ListRooms {
                    limit: Some(1),
                    cursor: None,
                })
                .await?;
        }
        let conn = client.connection();
        let token = client.token_info();
        let info = ConnInfo {
            host: conn.base_url.clone(),
            org: conn.org.clone(),
            app: conn.app.clone(),
            token: token.as_ref().map(|t| t.token.clone()).unwrap_or_default(),
            expires_at_ms: token.and_then(|t| t.expires_at_ms),
            refreshable,
        };
        if remember {
            self.remember(SavedApp {
                host: info.host.clone(),
                org: info.org.clone(),
                app: info.app.clone(),
            });
        }
        self.install(client, info);
        Ok(())
    }

    pub fn disconnect(&self) {
        // A call waiting for a new token belongs to the app being left.
        self.answer_token_request(None);
        // The log holds the token and the requests that carried it (a token request's body
        // holds the client secret).
        self.log.clear();
        self.client.set_value(None);
        self.set_stored.set(None);
        self.info.set(None);
        self.app_changed();
    }

    pub fn remember(&self, app: SavedApp) {
        self.set_saved.update(|list| {
            list.retain(|a| a != &app);
            list.insert(0, app);
        });
    }

    pub fn forget(&self, app: &SavedApp) {
        self.set_saved.update(|list| list.retain(|a| a != app));
    }

    /// The client, for the data layer's reads and the batched helpers: reading `generation`
    /// here makes a resource that calls this reload when the app changes. Changes go through
    /// the data layer's one write path (`crate::data::writes`), never through this.
    pub fn client_tracked(&self) -> Result<Rc<ApiClient>, ApiError> {
        self.generation.track();
        self.require_client()
    }

    /// The client for a change, or the error that says there is no connection.
    pub fn require_client(&self) -> Result<Rc<ApiClient>, ApiError> {
        self.client().ok_or_else(ApiError::not_connected)
    }

    /// Ticks the clock and renews a credentials token two minutes before it expires, so a page
    /// left open keeps working.
    pub fn start_token_keeper(&self) {
        let this = *self;
        use_interval_fn(
            move || {
                let now = now();
                this.now_ms.set(now);
                let due = this.info.with_untracked(|i| {
                    i.as_ref().is_some_and(|i| {
                        i.refreshable && i.expires_at_ms.is_some_and(|at| now + 120_000 >= at)
                    })
                });
                if let (true, Some(client)) = (due, this.client()) {
                    let seen = this
                        .info
                        .with_untracked(|i| i.as_ref().map(|i| i.token.clone()));
                    leptos::task::spawn_local(async move {
                        // A failed renewal shows up on the next call, which retries it. If a
                        // call renewed the token meanwhile, this asks for nothing.
                        let _ = client.renew_token(seen.as_deref()).await;
                    });
                }
            },
            10_000,
        );
    }
}

/// How long until a token expires, in the largest units.
pub fn expires_in(now_ms: u64, at_ms: u64) -> String {
    if at_ms <= now_ms {
        return crate::i18n::t().expired.to_string();
    }
    let s = (at_ms - now_ms) / 1000;
    crate::i18n::t().token_expires_in(s / 86_400, (s % 86_400) / 3600, (s % 3600) / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::expires_in;

    #[test]
    fn debug_output_of_the_connection_masks_the_token() {
        let info = super::ConnInfo {
            host: "h".into(),
            org: "o".into(),
            app: "a".into(),
            token: "SECRET-T".into(),
            expires_at_ms: None,
            refreshable: false,
        };
        let shown = format!("{info:?}");
        assert!(
            !shown.contains("SECRET") && shown.contains("***"),
            "{shown}"
        );
    }

    #[test]
    fn expiry_reads_in_the_largest_units() {
        // Native tests read the English catalogue.
        assert_eq!(expires_in(0, 7_140_000), "Token expires in 1 h 59 min");
        assert_eq!(expires_in(0, 40_000), "Token expires in 40 s");
        assert_eq!(expires_in(0, 90_000_000), "Token expires in 1 d 1 h");
        assert_eq!(expires_in(5, 5), "Token expired");
    }
}
