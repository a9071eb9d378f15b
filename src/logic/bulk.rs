//! One action over many work items: which selected items can take it ([`plan`]), and the
//! run as a pure state machine ([`BulkRun`]) that the hook `use_bulk_run` drives. The
//! machine decides what to send next — bounded concurrency, and a sliding window of
//! request starts that stays inside the API's rate limit — and records each item's
//! outcome exactly once: an item is sent once per run, so a double click, a Cancel or a
//! late answer can never send it twice. Time is passed in, so the tests need no clock.

use super::command::{ActionKind, Command, Target};
use super::forward::ForwardChoice;
use super::messages::{decided_all, Decision};
use super::rate::RateWindow;
use super::refusal::{classify, Problem, Refusal};
use super::wording::{problem_message, refusal_reason};
use crate::api::error::ApiError;
use crate::t;
use wire::WorkItem;

/// An action a person can take on many work items at once.
#[derive(Debug, Clone, PartialEq)]
pub enum BulkAction {
    /// Mark Complete.
    Complete,
    /// Approve All / Reject All of each item's pending approval items.
    DecideAll(Decision),
    /// Forward every item to one person, with one comment.
    Forward(ForwardChoice),
}

impl BulkAction {
    /// The action's name in messages: `complete`, `approve`, `reject`, `forward`.
    pub fn as_str(&self) -> &'static str {
        match self {
            BulkAction::Complete => "complete",
            BulkAction::DecideAll(d) => d.as_str(),
            BulkAction::Forward(_) => "forward",
        }
    }

    /// The button's (and confirm button's) words: "Mark Complete", "Approve All", ….
    pub fn label(&self) -> String {
        match self {
            BulkAction::Complete => t!("mark-complete"),
            BulkAction::DecideAll(d) => d.bulk_label(),
            BulkAction::Forward(_) => t!("forward"),
        }
    }

    /// The kind of action, for the words of a refusal.
    pub fn kind(&self) -> ActionKind {
        match self {
            BulkAction::Complete => ActionKind::Complete,
            BulkAction::DecideAll(d) => ActionKind::DecideAll(*d),
            BulkAction::Forward(_) => ActionKind::Forward,
        }
    }

    /// The single-item command this action sends for `target`.
    pub fn command_for(&self, target: &Target) -> Command {
        match self {
            BulkAction::Complete => Command::Complete,
            BulkAction::DecideAll(d) => Command::DecideAll(*d, target.approvals_waiting),
            BulkAction::Forward(choice) => Command::Forward(choice.clone()),
        }
    }
}

/// Why a selected work item cannot take an action; said in the confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unfit {
    /// It is not pending any more.
    NotPending,
    /// Completing it means submitting its account-selection form on its page.
    HasForm,
    /// Mark Complete while this many approval items wait for a decision.
    ApprovalsPending(usize),
    /// Approve All / Reject All with no approval item waiting.
    NoApprovals,
    /// Forward to the person who already owns it (the API refuses that).
    AlreadyTheirs(String),
    /// A command about it, sent from its page, is still on its way.
    Busy,
}

impl Unfit {
    /// The reason as a person reads it, after the item's name.
    pub fn reason(&self) -> String {
        match self {
            Unfit::NotPending => t!("unfit-not-pending"),
            Unfit::HasForm => t!("unfit-has-form"),
            Unfit::ApprovalsPending(n) => t!("unfit-approvals-pending", count = *n),
            Unfit::NoApprovals => t!("unfit-no-approvals"),
            Unfit::AlreadyTheirs(name) => t!("unfit-already-theirs", name = name),
            Unfit::Busy => t!("unfit-busy"),
        }
    }
}

/// Whether `item` can take `action` (`busy`: whether a command about it is in flight);
/// its [`Target`] when it can. Items without an id are never selectable, so they are not
/// asked about.
pub fn fit(action: &BulkAction, item: &WorkItem, busy: bool) -> Option<Result<Target, Unfit>> {
    let target = Target::of(item)?;
    if !item.is_pending() {
        return Some(Err(Unfit::NotPending));
    }
    if busy {
        return Some(Err(Unfit::Busy));
    }
    Some(match action {
        BulkAction::Complete if target.has_form => Err(Unfit::HasForm),
        BulkAction::Complete if target.approvals_waiting > 0 => {
            Err(Unfit::ApprovalsPending(target.approvals_waiting))
        }
        BulkAction::DecideAll(_) if target.approvals_waiting == 0 => Err(Unfit::NoApprovals),
        BulkAction::Forward(choice)
            if item.owner_id.as_deref() == Some(choice.body.target_owner_id.as_str()) =>
        {
            Err(Unfit::AlreadyTheirs(choice.new_owner.clone()))
        }
        _ => Ok(target),
    })
}

/// What a bulk action would do to the selected items, before it is confirmed.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The action.
    pub action: BulkAction,
    /// The items it applies to, in the order of the list.
    pub fit: Vec<Target>,
    /// The selected items it cannot apply to: the item's name and why.
    pub unfit: Vec<(String, Unfit)>,
}

/// Sorts the selected `items` (in list order) into those `action` applies to and the rest;
/// `busy` tells the items with a command in flight.
pub fn plan(action: BulkAction, selected: &[WorkItem], busy: impl Fn(&str) -> bool) -> Plan {
    let (mut fit_items, mut unfit) = (Vec::new(), Vec::new());
    for item in selected {
        let held = item.id.as_deref().is_some_and(&busy);
        match fit(&action, item, held) {
            Some(Ok(target)) => fit_items.push(target),
            Some(Err(why)) => {
                unfit.push((item.name.clone().unwrap_or_else(|| t!("item-no-name")), why))
            }
            None => {}
        }
    }
    Plan {
        action,
        fit: fit_items,
        unfit,
    }
}

impl Plan {
    /// The confirmation's question: how many items the action applies to, or which one
    /// when it is one (a shortcut on the current row: the person hears which item).
    pub fn question(&self) -> String {
        let count = self.fit.len();
        let one = match self.fit.as_slice() {
            [only] => Some(only.name.as_str()),
            _ => None,
        };
        match (&self.action, one) {
            _ if count == 0 => t!("bulk-fits-none", action = &self.action.label()),
            (BulkAction::Forward(c), Some(name)) => {
                t!(
                    "bulk-confirm-forward-one",
                    name = name,
                    owner = &c.new_owner
                )
            }
            (BulkAction::Forward(c), None) => {
                t!("bulk-confirm-forward", count = count, owner = &c.new_owner)
            }
            (action, Some(name)) => t!("bulk-confirm-one", action = action.as_str(), name = name),
            (action, None) => t!("bulk-confirm", action = action.as_str(), count = count),
        }
    }
}

/// "1 work item" / "3 work items".
pub fn work_items(n: usize) -> String {
    t!("work-items-count", count = n)
}

/// How a run may send: requests in flight at once. How many may start in a window is the
/// [`RateWindow`] the run is given, shared with the background loader, so the two together
/// stay below the API's 100 requests per 10 s.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Requests in flight at once.
    pub concurrency: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { concurrency: 4 }
    }
}

/// Where one item of a run stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Not sent yet.
    Queued,
    /// Its request is in flight (a 429 waited out inside the client is still this one).
    Sending,
    /// The API did it.
    Done,
    /// The API refused it because of the item's state.
    Refused(Refusal),
    /// It failed for another reason (network, 5xx, rate limit after retries).
    Failed(ApiError),
    /// Cancelled before it was sent: nothing was asked of the API for it.
    NotSent,
}

/// One item of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The work item as the list last saw it.
    pub target: Target,
    /// Where it stands.
    pub outcome: Outcome,
    /// Once Approve All / Reject All is done: how many approval items the server's answer
    /// shows it decided (some may have been decided otherwise first).
    pub decided: Option<usize>,
}

impl Entry {
    /// The result line's words, after the item's name.
    pub fn text(&self, action: &BulkAction) -> String {
        match &self.outcome {
            Outcome::Queued => t!("outcome-queued"),
            Outcome::Sending => t!("outcome-sending"),
            Outcome::Done => match action {
                BulkAction::Forward(c) => t!("outcome-forwarded", owner = &c.new_owner),
                action => t!(
                    "outcome-done",
                    action = action.as_str(),
                    count = self.decided.unwrap_or(self.target.approvals_waiting)
                ),
            },
            Outcome::Refused(refusal) => refusal_reason(action.kind(), refusal),
            Outcome::Failed(error) => {
                problem_message(action.kind(), &Problem::Failed(error.clone()))
            }
            Outcome::NotSent => t!("outcome-not-sent"),
        }
    }
}

/// What the driver should do next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Next {
    /// Send the item at this index now (it is already marked [`Outcome::Sending`]).
    Send(usize),
    /// The window's budget is spent: ask again after this many milliseconds.
    Wait(f64),
    /// Nothing can start now; ask again when a request in flight finishes.
    Busy,
    /// Nothing is queued or in flight.
    Finished,
}

/// Counts of a run's outcomes, for the progress line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Items in the run.
    pub total: usize,
    /// Done.
    pub done: usize,
    /// Refused.
    pub refused: usize,
    /// Failed.
    pub failed: usize,
    /// Not sent because of Cancel.
    pub not_sent: usize,
    /// In flight.
    pub sending: usize,
}

impl Progress {
    /// Items with an answer (or given up on).
    pub fn settled(&self) -> usize {
        self.done + self.refused + self.failed + self.not_sent
    }
}

/// A bulk action in progress (or finished), item by item.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkRun {
    /// The action.
    pub action: BulkAction,
    /// Every item, in list order.
    pub entries: Vec<Entry>,
    /// Whether Cancel was pressed (nothing new starts after it).
    pub cancelled: bool,
    /// How it may send.
    limits: Limits,
}

impl BulkRun {
    /// A run of `plan`'s action over the items it applies to.
    pub fn new(plan: Plan, limits: Limits) -> BulkRun {
        BulkRun {
            action: plan.action,
            entries: plan
                .fit
                .into_iter()
                .map(|target| Entry {
                    target,
                    outcome: Outcome::Queued,
                    decided: None,
                })
                .collect(),
            cancelled: false,
            limits,
        }
    }

    /// Picks what to do at time `now` (ms); a [`Next::Send`] marks the item as sending and
    /// takes its place in `budget`.
    pub fn next(&mut self, now: f64, budget: &mut RateWindow) -> Next {
        let progress = self.progress();
        let queued = self
            .entries
            .iter()
            .position(|e| e.outcome == Outcome::Queued);
        let Some(index) = queued.filter(|_| !self.cancelled) else {
            return match progress.sending {
                0 => Next::Finished,
                _ => Next::Busy,
            };
        };
        if progress.sending >= self.limits.concurrency.max(1) {
            return Next::Busy;
        }
        let wait = budget.take(now);
        if wait > 0.0 {
            return Next::Wait(wait.max(1.0));
        }
        self.entries[index].outcome = Outcome::Sending;
        Next::Send(index)
    }

    /// Records the answer for the item at `index`. Only an item in flight takes an answer,
    /// so each item's outcome is recorded once.
    /// `after` is the work item as the server answered, when it sent one.
    pub fn finish(&mut self, index: usize, result: Result<Option<&WorkItem>, ApiError>) {
        let action = self.action.clone();
        let Some(entry) = self.entries.get_mut(index) else {
            return;
        };
        if entry.outcome != Outcome::Sending {
            return;
        }
        entry.outcome = match result {
            Ok(after) => {
                if let (BulkAction::DecideAll(decision), Some(after)) = (&action, after) {
                    let waiting = &entry.target.waiting_ids;
                    entry.decided = Some(decided_all(waiting, *decision, after.approval_items()).0);
                }
                Outcome::Done
            }
            Err(error) => {
                match classify(&action.command_for(&entry.target), &entry.target, error) {
                    Problem::Refused(refusal) => Outcome::Refused(refusal),
                    Problem::Failed(error) => Outcome::Failed(error),
                }
            }
        };
    }

    /// Stops the run: nothing queued is sent; requests in flight finish and are reported.
    pub fn cancel(&mut self) {
        self.cancelled = true;
        for entry in &mut self.entries {
            if entry.outcome == Outcome::Queued {
                entry.outcome = Outcome::NotSent;
            }
        }
    }

    /// Queues the failed items again ("Retry failed"); returns how many. Done, refused
    /// and cancelled items are left as they are.
    pub fn retry_failed(&mut self) -> usize {
        if !self.is_finished() {
            return 0;
        }
        let mut again = 0;
        for entry in &mut self.entries {
            if matches!(entry.outcome, Outcome::Failed(_)) {
                entry.outcome = Outcome::Queued;
                again += 1;
            }
        }
        if again > 0 {
            self.cancelled = false;
        }
        again
    }

    /// Counts of the outcomes.
    pub fn progress(&self) -> Progress {
        let mut p = Progress {
            total: self.entries.len(),
            ..Progress::default()
        };
        for entry in &self.entries {
            match entry.outcome {
                Outcome::Queued => {}
                Outcome::Sending => p.sending += 1,
                Outcome::Done => p.done += 1,
                Outcome::Refused(_) => p.refused += 1,
                Outcome::Failed(_) => p.failed += 1,
                Outcome::NotSent => p.not_sent += 1,
            }
        }
        p
    }

    /// Whether nothing is queued or in flight.
    pub fn is_finished(&self) -> bool {
        self.entries
            .iter()
            .all(|e| !matches!(e.outcome, Outcome::Queued | Outcome::Sending))
    }

    /// The progress line: "Approving… 3 of 10 done" / the summary once finished.
    pub fn status(&self) -> String {
        let p = self.progress();
        if !self.is_finished() {
            let doing = if self.cancelled {
                "cancel"
            } else {
                self.action.as_str()
            };
            return t!(
                "bulk-running",
                doing = doing,
                answered = p.settled(),
                total = p.total
            );
        }
        t!("bulk-finished", parts = &self.outcomes())
    }

    /// What a toast says of a finished run whose results are not on screen (the person
    /// left Task Manager while it ran): the action, how many items, how it ended, and that
    /// Task Manager has the results ("Mark Complete, 3 work items: 2 done, 1 failed. Open
    /// Task Manager to retry the failed ones.").
    pub fn ended_elsewhere(&self) -> String {
        let (action, items) = (self.action.label(), work_items(self.entries.len()));
        let outcomes = self.outcomes();
        match self.progress().failed {
            0 => t!(
                "bulk-ended-elsewhere",
                action = &action,
                items = &items,
                parts = &outcomes
            ),
            _ => t!(
                "bulk-ended-elsewhere-retry",
                action = &action,
                items = &items,
                parts = &outcomes
            ),
        }
    }

    /// Whether every item of a finished run was done.
    pub fn all_done(&self) -> bool {
        let p = self.progress();
        p.done == p.total
    }

    /// "2 done, 1 failed": the counts of a finished run's outcomes.
    fn outcomes(&self) -> String {
        let p = self.progress();
        let mut parts = vec![t!("bulk-done", count = p.done)];
        if p.refused > 0 {
            parts.push(t!("bulk-refused", count = p.refused));
        }
        if p.failed > 0 {
            parts.push(t!("bulk-failed", count = p.failed));
        }
        if p.not_sent > 0 {
            parts.push(t!("bulk-not-sent", count = p.not_sent));
        }
        parts.join(&t!("list-separator"))
    }
}

#[cfg(test)]
#[path = "bulk_tests.rs"]
mod tests;
