//! Quick actions on a work item from a list row, for the cases that need no more than a
//! confirmation: Mark Complete, or Approve All / Reject All. Forwarding and account
//! selection need the detail page.

use super::approval::{BulkDecisionBar, ConfirmButton};
use crate::hooks::item_actions::{use_item_actions, Home};
use crate::logic::command::{Command, Target};
use crate::t;
use leptos::prelude::*;
use wire::WorkItem;

/// The element focus moves to when the row's button went away with the last row.
const LIST_HOME: &str = "tasks-panel";

/// What a row's quick actions act on: the item's target and the question Mark Complete
/// asks about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quick {
    /// The work item.
    target: Target,
    /// Its name, when it has one: Approve All / Reject All name it in their question.
    name: Option<String>,
    /// "Mark NAME complete?"
    question: String,
}

impl Quick {
    /// The quick actions of `item`: none for finished items, items with a form (they are
    /// completed by submitting the form on the detail page) or items without an id (there
    /// is nothing to send a command to).
    pub fn of(item: &WorkItem) -> Option<Quick> {
        if !item.is_pending() || item.form.is_some() {
            return None;
        }
        Some(Quick {
            target: Target::of(item)?,
            name: item.name.clone(),
            question: match item.name.as_deref() {
                Some(name) => t!("confirm-complete-named", name = name),
                None => t!("confirm-complete"),
            },
        })
    }

    /// Approval items waiting: Approve All / Reject All when some do, else Mark Complete.
    fn waiting(&self) -> usize {
        self.target.approvals_waiting
    }
}

/// A pending row's quick actions, each confirmed: "Approve All" / "Reject All" when
/// approval items wait for a decision, else "Mark Complete"; nothing without [`Quick`].
/// A table row keeps them while the item it shows changes: they change with it, except
/// while a confirmation is open or its request runs, when they stay on the item asked
/// about (and catch up after).
#[component]
pub fn RowActions(
    /// The actions of the row's item, if it has any.
    #[prop(into)]
    quick: Signal<Option<Quick>>,
    /// The id of the element holding the item's name: each button is described by it, so
    /// a list of the page's buttons tells the rows' "Mark Complete" apart.
    name_id: String,
) -> impl IntoView {
    // The actions (and their hook) exist only while the row's item has some.
    let some = Memo::new(move |_| quick.with(Option::is_some));
    move || {
        let name_id = name_id.clone();
        some.get().then(|| view! { <QuickButtons quick name_id/> })
    }
}

/// The buttons of [`RowActions`], for an item that has quick actions.
#[component]
fn QuickButtons(
    /// The actions of the row's item.
    quick: Signal<Option<Quick>>,
    /// See [`RowActions`].
    name_id: String,
) -> impl IntoView {
    let held = RwSignal::new(quick.get_untracked());
    let asking = RwSignal::new(false);
    let root = NodeRef::<leptos::html::Div>::new();
    let actions = use_item_actions(
        Signal::derive(move || held.with(|q| q.as_ref().map(|q| q.target.clone()))),
        Callback::new(|()| ()),
        Home::Row(root, LIST_HOME),
    );
    let pending = actions.pending();
    Effect::new(move |_| {
        let live = quick.get();
        if !asking.get() && !pending.get() && held.with_untracked(|h| *h != live) {
            held.set(live);
        }
    });
    // Both shapes are drawn once and the one that does not fit is hidden: the items of a
    // row change on every sort, and drawing buttons anew is the dearest part of a row.
    let decides = Memo::new(move |_| held.with(|q| q.as_ref().map_or(0, Quick::waiting) > 0));
    let waiting = Signal::derive(move || held.with(|q| q.as_ref().map_or(0, Quick::waiting)));
    let name = Signal::derive(move || held.with(|q| q.as_ref().and_then(|q| q.name.clone())));
    let question = Signal::derive(move || {
        held.with(|q| q.as_ref().map(|q| q.question.clone()).unwrap_or_default())
    });
    view! {
        <div class="mt-row__actions" node_ref=root>
            <div class="mt-row__shape" hidden=decides>
                <ConfirmButton label=t!("mark-complete") title=t!("complete-work-item")
                    message=question pending=pending asking=Some(asking)
                    described_by=Some(name_id.clone())
                    on_confirm=Callback::new(move |()| actions.run(Command::Complete)) />
            </div>
            <div class="mt-row__shape" hidden=move || !decides.get()>
                <BulkDecisionBar pending_count=waiting pending=pending asking name described_by=Some(name_id)
                    on_decide=Callback::new(move |d| actions.run(Command::DecideAll(d, waiting.get_untracked()))) />
            </div>
        </div>
    }
}
