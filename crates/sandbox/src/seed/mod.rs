//! Demo data: a dozen identities with personal-access-token credentials and 96 work items
//! across the spec's types and states ([`work_items`]). Every id is derived from the seed
//! name, so loading twice changes nothing and the credentials can be documented.

pub mod work_items;

use rusqlite::{Connection, TransactionBehavior};
use wire::PublicIdentityAttribute;

use crate::error::ApiError;
use crate::ids::{sha256_hex, stable_hex32};
use crate::store;
use crate::store::identities::{self, Identity};

/// Alison Ferguso's identity id (the spec's example).
pub const ALISON_ID: &str = "2c9180857182305e0171993735622948";
/// Thomas Edison's identity id (the spec's example; the admin).
pub const THOMAS_ID: &str = "2c9180a46faadee4016fb4e018c20639";

/// (display name, alias, admin) of the demo identities, in creation order.
const PEOPLE: &[(&str, &str, bool)] = &[
    ("Alison Ferguso", "alison.ferguso", false),
    ("Thomas Edison", "thomas.edison", true),
    ("Fred Astaire", "Fred.Astaire", false),
    ("Ada Lovelace", "ada.lovelace", false),
    ("Grace Hopper", "grace.hopper", false),
    ("Alan Turing", "alan.turing", false),
    ("Marie Curie", "marie.curie", false),
    ("Nikola Tesla", "nikola.tesla", false),
    ("Katherine Johnson", "katherine.johnson", false),
    ("Hedy Lamarr", "hedy.lamarr", false),
    ("Rosalind Franklin", "rosalind.franklin", false),
    ("ليلى حداد", "layla.haddad", false),
];

/// The demo identities with their credentials.
pub fn demo_identities() -> Vec<Identity> {
    PEOPLE
        .iter()
        .map(|&(name, alias, admin)| {
            let id = match alias {
                "alison.ferguso" => ALISON_ID.to_owned(),
                "thomas.edison" => THOMAS_ID.to_owned(),
                _ => stable_hex32(&["demo", "identity", alias]),
            };
            let (first, last) = name.split_once(' ').unwrap_or((name, ""));
            let (first, last) = if alias == "layla.haddad" {
                ("Layla", "Haddad")
            } else {
                (first, last)
            };
            Identity {
                id,
                name: name.into(),
                alias: alias.into(),
                email: Some(format!("{}@acme-solar.com", alias.to_lowercase())),
                first_name: Some(first.into()),
                last_name: Some(last.into()),
                admin,
                client_id: stable_hex32(&["demo", "client-id", alias]),
                client_secret: sha256_hex(&format!("demo\u{1f}client-secret\u{1f}{alias}")),
                manager_id: (!admin).then(|| THOMAS_ID.to_owned()),
                attributes: vec![
                    PublicIdentityAttribute {
                        key: Some("country".into()),
                        name: Some("Country".into()),
                        value: Some("US".into()),
                    },
                    PublicIdentityAttribute {
                        key: Some("department".into()),
                        name: Some("Department".into()),
                        value: Some(if admin { "IT" } else { "Operations" }.into()),
                    },
                ],
            }
        })
        .collect()
}

/// Loads the demo data set, its times relative to now; idempotent (ids are stable, so a
/// second load adds nothing and keeps the first load's times). Returns how many work items
/// were new.
pub fn load_demo(conn: &mut Connection) -> Result<usize, ApiError> {
    let people = demo_identities();
    let items = work_items::demo_work_items(&people, crate::clock::now());
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for person in &people {
        identities::insert_if_absent(&tx, person)?;
    }
    let added = store::work_items::insert_all_if_absent(&tx, [items])?;
    tx.commit()?;
    Ok(added)
}

/// Adds `n` generated pending work items for Alison, varied like the demo work, in one
/// transaction (idempotent: the same `n` twice adds nothing the second time).
pub fn load_extra(conn: &mut Connection, n: u32) -> Result<usize, ApiError> {
    let people = demo_identities();
    let now = crate::clock::now();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let indexes: Vec<u32> = (0..n).collect();
    let batches = indexes.chunks(5000).map(|chunk| {
        chunk
            .iter()
            .map(|&i| work_items::extra_item(&people, &people[0], i, now))
            .collect::<Vec<_>>()
    });
    let added = store::work_items::insert_all_if_absent(&tx, batches)?;
    tx.commit()?;
    Ok(added)
}
