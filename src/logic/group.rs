//! Grouping the rows Task Manager shows: by type, source, requester or age band, each group
//! headed by a line with its name and count, and collapsible. The result is one flat list
//! of [`Line`]s (headers and items), so a virtualised table whose rows all have one height
//! can draw any slice of it; the triage (selection, j/k) works over its items alone.

use std::collections::HashMap;

use wire::WorkItemType;

use super::format::type_label;
use super::list::{is_overdue, Entry, SortBy, DAY_MS};
use crate::t;

/// What the rows are grouped by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum GroupBy {
    /// No groups: one list.
    #[default]
    None,
    /// The work item's type.
    Type,
    /// Its first source (the one it sorts by).
    Source,
    /// Who asked for it.
    Requester,
    /// How long it has waited ([`AgeBand`]).
    Age,
}

impl GroupBy {
    /// Every choice, as offered in the "Group by" menu.
    pub const ALL: [GroupBy; 5] = [
        GroupBy::None,
        GroupBy::Type,
        GroupBy::Source,
        GroupBy::Requester,
        GroupBy::Age,
    ];

    /// The value used in the menu and the URL (`group=`); empty for no groups.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::None => "",
            GroupBy::Type => "type",
            GroupBy::Source => "source",
            GroupBy::Requester => "requester",
            GroupBy::Age => "age",
        }
    }

    /// What a person reads in the menu.
    pub fn label(self) -> String {
        match self {
            GroupBy::None => t!("group", by = "none"),
            by => t!("group", by = by.as_str()),
        }
    }

    /// Reads a menu or URL value; unknown ones give no groups.
    pub fn parse(value: &str) -> GroupBy {
        GroupBy::ALL
            .into_iter()
            .find(|g| g.as_str() == value)
            .unwrap_or_default()
    }
}

/// How long a work item has waited, as the age groups band it. An item older than the
/// stale threshold is overdue, whatever band its age would give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AgeBand {
    /// Under a day.
    Today,
    /// Under 7 days.
    Week,
    /// Under 30 days.
    Month,
    /// 30 days or more (or no creation time), and not yet overdue.
    Older,
    /// Past the stale threshold.
    Overdue,
}

impl AgeBand {
    /// The band of an item created at `created_ms` (`i64::MIN`: unknown).
    pub fn of(created_ms: i64, ages: Ages) -> AgeBand {
        if is_overdue(created_ms, ages.now_ms, ages.stale_after_days) {
            return AgeBand::Overdue;
        }
        if created_ms == i64::MIN {
            return AgeBand::Older;
        }
        match ages.now_ms.saturating_sub(created_ms).max(0) / DAY_MS {
            0 => AgeBand::Today,
            1..=6 => AgeBand::Week,
            7..=29 => AgeBand::Month,
            _ => AgeBand::Older,
        }
    }

    /// Its id in the URL (`collapsed=overdue`).
    pub fn as_str(self) -> &'static str {
        match self {
            AgeBand::Today => "today",
            AgeBand::Week => "week",
            AgeBand::Month => "month",
            AgeBand::Older => "older",
            AgeBand::Overdue => "overdue",
        }
    }

    /// Its heading.
    pub fn label(self) -> String {
        t!("age-band", band = self.as_str())
    }
}

/// What age bands are measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ages {
    /// The moment ages are measured from (ms since the epoch).
    pub now_ms: i64,
    /// After how many days an item is overdue.
    pub stale_after_days: u32,
}

/// One group of rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// What names it in the URL's `collapsed`: the type, source or requester as the API
    /// spells it, or the age band's id; empty for the items that have none.
    pub id: String,
    /// Its heading.
    pub label: String,
    /// How many items it holds (collapsed or not).
    pub count: usize,
    /// Whether its items are hidden.
    pub collapsed: bool,
}

impl Group {
    /// The count beside the heading: "12 work items".
    pub fn count_text(&self) -> String {
        t!("work-items-count", count = self.count)
    }
}

/// One row of the list: a group's heading, or a work item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// The heading of `groups[i]`.
    Group(usize),
    /// The entry at this position of the queue.
    Item(usize),
}

/// The rows to draw, in order, and the groups their headings stand for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lines {
    /// The groups in order; empty when not grouped.
    pub groups: Vec<Group>,
    /// Headings and the items of open groups, in the order drawn.
    pub lines: Vec<Line>,
    /// Every item of the view in the order drawn, those in collapsed groups too (export).
    pub order: Vec<usize>,
}

impl Lines {
    /// `rows` (positions in the queue) as they are, without groups.
    pub fn ungrouped(rows: &[usize]) -> Lines {
        Lines {
            groups: Vec::new(),
            lines: rows.iter().map(|&at| Line::Item(at)).collect(),
            order: rows.to_vec(),
        }
    }

    /// The items drawn (not in a collapsed group), in order: positions in the queue.
    pub fn items(&self) -> impl Iterator<Item = usize> + '_ {
        self.lines.iter().filter_map(|line| match line {
            Line::Item(at) => Some(*at),
            Line::Group(_) => None,
        })
    }

    /// The position of the line of the work item `id`, if it is drawn at all (not in a
    /// collapsed group).
    pub fn line_of(&self, entries: &[Entry], id: &str) -> Option<usize> {
        self.lines.iter().position(|line| match *line {
            Line::Item(at) => entries.get(at).and_then(|e| e.item.id.as_deref()) == Some(id),
            Line::Group(_) => false,
        })
    }

    /// The group whose id is `id`, if the view has it.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }
}

/// The id and the heading of an item's group.
fn key_of(entry: &Entry, by: GroupBy, ages: Ages) -> (String, String) {
    let named = |value: Option<&String>, none: String| match value {
        Some(v) if !v.is_empty() => (v.clone(), v.clone()),
        _ => (String::new(), none),
    };
    match by {
        GroupBy::None => (String::new(), String::new()),
        GroupBy::Type => match &entry.item.work_item_type {
            Some(t) => (t.as_str().to_owned(), type_label(t)),
            None => (String::new(), t!("group-no-type")),
        },
        GroupBy::Source => named(entry.sources.first(), t!("group-no-source")),
        GroupBy::Requester => named(
            entry.item.requester_display_name.as_ref(),
            t!("group-no-requester"),
        ),
        GroupBy::Age => {
            let band = AgeBand::of(entry.created_ms, ages);
            (band.as_str().to_owned(), band.label())
        }
    }
}

/// Where a group goes: types in the spec's order, sources and requesters A to Z, age bands
/// newest first (oldest first when the sort is); the items without one last.
fn rank(by: GroupBy, sort: SortBy, group: &Group) -> (bool, usize, String) {
    let position = match by {
        GroupBy::Type => WorkItemType::ALL
            .iter()
            .position(|t| t.as_str() == group.id)
            .unwrap_or(usize::MAX),
        GroupBy::Age => {
            let band = [
                AgeBand::Today,
                AgeBand::Week,
                AgeBand::Month,
                AgeBand::Older,
                AgeBand::Overdue,
            ]
            .iter()
            .position(|b| b.as_str() == group.id)
            .unwrap_or(0);
            match sort {
                SortBy::Oldest | SortBy::ModifiedOldest => 4 - band,
                _ => band,
            }
        }
        _ => 0,
    };
    let none = group.id.is_empty() && by != GroupBy::Age;
    (none, position, group.label.to_lowercase())
}

/// The lines of `rows` (positions in `entries`, already filtered and sorted) grouped `by`,
/// each group keeping the rows' order; the groups named in `collapsed` show their heading
/// alone.
pub fn group(
    entries: &[Entry],
    rows: &[usize],
    by: GroupBy,
    sort: SortBy,
    ages: Ages,
    collapsed: &[String],
) -> Lines {
    if by == GroupBy::None {
        return Lines::ungrouped(rows);
    }
    let mut groups: Vec<(Group, Vec<usize>)> = Vec::new();
    let mut found: HashMap<String, usize> = HashMap::new();
    for &at in rows {
        let Some(entry) = entries.get(at) else {
            continue;
        };
        let (id, label) = key_of(entry, by, ages);
        let slot = *found.entry(id.clone()).or_insert_with(|| {
            let group = Group {
                collapsed: collapsed.contains(&id),
                id,
                label,
                count: 0,
            };
            groups.push((group, Vec::new()));
            groups.len() - 1
        });
        groups[slot].0.count += 1;
        groups[slot].1.push(at);
    }
    groups.sort_by_cached_key(|(g, _)| rank(by, sort, g));
    let mut lines = Vec::with_capacity(rows.len() + groups.len());
    let mut order = Vec::with_capacity(rows.len());
    for (i, (group, items)) in groups.iter().enumerate() {
        lines.push(Line::Group(i));
        if !group.collapsed {
            lines.extend(items.iter().map(|&at| Line::Item(at)));
        }
        order.extend_from_slice(items);
    }
    Lines {
        groups: groups.into_iter().map(|(g, _)| g).collect(),
        lines,
        order,
    }
}

/// `collapsed` with `id` collapsed if it was open, opened if it was collapsed.
pub fn toggle(mut collapsed: Vec<String>, id: &str) -> Vec<String> {
    match collapsed.iter().position(|c| c == id) {
        Some(at) => {
            collapsed.remove(at);
        }
        None => collapsed.push(id.to_owned()),
    }
    collapsed
}

#[cfg(test)]
#[path = "group_tests.rs"]
mod tests;
