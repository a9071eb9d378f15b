//! The checkbox a row hosts to take part in a bulk action, and whether a row is the
//! current one the keyboard moves. Both read the triage state in context, so any list (the
//! card list, a table) can host them; outside a triage (the Completed tab) they render
//! nothing. Both take the row's item as signals: a table row stays while the item it shows
//! changes (a sort, a search).

use crate::hooks::triage::use_triage;
use crate::t;
use leptos::html::Input;
use leptos::prelude::*;
use web_sys::MouseEvent;

/// Whether the row showing the item `id` is the current row (reactive); always false
/// without a triage.
pub fn is_current(id: Signal<Option<String>>) -> Signal<bool> {
    match use_triage() {
        Some(triage) => Signal::derive(move || {
            triage
                .current
                .with(|c| c.is_some() && id.with(|id| id.as_deref() == c.as_deref()))
        }),
        None => Signal::stored(false),
    }
}

/// "Select NAME": checked while the row's item is selected; Shift+click selects (or
/// unselects) the range from the last clicked row, in the order the rows are shown. When
/// the keyboard makes the row current, its checkbox scrolls the row into view, so the
/// keyboard never moves off screen (a sort that brings the current item here does not).
#[component]
pub fn RowSelect(
    /// The work item's id.
    #[prop(into)]
    id: Signal<String>,
    /// Its name, for the accessible name.
    #[prop(into)]
    name: Signal<String>,
) -> impl IntoView {
    let triage = use_triage()?;
    let input = NodeRef::<Input>::new();
    let checked = Signal::derive(move || id.with(|id| triage.selection.with(|s| s.contains(id))));
    // Runs when the current row changes (and once the checkbox is in the page), not when
    // the row's item does.
    Effect::new(move |was: Option<(Option<String>, bool)>| {
        let now = triage.current.get();
        let el = input.get();
        let mine = id.with_untracked(|id| now.as_deref() == Some(id.as_str()));
        let moved = was.is_none_or(|(before, drawn)| before != now || !drawn);
        if let (true, true, Some(el)) = (mine, moved, &el) {
            // The whole row, not only its checkbox.
            let row = el.closest("tr, li").ok().flatten();
            crate::platform::scroll_into_view(row.as_ref().unwrap_or(el));
        }
        (now, el.is_some())
    });
    let on_click = move |ev: MouseEvent| triage.click(&id.get_untracked(), ev.shift_key());
    Some(view! {
        <input type="checkbox" class="mt-row__select" node_ref=input
            aria-label=move || t!("select-item", name = &name.get())
            prop:checked=checked on:click=on_click/>
    })
}
