//! Groups in Task Manager's lists: the heading of a group (its name, its count, and the
//! button that collapses or opens it), shared by the table and the cards, and the key that
//! keeps a drawn line (heading or item) in place while the lines around it change.

use leptos::prelude::*;

use crate::logic::group::{Group, Line, Lines};
use crate::logic::list::Entry;

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
/// stays the same element (and keeps focus) while its count changes or it is toggled.
#[component]
pub fn GroupHeading(
    /// The lines shown, with their groups.
    lines: Memo<Lines>,
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
    view! {
        <button type="button" class="mt-group" aria-expanded=move || open().to_string()
            on:click=move |_| on_fold.run(id.clone())>
            <span class="mt-group__mark" aria-hidden="true">{move || if open() { "▾" } else { "▸" }}</span>
            <span class="mt-group__name">{move || group.with(|g| g.as_ref().map(|g| g.label.clone()))}</span>
            " "
            <span class="mt-group__count">{move || group.with(|g| g.as_ref().map(Group::count_text))}</span>
        </button>
    }
}
