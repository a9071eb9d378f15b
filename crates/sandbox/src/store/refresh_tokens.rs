//! Refresh tokens, stored hashed so the database never holds a usable one. Each is good
//! for one exchange (rotation); the tokens of one sign-in form a chain, and presenting a
//! token that was already used revokes its whole chain (someone has a copy), with the
//! access tokens issued beside its links.

use rusqlite::{Connection, OptionalExtension};

use crate::error::ApiError;
use crate::ids::{random_hex64, sha256_hex};

/// The access token issued together with a refresh token: its `jti` and `exp` (epoch
/// seconds), what revoking it takes.
pub type AccessToken = (String, i64);

/// Remembers `token` for `identity_id` and `client_id` until `expires` (epoch seconds),
/// as a link of the chain `family`, issued together with the access token `access`.
pub fn insert(
    conn: &Connection,
    token: &str,
    identity_id: &str,
    client_id: &str,
    expires: i64,
    family: &str,
    access: &AccessToken,
) -> Result<(), ApiError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO refresh_tokens \
         (token_hash, identity_id, client_id, expires, family, access_jti, access_expires) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    stmt.execute((
        sha256_hex(token),
        identity_id,
        client_id,
        expires,
        family,
        &access.0,
        access.1,
    ))?;
    Ok(())
}

/// A new refresh token for `identity_id` and `client_id` until `expires`, stored as a link
/// of the chain `family` together with the access token `access`; the token itself (only
/// its hash is stored).
pub fn issue(
    conn: &Connection,
    identity_id: &str,
    client_id: &str,
    expires: i64,
    family: &str,
    access: &AccessToken,
) -> Result<String, ApiError> {
    let token = random_hex64();
    insert(
        conn,
        &token,
        identity_id,
        client_id,
        expires,
        family,
        access,
    )?;
    Ok(token)
}

/// Revokes every refresh token of the chain `family` (a sign-in), and gives the access
/// tokens issued with them, for the caller to refuse. Must run on the writer.
pub fn revoke_family(conn: &Connection, family: &str) -> Result<Vec<AccessToken>, ApiError> {
    let mut stmt = conn.prepare_cached(
        "UPDATE refresh_tokens SET used = 1, revoked = 1 WHERE family = ?1 \
         RETURNING access_jti, access_expires",
    )?;
    let rows = stmt.query_map([family], |r| {
        Ok((r.get::<_, Option<String>>(0)?, r.get::<_, Option<i64>>(1)?))
    })?;
    let mut access = Vec::new();
    for row in rows {
        // Tokens stored before access tokens were recorded name none.
        if let (Some(jti), Some(exp)) = row? {
            access.push((jti, exp));
        }
    }
    Ok(access)
}

/// The access tokens of revoked sign-ins that have not expired at `now`: what a restarted
/// sandbox must go on refusing.
pub fn revoked_access(conn: &Connection, now: i64) -> Result<Vec<AccessToken>, ApiError> {
    let mut stmt = conn.prepare(
        "SELECT access_jti, access_expires FROM refresh_tokens \
         WHERE revoked = 1 AND access_jti IS NOT NULL AND access_expires > ?1",
    )?;
    let rows = stmt.query_map([now], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
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
    Reused {
        /// The access tokens issued with the chain's refresh tokens, to refuse from now on.
        revoked: Vec<AccessToken>,
    },
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
    let family: Option<Option<String>> = conn
        .query_row(
            "SELECT family FROM refresh_tokens WHERE token_hash = ?1 AND used = 1",
            [&hash],
            |r| r.get(0),
        )
        .optional()?;
    Ok(match family {
        Some(family) => {
            // A token from before chains existed is a chain of its own.
            let family = family.unwrap_or_else(|| hash.clone());
            Taken::Reused {
                revoked: revoke_family(conn, &family)?,
            }
        }
        None => Taken::Refused,
    })
}
