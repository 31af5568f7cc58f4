//! A loopback load generator for `make bench`: how many requests a second the emulator
//! answers, with p50 and p99 latency, for list, detail and create, beside a minimal axum
//! "hello" server measured the same way in the same run (the ceiling of this machine).
//!
//! `cargo run --release -p easemob-emulator --example loadgen -- [rooms] [seconds] [connections]`
//!
//! Each connection is a kept-alive HTTP/1.1 stream that sends a request, reads the whole
//! answer, and sends the next: latency is the time from writing to the last byte read. Every
//! run is bounded in time and only ever talks to 127.0.0.1.

use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

struct Outcome {
    latencies_us: Vec<u64>,
    failures: u64,
    elapsed: Duration,
}

/// A bare axum server answering "hello", the ceiling of this machine.
fn spawn_hello() -> String {
    let app = axum::Router::new().route("/hello", axum::routing::get(|| async { "hello" }));
    easemob_emulator::serve_in_background(app, Duration::from_secs(30)).to_string()
}

/// Sends one request on a kept-alive stream and reads the answer: its status and body.
async fn exchange(
    stream: &mut BufReader<TcpStream>,
    request: &[u8],
) -> std::io::Result<(u16, Vec<u8>)> {
    stream.get_mut().write_all(request).await?;
    let mut line = String::new();
    stream.read_line(&mut line).await?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut length = 0usize;
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if line == "\r\n" {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    stream.read_exact(&mut body).await?;
    Ok((status, body))
}

/// One request on a new connection, its body as JSON.
async fn fetch_json(addr: &str, request: &[u8]) -> serde_json::Value {
    let mut s = BufReader::new(TcpStream::connect(addr).await.expect("connect"));
    let (_, body) = exchange(&mut s, request).await.expect("answer");
    serde_json::from_slice(&body).expect("a JSON answer")
}

/// `connections` streams sending requests made by `make(connection, n)` for `seconds`.
async fn run(
    addr: &str,
    connections: usize,
    seconds: f64,
    make: impl Fn(usize, u64) -> Vec<u8> + Clone + 'static,
) -> Outcome {
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    let local = tokio::task::LocalSet::new();
    for c in 0..connections {
        let addr = addr.to_string();
        let make = make.clone();
        tasks.push(local.spawn_local(async move {
            let mut stream = BufReader::new(TcpStream::connect(&addr).await.expect("connect"));
            let mut latencies = Vec::new();
            let mut failures = 0u64;
            let mut n = 0u64;
            while Instant::now() < deadline {
                let req = make(c, n);
                n += 1;
                let sent = Instant::now();
                match exchange(&mut stream, &req).await {
                    Ok((s, _)) if (200..300).contains(&s) => {
                        latencies.push(sent.elapsed().as_micros() as u64)
                    }
                    Ok(_) => failures += 1,
                    Err(_) => {
                        failures += 1;
                        stream = BufReader::new(TcpStream::connect(&addr).await.expect("connect"));
                    }
                }
            }
            (latencies, failures)
        }));
    }
    let mut out = Outcome {
        latencies_us: Vec::new(),
        failures: 0,
        elapsed: Duration::ZERO,
    };
    local
        .run_until(async {
            for t in tasks {
                let (l, f) = t.await.expect("load task");
                out.latencies_us.extend(l);
                out.failures += f;
            }
        })
        .await;
    out.elapsed = started.elapsed();
    out
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

fn report(name: &str, mut o: Outcome) {
    o.latencies_us.sort_unstable();
    let ok = o.latencies_us.len();
    println!(
        "{name:<28} {:>9.0} req/s   p50 {:>7.2} ms   p99 {:>7.2} ms   ({ok} answered, {} failed)",
        ok as f64 / o.elapsed.as_secs_f64(),
        percentile(&o.latencies_us, 0.50),
        percentile(&o.latencies_us, 0.99),
        o.failures
    );
}

fn get(host: &str, path: &str, token: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n\r\n")
        .into_bytes()
}

fn post(host: &str, path: &str, token: &str, body: &str) -> Vec<u8> {
    format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rooms: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seconds: f64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(5.0);
    let connections: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(16);

    let mut config = easemob_emulator::Config::in_memory();
    config.demo_rooms = rooms;
    let seeding = Instant::now();
    let base = easemob_emulator::spawn_for_tests(config);
    println!(
        "emulator with {rooms} rooms ready in {:.1} s; {connections} connections, {seconds} s each",
        seeding.elapsed().as_secs_f64()
    );
    let emu = base.trim_start_matches("http://").to_string();
    let hello = spawn_hello();

    // A token, and the ids to ask about.
    let token_req = post(
        &emu,
        "/demo/admin/token",
        "",
        r#"{"grant_type":"client_credentials","client_id":"demo-client-id","client_secret":"demo-client-secret","ttl":0}"#,
    );
    let token = fetch_json(&emu, &token_req).await["access_token"]
        .as_str()
        .expect("a token")
        .to_string();
    let page = fetch_json(&emu, &get(&emu, "/demo/admin/chatrooms?limit=1000", &token)).await;
    let list: Vec<String> = page["data"]
        .as_array()
        .expect("rooms")
        .iter()
        .filter_map(|r| r["id"].as_str().map(str::to_string))
        .collect();

    let h = hello.clone();
    report(
        "axum hello (baseline)",
        run(&hello, connections, seconds, move |_, _| {
            format!("GET /hello HTTP/1.1\r\nHost: {h}\r\n\r\n").into_bytes()
        })
        .await,
    );
    let (e, t) = (emu.clone(), token.clone());
    report(
        "emulator list (100 rooms)",
        run(&emu, connections, seconds, move |_, _| {
            get(&e, "/demo/admin/chatrooms?limit=100", &t)
        })
        .await,
    );
    let (e, t, ids) = (emu.clone(), token.clone(), list.clone());
    report(
        "emulator detail (1 room)",
        run(&emu, connections, seconds, move |c, n| {
            let id = &ids[(c * 7919 + n as usize * 104_729) % ids.len()];
            get(&e, &format!("/demo/admin/chatrooms/{id}"), &t)
        })
        .await,
    );
    let (e, t) = (emu.clone(), token.clone());
    report(
        "emulator create",
        run(&emu, connections, seconds, move |c, n| {
            let body = format!(
                r#"{{"name":"load {c}-{n}","description":"made by the load generator","maxusers":200,"owner":"alice"}}"#
            );
            post(&e, "/demo/admin/chatrooms", &t, &body)
        })
        .await,
    );
}
