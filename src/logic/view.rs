//! A Task Manager view (search, filters, sort, grouping) as the URL query that carries it, so views
//! survive reload and back/forward and can be shared, and the named views a person saves
//! in the browser.

use serde::{Deserialize, Serialize};
use wire::WorkItemType;

use super::group::GroupBy;
use super::list::{ListFilter, SortBy};

/// What Task Manager shows of a tab's queue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskView {
    /// Search and filters.
    pub filter: ListFilter,
    /// Order.
    pub sort: SortBy,
    /// Groups.
    pub group: GroupBy,
    /// The ids of the collapsed groups ([`crate::logic::group::Group::id`]), in the order
    /// they were collapsed.
    pub collapsed: Vec<String>,
}

impl TaskView {
    /// How many of the view's choices differ from the default, other than the search
    /// text: the filters, the sort and the grouping. A phone shows them behind one button,
    /// which names this count.
    pub fn choices_made(&self) -> usize {
        let f = &self.filter;
        [
            f.work_item_type.is_some(),
            f.source.is_some(),
            f.requester.is_some(),
            f.older_than_days.is_some(),
            self.sort != SortBy::default(),
            self.group != GroupBy::default(),
        ]
        .into_iter()
        .filter(|made| *made)
        .count()
    }

    /// Reads a view from the query's values (`get_all("q")` etc.: every value of a key,
    /// in order). Unknown or unreadable values are left out; the old pager's `page` and
    /// `size` are ignored (the whole queue is one list now), so old links still open the
    /// tab. Collapsed groups count only with a grouping.
    pub fn from_query(get_all: impl Fn(&str) -> Vec<String>) -> TaskView {
        let get = |key: &str| get_all(key).into_iter().next();
        let text = |key: &str| get(key).filter(|v| !v.trim().is_empty());
        let group = text("group")
            .map(|g| GroupBy::parse(&g))
            .unwrap_or_default();
        TaskView {
            filter: ListFilter {
                text: get("q").unwrap_or_default(),
                work_item_type: text("type").map(|t| WorkItemType::parse(&t)),
                source: text("source"),
                requester: text("requester"),
                older_than_days: text("age").and_then(|a| a.trim().parse().ok()),
            },
            sort: text("sort").map(|s| SortBy::parse(&s)).unwrap_or_default(),
            group,
            collapsed: match group {
                GroupBy::None => Vec::new(),
                _ => get_all("collapsed"),
            },
        }
    }

    /// Reads a view from a query string (without `?`), e.g. a saved view's.
    pub fn parse(query: &str) -> TaskView {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        TaskView::from_query(|k| {
            pairs
                .iter()
                .filter(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
                .collect()
        })
    }

    /// The query string (without `?`) that gives this view back; empty for the default.
    pub fn to_query(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        let f = &self.filter;
        if !f.text.is_empty() {
            query.append_pair("q", &f.text);
        }
        if let Some(t) = &f.work_item_type {
            query.append_pair("type", t.as_str());
        }
        if let Some(s) = &f.source {
            query.append_pair("source", s);
        }
        if let Some(r) = &f.requester {
            query.append_pair("requester", r);
        }
        if let Some(a) = f.older_than_days {
            query.append_pair("age", &a.to_string());
        }
        if self.sort != SortBy::default() {
            query.append_pair("sort", self.sort.as_str());
        }
        if self.group != GroupBy::None {
            query.append_pair("group", self.group.as_str());
            for id in &self.collapsed {
                query.append_pair("collapsed", id);
            }
        }
        query.finish()
    }
}

/// A view a person named and saved in this browser: its name and its query (never a
/// token or anything else of the session).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedView {
    /// What the person called it.
    pub name: String,
    /// [`TaskView::to_query`] of the view.
    pub query: String,
}

/// Reads the saved views from their stored JSON; anything unreadable is no views.
pub fn saved_views(json: Option<&str>) -> Vec<SavedView> {
    json.and_then(|j| serde_json::from_str(j).ok())
        .unwrap_or_default()
}

/// `views` with `view` saved under its name (replacing one of the same name), A to Z.
pub fn save_view(mut views: Vec<SavedView>, view: SavedView) -> Vec<SavedView> {
    views.retain(|v| v.name != view.name);
    views.push(view);
    views.sort_by_key(|v| v.name.to_lowercase());
    views
}

/// `views` without the one named `name`.
pub fn delete_view(mut views: Vec<SavedView>, name: &str) -> Vec<SavedView> {
    views.retain(|v| v.name != name);
    views
}

/// The saved view that `query` (the view shown) is: `chosen` (the one last picked or
/// saved) if it is that view, else the first of that query, else none.
pub fn shown_view<'a>(
    views: &'a [SavedView],
    query: &str,
    chosen: Option<&str>,
) -> Option<&'a SavedView> {
    let of_query = || views.iter().filter(|v| v.query == query);
    of_query()
        .find(|v| Some(v.name.as_str()) == chosen)
        .or_else(|| of_query().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &str) -> TaskView {
        TaskView::parse(query)
    }

    #[test]
    fn a_view_goes_through_its_query_and_back() {
        let view = TaskView {
            filter: ListFilter {
                text: "fred & co".into(),
                work_item_type: Some(WorkItemType::Approval),
                source: Some("Active Directory".into()),
                requester: Some("Ada Lovelace".into()),
                older_than_days: Some(7),
            },
            sort: SortBy::Oldest,
            group: GroupBy::Source,
            collapsed: vec!["GitHub".into(), String::new()],
        };
        let query = view.to_query();
        assert_eq!(
            query,
            "q=fred+%26+co&type=Approval&source=Active+Directory&requester=Ada+Lovelace&age=7&sort=oldest&group=source&collapsed=GitHub&collapsed="
        );
        assert_eq!(parse(&query), view);
        assert_eq!(TaskView::default().to_query(), "");
    }

    #[test]
    fn old_pager_links_and_unreadable_values_give_the_default_view() {
        assert_eq!(parse("page=3&size=10"), TaskView::default());
        assert_eq!(parse("age=soon&sort=sideways&type="), TaskView::default());
        assert_eq!(parse("group=colour&collapsed=GitHub"), TaskView::default());
    }

    #[test]
    fn saving_a_view_under_an_existing_name_replaces_it_and_bad_json_is_no_views() {
        let one = |name: &str, query: &str| SavedView {
            name: name.into(),
            query: query.into(),
        };
        let views = save_view(Vec::new(), one("old", "sort=oldest"));
        let views = save_view(views, one("Approvals", "type=Approval"));
        let views = save_view(views, one("old", "sort=oldest&age=30"));
        assert_eq!(
            views,
            [
                one("Approvals", "type=Approval"),
                one("old", "sort=oldest&age=30")
            ]
        );
        let json = serde_json::to_string(&views).unwrap();
        assert_eq!(saved_views(Some(&json)), views);
        assert!(saved_views(Some("{not json")).is_empty());
        assert!(saved_views(None).is_empty());
    }

    #[test]
    fn deleting_a_view_removes_that_name_only() {
        let one = |name: &str, query: &str| SavedView {
            name: name.into(),
            query: query.into(),
        };
        let views = vec![one("Approvals", "type=Approval"), one("old", "sort=oldest")];
        assert_eq!(
            delete_view(views.clone(), "old"),
            [one("Approvals", "type=Approval")]
        );
        assert_eq!(delete_view(views.clone(), "none such"), views);
    }

    #[test]
    fn the_view_shown_is_the_chosen_saved_view_of_its_query_else_the_first_one() {
        let one = |name: &str, query: &str| SavedView {
            name: name.into(),
            query: query.into(),
        };
        let views = [
            one("a", "sort=name"),
            one("b", "sort=name"),
            one("c", "q=x"),
        ];
        let name = |query, chosen| shown_view(&views, query, chosen).map(|v| v.name.as_str());
        assert_eq!(name("sort=name", Some("b")), Some("b"));
        assert_eq!(name("sort=name", Some("c")), Some("a"));
        assert_eq!(name("sort=name", None), Some("a"));
        assert_eq!(name("q=x", None), Some("c"));
        assert_eq!(name("q=y", Some("c")), None);
    }

    #[test]
    fn the_choices_made_count_filters_sort_and_grouping_but_not_the_search() {
        let view = |query: &str| TaskView::parse(query);
        assert_eq!(view("").choices_made(), 0);
        assert_eq!(view("q=fred").choices_made(), 0);
        assert_eq!(view("type=Approval&sort=oldest").choices_made(), 2);
        assert_eq!(
            view("type=Approval&source=GitHub&requester=Ada&age=7&sort=name&group=source")
                .choices_made(),
            6
        );
    }
}
