//! Searching, filtering and sorting the work items already loaded on a page.

use wire::{WorkItem, WorkItemType};

use super::involved::involved;

/// How to order the loaded work items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Most recently created first.
    #[default]
    Newest,
    /// Oldest first (what waits longest).
    Oldest,
    /// By name, A to Z.
    Name,
    /// By type, then oldest first.
    Type,
}

impl SortBy {
    /// Every order, as offered in the sort menu.
    pub const ALL: [SortBy; 4] = [SortBy::Newest, SortBy::Oldest, SortBy::Name, SortBy::Type];

    /// The value used in the sort menu.
    pub fn as_str(self) -> &'static str {
        match self {
            SortBy::Newest => "newest",
            SortBy::Oldest => "oldest",
            SortBy::Name => "name",
            SortBy::Type => "type",
        }
    }

    /// What a person reads in the sort menu.
    pub fn label(self) -> &'static str {
        match self {
            SortBy::Newest => "Newest first",
            SortBy::Oldest => "Oldest first",
            SortBy::Name => "Name",
            SortBy::Type => "Type",
        }
    }

    /// Reads a menu value; unknown ones give the default.
    pub fn parse(value: &str) -> SortBy {
        SortBy::ALL
            .into_iter()
            .find(|s| s.as_str() == value)
            .unwrap_or_default()
    }
}

/// What narrows the loaded list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Free text matched (case-insensitively) against name, description, requester and
    /// the involved sources, identities and accounts.
    pub text: String,
    /// Only this type.
    pub work_item_type: Option<WorkItemType>,
    /// Only items involving this source.
    pub source: Option<String>,
}

impl ListFilter {
    /// Whether anything narrows the list.
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty() || self.work_item_type.is_some() || self.source.is_some()
    }

    /// Whether `item` passes.
    pub fn matches(&self, item: &WorkItem) -> bool {
        if self
            .work_item_type
            .as_ref()
            .is_some_and(|t| item.work_item_type.as_ref() != Some(t))
        {
            return false;
        }
        let found = involved(item);
        if self
            .source
            .as_ref()
            .is_some_and(|s| !found.sources.contains(s))
        {
            return false;
        }
        let needle = self.text.trim().to_lowercase();
        if needle.is_empty() {
            return true;
        }
        let matches = |text: &String| text.to_lowercase().contains(&needle);
        [&item.name, &item.description, &item.requester_display_name]
            .into_iter()
            .flatten()
            .any(matches)
            || found
                .sources
                .iter()
                .chain(&found.identities)
                .chain(&found.accounts)
                .any(matches)
    }
}

/// The loaded items that pass `filter`, in `sort` order (stable: ties keep server order).
pub fn visible(items: &[WorkItem], filter: &ListFilter, sort: SortBy) -> Vec<WorkItem> {
    let mut shown: Vec<WorkItem> = items
        .iter()
        .filter(|i| filter.matches(i))
        .cloned()
        .collect();
    let name = |i: &WorkItem| i.name.clone().unwrap_or_default().to_lowercase();
    let kind = |i: &WorkItem| {
        i.work_item_type
            .as_ref()
            .map(|t| t.as_str().to_owned())
            .unwrap_or_default()
    };
    match sort {
        SortBy::Newest => shown.sort_by_key(|i| std::cmp::Reverse(i.created)),
        SortBy::Oldest => shown.sort_by_key(|i| i.created),
        SortBy::Name => shown.sort_by_key(name),
        SortBy::Type => shown.sort_by(|a, b| kind(a).cmp(&kind(b)).then(a.created.cmp(&b.created))),
    }
    shown
}

/// The distinct types among `items`, in the spec's order, for the type filter.
pub fn types_present(items: &[WorkItem]) -> Vec<WorkItemType> {
    let mut types: Vec<WorkItemType> = Vec::new();
    for t in items.iter().filter_map(|i| i.work_item_type.clone()) {
        if !types.contains(&t) {
            types.push(t);
        }
    }
    types.sort_by_key(|t| {
        WorkItemType::ALL
            .iter()
            .position(|k| k == t)
            .unwrap_or(usize::MAX)
    });
    types
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use wire::RemediationItemDetails;

    fn item(name: &str, kind: WorkItemType, day: u32, source: Option<&str>) -> WorkItem {
        WorkItem {
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
        vec![
            item(
                "Create an Account",
                WorkItemType::Generic,
                2,
                Some("GitHub"),
            ),
            item("approve access", WorkItemType::Approval, 1, Some("Okta")),
            item("Budget", WorkItemType::Approval, 3, None),
        ]
    }

    fn names(list: &[WorkItem]) -> Vec<&str> {
        list.iter().map(|i| i.name.as_deref().unwrap()).collect()
    }

    #[test]
    fn each_sort_orders_as_labelled() {
        let all = ListFilter::default();
        assert_eq!(
            names(&visible(&items(), &all, SortBy::Newest)),
            ["Budget", "Create an Account", "approve access"]
        );
        assert_eq!(
            names(&visible(&items(), &all, SortBy::Oldest)),
            ["approve access", "Create an Account", "Budget"]
        );
        assert_eq!(
            names(&visible(&items(), &all, SortBy::Name)),
            ["approve access", "Budget", "Create an Account"]
        );
        assert_eq!(
            names(&visible(&items(), &all, SortBy::Type)),
            ["approve access", "Budget", "Create an Account"]
        );
    }

    #[test]
    fn search_matches_involved_identities_case_insensitively() {
        let filter = ListFilter {
            text: "fred.ASTAIRE".into(),
            ..Default::default()
        };
        assert_eq!(
            names(&visible(&items(), &filter, SortBy::Oldest)),
            ["approve access", "Create an Account"]
        );
        assert!(filter.is_active());
    }

    #[test]
    fn type_and_source_filters_combine() {
        let filter = ListFilter {
            work_item_type: Some(WorkItemType::Approval),
            source: Some("Okta".into()),
            ..Default::default()
        };
        assert_eq!(
            names(&visible(&items(), &filter, SortBy::Newest)),
            ["approve access"]
        );
        let none = ListFilter {
            work_item_type: Some(WorkItemType::Generic),
            source: Some("Okta".into()),
            ..Default::default()
        };
        assert!(visible(&items(), &none, SortBy::Newest).is_empty());
    }

    #[test]
    fn types_present_follow_the_spec_order_and_sorts_parse_back() {
        assert_eq!(
            types_present(&items()),
            [WorkItemType::Generic, WorkItemType::Approval]
        );
        for sort in SortBy::ALL {
            assert_eq!(SortBy::parse(sort.as_str()), sort);
        }
        assert_eq!(SortBy::parse("bogus"), SortBy::Newest);
    }
}
