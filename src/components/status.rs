//! Loading, error and waiting states, and [`loaded`], which puts them around a resource.

use leptos::prelude::*;

use crate::api::{ApiError, Client};

/// A polite "loading" placeholder.
#[component]
pub fn Loading(
    /// What is loading, e.g. "work items".
    #[prop(into, default = "content".into())]
    what: String,
) -> impl IntoView {
    view! { <p class="mt-status mt-status--loading" role="status">{format!("Loading {what}…")}</p> }
}

/// An API failure: the server's message and tracking id, with Retry.
#[component]
pub fn ErrorPanel(
    /// What went wrong.
    error: ApiError,
    /// Runs the failed read again.
    on_retry: Callback<()>,
) -> impl IntoView {
    // Behind an authenticating proxy there is no sign-in of our own to go back through.
    let signs_in = use_context::<Client>().is_some_and(|api| api.can_sign_out());
    let signing_in = signs_in && matches!(error, ApiError::Unauthorized(_));
    let tracking = error.tracking_id().map(str::to_owned);
    view! {
        <div class="mt-error" role="alert">
            <p class="mt-error__title">
                {if signing_in { "Your session has ended. Signing you in again…" } else { "Something went wrong." }}
            </p>
            <p class="mt-error__message">{error.message()}</p>
            {tracking.map(|id| view! {
                <p class="mt-error__tracking">"Tracking ID: " <code>{id}</code></p>
            })}
            <button type="button" class="mt-button" on:click=move |_| on_retry.run(())>"Retry"</button>
        </div>
    }
}

/// Says so while the client waits out a 429 before retrying.
#[component]
pub fn WaitingBanner() -> impl IntoView {
    let api = expect_context::<Client>();
    view! {
        <div class="mt-waiting" role="status" aria-live="polite">
            {move || api.waiting().map(|secs| view! {
                <p class="mt-waiting__text">
                    {format!("The server is busy. Waiting {secs} s before trying again…")}
                </p>
            })}
        </div>
    }
}

/// Renders `resource` with `render` once loaded, [`Loading`] before, [`ErrorPanel`] on
/// failure (its Retry refetches). Keeps showing the old value while refetching.
pub fn loaded<T, V>(
    resource: LocalResource<Result<T, ApiError>>,
    what: &'static str,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let retry = Callback::new(move |_| resource.refetch());
    view! {
        <Transition fallback=move || view! { <Loading what/> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => render(value).into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=retry/> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}
