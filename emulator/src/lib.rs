//! A local, faithful implementation of the Easemob chatroom REST API: the same paths, bodies,
//! status codes and error bodies, stored in SQLite. It also serves the built dashboard and a
//! `/config.json` that points the dashboard at itself.

pub mod config;
pub mod demo;
pub mod error;
pub mod faults;
pub mod http;
pub mod store;

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

pub use config::Config;
pub use http::{router, AppState};

pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Opens the store, writes the app row, seeds demo data into a new database, and returns the
/// state the router serves.
pub fn prepare(config: &Config) -> anyhow_like::Result<Arc<AppState>> {
    let store = store::Store::open_with(
        config.database_path().as_deref(),
        std::time::Duration::from_millis(config.busy_timeout_ms),
    )
    .map_err(|e| anyhow_like::Error(format!("opening the database: {e}")))?;
    let app = {
        let conn = store.lock();
        let existing = store::app(&conn).map_err(anyhow_like::Error::from)?;
        let app = store::AppRow {
            org: config.org.clone(),
            name: config.app.clone(),
            uuid: existing
                .map(|a| a.uuid)
                .unwrap_or_else(|| demo::uuid(&mut rand::rng())),
            client_id: config.client_id.clone(),
            client_secret: config.client_secret.clone(),
        };
        store::save_app(&conn, &app).map_err(anyhow_like::Error::from)?;
        if !config.no_demo {
            demo::seed_if_empty(
                &conn,
                config.demo_users,
                config.demo_rooms,
                config.demo_big_room,
            )
            .map_err(anyhow_like::Error::from)?;
        }
        app
    };
    Ok(Arc::new(AppState {
        store,
        app,
        faults: faults::Faults::new(faults::Settings::from_config(config)),
        dist: config.dist.clone(),
        timeouts: http::Timeouts {
            header: std::time::Duration::from_secs(config.header_timeout_s),
            request: std::time::Duration::from_secs(config.request_timeout_s),
        },
        open_registration: config.open_registration,
    }))
}

/// Starts the emulator on an already bound listener and serves until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    let header_timeout = state.timeouts.header;
    serve_app(listener, router(state), header_timeout).await
}

/// HTTP/1.1 on each accepted connection, with a time-out for the request headers: a client
/// that sends them slowly (one byte a second) is cut off instead of holding a connection for
/// ever. (`axum::serve` sets none; the request time-out is a layer of the router.)
async fn serve_app(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    header_timeout: std::time::Duration,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(header_timeout);
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(s) => s,
            // Out of file descriptors or a connection reset before it was taken: keep serving.
            Err(e) => {
                tracing::warn!("accepting a connection: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let conn = http.serve_connection(TokioIo::new(stream), service);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!("connection ended: {e}");
            }
        });
    }
}

/// Starts an emulator with an in-memory database on a free loopback port in a background
/// thread, for tests. Returns its base URL.
pub fn spawn_for_tests(config: Config) -> String {
    let state = prepare(&config).expect("emulator state");
    let header_timeout = state.timeouts.header;
    format!(
        "http://{}",
        serve_in_background(router(state), header_timeout)
    )
}

/// Serves `app` on a free loopback port from a thread of its own (a runtime of two workers),
/// until the process ends. Returns the address.
pub fn serve_in_background(
    app: axum::Router,
    header_timeout: std::time::Duration,
) -> std::net::SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("tokio runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            serve_app(listener, app, header_timeout).await.unwrap();
        });
    });
    rx.recv().expect("server address")
}

/// A tiny error type for start-up, so the binary does not need anyhow.
pub mod anyhow_like {
    #[derive(Debug)]
    pub struct Error(pub String);
    impl std::fmt::Display for Error {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }
    impl std::error::Error for Error {}
    impl From<rusqlite::Error> for Error {
        fn from(e: rusqlite::Error) -> Self {
            Error(e.to_string())
        }
    }
    pub type Result<T> = std::result::Result<T, Error>;
}
