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
    /// Task Manager on a tab: the whole queue, one list. The view (search, filters, sort,
    /// grouping) is in the query, read by `logic::view`; an old pager link's `page` and
    /// `size` are ignored.
    Tasks(Tab),
    /// One work item.
    Item(String),
}

/// The detail page of `item`; `None` without an id, as there is no page to link to.
pub fn item_href(item: &wire::WorkItem) -> Option<String> {
    item.id
        .clone()
        .filter(|id| !id.is_empty())
        .map(|id| AppRoute::Item(id).href())
}

impl AppRoute {
    /// A Task Manager tab.
    pub fn tab(tab: Tab) -> AppRoute {
        AppRoute::Tasks(tab)
    }

    /// The link to this place.
    pub fn href(&self) -> String {
        match self {
            AppRoute::Dashboard => "/".into(),
            AppRoute::Widget => "/widget".into(),
            AppRoute::Tasks(tab) => format!("/tasks/{}", tab.as_str()),
            AppRoute::Item(id) => format!("/items/{}", segment(id)),
        }
    }
}

/// The work item id of an item page's path (`/items/a%2Fb` is `a/b`), if it is one.
pub fn item_id_of(path: &str) -> Option<String> {
    let encoded = path.strip_prefix("/items/")?;
    let bytes = encoded.as_bytes();
    let mut id = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'/' => return None,
            b'%' => {
                let hex = encoded
                    .get(at + 1..at + 3)
                    .filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))?;
                id.push(u8::from_str_radix(hex, 16).ok()?);
                at += 3;
            }
            byte => {
                id.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8(id).ok().filter(|id| !id.is_empty())
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
    fn an_item_pages_path_gives_back_its_id() {
        for id in [
            "2c9180835d2e5168015d32f890ca1581",
            "a/b",
            "name with spaces+ü",
            "%",
        ] {
            assert_eq!(
                item_id_of(&AppRoute::Item(id.into()).href()).as_deref(),
                Some(id)
            );
        }
        for path in [
            "/items/",
            "/items/a/b",
            "/tasks/pending",
            "/items/%zz",
            "/items/%+1",
            "/items/%e2",
        ] {
            assert_eq!(item_id_of(path), None, "{path}");
        }
    }

    #[test]
    fn hrefs_name_the_tab_or_the_item() {
        assert_eq!(AppRoute::tab(Tab::Completed).href(), "/tasks/completed");
        assert_eq!(AppRoute::Tasks(Tab::Pending).href(), "/tasks/pending");
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
    fn a_tab_parses_from_its_path_segment() {
        assert_eq!("completed".parse::<Tab>(), Ok(Tab::Completed));
        assert_eq!("done".parse::<Tab>(), Err(NoSuchTab));
    }
}
