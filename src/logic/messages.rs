//! The words the actions use: decisions, confirmation questions and counts.

use crate::t;
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
    /// The name of the decision in messages: `approve` / `reject`.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Reject => "reject",
        }
    }

    /// The button that decides one item: "Approve" / "Reject".
    pub fn label(self) -> String {
        t!("decide", decision = self.as_str())
    }

    /// The button that decides every pending item: "Approve All" / "Reject All".
    pub fn bulk_label(self) -> String {
        t!("decide-all", decision = self.as_str())
    }

    /// The confirmation dialog's title for deciding `count` items.
    pub fn title(self, count: usize) -> String {
        t!("decide-title", decision = self.as_str(), count = count)
    }
}

/// How many approval items still wait for a decision (no state counts as pending).
pub fn pending_count(items: &[ApprovalItemDetails]) -> usize {
    items
        .iter()
        .filter(|i| matches!(i.state, None | Some(WorkItemState::Pending)))
        .count()
}

/// The question a bulk decision asks, naming how many items it decides, and of which
/// work item when it is not the page's own (`name`: a list row's item).
pub fn bulk_confirm_message(decision: Decision, count: usize, name: Option<&str>) -> String {
    match name {
        Some(name) => t!(
            "confirm-decide-all-named",
            decision = decision.as_str(),
            count = count,
            name = name
        ),
        None => t!(
            "confirm-decide-all",
            decision = decision.as_str(),
            count = count
        ),
    }
}

/// The question a decision on one approval item asks.
pub fn single_confirm_message(decision: Decision, label: &str) -> String {
    t!(
        "confirm-decide",
        decision = decision.as_str(),
        label = label
    )
}

/// "1 item" / "3 items".
pub fn items(count: usize) -> String {
    t!("items", count = count)
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
            bulk_confirm_message(Decision::Approve, 3, None),
            "Approve all 3 pending approval items of this work item?"
        );
        assert_eq!(
            bulk_confirm_message(Decision::Reject, 1, None),
            "Reject the 1 pending approval item of this work item?"
        );
        assert_eq!(
            bulk_confirm_message(Decision::Reject, 1, Some("Access for Ada")),
            "Reject the 1 pending approval item of “Access for Ada”?"
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
