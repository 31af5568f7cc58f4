//! A blocking HTTP transport for tests and command-line tools (ureq, plain HTTP only).

use crate::client::Transport;
use crate::error::ApiError;
use crate::http::{HttpRequest, HttpResponse};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

#[derive(Clone)]
pub struct NativeTransport {
    agent: ureq::Agent,
}

impl Default for NativeTransport {
    fn default() -> Self {
        NativeTransport {
            agent: ureq::AgentBuilder::new()
                .timeout(Duration::from_secs(30))
                .build(),
        }
    }
}

impl Transport for NativeTransport {
    async fn execute(&self, req: HttpRequest) -> Result<HttpResponse, ApiError> {
        let mut r = self.agent.request(req.method.as_str(), &req.url);
        for (k, v) in &req.headers {
            r = r.set(k, v);
        }
        let result = match &req.body {
            Some(b) => r.send_string(b),
            None => r.call(),
        };
        let resp = match result {
            Ok(resp) => resp,
            Err(ureq::Error::Status(_, resp)) => resp,
            Err(ureq::Error::Transport(t)) => return Err(ApiError::network(t.to_string())),
        };
        let status = resp.status();
        let headers = resp
            .headers_names()
            .into_iter()
            .filter_map(|name| {
                let value = resp.header(&name)?.to_string();
                Some((name.to_ascii_lowercase(), value))
            })
            .collect();
        let body = resp
            .into_string()
            .map_err(|e| ApiError::network(format!("reading the body: {e}")))?;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }

    fn now_ms(&self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(0)
    }

    async fn sleep(&self, ms: u64) {
        // This transport blocks anyway; its callers run one call at a time per thread.
        std::thread::sleep(Duration::from_millis(ms));
    }
}
