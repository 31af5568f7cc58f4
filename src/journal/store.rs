//! The journal in the browser's IndexedDB: database `chatroom-admin-journal`, one object store
//! `entries` keyed by the entry's id, with an index by app. Each record is `{id, app, at,
//! json}`: the entry as JSON (serde, as everywhere else in the dashboard), beside the fields the
//! store looks up by. It survives reloads and restarts; [`trim`] keeps it within the bounds
//! ([`super::rules::over_bounds`]).
//!
//! Without IndexedDB (a private window that refuses it), nothing is kept and the journal page
//! says so; changes are made all the same.

use super::Entry;
use js_sys::{Array, Object, Promise, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

const DB: &str = "chatroom-admin-journal";
const STORE: &str = "entries";
const BY_APP: &str = "app";
const VERSION: u32 = 1;

thread_local! {
    /// The open database, once opened.
    static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// Waits for a request's result.
async fn done(req: &IdbRequest) -> Result<JsValue, JsValue> {
    let req2 = req.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let r = req2.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = req2.clone();
        let fail = Closure::once_into_js(move || {
            let e = Reflect::get(&r, &"error".into()).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        req2.set_onsuccess(Some(ok.unchecked_ref()));
        req2.set_onerror(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

async fn db() -> Result<IdbDatabase, JsValue> {
    if let Some(db) = OPEN.with(|o| o.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window()
        .ok_or(JsValue::NULL)?
        .indexed_db()?
        .ok_or(JsValue::NULL)?;
    let req = factory.open_with_u32(DB, VERSION)?;
    // The first open makes the store (versioned: a later version adds to it here).
    let upgrade = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        let Some(req) = ev.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()) else {
            return;
        };
        let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else {
            return;
        };
        if !db.object_store_names().contains(STORE) {
            let params = web_sys::IdbObjectStoreParameters::new();
            params.set_key_path(&JsValue::from_str("id"));
            if let Ok(store) = db.create_object_store_with_optional_parameters(STORE, &params) {
                let _ = store.create_index_with_str(BY_APP, "app");
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = done(&req).await;
    req.set_onupgradeneeded(None);
    drop(upgrade);
    let db: IdbDatabase = result?.dyn_into()?;
    OPEN.with(|o| *o.borrow_mut() = Some(db.clone()));
    Ok(db)
}

async fn store(mode: IdbTransactionMode) -> Result<IdbObjectStore, JsValue> {
    db().await?
        .transaction_with_str_and_mode(STORE, mode)?
        .object_store(STORE)
}

/// Keeps an entry (a new one, or one that moved on: a bulk run's progress).
pub async fn put(entry: &Entry) -> Result<(), JsValue> {
    let json = serde_json::to_string(entry).map_err(|_| JsValue::NULL)?;
    let record = Object::new();
    Reflect::set(&record, &"id".into(), &(entry.id as f64).into())?;
    Reflect::set(&record, &"app".into(), &entry.app.key().into())?;
    Reflect::set(&record, &"at".into(), &(entry.at as f64).into())?;
    Reflect::set(&record, &"json".into(), &json.into())?;
    let s = store(IdbTransactionMode::Readwrite).await?;
    done(&s.put(&record)?).await.map(|_| ())
}

/// Every entry of the app under `app_key` ([`super::AppId::key`]), oldest first.
pub async fn all(app_key: &str) -> Result<Vec<Entry>, JsValue> {
    let s = store(IdbTransactionMode::Readonly).await?;
    let records: Array = done(&s.index(BY_APP)?.get_all_with_key(&app_key.into())?)
        .await?
        .dyn_into()?;
    let mut out: Vec<Entry> = records
        .iter()
        .filter_map(|r| Reflect::get(&r, &"json".into()).ok()?.as_string())
        .filter_map(|json| serde_json::from_str(&json).ok())
        .collect();
    out.sort_by_key(|e| e.id);
    Ok(out)
}

/// Drops these entries.
pub async fn delete(ids: &[u64]) -> Result<(), JsValue> {
    if ids.is_empty() {
        return Ok(());
    }
    let s = store(IdbTransactionMode::Readwrite).await?;
    let mut last = None;
    for id in ids {
        last = Some(s.delete(&(*id as f64).into())?);
    }
    // One transaction: the last one done is all of them done.
    if let Some(req) = last {
        done(&req).await?;
    }
    Ok(())
}

/// Drops what is beyond the bounds, over every app; says how many went.
pub async fn trim(now_ms: u64) -> Result<usize, JsValue> {
    let s = store(IdbTransactionMode::Readonly).await?;
    let records: Array = done(&s.get_all()?).await?.dyn_into()?;
    let num = |r: &JsValue, k: &str| {
        Reflect::get(r, &k.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u64
    };
    let pairs: Vec<(u64, u64)> = records
        .iter()
        .map(|r| (num(&r, "id"), num(&r, "at")))
        .collect();
    let drop = super::rules::over_bounds(&pairs, now_ms);
    delete(&drop).await?;
    Ok(drop.len())
}
