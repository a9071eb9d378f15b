//! Refresh tokens, stored hashed so the database never holds a usable one. Each is good
//! for one exchange (rotation).

use rusqlite::{Connection, OptionalExtension};

use crate::error::ApiError;
use crate::ids::sha256_hex;

/// Remembers `token` for `identity_id` and `client_id` until `expires` (epoch seconds).
pub fn insert(
    conn: &Connection,
    token: &str,
    identity_id: &str,
    client_id: &str,
    expires: i64,
) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO refresh_tokens (token_hash, identity_id, client_id, expires) \
         VALUES (?1, ?2, ?3, ?4)",
        (sha256_hex(token), identity_id, client_id, expires),
    )?;
    Ok(())
}

/// Uses up `token`: its identity id if it is known, unused, unexpired and was issued to
/// `client_id`. Must run on the writer (it marks the token used).
pub fn take(
    conn: &Connection,
    token: &str,
    client_id: &str,
    now: i64,
) -> Result<Option<String>, ApiError> {
    let identity: Option<String> = conn
        .query_row(
            "UPDATE refresh_tokens SET used = 1 \
             WHERE token_hash = ?1 AND used = 0 AND expires > ?2 AND client_id = ?3 \
             RETURNING identity_id",
            (sha256_hex(token), now, client_id),
            |r| r.get(0),
        )
        .optional()?;
    Ok(identity)
}
