use crate::text;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="panel">
            <h1>{text::PAGE_NOT_FOUND}</h1>
            <p><a href="/rooms">{text::NAV_ROOMS}</a></p>
        </section>
    }
}
