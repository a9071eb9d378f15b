//! Loading, error and waiting states, and [`loaded`], which puts them around a resource.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use crate::api::{ApiError, Client};
use crate::t;

/// A polite "loading" placeholder.
#[component]
pub fn Loading(
    /// The whole sentence, e.g. "Loading work items…" in the person's language.
    text: String,
) -> impl IntoView {
    view! { <p class="mt-status mt-status--loading" role="status">{text}</p> }
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
    // Retry's answer replaces this panel, focused button and all; focus then goes to what
    // the panel was drawn in, so a keyboard user carries on there, not at the page's start.
    let panel = NodeRef::<leptos::html::Div>::new();
    let container = SendWrapper::new(Rc::new(RefCell::new(None::<web_sys::HtmlElement>)));
    let retry = {
        let container = container.clone();
        move |_| {
            *container.borrow_mut() = panel
                .get_untracked()
                .and_then(|panel| panel.parent_element())
                .and_then(|parent| parent.dyn_into().ok());
            on_retry.run(());
        }
    };
    on_cleanup(move || {
        if let Some(container) = container.borrow_mut().take() {
            crate::focus::focus_element_when_lost(container);
        }
    });
    view! {
        <div class="mt-error" role="alert" node_ref=panel>
            <p class="mt-error__title">
                {if signing_in { t!("error-session-ended") } else { t!("error-title") }}
            </p>
            <p class="mt-error__message">{error.message()}</p>
            {tracking.map(|id| view! { <p class="mt-error__tracking">{tracking_id(id)}</p> })}
            <button type="button" class="mt-button" on:click=retry>{t!("retry")}</button>
        </div>
    }
}

/// "Tracking ID: abc123", the server's id of a failure, for a person to quote.
pub fn tracking_id(id: String) -> impl IntoView {
    view! { {t!("error-tracking-id")} " " <code>{id}</code> }
}

/// Says so while the client waits out a 429 before retrying. The banner counts the seconds
/// down for the eye only; a screen reader hears the wait once, from a live region that holds
/// the sentence with the seconds the wait began with until it ends (a new wait is said
/// again). The outcome speaks for itself: the data, or the error panel's alert.
#[component]
pub fn WaitingBanner() -> impl IntoView {
    let api = expect_context::<Client>();
    let waiting = api.clone();
    let began_with = Memo::new(move |before: Option<&Option<u32>>| {
        match (waiting.waiting(), before.copied().flatten()) {
            (Some(_), Some(first)) => Some(first),
            (now, _) => now,
        }
    });
    // Its own region, kept out of an open dialog's inert page (as the toasts are) and drawn
    // over the dialog's backdrop: a wait that began with the dialog's request is seen and
    // heard there.
    view! {
        <div class="mt-waiting-region">
            <p class="mt-visually-hidden" role="status">
                {move || began_with.get().map(|secs| t!("server-busy-waiting", seconds = secs))}
            </p>
            <div class="mt-waiting" aria-hidden="true">
                {move || api.waiting().map(|secs| view! {
                    <p class="mt-waiting__text">
                        {t!("server-busy-waiting", seconds = secs)}
                    </p>
                })}
            </div>
        </div>
    }
}

/// Renders `resource` with `render` once loaded, [`Loading`] before, [`ErrorPanel`] on
/// failure (its Retry refetches). Keeps showing the old value while refetching. `loading`
/// is the placeholder's sentence.
pub fn loaded<T, V>(
    resource: LocalResource<Result<T, ApiError>>,
    loading: String,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    loaded_retrying(
        resource,
        Callback::new(move |_| resource.refetch()),
        loading,
        render,
    )
}

/// As [`loaded`], but drawn anew only when what was read differs: every change anywhere
/// reads again (an action on another item finishing in the background, new work found by
/// polling), and read again to the same answer, the view stays as it is, with whatever a
/// person is typing in it. While the resource reads again it shows what it had.
pub fn loaded_unless_same<T, V>(
    resource: LocalResource<Result<T, ApiError>>,
    loading: String,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // A value read again counts as the same only when it is the same item: an error
    // always draws its panel anew, so a Retry that fails again is seen and heard again.
    let value = Memo::new_with_compare(
        move |_| resource.get(),
        |before, now| !matches!((before, now), (Some(Some(Ok(a))), Some(Some(Ok(b)))) if a == b),
    );
    move || match value.get() {
        None => view! { <Loading text=loading.clone()/> }.into_any(),
        Some(Ok(found)) => render(found).into_any(),
        Some(Err(error)) => {
            let retry = Callback::new(move |()| resource.refetch());
            view! { <ErrorPanel error on_retry=retry/> }.into_any()
        }
    }
}

/// [`loaded`], with `retry` run by the error's Retry: for a view of several reads that fail
/// together (a server that is down), whose one Retry reads them all again.
pub fn loaded_retrying<T, V>(
    resource: LocalResource<Result<T, ApiError>>,
    retry: Callback<()>,
    loading: String,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=move || view! { <Loading text=loading.clone()/> }>

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
