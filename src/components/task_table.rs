//! The dense table of Task Manager (900 px wide and up): one line per work item, and only
//! the lines in view (plus [`OVERSCAN`] on each side) are in the DOM, between two spacer
//! rows that keep the scroll height of the whole list. Rows have a fixed height
//! ([`ROW_HEIGHT`]), group headings too, so where a row is follows from its position alone.
//! `aria-rowcount` and `aria-rowindex` tell screen readers the size of the whole list; a
//! group's heading is a row with one cell across every column.

use leptos::html::Div;
use leptos::prelude::*;
use wire::WorkItem;

use crate::components::row_actions::RowActions;
use crate::components::row_select::{is_current, RowSelect};
use crate::components::task_groups::{GroupHeading, LineKey};
use crate::components::time::MaybeTime;
use crate::i18n::intl;
use crate::logic::format::{item_name, type_label};
use crate::logic::group::{Line, Lines};
use crate::logic::involved::involved;
use crate::logic::list::{is_overdue, Entry};
use crate::routes::{item_href, Tab};
use crate::t;

/// Height of every row in CSS pixels; `style/main.css` gives `.mt-table tr` the same.
pub const ROW_HEIGHT: f64 = 44.0;
/// Rows drawn beyond each edge of the view, so fast scrolling shows no gap.
pub const OVERSCAN: usize = 8;
/// The view's height before it has been measured.
const FALLBACK_VIEW: f64 = 720.0;

/// What every row needs besides its item; one copy for the whole table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowContext {
    /// Which tab: Completed rows show when they were completed and have no actions.
    pub tab: Tab,
    /// The moment ages are measured from (ms since the epoch).
    pub now_ms: i64,
    /// After how many days a pending item is overdue.
    pub stale_after_days: u32,
}

/// The first and one-past-last position to draw, for `count` rows scrolled to `top` in a
/// view `height` pixels high.
pub fn window(count: usize, top: f64, height: f64) -> (usize, usize) {
    let first = (top.max(0.0) / ROW_HEIGHT).floor() as usize;
    let first = first.saturating_sub(OVERSCAN).min(count);
    let shown = (height.max(ROW_HEIGHT) / ROW_HEIGHT).ceil() as usize + 2 * OVERSCAN;
    (first, (first + shown).min(count))
}

/// The table over `lines` (group headings and positions in `entries`, in display order).
#[component]
pub fn TaskTable(
    /// The loaded queue.
    entries: RwSignal<Vec<Entry>>,
    /// What to show, in order.
    lines: Memo<Lines>,
    /// Tab, clock and threshold for the rows.
    context: RowContext,
    /// Collapses or opens the group with this id.
    on_fold: Callback<String>,
) -> impl IntoView {
    let scroller = NodeRef::<Div>::new();
    let (top, height) = (RwSignal::new(0.0), RwSignal::new(FALLBACK_VIEW));
    let measure = move || {
        if let Some(el) = scroller.get_untracked() {
            top.set(f64::from(el.scroll_top()));
            let h = f64::from(el.client_height());
            height.set(if h > 0.0 { h } else { FALLBACK_VIEW });
        }
    };
    Effect::new(move || {
        if scroller.get().is_some() {
            measure();
        }
    });
    // The view's height follows the window's (the scroller's height is relative to it).
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let count = Memo::new(move |_| lines.with(|l| l.lines.len()));
    let span = Memo::new(move |_| window(count.get(), top.get(), height.get()));
    // Rows are keyed on their entry (or group) alone, so a scroll or a keystroke keeps
    // every row still drawn and only adds or removes the others; a kept row reads its
    // position from here.
    let slice = Memo::new(move |_| {
        let (first, last) = span.get();
        lines.with(|l| {
            entries.with(|entries| {
                l.lines[first..last]
                    .iter()
                    .enumerate()
                    .filter_map(|(i, &line)| {
                        Some((first + i, LineKey::of(line, l, entries)?, line))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let before = move || format!("{}px", span.get().0 as f64 * ROW_HEIGHT);
    let after = move || format!("{}px", (count.get() - span.get().1) as f64 * ROW_HEIGHT);
    let completed = context.tab == Tab::Completed;
    let columns = if completed { 6 } else { 7 };
    view! {
        <div class="mt-table__scroll" node_ref=scroller on:scroll=move |_| measure()>
            <table class="mt-table" aria-label=t!("table-label", tab = context.tab.as_str())
                aria-rowcount=move || count.get() + 1>
                <thead>
                    <tr aria-rowindex="1">
                        <th scope="col" class="mt-table__type">{t!("column-type")}</th>
                        <th scope="col" class="mt-table__name">{t!("column-name")}</th>
                        <th scope="col">{t!("column-requester")}</th>
                        <th scope="col">{t!("column-identity-account")}</th>
                        <th scope="col">{t!("column-source")}</th>
                        <th scope="col" class="mt-table__age">{if completed { t!("column-completed") } else { t!("column-waiting") }}</th>
                        {(!completed).then(|| view! { <th scope="col" class="mt-table__actions">{t!("column-actions")}</th> })}
                    </tr>
                </thead>
                <tbody>
                    <tr class="mt-table__spacer" aria-hidden="true" style:height=before></tr>
                    <For each=move || slice.get() key=|(_, key, _)| key.clone() let((_, key, line))>
                        {
                            let index = {
                                let key = key.clone();
                                Signal::derive(move || slice.with(|rows| {
                                    rows.iter().find(|row| row.1 == key).map_or(0, |row| row.0)
                                }))
                            };
                            match (key, line) {
                                (LineKey::Group(id), _) => view! {
                                    <tr class="mt-table__group" aria-rowindex=move || index.get() + 2>
                                        <td colspan=columns><GroupHeading lines id on_fold/></td>
                                    </tr>
                                }.into_any(),
                                (_, Line::Item(at)) => entries.with_untracked(|e| e.get(at).map(|e| e.item.clone()))
                                    .map(|item| view! { <TaskRow item index context/> })
                                    .into_any(),
                                (_, Line::Group(_)) => ().into_any(),
                            }
                        }
                    </For>
                    <tr class="mt-table__spacer" aria-hidden="true" style:height=after></tr>
                </tbody>
            </table>
        </div>
    }
}

/// One work item as a table row.
#[component]
pub fn TaskRow(
    /// The work item.
    item: WorkItem,
    /// Its position in the list shown, 0-based (row 1 is the header); it changes while the
    /// row stays drawn.
    #[prop(into)]
    index: Signal<usize>,
    /// Tab, clock and threshold.
    context: RowContext,
) -> impl IntoView {
    let found = involved(&item);
    let completed = context.tab == Tab::Completed;
    let overdue = !completed
        && item.created.is_some_and(|c| {
            is_overdue(
                c.timestamp_millis(),
                context.now_ms,
                context.stale_after_days,
            )
        });
    let href = item_href(&item);
    let name = item_name(&item);
    let description = item.description.clone().unwrap_or_default();
    let title = format!("{name}\n{description}");
    let who: Vec<String> = found
        .identities
        .iter()
        .chain(&found.accounts)
        .cloned()
        .collect();
    let who = who.join(", ");
    let sources = found.sources.join(", ");
    let requester = item.requester_display_name.clone().unwrap_or_default();
    let age = match item.created {
        Some(created) => intl::waited(created.timestamp_millis() as f64, context.now_ms as f64)
            .unwrap_or_else(|| t!("waited-under-a-minute")),
        None => "—".into(),
    };
    let id = item.id.clone().filter(|id| !id.is_empty());
    let current = is_current(id.clone());
    // Only pending rows with an id can take a bulk action.
    let select = id.filter(|_| !completed && item.is_pending()).map(|id| {
        view! { <RowSelect id name=name.clone()/> }
    });
    let class = if overdue {
        "mt-table__row mt-table__row--overdue"
    } else {
        "mt-table__row"
    };
    view! {
        <tr class=class class:mt-table__row--current=current aria-rowindex=move || index.get() + 2>
            <td>{select}{item.work_item_type.as_ref().map(|t| view! { <span class="mt-tag">{type_label(t)}</span> })}</td>
            <td class="mt-table__name" title=title>
                // A plain link: the router follows it in the app all the same, and a row
                // gets no location readers (`A` adds them, for `aria-current`).
                {match href {
                    Some(href) => view! { <a href=href><bdi>{name}</bdi></a> }.into_any(),
                    None => view! { <bdi>{name}</bdi> }.into_any(),
                }}
                " "
                <bdi class="mt-table__desc">{description}</bdi>
            </td>
            <td title=requester.clone()><bdi>{requester.clone()}</bdi></td>
            <td title=who.clone()><bdi>{who.clone()}</bdi></td>
            <td title=sources.clone()><bdi>{sources.clone()}</bdi></td>
            {if completed {
                view! { <td><MaybeTime at=item.completed/></td> }.into_any()
            } else {
                view! {
                    <td class="mt-table__age">
                        {age}
                        {overdue.then(|| view! { " " <span class="mt-overdue">{t!("overdue")}</span> })}
                    </td>
                }.into_any()
            }}
            {(!completed).then(|| view! { <td class="mt-table__actions"><RowActions item=item.clone()/></td> })}
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_covers_the_view_plus_overscan_and_stays_inside_the_list() {
        // 440 px of view shows 10 rows; with 8 rows of overscan on each side.
        assert_eq!(window(20_000, 0.0, 440.0), (0, 26));
        assert_eq!(window(20_000, 44.0 * 100.0, 440.0), (92, 118));
        assert_eq!(window(5, 0.0, 440.0), (0, 5));
        // Scrolled past the end (the list shrank under the scroll position).
        assert_eq!(window(10, 44.0 * 1_000.0, 440.0), (10, 10));
    }
}
