//! `provide_fresh`: keeps the pending count fresh without reloading what a person looks
//! at. The count is read when the page loads and after every write ([`Changes`]) (the
//! Pending tab shows that read: [`Fresh::loaded_count`]), and
//! polled every `pollSeconds` (config.json) while the tab is visible; the document title
//! carries it. New arrivals are only counted ([`Fresh::new_items`]) until the person asks
//! to see them ([`Fresh::show`]), so the list never moves under them. A poll answered
//! after a load that failed loads everything again, so the errors go with the outage.

use super::queue::Queues;
use crate::api::{work_items, ApiError, Client};
use crate::logic::poll::{title, Freshness};
use crate::platform;
use crate::state::{Changes, PageName, ViewAs};
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use std::time::Duration;

/// The freshness of the pending count; `Copy`, so views can hold it.
#[derive(Clone, Copy)]
pub struct Fresh {
    /// The count the list was loaded with, and the latest polled one.
    state: RwSignal<Freshness>,
    /// The answer of the last read on load or after a write (not of a poll), failures too.
    loaded: RwSignal<Option<Result<wire::WorkItemsCount, ApiError>>>,
    /// Bumped by Show, so the counts load again.
    changes: Changes,
    /// The loaded queues; Show loads the pending one again (absent in component tests).
    queues: Option<Queues>,
}

impl Fresh {
    /// How many work items arrived since the list was loaded (reactive).
    pub fn new_items(&self) -> u64 {
        self.state.with(Freshness::new_items)
    }

    /// Whether items left the list elsewhere since it was loaded (reactive).
    pub fn left_elsewhere(&self) -> bool {
        self.state.with(Freshness::left_elsewhere)
    }

    /// The pending count as last loaded (not polled), or why it could not be; `None`
    /// until the first answer (reactive). One read serves the title, the notice and the
    /// Pending tab.
    pub fn loaded_count(&self) -> Option<Result<wire::WorkItemsCount, ApiError>> {
        self.loaded.get()
    }

    /// Brings the new items in: lists and counts load again.
    pub fn show(&self) {
        if let Some(queues) = self.queues {
            // Everything is loaded again: the count is the new base.
            queues.take_left_pending();
            queues.pending.reload();
        }
        self.changes.bump();
    }
}

/// Why a count is read, which decides what it means.
#[derive(Clone, Copy, PartialEq)]
enum Read {
    /// The list was (re)loaded with it.
    Loaded,
    /// A poll.
    Polled,
}

/// Starts keeping the count fresh while `signed_in`, and provides [`Fresh`] below.
pub fn provide_fresh(signed_in: Memo<bool>) -> Fresh {
    let api = expect_context::<Client>();
    let (changes, view_as) = (expect_context::<Changes>(), expect_context::<ViewAs>());
    let fresh = Fresh {
        state: RwSignal::new(Freshness::default()),
        loaded: RwSignal::new(None),
        changes,
        queues: use_context::<Queues>(),
    };
    // Answers can arrive out of order: a poll counts only when it is newer than every
    // answer applied, a load when it is newer than every load applied. A load is never
    // dropped for a newer poll: it says what the list was loaded with, which no poll
    // says (a poll answered first once kept "1 new work item" up after Show).
    let (asked, applied) = (StoredValue::new(0u64), StoredValue::new(0u64));
    let applied_load = StoredValue::new(0u64);
    // The first read of this page's count. The queues live for the app: a page opened
    // on a list loaded earlier (back from an item's page) counts from what that list
    // shows, not from the count now, or what arrived meanwhile would never show as new.
    let first = StoredValue::new(true);
    let read = {
        let api = api.clone();
        move |why: Read| {
            if !signed_in.get_untracked() {
                return;
            }
            asked.update_value(|n| *n += 1);
            let (mine, api) = (asked.get_value(), api.clone());
            let owner = view_as.owner_id();
            // A read after the person's own writes: what they took out of their list.
            let left = match why {
                Read::Loaded => fresh.queues.map_or(0, |q| q.take_left_pending()),
                Read::Polled => 0,
            };
            let kept = match why {
                Read::Loaded if first.get_value() => {
                    first.set_value(false);
                    fresh.queues.and_then(|q| q.pending.kept_count())
                }
                _ => None,
            };
            spawn_local(async move {
                let answer = work_items::count(&api, owner.as_deref()).await;
                let stale = match why {
                    Read::Polled => applied.try_get_value().is_none_or(|last| last >= mine),
                    Read::Loaded => applied_load.try_get_value().is_none_or(|last| last >= mine),
                };
                if stale {
                    return;
                }
                // A failed poll changes nothing (the next one tries again); a failed
                // load is shown.
                if why == Read::Loaded {
                    applied_load.set_value(mine);
                }
                if why == Read::Loaded || answer.is_ok() {
                    applied.update_value(|last| *last = (*last).max(mine));
                }
                if why == Read::Loaded {
                    // The Pending tab counts what its list shows.
                    fresh.loaded.set(Some(match kept {
                        Some(shown) => answer.clone().map(|_| wire::WorkItemsCount {
                            count: Some(i64::try_from(shown).unwrap_or(i64::MAX)),
                        }),
                        None => answer.clone(),
                    }));
                }
                let Ok(count) = answer else { return };
                // The server is back after a load that failed: what failed loads again,
                // so its errors do not stay on screen until the person presses Retry.
                if why == Read::Polled && fresh.loaded.with_untracked(|l| matches!(l, Some(Err(_))))
                {
                    fresh.show();
                    return;
                }
                let count = u64::try_from(count.count.unwrap_or(0)).unwrap_or(0);
                fresh.state.update(|s| match why {
                    Read::Loaded => match (kept, left) {
                        (Some(shown), _) => s.kept(shown, count),
                        (None, 0) => s.loaded(count),
                        (None, left) => s.after_writes(left, count),
                    },
                    Read::Polled => s.polled(count),
                });
            });
        }
    };
    let on_change = read.clone();
    Effect::new(move |_| {
        changes.track();
        // Read for its subscription: another person viewed is another count.
        view_as.owner_id();
        if signed_in.get() {
            on_change(Read::Loaded);
        }
    });
    let page = use_context::<PageName>();
    Effect::new(move |_| {
        // Signed out, the page shows the sign-in panel, whatever its address.
        let name = page.filter(|_| signed_in.get()).and_then(|p| p.get());
        platform::set_title(&title(fresh.state.with(Freshness::latest), name.as_deref()));
    });
    every_while_visible(api.poll_seconds(), move || read(Read::Polled));
    provide_context(fresh);
    fresh
}

/// Runs `tick` every `seconds` while the page is visible, and once as soon as it is shown
/// again (rather than up to an interval late), until the owner goes; never when `seconds`
/// is 0.
pub fn every_while_visible(seconds: u32, tick: impl Fn() + Clone + 'static) {
    if seconds == 0 {
        return;
    }
    let on_time = tick.clone();
    let interval = set_interval_with_handle(
        move || {
            if !platform::document_hidden() {
                on_time();
            }
        },
        Duration::from_secs(u64::from(seconds)),
    )
    .ok();
    let visible = SendWrapper::new(platform::on_document(
        "visibilitychange",
        move |_: web_sys::Event| {
            if !platform::document_hidden() {
                tick();
            }
        },
    ));
    on_cleanup(move || {
        if let Some(handle) = interval {
            handle.clear();
        }
        drop(visible);
    });
}

/// The freshness provided above, if any.
pub fn use_fresh() -> Option<Fresh> {
    use_context::<Fresh>()
}
