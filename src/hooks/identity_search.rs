//! `use_identity_search`: the app's one search for people — debounced as a person types
//! (the Forward dialog's picker) or at once on request (View as), and stale-answer-proof
//! either way — and [`people_search`], the search through the public identities endpoint.

use crate::api::{identities, Client, Paging};
use crate::t;

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use wire::PublicIdentity;

/// How long typing must pause before a search is sent.
const DEBOUNCE: Duration = Duration::from_millis(250);

type SearchFuture = Pin<Box<dyn Future<Output = Result<Vec<PublicIdentity>, String>>>>;

/// The search behind the picker: a query in, people (or a message to show) out. The caller
/// decides where people come from (the public identities endpoint, or a fake in tests).
/// The function is `Send + Sync` (its future need not be) so views can hold it.
#[derive(Clone)]
pub struct IdentitySearch(Arc<dyn Fn(String) -> SearchFuture + Send + Sync>);

impl IdentitySearch {
    /// Wraps an async function `query -> Result<people, message>`.
    pub fn new<F, Fut>(search: F) -> Self
    where
        F: Fn(String) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<Vec<PublicIdentity>, String>> + 'static,
    {
        IdentitySearch(Arc::new(move |query| Box::pin(search(query))))
    }
}

/// A search through the public identities endpoint for at most `limit` people, leaving
/// out `except` (the Forward dialog leaves out the current owner: the API refuses to
/// forward to them).
pub fn people_search(api: Client, except: Option<String>, limit: u32) -> IdentitySearch {
    IdentitySearch::new(move |query: String| {
        let (api, except) = (api.clone(), except.clone());
        async move {
            let paging = Paging {
                limit,
                offset: 0,
                count: false,
            };
            identities::search(&api, &query, paging)
                .await
                .map(|page| page.items.into_iter().filter(|p| p.id != except).collect())
                .map_err(|e| e.message())
        }
    })
}

/// Where the search stands, for the picker's status line.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchStatus {
    /// Nothing typed.
    Idle,
    /// A search is in flight.
    Searching,
    /// The last search found this many people.
    Found(usize),
    /// The last search failed with this message.
    Failed(String),
}

impl SearchStatus {
    /// The status line a person reads.
    pub fn text(&self) -> String {
        match self {
            SearchStatus::Idle => String::new(),
            SearchStatus::Searching => t!("people-searching"),
            SearchStatus::Found(0) => t!("people-none-found"),
            SearchStatus::Found(n) => t!("people-found", count = *n),
            SearchStatus::Failed(message) => t!("people-search-failed", reason = message),
        }
    }
}

/// The state of a people search; `Copy`, so closures can hold it.
#[derive(Clone, Copy)]
pub struct UseIdentitySearch {
    /// The people the last search found (only those with an id: they can be chosen).
    pub results: RwSignal<Vec<PublicIdentity>>,
    /// Where the search stands.
    pub status: RwSignal<SearchStatus>,
    /// Whether the result list is shown.
    pub open: RwSignal<bool>,
    /// The highlighted result.
    pub active: RwSignal<Option<usize>>,
    search: StoredValue<IdentitySearch>,
    timer: StoredValue<Option<TimeoutHandle>>,
    generation: StoredValue<u64>,
}

/// Creates the search state; pending timers are cleared when the owner is disposed.
pub fn use_identity_search(search: IdentitySearch) -> UseIdentitySearch {
    let this = UseIdentitySearch {
        results: RwSignal::new(Vec::new()),
        status: RwSignal::new(SearchStatus::Idle),
        open: RwSignal::new(false),
        active: RwSignal::new(None),
        search: StoredValue::new(search),
        timer: StoredValue::new(None),
        generation: StoredValue::new(0),
    };
    on_cleanup(move || {
        if let Some(handle) = this.timer.try_get_value().flatten() {
            handle.clear();
        }
    });
    this
}

impl UseIdentitySearch {
    /// The person typed `text`: search for it once typing pauses (blank text clears).
    pub fn query(&self, text: &str) {
        let this = *self;
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let Some(text) = self.start(text) else { return };
        let handle = set_timeout_with_handle(move || this.run(text), DEBOUNCE);
        self.timer.set_value(handle.ok());
    }

    /// Search for `text` now, without waiting for typing to pause; blank text asks for
    /// everyone (the person pressed a button, so they want a list).
    pub fn query_now(&self, text: &str) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.run(text.trim().to_owned());
    }

    /// Clears the results and forgets any search in flight.
    pub fn clear(&self) {
        self.generation.update_value(|g| *g += 1);
        self.results.set(Vec::new());
        self.open.set(false);
        self.status.set(SearchStatus::Idle);
    }

    /// The trimmed text to search for; blank text clears instead.
    fn start(&self, text: &str) -> Option<String> {
        let text = text.trim().to_owned();
        if text.is_empty() {
            self.clear();
            return None;
        }
        Some(text)
    }

    fn run(self, text: String) {
        let Some(search) = self.search.try_get_value() else {
            return; // the picker is gone
        };
        self.generation.update_value(|g| *g += 1);
        let mine = self.generation.get_value();
        self.status.set(SearchStatus::Searching);
        spawn_local(async move {
            let outcome = (search.0)(text).await;
            if self.generation.try_get_value() != Some(mine) {
                return; // a newer search has started (or the picker is gone)
            }
            match outcome {
                Ok(people) => {
                    let people: Vec<_> = people.into_iter().filter(|p| p.id.is_some()).collect();
                    self.status.set(SearchStatus::Found(people.len()));
                    self.open.set(!people.is_empty());
                    self.active.set(None);
                    self.results.set(people);
                }
                Err(message) => self.status.set(SearchStatus::Failed(message)),
            }
        });
    }
}
