//! The Content-Security-Policy sent with every dashboard file. The dashboard is a wasm module
//! that talks only to its own origin (this emulator) or an Easemob REST host, so nothing else
//! may be loaded, framed or posted to. An injected script therefore has nowhere to send a
//! token to.

/// The policy; README quotes it. `'wasm-unsafe-eval'` lets the page compile its own wasm,
/// which browsers otherwise count as eval.
pub const DASHBOARD_CSP: &str = "default-src 'self'; \
script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; \
img-src 'self' data:; \
connect-src 'self' https://*.easemob.com https://*.easecdn.com; \
object-src 'none'; \
base-uri 'self'; \
frame-ancestors 'none'; \
form-action 'self'";
