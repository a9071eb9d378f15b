//! `use_item_actions`: the actions of one work item wired to the API. One local `Action`
//! runs every command, so a work item has one request in flight at a time (every button is
//! disabled meanwhile and a double click sends one request). After each request: a toast
//! says what happened, [`Changes`] is bumped so the detail, counts and widget load again,
//! the loaded queues change just that item ([`Queues`]), and focus lands on its [`Home`]
//! when it was lost. While a command is in flight its item is marked
//! [`Acting`], so that no other page (a list row, the item opened again) sends another.

use super::dispatch::send;
use super::queue::Queues;
use super::toasts::{use_toasts, ToastKind};
use crate::api::Client;
use crate::focus::{focus_row_when_lost, focus_when_lost};
use crate::logic::command::{ActionKind, Command, Target};
use crate::logic::refusal::{classify, Problem};
use crate::logic::wording::{failure_message, problem_message, success_detail, success_message};
use crate::state::{Acting, Changes};
use leptos::prelude::*;

/// The id of the first approval item still to decide on a detail page: after a decision,
/// focus goes there, so the person carries on with the next one.
pub const NEXT_APPROVAL: &str = "next-approval";

/// The id of the account-selection form's Submit button: after a refused or failed
/// submission that kept what was entered, focus goes back there, beside the error.
pub const FORM_SUBMIT: &str = "form-submit";

/// What went wrong with the last command, kept as types until a view words it.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The action that went wrong.
    pub kind: ActionKind,
    /// What went wrong.
    pub problem: Problem,
}

impl Notice {
    /// The plain-words explanation a view shows.
    pub fn message(&self) -> String {
        problem_message(self.kind, &self.problem)
    }
}

/// Where focus goes after a command when it was lost (its button was disabled, or went
/// away with its item).
#[derive(Clone, Copy)]
pub enum Home {
    /// The element with this id: a page's heading.
    Id(&'static str),
    /// The row of a list that stands where the row holding this element stood (the next
    /// item, once the acted-on one left), else the element with the id.
    Row(NodeRef<leptos::html::Div>, &'static str),
}

impl Home {
    /// Moves focus here once the page re-rendered, trying the element `first` first.
    fn refocus(self, first: Option<&'static str>) {
        let ids = |id| first.into_iter().chain([id]).collect::<Vec<_>>();
        match self {
            Home::Id(id) => focus_when_lost(ids(id)),
            // The row may be gone already (the person left the page while the request
            // ran): a disposed reference reads as none.
            Home::Row(anchor, id) => match anchor.try_get_untracked().flatten() {
                Some(anchor) => focus_row_when_lost(&anchor, ids(id)),
                None => focus_when_lost(ids(id)),
            },
        }
    }
}

/// The actions of one work item: `run` a command, read `pending` and `notice`.
#[derive(Clone, Copy)]
pub struct ItemActions {
    /// Runs every command of this work item, one at a time.
    action: Action<Command, ()>,
    /// The last refusal or failure, shown above the actions until the next success.
    pub notice: RwSignal<Option<Notice>>,
    /// Whether the Forward dialog is open.
    pub forwarding: RwSignal<bool>,
    /// Why the last forward was refused, shown in the dialog (the person can fix it there).
    pub forward_error: RwSignal<Option<Notice>>,
    /// Whether a command about the item is in flight from anywhere (this page's, or one
    /// sent from a page since left).
    busy: Signal<bool>,
}

impl ItemActions {
    /// True while a request about the item is in flight, from here or from elsewhere.
    pub fn pending(&self) -> Signal<bool> {
        self.busy
    }

    /// Sends `command`, unless a request about the item is already in flight.
    pub fn run(&self, command: Command) {
        if !self.busy.get_untracked() {
            self.action.dispatch_local(command);
        }
    }
}

/// Creates the actions of the work item `target` (the page's current copy of it; while it
/// is `None` there is nothing to act on and a command does nothing, and the pages show no
/// buttons then). After a forward succeeds `after_forward` runs (the item is no longer the
/// person's, so the page moves on); when focus was lost it moves to `home`.
pub fn use_item_actions(
    target: Signal<Option<Target>>,
    after_forward: Callback<()>,
    home: Home,
) -> ItemActions {
    let api = expect_context::<Client>();
    let (toasts, changes) = (use_toasts(), expect_context::<Changes>());
    // Absent where no queue is kept (component tests, the widget build).
    let queues = use_context::<Queues>();
    // A list's triage, for a row's own action (see `Triage::hush_leaving`).
    let triage = crate::hooks::triage::use_triage();
    let notice = RwSignal::new(None::<Notice>);
    let forward_error = RwSignal::new(None::<Notice>);
    let forwarding = RwSignal::new(false);
    // The failure toast of this page's last action: once an action here works (sent
    // again, say), it is out of date and goes.
    let failed_toast = StoredValue::new(None::<u64>);
    // Absent where no app context is kept (component tests).
    let acting = use_context::<Acting>();
    let action = Action::new_local(move |command: &Command| {
        let (api, command) = (api.clone(), command.clone());
        let target = target.get_untracked();
        async move {
            let Some(target) = target else { return };
            let kind = command.kind();
            // Sent again: what went wrong the last time is no longer the news (a 429's wait
            // may come first, and says so itself).
            notice.set(None);
            forward_error.set(None);
            // Whether the item may have changed, so every read of it loads again.
            let changed = match send(&api, acting, &target.id, &command).await {
                Ok(after) => {
                    // Where the row stands is read before the list changes under it.
                    // After a decision on one approval item the page, drawn anew, puts
                    // focus on the next one to decide (`NEXT_APPROVAL`); here that id
                    // still names the item just decided.
                    home.refocus(None);
                    if let (Home::Row(..), Some(triage)) = (home, triage) {
                        triage.hush_leaving(&target.id);
                    }
                    if let Some(queues) = queues {
                        queues.item_changed(&target.id, after.clone());
                    }
                    notice.set(None);
                    forward_error.set(None);
                    forwarding.set(false);
                    let detail = success_detail(&command, &target, after.as_ref());
                    if let Some(id) = failed_toast.try_update_value(Option::take).flatten() {
                        toasts.dismiss(id);
                    }
                    let finished = after.as_ref().is_some_and(|a| !a.is_pending());
                    toasts.success(success_message(kind, &target.name, &detail, finished));
                    if matches!(command, Command::Forward(_)) {
                        // The page may have gone while the forward was on its way (Back
                        // during a 429's wait); then there is nowhere to move on from.
                        after_forward.try_run(());
                    }
                    true
                }
                Err(error) => {
                    if let Some(queues) = queues {
                        queues.refresh_item(&api, &target.id);
                    }
                    let problem = classify(&command, &target, error);
                    let failed = Notice { kind, problem };
                    let id = toasts.push(
                        ToastKind::Error,
                        failure_message(kind, &target.name, command.label(), &failed.message()),
                    );
                    if let Some(old) = failed_toast.try_update_value(|t| t.replace(id)).flatten() {
                        toasts.dismiss(old);
                    }
                    // Refused for what was entered, or failed on the way: the item is as it
                    // was, and loading it again would draw the page (and its dialog or
                    // form) anew and lose what the person entered.
                    let kept = failed.problem.keeps_input(&command);
                    if failed.problem.fixable_in_dialog(&command) {
                        forward_error.set(Some(failed));
                    } else {
                        forwarding.set(false);
                        let resubmit = kept && matches!(command, Command::Submit(_));
                        home.refocus(resubmit.then_some(FORM_SUBMIT));
                        notice.set(Some(failed));
                    }
                    !kept
                }
            };
            if changed && matches!(command, Command::Forward(_)) {
                // The page has moved on: bumped once it has gone, its read of the item (now
                // someone else's) does not load again, to a 403.
                set_timeout(move || changes.bump(), std::time::Duration::ZERO);
            } else if changed {
                changes.bump();
            }
        }
    });
    let pending = action.pending();
    let busy = Signal::derive(move || {
        pending.get()
            || acting.is_some_and(|acting| {
                target.with(|t| t.as_ref().is_some_and(|t| acting.holds(&t.id)))
            })
    });
    ItemActions {
        action,
        notice,
        forwarding,
        forward_error,
        busy,
    }
}
