//! `use_bulk_run`: drives a [`BulkRun`] against the API. The state machine decides what
//! to send; this hook sends it (through [`send`], the one-command path the single-item
//! actions use), records each answer, and asks again — when an answer arrives, or when the
//! rate-limit window has moved on. When the run is over, [`Changes`] is bumped once so the
//! counts show what changed; each item a request changed is changed in the loaded queues
//! as its answer arrives (and read again when its request failed).
//!
//! The run belongs to the app, not to the Task Manager page that starts it: a person who
//! leaves the page (Back, a link) while it runs does not stop it, so it must still be
//! counted and told. When it ends with no results dialog on screen, a toast says how it
//! ended wherever the person is, and the results wait for them on Task Manager.

use super::dispatch::send;
use super::queue::{Queues, RequestBudget};
use super::toasts::{use_toasts, ToastKind, Toasts};
use crate::api::Client;
use crate::logic::bulk::{BulkRun, Limits, Next, Plan};
use crate::platform;
use crate::state::{Acting, Changes};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// A bulk action's run; `Copy`, so closures and views can hold it.
#[derive(Clone, Copy)]
pub struct UseBulkRun {
    /// The run in progress or finished; `None` when there is none to show.
    pub run: RwSignal<Option<BulkRun>>,
    /// The API client the requests go through.
    api: StoredValue<Client>,
    /// Bumped once when a run is over.
    changes: Changes,
    /// The loaded queues, told of each item a run changed (absent in component tests).
    queues: Option<Queues>,
    /// The items with a command in flight (absent in component tests).
    acting: Option<Acting>,
    /// The request window shared with the queues' loader (its own in component tests).
    budget: RequestBudget,
    /// Where a run that ends unseen is told.
    toasts: Toasts,
    /// How many views show the run's progress and results now (its dialog, on Task
    /// Manager): with none, its end is told by a toast.
    watchers: StoredValue<usize>,
    /// The toast that told of the run's end, while it may still be up: the results
    /// dialog, shown again, says it instead.
    told: StoredValue<Option<u64>>,
}

/// Creates the app's (empty) run state and provides it below, so that a run outlives the
/// page it was started on. Needs the API client, [`Changes`] and the toasts in context
/// (and the queues, when there are any).
pub fn provide_bulk_run() -> UseBulkRun {
    let bulk = new_bulk_run();
    provide_context(bulk);
    bulk
}

/// The app's run state, or a page's own where none was provided (component tests).
pub fn use_bulk_run() -> UseBulkRun {
    use_context::<UseBulkRun>().unwrap_or_else(new_bulk_run)
}

fn new_bulk_run() -> UseBulkRun {
    UseBulkRun {
        run: RwSignal::new(None),
        api: StoredValue::new(expect_context::<Client>()),
        changes: expect_context::<Changes>(),
        queues: use_context::<Queues>(),
        acting: use_context::<Acting>(),
        budget: use_context::<RequestBudget>().unwrap_or_default(),
        toasts: use_toasts(),
        watchers: StoredValue::new(0),
        told: StoredValue::new(None),
    }
}

impl UseBulkRun {
    /// Starts `plan`'s action over the items it applies to, unless a run is going.
    pub fn start(&self, plan: Plan) {
        if self.is_running() {
            return;
        }
        self.run.set(Some(BulkRun::new(plan, Limits::default())));
        self.pump();
    }

    /// Whether requests are queued or in flight (reactive).
    pub fn is_running(&self) -> bool {
        self.run
            .with(|r| r.as_ref().is_some_and(|r| !r.is_finished()))
    }

    /// Cancel: nothing new is sent; the requests in flight finish and are reported.
    pub fn cancel(&self) {
        let over = self.run.try_update(|r| {
            r.as_mut().map(|r| {
                let was = r.is_finished();
                r.cancel();
                !was && r.is_finished()
            })
        });
        if over.flatten() == Some(true) {
            self.ended();
        }
    }

    /// The calling component shows the run's progress and results, for as long as it
    /// lives: the run's end is seen there, and needs no toast. A toast that told of it
    /// goes, as the results now say it.
    pub fn watch(&self) {
        self.watchers.update_value(|n| *n += 1);
        if let Some(id) = self.told.try_update_value(Option::take).flatten() {
            self.toasts.dismiss(id);
        }
        let watchers = self.watchers;
        on_cleanup(move || {
            watchers.try_update_value(|n| *n = n.saturating_sub(1));
        });
    }

    /// "Retry failed": sends the failed items again.
    pub fn retry_failed(&self) {
        let again = self
            .run
            .try_update(|r| r.as_mut().map(BulkRun::retry_failed));
        if again.flatten().unwrap_or(0) > 0 {
            self.pump();
        }
    }

    /// Forgets a finished run (the dialog closes).
    pub fn dismiss(&self) {
        if !self.is_running() {
            self.run.set(None);
        }
    }

    /// The run is over: the counts and lists read again (wherever the person is), and
    /// when no view shows the results, a toast says how it ended.
    fn ended(&self) {
        self.changes.bump();
        if self.watchers.get_value() > 0 {
            return;
        }
        let told = self
            .run
            .with_untracked(|r| r.as_ref().map(|r| (r.all_done(), r.ended_elsewhere())));
        if let Some((all_done, message)) = told {
            let kind = if all_done {
                ToastKind::Success
            } else {
                ToastKind::Error
            };
            let id = self.toasts.push(kind, message);
            self.told.set_value(Some(id));
        }
    }

    /// Starts whatever may start now.
    fn pump(self) {
        loop {
            let now = platform::now_ms();
            let next = self
                .budget
                .0
                .try_update_value(|budget| {
                    self.run
                        .try_update(|r| r.as_mut().map(|r| r.next(now, budget)))
                        .flatten()
                })
                .flatten();
            match next {
                Some(Next::Send(index)) => self.send(index),
                Some(Next::Wait(ms)) => {
                    set_timeout(move || self.pump(), Duration::from_millis(ms.ceil() as u64));
                    return;
                }
                Some(Next::Busy | Next::Finished) | None => return,
            }
        }
    }

    /// Sends the item at `index` (already marked as sending) and records its answer.
    fn send(self, index: usize) {
        let Some((id, command)) = self.run.with_untracked(|r| {
            let r = r.as_ref()?;
            let target = &r.entries.get(index)?.target;
            Some((target.id.clone(), r.action.command_for(target)))
        }) else {
            return;
        };
        let Some(api) = self.api.try_get_value() else {
            return;
        };
        spawn_local(async move {
            let result = send(&api, self.acting, &id, &command).await;
            if let Some(queues) = self.queues {
                match &result {
                    Ok(after) => queues.item_changed(&id, after.clone()),
                    Err(_) => queues.refresh_item(&api, &id),
                }
            }
            let over = self.run.try_update(|r| {
                r.as_mut().map(|r| {
                    r.finish(
                        index,
                        result.as_ref().map(Option::as_ref).map_err(Clone::clone),
                    );
                    r.is_finished()
                })
            });
            match over.flatten() {
                Some(true) => self.ended(),
                Some(false) => self.pump(),
                None => {} // the app is gone
            }
        });
    }
}
