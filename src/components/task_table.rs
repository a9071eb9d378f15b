//! The dense table of Task Manager (900 px wide and up): one line per work item, and only
//! the lines in view (plus [`OVERSCAN`] on each side) are in the DOM, between two spacer
//! rows that keep the scroll height of the whole list. Rows have a fixed height
//! ([`ROW_HEIGHT`]), group headings too, so where a row is follows from its position alone.
//! `aria-rowcount` and `aria-rowindex` tell screen readers the size of the whole list; a
//! group's heading is a row with one cell across every column.
//!
//! Rows are kept by position: the row at position 12 stays while the list is sorted or
//! searched, and only the text, links and state of what it shows change (see
//! [`TaskRow`]). Building rows anew was most of a sort's time. A scroll adds the
//! positions that come into view and drops those that leave.

use std::collections::HashMap;

use leptos::html::{Div, Tbody};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::task_groups::{GroupHeading, LineKey};
use crate::components::task_row::TaskRow;
use crate::hooks::triage::use_triage;
use crate::logic::group::{Line, Lines};
use crate::logic::list::Entry;
use crate::routes::Tab;
use crate::t;

/// Height of every row in CSS pixels; `style/main.css` gives `.mt-table tr` the same.
pub const ROW_HEIGHT: f64 = 44.0;
/// Rows drawn beyond each edge of the view, so fast scrolling shows no gap.
pub const OVERSCAN: usize = 4;
/// The view's height before it has been measured.
const FALLBACK_VIEW: f64 = 720.0;

/// What every row needs besides its item; one copy for the whole table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowContext {
    /// Which tab: Completed rows show when they were completed and how they ended, and have no
    /// actions.
    pub tab: Tab,
    /// After how many days a pending item is overdue (measured by the app's clock).
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
    // Measured again whenever the scroller's size changes, whatever changed it: being laid
    // out at all (it may be built before it is in the document, and read 0 then), the
    // window, the stylesheet, or its rows (its height follows them up to a maximum). A
    // height measured once and kept would leave rows in view undrawn.
    // Its scroll padding is the sticky header's height (triage.css), measured whenever that
    // changes (a header that wraps in a wider text spacing grows).
    let watch = StoredValue::new_local((None, None));
    Effect::new(move || {
        if let Some(el) = scroller.get() {
            measure();
            let head = el.query_selector("thead th").ok().flatten();
            let holder = el.clone().into();
            let head =
                head.and_then(|th| crate::platform::keep_sticky_room(th, holder, HEAD_ROOM, 0.0));
            watch.set_value((crate::platform::watch_resize(&el, measure), head));
        }
    });
    on_cleanup(move || drop(watch.try_update_value(std::mem::take)));
    let count = Memo::new(move |_| lines.with(|l| l.lines.len()));
    let span = Memo::new(move |_| window(count.get(), top.get(), height.get()));
    // Whole pixels, written as integers: rows are a whole number of pixels high.
    let px = |rows: usize| format!("{}px", rows * ROW_HEIGHT as usize);
    let before = move || px(span.get().0);
    let after = move || px(count.get() - span.get().1);
    // The keyboard's current row is brought into view when it moves, and when the table is
    // first laid out with one (taken up again on coming back from its item): its row once
    // it is drawn. Only a move does this: a sort leaves the scroll where it is.
    if let Some(triage) = use_triage() {
        Effect::new(move |was: Option<(Option<String>, bool)>| {
            let current = triage.current.get();
            height.track();
            let el = scroller.get();
            let laid_out = el
                .as_ref()
                .is_some_and(|el| el.is_connected() && el.client_height() > 0);
            let due = was.is_none_or(|(before, was_laid_out)| before != current || !was_laid_out);
            if let (true, true, Some(id), Some(el)) = (laid_out, due, &current, &el) {
                let at = lines.with_untracked(|l| entries.with_untracked(|e| l.line_of(e, id)));
                if let Some(at) = at {
                    bring_into_view(el, at);
                    measure();
                }
            }
            (current, laid_out)
        });
    }
    let completed = context.tab == Tab::Completed;
    let body = NodeRef::<Tbody>::new();
    let table = Table {
        entries,
        lines,
        context,
        on_fold,
        slots: StoredValue::new(HashMap::new()),
    };
    Effect::new(move |_| {
        lines.with(|l| {
            entries.with(|e| {
                let focus = body.get_untracked().and_then(|b| focused_line(&b));
                let mut left = None;
                table.slots.with_value(|slots| {
                    for (&at, slot) in slots {
                        let now = slot_at(at, l, e);
                        if slot.with_untracked(|was| *was != now) {
                            if focus.is_some_and(|(from, _)| from == at) {
                                left = slot.get_untracked().map(|(_, key)| key);
                            }
                            slot.set(now);
                        }
                    }
                });
                if let (Some((_, control)), Some(old), Some(body)) =
                    (focus, left, body.get_untracked())
                {
                    keep_focus(body.into(), old, control, lines, entries);
                }
            })
        })
    });
    // Focus coming into a row by the keyboard (Tab, Shift+Tab) brings the whole row into
    // view, below the sticky header, and the rows around it are drawn at once: the browser
    // scrolls only the focused control into view, under the header, and the row before
    // it would not be drawn yet when Shift+Tab looks for it (focus fell to the page). A
    // click is left alone: a scroll before the button is released loses the click.
    let on_focusin = move |ev: web_sys::FocusEvent| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let by_keyboard = target
            .as_ref()
            .is_some_and(|t| t.matches(":focus-visible").unwrap_or(false));
        let row = target.and_then(|t| t.closest("tbody tr[aria-rowindex]").ok().flatten());
        if let (true, Some(row)) = (by_keyboard, row) {
            crate::platform::scroll_into_view(&row);
            measure();
        }
    };
    view! {
        <div class="mt-table__scroll" node_ref=scroller on:scroll=move |_| measure() on:focusin=on_focusin>
            <table class="mt-table" aria-label=t!("table-label", tab = context.tab.as_str())
                aria-rowcount=move || count.get() + 1>
                <thead>
                    <tr aria-rowindex="1">
                        <th scope="col" class="mt-table__type">{t!("column-type")}</th>
                        <th scope="col" class="mt-table__name">{t!("column-name")}</th>
                        <th scope="col" class="mt-table__requester">{t!("column-requester")}</th>
                        <th scope="col">{t!("column-identity-account")}</th>
                        <th scope="col">{t!("column-source")}</th>
                        <th scope="col" class=if completed { "mt-table__done" } else { "mt-table__age" }>{if completed { t!("column-completed") } else { t!("column-waiting") }}</th>
                        {if completed {
                            view! { <th scope="col" class="mt-table__outcome">{t!("column-outcome")}</th> }
                        } else {
                            view! { <th scope="col" class="mt-table__actions">{t!("column-actions")}</th> }
                        }}
                    </tr>
                </thead>
                <tbody node_ref=body>
                    <tr class="mt-table__spacer" aria-hidden="true" style:height=before></tr>
                    <For each=move || { let (first, last) = span.get(); first..last } key=|at| *at let(at)>
                        <TableLine at table/>
                    </For>
                    <tr class="mt-table__spacer" aria-hidden="true" style:height=after></tr>
                </tbody>
            </table>
        </div>
    }
}

/// The scroller's custom property that holds the sticky header's height (triage.css).
const HEAD_ROOM: &str = "--mt-table-head";

/// Scrolls the line at `at` into view: its row if it is drawn, else the middle of the
/// view to it, so that it is drawn (and its checkbox brings it into view then).
fn bring_into_view(scroller: &web_sys::HtmlDivElement, at: usize) {
    let selector = format!("tbody tr[aria-rowindex='{}']", at + 2);
    if let Some(row) = scroller.query_selector(&selector).ok().flatten() {
        // Focus in the row made it current, and showed it (see `on_focusin`).
        if !crate::platform::has_focus_within(&row) {
            crate::platform::scroll_into_view(&row);
        }
        return;
    }
    let header = scroller.query_selector("thead").ok().flatten();
    let header = header.map_or(0, |h| h.client_height());
    let middle = (at as f64 + 0.5) * ROW_HEIGHT - f64::from(scroller.client_height()) / 2.0;
    scroller.set_scroll_top(header + middle.max(0.0) as i32);
}

/// What a drawn line shows: the line and its key (a group's id, an entry's key).
type Slot = Option<(Line, LineKey)>;

/// The slot of position `at`, if the list is that long.
fn slot_at(at: usize, lines: &Lines, entries: &[Entry]) -> Slot {
    let line = *lines.lines.get(at)?;
    Some((line, LineKey::of(line, lines, entries)?))
}

/// What every line of the table reads; `Copy`.
#[derive(Clone, Copy)]
struct Table {
    entries: RwSignal<Vec<Entry>>,
    lines: Memo<Lines>,
    context: RowContext,
    on_fold: Callback<String>,
    /// The slot of each drawn line, by position. Only the table reads the list: it sets a
    /// line's slot when that changes, so a change of the list wakes the lines whose item
    /// changed and nothing else (a line reading the list itself would be checked, with all
    /// it holds, on every change).
    slots: StoredValue<HashMap<usize, RwSignal<Slot>>>,
}

/// What the line at a position is: a group's heading (its id) or an item. Only a change
/// of this draws the line anew.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Heading(String),
    Item,
    Gone,
}

/// The line at position `at`: a group's heading, or a [`TaskRow`] that shows whichever item
/// is at that position now.
#[component]
fn TableLine(
    /// The line's position in the list shown, 0-based (row 1 is the header).
    at: usize,
    /// The table.
    table: Table,
) -> impl IntoView {
    let Table {
        entries,
        lines,
        context,
        on_fold,
        slots,
        ..
    } = table;
    let slot =
        RwSignal::new(lines.with_untracked(|l| entries.with_untracked(|e| slot_at(at, l, e))));
    slots.update_value(|slots| {
        slots.insert(at, slot);
    });
    on_cleanup(move || {
        slots.try_update_value(|slots| slots.remove(&at));
    });
    let kind = Memo::new(move |_| match slot.get() {
        Some((_, LineKey::Group(id))) => Kind::Heading(id),
        Some(_) => Kind::Item,
        None => Kind::Gone,
    });
    let item = Memo::new(move |_| match slot.get() {
        Some((Line::Item(index), LineKey::Item(key))) => Some((index, key)),
        _ => None,
    });
    move || match kind.get() {
        Kind::Heading(id) => view! {
            <tr class="mt-table__group" aria-rowindex=at + 2>
                <td colspan="7"><GroupHeading lines entries id on_fold/></td>
            </tr>
        }
        .into_any(),
        Kind::Item => view! { <TaskRow at entries item context/> }.into_any(),
        Kind::Gone => ().into_any(),
    }
}

/// The controls of a line that keep focus when their line moves, from specific to general.
const KEPT: [&str; 3] = [
    "input.mt-row__select",
    ".mt-table__name a",
    "button.mt-group",
];

/// The position of the line that has focus in `body`, and which of its [`KEPT`] controls.
fn focused_line(body: &web_sys::Element) -> Option<(usize, &'static str)> {
    let active = crate::focus::active_element()?;
    if !body.contains(Some(&active)) {
        return None;
    }
    let control = KEPT
        .into_iter()
        .find(|c| active.matches(c).unwrap_or(false))?;
    let row = active.closest("tr[aria-rowindex]").ok()??;
    let index: usize = row.get_attribute("aria-rowindex")?.parse().ok()?;
    Some((index.checked_sub(2)?, control))
}

/// The line that had focus on its `control` stopped showing `old`: focus moves to the same
/// control of the line that shows `old` now (once every line has been redrawn), or leaves
/// when `old` is not drawn any more, as it does when its row goes away.
fn keep_focus(
    body: web_sys::Element,
    old: LineKey,
    control: &'static str,
    lines: Memo<Lines>,
    entries: RwSignal<Vec<Entry>>,
) {
    queue_microtask(move || {
        // The table may have gone before the microtask ran: then there is nothing to keep.
        let to = lines.try_with_untracked(|l| {
            entries.try_with_untracked(|e| {
                l.lines
                    .iter()
                    .position(|&line| LineKey::of(line, l, e).as_ref() == Some(&old))
            })
        });
        let Some(Some(to)) = to else { return };
        let target = to
            .and_then(|to| {
                let selector = format!("tr[aria-rowindex='{}'] {control}", to + 2);
                body.query_selector(&selector).ok().flatten()
            })
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        let active = crate::focus::active_element().filter(|a| body.contains(Some(a)));
        match (target, active) {
            (Some(el), _) => drop(el.focus()),
            (None, Some(active)) => drop(active.blur()),
            (None, None) => {}
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_covers_the_view_plus_overscan_and_stays_inside_the_list() {
        // 440 px of view shows 10 rows; with 4 rows of overscan on each side.
        assert_eq!(window(20_000, 0.0, 440.0), (0, 18));
        assert_eq!(window(20_000, 44.0 * 100.0, 440.0), (96, 114));
        assert_eq!(window(5, 0.0, 440.0), (0, 5));
        // Scrolled past the end (the list shrank under the scroll position).
        assert_eq!(window(10, 44.0 * 1_000.0, 440.0), (10, 10));
    }
}
