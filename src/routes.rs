//! Every route of the app in one place: [`AppRoute`] builds links, [`AppRoutes`] maps
//! paths to pages.

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Routes};
use leptos_router::path;

use crate::pages;

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
    pub fn label(self) -> &'static str {
        match self {
            Tab::Pending => "Pending",
            Tab::Completed => "Completed",
        }
    }

    /// Reads a path segment.
    pub fn parse(segment: &str) -> Option<Tab> {
        [Tab::Pending, Tab::Completed]
            .into_iter()
            .find(|t| t.as_str() == segment)
    }
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
            AppRoute::Item(id) => format!("/items/{}", crate::api::query::segment(id)),
        }
    }
}

/// The route table.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=pages::not_found::NotFoundPage>
            <Route path=path!("/") view=pages::dashboard::DashboardPage/>
            <Route path=path!("/widget") view=pages::widget::WidgetPage/>
            <Route path=path!("/tasks") view=|| view! { <Redirect path="/tasks/pending"/> }/>
            <Route path=path!("/tasks/:tab") view=pages::task_manager::TaskManagerPage/>
            <Route path=path!("/items/:id") view=pages::detail::DetailPage/>
            <Route path=path!("/auth/callback") view=pages::callback::CallbackPage/>
        </Routes>
    }
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
}
