//! Groups in Task Manager's lists: the heading of a group (its name, its count, and the
//! button that collapses or opens it), shared by the table and the cards, and the key that
//! keeps a drawn line (heading or item) in place while the lines around it change.

use leptos::prelude::*;

use crate::hooks::triage::use_triage;
use crate::i18n;
use crate::logic::group::{Group, Line, Lines};
use crate::logic::list::Entry;
use crate::t;

/// What a drawn line is keyed on: a group's id, or an entry's key (a changed item gets a
/// new one, so its line is drawn again).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LineKey {
    /// The heading of the group with this id.
    Group(String),
    /// The item of the entry with this key.
    Item(u64),
}

impl LineKey {
    /// The key of `line` of `lines`, if its group or entry is there.
    pub fn of(line: Line, lines: &Lines, entries: &[Entry]) -> Option<LineKey> {
        Some(match line {
            Line::Group(g) => LineKey::Group(lines.groups.get(g)?.id.clone()),
            Line::Item(at) => LineKey::Item(entries.get(at)?.key),
        })
    }
}

/// A group's heading: a button with the group's name and count that collapses the group or
/// opens it again (`aria-expanded` says which). It reads its group from `lines` by id, so it
/// stays the same element (and keeps focus) while its count changes or it is toggled. With
/// a triage (the Pending tab), a checkbox before it selects every item of the group shown,
/// or unselects them when all were; it is mixed when some are.
#[component]
pub fn GroupHeading(
    /// The lines shown, with their groups.
    lines: Memo<Lines>,
    /// The loaded queue (the group's items, for its checkbox).
    entries: RwSignal<Vec<Entry>>,
    /// The group's id.
    id: String,
    /// Called with the group's id to collapse or open it.
    on_fold: Callback<String>,
) -> impl IntoView {
    let group = {
        let id = id.clone();
        Memo::new(move |_| lines.with(|l| l.group(&id).cloned()))
    };
    let open = move || group.with(|g| g.as_ref().is_some_and(|g| !g.collapsed));
    // The closed mark points along the reading direction.
    let rtl = i18n::current().dir() == "rtl";
    let select = use_triage().map(|triage| {
        let id = id.clone();
        // (all selected, some, none to select), counted without copying the ids.
        let state = Memo::new({
            let id = id.clone();
            move |_| {
                lines.with(|l| {
                    entries.with(|e| {
                        let ids = group_ids(l, e, &id);
                        let chosen = triage
                            .selection
                            .with(|s| ids.iter().filter(|i| s.contains(i)).count());
                        (
                            chosen > 0 && chosen == ids.len(),
                            chosen > 0 && chosen < ids.len(),
                            ids.is_empty(),
                        )
                    })
                })
            }
        });
        let ids = move || {
            lines.with_untracked(|l| {
                entries.with_untracked(|e| {
                    group_ids(l, e, &id)
                        .into_iter()
                        .map(str::to_owned)
                        .collect::<Vec<_>>()
                })
            })
        };
        let label = move || {
            let name = group
                .with(|g| g.as_ref().map(|g| g.label.clone()))
                .unwrap_or_default();
            t!("select-group", name = &name)
        };
        view! {
            <input type="checkbox" class="mt-group__select" aria-label=label
                prop:checked=move || state.get().0 prop:indeterminate=move || state.get().1
                disabled=move || state.get().2
                on:click=move |_| triage.toggle_group(&ids())/>
        }
    });
    view! {
        <div class="mt-group-line">
            {select}
            <button type="button" class="mt-group" aria-expanded=move || open().to_string()
                on:click=move |_| on_fold.run(id.clone())>
                <span class="mt-group__mark" aria-hidden="true">{move || match (open(), rtl) { (true, _) => "▾", (false, false) => "▸", (false, true) => "◂" }}</span>
                <span class="mt-group__name">{move || group.with(|g| g.as_ref().map(|g| g.label.clone()))}</span>
                " "
                <span class="mt-group__count">{move || group.with(|g| g.as_ref().map(Group::count_text))}</span>
            </button>
        </div>
    }
}

/// The ids of the items shown under the heading of the group `id` (none when it is
/// collapsed: its items are not shown).
fn group_ids<'e>(lines: &Lines, entries: &'e [Entry], id: &str) -> Vec<&'e str> {
    let Some(at) = lines.groups.iter().position(|g| g.id == id) else {
        return Vec::new();
    };
    lines
        .lines
        .iter()
        .skip_while(|line| **line != Line::Group(at))
        .skip(1)
        .map_while(|line| match line {
            Line::Item(i) => Some(*i),
            Line::Group(_) => None,
        })
        .filter_map(|i| entries.get(i)?.id())
        .filter(|id| !id.is_empty())
        .collect()
}
