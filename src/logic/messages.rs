//! The words the actions use: decisions, confirmation questions and counts.

use wire::{ApprovalItemDetails, WorkItemState};

/// A decision on approval items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Approve: the access is granted.
    Approve,
    /// Reject: the access is refused.
    Reject,
}

impl Decision {
    /// The button that decides one item: "Approve" / "Reject".
    pub fn label(self) -> &'static str {
        match self {
            Decision::Approve => "Approve",
            Decision::Reject => "Reject",
        }
    }

    /// The button that decides every pending item: "Approve All" / "Reject All".
    pub fn bulk_label(self) -> &'static str {
        match self {
            Decision::Approve => "Approve All",
            Decision::Reject => "Reject All",
        }
    }

    /// The past tense, for toasts: "approved" / "rejected".
    pub fn past(self) -> &'static str {
        match self {
            Decision::Approve => "approved",
            Decision::Reject => "rejected",
        }
    }
}

/// How many approval items still wait for a decision (no state counts as pending).
pub fn pending_count(items: &[ApprovalItemDetails]) -> usize {
    items
        .iter()
        .filter(|i| matches!(i.state, None | Some(WorkItemState::Pending)))
        .count()
}

/// The question a bulk decision asks, naming how many items it decides.
pub fn bulk_confirm_message(decision: Decision, count: usize) -> String {
    let verb = decision.label();
    match count {
        1 => format!("{verb} the 1 pending approval item of this work item?"),
        n => format!("{verb} all {n} pending approval items of this work item?"),
    }
}

/// The question a decision on one approval item asks.
pub fn single_confirm_message(decision: Decision, label: &str) -> String {
    format!(
        "{} “{label}”? This decides 1 approval item.",
        decision.label()
    )
}

/// "1 item" / "3 items".
pub fn items(count: usize) -> String {
    match count {
        1 => "1 item".to_owned(),
        n => format!("{n} items"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(state: Option<WorkItemState>) -> ApprovalItemDetails {
        ApprovalItemDetails {
            state,
            ..ApprovalItemDetails::default()
        }
    }

    #[test]
    fn items_without_a_state_count_as_pending_and_decided_ones_do_not() {
        let items = [
            item(None),
            item(Some(WorkItemState::Pending)),
            item(Some(WorkItemState::Finished)),
            item(Some(WorkItemState::Rejected)),
        ];
        assert_eq!(pending_count(&items), 2);
    }

    #[test]
    fn the_bulk_question_names_the_count_and_the_decision() {
        assert_eq!(
            bulk_confirm_message(Decision::Approve, 3),
            "Approve all 3 pending approval items of this work item?"
        );
        assert_eq!(
            bulk_confirm_message(Decision::Reject, 1),
            "Reject the 1 pending approval item of this work item?"
        );
    }

    #[test]
    fn button_names_are_the_words_users_know() {
        assert_eq!(Decision::Approve.bulk_label(), "Approve All");
        assert_eq!(Decision::Reject.label(), "Reject");
        assert_eq!(items(1), "1 item");
        assert_eq!(
            single_confirm_message(Decision::Reject, "admins on GitHub"),
            "Reject “admins on GitHub”? This decides 1 approval item."
        );
    }
}
