//! Staying fresh without reloading: the pending count is polled, and what a person sees
//! is only replaced when they ask. [`Freshness`] tells the count the list was loaded
//! with from the latest polled one, so "3 new work items · Show" can appear without the
//! list moving under them; [`title`] is the tab's title with the pending count.

use crate::t;

/// The pending count as the list was loaded, and as last polled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Freshness {
    /// The count when the person's list was (re)loaded.
    seen: Option<u64>,
    /// The count the last poll (or load) found.
    latest: Option<u64>,
    /// A poll found fewer items than the list holds: some left it elsewhere (decided in
    /// another tab, forwarded by an admin), and the list still shows them.
    left_elsewhere: bool,
}

impl Freshness {
    /// The list was (re)loaded while the count was `count` (after a write, or Show).
    pub fn loaded(&mut self, count: u64) {
        self.seen = Some(count);
        self.latest = Some(count);
        self.left_elsewhere = false;
    }

    /// A page was opened on a list loaded earlier and kept, which holds `shown` items, while
    /// the count is now `count`: what changed since it was loaded shows as it would have,
    /// had the person stayed on the list.
    pub fn kept(&mut self, shown: u64, count: u64) {
        // The list is the base, even when a poll answered first and took the count then.
        self.seen = Some(shown);
        self.left_elsewhere = false;
        self.polled(count);
    }

    /// A poll found `count`. When items went away meanwhile (decided elsewhere), later
    /// growth counts from the lower number, so every arrival shows as new.
    pub fn polled(&mut self, count: u64) {
        self.latest = Some(count);
        match self.seen {
            Some(seen) if count < seen => {
                self.seen = Some(count);
                self.left_elsewhere = true;
            }
            None => self.seen = Some(count),
            Some(_) => {}
        }
    }

    /// The person's own writes took `left` items out of their list, and the count is now
    /// `count`: an arrival meanwhile still shows as new (once, the count taken as the new
    /// base hid it: one in, one out, and no notice).
    pub fn after_writes(&mut self, left: u64, count: u64) {
        self.seen = self.seen.map(|seen| seen.saturating_sub(left));
        self.polled(count);
    }

    /// How many items arrived since the list was loaded.
    pub fn new_items(&self) -> u64 {
        match (self.seen, self.latest) {
            (Some(seen), Some(latest)) => latest.saturating_sub(seen),
            _ => 0,
        }
    }

    /// Whether items left the list elsewhere since it was loaded (it still shows them).
    pub fn left_elsewhere(&self) -> bool {
        self.left_elsewhere
    }

    /// The latest known pending count.
    pub fn latest(&self) -> Option<u64> {
        self.latest
    }
}

/// The notice's text: "1 new work item" / "3 new work items".
pub fn new_items_text(n: u64) -> String {
    t!("new-items", count = n)
}

/// The document's title: the page's name (when it gave one) and the pending count (when
/// known): "(12) Pending · Task Manager · My Tasks", "(12) My Tasks", "My Tasks".
pub fn title(pending: Option<u64>, page: Option<&str>) -> String {
    match (pending, page) {
        (Some(n), Some(page)) => t!("title-page-with-count", count = n, page = page),
        (None, Some(page)) => t!("title-page", page = page),
        (Some(n), None) => t!("title-with-count", count = n),
        (None, None) => t!("app-name"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_after_the_list_was_loaded_is_new_and_loading_again_clears_it() {
        let mut f = Freshness::default();
        f.loaded(10);
        assert_eq!(f.new_items(), 0);
        f.polled(13);
        assert_eq!(f.new_items(), 3);
        assert_eq!(new_items_text(f.new_items()), "3 new work items");
        f.loaded(13);
        assert_eq!(f.new_items(), 0);
        assert_eq!(f.latest(), Some(13));
    }

    #[test]
    fn items_that_leave_lower_the_base_so_a_later_arrival_still_shows() {
        let mut f = Freshness::default();
        f.loaded(10);
        f.polled(8);
        assert_eq!(f.new_items(), 0);
        f.polled(9);
        assert_eq!(f.new_items(), 1);
        assert_eq!(new_items_text(1), "1 new work item");
    }

    #[test]
    fn an_arrival_before_the_persons_own_write_still_shows_as_new() {
        let mut f = Freshness::default();
        f.loaded(22);
        // One forwarded in (not yet polled), one completed by the person: still 22.
        f.after_writes(1, 22);
        assert_eq!(f.new_items(), 1);
        assert_eq!(f.latest(), Some(22));
        // Without an arrival, nothing is new.
        let mut f = Freshness::default();
        f.loaded(22);
        f.after_writes(2, 20);
        assert_eq!(f.new_items(), 0);
    }

    #[test]
    fn items_that_leave_elsewhere_are_told_until_the_list_loads_again() {
        let mut f = Freshness::default();
        f.loaded(25);
        assert!(!f.left_elsewhere());
        f.polled(24);
        assert!(f.left_elsewhere());
        assert_eq!(f.new_items(), 0);
        f.loaded(24);
        assert!(!f.left_elsewhere());
    }

    #[test]
    fn a_page_opened_on_a_kept_list_tells_what_changed_since_it_was_loaded() {
        // Nine shown; one forwarded in while the person was on an item's page.
        let mut f = Freshness::default();
        f.kept(9, 10);
        assert_eq!(f.new_items(), 1);
        assert_eq!(f.latest(), Some(10));
        // Ten shown, one decided in another tab meanwhile.
        let mut f = Freshness::default();
        f.kept(10, 9);
        assert_eq!(f.new_items(), 0);
        assert!(f.left_elsewhere());
        // Nothing changed.
        let mut f = Freshness::default();
        f.kept(10, 10);
        assert_eq!((f.new_items(), f.left_elsewhere()), (0, false));
        // A poll answered before the page's first read does not become the base.
        let mut f = Freshness::default();
        f.polled(10);
        f.kept(9, 10);
        assert_eq!(f.new_items(), 1);
    }

    #[test]
    fn a_first_poll_before_any_load_is_the_base() {
        let mut f = Freshness::default();
        assert_eq!(f.new_items(), 0);
        f.polled(5);
        assert_eq!(f.new_items(), 0);
        f.polled(6);
        assert_eq!(f.new_items(), 1);
    }

    #[test]
    fn the_title_carries_the_pending_count_when_known() {
        assert_eq!(title(Some(12), None), "(12) My Tasks");
        assert_eq!(title(None, None), "My Tasks");
        assert_eq!(
            title(Some(12), Some("Pending · Task Manager")),
            "(12) Pending · Task Manager · My Tasks"
        );
        assert_eq!(
            title(None, Some("Page not found")),
            "Page not found · My Tasks"
        );
    }
}
