//! Group commit: the one thread that writes while serving.
//!
//! Every write of a request is queued here. The thread takes every write waiting in the
//! queue (up to [`MAX_GROUP`]), runs them one after another in one `BEGIN IMMEDIATE`
//! transaction, each in a savepoint of its own, commits once, and only then answers each
//! request with its own result. A commit costs the same WAL pages whether it holds one
//! write or sixteen (the counter rows, the index pages of neighbouring items), so under
//! load a write costs a fraction of a commit, and an answered write is always committed.
//!
//! A write that fails (a refused state rule, a SQL error, even a panic) is rolled back to
//! its savepoint and answered with its error; the others of its group still commit. Only a
//! failure of the transaction itself (`BEGIN` or `COMMIT`, e.g. a full disk) fails every
//! write of the group, and then none of them was stored.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use tokio::sync::oneshot;

use crate::db::Db;
use crate::error::ApiError;

/// Most writes one transaction holds: a bound on how long the first of a group waits.
pub const MAX_GROUP: usize = 64;

/// A write waiting for the writer thread, with the channel its answer goes back on.
pub trait Queued: Send {
    /// Runs the write inside the group's transaction; whether it succeeded (a failed one
    /// is rolled back to its savepoint).
    fn run(&mut self, conn: &Connection) -> bool;
    /// Sends the write's own result once the group committed, else `failed`.
    fn answer(self: Box<Self>, failed: Option<ApiError>);
}

/// A write `work` and, once it ran, its result.
pub struct Write<T, F> {
    /// Taken when it runs.
    work: Option<F>,
    /// Its result, kept until the commit.
    result: Option<Result<T, ApiError>>,
    /// Where the request waits.
    reply: oneshot::Sender<Result<T, ApiError>>,
}

impl<T, F> Write<T, F>
where
    T: Send + 'static,
    F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
{
    /// `work`, queued, and the receiver of its answer.
    pub fn queued(work: F) -> (Box<dyn Queued>, oneshot::Receiver<Result<T, ApiError>>) {
        let (reply, answer) = oneshot::channel();
        let write = Write {
            work: Some(work),
            result: None,
            reply,
        };
        (Box::new(write), answer)
    }
}

impl<T, F> Queued for Write<T, F>
where
    T: Send + 'static,
    F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
{
    fn run(&mut self, conn: &Connection) -> bool {
        let Some(work) = self.work.take() else {
            return false;
        };
        let result = catch_unwind(AssertUnwindSafe(|| work(conn)))
            .unwrap_or_else(|_| Err(ApiError::Internal("a write panicked".into())));
        let ok = result.is_ok();
        self.result = Some(result);
        ok
    }

    fn answer(self: Box<Self>, failed: Option<ApiError>) {
        let result = match (failed, self.result) {
            (Some(error), _) => Err(error),
            (None, Some(result)) => result,
            (None, None) => Err(ApiError::Internal("a queued write never ran".into())),
        };
        // The request may have gone (its client hung up); the write stands regardless.
        let _ = self.reply.send(result);
    }
}

/// What the writer thread has done so far, for tests and reports.
#[derive(Debug, Default)]
pub struct Counters {
    /// Writes queued and not yet taken into a group.
    pub waiting: AtomicU64,
    /// Groups run (committed or not).
    pub groups: AtomicU64,
}

/// The writer thread held busy by [`Db::hold_writer`], for tests that need writes to
/// wait in the queue together.
pub struct WriterHold {
    /// Lets the held write finish.
    release: std::sync::mpsc::Sender<()>,
    /// The held write's request.
    held: tokio::task::JoinHandle<Result<(), ApiError>>,
    /// Its database, to see the queue.
    db: Db,
}

/// How long [`WriterHold::release_when_queued`] waits for the writes to queue.
const QUEUE_WAIT: Duration = Duration::from_secs(20);

impl Db {
    /// Holds the writer thread busy with a write that waits to be released, so the writes
    /// sent meanwhile queue up behind it (for tests). Returns once that write is running.
    pub async fn hold_writer(&self) -> Result<WriterHold, ApiError> {
        let (started, running) = oneshot::channel::<()>();
        let (release, released) = std::sync::mpsc::channel::<()>();
        let held = tokio::spawn({
            let db = self.clone();
            async move {
                db.write(move |_| {
                    let _ = started.send(());
                    // A dropped hold lets go as well.
                    let _ = released.recv();
                    Ok(())
                })
                .await
            }
        });
        running
            .await
            .map_err(|_| ApiError::Internal("the held write never ran".into()))?;
        Ok(WriterHold {
            release,
            held,
            db: self.clone(),
        })
    }
}

impl WriterHold {
    /// Waits until `writes` writes wait in the queue behind the hold, lets the writer go,
    /// and waits until the held write is committed; an error if they did not all queue
    /// within 20 s.
    pub async fn release_when_queued(self, writes: u64) -> Result<(), ApiError> {
        let deadline = Instant::now() + QUEUE_WAIT;
        while self.db.writes_waiting() < writes && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        let queued = self.db.writes_waiting();
        let _ = self.release.send(());
        self.held
            .await
            .map_err(|_| ApiError::Internal("the held write's task failed".into()))??;
        if queued < writes {
            return Err(ApiError::Internal(format!(
                "{queued} of {writes} writes queued behind the held one"
            )));
        }
        Ok(())
    }
}

/// Starts the writer thread on `conn`; it runs until every sender of the queue is gone.
/// `version` moves on just before every group's commit (to odd) and after it (to even),
/// before any of its writes is answered.
pub fn spawn(
    conn: Arc<Mutex<Connection>>,
    version: Arc<AtomicU64>,
    counters: Arc<Counters>,
) -> Result<Sender<Box<dyn Queued>>, ApiError> {
    let (queue, waiting) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("sqlite-writer".into())
        .spawn(move || serve(&conn, &version, &counters, &waiting))
        .map_err(|e| ApiError::Internal(format!("writer thread: {e}")))?;
    Ok(queue)
}

fn serve(
    conn: &Mutex<Connection>,
    version: &AtomicU64,
    counters: &Counters,
    waiting: &Receiver<Box<dyn Queued>>,
) {
    while let Ok(first) = waiting.recv() {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match waiting.try_recv() {
                Ok(next) => group.push(next),
                Err(_) => break,
            }
        }
        counters
            .waiting
            .fetch_sub(group.len() as u64, Ordering::SeqCst);
        let failed = match conn.lock() {
            Ok(conn) => {
                let failed = commit(&conn, &mut group, version).err();
                // After the commit, before any answer: a client that was answered never
                // reads a page cached before its write. Even again (odd if the commit was
                // reached), and on in any case.
                let odd = version.load(Ordering::SeqCst) % 2;
                version.fetch_add(2 - odd, Ordering::SeqCst);
                failed
            }
            Err(_) => Some(ApiError::Internal(
                "the writer connection was poisoned".into(),
            )),
        };
        if let Some(error) = &failed {
            tracing::error!(%error, writes = group.len(), "a group of writes was not committed");
        }
        counters.groups.fetch_add(1, Ordering::SeqCst);
        for write in group {
            let failed = failed
                .as_ref()
                .map(|e| ApiError::Internal(format!("the write was not committed: {e}")));
            write.answer(failed);
        }
    }
}

/// Runs `group` in one transaction, each write in its own savepoint, and commits, moving
/// `version` on (to odd) just before.
fn commit(
    conn: &Connection,
    group: &mut [Box<dyn Queued>],
    version: &AtomicU64,
) -> Result<(), ApiError> {
    conn.prepare_cached("BEGIN IMMEDIATE")?.execute([])?;
    let ran = run_all(conn, group, version);
    if ran.is_err() && !conn.is_autocommit() {
        if let Err(error) = conn.execute_batch("ROLLBACK") {
            tracing::error!(%error, "rolling back a failed group");
        }
    }
    ran
}

fn run_all(
    conn: &Connection,
    group: &mut [Box<dyn Queued>],
    version: &AtomicU64,
) -> Result<(), ApiError> {
    for write in group.iter_mut() {
        conn.prepare_cached("SAVEPOINT one_write")?.execute([])?;
        if !write.run(conn) {
            // A write that broke the transaction itself (SQLite rolled it all back) leaves
            // no savepoint to return to: this fails, and so does the group.
            conn.prepare_cached("ROLLBACK TO one_write")?.execute([])?;
        }
        conn.prepare_cached("RELEASE one_write")?.execute([])?;
    }
    version.fetch_add(1, Ordering::SeqCst);
    conn.prepare_cached("COMMIT")?.execute([])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::db::{meta_get_or_insert, Db};
    use crate::error::ApiError;

    fn stored(db: &Db, key: &str) -> Option<String> {
        db.read_blocking(|c| {
            let mut stmt = c.prepare("SELECT value FROM meta WHERE key = ?1")?;
            Ok(rusqlite::OptionalExtension::optional(
                stmt.query_row([key], |r| r.get(0)),
            )?)
        })
        .unwrap()
    }

    #[tokio::test]
    async fn the_data_version_moves_on_with_every_group_and_is_even_between_them() {
        let db = Db::open(None, 0).unwrap();
        let mut last = db.version();
        assert_eq!(last % 2, 0);
        type Work = fn(&rusqlite::Connection) -> Result<(), ApiError>;
        let writes: [Work; 3] = [
            |c| meta_get_or_insert(c, "k", || "v".into()).map(|_| ()),
            |_| Err(ApiError::BadRequest("refused".into())),
            |c| c.execute_batch("not sql").map_err(ApiError::from),
        ];
        for write in writes {
            let _ = db.write(write).await;
            let now = db.version();
            assert!(now > last, "moved on");
            assert_eq!(now % 2, 0, "no commit is landing between groups");
            last = now;
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_write_that_fails_or_panics_takes_none_of_its_group_with_it() {
        let db = Db::open(None, 0).unwrap();
        let hold = db.hold_writer().await.unwrap();
        let groups = db.write_groups();
        let write = |key: &'static str, then: fn() -> Result<(), ApiError>| {
            let db = db.clone();
            tokio::spawn(async move {
                db.write(move |c| {
                    meta_get_or_insert(c, key, || key.to_owned())?;
                    then()
                })
                .await
            })
        };
        let first = write("first", || Ok(()));
        let refused = write("refused", || Err(ApiError::BadRequest("no".into())));
        let panicked = write("panicked", || panic!("a bug in one write"));
        let last = write("last", || Ok(()));
        hold.release_when_queued(4).await.unwrap();

        assert!(first.await.unwrap().is_ok());
        assert!(matches!(
            refused.await.unwrap(),
            Err(ApiError::BadRequest(_))
        ));
        assert!(matches!(
            panicked.await.unwrap(),
            Err(ApiError::Internal(_))
        ));
        assert!(last.await.unwrap().is_ok());
        assert_eq!(
            db.write_groups(),
            groups + 2,
            "one group after the held one"
        );
        assert_eq!(stored(&db, "first").as_deref(), Some("first"));
        assert_eq!(stored(&db, "last").as_deref(), Some("last"));
        assert_eq!(stored(&db, "refused"), None, "rolled back to its savepoint");
        assert_eq!(
            stored(&db, "panicked"),
            None,
            "rolled back to its savepoint"
        );
    }
}
