//! Task Manager's card list for narrow screens: the first cards (and group headings), and
//! more on request.

use leptos::html::Ul;
use leptos::prelude::*;

use crate::components::task_groups::{GroupHeading, LineKey};
use crate::components::work_item_row::WorkItemRow;
use crate::hooks::triage::{use_triage, Triage};
use crate::logic::group::{Line, Lines};
use crate::logic::list::Entry;
use crate::routes::{AppRoute, Tab};
use crate::t;

/// Cards shown at first, and added by "Show more".
const CARDS_STEP: usize = 50;

/// Keeps the keyboard's current row among the cards shown, and in view: moving on past the
/// last card, or coming back to a row further down, shows the cards up to it; coming back
/// to the list scrolls to it once the list is laid out (it may be built before it is in
/// the document, where nothing can be scrolled to). A move within the cards shown is
/// scrolled to by the row's checkbox ([`crate::components::row_select::RowSelect`]).
fn keep_current_shown(
    triage: Triage,
    entries: RwSignal<Vec<Entry>>,
    lines: Memo<Lines>,
    limit: RwSignal<usize>,
    list: NodeRef<Ul>,
) {
    let laid_out = RwSignal::new(false);
    let watch = StoredValue::new_local(None);
    Effect::new(move || {
        if let Some(ul) = list.get() {
            let seen = ul.clone();
            let check = move || laid_out.set(seen.is_connected() && seen.client_height() > 0);
            watch.set_value(crate::platform::watch_resize(&ul, check));
        }
    });
    on_cleanup(move || drop(watch.try_update_value(Option::take)));
    // `grew`: the run before showed more cards to reach the current row, which this run
    // scrolls to. Cards shown by "Show more" leave the scroll where it is.
    Effect::new(move |was: Option<(Option<String>, bool, bool)>| {
        let current = triage.current.get();
        let (shown, cards) = (laid_out.get(), limit.get());
        let at = current
            .as_deref()
            .and_then(|id| lines.with_untracked(|l| entries.with_untracked(|e| l.line_of(e, id))));
        if let Some(at) = at.filter(|&at| at >= cards) {
            limit.set(cards_to_show(at));
            return (current, shown, true);
        }
        let due =
            was.is_none_or(|(before, was_shown, grew)| before != current || !was_shown || grew);
        if let (true, true, Some(id), Some(ul)) = (shown, due, &current, list.get_untracked()) {
            // A card focus made current is in view already.
            let card = card_of(&ul, id).filter(|c| !crate::platform::has_focus_within(c));
            if let Some(card) = card {
                crate::platform::scroll_into_view(&card);
            }
        }
        (current, shown, false)
    });
}

/// The card of the work item `id` in the list `ul`, if it is drawn.
fn card_of(ul: &web_sys::HtmlUListElement, id: &str) -> Option<web_sys::Element> {
    let href = AppRoute::Item(id.to_owned()).href();
    let cards = ul.children();
    (0..cards.length())
        .filter_map(|i| cards.item(i))
        .find(|card| {
            card.query_selector("a.mt-row__name")
                .ok()
                .flatten()
                .and_then(|a| a.get_attribute("href"))
                .is_some_and(|h| h == href)
        })
}

/// How many lines to show so that line `at` is shown: whole steps of "Show more".
fn cards_to_show(at: usize) -> usize {
    (at / CARDS_STEP + 1) * CARDS_STEP
}

/// The card list for narrow screens: the first cards (and group headings), and more on
/// request.
#[component]
pub fn Cards(
    /// The loaded queue.
    entries: RwSignal<Vec<Entry>>,
    /// What to show, in order.
    lines: Memo<Lines>,
    /// The tab.
    tab: Tab,
    /// Collapses or opens a group.
    on_fold: Callback<String>,
) -> impl IntoView {
    let limit = RwSignal::new(CARDS_STEP);
    let list = NodeRef::<Ul>::new();
    if let Some(triage) = use_triage() {
        keep_current_shown(triage, entries, lines, limit, list);
    }
    let cards = move || {
        lines.with(|l| {
            entries.with(|entries| {
                l.lines
                    .iter()
                    .take(limit.get())
                    .filter_map(|&line| {
                        let item = match line {
                            Line::Item(at) => Some(entries.get(at)?.item.clone()),
                            Line::Group(_) => None,
                        };
                        Some((LineKey::of(line, l, entries)?, item))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let more = move || lines.with(|l| l.lines.len()) > limit.get();
    view! {
        <ul class="mt-list" node_ref=list aria-label=t!("table-label", tab = tab.as_str())>
            <For each=cards key=|(key, _)| key.clone() let((key, item))>
                {match (key, item) {
                    (LineKey::Group(id), _) => view! {
                        <li class="mt-list__group"><GroupHeading lines entries id on_fold/></li>
                    }.into_any(),
                    (_, item) => item.map(|item| view! {
                        <WorkItemRow item completed=tab == Tab::Completed/>
                    }).into_any(),
                }}
            </For>
        </ul>
        {move || more().then(|| view! {
            <button type="button" class="mt-button mt-more"
                on:click=move |_| limit.update(|l| *l += CARDS_STEP)>{t!("show-more")}</button>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cards_shown_reach_the_line_in_whole_steps() {
        assert_eq!(cards_to_show(0), CARDS_STEP);
        assert_eq!(cards_to_show(CARDS_STEP - 1), CARDS_STEP);
        assert_eq!(cards_to_show(CARDS_STEP), 2 * CARDS_STEP);
        assert_eq!(cards_to_show(2 * CARDS_STEP + 3), 3 * CARDS_STEP);
    }
}
