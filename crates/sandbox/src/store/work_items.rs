//! Work items, stored as their wire JSON plus the columns the list queries need
//! (owner, pending flag, creation time) so lists come straight off one index.

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde_json::value::RawValue;
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

/// One page of `owner_id`'s pending (or completed) items in stable order, and the total
/// if `page.count`.
///
/// The items come back as the stored wire JSON, untouched: every body was written by
/// serializing a [`WorkItem`], so decoding and re-encoding 250 of them per page would only
/// cost time (it was most of a list request's CPU in `scripts/bench.sh`).
pub fn list(
    conn: &Connection,
    owner_id: &str,
    pending: bool,
    page: Page,
) -> Result<(Vec<Box<RawValue>>, Option<i64>), ApiError> {
    let mut stmt = conn.prepare_cached(
        // The offset is skipped inside the covering index; only the page's rows are read
        // from the table (half the time of a plain OFFSET at offset 50,000).
        "SELECT body FROM work_items WHERE rowid IN ( \
             SELECT rowid FROM work_items WHERE owner_id = ?1 AND pending = ?2 \
             ORDER BY created, id LIMIT ?3 OFFSET ?4) \
         ORDER BY created, id",
    )?;
    let rows = stmt.query_map(
        rusqlite::params![owner_id, pending, page.limit, page.offset],
        |r| r.get::<_, String>(0),
    )?;
    let mut items = Vec::new();
    for body in rows {
        items.push(RawValue::from_string(body?)?);
    }
    let total = if page.count {
        Some(count(conn, owner_id, pending)?)
    } else {
        None
    };
    Ok((items, total))
}

/// How many pending (or completed) items `owner_id` has.
pub fn count(conn: &Connection, owner_id: &str, pending: bool) -> Result<i64, ApiError> {
    let mut stmt = conn
        .prepare_cached("SELECT COUNT(*) FROM work_items WHERE owner_id = ?1 AND pending = ?2")?;
    Ok(stmt.query_row(rusqlite::params![owner_id, pending], |r| r.get(0))?)
}

/// The work item with `id`.
pub fn get(conn: &Connection, id: &str) -> Result<Option<WorkItem>, ApiError> {
    let mut stmt = conn.prepare_cached("SELECT body FROM work_items WHERE id = ?1")?;
    let body: Option<String> = stmt.query_row([id], |r| r.get(0)).optional()?;
    Ok(body.map(|b| serde_json::from_str(&b)).transpose()?)
}

/// Adds `items` in the given transaction, skipping ids that exist (seeding is idempotent).
/// Returns how many were new.
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

/// Applies `action` to work item `id` for `caller`, atomically: 404 if there is no such
/// item, 403 if the caller may not act on it, 400 if a state rule refuses; otherwise the
/// changed item, committed.
///
/// Runs in a `BEGIN IMMEDIATE` transaction on the single writer, and the update is
/// conditional on the item still being pending, so of two concurrent decisions exactly
/// one wins.
pub fn apply(
    conn: &mut Connection,
    id: &str,
    caller: &Principal,
    mut action: Action,
    now: DateTime<Utc>,
) -> Result<WorkItem, ApiError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let item = get(&tx, id)?
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
        let target = identities::by_id(&tx, target_id)?.ok_or_else(|| {
            ApiError::BadRequest(format!(
                "targetOwnerId '{target_id}' is not a known identity."
            ))
        })?;
        *target_name = target.name;
    }
    let next = workflow::apply(&item, &action, now)?;
    let changed = tx.execute(
        "UPDATE work_items SET owner_id = ?1, pending = ?2, body = ?3 \
         WHERE id = ?4 AND pending = 1",
        rusqlite::params![
            next.owner_id,
            next.is_pending(),
            serde_json::to_string(&next)?,
            id
        ],
    )?;
    if changed != 1 {
        return Err(ApiError::BadRequest(format!(
            "Work item '{id}' was changed by another request; reload it."
        )));
    }
    tx.commit()?;
    Ok(next)
}
