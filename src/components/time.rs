//! Times as a person reads them: local time on screen, ISO 8601 on hover.

use leptos::prelude::*;

pub fn local(ms: u64) -> String {
    crate::i18n::date_time(ms)
}

pub fn iso(ms: u64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(d.to_iso_string())
}

#[component]
pub fn Time(ms: u64) -> impl IntoView {
    let iso = iso(ms);
    view! { <time datetime=iso.clone() title=iso>{local(ms)}</time> }
}
