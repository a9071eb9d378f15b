//! The dashboard: the My Tasks widget, first thing after signing in. New work items are
//! announced over it as on the Pending tab, and Show brings its counts and rows up to date.

use leptos::prelude::*;

use crate::components::new_items::NewItemsNotice;
use crate::components::shell::Shell;
use crate::components::widget::MyTasksWidget;
use crate::focus::{focus_when_lost, leave_the_header_link};
use crate::state::PageName;
use crate::t;

/// The route `/`.
#[component]
pub fn DashboardPage() -> impl IntoView {
    // Arrived here, focus is nowhere or on the link in the header: it goes to the page's
    // heading.
    leave_the_header_link();
    focus_when_lost(vec!["dashboard-title"]);
    PageName::follow(|| Some(t!("nav-dashboard")));
    view! {
        <Shell>
            <h1 id="dashboard-title" class="mt-page-title">{t!("nav-dashboard")}</h1>
            <NewItemsNotice/>
            <MyTasksWidget/>
        </Shell>
    }
}
