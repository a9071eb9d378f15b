//! Refresh tokens, stored hashed so the database never holds a usable one. Each is good
//! for one exchange (rotation); the tokens of one sign-in form a chain, and presenting a
//! token that was already used revokes its whole chain (someone has a copy).

use rusqlite::{Connection, OptionalExtension};

use crate::error::ApiError;
use crate::ids::{random_hex64, sha256_hex};

/// Remembers `token` for `identity_id` and `client_id` until `expires` (epoch seconds),
/// as a link of the chain `family`.
pub fn insert(
    conn: &Connection,
    token: &str,
    identity_id: &str,
    client_id: &str,
    expires: i64,
    family: &str,
) -> Result<(), ApiError> {
    conn.execute(
        "INSERT INTO refresh_tokens (token_hash, identity_id, client_id, expires, family) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        (sha256_hex(token), identity_id, client_id, expires, family),
    )?;
    Ok(())
}

/// A new refresh token for `identity_id` and `client_id` until `expires`, stored as a link
/// of the chain `family`; the token itself (only its hash is stored).
pub fn issue(
    conn: &Connection,
    identity_id: &str,
    client_id: &str,
    expires: i64,
    family: &str,
) -> Result<String, ApiError> {
    let token = random_hex64();
    insert(conn, &token, identity_id, client_id, expires, family)?;
    Ok(token)
}

/// What presenting a refresh token came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    /// It was good and is now used: the identity and the chain to continue.
    Fresh {
        /// Whose token it was.
        identity_id: String,
        /// The chain the next token joins.
        family: String,
        /// When the chain ends (seconds since the epoch): its next token ends then too, so
        /// a sign-in lasts no longer than one refresh token's lifetime, however often it is
        /// refreshed.
        expires: i64,
    },
    /// It had been used before: its whole chain is now revoked.
    Reused,
    /// Unknown, expired or issued to another client.
    Refused,
}

/// Uses up `token` if it is known, unused, unexpired and was issued to `client_id`; a
/// reused token revokes its chain. Must run on the writer.
pub fn take(conn: &Connection, token: &str, client_id: &str, now: i64) -> Result<Taken, ApiError> {
    let hash = sha256_hex(token);
    let fresh: Option<(String, Option<String>, i64)> = conn
        .query_row(
            "UPDATE refresh_tokens SET used = 1 \
             WHERE token_hash = ?1 AND used = 0 AND expires > ?2 AND client_id = ?3 \
             RETURNING identity_id, family, expires",
            (&hash, now, client_id),
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    if let Some((identity_id, family, expires)) = fresh {
        // Tokens from before chains existed start a chain of their own.
        let family = family.unwrap_or_else(|| hash.clone());
        return Ok(Taken::Fresh {
            identity_id,
            family,
            expires,
        });
    }
    let revoked = conn.execute(
        "UPDATE refresh_tokens SET used = 1 WHERE family = \
         (SELECT family FROM refresh_tokens WHERE token_hash = ?1 AND used = 1)",
        [&hash],
    )?;
    Ok(if revoked > 0 {
        Taken::Reused
    } else {
        Taken::Refused
    })
}
