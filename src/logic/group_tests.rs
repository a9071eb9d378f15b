//! Host tests of grouping: the groups, their order and counts, collapsing, and age bands.

use super::*;
use chrono::{TimeZone, Utc};
use wire::{RemediationItemDetails, WorkItem};

/// 2024-03-01, noon.
fn now() -> i64 {
    Utc.with_ymd_and_hms(2024, 3, 1, 12, 0, 0)
        .unwrap()
        .timestamp_millis()
}

/// Measured from [`now`], overdue after 60 days.
fn ages() -> Ages {
    Ages {
        now_ms: now(),
        stale_after_days: 60,
    }
}

/// An item named `name` of `kind`, `days` old, on `source`, asked for by `requester`.
fn entry(
    seq: usize,
    name: &str,
    kind: Option<WorkItemType>,
    days: i64,
    source: Option<&str>,
    requester: Option<&str>,
) -> Entry {
    let item = WorkItem {
        id: Some(format!("id-{name}")),
        name: Some(name.into()),
        work_item_type: kind,
        requester_display_name: requester.map(Into::into),
        created: chrono::DateTime::from_timestamp_millis(now() - days * DAY_MS - 1),
        remediation_items: source.map(|s| {
            vec![RemediationItemDetails {
                application_name: Some(s.into()),
                ..Default::default()
            }]
        }),
        ..Default::default()
    };
    Entry::new(item, seq as i64, seq as u64)
}

fn entries() -> Vec<Entry> {
    use WorkItemType::{Approval, Generic};
    vec![
        entry(0, "a", Some(Generic), 0, Some("okta"), Some("Ada")),
        entry(1, "b", Some(Approval), 3, Some("GitHub"), None),
        entry(2, "c", Some(Generic), 10, None, Some("Ada")),
        entry(3, "d", None, 45, Some("GitHub"), Some("bob")),
        entry(4, "e", Some(Approval), 90, Some("Okta"), Some("Bob")),
    ]
}

/// The lines as text: "[Heading 2]" for a heading, the item's name for an item.
fn text(entries: &[Entry], lines: &Lines) -> Vec<String> {
    lines
        .lines
        .iter()
        .map(|line| match line {
            Line::Group(g) => {
                let g = &lines.groups[*g];
                format!(
                    "[{} {}{}]",
                    g.label,
                    g.count,
                    if g.collapsed { " +" } else { "" }
                )
            }
            Line::Item(at) => entries[*at].item.name.clone().unwrap(),
        })
        .collect()
}

fn grouped(by: GroupBy, rows: &[usize], collapsed: &[&str]) -> Vec<String> {
    let entries = entries();
    let collapsed: Vec<String> = collapsed.iter().map(|c| c.to_string()).collect();
    let lines = group(&entries, rows, by, SortBy::Newest, ages(), &collapsed);
    text(&entries, &lines)
}

#[test]
fn without_grouping_the_lines_are_the_rows_as_they_are() {
    let entries = entries();
    let lines = group(
        &entries,
        &[4, 0, 2],
        GroupBy::None,
        SortBy::Newest,
        ages(),
        &[],
    );
    assert_eq!(lines.lines, [Line::Item(4), Line::Item(0), Line::Item(2)]);
    assert_eq!(lines.order, [4, 0, 2]);
    assert!(lines.groups.is_empty());
}

#[test]
fn groups_keep_the_rows_order_inside_and_items_without_a_value_come_last() {
    // Rows in the order the sort gave: e, d, c, b, a.
    let rows = [4, 3, 2, 1, 0];
    assert_eq!(
        grouped(GroupBy::Source, &rows, &[]),
        [
            "[GitHub 2]",
            "d",
            "b",
            "[Okta 1]",
            "e",
            "[okta 1]",
            "a",
            "[No source 1]",
            "c"
        ]
    );
    assert_eq!(
        grouped(GroupBy::Type, &rows, &[]),
        [
            "[Generic 2]",
            "c",
            "a",
            "[Approval 2]",
            "e",
            "b",
            "[No type 1]",
            "d"
        ]
    );
    assert_eq!(
        grouped(GroupBy::Requester, &rows, &[]),
        [
            "[Ada 2]",
            "c",
            "a",
            "[Bob 1]",
            "e",
            "[bob 1]",
            "d",
            "[No requester 1]",
            "b"
        ]
    );
}

#[test]
fn age_bands_run_from_today_to_overdue_and_turn_round_for_oldest_first() {
    let rows = [0, 1, 2, 3, 4];
    assert_eq!(
        grouped(GroupBy::Age, &rows, &[]),
        [
            "[Under a day 1]",
            "a",
            "[Under a week 1]",
            "b",
            "[Under a month 1]",
            "c",
            "[Older 1]",
            "d",
            "[Overdue 1]",
            "e"
        ]
    );
    let entries = entries();
    let oldest = group(&entries, &rows, GroupBy::Age, SortBy::Oldest, ages(), &[]);
    let labels: Vec<&str> = oldest.groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Overdue",
            "Older",
            "Under a month",
            "Under a week",
            "Under a day"
        ]
    );
}

#[test]
fn an_item_past_the_stale_threshold_is_overdue_whatever_its_band_and_no_date_is_older() {
    let ages = Ages {
        now_ms: now(),
        stale_after_days: 2,
    };
    assert_eq!(AgeBand::of(now() - DAY_MS / 2, ages), AgeBand::Today);
    assert_eq!(AgeBand::of(now() - 3 * DAY_MS, ages), AgeBand::Overdue);
    assert_eq!(AgeBand::of(i64::MIN, ages), AgeBand::Older);
}

#[test]
fn a_collapsed_group_keeps_its_heading_and_count_but_not_its_items_and_export_keeps_them() {
    let rows = [4, 3, 2, 1, 0];
    assert_eq!(
        grouped(GroupBy::Source, &rows, &["GitHub", ""]),
        [
            "[GitHub 2 +]",
            "[Okta 1]",
            "e",
            "[okta 1]",
            "a",
            "[No source 1 +]"
        ]
    );
    let entries = entries();
    let collapsed = vec!["GitHub".to_owned()];
    let lines = group(
        &entries,
        &rows,
        GroupBy::Source,
        SortBy::Newest,
        ages(),
        &collapsed,
    );
    assert_eq!(lines.items().collect::<Vec<_>>(), [4, 0, 2]);
    assert_eq!(lines.order, [3, 1, 4, 0, 2]);
    assert_eq!(lines.group("GitHub").map(|g| g.count), Some(2));
}

#[test]
fn toggling_collapses_an_open_group_and_opens_a_collapsed_one() {
    let collapsed = toggle(Vec::new(), "GitHub");
    assert_eq!(collapsed, ["GitHub"]);
    let collapsed = toggle(collapsed, "Okta");
    assert_eq!(toggle(collapsed, "GitHub"), ["Okta"]);
}

#[test]
fn group_values_go_through_the_url_and_unknown_ones_are_no_grouping() {
    for by in GroupBy::ALL {
        assert_eq!(GroupBy::parse(by.as_str()), by);
    }
    assert_eq!(GroupBy::parse("colour"), GroupBy::None);
    let g = Group {
        id: "x".into(),
        label: "X".into(),
        count: 12,
        collapsed: false,
    };
    // In the browser Intl writes the number ("1,234", "1.234"); the host has no Intl.
    assert_eq!(g.count_text(), "12 work items");
    assert_eq!(Group { count: 1, ..g }.count_text(), "1 work item");
}
