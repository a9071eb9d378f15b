//! "3 new work items · Show": the notice that work arrived since the list was loaded.

use crate::hooks::poll::use_fresh;
use crate::logic::poll::new_items_text;
use crate::t;
use leptos::prelude::*;

/// Floats over the page (so nothing the person looks at moves) while new work items wait;
/// Show loads the lists and counts again. Announced politely.
#[component]
pub fn NewItemsNotice() -> impl IntoView {
    let fresh = use_fresh()?;
    let count = move || fresh.new_items();
    Some(view! {
        <div class="mt-fresh" role="status">
            <Show when=move || { count() > 0 }>
                <p class="mt-fresh__notice">
                    {move || new_items_text(count())}" · "
                    <button type="button" class="mt-button mt-button--quiet" on:click=move |_| fresh.show()>{t!("show")}</button>
                </p>
            </Show>
        </div>
    })
}
