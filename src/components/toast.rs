//! Where toasts appear: live regions screen readers announce. The toasts themselves are
//! [`crate::hooks::toasts`].

use crate::hooks::toasts::{use_toasts, Toast, Toasts};
use crate::t;
use leptos::prelude::*;

/// Where toasts appear: a polite `role=status` region for success and info, and a
/// `role=alert` region for errors. Both regions are always in the page, so screen readers
/// announce what is added to them.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <div class="mt-toasts">
            <div class="mt-toasts__region" role="status" aria-live="polite">
                <For each=move || toasts.of(false) key=|t| t.id let:toast>
                    <ToastView toast=toast toasts=toasts />
                </For>
            </div>
            <div class="mt-toasts__region" role="alert" aria-live="assertive">
                <For each=move || toasts.of(true) key=|t| t.id let:toast>
                    <ToastView toast=toast toasts=toasts />
                </For>
            </div>
        </div>
    }
}

/// One toast with its Dismiss button.
#[component]
fn ToastView(
    /// The message.
    toast: Toast,
    /// Where it lives, to dismiss it.
    toasts: Toasts,
) -> impl IntoView {
    let id = toast.id;
    view! {
        <div class=format!("mt-toast mt-toast--{}", toast.kind.as_str())>
            <p class="mt-toast__message">{toast.message}</p>
            <button type="button" class="mt-toast__dismiss" on:click=move |_| toasts.dismiss(id)>
                {t!("dismiss")}
            </button>
        </div>
    }
}
