//! `provide_triage`: the Task Manager's triage state, shared through context by the list's
//! rows (checkbox, current row), the selection bar, the shortcuts and the dialogs. It
//! lives above the loaded list, so the selection and the current row survive the list
//! being loaded again after a write; ids that leave the list are pruned then. It keeps
//! only the ids of the rows shown, in order; the list hands it a lookup for the items, so
//! a list of thousands is never copied on a keystroke.

use super::bulk::{use_bulk_run, UseBulkRun};
use crate::logic::bulk::{plan, BulkAction, Plan};
use crate::logic::forward::ForwardChoice;
use crate::logic::messages::Decision;
use crate::logic::selection::{step, Selection};
use crate::state::{Acting, CurrentRow, Left};
use leptos::prelude::*;
use wire::WorkItem;

/// Which dialog of the triage is open.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// None.
    Closed,
    /// Choose whom to forward these items to; with what was chosen before, when the person
    /// came back from the confirmation.
    Forward(Vec<WorkItem>, Option<ForwardChoice>),
    /// Confirm a bulk action: what it applies to, and what it cannot.
    Confirm(Plan),
    /// The list of keyboard shortcuts.
    Help,
}

/// What a person asked for, before the items it acts on are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// Mark Complete.
    Complete,
    /// Approve All / Reject All.
    Decide(Decision),
    /// Forward (a person is chosen first).
    Forward,
}

/// Finds the work items of some ids, in the order of the ids given.
pub type Lookup = Callback<Vec<String>, Vec<WorkItem>>;

/// The triage state of the Task Manager; `Copy`, so closures can hold it.
#[derive(Clone, Copy)]
pub struct Triage {
    /// The ids of the rows as shown (filtered and sorted), set by the list.
    pub visible: RwSignal<Vec<String>>,
    /// The list's lookup of items by id.
    lookup: StoredValue<Option<Lookup>>,
    /// Whether the list has every item in (not loading, or loading again after "Show" or
    /// Retry): until then, a selected or current item that is not loaded yet is kept.
    settled: RwSignal<bool>,
    /// The selected rows.
    pub selection: RwSignal<Selection>,
    /// The id of the current row the keyboard moves, if any.
    pub current: RwSignal<Option<String>>,
    /// A current row and a selection to take up again once the list shows its rows (the
    /// list was left for an item and is shown again).
    resume: StoredValue<Option<Left>>,
    /// The current row, from when it was made current until its row has been brought into
    /// view. A row drawn again later (the person scrolled the table back to it) is not.
    reveal: StoredValue<Option<String>>,
    /// The current row was last made current by focus coming into its row, and nothing
    /// since asked to be said: the screen reader has just read the focused control, so
    /// the current row is not announced again.
    quiet: StoredValue<bool>,
    /// An item a row's own action is deciding: when it leaves, its row's next item
    /// becomes current without being announced, since focus goes to that item's link
    /// and the screen reader reads it there.
    hushed: StoredValue<Option<String>>,
    /// Whether the single-character shortcuts (j k x c a r f / ?) are on; the person can
    /// turn them off (WCAG 2.1.4), and the choice is kept in this browser.
    pub single_keys: RwSignal<bool>,
    /// The open dialog.
    pub dialog: RwSignal<Dialog>,
    /// The bulk action's run.
    pub bulk: UseBulkRun,
    /// The items with a command in flight, which a bulk action leaves out (absent in
    /// component tests).
    acting: Option<Acting>,
}

/// Where the choice of [`Triage::single_keys`] is kept (localStorage).
const SINGLE_KEYS: &str = "my-tasks.single-key-shortcuts";

/// Creates the triage state and provides it to everything below.
pub fn provide_triage() -> Triage {
    let triage = Triage {
        visible: RwSignal::new(Vec::new()),
        lookup: StoredValue::new(None),
        settled: RwSignal::new(true),
        selection: RwSignal::new(Selection::default()),
        current: RwSignal::new(None),
        resume: StoredValue::new(None),
        reveal: StoredValue::new(None),
        quiet: StoredValue::new(false),
        hushed: StoredValue::new(None),
        single_keys: RwSignal::new(
            crate::platform::local_get(SINGLE_KEYS).as_deref() != Some("off"),
        ),
        dialog: RwSignal::new(Dialog::Closed),
        bulk: use_bulk_run(),
        acting: use_context::<Acting>(),
    };
    // When rows leave (decided, filtered out), their selection goes, and a current row
    // that left gives its place to the row that took it, so triage carries on from there.
    // It keeps where the current row was (not a copy of the list: a sort of thousands
    // would copy it), and runs when the current row moves too, so that place is fresh.
    // While the list loads, what is not loaded yet may still come: it stays (loading again
    // after "Show" or Retry starts from nothing, and once cleared everything).
    Effect::new(move |was_at: Option<Option<usize>>| {
        let current = triage.current.get();
        let settled = triage.settled.get();
        triage.visible.with(|ids| {
            let mut selection = triage.selection.get_untracked();
            // Of the selected and current items, those loaded (asked only while loading).
            let loaded: std::collections::HashSet<String> = match settled {
                true => Default::default(),
                false => {
                    let wanted = selection.ids().into_iter().chain(current.clone());
                    let items = triage.items(wanted.collect()).into_iter();
                    items.filter_map(|item| item.id).collect()
                }
            };
            let later = |id: &str| !settled && !loaded.contains(id);
            if selection.prune_but(ids, later) {
                triage.selection.set(selection);
            }
            let current = current?;
            if let Some(at) = ids.iter().position(|id| *id == current) {
                return Some(at);
            }
            if later(&current) {
                return was_at.flatten();
            }
            let at = (was_at.flatten())
                .zip(ids.len().checked_sub(1))
                .map(|(at, last)| at.min(last));
            let hushed = triage.hushed.try_update_value(Option::take).flatten();
            triage.set_current(at.and_then(|at| ids.get(at).cloned()));
            if hushed.as_deref() == Some(current.as_str()) {
                triage.quiet.set_value(true);
            }
            at
        })
    });
    provide_context(triage);
    triage
}

/// The triage state provided above, if the page has one (the Pending tab does).
pub fn use_triage() -> Option<Triage> {
    use_context::<Triage>()
}

impl Triage {
    /// The list shows `ids` (in order) and finds their items with `lookup`; `settled`: it
    /// has every item in. The first time it shows any, what was left to [`Triage::resume`]
    /// is taken up: the selection, and the current row (its item, or the one that took its
    /// place when it left the list, decided on its page).
    pub fn show(&self, ids: Vec<String>, lookup: Lookup, settled: bool) {
        self.lookup.set_value(Some(lookup));
        if self.settled.get_untracked() != settled {
            self.settled.set(settled);
        }
        let left = match ids.is_empty() {
            false => self.resume.try_update_value(Option::take).flatten(),
            true => None,
        };
        let Left { row, selection } = left.unwrap_or_default();
        let resumed = row.map(|row| match ids.contains(&row.id) {
            true => row.id,
            false => ids[row.at.min(ids.len() - 1)].clone(),
        });
        if !selection.is_empty() {
            self.selection.set(selection);
        }
        if self.visible.with_untracked(|v| *v != ids) {
            self.visible.set(ids);
        }
        if resumed.is_some() {
            self.set_current(resumed);
        }
    }

    /// The list has gone (the Completed tab is shown, whose rows take no part in a
    /// triage): its lookup went with it, and the triage keys do nothing until it is shown
    /// again. The selection and the current row stay for then.
    pub fn hide(&self) {
        self.lookup.set_value(None);
    }

    /// Whether a list shows its rows to the triage.
    pub fn is_shown(&self) -> bool {
        self.lookup.try_with_value(Option::is_some).unwrap_or(false)
    }

    /// Takes up `left` (a current row, a selection) once the list shows its rows.
    pub fn resume(&self, left: Option<Left>) {
        self.resume.set_value(left);
    }

    /// The current row and where it is among the rows shown, if there is one.
    pub fn current_row(&self) -> Option<CurrentRow> {
        self.row_of(self.current.try_get_untracked().flatten()?)
    }

    /// The row of the item `id` and where it is among the rows shown, if it is shown.
    pub fn row_of(&self, id: String) -> Option<CurrentRow> {
        let at = self
            .visible
            .try_with_untracked(|ids| ids.iter().position(|v| *v == id))
            .flatten()?;
        Some(CurrentRow { id, at })
    }

    /// The ids of the visible rows, in order.
    pub fn visible_ids(&self) -> Vec<String> {
        self.visible.get_untracked()
    }

    /// The work items of `ids`, as the list has them.
    pub fn items(&self, ids: Vec<String>) -> Vec<WorkItem> {
        match self.lookup.try_get_value().flatten() {
            // Its list may be going this very moment, its lookup with it.
            Some(lookup) => lookup.try_run(ids).unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// A click on the checkbox of `id`, with or without Shift: its row is the current
    /// one (it may be already: focus came into it first).
    pub fn click(&self, id: &str, shift: bool) {
        let ids = self.visible_ids();
        self.selection.update(|s| s.click(id, shift, &ids));
        if self.current.with_untracked(|c| c.as_deref() != Some(id)) {
            self.set_current(Some(id.to_owned()));
        }
    }

    /// "Select all N matching".
    pub fn select_all(&self) {
        let ids = self.visible_ids();
        self.selection.update(|s| s.select_all(&ids));
    }

    /// A group's checkbox: selects every row of `ids` (the group's items shown), or
    /// unselects them all when they all were.
    pub fn toggle_group(&self, ids: &[String]) {
        self.selection
            .update(|s| match ids.iter().all(|id| s.contains(id)) {
                true => s.unselect_all(ids),
                false => s.select_all(ids),
            });
    }

    /// Moves the current row `by` rows.
    pub fn move_by(&self, by: isize) {
        let ids = self.visible_ids();
        let at = self
            .current
            .with_untracked(|c| c.as_ref().and_then(|c| ids.iter().position(|id| id == c)));
        self.set_current(step(at, by, ids.len()).and_then(|i| ids.get(i).cloned()));
    }

    /// Makes `id` the current row, to be brought into view.
    fn set_current(&self, id: Option<String>) {
        self.quiet.set_value(false);
        self.reveal.set_value(id.clone());
        self.current.set(id);
    }

    /// Focus came into the row of `id` (its link, checkbox, a button, its time): that row
    /// is the current one, so every key acts on the row the person sees focused. Not
    /// announced: the screen reader reads the focused control.
    pub fn focus_row(&self, id: &str) {
        if !self.is_shown() || self.current.with_untracked(|c| c.as_deref() == Some(id)) {
            return;
        }
        if self.row_of(id.to_owned()).is_some() {
            self.set_current(Some(id.to_owned()));
            self.quiet.set_value(true);
        }
    }

    /// A row's own action decided `id`: should it be the current row, the row that takes
    /// its place is not announced (focus goes there, see [`Triage::hushed`]).
    pub fn hush_leaving(&self, id: &str) {
        self.hushed.set_value(Some(id.to_owned()));
    }

    /// Whether the current row is to be announced (see [`Triage::focus_row`]).
    pub fn announced(&self) -> bool {
        !self.quiet.try_get_value().unwrap_or(false)
    }

    /// Turns the single-character shortcuts on or off, and keeps the choice.
    pub fn set_single_keys(&self, on: bool) {
        self.single_keys.set(on);
        crate::platform::local_set(SINGLE_KEYS, if on { "on" } else { "off" });
    }

    /// Whether the current row `id` is still to be brought into view.
    pub fn reveal_pending(&self, id: &str) -> bool {
        self.reveal
            .try_with_value(|r| r.as_deref() == Some(id))
            .unwrap_or(false)
    }

    /// Whether the current row `id` is still to be brought into view; from now on it is not.
    pub fn take_reveal(&self, id: &str) -> bool {
        self.reveal
            .try_update_value(|r| r.take_if(|r| r == id).is_some())
            .unwrap_or(false)
    }

    /// x: selects or unselects the current row.
    pub fn toggle_current(&self) {
        if let Some(id) = self.current.get_untracked() {
            self.quiet.set_value(false);
            self.selection.update(|s| s.toggle(&id));
        }
    }

    /// Escape: clears the selection, else the current row (unless `keep_current`: focus
    /// is in it, which makes it current); false when there was nothing to clear.
    pub fn clear(&self, keep_current: bool) -> bool {
        if !self.selection.with_untracked(Selection::is_empty) {
            self.selection.update(Selection::clear);
            return true;
        }
        !keep_current && self.current.try_update(Option::take).flatten().is_some()
    }

    /// The items an action applies to: the selection if any, else the current row.
    fn targets(&self) -> Vec<WorkItem> {
        let selection = self.selection.get_untracked();
        let ids = match selection.is_empty() {
            true => self.current.get_untracked().into_iter().collect(),
            false => self.visible.with_untracked(|v| selection.in_order(v)),
        };
        self.items(ids)
    }

    /// Opens the confirmation (or, for Forward, the choice of person) for `ask` over the
    /// selection, else the current row. Nothing happens with neither, or while a run goes.
    pub fn ask(&self, ask: Ask) {
        if self.bulk.is_running() {
            return;
        }
        let items = self.targets();
        if items.is_empty() {
            return;
        }
        let busy = self.busy_now();
        self.dialog.set(match ask {
            Ask::Forward => Dialog::Forward(items, None),
            Ask::Complete => Dialog::Confirm(plan(BulkAction::Complete, &items, busy)),
            Ask::Decide(d) => Dialog::Confirm(plan(BulkAction::DecideAll(d), &items, busy)),
        });
    }

    /// Whether an item has a command in flight (sent from its page, which may have been
    /// left since): a bulk action leaves it out rather than send a second one.
    fn busy_now(&self) -> impl Fn(&str) -> bool {
        let acting = self.acting;
        move |id| acting.is_some_and(|acting| acting.holds_now(id))
    }

    /// The person chose whom to forward to: confirm next.
    pub fn forward_to(&self, choice: ForwardChoice) {
        if let Dialog::Forward(items, _) = self.dialog.get_untracked() {
            let planned = plan(BulkAction::Forward(choice), &items, self.busy_now());
            self.dialog.set(Dialog::Confirm(planned));
        }
    }

    /// The person cancelled a confirmation: a forward's goes back to its form as it was
    /// filled in (the items are still the selected ones), any other closes.
    pub fn cancel_confirm(&self) {
        let back = match self.dialog.get_untracked() {
            Dialog::Confirm(Plan {
                action: BulkAction::Forward(choice),
                ..
            }) => Dialog::Forward(self.targets(), Some(choice)),
            _ => Dialog::Closed,
        };
        self.dialog.set(back);
    }

    /// The person confirmed: the run starts (and its dialog opens).
    pub fn confirm(&self) {
        if let Dialog::Confirm(plan) = self.dialog.get_untracked() {
            self.dialog.set(Dialog::Closed);
            self.bulk.start(plan);
        }
    }
}
