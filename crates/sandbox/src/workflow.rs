//! The work-item state machine: which actions a work item accepts in which state and what
//! each one changes. Pure functions over the wire model, no HTTP and no SQL, so the rules
//! are tested on their own.
//!
//! The rules:
//! - Only a `Pending` work item can be completed, forwarded, decided or have its account
//!   selection submitted.
//! - Mark Complete is refused while an approval item is still `Pending`, or while the form
//!   has a required field without a value.
//! - Approving (rejecting) one approval item sets it to `Finished` (`Rejected`); it must
//!   exist (an unknown one is a 404 whatever the work item's state) and still be
//!   `Pending`. Deciding the last pending one finishes the work item.
//! - Bulk approve (reject) decides every pending approval item and finishes the work item;
//!   it needs at least one pending approval item.
//! - A work item whose approval items were all rejected ends `Rejected`; any other ends
//!   `Finished`.
//! - Forward needs a target that is not the current owner and a non-empty comment; the
//!   item moves to the target and stays `Pending`.
//! - Account selection needs a form, accepts only the form's field names and allowed
//!   values, requires the required fields, stores the values in the form and finishes
//!   the work item.
//! - Every change sets `modified`; finishing also sets `completed`.
//! - Every change is appended to the item's history (the sandbox's `sandboxHistory`
//!   extension) with who did it, when, and the comment given to complete or forward. The
//!   history keeps the latest [`MAX_HISTORY`] entries; how many older ones were dropped is
//!   kept beside it (`WorkItem::history_omitted`, `sandboxHistoryOmitted`).

use crate::input::echo;
use chrono::{DateTime, Utc};
use serde_json::Value;
use wire::{
    AccountSelection, ApprovalItemDetails, FormItem, WorkItem, WorkItemAction, WorkItemEvent,
    WorkItemState,
};

/// Something a person does to a work item.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Mark Complete.
    Complete {
        /// The optional comment, kept in the item's history.
        comment: Option<String>,
    },
    /// Hand the item to someone else.
    Forward {
        /// The new owner's id.
        target_id: String,
        /// The new owner's display name.
        target_name: String,
        /// Why; must not be blank.
        comment: String,
    },
    /// Approve one approval item.
    Approve(String),
    /// Reject one approval item.
    Reject(String),
    /// Approve every pending approval item.
    BulkApprove,
    /// Reject every pending approval item.
    BulkReject,
    /// Submit the account-selection form.
    SubmitSelection(AccountSelection),
}

/// Why an action was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleError {
    /// The work item is no longer pending.
    NotPending(String),
    /// Mark Complete while approval items still wait for a decision.
    ApprovalsPending(usize),
    /// Mark Complete while the form has unanswered required fields.
    FormIncomplete(String),
    /// No approval item with this id in the work item (a 404).
    ApprovalItemNotFound(String),
    /// The approval item was already decided.
    ApprovalItemDecided(String),
    /// A bulk decision on an item with nothing left to decide.
    NothingToDecide,
    /// Forward to the person who already owns it.
    ForwardToOwner,
    /// Forward without a comment.
    EmptyComment,
    /// Account selection on an item without a form.
    NoForm,
    /// A submitted key that is no field of the form.
    UnknownField(String),
    /// A submitted value that is not a string.
    NotAString(String),
    /// A submitted value the field does not allow.
    ValueNotAllowed {
        /// The field.
        field: String,
        /// The refused value.
        value: String,
    },
    /// A required field without a value.
    MissingField(String),
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuleError::NotPending(state) => write!(
                f,
                "The work item is {state}; only Pending work items can be changed."
            ),
            RuleError::ApprovalsPending(n) => write!(
                f,
                "The work item still has {n} pending approval item(s); approve or reject them first."
            ),
            RuleError::FormIncomplete(field) => write!(
                f,
                "The form field '{}' is required; submit the account selection instead.",
                echo(field)
            ),
            RuleError::ApprovalItemNotFound(id) => {
                write!(f, "The work item has no approval item with id '{}'.", echo(id))
            }
            RuleError::ApprovalItemDecided(id) => {
                write!(f, "The approval item '{}' has already been decided.", echo(id))
            }
            RuleError::NothingToDecide => {
                write!(f, "The work item has no pending approval items to decide.")
            }
            RuleError::ForwardToOwner => write!(
                f,
                "The work item already belongs to that identity; choose someone else."
            ),
            RuleError::EmptyComment => write!(f, "A comment is required to forward a work item."),
            RuleError::NoForm => write!(f, "The work item has no account-selection form."),
            RuleError::UnknownField(name) => write!(f, "The form has no field named '{}'.", echo(name)),
            RuleError::NotAString(name) => {
                write!(f, "The value of field '{}' must be a string.", echo(name))
            }
            RuleError::ValueNotAllowed { field, value } => {
                write!(
                    f,
                    "'{}' is not an allowed value of field '{}'.",
                    echo(value),
                    echo(field)
                )
            }
            RuleError::MissingField(name) => write!(f, "The form field '{}' is required.", echo(name)),
        }
    }
}

/// The work item after `action`, or why the action is refused. `owner_id` of the result
/// is the new owner (it changes only on forward).
///
/// A decision on an approval item the work item does not have is refused as such (a 404)
/// whatever the work item's state: the approval item does not exist, decided item or not.
pub fn apply(item: &WorkItem, action: &Action, now: DateTime<Utc>) -> Result<WorkItem, RuleError> {
    if let Action::Approve(id) | Action::Reject(id) = action {
        let known = item
            .approval_items()
            .iter()
            .any(|a| a.id.as_deref() == Some(id.as_str()));
        if !known {
            return Err(RuleError::ApprovalItemNotFound(id.clone()));
        }
    }
    if !item.is_pending() {
        let state = item
            .state
            .as_ref()
            .map_or_else(|| "in no state".to_owned(), |s| s.to_string());
        return Err(RuleError::NotPending(state));
    }
    let mut next = item.clone();
    next.modified = Some(now);
    match action {
        Action::Complete { .. } => {
            let pending = pending_approvals(item);
            if pending > 0 {
                return Err(RuleError::ApprovalsPending(pending));
            }
            if let Some(form) = &item.form {
                if let Some(field) = form
                    .fields()
                    .into_iter()
                    .find(|f| f.required && is_blank(f.value.as_ref()))
                {
                    return Err(RuleError::FormIncomplete(field.name));
                }
            }
            finish(&mut next, now);
        }
        Action::Forward {
            target_id,
            target_name,
            comment,
        } => {
            if item.owner_id.as_deref() == Some(target_id.as_str()) {
                return Err(RuleError::ForwardToOwner);
            }
            if comment.trim().is_empty() {
                return Err(RuleError::EmptyComment);
            }
            next.owner_id = Some(target_id.clone());
            next.owner_name = Some(target_name.clone());
        }
        Action::Approve(id) | Action::Reject(id) => {
            let decision = decision_of(action);
            let approval = next
                .approval_items
                .iter_mut()
                .flatten()
                .find(|a| a.id.as_deref() == Some(id.as_str()))
                .ok_or_else(|| RuleError::ApprovalItemNotFound(id.clone()))?;
            if !is_undecided(approval) {
                return Err(RuleError::ApprovalItemDecided(id.clone()));
            }
            approval.state = Some(decision);
            if pending_approvals(&next) == 0 {
                finish(&mut next, now);
            }
        }
        Action::BulkApprove | Action::BulkReject => {
            if pending_approvals(item) == 0 {
                return Err(RuleError::NothingToDecide);
            }
            let decision = decision_of(action);
            for approval in next.approval_items.iter_mut().flatten() {
                if is_undecided(approval) {
                    approval.state = Some(decision.clone());
                }
            }
            finish(&mut next, now);
        }
        Action::SubmitSelection(selection) => {
            submit_selection(&mut next, selection)?;
            finish(&mut next, now);
        }
    }
    Ok(next)
}

/// Who acts on a work item, as its history records them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The identity's id.
    pub id: String,
    /// The identity's display name.
    pub name: String,
}

/// Most entries a work item's history keeps: the latest ones.
///
/// Two people can forward an item back and forth for ever, and every change stores the
/// whole item again, so an unbounded history grew without end (400 forwards with
/// 2,000-character comments made a 1.7 MB item, rewritten whole by each of them, and sent
/// whole in every list page that holds it). A real item changes a handful of times (a
/// forward or two, one decision per approval item, of which the seed has at most three,
/// and the completion), so 50 keeps every real history whole, while an item's history is
/// now at most 50 entries of at most about 8 KB (a 2,000-character comment), and a write
/// costs the same however long the item has been passed around.
pub const MAX_HISTORY: usize = 50;

/// [`apply`], then appends what happened to the item's history, dropping its oldest
/// entries past [`MAX_HISTORY`] and counting them.
pub fn apply_by(
    item: &WorkItem,
    action: &Action,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<WorkItem, RuleError> {
    let mut next = apply(item, action, now)?;
    let history = next.history.get_or_insert_with(Vec::new);
    history.push(event(action, actor, now));
    // More than one only for an item stored before the bound.
    let excess = history.len().saturating_sub(MAX_HISTORY);
    history.drain(..excess);
    next.history_omitted = item.history_omitted + excess as u64;
    Ok(next)
}

/// The history entry of `action` done by `actor` at `now`.
fn event(action: &Action, actor: &Actor, now: DateTime<Utc>) -> WorkItemEvent {
    let mut event = WorkItemEvent {
        at: Some(now),
        actor_id: Some(actor.id.clone()),
        actor_name: Some(actor.name.clone()),
        ..WorkItemEvent::default()
    };
    event.action = Some(match action {
        Action::Complete { comment } => {
            event.comment = comment.clone();
            WorkItemAction::Completed
        }
        Action::Forward {
            target_id,
            target_name,
            comment,
        } => {
            event.comment = Some(comment.clone());
            event.target_owner_id = Some(target_id.clone());
            event.target_owner_name = Some(target_name.clone());
            WorkItemAction::Forwarded
        }
        Action::Approve(id) => {
            event.approval_item_id = Some(id.clone());
            WorkItemAction::Approved
        }
        Action::Reject(id) => {
            event.approval_item_id = Some(id.clone());
            WorkItemAction::Rejected
        }
        Action::BulkApprove => WorkItemAction::ApprovedAll,
        Action::BulkReject => WorkItemAction::RejectedAll,
        Action::SubmitSelection(_) => WorkItemAction::AccountSelectionSubmitted,
    });
    event
}

fn decision_of(action: &Action) -> WorkItemState {
    match action {
        Action::Reject(_) | Action::BulkReject => WorkItemState::Rejected,
        _ => WorkItemState::Finished,
    }
}

/// An approval item still waiting for a decision (`null` state counts as waiting).
fn is_undecided(approval: &ApprovalItemDetails) -> bool {
    approval
        .state
        .as_ref()
        .is_none_or(WorkItemState::is_pending)
}

fn pending_approvals(item: &WorkItem) -> usize {
    item.approval_items()
        .iter()
        .filter(|a| is_undecided(a))
        .count()
}

/// Ends a work item: `Rejected` when it has approval items and every one was rejected (as
/// the demo data's rejected items are), else `Finished`.
fn finish(item: &mut WorkItem, now: DateTime<Utc>) {
    let approvals = item.approval_items();
    let rejected = |a: &ApprovalItemDetails| a.state == Some(WorkItemState::Rejected);
    item.state = Some(
        match !approvals.is_empty() && approvals.iter().all(rejected) {
            true => WorkItemState::Rejected,
            false => WorkItemState::Finished,
        },
    );
    item.completed = Some(now);
}

fn is_blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(_) => false,
    }
}

fn submit_selection(item: &mut WorkItem, selection: &AccountSelection) -> Result<(), RuleError> {
    let form = item.form.as_mut().ok_or(RuleError::NoForm)?;
    let fields = form.fields();
    if fields.is_empty() {
        return Err(RuleError::NoForm);
    }
    for (name, value) in selection {
        let field = fields
            .iter()
            .find(|f| &f.name == name)
            .ok_or_else(|| RuleError::UnknownField(name.clone()))?;
        match value {
            Value::Null => {}
            Value::String(text) => {
                if !text.is_empty() && !field.allows(text) {
                    return Err(RuleError::ValueNotAllowed {
                        field: name.clone(),
                        value: text.clone(),
                    });
                }
            }
            _ => return Err(RuleError::NotAString(name.clone())),
        }
    }
    if let Some(missing) = fields
        .iter()
        .find(|f| f.required && is_blank(selection.get(&f.name)))
    {
        return Err(RuleError::MissingField(missing.name.clone()));
    }
    for section in form.sections.iter_mut().flatten() {
        for item in section.form_items.iter_mut().flatten() {
            store_values(item, selection);
        }
    }
    Ok(())
}

/// Writes submitted values into the field objects of a (possibly nested) form item.
fn store_values(item: &mut Value, selection: &AccountSelection) {
    match FormItem::from_value(item) {
        FormItem::Field(field) => {
            if let (Some(value), Some(object)) = (selection.get(&field.name), item.as_object_mut())
            {
                object.insert("value".into(), value.clone());
            }
        }
        FormItem::Section(_) => {
            if let Some(Value::Array(children)) = item.get_mut("formItems") {
                for child in children {
                    store_values(child, selection);
                }
            }
        }
        FormItem::Unknown(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use wire::{FormDetails, WorkItemType};

    fn now() -> DateTime<Utc> {
        "2025-03-01T12:00:00Z".parse().unwrap()
    }

    fn approval(id: &str, state: WorkItemState) -> ApprovalItemDetails {
        ApprovalItemDetails {
            id: Some(id.into()),
            state: Some(state),
            ..ApprovalItemDetails::default()
        }
    }

    fn pending_item() -> WorkItem {
        WorkItem {
            id: Some("w1".into()),
            owner_id: Some("alice".into()),
            state: Some(WorkItemState::Pending),
            work_item_type: Some(WorkItemType::Generic),
            ..WorkItem::default()
        }
    }

    fn with_approvals() -> WorkItem {
        WorkItem {
            approval_items: Some(vec![
                approval("a1", WorkItemState::Pending),
                approval("a2", WorkItemState::Pending),
            ]),
            work_item_type: Some(WorkItemType::Approval),
            ..pending_item()
        }
    }

    fn with_form() -> WorkItem {
        let form: FormDetails = serde_json::from_value(json!({
            "id": "f", "name": "AccountSelection Form", "title": null, "subtitle": null,
            "sections": [{"name": "s", "label": "Accounts", "formItems": [
                {"name": "account", "type": "select", "required": true,
                 "allowedValues": ["fred", "fred.admin"]},
                {"name": "box", "label": null, "formItems": [
                    {"name": "note", "type": "textarea", "required": false}]}
            ]}]
        }))
        .unwrap();
        WorkItem {
            form: Some(form),
            work_item_type: Some(WorkItemType::Form),
            ..pending_item()
        }
    }

    fn selection(value: Value) -> AccountSelection {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn completing_a_pending_item_finishes_it_and_stamps_both_times() {
        let done = apply(&pending_item(), &Action::Complete { comment: None }, now()).unwrap();
        assert_eq!(done.state, Some(WorkItemState::Finished));
        assert_eq!(done.completed, Some(now()));
        assert_eq!(done.modified, Some(now()));
    }

    #[test]
    fn an_item_whose_approval_items_were_all_rejected_ends_rejected_and_any_other_finished() {
        let rejected = apply(&with_approvals(), &Action::BulkReject, now()).unwrap();
        assert_eq!(rejected.state, Some(WorkItemState::Rejected));
        assert_eq!(rejected.completed, Some(now()));
        let approved = apply(&with_approvals(), &Action::BulkApprove, now()).unwrap();
        assert_eq!(approved.state, Some(WorkItemState::Finished));
        // One by one: the last decision decides how the item ends.
        let ids: Vec<String> = with_approvals()
            .approval_items()
            .iter()
            .filter_map(|a| a.id.clone())
            .collect();
        let mut all_rejected = with_approvals();
        let mut mixed = with_approvals();
        for (i, id) in ids.iter().enumerate() {
            all_rejected = apply(&all_rejected, &Action::Reject(id.clone()), now()).unwrap();
            let decision = match i {
                0 => Action::Approve(id.clone()),
                _ => Action::Reject(id.clone()),
            };
            mixed = apply(&mixed, &decision, now()).unwrap();
        }
        assert!(ids.len() >= 2, "the fixture decides more than one item");
        assert_eq!(all_rejected.state, Some(WorkItemState::Rejected));
        assert_eq!(mixed.state, Some(WorkItemState::Finished));
    }

    #[test]
    fn nothing_can_be_done_to_an_item_that_is_not_pending() {
        for state in [
            WorkItemState::Finished,
            WorkItemState::Rejected,
            WorkItemState::Canceled,
        ] {
            let item = WorkItem {
                state: Some(state.clone()),
                ..with_approvals()
            };
            for action in [
                Action::Complete { comment: None },
                Action::BulkApprove,
                Action::Approve("a1".into()),
            ] {
                assert_eq!(
                    apply(&item, &action, now()),
                    Err(RuleError::NotPending(state.to_string()))
                );
            }
        }
    }

    /// Regression: an unknown approval item of a decided work item was a 400 "The work
    /// item is Finished…" instead of the 404 it is while the item is pending.
    #[test]
    fn an_unknown_approval_item_is_not_found_whatever_the_work_items_state() {
        for state in [
            WorkItemState::Pending,
            WorkItemState::Finished,
            WorkItemState::Rejected,
        ] {
            let item = WorkItem {
                state: Some(state.clone()),
                ..with_approvals()
            };
            for action in [Action::Approve("zz".into()), Action::Reject("zz".into())] {
                assert_eq!(
                    apply(&item, &action, now()),
                    Err(RuleError::ApprovalItemNotFound("zz".into())),
                    "{state}"
                );
            }
        }
    }

    #[test]
    fn mark_complete_is_refused_while_an_approval_item_is_pending() {
        assert_eq!(
            apply(
                &with_approvals(),
                &Action::Complete { comment: None },
                now()
            ),
            Err(RuleError::ApprovalsPending(2))
        );
    }

    #[test]
    fn mark_complete_is_refused_while_a_required_form_field_is_empty() {
        assert_eq!(
            apply(&with_form(), &Action::Complete { comment: None }, now()),
            Err(RuleError::FormIncomplete("account".into()))
        );
    }

    #[test]
    fn approving_one_of_two_items_keeps_the_work_item_pending() {
        let next = apply(&with_approvals(), &Action::Approve("a1".into()), now()).unwrap();
        assert!(next.is_pending());
        assert_eq!(
            next.approval_items()[0].state,
            Some(WorkItemState::Finished)
        );
        assert_eq!(next.approval_items()[1].state, Some(WorkItemState::Pending));
        assert_eq!(next.completed, None);
    }

    #[test]
    fn deciding_the_last_pending_approval_item_finishes_the_work_item() {
        let once = apply(&with_approvals(), &Action::Approve("a1".into()), now()).unwrap();
        let twice = apply(&once, &Action::Reject("a2".into()), now()).unwrap();
        assert_eq!(twice.state, Some(WorkItemState::Finished));
        assert_eq!(
            twice.approval_items()[1].state,
            Some(WorkItemState::Rejected)
        );
        assert_eq!(twice.completed, Some(now()));
    }

    #[test]
    fn an_approval_item_cannot_be_decided_twice_or_if_it_does_not_exist() {
        let once = apply(&with_approvals(), &Action::Approve("a1".into()), now()).unwrap();
        assert_eq!(
            apply(&once, &Action::Reject("a1".into()), now()),
            Err(RuleError::ApprovalItemDecided("a1".into()))
        );
        assert_eq!(
            apply(&once, &Action::Approve("zz".into()), now()),
            Err(RuleError::ApprovalItemNotFound("zz".into()))
        );
    }

    #[test]
    fn bulk_reject_rejects_every_pending_item_and_finishes_the_work_item() {
        let once = apply(&with_approvals(), &Action::Approve("a1".into()), now()).unwrap();
        let done = apply(&once, &Action::BulkReject, now()).unwrap();
        let states: Vec<_> = done
            .approval_items()
            .iter()
            .map(|a| a.state.clone())
            .collect();
        assert_eq!(
            states,
            [Some(WorkItemState::Finished), Some(WorkItemState::Rejected)]
        );
        assert_eq!(done.state, Some(WorkItemState::Finished));
    }

    #[test]
    fn a_bulk_decision_needs_something_to_decide() {
        assert_eq!(
            apply(&pending_item(), &Action::BulkApprove, now()),
            Err(RuleError::NothingToDecide)
        );
    }

    fn forward(target: &str, comment: &str) -> Action {
        Action::Forward {
            target_id: target.into(),
            target_name: "Bob".into(),
            comment: comment.into(),
        }
    }

    #[test]
    fn forwarding_moves_the_item_to_the_target_and_keeps_it_pending() {
        let next = apply(&pending_item(), &forward("bob", "please"), now()).unwrap();
        assert_eq!(next.owner_id.as_deref(), Some("bob"));
        assert_eq!(next.owner_name.as_deref(), Some("Bob"));
        assert!(next.is_pending());
        assert_eq!(next.modified, Some(now()));
    }

    #[test]
    fn forward_then_complete_are_kept_in_the_history_with_their_comments() {
        let ann = Actor {
            id: "alice".into(),
            name: "Alice".into(),
        };
        let bob = Actor {
            id: "bob".into(),
            name: "Bob".into(),
        };
        let later = now() + chrono::Duration::minutes(5);
        let moved = apply_by(&pending_item(), &forward("bob", "yours"), &ann, now()).unwrap();
        let complete = Action::Complete {
            comment: Some("done".into()),
        };
        let done = apply_by(&moved, &complete, &bob, later).unwrap();
        assert_eq!(done.history_omitted, 0);
        let history = done.history.unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(history[0].action, Some(WorkItemAction::Forwarded));
        assert_eq!(history[0].actor_name.as_deref(), Some("Alice"));
        assert_eq!(history[0].comment.as_deref(), Some("yours"));
        assert_eq!(history[0].target_owner_name.as_deref(), Some("Bob"));
        assert_eq!(history[1].action, Some(WorkItemAction::Completed));
        assert_eq!(history[1].actor_id.as_deref(), Some("bob"));
        assert_eq!(history[1].comment.as_deref(), Some("done"));
        assert_eq!(history[1].at, Some(later));
    }

    #[test]
    fn a_refused_action_leaves_no_history() {
        let ann = Actor {
            id: "alice".into(),
            name: "Alice".into(),
        };
        assert!(apply_by(&pending_item(), &forward("alice", "x"), &ann, now()).is_err());
    }

    /// Regression: two people forwarding an item back and forth grew its history (and the
    /// stored item, rewritten whole by every change) without end.
    #[test]
    fn the_history_keeps_the_latest_entries_and_counts_the_dropped_ones() {
        let actor = |id: &str| Actor {
            id: id.into(),
            name: id.into(),
        };
        let mut record = pending_item();
        let passes = MAX_HISTORY + 7;
        for pass in 0..passes {
            let (from, to) = if pass % 2 == 0 {
                ("alice", "bob")
            } else {
                ("bob", "alice")
            };
            let comment = format!("pass {pass}");
            record = apply_by(&record, &forward(to, &comment), &actor(from), now()).unwrap();
        }
        let history = record.history.as_deref().unwrap();
        assert_eq!(history.len(), MAX_HISTORY);
        assert_eq!(record.history_omitted, 7);
        assert_eq!(history[0].comment.as_deref(), Some("pass 7"));
        let last = format!("pass {}", passes - 1);
        assert_eq!(
            history[MAX_HISTORY - 1].comment.as_deref(),
            Some(last.as_str())
        );
    }

    #[test]
    fn a_history_stored_longer_than_the_bound_is_cut_to_it_at_the_next_change() {
        let long = vec![WorkItemEvent::default(); MAX_HISTORY + 20];
        let record = WorkItem {
            history: Some(long),
            history_omitted: 3,
            ..pending_item()
        };
        let ann = Actor {
            id: "alice".into(),
            name: "Alice".into(),
        };
        let next = apply_by(&record, &forward("bob", "x"), &ann, now()).unwrap();
        assert_eq!(next.history.as_deref().unwrap().len(), MAX_HISTORY);
        assert_eq!(next.history_omitted, 3 + 21);
    }

    #[test]
    fn the_dropped_count_is_sent_beside_the_history_only_once_something_was_dropped() {
        let record = pending_item();
        let json = serde_json::to_value(&record).unwrap();
        assert!(json.get("sandboxHistoryOmitted").is_none(), "{json}");
        let dropped = WorkItem {
            history_omitted: 4,
            ..record
        };
        let text = serde_json::to_string(&dropped).unwrap();
        assert_eq!(text.matches("sandboxHistoryOmitted").count(), 1, "{text}");
        let json: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["sandboxHistoryOmitted"], 4);
        assert_eq!(json["id"], "w1");
        assert_eq!(serde_json::from_str::<WorkItem>(&text).unwrap(), dropped);
    }

    #[test]
    fn forwarding_needs_another_owner_and_a_comment() {
        assert_eq!(
            apply(&pending_item(), &forward("alice", "x"), now()),
            Err(RuleError::ForwardToOwner)
        );
        assert_eq!(
            apply(&pending_item(), &forward("bob", "  "), now()),
            Err(RuleError::EmptyComment)
        );
    }

    #[test]
    fn an_account_selection_is_stored_in_the_form_and_finishes_the_item() {
        let done = apply(
            &with_form(),
            &Action::SubmitSelection(selection(json!({"account": "fred.admin", "note": "hi"}))),
            now(),
        )
        .unwrap();
        assert_eq!(done.state, Some(WorkItemState::Finished));
        let fields = done.form.unwrap().fields();
        assert_eq!(fields[0].value, Some(json!("fred.admin")));
        assert_eq!(fields[1].value, Some(json!("hi")));
    }

    #[test]
    fn an_account_selection_is_checked_against_the_form() {
        let cases = [
            (
                json!({"account": "x"}),
                RuleError::ValueNotAllowed {
                    field: "account".into(),
                    value: "x".into(),
                },
            ),
            (
                json!({"nope": "fred"}),
                RuleError::UnknownField("nope".into()),
            ),
            (
                json!({"note": "only"}),
                RuleError::MissingField("account".into()),
            ),
            (
                json!({"account": 3}),
                RuleError::NotAString("account".into()),
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(
                apply(
                    &with_form(),
                    &Action::SubmitSelection(selection(body)),
                    now()
                ),
                Err(expected)
            );
        }
        assert_eq!(
            apply(
                &pending_item(),
                &Action::SubmitSelection(selection(json!({}))),
                now()
            ),
            Err(RuleError::NoForm)
        );
    }
}
