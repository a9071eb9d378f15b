//! App-wide state shared through context: whose work items are shown (admins may view
//! as someone else), the counter of changes, the list a detail page goes back to, and the
//! page's name in the document's title.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::logic::selection::Selection;
use crate::platform;
use crate::routes::{AppRoute, Tab};

const KEY: &str = "my-tasks.view-as";

/// An identity an admin views the work items of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Identity id, sent as `ownerId`.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// Who is signed in: the identity's id, and whether it is an admin (may view as others).
pub type Viewer = Option<(String, bool)>;

/// A choice to view as someone, and the admin who made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Chosen {
    /// The identity id of the admin who chose.
    by: String,
    /// Whose work items they view.
    person: Person,
}

/// Whose work items the app shows: `None` is the signed-in identity. Kept for the tab, and
/// only for the admin who chose it: after a sign-out, someone else signed in on the tab
/// sees their own (once, a non-admin got only 403s, with no way back to their tasks).
#[derive(Debug, Clone, Copy)]
pub struct ViewAs {
    chosen: RwSignal<Option<Chosen>>,
    viewer: Memo<Viewer>,
}

impl ViewAs {
    /// Restores the choice saved in this tab; `viewer` is who is signed in (reactive).
    pub fn restore(viewer: Memo<Viewer>) -> ViewAs {
        let saved = platform::session_get(KEY).and_then(|json| serde_json::from_str(&json).ok());
        ViewAs {
            chosen: RwSignal::new(saved),
            viewer,
        }
    }

    /// Views as `person` (or as oneself with `None`), remembered for the tab; only an
    /// admin signed in may.
    pub fn set(&self, person: Option<Person>) {
        let by = self
            .viewer
            .with_untracked(|v| v.clone().filter(|(_, admin)| *admin));
        let chosen = by
            .zip(person)
            .map(|((by, _), person)| Chosen { by, person });
        match chosen.as_ref().and_then(|c| serde_json::to_string(c).ok()) {
            Some(json) => platform::session_set(KEY, &json),
            None => platform::session_remove(KEY),
        }
        if self.chosen.with_untracked(|c| *c != chosen) {
            self.chosen.set(chosen);
        }
    }

    /// Forgets the choice saved in this tab, for a sign-out: the page is left at once, so
    /// nothing shown changes (which would read again, without a session).
    pub fn forget(&self) {
        platform::session_remove(KEY);
    }

    /// Whose work items are shown, if not the signed-in person's (reactive).
    pub fn person(&self) -> Option<Person> {
        let chosen = self.chosen.get()?;
        let allowed = self.viewer.with(|viewer| {
            viewer
                .as_ref()
                .is_some_and(|(id, admin)| *admin && *id == chosen.by)
        });
        allowed.then_some(chosen.person)
    }

    /// The `ownerId` to send (reactive).
    pub fn owner_id(&self) -> Option<String> {
        self.person().map(|p| p.id)
    }
}

/// A counter every read of work items depends on: a write (issue 4's actions) calls
/// [`Changes::bump`] and the detail, lists, counts and widget refetch, without a reload.
#[derive(Debug, Clone, Copy)]
pub struct Changes(RwSignal<u64>);

impl Changes {
    /// A fresh counter.
    pub fn new() -> Changes {
        Changes(RwSignal::new(0))
    }

    /// Subscribes the current reader (a resource's fetcher) to changes.
    pub fn track(&self) {
        self.0.track();
    }

    /// Tells every reader that work items changed.
    pub fn bump(&self) {
        self.0.update(|n| *n += 1);
    }
}

impl Default for Changes {
    fn default() -> Self {
        Changes::new()
    }
}

/// The work items with a command of their own in flight (Mark Complete, a decision, a
/// forward, a form), wherever it was sent from. Such a request may outlive its page (Back
/// while it waits out a 429), and until it is answered no other page sends a command about
/// the same item: a row would otherwise offer the opposite decision meanwhile.
#[derive(Debug, Clone, Copy)]
pub struct Acting(RwSignal<Vec<String>>);

impl Acting {
    /// No command in flight.
    pub fn new() -> Acting {
        Acting(RwSignal::new(Vec::new()))
    }

    /// Whether a command about `id` is in flight (tracked).
    pub fn holds(&self, id: &str) -> bool {
        self.0.with(|ids| ids.iter().any(|held| held == id))
    }

    /// Whether a command about `id` is in flight, read once (not tracked).
    pub fn holds_now(&self, id: &str) -> bool {
        self.0
            .try_with_untracked(|ids| ids.iter().any(|held| held == id))
            .unwrap_or(false)
    }

    /// Marks `id` as having a command in flight until the guard is dropped: when its
    /// answer came, or when the future sending it was dropped unanswered.
    pub fn hold(&self, id: &str) -> Held {
        self.0.update(|ids| ids.push(id.to_owned()));
        Held {
            acting: *self,
            id: id.to_owned(),
        }
    }
}

/// A command in flight, as [`Acting::hold`] marked it.
pub struct Held {
    acting: Acting,
    id: String,
}

impl Drop for Held {
    fn drop(&mut self) {
        // The app may be gone by now (the page closed): nothing is left to tell.
        self.acting.0.try_update(|ids| {
            if let Some(at) = ids.iter().position(|held| held == &self.id) {
                ids.swap_remove(at);
            }
        });
    }
}

impl Default for Acting {
    fn default() -> Self {
        Acting::new()
    }
}

/// The shown page's own name, for the document's title ("Pending · Task Manager"), which
/// the count polling puts together with the pending count: each page and item has a title
/// of its own, so a person can tell browser tabs and history entries apart, and a screen
/// reader says where they arrived.
#[derive(Debug, Clone, Copy)]
pub struct PageName {
    /// The name and which page gave it.
    named: RwSignal<Option<(u64, String)>>,
    /// How many pages asked so far, to tell them apart.
    asked: StoredValue<u64>,
}

impl PageName {
    /// No page named yet.
    pub fn new() -> PageName {
        PageName {
            named: RwSignal::new(None),
            asked: StoredValue::new(0),
        }
    }

    /// The page's name, if it gave one (reactive).
    pub fn get(&self) -> Option<String> {
        self.named
            .with(|n| n.as_ref().map(|(_, name)| name.clone()))
    }

    /// Names the page as `name` says, for as long as the calling component lives. Without
    /// the context (the widget alone has no pages), nothing.
    pub fn follow(name: impl Fn() -> Option<String> + 'static) {
        let Some(page) = use_context::<PageName>() else {
            return;
        };
        page.asked.update_value(|n| *n += 1);
        let mine = page.asked.get_value();
        Effect::new(move |_| page.named.set(name().map(|name| (mine, name))));
        // The next page may have named itself before this one goes: only this page's own
        // name is taken away with it.
        on_cleanup(move || {
            if page
                .named
                .try_with_untracked(|n| n.as_ref().is_some_and(|(by, _)| *by == mine))
                == Some(true)
            {
                page.named.try_set(None);
            }
        });
    }
}

impl Default for PageName {
    fn default() -> Self {
        PageName::new()
    }
}

/// The Task Manager list last shown, as its address (tab and view, e.g.
/// `/tasks/completed?sort=name`), so a detail page's way back returns to the list the item
/// was opened from rather than to the Pending tab's default view; the row the keyboard had
/// current there, so that coming back to that list carries on from it; and the view each
/// tab was last shown with, which the tab's link brings back.
#[derive(Debug, Clone, Copy)]
pub struct ListPlace {
    /// The address of the list last shown.
    href: StoredValue<Option<String>>,
    /// The address of the list last left for an item, and what it was left with.
    left: StoredValue<Option<(String, Left)>>,
    /// The query of the view each tab was last shown with (Pending's, Completed's), so
    /// that a tab's link brings its view back.
    tab_views: StoredValue<[String; 2]>,
}

/// What a list was left with for an item, to find again on coming back to it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Left {
    /// The keyboard's current row, if there was one.
    pub row: Option<CurrentRow>,
    /// The rows selected.
    pub selection: Selection,
}

/// The keyboard's current row of a list: its item, and where it was among the rows shown
/// (the row that takes its place, should the item have left meanwhile).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentRow {
    /// The work item's id.
    pub id: String,
    /// Its position among the rows shown, 0-based.
    pub at: usize,
}

impl ListPlace {
    /// Nothing shown yet.
    pub fn new() -> ListPlace {
        ListPlace {
            href: StoredValue::new(None),
            left: StoredValue::new(None),
            tab_views: StoredValue::new(Default::default()),
        }
    }

    /// Remembers the list at `path` with the query `search` (without its `?`); other
    /// paths are not lists and are ignored. (The Task Manager sees the location change to
    /// the detail page it opens before it is gone.)
    pub fn remember(&self, path: &str, search: &str) {
        if path.starts_with("/tasks/") {
            self.href.set_value(Some(list_href(path, search)));
        }
        if let Some(tab) = path.strip_prefix("/tasks/").and_then(Tab::parse) {
            self.tab_views
                .update_value(|views| views[slot(tab)] = search.to_owned());
        }
    }

    /// The address of `tab` with the view it was last shown with (its default view if
    /// it has not been shown).
    pub fn tab_href(&self, tab: Tab) -> String {
        let search = self.tab_views.with_value(|views| views[slot(tab)].clone());
        list_href(&AppRoute::tab(tab).href(), &search)
    }

    /// Where to go back to: the list last shown, else the Pending tab.
    pub fn href(&self) -> String {
        self.href
            .get_value()
            .unwrap_or_else(|| AppRoute::tab(Tab::Pending).href())
    }

    /// The list last shown is being left with `left` (a current row, a selection).
    pub fn leave(&self, left: Left) {
        let kept = (left != Left::default()).then_some(left);
        self.left.set_value(self.href.get_value().zip(kept));
    }

    /// What to take up again on showing the list at `path` with the query `search`: what
    /// it was left with, if it is that list (another view of the tab is another list,
    /// where that position and selection mean nothing).
    pub fn resume(&self, path: &str, search: &str) -> Option<Left> {
        let (href, left) = self.left.get_value()?;
        (href == list_href(path, search)).then_some(left)
    }
}

/// Where a tab's view is kept in [`ListPlace`].
fn slot(tab: Tab) -> usize {
    match tab {
        Tab::Pending => 0,
        Tab::Completed => 1,
    }
}

/// The address of the list at `path` with the query `search` (without its `?`).
pub fn list_href(path: &str, search: &str) -> String {
    match search {
        "" => path.to_owned(),
        search => format!("{path}?{search}"),
    }
}

impl Default for ListPlace {
    fn default() -> Self {
        ListPlace::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, at: usize) -> CurrentRow {
        CurrentRow { id: id.into(), at }
    }

    #[test]
    fn a_list_left_with_a_current_row_and_a_selection_gives_them_back_to_that_list_only() {
        let place = ListPlace::new();
        assert_eq!(place.href(), "/tasks/pending");
        place.remember("/tasks/pending", "type=Approval");
        place.remember("/items/abc", "");
        assert_eq!(place.href(), "/tasks/pending?type=Approval");
        let mut selection = Selection::default();
        selection.select_all(&["abc".to_owned(), "def".to_owned()]);
        let left = Left {
            row: Some(row("abc", 7)),
            selection,
        };
        place.leave(left.clone());
        assert_eq!(place.resume("/tasks/pending", "type=Approval"), Some(left));
        assert_eq!(place.resume("/tasks/pending", ""), None);
        assert_eq!(place.resume("/tasks/completed", "type=Approval"), None);
        // Left with no current row and nothing selected: nothing to take up again.
        place.leave(Left::default());
        assert_eq!(place.resume("/tasks/pending", "type=Approval"), None);
    }

    #[test]
    fn each_tab_link_brings_back_the_view_that_tab_was_last_shown_with() {
        let place = ListPlace::new();
        assert_eq!(place.tab_href(Tab::Pending), "/tasks/pending");
        place.remember("/tasks/pending", "q=fred&sort=oldest");
        place.remember("/tasks/completed", "sort=name");
        place.remember("/items/abc", "");
        assert_eq!(
            place.tab_href(Tab::Pending),
            "/tasks/pending?q=fred&sort=oldest"
        );
        assert_eq!(place.tab_href(Tab::Completed), "/tasks/completed?sort=name");
        // Back to its default view.
        place.remember("/tasks/completed", "");
        assert_eq!(place.tab_href(Tab::Completed), "/tasks/completed");
        // Not a tab: nothing changes.
        place.remember("/tasks/other", "q=x");
        assert_eq!(
            place.tab_href(Tab::Pending),
            "/tasks/pending?q=fred&sort=oldest"
        );
    }
}
