//! App tokens: issued by `POST /token`, checked on every other call.

use crate::error::EmError;
use base64::Engine;
use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension};

/// How long an expired token is remembered (to be answered "expired"), in ms.
pub const EXPIRED_KEPT_MS: i64 = 24 * 3600 * 1000;

/// Issues a token good for `ttl_s` seconds (0: it never expires).
pub fn issue(conn: &mut Connection, ttl_s: u64, now_ms: u64) -> Result<String, EmError> {
    let expires_at = if ttl_s == 0 {
        None
    } else {
        // A ttl too large to count in milliseconds is refused rather than wrapped around.
        let at = i64::try_from(ttl_s)
            .ok()
            .and_then(|t| t.checked_mul(1000))
            .and_then(|ms| ms.checked_add(now_ms as i64))
            .ok_or_else(|| EmError::invalid_parameter(format!("ttl {ttl_s} is too large")))?;
        Some(at)
    };
    let mut raw = [0u8; 48];
    rand::rng().fill_bytes(&mut raw);
    // Real app tokens start with "YWMt" (base64 of "amc-").
    let token = format!(
        "YWMt{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
    );
    let tx = conn.transaction()?;
    // Tokens that expired a day ago or more are forgotten as new ones are issued, so the table
    // stays as small as the tokens in use; one expired more recently is still answered
    // "expired" rather than "never issued".
    tx.execute(
        "DELETE FROM tokens WHERE expires_at <= ?1",
        [now_ms as i64 - EXPIRED_KEPT_MS],
    )?;
    tx.execute(
        "INSERT INTO tokens (token, expires_at) VALUES (?1, ?2)",
        params![token, expires_at],
    )?;
    tx.commit()?;
    Ok(token)
}

/// A token is good when we issued it and it has not expired.
pub fn check(conn: &Connection, token: &str, now_ms: u64) -> Result<(), EmError> {
    let row: Option<Option<i64>> = conn
        .prepare_cached("SELECT expires_at FROM tokens WHERE token = ?1")?
        .query_row([token], |r| r.get(0))
        .optional()?;
    match row {
        None => Err(EmError::bad_token()),
        Some(Some(at)) if at <= now_ms as i64 => Err(EmError::expired_token()),
        Some(_) => Ok(()),
    }
}
