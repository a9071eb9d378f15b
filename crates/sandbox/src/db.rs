//! The SQLite database: opening, pragmas, migrations, and the one-writer/many-readers
//! discipline every store function runs under.
//!
//! All writes go through a single connection. A request's write is queued for the writer
//! thread ([`writer`]), which runs every write waiting in the queue one after another in
//! one `BEGIN IMMEDIATE` transaction (group commit), so two requests deciding the same work
//! item are strictly serialized; the conditional `UPDATE … WHERE pending = 1` then lets
//! exactly one of them win. Reads use a kept pool of their own connections (r2d2; WAL lets
//! them run beside the writer).
//!
//! Durability: WAL with `synchronous = NORMAL`. A commit has been written to the WAL file
//! (in the OS page cache) before `COMMIT` returns, and a write is answered only after the
//! commit that holds it, so a `kill -9` of this process loses no answered write; only a
//! power cut could lose the last commits, which a sandbox can accept.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::Connection;

use crate::collection::Page;
use crate::error::ApiError;
use crate::store::list_cache::{self, Block, ListCache, ListKey, Touched};
use crate::store::work_items;

pub mod writer;

/// Kept read connections. More than the cores: a reader waiting on the disk should not
/// hold up the next request.
const READERS: u32 = 8;

/// The page size of a new database. An index entry bigger than about a quarter of a page
/// spills into overflow pages, read one by one and copied: at 4 KiB that was a third of
/// the stored work items (over 1,000 bytes); at 8 KiB it is one in 100,000 (over 2,030),
/// so a list page is read off neighbouring pages of the `work_items_pages` index. Larger
/// pages would only make every commit write more (a write dirties about 7 pages).
const PAGE_BYTES: i64 = 8192;

/// Bytes of the database file each connection maps into memory. Reading a mapped page
/// costs a pointer, where a page missing from the connection's own cache would cost a
/// `pread` and a copy: at 100,000 items that copying was most of a list page's time.
/// Address space only; the OS shares the pages between connections.
const MMAP_BYTES: i64 = 1 << 30;

/// The schema, applied in order; `PRAGMA user_version` records how far a database got.
const MIGRATIONS: &[&str] = &[
    r#"
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE identities (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        alias TEXT NOT NULL,
        email TEXT,
        first_name TEXT,
        last_name TEXT,
        admin INTEGER NOT NULL DEFAULT 0,
        client_id TEXT NOT NULL UNIQUE,
        client_secret TEXT NOT NULL,
        manager_id TEXT,
        attributes TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE work_items (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL,
        pending INTEGER NOT NULL,
        created TEXT NOT NULL,
        body TEXT NOT NULL
    );
    CREATE INDEX work_items_by_owner ON work_items (owner_id, pending, created, id);
    CREATE TABLE refresh_tokens (
        token_hash TEXT PRIMARY KEY,
        identity_id TEXT NOT NULL,
        client_id TEXT NOT NULL,
        expires INTEGER NOT NULL,
        used INTEGER NOT NULL DEFAULT 0
    );
"#,
    // Lists and counts at 100,000 items without scanning (see `store::work_items`):
    // `seq` is each item's rank in creation order, `work_item_counts` the number of items
    // per owner and state, and `work_item_blocks` the same per block of `seq`, so a deep
    // offset is found by summing a few hundred block counts instead of stepping over rows.
    r#"
    ALTER TABLE work_items ADD COLUMN seq INTEGER;
    DROP INDEX work_items_by_owner;
    CREATE INDEX work_items_by_seq ON work_items (owner_id, pending, seq);
    CREATE TABLE work_item_counts (
        owner_id TEXT NOT NULL,
        pending INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (owner_id, pending)
    ) WITHOUT ROWID;
    CREATE TABLE work_item_blocks (
        owner_id TEXT NOT NULL,
        pending INTEGER NOT NULL,
        block INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (owner_id, pending, block)
    ) WITHOUT ROWID;
"#,
    // The chain a refresh token belongs to (one per sign-in), so reusing a rotated token
    // can revoke every token of its chain.
    r#"
    ALTER TABLE refresh_tokens ADD COLUMN family TEXT;
    CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family);
"#,
    // A list page is a range of one index: the bodies ride in it beside the key, side by
    // side in creation order, so a page reads neighbouring index pages and no table row.
    r#"
    CREATE INDEX work_items_pages ON work_items (owner_id, pending, seq, body);
"#,
    // Pages are read a whole block of `seq` at a time (see `store::list_cache`), never
    // by stepping over rows, so the narrow index only cost every write its upkeep.
    r#"
    DROP INDEX work_items_by_seq;
"#,
    // The access token issued with each refresh token, so revoking a sign-in (a refresh
    // token or an authorization code presented twice) revokes its access tokens too, and
    // which refresh tokens were revoked rather than used, so that outlives a restart.
    r#"
    ALTER TABLE refresh_tokens ADD COLUMN access_jti TEXT;
    ALTER TABLE refresh_tokens ADD COLUMN access_expires INTEGER;
    ALTER TABLE refresh_tokens ADD COLUMN revoked INTEGER NOT NULL DEFAULT 0;
"#,
];

/// Handle to the database, cheap to clone.
#[derive(Clone)]
pub struct Db {
    /// The only connection that writes: the writer thread's while serving, start-up's
    /// before (the mutex serializes the two).
    writer: Arc<Mutex<Connection>>,
    /// The writer thread's queue (see [`writer`]).
    queue: Sender<Box<dyn writer::Queued>>,
    /// What the writer thread has done.
    counters: Arc<writer::Counters>,
    /// The database file (none in memory), for [`Db::settle_blocking`]'s new writer.
    path: Option<PathBuf>,
    /// Kept read-only connections, handed to one request at a time (none in memory,
    /// where readers share the writer: an in-memory database has one connection).
    readers: Option<r2d2::Pool<SqliteConnectionManager>>,
    /// The data version: moves on by one just before every commit and by one after it, so
    /// it is odd while a commit may be landing, and [`Db::list_page`] never keeps or
    /// serves data older than it.
    version: Arc<AtomicU64>,
    /// List blocks kept until a write changes them.
    lists: Arc<ListCache>,
}

impl Db {
    /// Opens (creating and migrating) the database at `path`, or an in-memory one, with
    /// a cache of list blocks of at most `page_cache_bytes`.
    pub fn open(path: Option<&Path>, page_cache_bytes: usize) -> Result<Db, ApiError> {
        let mut writer = match path {
            Some(path) => Connection::open(path)?,
            None => Connection::open_in_memory()?,
        };
        writer.busy_timeout(Duration::from_secs(5))?;
        // Only a new, empty database takes it; an existing one keeps the size it has.
        writer.pragma_update(None, "page_size", PAGE_BYTES)?;
        if path.is_some() {
            let mode: String = writer.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(ApiError::Internal(format!(
                    "journal mode is {mode}, not WAL"
                )));
            }
        }
        // A 64 MiB page cache keeps bulk seeding (100,000 items) from spilling index pages;
        // [`Db::settle_blocking`] gives the writer a small one for serving.
        configure_writer(&writer, path.is_some(), SEEDING_CACHE_KIB)?;
        migrate(&mut writer)?;
        let readers = match path {
            Some(path) => Some(
                r2d2::Pool::builder()
                    .max_size(READERS)
                    .min_idle(Some(READERS))
                    .build(SqliteConnectionManager::file(path).with_init(|c| {
                        c.busy_timeout(Duration::from_secs(5))?;
                        c.execute_batch("PRAGMA query_only = ON;")?;
                        c.pragma_update(None, "mmap_size", MMAP_BYTES)
                    }))
                    .map_err(|e| ApiError::Internal(format!("read pool: {e}")))?,
            ),
            None => None,
        };
        let version = Arc::new(AtomicU64::new(0));
        if let Some(path) = path {
            spawn_checkpointer(path, &version)?;
        }
        let writer = Arc::new(Mutex::new(writer));
        let counters = Arc::new(writer::Counters::default());
        let queue = writer::spawn(writer.clone(), version.clone(), counters.clone())?;
        Ok(Db {
            writer,
            queue,
            counters,
            path: path.map(Path::to_path_buf),
            readers,
            version,
            lists: Arc::new(ListCache::new(page_cache_bytes)),
        })
    }

    /// Runs `f` on a reader connection, on the calling task's thread.
    ///
    /// Every read of the API is bounded and comes off memory (the file is mapped): one
    /// row, one counter, or one list page of at most 250 rows found without scanning,
    /// from about 10 µs to, for a page nobody read lately, about 130 µs of CPU. Handing it
    /// to a blocking thread cost more than most of them: two thread wake-ups and context
    /// switches, about 50 µs of CPU per request on this 2-core machine (`scripts/bench.sh`).
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Connection) -> Result<T, ApiError>,
    {
        self.read_blocking(f)
    }

    /// Runs `f` on the writer thread inside a transaction (its group's, see [`writer`])
    /// and answers once that transaction is committed. If `f` fails, its changes are rolled
    /// back and the other writes of its group still commit. Every kept list block counts
    /// as changed by it (a write of work items says which it changed: [`Db::write_items`]).
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let (lists, version) = (self.lists.clone(), self.version.clone());
        self.queue_write(move |c| {
            // Marked even if `f` fails: a needless mark costs a read, a missing one a
            // stale page.
            lists.forget_all(committed(&version));
            f(c)
        })
        .await
    }

    /// [`Db::write`] for a write of work items: `f` gives, beside its result, the list
    /// blocks it changed, and only those (and their lists' layouts) count as changed.
    pub async fn write_items<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<(T, Vec<Touched>), ApiError> + Send + 'static,
    {
        let (lists, version) = (self.lists.clone(), self.version.clone());
        self.queue_write(move |c| {
            let (result, touched) = f(c)?;
            lists.touch(&touched, committed(&version));
            Ok(result)
        })
        .await
    }

    async fn queue_write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let (write, answer) = writer::Write::queued(f);
        // Counted before it is sent, so the writer never takes more than was counted.
        self.counters.waiting.fetch_add(1, Ordering::SeqCst);
        if self.queue.send(write).is_err() {
            self.counters.waiting.fetch_sub(1, Ordering::SeqCst);
            return Err(ApiError::Internal("the writer thread has stopped".into()));
        }
        answer
            .await
            .map_err(|_| ApiError::Internal("the writer thread dropped a write".into()))?
    }

    /// [`Db::read`] for an answer made of several reads (two counts, a count and a page):
    /// `f` runs in one read transaction, whose snapshot is taken by its first read, so
    /// every read of `f` sees the same committed data. Run one by one on a pooled
    /// connection, each read would see whatever had committed by then, and a write landing
    /// between two would give an answer made of two moments (a summary whose `total` is
    /// one item off).
    pub async fn read_snapshot<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Connection) -> Result<T, ApiError>,
    {
        self.read_snapshot_blocking(f)
    }

    /// [`Db::read_snapshot`] for code that is already off the runtime.
    pub fn read_snapshot_blocking<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        self.read_blocking(|conn| {
            // Deferred: no lock until the first read, which takes the snapshot. Only read,
            // so ending it by rolling back (on drop) is the same as committing.
            let tx = conn.unchecked_transaction()?;
            f(&tx)
        })
    }

    /// [`Db::read`] for code that is already off the runtime (start-up).
    pub fn read_blocking<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        match &self.readers {
            Some(pool) => {
                let conn = pool
                    .get()
                    .map_err(|e| ApiError::Internal(format!("no read connection: {e}")))?;
                f(&conn)
            }
            None => f(&*lock(&self.writer)?),
        }
    }

    /// Runs `f` on the writer connection, outside any transaction, for code that is
    /// already off the runtime (start-up, seeding: `f` makes its own transactions).
    pub fn write_blocking<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut conn = lock(&self.writer)?;
        // `f` commits whenever it likes: odd for all of it, while the writer is held, so
        // versions follow commits in order.
        self.version.fetch_add(1, Ordering::SeqCst);
        let result = f(&mut conn);
        self.lists
            .forget_all(self.version.fetch_add(1, Ordering::SeqCst) + 1);
        result
    }

    /// Readies the database for serving after start-up's bulk writes (migrations,
    /// seeding): copies every committed page from the WAL into the database file and
    /// empties the WAL, so reads come from the mapped file instead of looking each page up
    /// in a WAL of a hundred megabytes; and replaces the writer by a fresh connection with
    /// a small page cache. (The seeding cache made every commit scan a hash table of tens
    /// of thousands of slots when it ended the transaction: a sixth of an approve's CPU.)
    pub fn settle_blocking(&self) -> Result<(), ApiError> {
        let mut writer = lock(&self.writer)?;
        writer.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        if let Some(path) = &self.path {
            let fresh = Connection::open(path)?;
            configure_writer(&fresh, true, SERVING_CACHE_KIB)?;
            *writer = fresh;
        }
        Ok(())
    }

    /// The data version (see [`Db::list_page`]).
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::SeqCst)
    }

    /// The page of `owner_id`'s pending (or completed) list that `page` asks for, as the
    /// parts of its JSON array (see [`list_cache`]), and the list's total.
    ///
    /// What the cache holds (no write has changed it since it was read) is used, the rest
    /// is read on a reader in one transaction. That transaction's snapshot is the data at
    /// the version read before the lookup if the version is even (no commit landing) and
    /// unchanged once the snapshot is taken: a commit moves the version on before and
    /// after it lands, so no commit can have landed in between. Only then are cached parts
    /// mixed with what it read, and what it read kept; otherwise the page is read whole
    /// from the snapshot.
    pub fn list_page(
        &self,
        owner_id: &str,
        pending: bool,
        page: Page,
    ) -> Result<(Vec<Bytes>, i64), ApiError> {
        let key = ListKey {
            owner_id: owner_id.to_owned(),
            pending,
        };
        let (offset, limit) = (u64::from(page.offset), u64::from(page.limit));
        let version = self.version();
        let mut held = match version % 2 {
            0 => self.lists.lookup(&key, offset, limit),
            _ => list_cache::Held::default(),
        };
        if let Some((parts, total)) = held.page(offset, limit) {
            return Ok((parts, total as i64));
        }
        let (parts, total, kept) = self.read_snapshot_blocking(|tx| {
            // The first read takes the snapshot.
            work_items::count(tx, owner_id, pending)?;
            let same = version % 2 == 0 && self.version() == version;
            if !same {
                held = list_cache::Held::default();
            }
            let (layout, fresh) = match held.layout.take() {
                Some(layout) => (layout, None),
                None => {
                    let layout = Arc::new(work_items::layout(tx, owner_id, pending)?);
                    (layout.clone(), Some(layout))
                }
            };
            let span = layout.span(offset, limit);
            let mut blocks = Vec::with_capacity(span.len());
            let mut read = Vec::new();
            for (at, index) in span.enumerate() {
                let kept = held.blocks.get(at).cloned().flatten();
                let block = match (kept, layout.block(index)) {
                    (Some(block), _) => block,
                    (None, Some(number)) => {
                        let block = Arc::new(work_items::block(tx, owner_id, pending, number)?);
                        read.push((number, block.clone()));
                        block
                    }
                    (None, None) => Arc::new(Block::default()),
                };
                blocks.push(block);
            }
            let parts = list_cache::assemble(&layout, &blocks, offset, limit);
            Ok((parts, layout.total(), same.then_some((fresh, read))))
        })?;
        if let Some((layout, blocks)) = kept {
            self.lists.keep(&key, version, layout, blocks);
        }
        Ok((parts, total as i64))
    }

    /// How many writes wait in the writer's queue, not yet taken into a group.
    pub fn writes_waiting(&self) -> u64 {
        self.counters.waiting.load(Ordering::SeqCst)
    }

    /// How many groups of writes the writer thread has run, each one transaction.
    pub fn write_groups(&self) -> u64 {
        self.counters.groups.load(Ordering::SeqCst)
    }
}

/// The data version the group being written will have once committed: it is even while
/// the group runs, odd from just before its commit, and even again after.
fn committed(version: &AtomicU64) -> u64 {
    version.load(Ordering::SeqCst) + 2
}

/// The writer's page cache while migrating and seeding, in KiB.
const SEEDING_CACHE_KIB: i64 = 65536;
/// The writer's page cache while serving, in KiB: what one write touches, many times over.
const SERVING_CACHE_KIB: i64 = 8192;

/// The writer's settings. The WAL is copied back into the database file by the
/// checkpointer thread, not by whichever commit crosses SQLite's threshold (see
/// [`spawn_checkpointer`]).
fn configure_writer(conn: &Connection, file: bool, cache_kib: i64) -> Result<(), ApiError> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
    conn.pragma_update(None, "cache_size", -cache_kib)?;
    conn.pragma_update(None, "mmap_size", MMAP_BYTES)?;
    // Room for every statement the writes use, so none is prepared twice.
    conn.set_prepared_statement_cache_capacity(64);
    if file {
        conn.pragma_update(None, "wal_autocheckpoint", 0)?;
    }
    Ok(())
}

/// How long the checkpointer waits between looks at the data version.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(200);

/// Starts the thread that copies committed pages from the WAL back into the database file
/// on its own connection, a moment after writes, for as long as `version` (and so the
/// [`Db`]) lives.
///
/// SQLite's automatic checkpoint runs inside the commit that pushes the WAL past 1,000
/// pages: that one request then copies every page back and waits for two `fsync`s, which
/// set an approve's p99 in `scripts/bench.sh`. A `PASSIVE` checkpoint here takes no lock
/// that a writer or a reader waits for, so no request pays for it.
fn spawn_checkpointer(path: &Path, version: &Arc<AtomicU64>) -> Result<(), ApiError> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    let version = Arc::downgrade(version);
    std::thread::Builder::new()
        .name("sqlite-checkpointer".into())
        .spawn(move || {
            let mut checkpointed = 0;
            loop {
                std::thread::sleep(CHECKPOINT_EVERY);
                let Some(now) = version.upgrade().map(|v| v.load(Ordering::SeqCst)) else {
                    return;
                };
                if now == checkpointed {
                    continue;
                }
                match conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
                    Ok(()) => checkpointed = now,
                    // Tried again after the next write; the WAL keeps every commit meanwhile.
                    Err(error) => tracing::warn!(%error, "WAL checkpoint failed"),
                }
            }
        })
        .map_err(|e| ApiError::Internal(format!("checkpoint thread: {e}")))?;
    Ok(())
}

fn lock(conn: &Mutex<Connection>) -> Result<std::sync::MutexGuard<'_, Connection>, ApiError> {
    conn.lock()
        .map_err(|_| ApiError::Internal("a database connection was poisoned".into()))
}

fn migrate(conn: &mut Connection) -> Result<(), ApiError> {
    let version: usize = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(version) {
        conn.execute_batch(&format!(
            "BEGIN; {migration}; PRAGMA user_version = {}; COMMIT;",
            index + 1
        ))?;
    }
    // A database from before `seq` existed gets its ranks and counters once.
    if crate::store::work_items::needs_reindex(conn)? {
        let tx = conn.transaction()?;
        crate::store::work_items::reindex(&tx)?;
        tx.commit()?;
    }
    Ok(())
}

/// A value of the `meta` table, creating it with `make` on first use.
pub fn meta_get_or_insert(
    conn: &Connection,
    key: &str,
    make: impl FnOnce() -> String,
) -> Result<String, ApiError> {
    conn.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES (?1, ?2)",
        (key, make()),
    )?;
    Ok(conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sets `owner`'s pending count to `n` on the writer, committed at once.
    fn set_count(db: &Db, owner: &str, n: i64) {
        db.write_blocking(|c| {
            c.execute(
                "INSERT INTO work_item_counts (owner_id, pending, n) VALUES (?1, 1, ?2) \
                 ON CONFLICT (owner_id, pending) DO UPDATE SET n = ?2",
                rusqlite::params![owner, n],
            )?;
            Ok(())
        })
        .unwrap();
    }

    /// Regression: the summary's two counts were two reads on a pooled connection, and a
    /// write committed between them made one answer of two moments.
    #[test]
    fn the_reads_of_a_snapshot_see_no_write_committed_between_them() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(Some(&dir.path().join("snapshot.db")), 1 << 20).unwrap();
        set_count(&db, "o", 5);
        let (first, second) = db
            .read_snapshot_blocking(|c| {
                let first = work_items::count(c, "o", true)?;
                set_count(&db, "o", 6);
                Ok((first, work_items::count(c, "o", true)?))
            })
            .unwrap();
        assert_eq!((first, second), (5, 5));
        let after = db
            .read_blocking(|c| work_items::count(c, "o", true))
            .unwrap();
        assert_eq!(after, 6, "the next read sees the write");
    }
}
