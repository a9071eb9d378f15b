//! Quick actions on a work item from a list row, for the cases that need no more than a
//! confirmation: Mark Complete, or Approve All / Reject All. Forwarding and account
//! selection need the detail page.

use super::approval::{BulkDecisionBar, ConfirmButton};
use crate::hooks::item_actions::use_item_actions;
use crate::logic::command::{Command, Target};
use crate::t;
use leptos::prelude::*;
use wire::WorkItem;

/// The element focus moves to when the row's button went away with the row.
const LIST_HOME: &str = "tasks-panel";

/// A pending row's quick actions, each confirmed: "Approve All" / "Reject All" when approval
/// items wait for a decision, else "Mark Complete". Nothing for finished items, items with
/// a form (they are completed by submitting the form on the detail page) or items without
/// an id (there is nothing to send a command to).
#[component]
pub fn RowActions(
    /// The work item of the row.
    item: WorkItem,
) -> impl IntoView {
    if !item.is_pending() || item.form.is_some() {
        return None;
    }
    let target = Target::of(&item)?;
    let waiting = target.approvals_waiting;
    let question = match item.name.as_deref() {
        Some(name) => t!("confirm-complete-named", name = name),
        None => t!("confirm-complete"),
    };
    let actions = use_item_actions(
        Signal::stored(Some(target)),
        Callback::new(|()| ()),
        LIST_HOME,
    );
    let pending = actions.pending();
    Some(view! {
        <div class="mt-row__actions">
            {match waiting {
                0 => view! {
                    <ConfirmButton label=t!("mark-complete") title=t!("complete-work-item")

                        message=Signal::derive(move || question.clone()) pending=pending
                        on_confirm=Callback::new(move |()| actions.run(Command::Complete)) />
                }.into_any(),
                n => view! {
                    <BulkDecisionBar pending_count=Signal::derive(move || n) pending=pending
                        on_decide=Callback::new(move |d| actions.run(Command::DecideAll(d, n))) />
                }.into_any(),
            }}
        </div>
    })
}
