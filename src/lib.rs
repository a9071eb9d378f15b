//! My Tasks: a browser app for SailPoint ISC work items (Leptos, client-side rendered).
//!
//! [`App`] loads `config.json`, provides the API [`api::Client`] and the "view as" state,
//! and hands over to the routes in [`routes`].

pub mod actions;
pub mod api;
pub mod components;
pub mod config;
pub mod logic;
pub mod pages;
pub mod platform;
pub mod routes;
pub mod state;

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::config::AppConfig;

/// The root component: configuration first, then the app.
#[component]
pub fn App() -> impl IntoView {
    view! { <WithConfig then=|config| view! { <Configured config/> }.into_any()/> }
}

/// The root of the widget build: configuration first, then the widget alone.
#[component]
pub fn WidgetApp() -> impl IntoView {
    view! {
        <WithConfig then=|config| {
            provide_app_context(config);
            view! { <pages::widget::WidgetPage/> }.into_any()
        }/>
    }
}

/// Loads `config.json`, then renders `then` with it, or says why the app cannot start.
#[component]
fn WithConfig(
    /// What to render once configured.
    then: fn(AppConfig) -> AnyView,
) -> impl IntoView {
    let config = LocalResource::new(api::load_config);
    view! {
        <Suspense fallback=|| view! { <components::status::Loading what="My Tasks"/> }>
            {move || Suspend::new(async move {
                match config.await {
                    Ok(config) => then(config),
                    Err(error) => view! {
                        <main class="mt-main">
                            <div class="mt-error" role="alert">
                                <h1 class="mt-error__title">"My Tasks cannot start"</h1>
                                <p class="mt-error__message">{error.to_string()}</p>
                                <p>"Ask whoever deployed this app to fix its config.json."</p>
                            </div>
                        </main>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What every page finds in context: the API client, whose tasks are shown, and the
/// counter of changes that reads refresh on.
fn provide_app_context(config: AppConfig) {
    provide_context(api::Client::new(config));
    provide_context(state::ViewAs::restore());
    provide_context(state::Changes::new());
}

/// The app once configured: context for everything below, then the router.
#[component]
pub fn Configured(
    /// The validated configuration.
    config: AppConfig,
) -> impl IntoView {
    provide_app_context(config);
    actions::provide_toasts();
    view! { <Router><routes::AppRoutes/></Router><actions::ToastRegion/> }
}
