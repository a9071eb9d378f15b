//! The roots of the app: [`App`] (and the widget build's [`WidgetApp`]) load
//! `config.json`, [`Configured`] provides the API
//! [`Client`], the "view as" state, the change counter and the toasts, and [`AppRoutes`]
//! maps paths to pages. The one module that imports every page.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::{path, StaticSegment};

use crate::api::{self, Client};
use crate::components::status::Loading;
use crate::components::time::Clock;
use crate::components::toast::ToastRegion;
use crate::config::{AppConfig, ConfigError};
use crate::hooks::bulk::provide_bulk_run;
use crate::hooks::queue::provide_queues;
use crate::hooks::toasts::provide_toasts;
use crate::i18n::{self, Lang, Words};
use crate::pages;
use crate::platform;
use crate::routes::CALLBACK_SEGMENTS;
use crate::state;
use crate::t;

/// Starts a build: its words first (the language's catalogue fetched unless it is
/// English; the boot script has usually fetched it already, while the wasm downloaded),
/// then `root`, beneath the boot script's preview of Task Manager if it drew one (see
/// [`platform::start_under_preview`]). Waiting for the words means nothing is ever drawn
/// in one language and then in another.
pub fn start<N: IntoView + 'static>(root: fn() -> N, words: &'static Words) {
    wasm_bindgen_futures::spawn_local(async move {
        speak(words, None).await;
        platform::start_under_preview();
        platform::note_typing();
        leptos::mount::mount_to_body(root);
    });
}

/// Chooses the language and installs its words (see [`i18n::start`]: English when another
/// language's cannot be had). Boxed, so that the choosing and fetching are compiled once
/// rather than into each of the two places that wait for them (about 1 KB of wasm each).
fn speak(words: &'static Words, default: Option<Lang>) -> Pin<Box<dyn Future<Output = ()>>> {
    Box::pin(i18n::start(words, default, api::catalogue::fetch))
}

/// The root component of the full app, started by [`start`] with [`i18n::APP_WORDS`]:
/// configuration first, then the app.
#[component]
pub fn App() -> impl IntoView {
    name_the_document();
    view! {
        <WithConfig words=&i18n::APP_WORDS then=|config| {
            if config.default_locale.is_some() {
                name_the_document();
            }
            view! { <Configured config/> }.into_any()
        }/>
    }
}

/// The root of the widget build (`src/bin/widget.rs`), started by [`start`] with
/// [`i18n::WIDGET_WORDS`]: configuration first, then the widget alone, without the router,
/// dialogs or forms.
#[component]
pub fn WidgetApp() -> impl IntoView {
    name_the_document();
    view! {
        <WithConfig words=&i18n::WIDGET_WORDS then=|config| {
            if config.default_locale.is_some() {
                name_the_document();
            }
            provide_app_context(config);
            view! { <pages::widget::WidgetPage/> }.into_any()
        }/>
    }
}

/// The tab's title in the chosen language until a page says more (the pending count):
/// `index.html` can only say "My Tasks", and the widget and "cannot start" set none.
fn name_the_document() {
    platform::set_title(&t!("app-name"));
}

/// Loads `config.json`, then renders `then` with it, or says why the app cannot start.
#[component]
fn WithConfig(
    /// The build's words: `config.json`'s `locale` may choose another language.
    words: &'static Words,
    /// What to render once configured.
    then: fn(AppConfig) -> AnyView,
) -> impl IntoView {
    let config = LocalResource::new(move || async move {
        let config = api::load_config().await?;
        // The deployment's default counts only when the browser asked for no language the
        // app has; choosing again is cheap, and nothing is rendered in it yet.
        if config.default_locale.is_some() {
            speak(words, config.default_locale).await;
        }
        Ok::<_, ConfigError>(config)
    });
    // Not a `Suspense`: every resource read below would find it (reading a resource
    // registers it with the nearest one) and a count loading anywhere would take the whole
    // app down to this fallback and build it again, losing focus and state on the way.
    move || match config.get() {
        None => view! { <Loading text=t!("loading-app")/> }.into_any(),
        Some(Ok(config)) => untrack(|| then(config)),
        Some(Err(error)) => {
            platform::remove_preview();
            view! {
                <main class="mt-main">
                    <div class="mt-error" role="alert">
                        <h1 class="mt-error__title">{t!("cannot-start")}</h1>
                        <p class="mt-error__message">{error.to_string()}</p>
                        // The parser's or browser's own words, for whoever deploys.
                        {error.detail().map(|detail| view! {
                            <p><code lang="en" dir="ltr">{detail.to_owned()}</code></p>
                        })}
                        <p>{t!("cannot-start-hint")}</p>
                    </div>
                </main>
            }
            .into_any()
        }
    }
}

/// What every page finds in context: the API client, whose tasks are shown, the counter
/// of changes that reads refresh on, the clock of relative times, the list a detail page
/// goes back to, and the page's name for the title.
fn provide_app_context(config: AppConfig) {
    let api = Client::new(config);
    let viewer = Memo::new({
        let api = api.clone();
        move |_| api.claims().map(|c| (c.identity_id.clone(), c.is_admin()))
    });
    provide_context(api);
    provide_context(Clock::start());
    crate::components::time::dismiss_times_on_escape();
    provide_context(state::ViewAs::restore(viewer));
    provide_context(state::Changes::new());
    provide_context(state::Acting::new());
    provide_context(state::ListPlace::new());
    provide_context(state::PageName::new());
}

/// The app once configured: context for everything below, then the router.
#[component]
pub fn Configured(
    /// The validated configuration.
    config: AppConfig,
) -> impl IntoView {
    provide_app_context(config);
    provide_toasts();
    provide_queues();
    // A bulk run goes on, and is counted and told, when its page is left.
    provide_bulk_run();
    view! { <Router><AppRoutes/></Router><ToastRegion/> }
}

/// The route table.
#[component]
pub fn AppRoutes() -> impl IntoView {
    let (auth, callback) = CALLBACK_SEGMENTS;
    view! {
        <Routes fallback=pages::not_found::NotFoundPage>
            <Route path=path!("/") view=pages::dashboard::DashboardPage/>
            <Route path=path!("/widget") view=pages::widget::WidgetPage/>
            <Route path=path!("/tasks") view=|| view! { <Redirect path="/tasks/pending"/> }/>
            <Route path=path!("/tasks/:tab") view=pages::task_manager::TaskManagerPage/>
            <Route path=path!("/items/:id") view=pages::detail::DetailPage/>
            <Route path=(StaticSegment(auth), StaticSegment(callback)) view=pages::callback::CallbackPage/>
        </Routes>
    }
}
