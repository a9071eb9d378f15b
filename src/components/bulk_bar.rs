//! The selection bar above the pending list: how many are selected, "Select all N
//! matching", Clear, the four bulk actions, the shortcuts button, and (for screen readers)
//! the current row the keyboard moved to.

use crate::focus::refocus_when_lost;
use crate::hooks::triage::{Ask, Dialog, Triage};
use crate::logic::messages::Decision;
use crate::logic::selection::Selection;
use crate::t;
use leptos::html::Button;
use leptos::prelude::*;

/// The bar of a [`Triage`]: counts, selection buttons and the bulk actions (each opens its
/// confirmation; disabled with nothing selected or while a run goes).
#[component]
pub fn BulkBar(
    /// The triage state of the list.
    triage: Triage,
) -> impl IntoView {
    let selected = move || triage.selection.with(Selection::len);
    let matching = move || triage.visible.with(Vec::len);
    let idle = move || selected() == 0 || triage.bulk.is_running();
    let action = move |label: String, ask: Ask, class: &'static str| {
        view! {
            <button type="button" class=class aria-haspopup="dialog" disabled=idle
                on:click=move |_| triage.ask(ask)>{label}</button>
        }
    };
    // While the bar sticks, the page's scroll padding is its height (and a gap), so that
    // focus never goes under it (main.css).
    let bar = NodeRef::<leptos::html::Section>::new();
    let room = StoredValue::new_local(None);
    Effect::new(move || {
        if let (Some(el), Some(root)) = (bar.get(), crate::platform::root_element()) {
            let kept = crate::platform::keep_sticky_room(el.into(), root, STICKY_TOP, STICKY_GAP);
            room.set_value(kept);
        }
    });
    on_cleanup(move || drop(room.try_update_value(Option::take)));
    // Each of the two hides itself once used: focus goes to the other, not to the page.
    let (select_all, clear) = (NodeRef::<Button>::new(), NodeRef::<Button>::new());
    let focus_on = |button: NodeRef<Button>| {
        refocus_when_lost(move || {
            button
                .try_get_untracked()
                .flatten()
                .filter(|b| !b.hidden())
                .map(Into::into)
        })
    };
    view! {
        <section class="mt-bulk" node_ref=bar class:mt-bulk--empty=move || selected() == 0 aria-label=t!("bulk-label")>
            <p class="mt-bulk__count" role="status">{move || t!("bulk-selected", count = selected())}</p>
            <button type="button" class="mt-button mt-button--quiet" node_ref=select_all
                hidden=move || matching() == 0 || selected() == matching()
                on:click=move |_| {
                    triage.select_all();
                    focus_on(clear);
                }>
                {move || t!("bulk-select-all", count = matching())}
            </button>
            <button type="button" class="mt-button mt-button--quiet" hidden=move || selected() == 0
                node_ref=clear
                on:click=move |_| {
                    triage.selection.update(Selection::clear);
                    focus_on(select_all);
                }>{t!("bulk-clear")}</button>
            <div class="mt-bulk__actions">
                {action(t!("mark-complete"), Ask::Complete, "mt-button")}
                {action(Decision::Approve.bulk_label(), Ask::Decide(Decision::Approve), "mt-button mt-button--approve")}
                {action(Decision::Reject.bulk_label(), Ask::Decide(Decision::Reject), "mt-button mt-button--reject")}
                {action(t!("forward"), Ask::Forward, "mt-button")}
            </div>
            <button type="button" class="mt-button mt-button--quiet" aria-haspopup="dialog"
                aria-keyshortcuts=move || triage.single_keys.get().then_some("?") on:click=move |_| triage.dialog.set(Dialog::Help)>
                {t!("shortcuts")}
            </button>
            <CurrentRowAnnouncer triage/>
        </section>
    }
}

/// The page's custom property that holds the room the sticking bar takes (main.css).
const STICKY_TOP: &str = "--mt-sticky-top";
/// Between the bar and what focus brings into view below it, room for a focus ring.
const STICKY_GAP: f64 = 8.0;

/// Says which row is current when the keyboard moves it: "Create an Account, 3 of 22,
/// selected". Silent until the first move.
#[component]
fn CurrentRowAnnouncer(
    /// The triage state.
    triage: Triage,
) -> impl IntoView {
    let text = move || {
        let id = triage.current.get()?;
        // Made current by focus: the screen reader has just read the focused control.
        if !triage.announced() {
            return None;
        }
        let (at, total) = triage
            .visible
            .with(|rows| Some((rows.iter().position(|r| *r == id)? + 1, rows.len())))?;
        let item = triage.items(vec![id.clone()]).into_iter().next();
        let name = item
            .and_then(|i| i.name)
            .unwrap_or_else(|| t!("item-no-name"));
        Some(match triage.selection.with(|s| s.contains(&id)) {
            true => t!("current-row-selected", name = &name, at = at, total = total),
            false => t!("current-row", name = &name, at = at, total = total),
        })
    };
    view! { <p class="mt-visually-hidden" aria-live="polite" aria-atomic="true">{text}</p> }
}

/// The heading of a forward of `n` items.
pub fn forward_title(n: usize) -> String {
    match n {
        1 => t!("forward-title"),
        n => t!("forward-title-many", count = n),
    }
}
