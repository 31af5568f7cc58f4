//! The transport used in the page: gloo-net over the browser's fetch.

use crate::client::Transport;
use crate::error::ApiError;
use crate::http::{HttpRequest, HttpResponse, Method};
use gloo_net::http::RequestBuilder;

#[derive(Clone, Copy, Default)]
pub struct BrowserTransport;

impl Transport for BrowserTransport {
    async fn execute(&self, req: HttpRequest) -> Result<HttpResponse, ApiError> {
        let mut b = match req.method {
            Method::Get => RequestBuilder::new(&req.url).method(gloo_net::http::Method::GET),
            Method::Post => RequestBuilder::new(&req.url).method(gloo_net::http::Method::POST),
            Method::Put => RequestBuilder::new(&req.url).method(gloo_net::http::Method::PUT),
            Method::Delete => RequestBuilder::new(&req.url).method(gloo_net::http::Method::DELETE),
        };
        for (k, v) in &req.headers {
            b = b.header(k, v);
        }
        let sent = match req.body {
            Some(body) => {
                b.body(body)
                    .map_err(|e| ApiError::Network(e.to_string()))?
                    .send()
                    .await
            }
            None => b.send().await,
        };
        // fetch rejects only when nothing came back: offline, DNS, CORS or mixed content.
        let resp = sent.map_err(|e| ApiError::Network(e.to_string()))?;
        let status = resp.status();
        let body = resp
            .text()
            .await
            .map_err(|e| ApiError::Network(format!("reading the body: {e}")))?;
        Ok(HttpResponse { status, body })
    }

    fn now_ms(&self) -> u64 {
        js_sys::Date::now() as u64
    }
}
