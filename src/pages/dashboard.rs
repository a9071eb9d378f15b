//! The dashboard: the My Tasks widget, first thing after signing in.

use leptos::prelude::*;

use crate::components::shell::Shell;
use crate::components::widget::MyTasksWidget;
use crate::t;

/// The route `/`.
#[component]
pub fn DashboardPage() -> impl IntoView {
    view! {
        <Shell>
            <h1 class="mt-page-title">{t!("nav-dashboard")}</h1>
            <MyTasksWidget/>
        </Shell>
    }
}
