//! A yes/no question before an action that cannot be undone.

use super::modal::Modal;
use crate::t;
use leptos::prelude::*;

/// Asks before doing something: a message and two buttons, Cancel (focused first, so a
/// stray Enter does nothing harmful) and the confirm button named after the action (e.g.
/// "Approve All"). While `pending` is true both buttons are disabled and Escape is ignored,
/// and clicks are ignored too, so a double click sends one request.
#[component]
pub fn ConfirmDialog(
    /// The dialog's heading (its accessible name).
    #[prop(into)]
    title: String,
    /// The question, e.g. "Approve all 3 pending approval items of this work item?".
    #[prop(into)]
    message: String,
    /// The confirm button's text and accessible name, e.g. "Mark Complete".
    #[prop(into)]
    confirm_label: String,
    /// True while the confirmed request is in flight.
    #[prop(into)]
    pending: Signal<bool>,
    /// Called once when the person confirms.
    #[prop(into)]
    on_confirm: Callback<()>,
    /// Called when the person cancels (button or Escape).
    #[prop(into)]
    on_cancel: Callback<()>,
) -> impl IntoView {
    let cancel = move || {
        if !pending.get_untracked() {
            on_cancel.run(());
        }
    };
    let confirm = move |_| {
        if !pending.get_untracked() {
            on_confirm.run(());
        }
    };
    view! {
        <Modal title=title on_close=Callback::new(move |()| cancel())>
            <p class="mt-modal__message">{message}</p>
            <div class="mt-modal__buttons">
                <button
                    type="button"
                    class="mt-button"
                    data-autofocus=""
                    disabled=pending
                    on:click=move |_| cancel()
                >
                    {t!("cancel")}
                </button>
                <button
                    type="button"
                    class="mt-button mt-button--primary"
                    disabled=pending
                    aria-busy=move || pending.get().to_string()
                    on:click=confirm
                >
                    {confirm_label}
                </button>
            </div>
        </Modal>
    }
}
