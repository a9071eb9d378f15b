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

/// The current row's checkbox, in the table or the cards, for a document query.
pub const CURRENT_ROW_SELECT: &str =
    ".mt-table__row--current .mt-row__select, .mt-row--current .mt-row__select";
/// The current row's link to its item, in the table or the cards.
pub const CURRENT_ROW_LINK: &str = ".mt-table__row--current a[href], .mt-row--current a[href]";

/// Scrolls the row holding `checkbox` (not only the checkbox) into view, unless focus is
/// in it: then focus made it current, and has brought it into view already (a scroll
/// between a click's press and release would move the row from under the pointer).
fn reveal(checkbox: &web_sys::HtmlInputElement) {
    let row = checkbox.closest("tr, li").ok().flatten();
    match row {
        Some(row) if crate::platform::has_focus_within(&row) => {}
        Some(row) => crate::platform::scroll_into_view(&row),
        None => crate::platform::scroll_into_view(checkbox),
    }
}

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

/// What a row does when focus comes into it (its link, checkbox, a button, its time): its
/// item (`id`) becomes the current row, so the keys act on the row the person sees
/// focused. Nothing without a triage.
pub fn on_row_focus(id: Signal<Option<String>>) -> impl Fn(web_sys::FocusEvent) + Copy + 'static {
    let triage = use_triage();
    move |_| {
        if let (Some(triage), Some(id)) = (triage, id.try_get_untracked().flatten()) {
            triage.focus_row(&id);
        }
    }
}

/// "Select NAME": checked while the row's item is selected; Shift+click selects (or
/// unselects) the range from the last clicked row, in the order the rows are shown. When
/// the keyboard makes the row current, its checkbox scrolls the row into view, so the
/// keyboard never moves off screen; so does the checkbox of a current row drawn later,
/// until its row has been in view once (a sort that brings the current item here does not,
/// nor does the person scrolling a long table back to the current row).
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
        let moved = was.as_ref().is_some_and(|(before, _)| *before != now);
        let newly_drawn = was.as_ref().is_none_or(|(_, drawn)| !drawn);
        if let (true, Some(el)) = (mine, &el) {
            if moved {
                reveal(el);
                id.with_untracked(|id| triage.take_reveal(id));
            } else if newly_drawn && id.with_untracked(|id| triage.reveal_pending(id)) {
                // Drawn now, in the page once the list is put together: until then the
                // current row stays to be brought into view by whichever of its checkboxes
                // is in the page by then.
                let el = el.clone();
                request_animation_frame(move || {
                    // The row may have gone (and its signals with it) by then.
                    let take = || id.try_with_untracked(|id| triage.take_reveal(id));
                    if el.is_connected() && take() == Some(true) {
                        reveal(&el);
                    }
                });
            }
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
