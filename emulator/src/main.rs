use clap::Parser;
use easemob_emulator::{prepare, serve, Config};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    let config = Config::parse();
    let state = match prepare(&config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("easemob-emulator: {e}");
            std::process::exit(1);
        }
    };
    let listener = match tokio::net::TcpListener::bind(&config.listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("easemob-emulator: cannot listen on {}: {e}", config.listen);
            std::process::exit(1);
        }
    };
    let addr = listener.local_addr().expect("bound address");
    let where_ = if config.memory {
        "in memory".to_string()
    } else {
        config.db.display().to_string()
    };
    println!(
        "\nEasemob emulator on http://{addr}  (database: {where_})\n\
         Dashboard:     http://{addr}/  (the login form is pre-filled; click Connect)\n\
         REST API:      http://{addr}/{org}/{app}/...\n\
         Log in with:   host http://{addr}, org {org}, app {app},\n\
         \x20              client_id {cid}, client_secret {secret}\n\
         App token:     curl -X POST http://{addr}/{org}/{app}/token -H 'Content-Type: application/json' \\\n\
         \x20                -d '{{\"grant_type\":\"client_credentials\",\"client_id\":\"{cid}\",\"client_secret\":\"{secret}\"}}'\n\
         Faults:        {faults}\n\
         \x20              (change them: PUT http://{addr}/_emulator/faults with the app token)\n",
        org = config.org,
        app = config.app,
        cid = config.client_id,
        // Only the public demo secret is printed; a secret of one's own stays off the screen
        // and out of logs.
        secret = if config.client_secret == easemob_emulator::config::DEMO_CLIENT_SECRET {
            config.client_secret.as_str()
        } else {
            "<the --client-secret you gave>"
        },
        faults = serde_json::to_string(&state.faults.settings()).unwrap_or_default(),
    );
    if let Err(e) = serve(listener, state).await {
        eprintln!("easemob-emulator: {e}");
        std::process::exit(1);
    }
}
