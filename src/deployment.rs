//! This deployment's `/config.json`: presets for the connect form, and perhaps the one host the
//! dashboard may talk to. It is read before the dashboard is mounted, so the locked host holds
//! from the first moment: for the connect form, and for a session restored from the tab's
//! storage. A file that exists but cannot be read locks every host (it may have locked one):
//! the connect page says so, and nothing connects until it can be read.

use easemob_api::connect::{normalize_host, DashboardConfig};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Deployment {
    /// Read, or absent (404: no presets, no lock).
    Read(DashboardConfig),
    /// There, but not readable; why.
    Unreadable(String),
}

impl Deployment {
    /// Whether the dashboard may talk to `host` here.
    pub fn allows(&self, host: &str) -> bool {
        match self {
            Deployment::Read(c) => match &c.locked_host {
                Some(l) => normalize_host(l).ok() == normalize_host(host).ok(),
                None => true,
            },
            Deployment::Unreadable(_) => false,
        }
    }

    pub fn locked_host(&self) -> Option<String> {
        match self {
            Deployment::Read(c) => c.locked_host.clone(),
            Deployment::Unreadable(_) => None,
        }
    }
}

/// How long the dashboard waits for `/config.json` before it says it could not be read.
const CONFIG_TIMEOUT_MS: u32 = 10_000;

/// Reads `/config.json` of this deployment, waiting at most [`CONFIG_TIMEOUT_MS`].
pub async fn load() -> Deployment {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    if let Some(c) = controller {
        after_ms(CONFIG_TIMEOUT_MS, move || c.abort());
    }
    let got = async {
        let resp = gloo_net::http::Request::get(&crate::url::link("/config.json"))
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|e| e.to_string())?;
        // A host that answers every unknown path with the dashboard's own page (a single-page
        // fallback) has no config.json either.
        let html = resp
            .headers()
            .get("content-type")
            .is_some_and(|t| t.contains("text/html"));
        if resp.status() == 404 || (resp.ok() && html) {
            return Ok(DashboardConfig::default());
        }
        if !resp.ok() {
            return Err(format!("HTTP {}", resp.status()));
        }
        resp.json::<DashboardConfig>()
            .await
            .map_err(|e| e.to_string())
    };
    match got.await {
        Ok(c) => Deployment::Read(c),
        Err(e) => Deployment::Unreadable(e),
    }
}

/// Calls `f` once after `ms` (the browser's timer; set before the app is mounted).
fn after_ms(ms: u32, f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms as i32);
    }
}

pub fn use_deployment() -> Deployment {
    use_context::<Deployment>().unwrap_or(Deployment::Read(DashboardConfig::default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locked_host_allows_only_itself_and_an_unreadable_file_allows_none() {
        let locked = Deployment::Read(DashboardConfig {
            locked_host: Some("https://a1.easemob.com".into()),
            ..Default::default()
        });
        assert!(locked.allows("a1.easemob.com/"));
        assert!(!locked.allows("https://evil.example"));
        assert!(Deployment::Read(DashboardConfig::default()).allows("https://any.example"));
        assert!(!Deployment::Unreadable("HTTP 500".into()).allows("https://a1.easemob.com"));
    }
}
