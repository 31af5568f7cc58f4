//! A form's fields: a labelled input with its message, wired for screen readers, and the
//! helpers that pick a problem's message for one field or for the whole form.

use crate::forms::FieldError;
use easemob_api::limits::Field;
use leptos::prelude::*;

/// The message for one field, if the current problem is about it.
pub fn error_for(
    problem: RwSignal<Option<FieldError>>,
    field: Field,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        problem.with(|p| {
            p.as_ref()
                .filter(|p| p.field == Some(field))
                .map(|p| p.message.clone())
        })
    }
}

/// A problem that belongs to no field, shown above the buttons.
pub fn general_error(problem: RwSignal<Option<FieldError>>) -> impl Fn() -> Option<AnyView> + Copy {
    move || {
        problem.with(|p| {
            p.as_ref().filter(|p| p.field.is_none()).map(|p| {
                view! { <p class="form-error" role="alert">{p.message.clone()}</p> }.into_any()
            })
        })
    }
}

/// A labelled input or textarea with its error below it, wired for screen readers.
#[component]
pub fn FormField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] list: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    let invalid = move || error.get().is_some().to_string();
    let input = if multiline {
        view! {
            <textarea id=id rows="3" bind:value=value aria-invalid=invalid aria-describedby=described.clone()></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id type=kind.unwrap_or("text") bind:value=value autocomplete="off" list=list
                aria-invalid=invalid aria-describedby=described.clone()/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
            {hint.map(|h| view! { <small class="hint" id=hint_id>{h}</small> })}
            <p id=error_id class="field-error" aria-live="polite">{move || error.get()}</p>
        </div>
    }
}
