//! Finished list pages, kept between writes. A page is read again and again while nothing
//! changes (a Task Manager paging, a widget polling, a load test), so its JSON is kept as
//! bytes and served without touching SQLite until the next write. Every write through
//! [`crate::db::Db`] moves the data version on; a page is served only if it was built at
//! the current version, so a cached page is never older than the last committed write.

use std::collections::HashMap;
use std::sync::Mutex;

use bytes::Bytes;

/// What identifies one page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageKey {
    /// The owner whose list it is.
    pub owner_id: String,
    /// Pending (true) or completed list.
    pub pending: bool,
    /// `limit`.
    pub limit: u32,
    /// `offset`.
    pub offset: u32,
    /// Whether the total was asked for.
    pub count: bool,
}

/// A built page: the JSON array and the total, if asked for.
#[derive(Debug, Clone)]
pub struct Page {
    /// The response body.
    pub body: Bytes,
    /// `X-Total-Count`, when `count=true`.
    pub total: Option<i64>,
}

/// Pages of one data version.
#[derive(Default)]
struct Pages {
    /// The data version the pages were built at.
    version: u64,
    /// Bytes held.
    bytes: usize,
    /// The pages.
    map: HashMap<PageKey, Page>,
}

/// The cache; cheap to share behind an `Arc`.
pub struct PageCache {
    /// One lock for a short lookup or insert.
    pages: Mutex<Pages>,
    /// At most this many bytes of pages are kept; past it the cache starts over.
    max_bytes: usize,
}

impl PageCache {
    /// An empty cache that keeps at most `max_bytes` of pages (0: none).
    pub fn new(max_bytes: usize) -> PageCache {
        PageCache {
            pages: Mutex::new(Pages::default()),
            max_bytes,
        }
    }

    /// The most bytes of pages it keeps.
    pub fn max_bytes(&self) -> usize {
        self.max_bytes
    }

    /// The page for `key` if it was built at `version`.
    pub fn get(&self, key: &PageKey, version: u64) -> Option<Page> {
        let pages = self.pages.lock().ok()?;
        (pages.version == version)
            .then(|| pages.map.get(key).cloned())
            .flatten()
    }

    /// Keeps `page`, built from data at `version` (read before the query ran); a page of
    /// an older version than the cache holds is dropped.
    pub fn put(&self, key: PageKey, version: u64, page: Page) {
        let Ok(mut pages) = self.pages.lock() else {
            return;
        };
        if version < pages.version || page.body.len() > self.max_bytes {
            return;
        }
        let mut dropped = None;
        if version > pages.version || pages.bytes + page.body.len() > self.max_bytes {
            let fresh = Pages {
                version,
                ..Pages::default()
            };
            dropped = Some(std::mem::replace(&mut *pages, fresh));
        }
        pages.bytes += page.body.len();
        pages.map.insert(key, page);
        drop(pages);
        // Freeing up to 64 MiB of pages takes a while: not while others wait for the lock.
        drop(dropped);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(offset: u32) -> PageKey {
        PageKey {
            owner_id: "a".into(),
            pending: true,
            limit: 250,
            offset,
            count: false,
        }
    }

    fn page(text: &'static str) -> Page {
        Page {
            body: Bytes::from_static(text.as_bytes()),
            total: None,
        }
    }

    #[test]
    fn a_page_is_served_only_at_the_version_it_was_built_at() {
        let cache = PageCache::new(1 << 20);
        cache.put(key(0), 1, page("[1]"));
        assert_eq!(cache.get(&key(0), 1).unwrap().body, "[1]");
        assert!(cache.get(&key(0), 2).is_none());
        assert!(cache.get(&key(250), 1).is_none());
    }

    #[test]
    fn the_cache_never_holds_more_than_its_bound() {
        let cache = PageCache::new(6);
        cache.put(key(0), 1, page("[1,2]"));
        cache.put(key(250), 1, page("[3,4]"));
        assert!(cache.get(&key(0), 1).is_none(), "started over when full");
        assert_eq!(cache.get(&key(250), 1).unwrap().body, "[3,4]");
        cache.put(key(500), 1, page("[5,6,7]"));
        assert!(
            cache.get(&key(500), 1).is_none(),
            "a page over the bound is not kept"
        );
        let off = PageCache::new(0);
        off.put(key(0), 1, page("[1]"));
        assert!(off.get(&key(0), 1).is_none());
    }

    #[test]
    fn a_page_built_before_a_write_never_replaces_newer_ones() {
        let cache = PageCache::new(1 << 20);
        cache.put(key(0), 3, page("[3]"));
        cache.put(key(0), 2, page("[2]"));
        assert_eq!(cache.get(&key(0), 3).unwrap().body, "[3]");
        cache.put(key(250), 4, page("[4]"));
        assert!(
            cache.get(&key(0), 3).is_none(),
            "a newer version starts over"
        );
    }
}
