//! "3 new work items · Show": the notice that work arrived since the list was loaded, or
//! that some of it was dealt with elsewhere.

use crate::focus::{focus_first_of, focus_when_lost};
use crate::hooks::poll::{use_fresh, Fresh};
use crate::logic::poll::new_items_text;
use crate::t;
use leptos::prelude::*;

/// Floats over the page (so nothing the person looks at moves) while new work items wait;
/// Show loads the lists and counts again. Announced politely.
#[component]
pub fn NewItemsNotice() -> impl IntoView {
    let fresh = use_fresh()?;
    let count = move || fresh.new_items();
    // New items are told by their number; items that left elsewhere (the list still shows
    // them) only as a change, since a count cannot say which.
    let text = move || match count() {
        0 => t!("list-changed"),
        n => new_items_text(n),
    };
    Some(view! {
        <div class="mt-fresh" role="status">
            <Show when=move || { count() > 0 || fresh.left_elsewhere() }>
                <p class="mt-fresh__notice">
                    {text}" · "
                    <button type="button" class="mt-button mt-button--quiet" on:click=move |_| show(fresh)>{t!("show")}</button>
                </p>
            </Show>
        </div>
    })
}

/// Brings the new items in. The notice, and the focused Show with it, goes once they are
/// in: focus moves at once to the list (the Pending tab) or the page, so a keyboard user
/// carries on there rather than at the top of the page.
fn show(fresh: Fresh) {
    const PLACES: [&str; 2] = ["tasks-panel", "main"];
    fresh.show();
    focus_first_of(&PLACES);
    // The reload may draw the list anew, and the focused panel with it.
    focus_when_lost(PLACES.to_vec());
}
