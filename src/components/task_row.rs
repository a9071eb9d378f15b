//! One work item as a row of Task Manager's table. A row stays at its position while the
//! list changes under it: what it shows is read from the item at that position, so a sort
//! or a keystroke only changes texts and links in rows already drawn. Its waiting time and
//! overdue mark follow the app's [`Clock`], so they move on while the page stays open
//! without drawing anything anew.

use chrono::{DateTime, Utc};
use leptos::html::{Bdi, Span, Td, Tr, A};
use leptos::prelude::*;

use crate::components::row_actions::{Quick, RowActions};
use crate::components::row_select::{is_current, on_row_focus, RowSelect};
use crate::components::task_table::RowContext;
use crate::components::time::{Clock, MaybeTime};
use crate::i18n::intl;
use crate::logic::format::{cell_direction, item_name, list, type_label};
use crate::logic::involved::involved;
use crate::logic::list::{is_overdue, Entry};
use crate::logic::outcome::Outcome;
use crate::routes::{item_href, Tab};
use crate::t;

/// What a row shows of its work item, worked out once each time the row's item changes.
#[derive(Debug, Clone, Default, PartialEq)]
struct RowText {
    /// The entry's key: a changed item is another row text.
    key: u64,
    /// The item's id (not empty), when it has one.
    id: Option<String>,
    /// Whether it can take a bulk action: pending, with an id, on the Pending tab.
    selectable: bool,
    /// Its type, as a person reads it.
    kind: Option<String>,
    name: String,
    /// Its detail page; without an id there is none and the name is plain text.
    href: Option<String>,
    description: String,
    /// Name and description, on hover (the cell cuts them short).
    title: String,
    requester: String,
    /// The identities and accounts involved.
    who: String,
    sources: String,
    /// When it was created (ms since the epoch), for its age.
    created_ms: Option<i64>,
    /// When it was completed (the Completed tab).
    completed: Option<DateTime<Utc>>,
    /// How it ended (the Completed tab).
    outcome: Outcome,
}

impl RowText {
    fn of(entry: &Entry, tab: Tab) -> RowText {
        let item = &entry.item;
        let outcome = match tab {
            Tab::Completed => Outcome::of(item),
            Tab::Pending => Outcome::default(),
        };
        let found = involved(item);
        let name = item_name(item);
        let description = item.description.clone().unwrap_or_default();
        let id = item.id.clone().filter(|id| !id.is_empty());
        RowText {
            key: entry.key,
            selectable: id.is_some() && tab == Tab::Pending && item.is_pending(),
            id,
            kind: item.work_item_type.as_ref().map(type_label),
            href: item_href(item),
            title: format!("{name}\n{description}"),
            name,
            description,
            requester: item.requester_display_name.clone().unwrap_or_default(),
            who: list(&[found.identities, found.accounts].concat()),
            sources: list(&found.sources),
            created_ms: (entry.created_ms != i64::MIN).then_some(entry.created_ms),
            completed: item.completed,
            outcome,
        }
    }
}

/// The row at position `at` of the table, showing the item there (`item`: its index in
/// `entries` and its key).
#[component]
pub fn TaskRow(
    /// Its position in the list shown, 0-based (row 1 is the header).
    at: usize,
    /// The loaded queue.
    entries: RwSignal<Vec<Entry>>,
    /// The item at this position now.
    item: Memo<Option<(usize, u64)>>,
    /// Tab and threshold.
    context: RowContext,
) -> impl IntoView {
    let completed = context.tab == Tab::Completed;
    // The row's quick actions are described by its name (a row stays at its position).
    let name_id = format!("mt-row-name-{at}");
    // The entry is read untracked: `item` changes whenever the entry does (a new key).
    let text = Memo::new(move |_| {
        item.get()
            .and_then(|(index, _)| {
                entries.with_untracked(|e| e.get(index).map(|e| RowText::of(e, context.tab)))
            })
            .unwrap_or_default()
    });
    let id = Memo::new(move |_| text.with(|t| t.id.clone()));
    let current = is_current(id.into());
    let on_focus = on_row_focus(id.into());
    let select_id = Memo::new(move |_| text.with(|t| t.selectable.then(|| t.id.clone())).flatten());
    let selectable = Memo::new(move |_| select_id.with(Option::is_some));
    let select = move || {
        selectable.get().then(|| {
            let id = Signal::derive(move || select_id.get().unwrap_or_default());
            let name = Signal::derive(move || text.with(|t| t.name.clone()));
            view! { <RowSelect id name/> }
        })
    };
    let quick = Memo::new(move |_| {
        let (index, _) = item.get()?;
        entries.with_untracked(|e| e.get(index).and_then(|e| Quick::of(&e.item)))
    });
    let completed_at = Memo::new(move |_| text.with(|t| t.completed));
    // The texts of the row are written by one effect, not one per text: a sort changes
    // every one of them in every row, and each effect run is a task of its own.
    let cells = Cells::default();
    Effect::new(move |_| {
        // Runs again once the row is drawn, should it run before.
        cells.sources.track();
        text.with(|t| cells.show(t));
    });
    // The waiting time and the overdue mark: with the item, and on each tick of the clock.
    let now_ms = Clock::reader();
    let waited = Waited::default();
    if !completed {
        Effect::new(move |_| {
            waited.age.track();
            let now = now_ms();
            text.with(|t| waited.show(t.created_ms, now, context.stale_after_days));
        });
    }
    let Cells {
        kind,
        name_cell,
        link,
        name,
        description,
        requester,
        who,
        sources,
        outcome,
        state,
        tally,
    } = cells;
    view! {
        <tr class="mt-table__row" node_ref=waited.row
            class:mt-table__row--current=current aria-rowindex=at + 2 on:focusin=on_focus>
            <td>{select}<span class="mt-tag" node_ref=kind></span></td>
            // The cell takes its name's direction, as the other text cells do; the
            // description keeps its own (`bdi`).
            <td class="mt-table__name" dir="auto" node_ref=name_cell>
                // A plain link: the router follows it in the app all the same, and a row
                // gets no location readers (`A` adds them, for `aria-current`). Without an
                // href (an item without an id) it is plain text.
                <a node_ref=link><span id=name_id.clone() node_ref=name></span></a>
                " "
                <bdi class="mt-table__desc" node_ref=description></bdi>
            </td>
            <td dir="auto" node_ref=requester><span></span></td>
            <td dir="auto" node_ref=who><span></span></td>
            <td dir="auto" node_ref=sources><span></span></td>
            {if completed {
                view! {
                    <td>{move || view! { <MaybeTime at=completed_at.get()/> }}</td>
                    <td class="mt-table__outcome" node_ref=outcome>
                        <div class="mt-table__clamp">
                            <span node_ref=state></span>
                            " "
                            <span class="mt-table__tally" node_ref=tally></span>
                        </div>
                    </td>
                }.into_any()
            } else {
                view! {
                    <td class="mt-table__age">
                        <span node_ref=waited.age></span>
                        " "
                        <span class="mt-overdue" hidden node_ref=waited.overdue>{t!("overdue")}</span>
                    </td>
                    <td class="mt-table__actions"><RowActions quick name_id=name_id.clone()/></td>
                }.into_any()
            }}
        </tr>
    }
}

/// The elements of a row whose text (and title, and link) [`RowText`] gives.
#[derive(Clone, Copy, Default)]
struct Cells {
    kind: NodeRef<Span>,
    name_cell: NodeRef<Td>,
    link: NodeRef<A>,
    name: NodeRef<Span>,
    description: NodeRef<Bdi>,
    /// A cell with one `span`: the text goes in it, and on the cell as its title. The
    /// cell's direction is the page's unless none of its letters run that way
    /// ([`cell_direction`]), so that a Latin name in an Arabic table is shortened at its
    /// end, not cut at its start, and an Arabic name first in an English cell does not
    /// turn the cell round.
    requester: NodeRef<Td>,
    who: NodeRef<Td>,
    sources: NodeRef<Td>,
    /// The Completed tab's outcome (its whole text as its title): the state's badge and
    /// the approval items' tally.
    outcome: NodeRef<Td>,
    state: NodeRef<Span>,
    tally: NodeRef<Span>,
}

impl Cells {
    /// Writes `t` into the row (once it is drawn).
    fn show(&self, t: &RowText) {
        if let Some(kind) = self.kind.get_untracked() {
            kind.set_text_content(t.kind.as_deref());
            kind.set_title(t.kind.as_deref().unwrap_or_default());
            kind.set_hidden(t.kind.is_none());
        }
        if let Some(cell) = self.name_cell.get_untracked() {
            cell.set_title(&t.title);
        }
        if let Some(link) = self.link.get_untracked() {
            let _ = match &t.href {
                Some(href) => link.set_attribute("href", href),
                None => link.remove_attribute("href"),
            };
        }
        if let Some(name) = self.name.get_untracked() {
            name.set_text_content(Some(&t.name));
        }
        if let Some(description) = self.description.get_untracked() {
            description.set_text_content(Some(&t.description));
        }
        if let Some(cell) = self.outcome.get_untracked() {
            cell.set_title(&t.outcome.title());
        }
        if let Some(state) = self.state.get_untracked() {
            state.set_text_content(Some(&t.outcome.state));
            state.set_class_name(t.outcome.class);
        }
        if let Some(tally) = self.tally.get_untracked() {
            tally.set_text_content(Some(&t.outcome.tally));
        }
        let rtl_page = crate::i18n::current().dir() == "rtl";
        for (cell, value) in [
            (self.requester, &t.requester),
            (self.who, &t.who),
            (self.sources, &t.sources),
        ] {
            if let Some(cell) = cell.get_untracked() {
                cell.set_title(value);
                let _ = cell.set_attribute("dir", cell_direction(value, rtl_page));
                if let Some(text) = cell.first_element_child() {
                    text.set_text_content(Some(value));
                }
            }
        }
    }
}

/// The elements of a pending row that show how long its item has waited.
#[derive(Clone, Copy, Default)]
struct Waited {
    /// The row: marked overdue.
    row: NodeRef<Tr>,
    /// "3 days".
    age: NodeRef<Span>,
    /// The "overdue" badge, hidden unless it is.
    overdue: NodeRef<Span>,
}

impl Waited {
    /// Shows the age of an item created at `created_ms` (if known) at `now_ms`.
    fn show(&self, created_ms: Option<i64>, now_ms: f64, stale_after_days: u32) {
        let overdue = created_ms.is_some_and(|c| is_overdue(c, now_ms as i64, stale_after_days));
        let age = match created_ms {
            Some(c) => {
                intl::waited(c as f64, now_ms).unwrap_or_else(|| t!("waited-under-a-minute"))
            }
            None => "—".into(),
        };
        if let Some(span) = self.age.get_untracked() {
            span.set_text_content(Some(&age));
        }
        if let Some(badge) = self.overdue.get_untracked() {
            badge.set_hidden(!overdue);
        }
        if let Some(row) = self.row.get_untracked() {
            let _ = row
                .class_list()
                .toggle_with_force("mt-table__row--overdue", overdue);
        }
    }
}
