//! The app's super admins.

use super::{ok, Authed, JsonBody};
use crate::error::EmError;
use crate::store;
use axum::response::Response;
use easemob_api::limits;
use easemob_api::wire::*;
use serde_json::Value;

/// `GET /chatrooms/super_admin?pagenum&pagesize` (10 a page unless asked).
pub async fn list(Authed(ctx): Authed) -> Result<Response, EmError> {
    let pagenum = ctx
        .query_number("pagenum", u32::MAX as u64)?
        .unwrap_or(1)
        .max(1) as i64;
    let pagesize = ctx
        .query_number("pagesize", limits::SUPER_ADMINS_PAGE_MAX as u64)?
        .unwrap_or(limits::SUPER_ADMINS_PAGE_DEFAULT as u64)
        .max(1) as i64;
    let admins = ctx
        .state
        .store
        .run(move |c| store::super_admins::list(c, pagesize, (pagenum - 1) * pagesize))
        .await?;
    let mut env = ctx.envelope::<_, Value>("get", Some(admins));
    env.count = env.data.as_ref().map(|d| d.len() as u64);
    env.params = ctx.params();
    Ok(ok(env))
}

/// `POST /chatrooms/super_admin` with `{"superadmin": u}`.
pub async fn add(
    Authed(ctx): Authed,
    JsonBody(body): JsonBody<AddSuperAdminBody>,
) -> Result<Response, EmError> {
    if body.superadmin.trim().is_empty() {
        return Err(EmError::must_be_provided("superadmin"));
    }
    ctx.state
        .store
        .run(move |c| store::super_admins::add(c, body.superadmin.trim()))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>(
        "post",
        Some(AddedSuperAdmin {
            result: "success".into(),
            resource: String::new(),
        }),
    )))
}

/// `DELETE /chatrooms/super_admin/{u}`.
pub async fn remove(Authed(ctx): Authed) -> Result<Response, EmError> {
    let name = ctx.segment(2).to_string();
    let removed = ctx
        .state
        .store
        .run(move |c| store::super_admins::remove(c, &name))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>(
        "delete",
        Some(RemovedSuperAdmin {
            new_super_admin: removed,
            resource: String::new(),
        }),
    )))
}
