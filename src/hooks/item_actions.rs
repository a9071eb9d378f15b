//! The actions of one work item wired to the API. One local `Action` runs every command, so
//! a work item has one request in flight at a time (every button is disabled meanwhile and
//! a double click sends one request). After each request: a toast says what happened,
//! [`Changes`] is bumped so the detail, lists, counts and widget load again, and focus
//! lands on the page heading (or the approval items) when it was lost.

use super::form_logic::describe_values;
use super::forward::ForwardChoice;
use super::messages::{items, pending_count, Decision};
use super::outcome::{classify, refusal_message, success_message, ActionKind};
use super::toast::use_toasts;
use crate::api::{work_items, ApiError, Client};
use crate::state::Changes;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wire::{AccountSelection, WorkItem};

/// Something a person asked to do to the work item.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Mark Complete.
    Complete,
    /// Approve or reject one approval item; `label` names it for the toast.
    Decide {
        /// The approval item's id.
        approval_id: String,
        /// What the item is, e.g. "Engineering on GitHub".
        label: String,
        /// Approve or reject.
        decision: Decision,
    },
    /// Approve All / Reject All of `count` pending items.
    DecideAll(Decision, usize),
    /// Forward to someone else.
    Forward(ForwardChoice),
    /// Submit the account selection.
    Submit(AccountSelection),
}

impl Command {
    fn kind(&self) -> ActionKind {
        match self {
            Command::Complete => ActionKind::Complete,
            Command::Decide { decision, .. } => ActionKind::Decide(*decision),
            Command::DecideAll(decision, _) => ActionKind::DecideAll(*decision),
            Command::Forward(_) => ActionKind::Forward,
            Command::Submit(_) => ActionKind::SubmitSelection,
        }
    }
}

/// What the page shows after a refusal, until the next success.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The plain-words explanation.
    pub message: String,
    /// Whether to offer a link to the approval items (they block Mark Complete).
    pub show_approvals: bool,
}

/// The actions of one work item: `run` a command, read `pending` and `notice`.
#[derive(Clone, Copy)]
pub struct ItemActions {
    action: Action<Command, ()>,
    /// The explanation of the last refusal, shown above the actions.
    pub notice: RwSignal<Option<Notice>>,
    /// Whether the Forward dialog is open.
    pub forwarding: RwSignal<bool>,
    /// What the server said when the last forward failed, shown in the dialog.
    pub forward_error: RwSignal<Option<String>>,
}

impl ItemActions {
    /// True while a request is in flight.
    pub fn pending(&self) -> Signal<bool> {
        let pending = self.action.pending();
        Signal::derive(move || pending.get())
    }

    /// Sends `command`, unless a request is already in flight.
    pub fn run(&self, command: Command) {
        if !self.action.pending().get_untracked() {
            self.action.dispatch_local(command);
        }
    }
}

/// Creates the actions of the work item `item` (the page's current copy of it). After a
/// forward succeeds `after_forward` runs (the item is no longer the person's, so the page
/// moves on); when focus was lost (its button went away) it moves to the element `home`.
pub fn use_item_actions(
    item: Signal<Option<WorkItem>>,
    after_forward: Callback<()>,
    home: &'static str,
) -> ItemActions {
    let api = expect_context::<Client>();
    let (toasts, changes) = (use_toasts(), expect_context::<Changes>());
    let notice = RwSignal::new(None::<Notice>);
    let forward_error = RwSignal::new(None::<String>);
    let forwarding = RwSignal::new(false);
    let action = Action::new_local(move |command: &Command| {
        let (api, command) = (api.clone(), command.clone());
        let current = item.get_untracked().unwrap_or_default();
        async move {
            let id = current.id.clone().unwrap_or_default();
            let name = current
                .name
                .clone()
                .unwrap_or_else(|| "the work item".into());
            match send(&api, &id, &command).await {
                Ok(after) => {
                    notice.set(None);
                    forward_error.set(None);
                    forwarding.set(false);
                    toasts.success(success_message(
                        command.kind(),
                        &name,
                        &detail(&command, after.as_ref()),
                    ));
                    if matches!(command, Command::Forward(_)) {
                        after_forward.run(());
                    }
                    focus_when_lost(vec![home]);
                }
                Err(error) => {
                    let message = explain(&command, &error, &current);
                    if matches!(command, Command::Forward(_))
                        && matches!(error, ApiError::BadRequest(_))
                    {
                        forward_error.set(Some(message.clone())); // e.g. "already belongs to them": fixable in the dialog
                    } else {
                        forwarding.set(false);
                        let show_approvals = message.contains("Approval items");
                        notice.set(Some(Notice {
                            message: message.clone(),
                            show_approvals,
                        }));
                        focus_when_lost(match show_approvals {
                            true => vec!["approvals-title", home],
                            false => vec![home],
                        });
                    }
                    toasts.error(message);
                }
            }
            changes.bump();
        }
    });
    ItemActions {
        action,
        notice,
        forwarding,
        forward_error,
    }
}

/// Sends the command; the work item as the server returns it, when it does.
async fn send(api: &Client, id: &str, command: &Command) -> Result<Option<WorkItem>, ApiError> {
    Ok(Some(match command {
        Command::Complete => work_items::complete(api, id).await?,
        Command::Decide {
            approval_id,
            decision: Decision::Approve,
            ..
        } => work_items::approve_item(api, id, approval_id).await?,
        Command::Decide {
            approval_id,
            decision: Decision::Reject,
            ..
        } => work_items::reject_item(api, id, approval_id).await?,
        Command::DecideAll(Decision::Approve, _) => work_items::approve_all(api, id).await?,
        Command::DecideAll(Decision::Reject, _) => work_items::reject_all(api, id).await?,
        Command::Submit(selection) => {
            work_items::submit_account_selection(api, id, selection).await?
        }
        Command::Forward(choice) => {
            work_items::forward(api, id, &choice.body).await?;
            return Ok(None);
        }
    }))
}

/// The detail part of the success toast.
fn detail(command: &Command, after: Option<&WorkItem>) -> String {
    let finished = after.is_some_and(|a| !a.is_pending());
    match command {
        Command::Forward(choice) => choice.new_owner.clone(),
        Command::Decide { label, .. } if finished => {
            format!("{label}; every item is decided, so the work item is finished")
        }
        Command::Decide { label, .. } => label.clone(),
        Command::DecideAll(_, count) => items(*count),
        Command::Submit(_) => {
            let chosen = after
                .and_then(|a| a.form.as_ref())
                .map(|f| describe_values(&f.fields()));
            chosen
                .unwrap_or_default()
                .into_iter()
                .map(|(label, value)| format!("{label}: {value}"))
                .collect::<Vec<_>>()
                .join(", ")
        }
        Command::Complete => String::new(),
    }
}

/// Plain words for a failed command: refusals because the item changed are explained,
/// anything else is the client's own message (with the tracking id when there is one).
fn explain(command: &Command, error: &ApiError, current: &WorkItem) -> String {
    let status = match error {
        ApiError::BadRequest(_) => Some(400),
        ApiError::Forbidden(_) => Some(403),
        ApiError::NotFound(_) => Some(404),
        _ => None,
    };
    let text = error.server_message().and_then(|m| m.text.clone());
    match status.and_then(|s| classify(s, text.as_deref())) {
        Some(refusal) => {
            let waiting = pending_count(current.approval_items());
            refusal_message(command.kind(), &refusal, waiting)
        }
        None => match error.tracking_id() {
            Some(tracking) => format!("{} (tracking ID {tracking})", error.message()),
            None => error.message(),
        },
    }
}

/// Focuses the first of the elements `ids` that exists once the page has re-rendered, but
/// only when focus was lost (it is on the body), so a person who moved on is not pulled back.
fn focus_when_lost(ids: Vec<&'static str>) {
    for delay in [50, 400, 1200] {
        let ids = ids.clone();
        set_timeout(
            move || {
                let document = document();
                let lost = document
                    .active_element()
                    .is_none_or(|el| Some(el) == document.body().map(Into::into));
                let target = ids
                    .iter()
                    .find_map(|id| document.get_element_by_id(id))
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                if let (true, Some(target)) = (lost, target) {
                    if !target.has_attribute("tabindex") {
                        let _ = target.set_attribute("tabindex", "-1");
                    }
                    let _ = target.focus();
                }
            },
            Duration::from_millis(delay),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ServerMessage;

    fn bad_request(text: &str) -> ApiError {
        ApiError::BadRequest(ServerMessage {
            text: Some(text.into()),
            tracking_id: Some("t-1".into()),
        })
    }

    #[test]
    fn a_refusal_because_someone_else_completed_the_item_is_explained_not_quoted() {
        let error =
            bad_request("The work item is Finished; only Pending work items can be changed.");
        let message = explain(&Command::Complete, &error, &WorkItem::default());
        assert!(message.contains("already completed"), "{message}");
    }

    #[test]
    fn a_server_failure_keeps_its_message_and_tracking_id() {
        let error = ApiError::Server {
            status: 500,
            message: ServerMessage {
                text: Some("boom".into()),
                tracking_id: Some("abc".into()),
            },
        };
        assert_eq!(
            explain(&Command::Complete, &error, &WorkItem::default()),
            "boom (tracking ID abc)"
        );
    }

    #[test]
    fn deciding_the_last_item_says_the_work_item_is_finished() {
        let command = Command::Decide {
            approval_id: "a".into(),
            label: "admins on GitHub".into(),
            decision: Decision::Approve,
        };
        let finished = WorkItem {
            state: Some(wire::WorkItemState::Finished),
            ..WorkItem::default()
        };
        assert!(detail(&command, Some(&finished)).contains("the work item is finished"));
        let pending = WorkItem {
            state: Some(wire::WorkItemState::Pending),
            ..WorkItem::default()
        };
        assert_eq!(detail(&command, Some(&pending)), "admins on GitHub");
    }
}
