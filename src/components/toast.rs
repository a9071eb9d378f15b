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
            <ToastStack toasts errors=false/>
            <ToastStack toasts errors=true/>
        </div>
    }
}

/// One live region's toasts. The region holds the messages only, so that a toast is
/// announced as its message, not with "Dismiss" at its end; each one's Dismiss button is
/// outside it, in a layer drawn over the region (the same grid cell) whose rows are laid out
/// as the toasts are, so the button sits in its toast. The button is described by its
/// toast's message, so a person who reaches it knows what it dismisses.
#[component]
fn ToastStack(
    /// Where the toasts live, to list and dismiss them.
    toasts: Toasts,
    /// The errors' assertive region, else the polite one for success and info.
    errors: bool,
) -> impl IntoView {
    let (role, live) = match errors {
        true => ("alert", "assertive"),
        false => ("status", "polite"),
    };
    view! {
        <div class="mt-toasts__stack">
            <div class="mt-toasts__region" role=role aria-live=live>
                <For each=move || toasts.of(errors) key=|t| t.id let:toast>
                    <ToastView toast=toast />
                </For>
            </div>
            <div class="mt-toasts__controls">
                <For each=move || toasts.of(errors) key=|t| t.id let:toast>
                    <DismissRow toast=toast toasts=toasts />
                </For>
            </div>
        </div>
    }
}

/// The id of a toast's message, which describes its Dismiss button.
fn message_id(toast: &Toast) -> String {
    format!("mt-toast-{}", toast.id)
}

/// One toast as announced: its message, and room (unseen, unread) for its Dismiss.
#[component]
fn ToastView(
    /// The message.
    toast: Toast,
) -> impl IntoView {
    let id = message_id(&toast);
    view! {
        <div class=format!("mt-toast mt-toast--{}", toast.kind.as_str())>
            <p class="mt-toast__message" id=id>{toast.message}</p>
            <span class="mt-toast__room" data-label=t!("dismiss")></span>
        </div>
    }
}

/// A toast's Dismiss button, beside an unseen copy of its message that gives the row the
/// toast's height and puts the button where the toast keeps its room.
#[component]
fn DismissRow(
    /// The toast it dismisses.
    toast: Toast,
    /// Where it lives, to dismiss it.
    toasts: Toasts,
) -> impl IntoView {
    let id = toast.id;
    view! {
        <div class="mt-toast-controls">
            <p class="mt-toast__message" aria-hidden="true">{toast.message.clone()}</p>
            <button type="button" class="mt-toast__dismiss" aria-describedby=message_id(&toast)
                on:click=move |_| toasts.dismiss(id)>
                {t!("dismiss")}
            </button>
        </div>
    }
}
