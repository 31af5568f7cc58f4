use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="panel">
            <h1>{t().page_not_found}</h1>
            <p><a href=crate::url::link("/rooms")>{t().nav_rooms}</a></p>
        </section>
    }
}
