//! Task Manager's card list for narrow screens: the first cards (and group headings), and
//! more on request.

use leptos::prelude::*;

use crate::components::task_groups::{GroupHeading, LineKey};
use crate::components::work_item_row::WorkItemRow;
use crate::logic::group::{Line, Lines};
use crate::logic::list::Entry;
use crate::routes::Tab;
use crate::t;

/// Cards shown at first, and added by "Show more".
const CARDS_STEP: usize = 50;

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
        <ul class="mt-list" aria-label=t!("table-label", tab = tab.as_str())>
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
