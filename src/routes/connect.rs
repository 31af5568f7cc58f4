//! Connect to an app: host, org and app, then a pasted token or a client id and secret.

use crate::components::error::action_failure;
use crate::deployment::{use_deployment, Deployment};
use crate::i18n::t;
use crate::session::{use_session, SavedApp};
use easemob_api::connect::{AuthMode, ConnectForm, ConnectProblem, Preset};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// Which input a problem belongs to, by the input's id.
fn field_of(p: ConnectProblem) -> &'static str {
    use ConnectProblem::*;
    match p {
        HostMissing | HostNotHttp | HostHasPath => "host",
        OrgMissing | OrgBadChars => "org",
        AppMissing | AppBadChars => "app",
        TokenMissing => "token",
        ClientIdMissing => "client_id",
        ClientSecretMissing => "client_secret",
    }
}

#[derive(Clone, Copy)]
struct FormSignals {
    host: RwSignal<String>,
    org: RwSignal<String>,
    app: RwSignal<String>,
    mode: RwSignal<AuthMode>,
    token: RwSignal<String>,
    client_id: RwSignal<String>,
    client_secret: RwSignal<String>,
    /// The one host this deployment may talk to (`locked_host` of `/config.json`).
    locked: RwSignal<Option<String>>,
}

impl FormSignals {
    fn form(&self) -> ConnectForm {
        ConnectForm {
            host: self.locked.get().unwrap_or_else(|| self.host.get()),
            org: self.org.get(),
            app: self.app.get(),
            mode: self.mode.get(),
            token: self.token.get(),
            client_id: self.client_id.get(),
            client_secret: self.client_secret.get(),
        }
    }
    fn fill_preset(&self, p: &Preset) {
        if self.locked.get_untracked().is_none() {
            self.host.set(p.host.clone());
        }
        self.org.set(p.org.clone());
        self.app.set(p.app.clone());
        if let (Some(id), Some(secret)) = (&p.client_id, &p.client_secret) {
            self.mode.set(AuthMode::ClientCredentials);
            self.client_id.set(id.clone());
            self.client_secret.set(secret.clone());
        }
    }
    fn fill_saved(&self, a: &SavedApp) {
        if self.locked.get_untracked().is_none() {
            self.host.set(a.host.clone());
        }
        self.org.set(a.org.clone());
        self.app.set(a.app.clone());
        self.token.set(String::new());
        self.client_id.set(String::new());
        self.client_secret.set(String::new());
    }
}

#[component]
pub fn ConnectPage() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let f = FormSignals {
        host: RwSignal::new(String::new()),
        org: RwSignal::new(String::new()),
        app: RwSignal::new(String::new()),
        mode: RwSignal::new(AuthMode::ClientCredentials),
        token: RwSignal::new(String::new()),
        client_id: RwSignal::new(String::new()),
        client_secret: RwSignal::new(String::new()),
        locked: RwSignal::new(None),
    };
    if let Some(i) = session.info.get_untracked() {
        f.host.set(i.host);
        f.org.set(i.org);
        f.app.set(i.app);
    }
    let remember = RwSignal::new(true);
    let tried = RwSignal::new(false);
    // This deployment's config.json, read before the dashboard was mounted: its locked host
    // holds from the start, and its first preset fills an empty form.
    let deployment = use_deployment();
    let locked_host = f.locked;
    if let Some(h) = deployment.locked_host() {
        f.host.set(h.clone());
        locked_host.set(Some(h));
    }
    let (presets, config_error) = match &deployment {
        Deployment::Read(c) => (
            c.presets
                .iter()
                .filter(|p| deployment.allows(&p.host))
                .cloned()
                .collect::<Vec<Preset>>(),
            None,
        ),
        Deployment::Unreadable(e) => (Vec::new(), Some(e.clone())),
    };
    if f.org.get_untracked().is_empty() {
        if let Some(p) = presets.first() {
            f.fill_preset(p);
        }
    }
    // An unreadable config.json may have locked the host: nothing connects.
    let blocked = config_error.is_some();
    let presets = StoredValue::new(presets);
    let allows = {
        let d = StoredValue::new(deployment.clone());
        move |host: &str| d.with_value(|d| d.allows(host))
    };

    let navigate = StoredValue::new_local(navigate);
    // Connected: on to where the person was going (a page of this app), or the page they
    // chose to land on.
    let connect = Action::new_local(move |(form, remember): &(ConnectForm, bool)| {
        let (form, remember) = (form.clone(), *remember);
        let next = query
            .get_untracked()
            .get("next")
            .and_then(|n| crate::url::safe_next(&n))
            .unwrap_or_else(super::home::start_page);
        async move {
            let login = form.validate().expect("validated before dispatch");
            // The list's code comes while the token is asked for.
            leptos::task::spawn_local(super::preload_rooms_page());
            session.connect(login, remember).await?;
            let _ = navigate.try_with_value(|go| go(&next, NavigateOptions::default()));
            Ok::<_, easemob_api::ApiError>(())
        }
    });
    let pending = connect.pending();

    let problems = Memo::new(move |_| {
        if tried.get() {
            f.form().problems()
        } else {
            vec![]
        }
    });
    let problem_for = move |field: &'static str| {
        move || {
            problems
                .get()
                .into_iter()
                .find(|p| field_of(*p) == field)
                .map(|p| crate::i18n::t().connect_problem(p))
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() || blocked {
            return;
        }
        tried.set(true);
        let form = f.form();
        match form.problems().first() {
            None => {
                connect.dispatch_local((form, remember.get_untracked()));
            }
            Some(p) => focus(field_of(*p)),
        }
    };

    let field = move |id: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      value: RwSignal<String>,
                      hint: &'static str| {
        let problem = problem_for(id);
        let error_id = format!("{id}-error");
        let hint_id = format!("{id}-hint");
        let described = format!("{hint_id} {error_id}");
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id name=id type=kind bind:value=value autocomplete="off" spellcheck="false"
                    aria-invalid=move || problem().is_some().to_string()
                    aria-describedby=described
                    readonly=move || id == "host" && locked_host.get().is_some()/>
                <small id=hint_id class="hint">{hint}</small>
                <p id=error_id class="field-error" aria-live="polite">{problem}</p>
            </div>
        }
    };

    let saved_here = move || {
        session
            .saved
            .get()
            .into_iter()
            .filter(|a| allows(&a.host))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="panel connect">
            <h1>{t().connect_title}</h1>
            <p class="lead">{t().connect_lead}</p>
            {config_error.map(|e| view! {
                <p class="warning" role="alert" data-testid="config-unreadable">{format!("{} ({e})", t().config_unreadable)}</p>
            })}
            <Show when=move || presets.with_value(|p| !p.is_empty()) || session.saved.with(|s| s.iter().any(|a| allows(&a.host)))>
                <div class="choices">
                    <h2>{t().quick_pick}</h2>
                    <ul>
                        <For each=move || presets.get_value() key=|p| (p.host.clone(), p.org.clone(), p.app.clone()) let:p>
                            <li>
                                <button type="button" on:click={
                                    let p = p.clone();
                                    move |_| f.fill_preset(&p)
                                } translate="no">{p.label.clone()}</button>
                            </li>
                        </For>
                        <For each=saved_here key=|a| a.clone() let:a>
                            <li class="saved-app">
                                <button type="button" on:click={
                                    let a = a.clone();
                                    move |_| f.fill_saved(&a)
                                } translate="no">{format!("{}#{} — {}", a.org, a.app, a.host)}</button>
                                <button type="button" class="link" aria-label=t().forget_app(&format!("{}#{}", a.org, a.app))
                                    on:click={
                                        let a = a.clone();
                                        move |_| session.forget(&a)
                                    }>{t().forget}</button>
                            </li>
                        </For>
                    </ul>
                </div>
            </Show>
            <form on:submit=on_submit novalidate>
                {field("host", t().host_label, "url", f.host, t().host_hint)}
                <div class="row">
                    {field("org", t().org_label, "text", f.org, t().org_hint)}
                    {field("app", t().app_label, "text", f.app, t().app_hint)}
                </div>
                <fieldset class="mode">
                    <legend>{t().auth_legend}</legend>
                    <label>
                        <input type="radio" name="mode" value="credentials"
                            prop:checked=move || f.mode.get() == AuthMode::ClientCredentials
                            on:change=move |_| f.mode.set(AuthMode::ClientCredentials)/>
                        {t().mode_credentials}
                    </label>
                    <label>
                        <input type="radio" name="mode" value="token"
                            prop:checked=move || f.mode.get() == AuthMode::Token
                            on:change=move |_| f.mode.set(AuthMode::Token)/>
                        {t().mode_token}
                    </label>
                </fieldset>
                <Show when=move || f.mode.get() == AuthMode::ClientCredentials
                    fallback=move || field("token", t().token_label, "password", f.token, t().token_hint)>
                    {field("client_id", t().client_id_label, "text", f.client_id, t().client_id_hint)}
                    {field("client_secret", t().client_secret_label, "password", f.client_secret, t().client_secret_hint)}
                </Show>
                <label class="check">
                    <input type="checkbox" bind:checked=remember/>
                    {t().remember_app}
                </label>
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || blocked || pending.get()
                        aria-busy=move || pending.get().to_string()>
                        {move || if pending.get() { t().connecting } else { t().connect }}
                    </button>
                </div>
                {action_failure(connect)}
            </form>
        </section>
    }
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
