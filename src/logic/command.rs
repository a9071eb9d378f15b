//! What a person asks to do to a work item, as data: the [`Command`], its [`ActionKind`]
//! (what the words are about) and the [`Target`] it acts on, as the page last saw it.

use super::forward::ForwardChoice;
use super::messages::{pending_count, waiting_ids, Decision};
use wire::{AccountSelection, WorkItem};

use crate::t;

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

/// The action a message is about: a [`Command`] without its data.
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

impl Command {
    /// What kind of action this is.
    pub fn kind(&self) -> ActionKind {
        match self {
            Command::Complete => ActionKind::Complete,
            Command::Decide { decision, .. } => ActionKind::Decide(*decision),
            Command::DecideAll(decision, _) => ActionKind::DecideAll(*decision),
            Command::Forward(_) => ActionKind::Forward,
            Command::Submit(_) => ActionKind::SubmitSelection,
        }
    }

    /// The approval item a decision on one is about, as people name it; empty for the
    /// other commands.
    pub fn label(&self) -> &str {
        match self {
            Command::Decide { label, .. } => label,
            _ => "",
        }
    }
}

/// The work item a command acts on, as the page last saw it: what a request needs (its id)
/// and what explains a refusal (what could block it). Only an item with an id is a target,
/// so a command is never sent to an empty id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The work item's id.
    pub id: String,
    /// Its name, for the toasts.
    pub name: String,
    /// How many of its approval items waited for a decision.
    pub approvals_waiting: usize,
    /// The ids of those approval items, to tell what Approve All / Reject All decided.
    pub waiting_ids: Vec<String>,
    /// Whether it had an account-selection form (completing it means submitting that).
    pub has_form: bool,
}

impl Target {
    /// The target for `item`; `None` when the server sent no id.
    pub fn of(item: &WorkItem) -> Option<Target> {
        Some(Target {
            id: item.id.clone().filter(|id| !id.is_empty())?,
            name: item.name.clone().unwrap_or_else(|| t!("the-work-item")),
            approvals_waiting: pending_count(item.approval_items()),
            waiting_ids: waiting_ids(item.approval_items()),
            has_form: item.form.is_some(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_without_an_id_is_no_target() {
        assert_eq!(Target::of(&WorkItem::default()), None);
        let blank = WorkItem {
            id: Some(String::new()),
            ..WorkItem::default()
        };
        assert_eq!(Target::of(&blank), None);
    }

    #[test]
    fn a_target_remembers_its_waiting_approvals_and_form() {
        let item = WorkItem {
            id: Some("w1".into()),
            approval_items: Some(vec![wire::ApprovalItemDetails::default()]),
            ..WorkItem::default()
        };
        let target = Target::of(&item).unwrap();
        assert_eq!(target.id, "w1");
        assert_eq!(target.name, "the work item");
        assert_eq!(target.approvals_waiting, 1);
        assert!(!target.has_form);
    }
}
