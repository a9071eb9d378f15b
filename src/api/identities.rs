//! `getPublicIdentities`: finding people by name (to view as, or to forward to).

use wire::PublicIdentity;

use super::query::{identity_name_filter, Paging};
use super::{ApiError, Call, Client, Page};

/// Identities whose first name, last name or alias starts with the words of `name`,
/// sorted by name; an empty `name` lists everyone.
pub async fn search(
    api: &Client,
    name: &str,
    paging: Paging,
) -> Result<Page<PublicIdentity>, ApiError> {
    let mut pairs = paging.pairs();
    pairs.push(("sorters", "name".into()));
    if let Some(filter) = identity_name_filter(name) {
        pairs.push(("filters", filter));
    }
    let (items, total) = api
        .send(Call::get("/v2024/public-identities", pairs))
        .await?;
    Ok(Page { items, total })
}
