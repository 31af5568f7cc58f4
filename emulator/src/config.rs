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
    /// Client secret accepted by POST /token.
    #[arg(
        long,
        env = "EMULATOR_CLIENT_SECRET",
        default_value = "demo-client-secret"
    )]
    pub client_secret: String,
    /// Token lifetime in seconds when the request names no ttl.
    #[arg(long, env = "EMULATOR_TOKEN_TTL", default_value_t = 7200)]
    pub token_ttl: u64,
    /// Users created in a new database.
    #[arg(long, env = "EMULATOR_DEMO_USERS", default_value_t = 50)]
    pub demo_users: usize,
    /// Rooms created in a new database.
    #[arg(long, env = "EMULATOR_DEMO_ROOMS", default_value_t = 30)]
    pub demo_rooms: usize,
    /// Start with no demo data.
    #[arg(long, env = "EMULATOR_NO_DEMO")]
    pub no_demo: bool,
    /// Folder with the built dashboard (trunk's dist/), served at /.
    #[arg(long, env = "EMULATOR_DIST", default_value = "dist")]
    pub dist: PathBuf,
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
