//! The person's preferences: language and colour scheme, each remembered in this browser.
//!
//! The language is the remembered choice, or else the first of the browser's languages that the
//! dashboard speaks (any Chinese → 简体中文, else English); `<html lang>` follows it. The colour
//! scheme follows the system (`prefers-color-scheme`) unless a light or dark one is chosen (kept
//! in localStorage); `<html>` gets the class `dark` or `light`. leptos-use's `use_color_mode`,
//! `use_preferred_dark`, `use_locale` and `use_local_storage` would do the same at a cost to the
//! first load (README, "The first load").

use crate::i18n::{t, Lang};
use crate::storage::{stored_text, Area};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

const LANG_KEY: &str = "chatroom-admin.lang";
const THEME_KEY: &str = "chatroom-admin.theme";

#[derive(Clone, Copy)]
pub struct Prefs {
    /// The language on screen.
    pub lang: Memo<Lang>,
    /// The remembered choice ("" when none: the browser's language is used).
    set_chosen: WriteSignal<String>,
    /// The remembered colour scheme.
    pub theme: Memo<Theme>,
    set_theme: WriteSignal<String>,
}

impl Prefs {
    /// Reads the remembered choices; call once, in the app.
    pub fn install() -> Prefs {
        let (chosen, set_chosen) = stored_text(Area::Local, LANG_KEY);
        let browser = browser_lang();
        let lang = Memo::new(move |_| {
            let chosen = chosen.get();
            if chosen.is_empty() {
                browser
            } else {
                Lang::for_tag(&chosen)
            }
        });
        // `<html lang>` and the tab's title are outside the app's view: keep them in step.
        Effect::new(move |_| {
            let lang = lang.get();
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", lang.tag());
            }
            document().set_title(lang.catalogue().app_title);
        });
        let (stored_theme, set_theme) = stored_text(Area::Local, THEME_KEY);
        let theme = Memo::new(move |_| Theme::from_value(&stored_theme.get()));
        let system_dark = system_dark();
        let dark = Memo::new(move |_| match theme.get() {
            Theme::Dark => true,
            Theme::Light => false,
            Theme::System => system_dark.get(),
        });
        Effect::new(move |_| {
            if let Some(html) = document().document_element() {
                let list = html.class_list();
                let dark = dark.get();
                let _ = list.toggle_with_force("dark", dark);
                let _ = list.toggle_with_force("light", !dark);
            }
        });
        let prefs = Prefs {
            lang,
            set_chosen,
            theme,
            set_theme,
        };
        provide_context(prefs);
        prefs
    }

    pub fn choose_lang(&self, lang: Lang) {
        self.set_chosen.set(lang.tag().to_string());
    }

    pub fn choose_theme(&self, theme: Theme) {
        self.set_theme.set(theme.value().to_string());
    }
}

/// The first of the browser's preferred languages (`navigator.languages`) that the dashboard
/// speaks, or English.
fn browser_lang() -> Lang {
    let languages = window().navigator().languages();
    languages
        .iter()
        .filter_map(|l| l.as_string())
        .find(|tag| {
            let tag = tag.to_ascii_lowercase();
            tag.starts_with("zh") || tag.starts_with("en")
        })
        .map_or(Lang::En, |tag| Lang::for_tag(&tag))
}

/// Whether the system's colour scheme is dark, following its changes
/// (`prefers-color-scheme`).
fn system_dark() -> ReadSignal<bool> {
    let query = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten();
    let (dark, set_dark) = signal(query.as_ref().is_some_and(|q| q.matches()));
    if let Some(query) = query {
        // The app lives as long as the page: so does its listener.
        let changed = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |e: web_sys::MediaQueryListEvent| set_dark.set(e.matches()),
        );
        query.set_onchange(Some(changed.as_ref().unchecked_ref()));
        changed.forget();
    }
    dark
}

pub fn use_prefs() -> Prefs {
    expect_context::<Prefs>()
}

/// A colour scheme a person can choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn value(self) -> &'static str {
        match self {
            Theme::System => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_value(v: &str) -> Theme {
        match v {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// The language and colour-scheme switches in the top bar.
#[component]
pub fn PrefsControls() -> impl IntoView {
    let prefs = use_prefs();
    let on_lang = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        prefs.choose_lang(Lang::for_tag(&v));
    };
    let on_theme = move |ev: leptos::ev::Event| {
        prefs.choose_theme(Theme::from_value(&event_target_value(&ev)));
    };
    let current = prefs.lang.get_untracked();
    let theme = move || prefs.theme.get().value();
    view! {
        <div class="prefs">
            <label>
                <span class="visually-hidden">{t().language}</span>
                <select data-testid="language" on:change=on_lang>
                    {Lang::ALL.iter().map(|l| view! {
                        <option value=l.tag() lang=l.tag() translate="no" selected=*l == current>{l.own_name()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                <span class="visually-hidden">{t().theme}</span>
                <select data-testid="theme" on:change=on_theme prop:value=theme>
                    <option value="auto">{t().theme_auto}</option>
                    <option value="light">{t().theme_light}</option>
                    <option value="dark">{t().theme_dark}</option>
                </select>
            </label>
        </div>
    }
}
