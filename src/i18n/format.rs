//! Numbers and times in the current language's conventions, by the browser's `Intl` (no
//! formatting tables in the bundle).

use wasm_bindgen::JsValue;

fn locales() -> js_sys::Array {
    js_sys::Array::of1(&JsValue::from_str(super::current().tag()))
}

/// A count as the current language writes it: 12,345 in both English and Chinese.
pub fn number(n: usize) -> String {
    if cfg!(target_arch = "wasm32") {
        let f = js_sys::Intl::NumberFormat::new(&locales(), &js_sys::Object::new());
        let format = f.format();
        format
            .call1(&JsValue::UNDEFINED, &JsValue::from_f64(n as f64))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| n.to_string())
    } else {
        n.to_string()
    }
}

/// A moment in local time, written the current language's way.
pub fn date_time(ms: u64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    String::from(d.to_locale_string(super::current().tag(), &JsValue::UNDEFINED))
}
