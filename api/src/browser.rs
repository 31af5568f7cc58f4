//! The transport used in the page: gloo-net over the browser's fetch, and the browser's timer
//! for waits. A request without an answer within [`REQUEST_TIMEOUT_MS`] is aborted (an
//! `AbortController`) and ends as [`ErrorKind::TimedOut`].

use crate::client::{Transport, REQUEST_TIMEOUT_MS};
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
        // The time-out covers the whole exchange, the body included.
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        b = b.abort_signal(signal.as_ref());
        // The timer's closure is dropped with the exchange (not leaked), after the timer is
        // cleared.
        let on_time_out =
            controller.map(|c| wasm_bindgen::closure::Closure::once(move || c.abort()));
        let timer = on_time_out.as_ref().and_then(|f| {
            let f: &wasm_bindgen::JsValue = f.as_ref();
            set_timeout(f.clone(), REQUEST_TIMEOUT_MS)
        });
        let aborted = || signal.as_ref().is_some_and(|s| s.aborted());
        let result = self
            .exchange(&req.url, b, req.body, signal.as_ref(), aborted)
            .await;
        if let Some(id) = timer {
            clear_timeout(id);
        }
        drop(on_time_out);
        match result {
            Err(_) if aborted() => Err(ErrorKind::TimedOut {
                after_ms: REQUEST_TIMEOUT_MS,
            }
            .into()),
            other => other,
        }
    }

    fn now_ms(&self) -> u64 {
        js_sys::Date::now() as u64
    }

    async fn sleep(&self, ms: u64) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if set_timeout(resolve.clone().into(), ms).is_none() {
                let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// `setTimeout(f, ms)` on the global (window or worker); its id, or `None` when there is none.
fn set_timeout(f: wasm_bindgen::JsValue, ms: u64) -> Option<wasm_bindgen::JsValue> {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &"setTimeout".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|set| set.call2(&global, &f, &(ms as f64).into()).ok())
}

fn clear_timeout(id: wasm_bindgen::JsValue) {
    let global = js_sys::global();
    if let Some(clear) = js_sys::Reflect::get(&global, &"clearTimeout".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = clear.call1(&global, &id);
    }
}

impl BrowserTransport {
    /// One fetch and its body, or why there is none.
    async fn exchange(
        &self,
        url: &str,
        b: RequestBuilder,
        body: Option<String>,
        signal: Option<&web_sys::AbortSignal>,
        aborted: impl Fn() -> bool,
    ) -> Result<HttpResponse, ApiError> {
        let sent = match body {
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
            // Abandoned at the time-out: the caller says so.
            Err(e) if aborted() => return Err(ApiError::network(e.to_string())),
            Err(e) => {
                // Under the same time-out: a host that swallows requests cannot hold it up.
                let probe = RequestBuilder::new(url)
                    .method(gloo_net::http::Method::GET)
                    .mode(web_sys::RequestMode::NoCors)
                    .cache(web_sys::RequestCache::NoStore)
                    .abort_signal(signal)
                    .send()
                    .await;
                if aborted() {
                    return Err(ApiError::network(e.to_string()));
                }
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
}
