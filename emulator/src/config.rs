//! Command-line flags (each also readable from an `EMULATOR_*` environment variable).

use clap::Parser;
use std::path::PathBuf;

#[derive(Parser, Debug, Clone)]
#[command(
    name = "easemob-emulator",
    about = "A local Easemob chatroom REST API on SQLite, serving the chatroom-admin dashboard"
)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "EMULATOR_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// SQLite database file; created with demo data when it does not exist.
    #[arg(long, env = "EMULATOR_DB", default_value = "emulator.sqlite3")]
    pub db: PathBuf,
    /// Keep everything in memory (nothing survives a restart).
    #[arg(long, env = "EMULATOR_MEMORY")]
    pub memory: bool,
    /// Organisation name of the app (the part of the AppKey before '#').
    #[arg(long, env = "EMULATOR_ORG", default_value = "demo")]
    pub org: String,
    /// App name (the part of the AppKey after '#').
    #[arg(long, env = "EMULATOR_APP", default_value = "admin")]
    pub app: String,
    /// Client ID accepted by POST /token.
    #[arg(long, env = "EMULATOR_CLIENT_ID", default_value = "demo-client-id")]
    pub client_id: String,
    /// Client secret accepted by POST /token. Only the public demo secret is handed out in
    /// `/config.json`; any other is typed by the operator.
    #[arg(long, env = "EMULATOR_CLIENT_SECRET", default_value = DEMO_CLIENT_SECRET)]
    pub client_secret: String,
    /// Token lifetime in seconds when the request names no ttl (changeable at run time
    /// through /_emulator/faults).
    #[arg(long, env = "EMULATOR_TOKEN_TTL", default_value_t = 7200, value_parser = token_ttl)]
    pub token_ttl: u64,
    /// Delay added before every REST API request is handled, in milliseconds.
    #[arg(long, env = "EMULATOR_LATENCY_MS", default_value_t = 0, value_parser = latency)]
    pub latency_ms: u64,
    /// Chance (0 to 1) that a REST API request is answered 429 without being carried out.
    #[arg(long = "fail-429", env = "EMULATOR_FAIL_429", default_value_t = 0.0, value_parser = probability)]
    pub fail_429: f64,
    /// Chance (0 to 1) that a REST API request is answered 503 without being carried out.
    #[arg(long = "fail-503", env = "EMULATOR_FAIL_503", default_value_t = 0.0, value_parser = probability)]
    pub fail_503: f64,
    /// Chance (0 to 1) that a successful write is carried out but answered 503.
    #[arg(long, env = "EMULATOR_FAIL_AFTER_WRITE", default_value_t = 0.0, value_parser = probability)]
    pub fail_after_write: f64,
    /// Enforce the documented per-endpoint rate limits (429 past 50, 100 or 300 calls a second).
    #[arg(long, env = "EMULATOR_RATE_LIMITS")]
    pub rate_limits: bool,
    /// Users created in a new database.
    #[arg(long, env = "EMULATOR_DEMO_USERS", default_value_t = 50)]
    pub demo_users: usize,
    /// Rooms created in a new database.
    #[arg(long, env = "EMULATOR_DEMO_ROOMS", default_value_t = 30)]
    pub demo_rooms: usize,
    /// Make the oldest demo room this big: it gets room for this many members and holds them
    /// all (more users are made when needed), for trying paging and search in a large room.
    #[arg(long, env = "EMULATOR_DEMO_BIG_ROOM", default_value_t = 0)]
    pub demo_big_room: usize,
    /// Start with no demo data.
    #[arg(long, env = "EMULATOR_NO_DEMO")]
    pub no_demo: bool,
    /// Let `POST /users` register without a token, as an app in open registration does (the
    /// web SDK's registerUser); by default a token is needed (authorized registration).
    #[arg(long, env = "EMULATOR_OPEN_REGISTRATION")]
    pub open_registration: bool,
    /// Seconds a client has to send a request's headers, counted from the connection's last
    /// answer (so also how long an idle kept-alive connection stays open); a slower one is
    /// cut off.
    #[arg(long, env = "EMULATOR_HEADER_TIMEOUT", default_value_t = 30, value_parser = seconds)]
    pub header_timeout_s: u64,
    /// Seconds a request may take, its body and any injected latency included; past it the
    /// answer is a 503 Easemob body. More than the largest injectable latency.
    #[arg(long, env = "EMULATOR_REQUEST_TIMEOUT", default_value_t = 90, value_parser = request_seconds)]
    pub request_timeout_s: u64,
    /// Milliseconds a write waits for a database locked by another process before it is
    /// answered 503.
    #[arg(long, env = "EMULATOR_BUSY_TIMEOUT_MS", default_value_t = 5000)]
    pub busy_timeout_ms: u64,
    /// Folder with the built dashboard (trunk's dist/), served at /.
    #[arg(long, env = "EMULATOR_DIST", default_value = "dist")]
    pub dist: PathBuf,
}

/// The client secret of the demo app: public (it is in this file and the README), so the
/// emulator may hand it to any dashboard that asks.
pub const DEMO_CLIENT_SECRET: &str = "demo-client-secret";

fn seconds(s: &str) -> Result<u64, String> {
    match s.trim().parse::<u64>().map_err(|e| e.to_string())? {
        0 => Err("must be at least 1 second".into()),
        n if n > 3600 => Err("must be at most 3600 seconds".into()),
        n => Ok(n),
    }
}

fn request_seconds(s: &str) -> Result<u64, String> {
    let n = seconds(s)?;
    let latency_s = crate::faults::LATENCY_MS_MAX / 1000;
    if n <= latency_s {
        return Err(format!(
            "must be more than {latency_s} seconds, the largest latency that can be injected"
        ));
    }
    Ok(n)
}

fn probability(s: &str) -> Result<f64, String> {
    let p = s.trim().parse::<f64>().map_err(|e| e.to_string())?;
    crate::faults::check_probability(p)
}

fn latency(s: &str) -> Result<u64, String> {
    let ms = s.trim().parse::<u64>().map_err(|e| e.to_string())?;
    crate::faults::check_latency(ms)
}

fn token_ttl(s: &str) -> Result<u64, String> {
    let secs = s.trim().parse::<u64>().map_err(|e| e.to_string())?;
    crate::faults::check_token_ttl(secs)
}

impl Config {
    pub fn database_path(&self) -> Option<PathBuf> {
        (!self.memory).then(|| self.db.clone())
    }

    /// The defaults with an in-memory database, for tests.
    pub fn in_memory() -> Config {
        let mut c = Config::parse_from(["easemob-emulator"]);
        c.memory = true;
        c
    }
}
