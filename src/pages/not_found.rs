//! The page for a path the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::shell::Shell;
use crate::routes::AppRoute;
use crate::state::PageName;
use crate::t;

/// Any unknown path.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    PageName::follow(|| Some(t!("not-found-title")));
    view! {
        <Shell>
            <h1 class="mt-page-title">{t!("not-found-title")}</h1>
            <p>{t!("not-found-text")} " " <A href=AppRoute::Dashboard.href()>{t!("go-to-dashboard")}</A></p>

        </Shell>
    }
}
