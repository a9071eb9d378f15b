//! Every place in the app in one place: [`AppRoute`] builds links, the `*Params` types read
//! a route's parameters, [`CALLBACK_PATH`] is where sign-in comes back to. Imports nothing
//! of the app, so anything may import it; the router view that maps paths to pages is
//! [`crate::app::AppRoutes`].

use leptos::Params;
use leptos_router::params::Params;
use std::str::FromStr;

use crate::t;

/// Where the identity provider sends the browser back after sign-in.
pub const CALLBACK_PATH: &str = "/auth/callback";

/// [`CALLBACK_PATH`] as the router's segments.
pub const CALLBACK_SEGMENTS: (&str, &str) = ("auth", "callback");

/// A Task Manager tab.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tab {
    /// Work waiting for the person.
    #[default]
    Pending,
    /// Work already done.
    Completed,
}

impl Tab {
    /// The tab's path segment.
    pub fn as_str(self) -> &'static str {
        match self {
            Tab::Pending => "pending",
            Tab::Completed => "completed",
        }
    }

    /// The tab's name as people (and screen readers) read it.
    pub fn label(self) -> String {
        t!("tab", tab = self.as_str())
    }

    /// Reads a path segment.
    pub fn parse(segment: &str) -> Option<Tab> {
        [Tab::Pending, Tab::Completed]
            .into_iter()
            .find(|t| t.as_str() == segment)
    }
}

/// A path segment that names no tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoSuchTab;

impl std::fmt::Display for NoSuchTab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no such tab")
    }
}

impl std::error::Error for NoSuchTab {}

impl FromStr for Tab {
    type Err = NoSuchTab;

    fn from_str(segment: &str) -> Result<Tab, NoSuchTab> {
        Tab::parse(segment).ok_or(NoSuchTab)
    }
}

/// The path parameters of `/tasks/:tab`.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct TasksParams {
    /// Which tab; an unknown one fails to parse.
    pub tab: Option<Tab>,
}

/// The query of `/tasks/:tab?page=&size=`.
#[derive(Params, Debug, Clone, Default, PartialEq)]
pub struct PageQuery {
    /// Which page, 1-based.
    pub page: Option<u32>,
    /// Items per page.
    pub size: Option<u32>,
}

impl PageQuery {
    /// The page to show: 1 when missing, unreadable or 0.
    pub fn page(&self) -> u32 {
        self.page.unwrap_or(1).max(1)
    }

    /// The page size: the default when missing, clamped to what the API allows.
    pub fn size(&self) -> u32 {
        self.size
            .unwrap_or(DEFAULT_PAGE_SIZE)
            .clamp(1, wire::MAX_LIMIT)
    }
}

/// The path parameters of `/items/:id`.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct ItemParams {
    /// The work item's id.
    pub id: Option<String>,
}

/// A place in the app that can be linked to, bookmarked and shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppRoute {
    /// The dashboard with the My Tasks widget.
    Dashboard,
    /// The widget alone, for embedding.
    Widget,
    /// Task Manager on a tab and page (1-based) of `size` items.
    Tasks {
        /// Which tab.
        tab: Tab,
        /// Which page, 1-based.
        page: u32,
        /// Items per page.
        size: u32,
    },
    /// One work item.
    Item(String),
}

/// The page size Task Manager starts with.
pub const DEFAULT_PAGE_SIZE: u32 = 50;

/// The detail page of `item`; `None` without an id, as there is no page to link to.
pub fn item_href(item: &wire::WorkItem) -> Option<String> {
    item.id
        .clone()
        .filter(|id| !id.is_empty())
        .map(|id| AppRoute::Item(id).href())
}

impl AppRoute {
    /// The first page of a tab at the default size.
    pub fn tab(tab: Tab) -> AppRoute {
        AppRoute::Tasks {
            tab,
            page: 1,
            size: DEFAULT_PAGE_SIZE,
        }
    }

    /// The link to this place.
    pub fn href(&self) -> String {
        match self {
            AppRoute::Dashboard => "/".into(),
            AppRoute::Widget => "/widget".into(),
            AppRoute::Tasks { tab, page, size } => {
                let mut href = format!("/tasks/{}?page={page}", tab.as_str());
                if *size != DEFAULT_PAGE_SIZE {
                    href.push_str(&format!("&size={size}"));
                }
                href
            }
            AppRoute::Item(id) => format!("/items/{}", segment(id)),
        }
    }
}

/// Percent-encodes `text` as one path segment (a space is `%20`, a slash `%2F`): work item
/// ids come from URLs people can edit.
pub fn segment(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_carry_tab_page_and_non_default_size() {
        assert_eq!(
            AppRoute::tab(Tab::Completed).href(),
            "/tasks/completed?page=1"
        );
        assert_eq!(
            AppRoute::Tasks {
                tab: Tab::Pending,
                page: 3,
                size: 250
            }
            .href(),
            "/tasks/pending?page=3&size=250"
        );
        assert_eq!(AppRoute::Item("a/b".into()).href(), "/items/a%2Fb");
        assert_eq!(Tab::parse("completed"), Some(Tab::Completed));
        assert_eq!(Tab::parse("done"), None);
    }

    #[test]
    fn the_callback_segments_spell_the_callback_path() {
        let (first, second) = CALLBACK_SEGMENTS;
        assert_eq!(format!("/{first}/{second}"), CALLBACK_PATH);
    }

    #[test]
    fn a_page_query_falls_back_to_the_first_page_at_the_default_size_and_clamps() {
        assert_eq!(PageQuery::default().page(), 1);
        assert_eq!(PageQuery::default().size(), DEFAULT_PAGE_SIZE);
        let odd = PageQuery {
            page: Some(0),
            size: Some(1_000_000),
        };
        assert_eq!((odd.page(), odd.size()), (1, wire::MAX_LIMIT));
        assert_eq!("completed".parse::<Tab>(), Ok(Tab::Completed));
        assert_eq!("done".parse::<Tab>(), Err(NoSuchTab));
    }
}
