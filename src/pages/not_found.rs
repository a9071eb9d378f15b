//! The page for a path the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::shell::Shell;
use crate::routes::AppRoute;

/// Any unknown path.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Shell>
            <h1 class="mt-page-title">"Page not found"</h1>
            <p>"There is nothing at this address. " <A href=AppRoute::Dashboard.href()>"Go to the dashboard"</A></p>
        </Shell>
    }
}
