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
    /// Whether a form on screen holds what the person typed: switching language builds the
    /// views again and would lose it, so the switch waits (see [`follow_typing`]).
    pub typing: RwSignal<bool>,
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
        // `<html>`'s class is outside the app's view too.
        Effect::new(move |_| {
            if let Some(html) = document().document_element() {
                let list = html.class_list();
                let dark = dark.get();
                let _ = list.toggle_with_force("dark", dark);
                let _ = list.toggle_with_force("light", !dark);
            }
        });
        let typing = RwSignal::new(false);
        follow_typing(typing);
        let prefs = Prefs {
            lang,
            set_chosen,
            theme,
            set_theme,
            typing,
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

/// Follows whether a form on screen holds typed input: a text field or text area the person
/// typed into, still holding text, in the page or in an open dialog. Fields whose text is kept
/// above the views (`data-kept`: it survives the switch) and search boxes (their text is in the
/// URL) do not count. Listens on the document for as long as the page lives.
fn follow_typing(typing: RwSignal<bool>) {
    let recheck = move || {
        let set = move || typing.set(holds_typed_input());
        // After the event's own handlers (a dialog closed, a form emptied, a page changed).
        set_timeout(set, std::time::Duration::ZERO);
        set_timeout(set, std::time::Duration::from_millis(150));
    };
    let on_input = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        if let Some(el) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            if is_text_field(&el) {
                let _ = el.set_attribute("data-typed", "");
            }
        }
        recheck();
    });
    let on_other = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| recheck());
    let doc = document();
    let capture = web_sys::AddEventListenerOptions::new();
    capture.set_capture(true);
    let _ = doc.add_event_listener_with_callback_and_add_event_listener_options(
        "input",
        on_input.as_ref().unchecked_ref(),
        &capture,
    );
    for event in ["click", "close", "submit", "focusin", "keyup"] {
        let _ = doc.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            on_other.as_ref().unchecked_ref(),
            &capture,
        );
    }
    let _ =
        window().add_event_listener_with_callback("popstate", on_other.as_ref().unchecked_ref());
    on_input.forget();
    on_other.forget();
    // And every second: a form can also go without an event (a page that changed after a
    // change was answered, a page's code that arrived later).
    set_interval(
        move || {
            let now = holds_typed_input();
            if typing.get_untracked() != now {
                typing.set(now);
            }
        },
        std::time::Duration::from_secs(1),
    );
}

/// A field whose text would be lost: typed text, not a search box, not kept above the views.
fn is_text_field(el: &web_sys::Element) -> bool {
    let kept = el.closest("[data-kept]").ok().flatten().is_some();
    let text = match el.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(i) => matches!(
            i.type_().as_str(),
            "text" | "url" | "number" | "password" | "email" | "tel" | ""
        ),
        None => el.dyn_ref::<web_sys::HtmlTextAreaElement>().is_some(),
    };
    text && !kept
}

fn holds_typed_input() -> bool {
    let Ok(list) = document().query_selector_all("[data-typed]") else {
        return false;
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter(|el| el.is_connected())
        .filter(|el| el.closest("dialog:not([open])").ok().flatten().is_none())
        .any(|el| {
            let value = match el.dyn_ref::<web_sys::HtmlInputElement>() {
                Some(i) => i.value(),
                None => el
                    .dyn_ref::<web_sys::HtmlTextAreaElement>()
                    .map(|t| t.value())
                    .unwrap_or_default(),
            };
            !value.trim().is_empty()
        })
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
            <label title=move || prefs.typing.get().then_some(t().language_locked)>
                <span class="visually-hidden">{t().language}</span>
                <select data-testid="language" on:change=on_lang disabled=move || prefs.typing.get()
                    aria-describedby="language-locked">
                    {Lang::ALL.iter().map(|l| view! {
                        <option value=l.tag() lang=l.tag() translate="no" selected=*l == current>{l.own_name()}</option>
                    }).collect_view()}
                </select>
                <span id="language-locked" class="visually-hidden">
                    {move || prefs.typing.get().then_some(t().language_locked)}
                </span>
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
