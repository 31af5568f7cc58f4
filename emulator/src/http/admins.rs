//! Room admins: list, add, remove.

use super::{ok, Authed, JsonBody};
use crate::error::EmError;
use crate::store;
use axum::response::Response;
use easemob_api::wire::*;
use serde_json::Value;

/// `GET /chatrooms/{id}/admin`.
pub async fn list(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let admins = ctx
        .state
        .store
        .run(move |c| store::admins::list(c, &id))
        .await?;
    let mut env = ctx.envelope::<_, Value>("get", Some(admins));
    env.count = env.data.as_ref().map(|d| d.len() as u64);
    Ok(ok(env))
}

/// `POST /chatrooms/{id}/admin` with `{"newadmin": u}`.
pub async fn add(
    Authed(ctx): Authed,
    JsonBody(body): JsonBody<AddAdminBody>,
) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    if body.newadmin.trim().is_empty() {
        return Err(EmError::must_be_provided("newadmin"));
    }
    let newadmin = ctx
        .state
        .store
        .run(move |c| store::admins::add(c, &id, body.newadmin.trim()))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>(
        "post",
        Some(AddedAdmin {
            result: "success".into(),
            newadmin,
        }),
    )))
}

/// `DELETE /chatrooms/{id}/admin/{u}`.
pub async fn remove(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let name = ctx.segment(3).to_string();
    let oldadmin = ctx
        .state
        .store
        .run(move |c| store::admins::remove(c, &id, &name))
        .await?;
    Ok(ok(ctx.envelope::<_, Value>(
        "delete",
        Some(RemovedAdmin {
            result: "success".into(),
            oldadmin,
        }),
    )))
}
