//! How a failed call is shown: which kind of failure it was, what it means in our words, what
//! the server said in its own words, and on which request.

use crate::i18n::t;
use easemob_api::{ApiError, ErrorKind};
use leptos::prelude::*;

/// A failure, put into words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Described {
    /// The kind of failure: "Refused by the server".
    pub kind: &'static str,
    /// The status and Easemob code when the server answered: "404 resource_not_found".
    pub code: Option<String>,
    /// What it means, in the dashboard's words.
    pub explanation: String,
    /// The server's `error_description`, exactly as it wrote it.
    pub server_words: Option<String>,
    /// "GET /org/app/chatrooms/1".
    pub call: Option<String>,
}

impl Described {
    /// All of it on one line, for a field's message or a row of results.
    /// "Refused by the server · 404 resource_not_found".
    pub fn title(&self) -> String {
        match &self.code {
            Some(c) => format!("{} · {c}", self.kind),
            None => self.kind.to_string(),
        }
    }

    pub fn one_line(&self) -> String {
        let mut s = format!("{}: {}", self.title(), self.explanation);
        if let Some(words) = &self.server_words {
            s.push_str(&format!(" {} {words}", t().server_said));
        }
        if let Some(call) = &self.call {
            s.push_str(&format!(" ({})", t().on_call(call)));
        }
        s
    }
}

pub fn describe(e: &ApiError) -> Described {
    let kind = t().failure_kind(e.class());
    let (status_code, explanation) = match &e.kind {
        ErrorKind::Refused {
            status,
            refusal,
            body,
        } => (
            Some(format!("{status} {}", body.error)),
            t().refusal_explained(refusal),
        ),
        ErrorKind::RateLimited { .. } => (
            Some("429".to_string()),
            t().rate_limited_explained.to_string(),
        ),
        ErrorKind::Unreadable {
            status,
            reason,
            snippet,
        } => (
            Some(status.to_string()),
            t().unreadable_answer(reason, snippet),
        ),
        ErrorKind::Network(msg) => (None, t().network_failure(msg)),
        ErrorKind::TimedOut { after_ms } => (None, t().timed_out(after_ms / 1000)),
        ErrorKind::CorsBlocked(_) => {
            let origin = leptos::prelude::window()
                .location()
                .origin()
                .unwrap_or_default();
            (None, t().cors_blocked(&origin))
        }
        ErrorKind::OutcomeUnknown { .. } => (None, t().outcome_unknown_explained.to_string()),
        ErrorKind::NotConnected => (None, t().not_connected.to_string()),
        ErrorKind::Invalid(i) => (None, t().invalid(i)),
        ErrorKind::Cancelled => (None, t().cancelled_explained.to_string()),
    };
    Described {
        kind,
        code: status_code,
        explanation,
        server_words: e.description().map(str::to_string),
        call: e.call.as_ref().map(|c| c.to_string()),
    }
}

#[component]
pub fn ErrorView(error: ApiError) -> impl IntoView {
    let d = describe(&error);
    view! {
        <div class="error" role="alert">
            <strong class="error-title">
                {d.kind}
                {d.code.map(|c| view! { " · " <span translate="no">{c}</span> })}
            </strong>
            <p class="error-explanation">{d.explanation}</p>
            {d.server_words.map(|w| view! {
                <p class="error-detail"><span class="muted">{t().server_said}" "</span><q lang="en" translate="no">{w}</q></p>
            })}
            {d.call.map(|c| view! { <p class="error-call mono">{t().on_call(&c)}</p> })}
        </div>
    }
}

/// Where an action's last failure is shown (nothing while it has not failed): the one way a
/// page shows what went wrong with a change.
pub fn action_failure<I, T>(action: Action<I, Result<T, ApiError>>) -> impl IntoView
where
    I: 'static,
    T: Clone + Send + Sync + 'static,
{
    move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| view! { <ErrorView error=e/> })
    }
}
