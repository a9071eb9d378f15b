//! The words the actions use after the fact: the success toast, and plain words for a
//! [`Problem`]. Chosen here, once, from types; nothing here is read back.

use super::command::{ActionKind, Command, Target};
use super::form::{describe_values, values_line};
use super::messages::{decided_all, items, Decision};
use super::refusal::{Problem, Refusal};
use crate::t;
use wire::WorkItem;

/// Plain words for what went wrong with an action of `kind`: a refusal explained, any
/// other failure as the client's message with the tracking id when there is one.
pub fn problem_message(kind: ActionKind, problem: &Problem) -> String {
    match problem {
        Problem::Refused(refusal) => refusal_message(kind, refusal),
        Problem::Failed(error) => match error.tracking_id() {
            Some(tracking) => t!(
                "failed-with-tracking",
                message = &error.message(),
                tracking = tracking
            ),
            None => error.message(),
        },
    }
}

/// Which of the three "already done" explanations an action of `kind` gets.
fn done_by(kind: ActionKind) -> &'static str {
    match kind {
        ActionKind::Decide(_) => "decide",
        ActionKind::DecideAll(_) => "decide-all",
        _ => "complete",
    }
}

/// The plain-words explanation of a refusal of an action of `kind`.
pub fn refusal_message(kind: ActionKind, refusal: &Refusal) -> String {
    match refusal {
        Refusal::ApprovalsPending(waiting) => t!("refused-approvals-pending", count = *waiting),
        Refusal::AlreadyDone => t!("refused-already-done", action = done_by(kind)),
        Refusal::NotYours => t!("refused-not-yours"),
        Refusal::Gone => t!("refused-gone"),
        Refusal::Invalid(Some(text)) => t!("refused-invalid", reason = text),
        Refusal::Invalid(None) => t!("refused-invalid-plain"),
    }
}

/// The short reason a refusal gives in a list of results (a bulk action's), where the
/// long explanation of [`refusal_message`] would repeat for every line.
pub fn refusal_reason(kind: ActionKind, refusal: &Refusal) -> String {
    let why = match refusal {
        Refusal::ApprovalsPending(n) => t!("reason-approvals-pending", count = *n),
        Refusal::AlreadyDone => t!("reason-already-done", action = done_by(kind)),
        Refusal::NotYours => t!("reason-not-yours"),
        Refusal::Gone => t!("reason-gone"),
        Refusal::Invalid(Some(text)) => text.clone(),
        Refusal::Invalid(None) => t!("reason-refused"),
    };
    t!("refused-because", reason = &why)
}

/// The toast after a successful action on the work item called `name`; `finished` when a
/// single decision was the last one to make, so the work item is done.
pub fn success_message(kind: ActionKind, name: &str, detail: &str, finished: bool) -> String {
    match kind {
        ActionKind::Decide(d) if finished => t!(
            "done-decide-finished",
            decision = d.as_str(),
            name = name,
            what = detail
        ),
        ActionKind::Complete => t!("done-complete", name = name),
        ActionKind::Forward => t!("done-forward", name = name, owner = detail),
        ActionKind::Decide(d) | ActionKind::DecideAll(d) => {
            t!(
                "done-decide",
                decision = d.as_str(),
                name = name,
                what = detail
            )
        }
        ActionKind::SubmitSelection => t!("done-submit", name = name, values = detail),
    }
}

/// The failure toast: which action on which item did not work, and why (`reason`, from
/// [`problem_message`]). A toast outlives its row and several may be on screen at once, so
/// it names both, as the success toast does; a decision on one approval item also names
/// that item (`what`, its label; empty for the other actions).
pub fn failure_message(kind: ActionKind, name: &str, what: &str, reason: &str) -> String {
    let action = match kind {
        ActionKind::Complete => "complete",
        ActionKind::Forward => "forward",
        ActionKind::Decide(Decision::Approve) => "approve",
        ActionKind::Decide(Decision::Reject) => "reject",
        ActionKind::DecideAll(Decision::Approve) => "approve-all",
        ActionKind::DecideAll(Decision::Reject) => "reject-all",
        ActionKind::SubmitSelection => "submit",
    };
    t!(
        "failed-action",
        action = action,
        name = name,
        what = what,
        reason = reason
    )
}

/// The detail part of the success toast; `after` is the work item as the server returned it,
/// `target` as the page saw it when the person asked. Approve All / Reject All count what
/// the answer shows they decided, and say when some had been decided otherwise meanwhile.
pub fn success_detail(command: &Command, target: &Target, after: Option<&WorkItem>) -> String {
    match command {
        Command::Forward(choice) => choice.new_owner.clone(),
        Command::Decide { label, .. } => label.clone(),
        Command::DecideAll(decision, count) => match after {
            Some(after) => {
                let (done, otherwise) =
                    decided_all(&target.waiting_ids, *decision, after.approval_items());
                match otherwise {
                    0 => items(done),
                    n => t!("decided-otherwise", what = &items(done), count = n),
                }
            }
            None => items(*count),
        },
        Command::Submit(_) => values_line(
            after
                .and_then(|a| a.form.as_ref())
                .map(|f| describe_values(&f.fields()))
                .unwrap_or_default(),
        ),
        Command::Complete => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ApiError, ServerMessage};

    #[test]
    fn completing_with_pending_approvals_is_explained_with_the_count() {
        let message = refusal_message(ActionKind::Complete, &Refusal::ApprovalsPending(2));
        assert!(
            message.contains("2 items still wait for a decision"),
            "{message}"
        );
        let one = refusal_message(ActionKind::Complete, &Refusal::ApprovalsPending(1));
        assert!(one.contains("1 item still waits for"), "{one}");
    }

    #[test]
    fn an_item_someone_else_completed_or_decided_is_explained_in_plain_words() {
        let kind = ActionKind::Complete;
        assert!(refusal_message(kind, &Refusal::AlreadyDone).contains("already completed"));
        let decide = ActionKind::Decide(Decision::Approve);
        assert!(refusal_message(decide, &Refusal::AlreadyDone).contains("already been decided"));
        let all = ActionKind::DecideAll(Decision::Reject);
        assert!(refusal_message(all, &Refusal::AlreadyDone).contains("already decided"));
        assert!(refusal_message(kind, &Refusal::NotYours).contains("no longer yours"));
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
            problem_message(ActionKind::Complete, &Problem::Failed(error)),
            "boom (tracking ID abc)"
        );
        let refused = Problem::Refused(Refusal::Invalid(Some("No.".into())));
        assert_eq!(
            problem_message(ActionKind::Forward, &refused),
            "That did not work: No."
        );
    }

    #[test]
    fn success_messages_name_the_item_and_what_happened() {
        assert_eq!(
            success_message(
                ActionKind::Forward,
                "Create an Account",
                "Ginger Rogers",
                false
            ),
            "“Create an Account” was forwarded to Ginger Rogers."
        );
        assert_eq!(
            success_message(
                ActionKind::DecideAll(Decision::Approve),
                "Access",
                "3 items",
                true
            ),
            "Approved 3 items in “Access”."
        );
    }

    #[test]
    fn failure_messages_name_the_action_and_the_item() {
        assert_eq!(
            failure_message(
                ActionKind::Complete,
                "Create an Account",
                "",
                "Server error."
            ),
            "Could not mark “Create an Account” complete: Server error."
        );
        assert_eq!(
            failure_message(ActionKind::DecideAll(Decision::Reject), "Access", "", "No."),
            "Could not reject the items of “Access”: No."
        );
        assert_eq!(
            failure_message(ActionKind::SubmitSelection, "Pick", "", "No."),
            "Could not submit the account selection for “Pick”: No."
        );
        assert_eq!(
            failure_message(
                ActionKind::Decide(Decision::Approve),
                "Access",
                "admins on GitHub",
                "No."
            ),
            "Could not approve admins on GitHub in “Access”: No."
        );
    }

    #[test]
    fn deciding_the_last_item_says_the_work_item_is_done_in_one_sentence_each() {
        let reject = ActionKind::Decide(Decision::Reject);
        assert_eq!(
            success_message(reject, "Access", "admins on GitHub", true),
            "Rejected admins on GitHub in “Access”. Every item is decided, so you will find it under Completed."
        );
        assert_eq!(
            success_message(reject, "Access", "admins on GitHub", false),
            "Rejected admins on GitHub in “Access”."
        );
    }

    #[test]
    fn approve_all_says_what_it_decided_and_what_was_decided_otherwise_first() {
        let approval = |id: &str, state| wire::ApprovalItemDetails {
            id: Some(id.into()),
            state: Some(state),
            ..wire::ApprovalItemDetails::default()
        };
        let target = Target {
            id: "w".into(),
            name: "Access".into(),
            approvals_waiting: 3,
            waiting_ids: vec!["a".into(), "b".into(), "c".into()],
            has_form: false,
        };
        let after = WorkItem {
            approval_items: Some(vec![
                approval("a", wire::WorkItemState::Rejected),
                approval("b", wire::WorkItemState::Finished),
                approval("c", wire::WorkItemState::Finished),
            ]),
            ..WorkItem::default()
        };
        let command = Command::DecideAll(Decision::Approve, 3);
        let detail = success_detail(&command, &target, Some(&after));
        assert_eq!(detail, "2 items (1 had been decided otherwise first)");
        assert_eq!(
            success_message(
                ActionKind::DecideAll(Decision::Approve),
                "Access",
                &detail,
                true
            ),
            "Approved 2 items (1 had been decided otherwise first) in “Access”."
        );
        assert_eq!(success_detail(&command, &target, None), "3 items");
    }
}
