//! The room's announcement: read, edit (at most 512 characters), save.

use super::moderation::ModRoom;
use crate::components::error::{action_failure, ErrorView};
use crate::components::notice::use_notices;
use crate::forms::FieldError;
use crate::i18n::t;
use easemob_api::endpoints::SetAnnouncement;
use easemob_api::limits::{check_length, Field, ANNOUNCEMENT_MAX_CHARS};
use easemob_api::ApiError;
use leptos::prelude::*;

#[component]
pub fn AnnouncementPanel(room: ModRoom) -> impl IntoView {
    let data = crate::data::use_data();
    let notices = use_notices();
    let current = LocalResource::new(move || {
        let id = room.id.get();
        data.track();
        async move { data.announcement(&id).await }
    });
    // What is typed, for which room; otherwise the announcement as loaded.
    let draft = RwSignal::new(None::<(String, String)>);
    let text = move || {
        draft
            .get()
            .filter(|(id, _)| *id == room.id.get())
            .map(|(_, t)| t)
            .or_else(|| current.get().and_then(Result::ok))
            .unwrap_or_default()
    };
    let problem = RwSignal::new(None::<FieldError>);
    let save = Action::new_local(move |text: &String| {
        let call = SetAnnouncement {
            id: room.id.get_untracked(),
            text: text.clone(),
        };
        async move {
            let saved = data.write(call).await?;
            notices.show(t().announcement_saved);
            draft.try_set(None);
            Ok::<_, ApiError>(saved)
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if save.pending().get_untracked() {
            return;
        }
        let value = text();
        match check_length(Field::Announcement, &value, ANNOUNCEMENT_MAX_CHARS) {
            Ok(()) => {
                problem.set(None);
                save.dispatch_local(value);
            }
            Err(i) => problem.set(Some(i.into())),
        }
    };
    let count = move || text().chars().count();
    let over = move || count() > ANNOUNCEMENT_MAX_CHARS;
    view! {
        <section class="mod-panel wide" aria-labelledby="announcement-title">
            <h3 id="announcement-title">{t().announcement_title}</h3>
            {move || current.get().and_then(Result::err).map(|e| view! { <ErrorView error=e/> })}
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="announcement" class="visually-hidden">{t().announcement_title}</label>
                    <textarea id="announcement" rows="3" data-testid="announcement"
                        prop:value=text on:input=move |ev| draft.set(Some((room.id.get_untracked(), event_target_value(&ev))))
                        aria-describedby="announcement-count announcement-error"
                        aria-invalid=move || problem.with(Option::is_some).to_string()></textarea>
                    <small id="announcement-count" class="hint" class:over=over>
                        {move || t().announcement_chars(count(), ANNOUNCEMENT_MAX_CHARS)}
                    </small>
                    <p id="announcement-error" class="field-error" aria-live="polite">
                        {move || problem.get().map(|p| p.message)}
                    </p>
                </div>
                <button type="submit" class="small primary"
                    disabled=move || save.pending().get() || !matches!(current.get(), Some(Ok(_)))>{t().save_announcement}</button>
            </form>
            {action_failure(save)}
        </section>
    }
}
