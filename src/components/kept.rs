//! State kept above the views: made once under the app (outside what a language switch
//! rebuilds) and found again by name, so that work in progress (a bulk run, what was typed in
//! its dialog) survives leaving its page and switching language.

use leptos::prelude::*;
use std::any::Any;
use std::collections::HashMap;

/// The app's kept state (a context, provided once in the app).
#[derive(Clone, Copy)]
pub struct KeptAbove {
    owner: StoredValue<Owner, LocalStorage>,
    values: StoredValue<HashMap<&'static str, Box<dyn Any>>, LocalStorage>,
}

impl KeptAbove {
    pub fn new() -> KeptAbove {
        KeptAbove {
            owner: StoredValue::new_local(Owner::current().expect("created in the app")),
            values: StoredValue::new_local(HashMap::new()),
        }
    }
}

impl Default for KeptAbove {
    fn default() -> Self {
        KeptAbove::new()
    }
}

/// The value kept under `name`, made by `make` (under the app) the first time it is asked for.
/// A name is one value of one type for the life of the tab.
pub fn kept_above<T: Clone + 'static>(name: &'static str, make: impl FnOnce() -> T) -> T {
    expect_context::<KeptAbove>().get(name, make)
}

impl KeptAbove {
    /// [`kept_above`], for code that runs outside a component (an event handler).
    pub fn get<T: Clone + 'static>(&self, name: &'static str, make: impl FnOnce() -> T) -> T {
        let kept = self;
        if let Some(v) = kept
            .values
            .with_value(|m| m.get(name).and_then(|v| v.downcast_ref::<T>().cloned()))
        {
            return v;
        }
        let v = kept.owner.with_value(|owner| owner.with(make));
        kept.values.update_value(|m| {
            m.insert(name, Box::new(v.clone()));
        });
        v
    }
}

thread_local! {
    static NAMES: std::cell::RefCell<HashMap<String, &'static str>> = Default::default();
}

/// The name of what is kept for one thing (`add-members` of room 42): made once per thing, so
/// names are not made again at each visit.
pub fn name_for(what: &str, id: &str) -> &'static str {
    let name = format!("{what}:{id}");
    NAMES.with(|n| {
        *n.borrow_mut()
            .entry(name.clone())
            .or_insert_with(|| Box::leak(name.into_boxed_str()))
    })
}

/// A signal kept above the views under `name`, starting as `init()`.
pub fn use_kept<T: Send + Sync + 'static>(
    name: &'static str,
    init: impl FnOnce() -> T,
) -> RwSignal<T> {
    kept_above(name, || RwSignal::new(init()))
}
