//! List pages at any offset, kept between writes as blocks of stored bodies.
//!
//! A list (one owner's pending or completed items) is cut into the blocks of `seq` that its
//! counters already use (see [`crate::store::work_items`]). Once read, a block is kept as
//! one buffer of its items' wire JSON joined with commas, beside where each item ends,
//! and the list's layout (how many items each block holds) is kept beside it. A page at
//! any offset is then a slice of one block, or of two or three neighbouring ones, sent as
//! it is kept: nothing is copied, decoded or re-encoded. Pages at offsets never asked for
//! before cost what a page asked for again costs.
//!
//! A write of work items marks the blocks it changed (and their lists' layouts), any other
//! write marks everything; what was read before a mark is never served or kept after it,
//! so a page is never older than the last committed write, and a write costs the next
//! reads only the blocks it changed.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use bytes::Bytes;

/// One list: whose, and which state.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ListKey {
    /// The owner whose list it is.
    pub owner_id: String,
    /// Pending (true) or completed list.
    pub pending: bool,
}

/// Where each non-empty block of one list starts in the list.
#[derive(Debug, Default)]
pub struct Layout {
    /// The blocks' numbers, in list order.
    blocks: Vec<i64>,
    /// The list position of each block's first item.
    starts: Vec<u64>,
    /// Items in the list.
    total: u64,
}

impl Layout {
    /// The layout of a list whose blocks hold `counts` items: `(block, items)` in block
    /// order, as the block counters say (empty blocks are left out).
    pub fn new(counts: impl IntoIterator<Item = (i64, i64)>) -> Layout {
        let mut layout = Layout::default();
        for (block, n) in counts {
            let Ok(n @ 1..) = u64::try_from(n) else {
                continue;
            };
            layout.blocks.push(block);
            layout.starts.push(layout.total);
            layout.total += n;
        }
        layout
    }

    /// Items in the list.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Which of the layout's blocks (as indexes into it) hold the page of `limit` items
    /// at `offset`; empty past the end.
    pub fn span(&self, offset: u64, limit: u64) -> Range<usize> {
        if offset >= self.total || limit == 0 {
            return 0..0;
        }
        let last = (offset + limit).min(self.total) - 1;
        let holding = |at: u64| self.starts.partition_point(|start| *start <= at) - 1;
        holding(offset)..holding(last) + 1
    }

    /// The number of the block at `index` of the layout.
    pub fn block(&self, index: usize) -> Option<i64> {
        self.blocks.get(index).copied()
    }

    /// Bytes this layout holds, for the cache's bound.
    fn bytes(&self) -> usize {
        self.blocks.len() * 2 * std::mem::size_of::<u64>()
    }
}

/// The items of one block as the list sends them: their wire JSON joined with commas.
#[derive(Debug, Default)]
pub struct Block {
    /// `item,item,...`.
    body: Bytes,
    /// Where each item ends in `body` (the next starts one comma later).
    ends: Vec<u32>,
}

/// A [`Block`] being read, one stored body after another in list order.
#[derive(Debug, Default)]
pub struct BlockBuilder {
    /// What becomes [`Block::body`].
    body: Vec<u8>,
    /// What becomes [`Block::ends`].
    ends: Vec<u32>,
}

impl BlockBuilder {
    /// A builder with room for about `bytes` of bodies.
    pub fn with_capacity(bytes: usize) -> BlockBuilder {
        BlockBuilder {
            body: Vec::with_capacity(bytes),
            ends: Vec::new(),
        }
    }

    /// Adds the next item's stored wire JSON.
    pub fn push(&mut self, item: &[u8]) {
        if !self.ends.is_empty() {
            self.body.push(b',');
        }
        self.body.extend_from_slice(item);
        // A block holds at most 512 items of a few kilobytes: far below 4 GiB.
        self.ends
            .push(u32::try_from(self.body.len()).unwrap_or(u32::MAX));
    }

    /// The finished block.
    pub fn build(mut self) -> Block {
        // The room reserved for a full block of long items is not kept (the cache's bound
        // counts what it holds); shrinking a large allocation moves no bytes.
        self.body.shrink_to_fit();
        Block {
            body: Bytes::from(self.body),
            ends: self.ends,
        }
    }
}

impl Block {
    /// Items in the block.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the block holds no item.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Items `from..to` (`from < to <= len`) as `item,item,...`, sharing the block's bytes.
    fn slice(&self, from: usize, to: usize) -> Bytes {
        let start = match from {
            0 => 0,
            _ => self.ends[from - 1] as usize + 1,
        };
        self.body.slice(start..self.ends[to - 1] as usize)
    }

    /// Bytes this block holds, for the cache's bound.
    fn bytes(&self) -> usize {
        self.body.len() + self.ends.len() * std::mem::size_of::<u32>()
    }
}

/// The JSON array of the page of `limit` items at `offset`, in parts (brackets, commas and
/// slices of blocks) that together are the body. `blocks` are the blocks of
/// `layout.span(offset, limit)`, in that order.
pub fn assemble(layout: &Layout, blocks: &[Arc<Block>], offset: u64, limit: u64) -> Vec<Bytes> {
    let mut parts = vec![Bytes::from_static(b"[")];
    let mut want = limit.min(layout.total.saturating_sub(offset));
    let mut at = offset;
    for (index, block) in layout.span(offset, limit).zip(blocks) {
        if want == 0 {
            break;
        }
        // Defensive: a block read with fewer items than its counter says gives a shorter
        // page, never a panic.
        let start = layout.starts[index];
        let from = at.saturating_sub(start);
        let n = (block.len() as u64).saturating_sub(from).min(want);
        if n == 0 {
            continue;
        }
        if parts.len() > 1 {
            parts.push(Bytes::from_static(b","));
        }
        parts.push(block.slice(from as usize, (from + n) as usize));
        want -= n;
        at = start + from + n;
    }
    parts.push(Bytes::from_static(b"]"));
    parts
}

/// What the cache holds towards one page.
#[derive(Debug, Default)]
pub struct Held {
    /// The list's layout, if kept.
    pub layout: Option<Arc<Layout>>,
    /// With the layout: the kept blocks of the page's span, in span order.
    pub blocks: Vec<Option<Arc<Block>>>,
}

impl Held {
    /// The page, if everything it needs is held.
    pub fn page(&self, offset: u64, limit: u64) -> Option<(Vec<Bytes>, u64)> {
        let layout = self.layout.as_ref()?;
        let blocks = self.blocks.iter().cloned().collect::<Option<Vec<_>>>()?;
        Some((assemble(layout, &blocks, offset, limit), layout.total()))
    }
}

/// One list's kept parts, each with the data version it was read at.
#[derive(Default)]
struct Kept {
    /// Its layout.
    layout: Option<(u64, Arc<Layout>)>,
    /// Its blocks read so far, by block number.
    blocks: HashMap<i64, (u64, Arc<Block>)>,
    /// The version at which a write last changed the layout (any of its blocks).
    layout_changed: u64,
    /// The version at which a write last changed each block.
    changed: HashMap<i64, u64>,
}

/// Everything kept.
#[derive(Default)]
struct Lists {
    /// Nothing read before this version is kept or served: what changed before it was
    /// forgotten (when the cache started over) or changed everywhere.
    floor: u64,
    /// Bytes held.
    bytes: usize,
    /// The lists.
    lists: HashMap<ListKey, Kept>,
}

impl Lists {
    /// Empties the cache; nothing read before `floor` is taken any more.
    fn start_over(&mut self, floor: u64) -> Lists {
        let forgotten = self
            .lists
            .values()
            .flat_map(|kept| kept.changed.values().chain([&kept.layout_changed]))
            .copied()
            .max()
            .unwrap_or(0);
        let fresh = Lists {
            floor: self.floor.max(floor).max(forgotten),
            ..Lists::default()
        };
        std::mem::replace(self, fresh)
    }
}

/// A change to one block of one list, as a write reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Touched {
    /// The list.
    pub list: ListKey,
    /// The block of `seq` (see [`crate::store::work_items`]).
    pub block: i64,
}

/// The cache; cheap to share behind an `Arc`.
///
/// What is kept stays valid across writes until a write reports a change to it: a write
/// of work items reports the blocks it changed ([`ListCache::touch`]), any other write
/// changes everything ([`ListCache::forget_all`]). Both are called by the write inside
/// its group, before the commit, with the version the commit will bring (see
/// [`crate::db::Db::list_page`]), so something read before that commit is never kept or
/// served once it is marked.
pub struct ListCache {
    /// One lock for a short lookup or insert.
    lists: Mutex<Lists>,
    /// At most this many bytes of blocks are kept; past it the cache starts over.
    max_bytes: usize,
}

impl ListCache {
    /// An empty cache that keeps at most `max_bytes` of blocks (0: none).
    pub fn new(max_bytes: usize) -> ListCache {
        ListCache {
            lists: Mutex::new(Lists::default()),
            max_bytes,
        }
    }

    /// What is kept and unchanged towards the page of `limit` items at `offset` of
    /// list `key`.
    pub fn lookup(&self, key: &ListKey, offset: u64, limit: u64) -> Held {
        let Ok(lists) = self.lists.lock() else {
            return Held::default();
        };
        let Some(kept) = lists.lists.get(key) else {
            return Held::default();
        };
        let Some((_, layout)) = kept.layout.clone() else {
            return Held::default();
        };
        let blocks = layout
            .span(offset, limit)
            .map(|index| {
                let block = layout.block(index)?;
                kept.blocks.get(&block).map(|(_, b)| b.clone())
            })
            .collect();
        Held {
            layout: Some(layout),
            blocks,
        }
    }

    /// Keeps `layout` (if given) and `blocks` of list `key`, read at `version`, unless a
    /// write has changed them since.
    pub fn keep(
        &self,
        key: &ListKey,
        version: u64,
        layout: Option<Arc<Layout>>,
        blocks: Vec<(i64, Arc<Block>)>,
    ) {
        let Ok(mut lists) = self.lists.lock() else {
            return;
        };
        if version < lists.floor {
            return;
        }
        let kept = lists.lists.get(key);
        let stale = |block: i64| {
            kept.and_then(|k| k.changed.get(&block))
                .is_some_and(|changed| *changed > version)
        };
        let layout = layout.filter(|_| kept.is_none_or(|k| k.layout_changed <= version));
        let blocks: Vec<_> = blocks.into_iter().filter(|(n, _)| !stale(*n)).collect();
        let adding = layout.as_ref().map_or(0, |l| l.bytes())
            + blocks.iter().map(|(_, b)| b.bytes()).sum::<usize>();
        if adding == 0 || adding > self.max_bytes {
            return;
        }
        let mut dropped = None;
        if lists.bytes + adding > self.max_bytes {
            dropped = Some(lists.start_over(0));
            if version < lists.floor {
                return;
            }
        }
        let mut added = 0;
        let kept = lists.lists.entry(key.clone()).or_default();
        if let Some(layout) = layout {
            added += layout.bytes() as isize;
            if let Some((_, old)) = kept.layout.replace((version, layout)) {
                added -= old.bytes() as isize;
            }
        }
        for (number, block) in blocks {
            added += block.bytes() as isize;
            if let Some((_, old)) = kept.blocks.insert(number, (version, block)) {
                added -= old.bytes() as isize;
            }
        }
        lists.bytes = lists.bytes.saturating_add_signed(added);
        drop(lists);
        // Freeing a hundred megabytes of blocks takes a while: not while others wait.
        drop(dropped);
    }

    /// Marks `touched` (and the layouts of their lists) as changed at `version`, and
    /// drops what was kept of them.
    pub fn touch(&self, touched: &[Touched], version: u64) {
        let Ok(mut lists) = self.lists.lock() else {
            return;
        };
        let mut freed = 0;
        for Touched { list, block } in touched {
            let kept = lists.lists.entry(list.clone()).or_default();
            kept.layout_changed = kept.layout_changed.max(version);
            let changed = kept.changed.entry(*block).or_default();
            *changed = (*changed).max(version);
            if let Some((_, layout)) = kept.layout.take() {
                freed += layout.bytes();
            }
            if let Some((_, old)) = kept.blocks.remove(block) {
                freed += old.bytes();
            }
        }
        lists.bytes = lists.bytes.saturating_sub(freed);
    }

    /// Marks everything as changed at `version` and drops it.
    pub fn forget_all(&self, version: u64) {
        let dropped = match self.lists.lock() {
            Ok(mut lists) => lists.start_over(version),
            Err(_) => return,
        };
        drop(dropped);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> ListKey {
        ListKey {
            owner_id: "a".into(),
            pending: true,
        }
    }

    fn block(items: &[&str]) -> Arc<Block> {
        let mut builder = BlockBuilder::with_capacity(64);
        for item in items {
            builder.push(item.as_bytes());
        }
        Arc::new(builder.build())
    }

    fn text(parts: &[Bytes]) -> String {
        parts
            .iter()
            .map(|p| std::str::from_utf8(p).unwrap())
            .collect()
    }

    #[test]
    fn a_page_at_any_offset_is_the_right_slice_of_its_blocks() {
        // Three blocks (0, 2, 5) of 3, 1 and 2 items: items 1..=6.
        let layout = Layout::new([(0, 3), (1, 0), (2, 1), (5, 2)]);
        let blocks = [block(&["1", "22", "3"]), block(&["4"]), block(&["55", "6"])];
        assert_eq!(layout.total(), 6);
        let page = |offset: u64, limit: u64| {
            let span = layout.span(offset, limit);
            text(&assemble(&layout, &blocks[span], offset, limit))
        };
        assert_eq!(page(0, 250), "[1,22,3,4,55,6]");
        assert_eq!(page(0, 1), "[1]");
        assert_eq!(page(1, 2), "[22,3]");
        assert_eq!(page(2, 3), "[3,4,55]");
        assert_eq!(page(3, 1), "[4]");
        assert_eq!(page(5, 250), "[6]");
        assert_eq!(page(6, 250), "[]");
        assert_eq!(page(60, 250), "[]");
        assert_eq!(page(2, 0), "[]");
        assert_eq!(layout.span(3, 2), 1..3);
        assert_eq!(layout.block(2), Some(5));
    }

    #[test]
    fn a_block_shorter_than_its_counter_gives_a_shorter_page_not_a_panic() {
        let layout = Layout::new([(0, 3), (1, 3)]);
        let blocks = [block(&["1"]), block(&["4", "5"])];
        assert_eq!(text(&assemble(&layout, &blocks, 1, 4)), "[4,5]");
        assert_eq!(text(&assemble(&layout, &blocks, 0, 2)), "[1]");
    }

    #[test]
    fn a_write_drops_only_what_it_touched_and_nothing_read_before_it_is_kept() {
        let cache = ListCache::new(1 << 20);
        let layout = || Some(Arc::new(Layout::new([(0, 1), (1, 1)])));
        let blocks = || vec![(0, block(&["1"])), (1, block(&["2"]))];
        cache.keep(&key(), 2, layout(), blocks());
        assert_eq!(
            text(&cache.lookup(&key(), 0, 2).page(0, 2).unwrap().0),
            "[1,2]"
        );

        // A write (committed as version 4) changes block 1: block 0 stays, the layout goes.
        let touched = Touched {
            list: key(),
            block: 1,
        };
        cache.touch(std::slice::from_ref(&touched), 4);
        assert!(cache.lookup(&key(), 0, 2).layout.is_none());
        // Read before that commit: not kept. Read after it: kept, beside block 0.
        cache.keep(&key(), 2, layout(), vec![(1, block(&["old"]))]);
        assert!(cache.lookup(&key(), 0, 2).layout.is_none());
        cache.keep(&key(), 4, layout(), vec![(1, block(&["new"]))]);
        let held = cache.lookup(&key(), 0, 2);
        assert_eq!(text(&held.page(0, 2).unwrap().0), "[1,new]");

        // Another list is untouched; a write of anything else forgets everything.
        let other = ListKey {
            pending: false,
            ..key()
        };
        assert!(cache.lookup(&other, 0, 250).layout.is_none());
        cache.forget_all(6);
        assert!(cache.lookup(&key(), 0, 2).layout.is_none());
        cache.keep(&key(), 4, layout(), blocks());
        assert!(
            cache.lookup(&key(), 0, 2).layout.is_none(),
            "read before it"
        );
        cache.keep(&key(), 6, layout(), blocks());
        assert!(cache.lookup(&key(), 0, 2).page(0, 2).is_some());
    }

    #[test]
    fn the_cache_never_holds_more_than_its_bound() {
        let one = || block(&["12345"]);
        let layout = Arc::new(Layout::new([(0, 1), (1, 1), (2, 1)]));
        let cache = ListCache::new(one().bytes() * 2 + layout.bytes());
        cache.keep(&key(), 2, None, vec![(0, one()), (1, one())]);
        cache.keep(&key(), 2, Some(layout.clone()), vec![(2, one())]);
        let held = cache.lookup(&key(), 0, 250);
        assert_eq!(
            held.blocks.iter().filter(|b| b.is_some()).count(),
            1,
            "started over when full"
        );
        let off = ListCache::new(0);
        off.keep(&key(), 2, Some(layout), vec![(0, one())]);
        assert!(off.lookup(&key(), 0, 1).layout.is_none());
    }
}
