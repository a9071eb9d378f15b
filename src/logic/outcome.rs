//! How a work item stands or ended, as people read it: its state in their language, the
//! badge class that colours it, and how its approval items were decided.

use wire::{WorkItem, WorkItemState};

use super::format::list;
use crate::t;

/// A state as people read it, in their language; "—" when the server sent none.
pub fn state_label(state: Option<&WorkItemState>) -> String {
    state.map_or_else(
        || "—".to_owned(),
        |state| t!("item-state", state = state.as_str()),
    )
}

/// An approval item's state as people read it: the API calls an approved one `Finished`,
/// which this says as "Approved"; "—" when the server sent none.
pub fn approval_state_label(state: Option<&WorkItemState>) -> String {
    state.map_or_else(
        || "—".to_owned(),
        |state| t!("approval-state", state = state.as_str()),
    )
}

/// The modifier class of a state badge; never free text from the server.
pub fn state_class(state: Option<&WorkItemState>) -> &'static str {
    use WorkItemState as S;
    match state {
        Some(S::Pending) => "mt-state mt-state--pending",
        Some(S::Finished) => "mt-state mt-state--finished",
        Some(S::Rejected) => "mt-state mt-state--rejected",
        Some(S::Returned | S::Expired | S::Canceled | S::Other(_)) | None => "mt-state",
    }
}

/// How an item's approval items were decided.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub approved: usize,
    pub rejected: usize,
    /// Neither: still pending, or in a state the app does not know.
    pub undecided: usize,
}

impl Tally {
    /// The tally of `item`'s approval items, when it has more than one: with one, the
    /// item's own state says how it was decided.
    pub fn of(item: &WorkItem) -> Option<Tally> {
        let items = item.approval_items();
        if items.len() < 2 {
            return None;
        }
        let mut tally = Tally::default();
        for approval in items {
            match approval.state {
                Some(WorkItemState::Finished) => tally.approved += 1,
                Some(WorkItemState::Rejected) => tally.rejected += 1,
                _ => tally.undecided += 1,
            }
        }
        Some(tally)
    }

    /// "2 approved, 1 rejected": the parts that are not zero, as a list in the
    /// person's language.
    pub fn words(&self) -> String {
        let mut parts = Vec::new();
        if self.approved > 0 {
            parts.push(t!("tally-approved", count = self.approved));
        }
        if self.rejected > 0 {
            parts.push(t!("tally-rejected", count = self.rejected));
        }
        if self.undecided > 0 {
            parts.push(t!("tally-undecided", count = self.undecided));
        }
        list(&parts)
    }
}

/// What the Completed tab says of how an item ended.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// Its state ("Finished"; "—" without one).
    pub state: String,
    /// The state badge's class.
    pub class: &'static str,
    /// For several approval items, how they were decided; else empty.
    pub tally: String,
}

impl Outcome {
    pub fn of(item: &WorkItem) -> Outcome {
        Outcome {
            state: state_label(item.state.as_ref()),
            class: state_class(item.state.as_ref()),
            tally: Tally::of(item).map(|t| t.words()).unwrap_or_default(),
        }
    }

    /// The whole of it on one line: "Finished · 1 approved, 1 rejected", or the state.
    pub fn title(&self) -> String {
        if self.tally.is_empty() {
            self.state.clone()
        } else {
            format!("{} · {}", self.state, self.tally)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wire::ApprovalItemDetails;

    fn with_approvals(states: &[Option<WorkItemState>]) -> WorkItem {
        WorkItem {
            state: Some(WorkItemState::Finished),
            approval_items: Some(
                states
                    .iter()
                    .map(|state| ApprovalItemDetails {
                        state: state.clone(),
                        ..ApprovalItemDetails::default()
                    })
                    .collect(),
            ),
            ..WorkItem::default()
        }
    }

    #[test]
    fn several_approval_items_are_told_by_how_they_were_decided() {
        crate::i18n::install_for_test(&crate::i18n::negotiate(Some("en"), &[], None));
        let item = with_approvals(&[
            Some(WorkItemState::Finished),
            Some(WorkItemState::Rejected),
            Some(WorkItemState::Finished),
            None,
        ]);
        let tally = Tally::of(&item).unwrap();
        assert_eq!(
            tally,
            Tally {
                approved: 2,
                rejected: 1,
                undecided: 1
            }
        );
        let outcome = Outcome::of(&item);
        assert_eq!(outcome.state, "Finished");
        assert_eq!(outcome.class, "mt-state mt-state--finished");
        assert_eq!(
            outcome.tally.replace(['\u{2068}', '\u{2069}'], ""),
            "2 approved, 1 rejected, 1 undecided"
        );
        assert_eq!(
            outcome.title().replace(['\u{2068}', '\u{2069}'], ""),
            "Finished · 2 approved, 1 rejected, 1 undecided"
        );
    }

    #[test]
    fn one_approval_item_is_told_by_the_items_state_alone() {
        crate::i18n::install_for_test(&crate::i18n::negotiate(Some("en"), &[], None));
        let item = with_approvals(&[Some(WorkItemState::Rejected)]);
        assert_eq!(Tally::of(&item), None);
        let item = WorkItem {
            state: Some(WorkItemState::Expired),
            ..WorkItem::default()
        };
        let expired = Outcome::of(&item);
        assert_eq!(
            expired,
            Outcome {
                state: "Expired".into(),
                class: "mt-state",
                tally: String::new()
            }
        );
        assert_eq!(expired.title(), "Expired");
        assert_eq!(Outcome::of(&WorkItem::default()).state, "—");
    }

    #[test]
    fn only_the_parts_that_are_not_zero_are_told() {
        crate::i18n::install_for_test(&crate::i18n::negotiate(Some("de"), &[], None));
        let item = with_approvals(&[
            Some(WorkItemState::Finished),
            Some(WorkItemState::Finished),
            Some(WorkItemState::Finished),
        ]);
        assert_eq!(
            Tally::of(&item)
                .unwrap()
                .words()
                .replace(['\u{2068}', '\u{2069}'], ""),
            "3 genehmigt"
        );
    }
}
