//! My Tasks: a browser app for SailPoint ISC work items.
pub mod actions;

use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    view! { <main class="mt-app"><h1>"My Tasks"</h1></main> }
}
