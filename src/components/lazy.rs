//! Parts of the full app that a first visit does not need, loaded on first use.
//!
//! The release build of the full app is split (see `scripts/build-app.sh`): each function
//! marked `#[wasm_split(NAME, wasm_split_path = ::leptos::wasm_split, fallible)]` goes into
//! a module of its own, fetched the first time it is called. [`Lazy`] shows such a part:
//! a placeholder while it arrives, and a clear error with Reload if it cannot. Elsewhere
//! (the host tests, the component tests, the widget build) the call is a plain call.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;

use crate::components::status::Loading;
use crate::platform;
use crate::t;

/// What a split-off part's function returns: its view, or why its module did not load.
pub type Part = Result<AnyView, SplitLoaderError>;

/// The pending load of a split-off part, as `#[wasm_split]` gives it.
pub type PartFuture = Pin<Box<dyn Future<Output = Part>>>;

/// Shows the part that `load` fetches and builds, with a placeholder until it is there.
#[component]
pub fn Lazy(
    /// Starts loading the part; called again when what it reads changes.
    load: impl Fn() -> PartFuture + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <Suspense fallback=|| view! { <Loading text=t!("loading-part")/> }>
            {move || {
                let part = SendWrapper::new(load());
                Suspend::new(async move {
                    match part.await {
                        Ok(view) => view,
                        Err(_) => view! { <PartFailed/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// A split-off module that did not arrive (offline, or a new release replaced it).
#[component]
fn PartFailed() -> impl IntoView {
    view! {
        <div class="mt-error" role="alert">
            <p class="mt-error__title">{t!("part-failed")}</p>
            <p class="mt-error__message">{t!("part-failed-hint")}</p>
            <button type="button" class="mt-button" on:click=move |_| platform::reload()>
                {t!("reload")}
            </button>
        </div>
    }
}
