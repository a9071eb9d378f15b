//! What to tell a person after an action: the success line, and, when the API refused
//! because the work item changed underneath (400/403/404), plain words for why.

use super::messages::{items, Decision};

/// The action a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    /// Mark Complete.
    Complete,
    /// Forward to someone else.
    Forward,
    /// Approve or reject one approval item.
    Decide(Decision),
    /// Approve All / Reject All.
    DecideAll(Decision),
    /// Submit the account selection.
    SubmitSelection,
}

/// Why the API refused, read from the status and the server's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Mark Complete while approval items still wait for a decision.
    ApprovalsPending,
    /// The work item (or the approval item) was already decided or completed.
    AlreadyDone,
    /// 403: the work item is not this person's any more (e.g. it was forwarded).
    NotYours,
    /// 404: the work item (or approval item) does not exist any more.
    Gone,
    /// Any other 400: the server's own words.
    Invalid(String),
}

/// Reads a refusal from a 400, 403 or 404 answer; other statuses are no refusal.
pub fn classify(status: u16, server_text: Option<&str>) -> Option<Refusal> {
    let text = server_text.unwrap_or_default();
    let lower = text.to_lowercase();
    match status {
        400 if lower.contains("pending approval item") && !lower.contains("no pending") => {
            Some(Refusal::ApprovalsPending)
        }
        400 if lower.contains("only pending") || lower.contains("already been decided") => {
            Some(Refusal::AlreadyDone)
        }
        400 => Some(Refusal::Invalid(match text.is_empty() {
            true => "The request was refused.".to_owned(),
            false => text.to_owned(),
        })),
        403 => Some(Refusal::NotYours),
        404 => Some(Refusal::Gone),
        _ => None,
    }
}

/// The plain-words explanation of a refusal; `pending` is how many approval items wait.
pub fn refusal_message(kind: ActionKind, refusal: &Refusal, pending: usize) -> String {
    match refusal {
        Refusal::ApprovalsPending => format!(
            "This work item cannot be completed yet: {} still {} a decision. \
             Approve or reject them under Approval items first.",
            items(pending),
            if pending == 1 {
                "waits for"
            } else {
                "wait for"
            }
        ),
        Refusal::AlreadyDone => match kind {
            ActionKind::Decide(_) => "That approval item has already been decided, perhaps in \
                another window. This page now shows how things stand."
                .to_owned(),
            _ => "This work item was already completed, perhaps by someone else or in another \
                window. This page now shows how it stands."
                .to_owned(),
        },
        Refusal::NotYours => "This work item is no longer yours to act on: it may have been \
            forwarded to someone else. This page now shows how it stands."
            .to_owned(),
        Refusal::Gone => "This work item (or the item you acted on) no longer exists. \
            This page now shows what is left."
            .to_owned(),
        Refusal::Invalid(text) => format!("That did not work: {text}"),
    }
}

/// The toast after a successful action on the work item called `name`.
pub fn success_message(kind: ActionKind, name: &str, detail: &str) -> String {
    match kind {
        ActionKind::Complete => format!("“{name}” is complete. You will find it under Completed."),
        ActionKind::Forward => format!("“{name}” was forwarded to {detail}."),
        ActionKind::Decide(d) => format!("{} {detail} in “{name}”.", capitalised(d.past())),
        ActionKind::DecideAll(d) => format!("{} {detail} in “{name}”.", capitalised(d.past())),
        ActionKind::SubmitSelection => {
            format!("Account selection for “{name}” submitted: {detail}.")
        }
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completing_with_pending_approvals_is_explained_with_the_count() {
        let refusal = classify(
            400,
            Some(
                "The work item still has 2 pending approval item(s); approve or reject them first.",
            ),
        )
        .unwrap();
        assert_eq!(refusal, Refusal::ApprovalsPending);
        let message = refusal_message(ActionKind::Complete, &refusal, 2);
        assert!(
            message.contains("2 items still wait for a decision"),
            "{message}"
        );
    }

    #[test]
    fn an_item_someone_else_completed_is_explained_in_plain_words() {
        let refusal = classify(
            400,
            Some("The work item is Finished; only Pending work items can be changed."),
        )
        .unwrap();
        assert_eq!(refusal, Refusal::AlreadyDone);
        assert!(refusal_message(ActionKind::Complete, &refusal, 0).contains("already completed"));
    }

    #[test]
    fn forbidden_and_not_found_mean_not_yours_and_gone_and_others_are_no_refusal() {
        assert_eq!(classify(403, None), Some(Refusal::NotYours));
        assert_eq!(classify(404, Some("x")), Some(Refusal::Gone));
        assert_eq!(classify(500, Some("boom")), None);
        assert_eq!(
            classify(
                400,
                Some("The work item has no pending approval items to decide.")
            ),
            Some(Refusal::Invalid(
                "The work item has no pending approval items to decide.".into()
            ))
        );
    }

    #[test]
    fn success_messages_name_the_item_and_what_happened() {
        assert_eq!(
            success_message(ActionKind::Forward, "Create an Account", "Ginger Rogers"),
            "“Create an Account” was forwarded to Ginger Rogers."
        );
        assert_eq!(
            success_message(
                ActionKind::DecideAll(Decision::Approve),
                "Access",
                "3 items"
            ),
            "Approved 3 items in “Access”."
        );
    }
}
