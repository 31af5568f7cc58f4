//! The request log: every request the client sends in this tab, newest first, the last 500,
//! in memory only (it holds tokens, so it is never stored).

use easemob_api::client::ClientEvent;
use easemob_api::http::HttpRequest;
use easemob_api::Call;
use leptos::prelude::*;
use std::collections::VecDeque;
use std::sync::Arc;

pub const KEPT: usize = 500;

pub struct LogEntry {
    pub seq: u64,
    pub at_ms: u64,
    pub call: Call,
    pub status: Option<u16>,
    pub duration_ms: u64,
    pub attempt: u32,
    pub request: Arc<HttpRequest>,
    pub body: Option<Arc<str>>,
}

#[derive(Clone, Copy)]
pub struct RequestLog {
    entries: RwSignal<VecDeque<Arc<LogEntry>>>,
    next: StoredValue<u64>,
}

impl RequestLog {
    pub fn new() -> RequestLog {
        RequestLog {
            entries: RwSignal::new(VecDeque::new()),
            next: StoredValue::new(0),
        }
    }

    /// Records a `Sent` event; other events are not requests.
    pub fn record(&self, event: &ClientEvent) {
        self.record_at(event, js_sys::Date::now() as u64);
    }

    fn record_at(&self, event: &ClientEvent, at_ms: u64) {
        if let ClientEvent::Sent {
            call,
            status,
            duration_ms,
            attempt,
            request,
            body,
        } = event
        {
            let seq = self.next.get_value();
            self.next.set_value(seq + 1);
            let entry = Arc::new(LogEntry {
                seq,
                at_ms,
                call: call.clone(),
                status: *status,
                duration_ms: *duration_ms,
                attempt: *attempt,
                request: request.clone(),
                body: body.clone(),
            });
            self.entries.update(|e| {
                e.push_front(entry);
                e.truncate(KEPT);
            });
        }
    }

    pub fn entries(&self) -> Vec<Arc<LogEntry>> {
        self.entries.with(|e| e.iter().cloned().collect())
    }

    pub fn len(&self) -> usize {
        self.entries.with(VecDeque::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn clear(&self) {
        self.entries.update(VecDeque::clear);
    }
}

impl Default for RequestLog {
    fn default() -> Self {
        RequestLog::new()
    }
}

pub fn use_request_log() -> RequestLog {
    expect_context::<RequestLog>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use easemob_api::Method;

    fn sent(n: u32) -> ClientEvent {
        ClientEvent::Sent {
            call: Call {
                method: Method::Get,
                path: format!("/o/a/chatrooms/{n}"),
            },
            status: Some(200),
            duration_ms: 1,
            attempt: 1,
            request: Arc::new(HttpRequest {
                method: Method::Get,
                url: format!("http://h/o/a/chatrooms/{n}"),
                headers: vec![],
                body: None,
            }),
            body: None,
        }
    }

    #[test]
    fn the_last_500_are_kept_newest_first() {
        let log = RequestLog::new();
        for n in 0..600 {
            log.record_at(&sent(n), u64::from(n));
        }
        let entries = log.entries();
        assert_eq!(entries.len(), KEPT);
        assert_eq!(entries[0].call.path, "/o/a/chatrooms/599");
        assert_eq!(entries[KEPT - 1].call.path, "/o/a/chatrooms/100");
        log.clear();
        assert!(log.is_empty());
    }
}
