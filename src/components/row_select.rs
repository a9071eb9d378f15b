//! The checkbox a row hosts to take part in a bulk action, and whether a row is the
//! current one the keyboard moves. Both read the triage state in context, so any list (the
//! card list, a table) can host them; outside a triage (the Completed tab) they render
//! nothing.

use crate::hooks::triage::use_triage;
use leptos::html::Input;
use leptos::prelude::*;
use web_sys::MouseEvent;

/// Whether the row of `id` is the current row (reactive); always false without a triage.
pub fn is_current(id: Option<String>) -> Signal<bool> {
    match (use_triage(), id) {
        (Some(triage), Some(id)) => {
            Signal::derive(move || triage.current.with(|c| c.as_deref() == Some(id.as_str())))
        }
        _ => Signal::stored(false),
    }
}

/// "Select NAME": checked while the row is selected; Shift+click selects (or unselects)
/// the range from the last clicked row, in the order the rows are shown. The current row's
/// checkbox scrolls itself into view, so the keyboard never moves off screen.
#[component]
pub fn RowSelect(
    /// The work item's id.
    id: String,
    /// Its name, for the accessible name.
    name: String,
) -> impl IntoView {
    let triage = use_triage()?;
    let input = NodeRef::<Input>::new();
    let checked = {
        let id = id.clone();
        Signal::derive(move || triage.selection.with(|s| s.contains(&id)))
    };
    let current = is_current(Some(id.clone()));
    Effect::new(move |_| {
        if let (true, Some(input)) = (current.get(), input.get()) {
            crate::platform::scroll_into_view(&input);
        }
    });
    let on_click = move |ev: MouseEvent| triage.click(&id, ev.shift_key());
    Some(view! {
        <input type="checkbox" class="mt-row__select" node_ref=input
            aria-label=format!("Select {name}")
            prop:checked=checked on:click=on_click/>
    })
}
