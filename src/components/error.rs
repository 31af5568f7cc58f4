//! How a failed call is shown: what the server said (status, `error`, `error_description`), or
//! why nothing came back.

use crate::text;
use easemob_api::ApiError;
use leptos::prelude::*;

/// The headline and the detail of an error, as text.
pub fn describe(e: &ApiError) -> (String, String) {
    match e {
        ApiError::Server { status, body } => (
            format!("{status} {}", body.error),
            body.error_description
                .clone()
                .unwrap_or_else(|| text::NO_DESCRIPTION.to_string()),
        ),
        ApiError::UnreadableBody {
            status,
            reason,
            snippet,
        } => (
            format!("{status} {}", text::UNREADABLE_TITLE),
            format!("{reason}: {snippet}"),
        ),
        ApiError::Network(msg) => (
            text::NETWORK_TITLE.to_string(),
            format!("{msg}. {}", text::NETWORK_HINT),
        ),
        ApiError::Invalid(i) => (text::INVALID_TITLE.to_string(), i.to_string()),
    }
}

#[component]
pub fn ErrorView(error: ApiError) -> impl IntoView {
    let (title, detail) = describe(&error);
    view! {
        <div class="error" role="alert">
            <strong class="error-title">{title}</strong>
            <p class="error-detail">{detail}</p>
        </div>
    }
}
