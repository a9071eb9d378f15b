//! `use_bulk_run`: drives a [`BulkRun`] against the API. The state machine decides what
//! to send; this hook sends it (through [`send`], the one-command path the single-item
//! actions use), records each answer, and asks again — when an answer arrives, or when the
//! rate-limit window has moved on. When the run is over, [`Changes`] is bumped once so the
//! counts show what changed; each item a request changed is changed in the loaded queues
//! as its answer arrives (and read again when its request failed).

use super::dispatch::send;
use super::queue::{Queues, RequestBudget};
use crate::api::Client;
use crate::logic::bulk::{BulkRun, Limits, Next, Plan};
use crate::platform;
use crate::state::Changes;
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
    /// The request window shared with the queues' loader (its own in component tests).
    budget: RequestBudget,
}

/// Creates the (empty) run state of a page.
pub fn use_bulk_run() -> UseBulkRun {
    UseBulkRun {
        run: RwSignal::new(None),
        api: StoredValue::new(expect_context::<Client>()),
        changes: expect_context::<Changes>(),
        queues: use_context::<Queues>(),
        budget: use_context::<RequestBudget>().unwrap_or_default(),
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
            self.changes.bump();
        }
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
            let result = send(&api, &id, &command).await;
            if let Some(queues) = self.queues {
                match &result {
                    Ok(after) => queues.item_changed(&id, after.clone()),
                    Err(_) => queues.refresh_item(&api, &id),
                }
            }
            let result = result.map(|_| ());
            let over = self.run.try_update(|r| {
                r.as_mut().map(|r| {
                    r.finish(index, result);
                    r.is_finished()
                })
            });
            match over.flatten() {
                Some(true) => self.changes.bump(),
                Some(false) => self.pump(),
                None => {} // the page is gone
            }
        });
    }
}
