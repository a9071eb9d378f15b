//! Which work items a person has selected for a bulk action, and the current row the
//! keyboard moves. Ranges and "select all" work over the *visible ordered* list (what the
//! filters and sort show), and ids that leave it are dropped, so an action never applies
//! to something the person can no longer see.

use std::collections::HashSet;

/// The selected work items (by id), plus the anchor a shift-click extends from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The selected ids.
    ids: HashSet<String>,
    /// The row last clicked without Shift: where the next shift-click's range starts.
    anchor: Option<String>,
}

impl Selection {
    /// How many items are selected.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether `id` is selected.
    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// Selects `id` if it was not, unselects it if it was; it becomes the anchor.
    pub fn toggle(&mut self, id: &str) {
        if !self.ids.remove(id) {
            self.ids.insert(id.to_owned());
        }
        self.anchor = Some(id.to_owned());
    }

    /// A click on the checkbox of `id`. With Shift, every row of `visible` between the
    /// anchor and `id` takes the state `id` takes (selected, or not); without, it toggles.
    /// A shift-click without an anchor still visible is a plain toggle.
    pub fn click(&mut self, id: &str, shift: bool, visible: &[String]) {
        let range = self.anchor.as_ref().filter(|_| shift).and_then(|anchor| {
            let from = visible.iter().position(|v| v == anchor)?;
            let to = visible.iter().position(|v| v == id)?;
            Some(from.min(to)..=from.max(to))
        });
        let Some(range) = range else {
            return self.toggle(id);
        };
        let select = !self.ids.contains(id);
        for row in &visible[range] {
            match select {
                true => self.ids.insert(row.clone()),
                false => self.ids.remove(row),
            };
        }
        // The anchor stays where it was, so the next shift-click re-draws from it.
    }

    /// Selects every row of `visible` ("Select all N matching").
    pub fn select_all(&mut self, visible: &[String]) {
        self.ids.extend(visible.iter().cloned());
    }

    /// Unselects every row of `rows` (a group's checkbox unticked).
    pub fn unselect_all(&mut self, rows: &[String]) {
        for row in rows {
            self.ids.remove(row);
        }
    }

    /// Selects nothing.
    pub fn clear(&mut self) {
        self.ids.clear();
        self.anchor = None;
    }

    /// Drops the ids that are not in `visible` any more (decided, forwarded, filtered out).
    /// Returns whether anything changed, so a caller need not notify for nothing.
    pub fn prune(&mut self, visible: &[String]) -> bool {
        self.prune_but(visible, |_| false)
    }

    /// [`Selection::prune`], but keeps the ids for which `later` holds too (items of a list
    /// still loading, which may yet be shown).
    pub fn prune_but(&mut self, visible: &[String], later: impl Fn(&str) -> bool) -> bool {
        // Nothing to drop (a sort or a search with nothing selected): no index of thousands.
        if self.ids.is_empty() && self.anchor.is_none() {
            return false;
        }
        let present: HashSet<&str> = visible.iter().map(String::as_str).collect();
        let keep = |id: &str| present.contains(id) || later(id);
        let before = self.ids.len();
        self.ids.retain(|id| keep(id));
        if self.anchor.as_deref().is_some_and(|a| !keep(a)) {
            self.anchor = None;
        }
        self.ids.len() != before
    }

    /// The selected ids, in no particular order.
    pub fn ids(&self) -> Vec<String> {
        self.ids.iter().cloned().collect()
    }

    /// The selected ids in the order of `visible` (the order actions run and results show).
    pub fn in_order(&self, visible: &[String]) -> Vec<String> {
        visible
            .iter()
            .filter(|id| self.ids.contains(*id))
            .cloned()
            .collect()
    }
}

/// Moves the current row `by` rows (negative is up) in a list of `len` rows, stopping at
/// either end; with no current row, moving down starts at the first and up at the last.
pub fn step(current: Option<usize>, by: isize, len: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    Some(match current {
        None if by < 0 => last,
        None => 0,
        Some(at) => at.min(last).saturating_add_signed(by).min(last),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("w{i}")).collect()
    }

    #[test]
    fn a_click_toggles_one_row_and_a_second_click_unselects_it() {
        let (mut s, visible) = (Selection::default(), rows(5));
        s.click("w1", false, &visible);
        assert!(s.contains("w1"));
        assert_eq!(s.len(), 1);
        s.click("w1", false, &visible);
        assert!(s.is_empty());
    }

    #[test]
    fn a_shift_click_selects_the_visible_range_from_the_anchor_in_either_direction() {
        let (mut s, visible) = (Selection::default(), rows(6));
        s.click("w4", false, &visible);
        s.click("w1", true, &visible);
        assert_eq!(s.in_order(&visible), ["w1", "w2", "w3", "w4"]);
        // Re-drawn from the same anchor downwards: the earlier range stays selected.
        s.click("w5", true, &visible);
        assert_eq!(s.in_order(&visible), ["w1", "w2", "w3", "w4", "w5"]);
    }

    #[test]
    fn a_shift_click_follows_the_visible_order_not_the_order_of_loading() {
        let mut s = Selection::default();
        // Sorted by name, the rows show in an order unlike their ids.
        let visible: Vec<String> = ["w9", "w2", "w7", "w1"].map(String::from).to_vec();
        s.click("w9", false, &visible);
        s.click("w7", true, &visible);
        assert_eq!(s.in_order(&visible), ["w9", "w2", "w7"]);
        assert!(!s.contains("w1"));
    }

    #[test]
    fn a_shift_click_on_a_selected_row_unselects_the_range() {
        let (mut s, visible) = (Selection::default(), rows(5));
        s.select_all(&visible);
        s.click("w1", false, &visible); // unselects w1, anchors there
        s.click("w3", true, &visible); // w3 is selected, so the range is unselected
        assert_eq!(s.in_order(&visible), ["w0", "w4"]);
    }

    #[test]
    fn a_shift_click_without_an_anchor_is_a_plain_toggle() {
        let (mut s, visible) = (Selection::default(), rows(3));
        s.click("w2", true, &visible);
        assert_eq!(s.in_order(&visible), ["w2"]);
    }

    #[test]
    fn select_all_takes_every_visible_row_and_clear_drops_them() {
        let (mut s, visible) = (Selection::default(), rows(4));
        s.select_all(&visible);
        assert_eq!(s.len(), 4);
        s.clear();
        assert!(s.is_empty());
    }

    #[test]
    fn ids_that_leave_the_visible_list_are_pruned_with_their_anchor() {
        let (mut s, visible) = (Selection::default(), rows(4));
        s.click("w1", false, &visible);
        s.click("w2", false, &visible);
        let after: Vec<String> = ["w0", "w2", "w3"].map(String::from).to_vec();
        assert!(s.prune(&after));
        assert_eq!(s.in_order(&after), ["w2"]);
        assert!(!s.prune(&after), "nothing left to prune");
        // w2 is the anchor and still there: a shift-click ranges from it.
        s.click("w0", true, &after);
        assert_eq!(s.in_order(&after), ["w0", "w2"]);
    }

    #[test]
    fn while_the_list_loads_what_is_not_loaded_yet_stays_selected() {
        let (mut s, visible) = (Selection::default(), rows(3));
        s.select_all(&visible);
        let shown: Vec<String> = vec!["w0".into()];
        // w1 is loaded but filtered out; w2 is not loaded yet.
        assert!(s.prune_but(&shown, |id| id == "w2"));
        assert_eq!(s.in_order(&visible), ["w0", "w2"]);
    }

    #[test]
    fn the_current_row_moves_within_the_list_and_starts_at_an_end() {
        assert_eq!(step(None, 1, 3), Some(0));
        assert_eq!(step(None, -1, 3), Some(2));
        assert_eq!(step(Some(0), -1, 3), Some(0));
        assert_eq!(step(Some(1), 1, 3), Some(2));
        assert_eq!(step(Some(2), 1, 3), Some(2));
        assert_eq!(step(Some(7), -1, 3), Some(1), "a list that shrank");
        assert_eq!(step(Some(0), 1, 0), None);
    }
}
