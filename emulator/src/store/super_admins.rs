//! The app's super admins.

use super::user;
use crate::error::EmError;
use easemob_api::Refusal;
use rusqlite::{params, Connection};

/// One page, in the order they were added.
pub fn list(conn: &mut Connection, limit: i64, offset: i64) -> Result<Vec<String>, EmError> {
    let mut stmt =
        conn.prepare_cached("SELECT username FROM super_admins ORDER BY seq LIMIT ?1 OFFSET ?2")?;
    let rows = stmt.query_map(params![limit, offset], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn is_super_admin(conn: &Connection, username: &str) -> Result<bool, EmError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM super_admins WHERE username = ?1",
        [username],
        |r| r.get::<_, i64>(0),
    )? > 0)
}

pub fn add(conn: &mut Connection, name: &str) -> Result<String, EmError> {
    let tx = conn.transaction()?;
    let username = user(&tx, name)?.ok_or_else(|| EmError::user_not_found(name))?;
    if is_super_admin(&tx, &username)? {
        return Err(Refusal::AlreadySuperAdmin { username }.into());
    }
    tx.execute(
        "INSERT INTO super_admins (username) VALUES (?1)",
        [&username],
    )?;
    tx.commit()?;
    Ok(username)
}

pub fn remove(conn: &mut Connection, name: &str) -> Result<String, EmError> {
    let tx = conn.transaction()?;
    let username = user(&tx, name)?.ok_or_else(|| EmError::user_not_found(name))?;
    if !is_super_admin(&tx, &username)? {
        return Err(Refusal::NotSuperAdmin { username }.into());
    }
    tx.execute("DELETE FROM super_admins WHERE username = ?1", [&username])?;
    tx.commit()?;
    Ok(username)
}
