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
    items.iter().filter(|i| is_waiting(i)).count()
}

/// Whether an approval item still waits for a decision (no state counts as pending).
pub fn is_waiting(item: &ApprovalItemDetails) -> bool {
    matches!(item.state, None | Some(WorkItemState::Pending))
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

/// The ids of the approval items that wait for a decision.
pub fn waiting_ids(items: &[ApprovalItemDetails]) -> Vec<String> {
    items
        .iter()
        .filter(|i| is_waiting(i))
        .filter_map(|i| i.id.clone())
        .collect()
}

/// After Approve All / Reject All, of the approval items that waited when it was asked
/// for (`waiting`, their ids): how many the server's answer (`after`) shows decided as
/// `decision` asked, and how many decided the other way, by someone else first (another
/// window, another person). An item the answer leaves out counts as decided.
pub fn decided_all(
    waiting: &[String],
    decision: Decision,
    after: &[ApprovalItemDetails],
) -> (usize, usize) {
    let wanted = match decision {
        Decision::Approve => WorkItemState::Finished,
        Decision::Reject => WorkItemState::Rejected,
    };
    waiting.iter().fold((0, 0), |(done, otherwise), id| {
        match after
            .iter()
            .find(|i| i.id.as_ref() == Some(id))
            .map(|i| &i.state)
        {
            None => (done + 1, otherwise),
            Some(Some(state)) if *state == wanted => (done + 1, otherwise),
            Some(None | Some(WorkItemState::Pending)) => (done, otherwise),
            Some(Some(_)) => (done, otherwise + 1),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approve_all_counts_what_it_decided_not_what_the_page_thought_waited() {
        let item = |id: &str, state| ApprovalItemDetails {
            id: Some(id.into()),
            state: Some(state),
            ..ApprovalItemDetails::default()
        };
        let waiting = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        // "a" was rejected in another window before Approve All reached the server.
        let after = [
            item("a", WorkItemState::Rejected),
            item("b", WorkItemState::Finished),
            item("c", WorkItemState::Finished),
        ];
        assert_eq!(decided_all(&waiting, Decision::Approve, &after), (2, 1));
        assert_eq!(decided_all(&waiting, Decision::Reject, &after), (1, 2));
        assert_eq!(decided_all(&waiting, Decision::Approve, &[]), (3, 0));
        assert_eq!(
            waiting_ids(&[
                item("a", WorkItemState::Pending),
                item("b", WorkItemState::Finished)
            ]),
            vec!["a".to_owned()]
        );
    }

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
