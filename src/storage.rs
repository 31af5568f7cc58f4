//! Values kept in the browser's storage: the saved apps and the language and colour scheme in
//! `localStorage`, this tab's connection in `sessionStorage`.
//!
//! A value is read once, when the app starts, and written whenever it changes. leptos-use's
//! `use_local_storage` did the same and also followed changes made in other tabs; it cost about
//! 6 KB of the first load (brotli), which this file does not (README, "The first load").

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

/// Where a value is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// Kept in this browser (`localStorage`).
    Local,
    /// Kept for this tab only (`sessionStorage`).
    Session,
}

fn storage(area: Area) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match area {
        Area::Local => window.local_storage(),
        Area::Session => window.session_storage(),
    }
    .ok()
    .flatten()
}

/// The text under `key`, if any.
pub fn read(area: Area, key: &str) -> Option<String> {
    storage(area)?.get_item(key).ok().flatten()
}

/// Keeps `text` under `key` (a full or refused storage is not an error: the value is then
/// kept for this page only).
pub fn write(area: Area, key: &str, text: &str) {
    if let Some(s) = storage(area) {
        let _ = s.set_item(key, text);
    }
}

/// A signal whose value is kept under `key`, as text: read now, written on every change.
pub fn stored_text(area: Area, key: &'static str) -> (Signal<String>, WriteSignal<String>) {
    let (value, set) = signal(read(area, key).unwrap_or_default());
    keep(area, key, value.into());
    (value.into(), set)
}

/// A signal whose value is kept under `key`, as JSON: read now (the default when absent or
/// unreadable), written on every change.
pub fn stored_json<T>(area: Area, key: &'static str) -> (Signal<T>, WriteSignal<T>)
where
    T: Serialize + DeserializeOwned + Default + Send + Sync + 'static,
{
    let first = read(area, key)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let (value, set) = signal::<T>(first);
    let text = Signal::derive(move || value.with(|v| serde_json::to_string(v).unwrap_or_default()));
    keep(area, key, text);
    (value.into(), set)
}

/// Writes `text` under `key` whenever it changes (one effect for every kind of value: the
/// browser's storage is the outside world).
fn keep(area: Area, key: &'static str, text: Signal<String>) {
    Effect::new(move |started: Option<()>| {
        let text = text.get();
        if started.is_some() {
            write(area, key, &text);
        }
    });
}
