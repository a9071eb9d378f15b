//! `/v2024/public-identities`: what anyone may see of the tenant's identities, so a
//! client can find someone to forward a work item to.

use axum::extract::{RawQuery, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use wire::PublicIdentity;

use crate::auth::Caller;
use crate::collection::QueryParams;
use crate::error::ApiError;
use crate::filter::Filter;
use crate::input::echo;
use crate::state::AppState;
use crate::store::identities;

/// The public-identity routes, relative to `/v2024`.
pub fn router() -> Router<AppState> {
    Router::new().route("/public-identities", get(public_identities_list))
}

/// Which way `sorters` orders the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    Created,
    NameAscending,
    NameDescending,
}

fn sort_of(query: &QueryParams) -> Result<Sort, ApiError> {
    match query.get("sorters").map(str::trim) {
        None | Some("") => Ok(Sort::Created),
        Some("name") | Some("+name") => Ok(Sort::NameAscending),
        Some("-name") => Ok(Sort::NameDescending),
        Some(other) => Err(ApiError::invalid_parameter(
            "sorters",
            format!(
                "sorting by '{}' is not supported; use name or -name",
                echo(other)
            ),
        )),
    }
}

/// `GET /public-identities`: filtered, sorted, paged.
async fn public_identities_list(
    State(state): State<AppState>,
    _caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let query = QueryParams::parse(raw.as_deref())?;
    let page = query.page()?;
    let filter = match query.get("filters") {
        None => None,
        Some(text) => {
            Some(Filter::parse(text).map_err(|e| ApiError::invalid_parameter("filters", e))?)
        }
    };
    let sort = sort_of(&query)?;
    let core_only = query.bool("add-core-filters", false)?;
    let all = state.db().read(identities::all).await?;
    let mut chosen: Vec<_> = all
        .iter()
        .filter(|i| filter.as_ref().is_none_or(|f| f.matches(*i)))
        .filter(|i| !core_only || (i.email.is_some() && i.last_name.is_some()))
        .collect();
    match sort {
        Sort::Created => {}
        Sort::NameAscending => chosen.sort_by_key(|i| i.name.to_lowercase()),
        Sort::NameDescending => chosen.sort_by_key(|i| std::cmp::Reverse(i.name.to_lowercase())),
    }
    let total = page.count.then_some(chosen.len() as i64);
    let body: Vec<PublicIdentity> = chosen
        .into_iter()
        .skip(page.offset as usize)
        .take(page.limit as usize)
        .map(|i| {
            let manager = i
                .manager_id
                .as_ref()
                .and_then(|m| all.iter().find(|x| &x.id == m));
            i.to_public(manager)
        })
        .collect();
    Ok(super::with_total(body, total))
}
