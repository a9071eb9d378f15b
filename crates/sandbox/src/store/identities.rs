//! Identities: the people of the sandbox tenant, with their client credentials.

use rusqlite::{Connection, OptionalExtension, Row};
use wire::{DtoType, IdentityReference, IdentityState, PublicIdentity, PublicIdentityAttribute};

use crate::error::ApiError;
use crate::filter::{Field, Subject};

/// One identity as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    /// 32-hex identity id.
    pub id: String,
    /// Display name, e.g. "Alison Ferguso".
    pub name: String,
    /// Alias / user name, e.g. "alison.ferguso".
    pub alias: String,
    /// Email address.
    pub email: Option<String>,
    /// First name (for `firstname` filters).
    pub first_name: Option<String>,
    /// Last name (for `lastname` filters).
    pub last_name: Option<String>,
    /// Whether the identity has `ORG_ADMIN`.
    pub admin: bool,
    /// Personal-access-token client id (32 hex).
    pub client_id: String,
    /// Personal-access-token client secret (64 hex).
    pub client_secret: String,
    /// The manager's identity id.
    pub manager_id: Option<String>,
    /// Public attributes (phone, country, …).
    pub attributes: Vec<PublicIdentityAttribute>,
}

impl Identity {
    /// What anyone may see of this identity; `manager` is the manager's (id, name).
    pub fn to_public(&self, manager: Option<&Identity>) -> PublicIdentity {
        PublicIdentity {
            id: Some(self.id.clone()),
            name: Some(self.name.clone()),
            alias: Some(self.alias.clone()),
            email: self.email.clone(),
            status: Some("Active".into()),
            identity_state: Some(IdentityState::Active),
            manager: manager.map(|m| IdentityReference {
                ref_type: Some(DtoType::Identity),
                id: Some(m.id.clone()),
                name: Some(m.name.clone()),
            }),
            attributes: Some(self.attributes.clone()),
        }
    }

    /// The token subject for this identity.
    pub fn subject(&self) -> crate::tokens::Subject {
        crate::tokens::Subject {
            identity_id: self.id.clone(),
            user_name: self.alias.clone(),
            admin: self.admin,
        }
    }
}

impl Subject for Identity {
    fn field(&self, field: Field) -> Option<&str> {
        match field {
            Field::Id => Some(&self.id),
            Field::Alias => Some(&self.alias),
            Field::Email => self.email.as_deref(),
            Field::FirstName => self.first_name.as_deref(),
            Field::LastName => self.last_name.as_deref(),
        }
    }
}

const COLUMNS: &str = "id, name, alias, email, first_name, last_name, admin, client_id, \
                       client_secret, manager_id, attributes";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Identity> {
    let attributes: String = row.get(10)?;
    Ok(Identity {
        id: row.get(0)?,
        name: row.get(1)?,
        alias: row.get(2)?,
        email: row.get(3)?,
        first_name: row.get(4)?,
        last_name: row.get(5)?,
        admin: row.get(6)?,
        client_id: row.get(7)?,
        client_secret: row.get(8)?,
        manager_id: row.get(9)?,
        attributes: serde_json::from_str(&attributes).unwrap_or_default(),
    })
}

/// Every identity, in the order they were created.
pub fn all(conn: &Connection) -> Result<Vec<Identity>, ApiError> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM identities ORDER BY seq"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The identity with `id`.
pub fn by_id(conn: &Connection, id: &str) -> Result<Option<Identity>, ApiError> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM identities WHERE id = ?1"))?;
    Ok(stmt.query_row([id], from_row).optional()?)
}

/// The identity whose personal-access-token client id is `client_id`.
pub fn by_client_id(conn: &Connection, client_id: &str) -> Result<Option<Identity>, ApiError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM identities WHERE client_id = ?1"
    ))?;
    Ok(stmt.query_row([client_id], from_row).optional()?)
}

/// Adds `identity` unless one with its id exists (seeding is idempotent).
pub fn insert_if_absent(conn: &Connection, identity: &Identity) -> Result<(), ApiError> {
    conn.execute(
        &format!(
            "INSERT OR IGNORE INTO identities ({COLUMNS}) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
        ),
        rusqlite::params![
            identity.id,
            identity.name,
            identity.alias,
            identity.email,
            identity.first_name,
            identity.last_name,
            identity.admin,
            identity.client_id,
            identity.client_secret,
            identity.manager_id,
            serde_json::to_string(&identity.attributes)?,
        ],
    )?;
    Ok(())
}
