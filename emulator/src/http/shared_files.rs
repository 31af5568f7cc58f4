//! Files shared in a room: upload (multipart, field `file`), list, download, delete. The web
//! SDK's uploadChatRoomSharedFile, getChatRoomSharedFilelist and deleteChatRoomSharedFile use
//! them; the REST documents have them for groups only, so the shapes follow those. [inferred]

use super::{ok, Authed};
use crate::error::EmError;
use crate::store;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// Who an upload made with an app token belongs to (no user is logged in). [inferred]
const APP_ADMIN: &str = "admin";

/// `POST /chatrooms/{id}/share_files`.
pub async fn upload(
    Authed(ctx): Authed,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let mut form = form.map_err(|e| EmError::invalid_parameter(e.body_text()))?;
    let mut file = None;
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| EmError::invalid_parameter(e.body_text()))?
    {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or("file").to_string();
            let bytes = field
                .bytes()
                .await
                .map_err(|e| EmError::invalid_parameter(e.body_text()))?;
            file = Some((name, bytes));
            break;
        }
    }
    let (name, bytes) = file.ok_or_else(|| EmError::must_be_provided("file"))?;
    let now = crate::now_ms() as i64;
    let saved = ctx
        .state
        .store
        .run(move |c| store::shared_files::add(c, &id, &name, APP_ADMIN, &bytes, now))
        .await?;
    let data = json!({
        "file_url": format!("{}/{}", ctx.uri, saved.id),
        "id": saved.room_id.to_string(),
        "file_name": saved.name,
        "created": saved.created,
        "file_id": saved.id,
        "file_size": saved.size,
    });
    Ok(ok(ctx.envelope::<_, Value>("post", Some(data))))
}

/// `GET /chatrooms/{id}/share_files?pagenum&pagesize` (default all, at most 1000 a page).
pub async fn list(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let size = ctx
        .query_number("pagesize", easemob_api::limits::PAGE_SIZE_MAX as u64)?
        .unwrap_or(easemob_api::limits::PAGE_SIZE_MAX as u64)
        .max(1) as i64;
    let number = ctx
        .query_number("pagenum", u32::MAX as u64)?
        .unwrap_or(1)
        .max(1) as i64;
    let files = ctx
        .state
        .store
        .run(move |c| store::shared_files::list(c, &id, size, (number - 1) * size))
        .await?;
    let data: Vec<Value> = files
        .into_iter()
        .map(|f| {
            json!({
                "file_id": f.id,
                "file_name": f.name,
                "file_owner": f.owner,
                "file_size": f.size,
                "created": f.created,
            })
        })
        .collect();
    let mut env = ctx.envelope::<_, Value>("get", Some(data));
    env.count = env.data.as_ref().map(|d| d.len() as u64);
    Ok(ok(env))
}

/// `GET /chatrooms/{id}/share_files/{file_id}`: the file itself (what `file_url` names).
pub async fn download(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let file_id = ctx.segment(3).to_string();
    let (name, content) = ctx
        .state
        .store
        .run(move |c| store::shared_files::content(c, &id, &file_id))
        .await?;
    let mut resp = content.into_response();
    let headers = resp.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    // The name percent-encoded (RFC 5987), so no byte of it can break the header.
    const KEEP: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'.')
        .remove(b'-')
        .remove(b'_');
    let encoded = percent_encoding::utf8_percent_encode(&name, KEEP);
    // A plain ASCII name first, for clients that do not read `filename*`.
    let plain: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{plain}\"; filename*=UTF-8''{encoded}"
    )) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    Ok(resp)
}

/// `DELETE /chatrooms/{id}/share_files/{file_id}`.
pub async fn delete(Authed(ctx): Authed) -> Result<Response, EmError> {
    let id = ctx.segment(1).to_string();
    let file_id = ctx.segment(3).to_string();
    let deleted = file_id.clone();
    let room = ctx
        .state
        .store
        .run(move |c| store::shared_files::delete(c, &id, &file_id))
        .await?;
    let data = json!({ "id": room.to_string(), "file_id": deleted, "result": true });
    Ok(ok(ctx.envelope::<_, Value>("delete", Some(data))))
}
