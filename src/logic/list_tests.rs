//! Host tests of search, filters, sort and facet counts.

use super::*;
use chrono::{TimeZone, Utc};
use wire::RemediationItemDetails;

fn item(name: &str, kind: WorkItemType, day: u32, source: Option<&str>) -> WorkItem {
    WorkItem {
        id: Some(format!("id-{name}")),
        name: Some(name.into()),
        work_item_type: Some(kind),
        created: Some(Utc.with_ymd_and_hms(2024, 1, day, 0, 0, 0).unwrap()),
        remediation_items: source.map(|s| {
            vec![RemediationItemDetails {
                application_name: Some(s.into()),
                target_name: Some("Fred.Astaire".into()),
                ..Default::default()
            }]
        }),
        ..Default::default()
    }
}

fn items() -> Vec<WorkItem> {
    let mut budget = item("Budget", WorkItemType::Approval, 3, None);
    budget.requester_display_name = Some("Ada Lovelace".into());
    budget.modified = Some(Utc.with_ymd_and_hms(2024, 1, 20, 0, 0, 0).unwrap());
    vec![
        item(
            "Create an Account",
            WorkItemType::Generic,
            2,
            Some("GitHub"),
        ),
        item("approve access", WorkItemType::Approval, 1, Some("Okta")),
        budget,
    ]
}

fn index(items: &[WorkItem]) -> Vec<Entry> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| Entry::new(item.clone(), i as i64, i as u64))
        .collect()
}

/// 2024-01-11, ten days after the oldest item.
fn now() -> i64 {
    Utc.with_ymd_and_hms(2024, 1, 11, 0, 0, 0)
        .unwrap()
        .timestamp_millis()
}

fn names(entries: &[Entry], filter: &ListFilter, sort: SortBy) -> Vec<String> {
    select(entries, filter, sort, now())
        .into_iter()
        .map(|i| entries[i].item.name.clone().unwrap())
        .collect()
}

#[test]
fn each_sort_orders_as_labelled() {
    let (all, entries) = (ListFilter::default(), index(&items()));
    let by = |sort| names(&entries, &all, sort);
    assert_eq!(
        by(SortBy::Newest),
        ["Budget", "Create an Account", "approve access"]
    );
    assert_eq!(
        by(SortBy::Oldest),
        ["approve access", "Create an Account", "Budget"]
    );
    // Budget was modified last; the others fall back to their creation.
    assert_eq!(
        by(SortBy::Modified),
        ["Budget", "Create an Account", "approve access"]
    );
    assert_eq!(
        by(SortBy::ModifiedOldest),
        ["approve access", "Create an Account", "Budget"]
    );
    assert_eq!(
        by(SortBy::Name),
        ["approve access", "Budget", "Create an Account"]
    );
    assert_eq!(
        by(SortBy::NameDesc),
        ["Create an Account", "Budget", "approve access"]
    );
    assert_eq!(
        by(SortBy::Type),
        ["approve access", "Budget", "Create an Account"]
    );
    // No source sorts first, then GitHub before Okta.
    assert_eq!(
        by(SortBy::Source),
        ["Budget", "Create an Account", "approve access"]
    );
}

#[test]
fn ties_keep_the_servers_order() {
    let same: Vec<WorkItem> = ["b", "a", "c"]
        .iter()
        .map(|n| {
            let mut i = item(n, WorkItemType::Generic, 5, None);
            i.name = Some("same".into());
            i.id = Some((*n).into());
            i
        })
        .collect();
    let entries = index(&same);
    for sort in SortBy::ALL {
        let ids: Vec<_> = select(&entries, &ListFilter::default(), sort, now())
            .into_iter()
            .map(|i| entries[i].id().unwrap().to_owned())
            .collect();
        assert_eq!(ids, ["b", "a", "c"], "{sort:?}");
    }
}

#[test]
fn search_matches_involved_identities_case_insensitively_and_needs_every_word() {
    let entries = index(&items());
    let text = |t: &str| ListFilter {
        text: t.into(),
        ..Default::default()
    };
    assert_eq!(
        names(&entries, &text("fred.ASTAIRE"), SortBy::Oldest),
        ["approve access", "Create an Account"]
    );
    assert_eq!(
        names(&entries, &text("  astaire   okta "), SortBy::Oldest),
        ["approve access"]
    );
    assert_eq!(
        names(&entries, &text("lovelace"), SortBy::Oldest),
        ["Budget"]
    );
    // The type, as the table names it.
    assert_eq!(
        names(&entries, &text("approval"), SortBy::Oldest),
        ["approve access", "Budget"]
    );
    // Words never match across two fields.
    assert!(names(&entries, &text("accountgithub"), SortBy::Oldest).is_empty());
    assert!(text("x").is_active());
    assert!(!text("  ").is_active());
}

#[test]
fn type_source_requester_and_age_filters_combine() {
    let entries = index(&items());
    let filter = ListFilter {
        work_item_type: Some(WorkItemType::Approval),
        source: Some("Okta".into()),
        ..Default::default()
    };
    assert_eq!(names(&entries, &filter, SortBy::Newest), ["approve access"]);
    let none = ListFilter {
        work_item_type: Some(WorkItemType::Generic),
        source: Some("Okta".into()),
        ..Default::default()
    };
    assert!(names(&entries, &none, SortBy::Newest).is_empty());
    let ada = ListFilter {
        requester: Some("Ada Lovelace".into()),
        ..Default::default()
    };
    assert_eq!(names(&entries, &ada, SortBy::Newest), ["Budget"]);
    // Ten days after 2024-01-01: only the item of the 1st is 10 days old.
    let old = ListFilter {
        older_than_days: Some(10),
        ..Default::default()
    };
    assert_eq!(names(&entries, &old, SortBy::Newest), ["approve access"]);
    assert!(old.is_active());
}

#[test]
fn facet_counts_respect_every_other_filter_but_their_own() {
    let entries = index(&items());
    let all = facets(&entries, &ListFilter::default(), now());
    assert_eq!(
        all.types,
        [(WorkItemType::Generic, 1), (WorkItemType::Approval, 2)]
    );
    assert_eq!(
        all.sources,
        [("GitHub".to_owned(), 1), ("Okta".to_owned(), 1)]
    );
    assert_eq!(all.requesters, ["Ada Lovelace"]);
    let approvals_on_okta = ListFilter {
        work_item_type: Some(WorkItemType::Approval),
        source: Some("Okta".into()),
        ..Default::default()
    };
    let narrowed = facets(&entries, &approvals_on_okta, now());
    // Types count within Okta; sources count within approvals; choices stay listed.
    assert_eq!(
        narrowed.types,
        [(WorkItemType::Generic, 0), (WorkItemType::Approval, 1)]
    );
    assert_eq!(
        narrowed.sources,
        [("GitHub".to_owned(), 0), ("Okta".to_owned(), 1)]
    );
}

#[test]
fn a_filter_choice_no_item_has_is_still_a_choice_counted_zero() {
    let entries = index(&items());
    let nowhere = ListFilter {
        work_item_type: Some(WorkItemType::parse("Nope")),
        source: Some("Nowhere".into()),
        requester: Some("Nobody".into()),
        ..Default::default()
    };
    let chosen = facets(&entries, &nowhere, now());
    assert_eq!(
        chosen.types,
        [
            (WorkItemType::Generic, 0),
            (WorkItemType::Approval, 0),
            (WorkItemType::parse("Nope"), 0)
        ]
    );
    assert_eq!(
        chosen.sources,
        [
            ("GitHub".to_owned(), 0),
            ("Nowhere".to_owned(), 0),
            ("Okta".to_owned(), 0)
        ]
    );
    assert_eq!(chosen.requesters, ["Ada Lovelace", "Nobody"]);
    // With nothing loaded yet, the choice is there all the same.
    let empty = facets(&[], &nowhere, now());
    assert_eq!(empty.sources, [("Nowhere".to_owned(), 0)]);
    assert_eq!(empty.requesters, ["Nobody"]);
}

#[test]
fn overdue_means_older_than_the_threshold_and_unknown_ages_never_are() {
    let entries = index(&items());
    let first = &entries[1]; // created 2024-01-01, ten days before now()
    assert_eq!(first.age_days(now()), 10);
    assert!(is_overdue(first.created_ms, now(), 9));
    assert!(!is_overdue(first.created_ms, now(), 10));
    assert!(!is_overdue(i64::MIN, now(), 0));
    let unknown = Entry::new(WorkItem::default(), 0, 0);
    assert_eq!(unknown.age_days(now()), 0);
}

#[test]
fn sorts_parse_back_and_visible_sorts_a_plain_page() {
    for sort in SortBy::ALL {
        assert_eq!(SortBy::parse(sort.as_str()), sort);
    }
    assert_eq!(SortBy::parse("bogus"), SortBy::Newest);
    let shown = visible(&items(), &ListFilter::default(), SortBy::Oldest);
    let shown: Vec<_> = shown.iter().map(|i| i.name.clone().unwrap()).collect();
    assert_eq!(shown, ["approve access", "Create an Account", "Budget"]);
}

#[test]
fn completed_items_are_newest_and_oldest_by_when_they_were_completed() {
    let day = |d| Some(Utc.with_ymd_and_hms(2024, 1, d, 0, 0, 0).unwrap());
    let mut items = items();
    // Created on the 2nd, 1st and 3rd; completed on the 5th, 9th and 4th.
    for (item, done) in items.iter_mut().zip([5, 9, 4]) {
        item.completed = day(done);
    }
    let (all, entries) = (ListFilter::default(), index(&items));
    assert_eq!(
        names(&entries, &all, SortBy::Newest),
        ["approve access", "Create an Account", "Budget"]
    );
    assert_eq!(
        names(&entries, &all, SortBy::Oldest),
        ["Budget", "Create an Account", "approve access"]
    );
}

#[test]
fn search_and_sort_by_name_fold_accents_and_arabic_marks() {
    let entries = index(&[
        item("Müller Zugang", WorkItemType::Generic, 1, Some("GitHub")),
        item("Émile", WorkItemType::Generic, 2, None),
        item("Straße sperren", WorkItemType::Generic, 3, None),
        item("مُحَمَّد", WorkItemType::Generic, 4, None),
        item("إبراهيم", WorkItemType::Generic, 5, None),
        item("Zebra", WorkItemType::Generic, 6, None),
        item("Ähre", WorkItemType::Generic, 7, None),
    ]);
    let text = |t: &str| ListFilter {
        text: t.into(),
        ..Default::default()
    };
    for (typed, found) in [
        ("muller", "Müller Zugang"),
        ("MÜLLER", "Müller Zugang"),
        ("emile", "Émile"),
        ("strasse", "Straße sperren"),
        ("محمد", "مُحَمَّد"),
        ("ابراهيم", "إبراهيم"),
    ] {
        assert_eq!(
            names(&entries, &text(typed), SortBy::Oldest),
            [found],
            "{typed}"
        );
    }
    assert_eq!(
        names(&entries, &ListFilter::default(), SortBy::Name),
        [
            "Ähre",
            "Émile",
            "Müller Zugang",
            "Straße sperren",
            "Zebra",
            "إبراهيم",
            "مُحَمَّد"
        ]
    );
}
