//! The transport used in the page: gloo-net over the browser's fetch, and the browser's timer
//! for waits.

use crate::client::Transport;
use crate::error::{ApiError, ErrorKind};
use crate::http::{HttpRequest, HttpResponse, Method};
use gloo_net::http::RequestBuilder;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy, Default)]
pub struct BrowserTransport;

impl Transport for BrowserTransport {
    async fn execute(&self, req: HttpRequest) -> Result<HttpResponse, ApiError> {
        let method = match req.method {
            Method::Get => gloo_net::http::Method::GET,
            Method::Post => gloo_net::http::Method::POST,
            Method::Put => gloo_net::http::Method::PUT,
            Method::Delete => gloo_net::http::Method::DELETE,
        };
        let mut b = RequestBuilder::new(&req.url).method(method);
        for (k, v) in &req.headers {
            b = b.header(k, v);
        }
        let sent = match req.body {
            Some(body) => {
                b.body(body)
                    .map_err(|e| ApiError::network(e.to_string()))?
                    .send()
                    .await
            }
            None => b.send().await,
        };
        // fetch rejects only when nothing came back to the page: offline, DNS, CORS or mixed
        // content. Asked again in no-cors mode, a host that is there answers (with an opaque
        // response), whatever its CORS settings: then CORS is what kept the answer away.
        let resp = match sent {
            Ok(resp) => resp,
            Err(e) => {
                let probe = RequestBuilder::new(&req.url)
                    .method(gloo_net::http::Method::GET)
                    .mode(web_sys::RequestMode::NoCors)
                    .cache(web_sys::RequestCache::NoStore)
                    .send()
                    .await;
                return Err(match probe {
                    Ok(_) => ErrorKind::CorsBlocked(e.to_string()).into(),
                    Err(_) => ApiError::network(e.to_string()),
                });
            }
        };
        let status = resp.status();
        // Only the headers the server exposes to the page are here (CORS); Retry-After must be
        // among them to be honoured.
        let headers = resp
            .headers()
            .entries()
            .map(|(k, v)| (k.to_ascii_lowercase(), v))
            .collect();
        let body = resp
            .text()
            .await
            .map_err(|e| ApiError::network(format!("reading the body: {e}")))?;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }

    fn now_ms(&self) -> u64 {
        js_sys::Date::now() as u64
    }

    async fn sleep(&self, ms: u64) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let global = js_sys::global();
            let set_timeout = js_sys::Reflect::get(&global, &"setTimeout".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
            match set_timeout {
                Some(f) => {
                    let _ = f.call2(&global, &resolve, &(ms as f64).into());
                }
                None => {
                    let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
                }
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}
