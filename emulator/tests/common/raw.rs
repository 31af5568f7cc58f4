//! A bare HTTP/1.1 client over one kept-alive `TcpStream`, for requests no URL library would
//! send as written (`..` segments, `%2F`, bad percent escapes, bytes that are not UTF-8, any
//! method) and for answers whose headers matter (Retry-After, CORS, CSP).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::Duration;

pub struct RawClient {
    addr: String,
    conn: Option<BufReader<TcpStream>>,
}

#[derive(Debug, Clone)]
pub struct RawResponse {
    pub status: u16,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A request as sent: `target` is the request line's path and query, byte for byte.
#[derive(Debug, Clone)]
pub struct RawRequest {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawRequest {
    pub fn new(method: &str, target: impl Into<String>) -> RawRequest {
        RawRequest {
            method: method.into(),
            target: target.into(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }
    pub fn header(mut self, name: &str, value: impl Into<String>) -> RawRequest {
        self.headers.push((name.into(), value.into()));
        self
    }
    pub fn bearer(self, token: &str) -> RawRequest {
        self.header("Authorization", format!("Bearer {token}"))
    }
    pub fn json(self, body: impl Into<Vec<u8>>) -> RawRequest {
        let mut r = self.header("Content-Type", "application/json");
        r.body = body.into();
        r
    }
}

impl RawClient {
    /// `base` is `http://host:port`.
    pub fn new(base: &str) -> RawClient {
        RawClient {
            addr: base.trim_start_matches("http://").to_string(),
            conn: None,
        }
    }

    fn connect(&mut self) -> std::io::Result<&mut BufReader<TcpStream>> {
        if self.conn.is_none() {
            let stream = TcpStream::connect(&self.addr)?;
            // Each request is written at once; without this, Nagle's algorithm and delayed
            // acks would add 40 ms to many requests.
            stream.set_nodelay(true)?;
            stream.set_read_timeout(Some(Duration::from_secs(60)))?;
            self.conn = Some(BufReader::new(stream));
        }
        Ok(self.conn.as_mut().expect("just connected"))
    }

    /// Sends `req` and reads the answer. A kept-alive connection the server has closed
    /// meanwhile is replaced once.
    pub fn send(&mut self, req: &RawRequest) -> RawResponse {
        let mut wire = format!(
            "{} {} HTTP/1.1\r\nHost: {}\r\n",
            req.method, req.target, self.addr
        );
        for (k, v) in &req.headers {
            wire.push_str(&format!("{k}: {v}\r\n"));
        }
        if !req.body.is_empty() || matches!(req.method.as_str(), "POST" | "PUT") {
            wire.push_str(&format!("Content-Length: {}\r\n", req.body.len()));
        }
        wire.push_str("\r\n");
        let mut bytes = wire.into_bytes();
        bytes.extend_from_slice(&req.body);
        let head_only = req.method == "HEAD";
        for attempt in 0..2 {
            match self.exchange(&bytes, head_only) {
                Ok((resp, keep)) => {
                    if !keep {
                        self.conn = None;
                    }
                    return resp;
                }
                Err(e) => {
                    self.conn = None;
                    if attempt == 1 {
                        panic!("{} {}: no answer: {e}", req.method, short(&req.target));
                    }
                }
            }
        }
        unreachable!()
    }

    fn exchange(&mut self, bytes: &[u8], head_only: bool) -> std::io::Result<(RawResponse, bool)> {
        let conn = self.connect()?;
        conn.get_mut().write_all(bytes)?;
        read_response(conn, head_only)
    }
}

fn short(s: &str) -> String {
    s.chars().take(120).collect()
}

fn eof() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "connection closed")
}

fn read_line(r: &mut impl BufRead) -> std::io::Result<String> {
    let mut line = Vec::new();
    if r.read_until(b'\n', &mut line)? == 0 {
        return Err(eof());
    }
    Ok(String::from_utf8_lossy(&line).trim_end().to_string())
}

/// One answer, and whether the connection may be used again.
pub fn read_response(
    r: &mut impl BufRead,
    head_only: bool,
) -> std::io::Result<(RawResponse, bool)> {
    let status_line = read_line(r)?;
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {status_line:?}")))?;
    let mut headers = Vec::new();
    loop {
        let line = read_line(r)?;
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let get = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.to_ascii_lowercase())
    };
    let close = get("connection").is_some_and(|v| v.contains("close"));
    let mut body = Vec::new();
    let no_body = head_only || status == 204 || status == 304 || (100..200).contains(&status);
    if no_body {
    } else if get("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        loop {
            let size_line = read_line(r)?;
            let size = usize::from_str_radix(size_line.split(';').next().unwrap_or("").trim(), 16)
                .map_err(|_| std::io::Error::other(format!("bad chunk size {size_line:?}")))?;
            if size == 0 {
                // Trailers, up to the empty line.
                while !read_line(r)?.is_empty() {}
                break;
            }
            let start = body.len();
            body.resize(start + size, 0);
            r.read_exact(&mut body[start..])?;
            read_line(r)?;
        }
    } else if let Some(n) = get("content-length").and_then(|v| v.parse::<usize>().ok()) {
        body.resize(n, 0);
        r.read_exact(&mut body)?;
    } else {
        r.read_to_end(&mut body)?;
        return Ok((
            RawResponse {
                status,
                headers,
                body,
            },
            false,
        ));
    }
    Ok((
        RawResponse {
            status,
            headers,
            body,
        },
        !close,
    ))
}

/// The answer's body as JSON.
#[track_caller]
pub fn json_of(resp: &RawResponse) -> serde_json::Value {
    serde_json::from_slice(&resp.body)
        .unwrap_or_else(|e| panic!("{} is not JSON ({e}): {}", resp.status, resp.text()))
}

/// Asserts an Easemob error body with this status and code.
#[track_caller]
pub fn assert_easemob_error(resp: &RawResponse, status: u16, error: &str) {
    let body = json_of(resp);
    assert_eq!(
        (resp.status, body["error"].as_str()),
        (status, Some(error)),
        "{}",
        resp.text()
    );
    assert!(body["error_description"].is_string(), "{}", resp.text());
    assert!(body["timestamp"].is_number(), "{}", resp.text());
}
