//! `use_queue`: the whole of a person's Pending (or Completed) work items in memory. Every
//! page (250 items) is fetched in the background, at most [`IN_FLIGHT`] at a time and
//! within [`BUDGET`] requests per 10 s (the API allows 100; the rest is left for the
//! person's own actions), and each page is usable as soon as it arrives. The queues live
//! for the app (context), so going to a detail page and back loads nothing again; they
//! reload when the person viewed as changes. A write changes one item in place
//! ([`Queues::item_changed`]) instead of loading everything again.

use std::cell::RefCell;
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wire::WorkItem;

use crate::api::{work_items, ApiError, Client, Page, Paging};
use crate::logic::list::Entry;
use crate::logic::rate::RateWindow;
use crate::platform;
use crate::routes::Tab;

/// Pages requested at once while loading.
pub const IN_FLIGHT: usize = 3;
/// Requests the loader and bulk runs together may send in any 10 s window.
pub const BUDGET: usize = 90;

/// The one window of [`BUDGET`] requests per 10 s that the background loader and bulk runs
/// take from, so together they stay inside the API's rate limit; provided with the
/// queues.
#[derive(Clone, Copy)]
pub struct RequestBudget(pub StoredValue<RateWindow>);

impl RequestBudget {
    /// A fresh window.
    pub fn new() -> RequestBudget {
        RequestBudget(StoredValue::new(RateWindow::new(BUDGET, 10_000.0)))
    }
}

impl Default for RequestBudget {
    fn default() -> Self {
        RequestBudget::new()
    }
}

/// Where loading a queue stands.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    /// Nothing asked for yet.
    Idle,
    /// Pages are arriving.
    Loading,
    /// Every page is in.
    Done,
    /// A page failed; what is loaded stays usable.
    Failed(ApiError),
}

/// How far loading has come, for the "Loaded 1,250 of 5,022" line.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Items in memory.
    pub loaded: usize,
    /// The server's total (`X-Total-Count`), once the first page told it.
    pub total: Option<u64>,
    /// Where loading stands.
    pub state: LoadState,
}

/// One tab's queue; `Copy`, so views and closures can hold it.
#[derive(Clone, Copy)]
pub struct Queue {
    /// Which tab's items (which endpoint).
    tab: Tab,
    /// The loaded items, indexed for search and sort, in no particular order.
    pub entries: RwSignal<Vec<Entry>>,
    /// How far loading has come.
    pub progress: RwSignal<Progress>,
    /// Who is signed in and whose items are loaded (`None`: one's own) for the last load;
    /// `None` before any load.
    owner: StoredValue<Option<(Option<String>, Option<String>)>>,
    /// Bumped by every (re)load, so pages of an abandoned load are dropped.
    generation: StoredValue<u64>,
    /// The next [`Entry::key`].
    next_key: StoredValue<u64>,
    /// Requests sent by both queues' loaders and bulk runs in the last 10 s.
    budget: RequestBudget,
    /// The client of the last load, for [`Queue::reload`] from an event handler.
    api: StoredValue<Option<Client>>,
}

/// Both queues; provided once for the app.
#[derive(Clone, Copy)]
pub struct Queues {
    /// The Pending tab's queue.
    pub pending: Queue,
    /// The Completed tab's queue (loaded when its tab is first opened).
    pub completed: Queue,
    /// Items the person's own writes took out of Pending, not yet counted by the pending
    /// count's freshness.
    left_pending: StoredValue<u64>,
}

/// Creates the queues and provides them as context.
pub fn provide_queues() -> Queues {
    let budget = RequestBudget::new();
    provide_context(budget);
    let queues = Queues {
        pending: Queue::new(Tab::Pending, budget),
        completed: Queue::new(Tab::Completed, budget),
        left_pending: StoredValue::new(0),
    };
    provide_context(queues);
    // Signed out (not a sign-in that ended under a page that stays): what was loaded is
    // forgotten, so nobody's work items stay in memory for the next person.
    if let Some(api) = use_context::<Client>() {
        Effect::new(move || {
            if api.without_session() && api.sign_in_ended() == 0 {
                queues.pending.forget();
                queues.completed.forget();
            }
        });
    }
    queues
}

/// The queue of `tab`, loading (for the person viewed as) once something reads it.
pub fn use_queue(tab: Tab) -> Queue {
    let queues = expect_context::<Queues>();
    let (api, view_as) = (
        expect_context::<Client>(),
        expect_context::<crate::state::ViewAs>(),
    );
    let queue = queues.of(tab);
    Effect::new(move || {
        // Signing in as someone else, or viewing as someone else, is another queue.
        let signed_in = api.claims().map(|c| c.identity_id);
        let owner = view_as.owner_id();
        // Without a session nothing can be read. When the sign-in ended under the page,
        // which stays, what is loaded stays as it is until someone signs in again (the
        // same person keeps it; another loads their own). Signed out, the queues are
        // forgotten ([`provide_queues`]).
        if api.without_session() {
            return;
        }
        queue.ensure(&api, signed_in, owner);
    });
    queue
}

impl Queues {
    /// The queue of `tab`.
    pub fn of(&self, tab: Tab) -> Queue {
        match tab {
            Tab::Pending => self.pending,
            Tab::Completed => self.completed,
        }
    }

    /// A write changed the work item `id`; `after` is its state as the server answered
    /// (`None` when it is no longer the person's, e.g. forwarded). Only that item moves:
    /// it is replaced in Pending while pending, else leaves Pending (and joins a loaded
    /// Completed list when it is finished).
    pub fn item_changed(&self, id: &str, after: Option<WorkItem>) {
        if after.as_ref().is_none_or(|item| !item.is_pending()) {
            self.left_pending.update_value(|n| *n += 1);
        }
        self.place(id, after);
    }

    /// How many items the person's own writes took out of Pending since this was last
    /// asked (the pending count's freshness counts arrivals from there).
    pub fn take_left_pending(&self) -> u64 {
        self.left_pending
            .try_update_value(std::mem::take)
            .unwrap_or(0)
    }

    /// Puts the work item `id` where `after` says it belongs.
    fn place(&self, id: &str, after: Option<WorkItem>) {
        match after {
            Some(item) if item.is_pending() => self.pending.replace(id, item),
            Some(item) => {
                self.pending.remove(id);
                if self.completed.is_loaded() {
                    self.completed.replace(id, item);
                }
            }
            None => self.pending.remove(id),
        }
    }

    /// A write on `id` failed: reads that one item again and puts it where it belongs now
    /// (someone else may have decided or forwarded it).
    pub fn refresh_item(&self, api: &Client, id: &str) {
        let (this, api, id) = (*self, api.clone(), id.to_owned());
        spawn_local(async move {
            match work_items::get(&api, &id).await {
                // Someone else's change, which a poll counts: not one of the person's.
                Ok(item) => this.place(&id, Some(item)),
                Err(ApiError::NotFound(_) | ApiError::Forbidden(_)) => this.pending.remove(&id),
                // Nothing learnt: the list keeps what it showed.
                Err(_) => {}
            }
        });
    }
}

impl Queue {
    fn new(tab: Tab, budget: RequestBudget) -> Queue {
        Queue {
            tab,
            entries: RwSignal::new(Vec::new()),
            progress: RwSignal::new(Progress {
                loaded: 0,
                total: None,
                state: LoadState::Idle,
            }),
            owner: StoredValue::new(None),
            generation: StoredValue::new(0),
            next_key: StoredValue::new(0),
            budget,
            api: StoredValue::new(None),
        }
    }

    /// Waits until the loaders' budget has room for one more request, and takes it.
    async fn take_budget(&self) {
        loop {
            let now = platform::now_ms();
            let wait = self
                .budget
                .0
                .try_update_value(|b| b.take(now))
                .unwrap_or(0.0);
            if wait <= 0.0 {
                return;
            }
            platform::sleep(wait.ceil() as u32).await;
        }
    }

    fn is_loaded(&self) -> bool {
        self.progress
            .with_untracked(|p| !matches!(p.state, LoadState::Idle))
    }

    /// Loads the queue of `owner` unless it is loaded (or loading) already for the same
    /// signed-in identity.
    fn ensure(&self, api: &Client, signed_in: Option<String>, owner: Option<String>) {
        let key = (signed_in, owner.clone());
        let same = self.owner.with_value(|o| o.as_ref() == Some(&key));
        let failed = self
            .progress
            .with_untracked(|p| matches!(p.state, LoadState::Failed(_)));
        if !same || failed {
            self.owner.set_value(Some(key));
            self.api.set_value(Some(api.clone()));
            self.load(api.clone(), owner);
        }
    }

    /// How many items the list holds when it was loaded in full earlier and kept (a page
    /// opened again on it), else `None`.
    pub fn kept_count(&self) -> Option<u64> {
        let done = self
            .progress
            .try_with_untracked(|p| p.state == LoadState::Done)
            .unwrap_or(false);
        done.then(|| self.entries.with_untracked(Vec::len) as u64)
    }

    /// Forgets what is loaded and loads every page again (Retry, or new items announced).
    pub fn reload(&self) {
        let Some(api) = self.api.get_value() else {
            return; // never loaded: the first read loads it
        };
        let owner = self.owner.get_value().and_then(|(_, owner)| owner);
        self.load(api, owner);
    }

    /// Drops what is loaded (and any page still on its way), as if never loaded.
    fn forget(&self) {
        self.generation.update_value(|g| *g += 1);
        self.owner.set_value(None);
        self.entries.set(Vec::new());
        self.progress.set(Progress {
            loaded: 0,
            total: None,
            state: LoadState::Idle,
        });
    }

    fn load(&self, api: Client, owner: Option<String>) {
        let this = *self;
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        self.entries.set(Vec::new());
        self.progress.set(Progress {
            loaded: 0,
            total: None,
            state: LoadState::Loading,
        });
        spawn_local(async move {
            this.take_budget().await;
            let first = this.fetch(&api, owner.as_deref(), Paging::default()).await;
            if this.generation.try_get_value() != Some(generation) {
                return;
            }
            let page = match first {
                Ok(page) => page,
                Err(error) => return this.fail(error),
            };
            let total = page.total.unwrap_or(page.items.len() as u64);
            let seen = Rc::new(RefCell::new(HashSet::new()));
            this.append(page.items, 0, &seen, Some(total));
            let limit = wire::MAX_LIMIT;
            let offsets: VecDeque<u32> = (1..)
                .map(|n: u64| n * u64::from(limit))
                .take_while(|&o| o < total)
                .filter_map(|o| u32::try_from(o).ok())
                .collect();
            if offsets.is_empty() {
                return this.finish();
            }
            let work = Rc::new(RefCell::new(offsets));
            let running = Rc::new(RefCell::new(IN_FLIGHT));
            for _ in 0..IN_FLIGHT {
                let (api, owner, work, running, seen) = (
                    api.clone(),
                    owner.clone(),
                    work.clone(),
                    running.clone(),
                    seen.clone(),
                );
                spawn_local(async move {
                    loop {
                        let Some(offset) = work.borrow_mut().pop_front() else {
                            break;
                        };
                        this.take_budget().await;
                        if this.generation.try_get_value() != Some(generation) {
                            return;
                        }
                        let paging = Paging {
                            limit,
                            offset,
                            count: false,
                        };
                        let page = this.fetch(&api, owner.as_deref(), paging).await;
                        if this.generation.try_get_value() != Some(generation) {
                            return;
                        }
                        match page {
                            Ok(page) => this.append(page.items, i64::from(offset), &seen, None),
                            Err(error) => {
                                work.borrow_mut().clear();
                                this.fail(error);
                                return;
                            }
                        }
                    }
                    *running.borrow_mut() -= 1;
                    let failed = this
                        .progress
                        .with_untracked(|p| matches!(p.state, LoadState::Failed(_)));
                    if *running.borrow() == 0 && !failed {
                        this.finish();
                    }
                });
            }
        });
    }

    async fn fetch(
        &self,
        api: &Client,
        owner: Option<&str>,
        paging: Paging,
    ) -> Result<Page<WorkItem>, ApiError> {
        match self.tab {
            Tab::Pending => work_items::list(api, owner, paging).await,
            Tab::Completed => work_items::list_completed(api, owner, paging).await,
        }
    }

    /// Adds a page that started at `offset`, skipping items already in (the list can shift
    /// between pages while someone else works on it).
    fn append(
        &self,
        items: Vec<WorkItem>,
        offset: i64,
        seen: &Rc<RefCell<HashSet<String>>>,
        total: Option<u64>,
    ) {
        let first_key = self.next_key.get_value();
        self.next_key.set_value(first_key + items.len() as u64);
        let fresh: Vec<Entry> = items
            .into_iter()
            .enumerate()
            .filter(|(_, item)| match &item.id {
                Some(id) => seen.borrow_mut().insert(id.clone()),
                None => true,
            })
            .map(|(i, item)| Entry::new(item, offset + i as i64, first_key + i as u64))
            .collect();
        self.entries.update(|e| e.extend(fresh));
        let loaded = self.entries.with_untracked(Vec::len);
        self.progress.update(|p| {
            p.loaded = loaded;
            if total.is_some() {
                p.total = total;
            }
        });
    }

    fn finish(&self) {
        self.progress.update(|p| p.state = LoadState::Done);
    }

    fn fail(&self, error: ApiError) {
        self.progress.update(|p| p.state = LoadState::Failed(error));
    }

    /// Puts `item` in place of the entry with `id` (keeping its place in the server's
    /// order), or at the front when it is not there.
    fn replace(&self, id: &str, item: WorkItem) {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        self.entries.update(
            |entries| match entries.iter().position(|e| e.id() == Some(id)) {
                Some(at) => entries[at] = Entry::new(item, entries[at].seq, key),
                None => {
                    let first = entries.iter().map(|e| e.seq).min().unwrap_or(0);
                    entries.push(Entry::new(item, first - 1, key));
                }
            },
        );
        self.recount();
    }

    /// Drops the entry with `id`, if loaded.
    fn remove(&self, id: &str) {
        let present = self
            .entries
            .with_untracked(|e| e.iter().any(|e| e.id() == Some(id)));
        if present {
            self.entries.update(|e| e.retain(|e| e.id() != Some(id)));
            self.recount();
        }
    }

    /// After a single-item change: the loaded count follows the list, and the total
    /// follows it by the same step (the server's total changed the same way).
    fn recount(&self) {
        let loaded = self.entries.with_untracked(Vec::len);
        self.progress.update(|p| {
            if let Some(total) = p.total.as_mut() {
                *total = (*total as i64 + loaded as i64 - p.loaded as i64).max(0) as u64;
            }
            p.loaded = loaded;
        });
    }
}
