//! The Forward dialog: choose a new owner, say why, and hand the work item over.

use super::identity_picker::IdentityPicker;
use super::modal::Modal;
use crate::focus::{focus_first_invalid, refocus_when_lost};
use crate::hooks::identity_search::IdentitySearch;
use crate::logic::forward::{validate_forward, ForwardChoice, ForwardErrors};
use crate::t;
use leptos::html::Form;
use leptos::prelude::*;
use wire::PublicIdentity;

/// The Forward dialog: an [`IdentityPicker`], a required comment and "Send notifications"
/// (on by default). Inputs are validated before anything is sent; errors show inline and
/// focus moves to the first one. The "Forward" button is disabled while `pending`.
#[component]
pub fn ForwardDialog(
    /// Finds people to forward to.
    search: IdentitySearch,
    /// True while the forward request is in flight.
    #[prop(into)]
    pending: Signal<bool>,
    /// What the server said when the last attempt failed, shown in the dialog.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// Called with a valid forward.
    #[prop(into)]
    on_submit: Callback<ForwardChoice>,
    /// Called when the person cancels (button or Escape).
    #[prop(into)]
    on_cancel: Callback<()>,
    /// The dialog's heading; a bulk forward names how many items it hands over.
    #[prop(into, default = t!("forward-title"))]
    title: String,
    /// What was chosen before (back from a bulk forward's confirmation): the form starts
    /// with it, and focus on its Forward button.
    #[prop(optional_no_strip)]
    draft: Option<ForwardChoice>,
) -> impl IntoView {
    let again = draft.is_some();
    let (person, text, send) = match draft {
        Some(choice) => (
            Some(PublicIdentity {
                id: Some(choice.body.target_owner_id),
                name: Some(choice.new_owner),
                ..PublicIdentity::default()
            }),
            choice.body.comment,
            choice.body.send_notifications,
        ),
        None => (None, String::new(), true),
    };
    let selected = RwSignal::new(person);
    let comment = RwSignal::new(text);
    let notify = RwSignal::new(send);
    let attempted = RwSignal::new(false);
    let form = NodeRef::<Form>::new();
    let check =
        move || selected.with(|s| comment.with(|c| validate_forward(s.as_ref(), c, notify.get())));
    let errors = Memo::new(move |_| match attempted.get() {
        true => check().err().unwrap_or_default(),
        false => ForwardErrors::default(),
    });
    let on_submit_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        attempted.set(true);
        match check() {
            Ok(choice) => on_submit.run(choice),
            Err(_) => request_animation_frame(move || {
                // The dialog may be gone by the next frame (the person left the page).
                focus_first_invalid(form.try_get_untracked().flatten())
            }),
        }
    };
    // The buttons are disabled while the request runs, which drops focus to the page; when
    // the dialog stays open after it (refused, or failed on the way), focus comes back to
    // "Forward", so sending again is one key away.
    let submit = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |was: Option<bool>| {
        let now = pending.get();
        if was == Some(true) && !now {
            refocus_when_lost(move || submit.try_get_untracked().flatten().map(Into::into));
        }
        now
    });
    let cancel = move || {
        if !pending.get_untracked() {
            on_cancel.run(());
        }
    };
    let comment_error = Signal::derive(move || errors.get().comment);
    view! {
        <Modal title=title on_close=Callback::new(move |()| cancel())>
            <form class="mt-forward" novalidate=true node_ref=form on:submit=on_submit_form>
                <IdentityPicker label=t!("forward-to") search=search selected=selected
                    error=Signal::derive(move || errors.get().target) />
                <div class="mt-field">
                    <label class="mt-field__label" for="mt-forward-comment">{t!("forward-comment")}</label>
                    <textarea id="mt-forward-comment" class="mt-field__input" rows="3"
                        aria-invalid=move || comment_error.with(Option::is_some).to_string()
                        aria-describedby="mt-forward-comment-error"
                        prop:value=move || comment.get()
                        on:input=move |ev| comment.set(event_target_value(&ev))
                    ></textarea>
                    <p id="mt-forward-comment-error" class="mt-field__error">{comment_error}</p>
                </div>
                <label class="mt-field__check">
                    <input type="checkbox" prop:checked=move || notify.get()
                        on:change=move |ev| notify.set(event_target_checked(&ev)) />
                    " " {t!("forward-notify")}
                </label>
                <p class="mt-modal__error" role="alert">{move || error.get()}</p>
                <div class="mt-modal__buttons">
                    <button type="button" class="mt-button" disabled=pending on:click=move |_| cancel()>
                        {t!("cancel")}
                    </button>
                    <button type="submit" class="mt-button mt-button--primary" disabled=pending node_ref=submit
                        data-autofocus=again.then_some("")>
                        {t!("forward")}

                    </button>
                </div>
            </form>
        </Modal>
    }
}
