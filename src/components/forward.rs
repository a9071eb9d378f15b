//! The Forward dialog: choose a new owner, say why, and hand the work item over.

use super::identity_picker::IdentityPicker;
use super::identity_search::{display_name, IdentitySearch};
use super::modal::Modal;
use leptos::html::Form;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use wire::{PublicIdentity, WorkItemForward};

/// A validated forward: the request body and the new owner's name for the confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct ForwardChoice {
    /// The body of the forward request.
    pub body: WorkItemForward,
    /// Who gets the work item, as a person reads it.
    pub new_owner: String,
}

/// Why a forward cannot be sent yet, one message per field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ForwardErrors {
    /// No one (or no one with an id) was chosen.
    pub target: Option<String>,
    /// The comment is empty.
    pub comment: Option<String>,
}

/// Checks the dialog's inputs and builds the forward request from them.
pub fn validate_forward(
    target: Option<&PublicIdentity>,
    comment: &str,
    send_notifications: bool,
) -> Result<ForwardChoice, ForwardErrors> {
    let target_id = target.and_then(|t| t.id.clone());
    let comment = comment.trim();
    let errors = ForwardErrors {
        target: target_id
            .is_none()
            .then(|| "Choose the person to forward this to from the list.".to_owned()),
        comment: comment
            .is_empty()
            .then(|| "Write a comment for the new owner.".to_owned()),
    };
    match (target_id, errors == ForwardErrors::default()) {
        (Some(target_owner_id), true) => Ok(ForwardChoice {
            body: WorkItemForward {
                target_owner_id,
                comment: comment.to_owned(),
                send_notifications,
            },
            new_owner: target.map(display_name).unwrap_or_default(),
        }),
        _ => Err(errors),
    }
}

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
) -> impl IntoView {
    let selected = RwSignal::new(None::<PublicIdentity>);
    let comment = RwSignal::new(String::new());
    let notify = RwSignal::new(true);
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
            Err(_) => request_animation_frame(move || focus_first_invalid(form)),
        }
    };
    let cancel = move || {
        if !pending.get_untracked() {
            on_cancel.run(());
        }
    };
    let comment_error = Signal::derive(move || errors.get().comment);
    view! {
        <Modal title="Forward work item" on_close=Callback::new(move |()| cancel())>
            <form class="mt-forward" novalidate=true node_ref=form on:submit=on_submit_form>
                <IdentityPicker label="Forward to (required)" search=search selected=selected
                    error=Signal::derive(move || errors.get().target) />
                <div class="mt-field">
                    <label class="mt-field__label" for="mt-forward-comment">"Comment (required)"</label>
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
                    " Send notifications"
                </label>
                <p class="mt-modal__error" role="alert">{move || error.get()}</p>
                <div class="mt-modal__buttons">
                    <button type="button" class="mt-button" disabled=pending on:click=move |_| cancel()>
                        "Cancel"
                    </button>
                    <button type="submit" class="mt-button mt-button--primary" disabled=pending>
                        "Forward"
                    </button>
                </div>
            </form>
        </Modal>
    }
}

/// Moves focus to the first input marked invalid inside the form.
fn focus_first_invalid(form: NodeRef<Form>) {
    let invalid = form
        .get_untracked()
        .and_then(|f| f.query_selector("[aria-invalid='true']").ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    if let Some(el) = invalid {
        let _ = el.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fred() -> PublicIdentity {
        PublicIdentity {
            id: Some("id-fred".into()),
            name: Some("Fred Astaire".into()),
            ..PublicIdentity::default()
        }
    }

    #[test]
    fn a_forward_needs_a_person_and_a_comment() {
        let errors = validate_forward(None, "  ", true).unwrap_err();
        assert!(errors.target.is_some());
        assert!(errors.comment.is_some());
    }

    #[test]
    fn a_valid_forward_trims_the_comment_and_names_the_new_owner() {
        let choice = validate_forward(Some(&fred()), " over to you ", false).unwrap();
        assert_eq!(choice.body.target_owner_id, "id-fred");
        assert_eq!(choice.body.comment, "over to you");
        assert!(!choice.body.send_notifications);
        assert_eq!(choice.new_owner, "Fred Astaire");
    }

    #[test]
    fn a_person_without_an_id_cannot_be_forwarded_to() {
        let nobody = PublicIdentity::default();
        assert!(validate_forward(Some(&nobody), "hi", true)
            .unwrap_err()
            .target
            .is_some());
    }
}
