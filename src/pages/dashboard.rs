//! The dashboard: the My Tasks widget, first thing after signing in. New work items are
//! announced over it as on the Pending tab, and Show brings its counts and rows up to date.

use leptos::prelude::*;

use crate::components::new_items::NewItemsNotice;
use crate::components::shell::Shell;
use crate::components::widget::MyTasksWidget;
use crate::t;

/// The route `/`.
#[component]
pub fn DashboardPage() -> impl IntoView {
    view! {
        <Shell>
            <h1 class="mt-page-title">{t!("nav-dashboard")}</h1>
            <NewItemsNotice/>
            <MyTasksWidget/>
        </Shell>
    }
}
