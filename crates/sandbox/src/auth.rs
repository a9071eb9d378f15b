//! Authentication as an extractor: [`Caller`] reads the bearer token of an API request and
//! stands for the [`Principal`] it names, or refuses the request with 401.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use crate::error::ApiError;
use crate::input::echo;
use crate::state::AppState;
use crate::tokens::{now_secs, Principal};

/// The authenticated caller of an API route: the principal its bearer token names.
#[derive(Debug, Clone)]
pub struct Caller(pub Principal);

impl std::ops::Deref for Caller {
    type Target = Principal;

    fn deref(&self) -> &Principal {
        &self.0
    }
}

/// The bearer token of a request, if it has one.
pub fn bearer_token(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// The principal of a request's bearer token, or why there is none.
pub fn authenticate(parts: &Parts, state: &AppState) -> Result<Principal, ApiError> {
    let token = bearer_token(parts).ok_or(ApiError::MissingToken)?;
    state
        .tokens()
        .verify(token, now_secs())
        .map_err(ApiError::Unauthorized)
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        // The rate limit has usually verified the token already and left the principal.
        if let Some(principal) = parts.extensions.get::<Principal>() {
            return Ok(Caller(principal.clone()));
        }
        authenticate(parts, state).map(Caller)
    }
}

/// Proof that the caller may act on the work item named by the path's `id`, checked
/// before the request body is read: someone else's item is a 403 (a missing one a 404)
/// whatever the body holds. The write checks again inside its transaction.
#[derive(Debug, Clone)]
pub struct MayActOnItem;

impl FromRequestParts<AppState> for MayActOnItem {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let caller = Caller::from_request_parts(parts, state).await?;
        let crate::extract::Path(params) = crate::extract::Path::<
            std::collections::HashMap<String, String>,
        >::from_request_parts(parts, state)
        .await?;
        let Some(id) = params.get("id").cloned() else {
            return Ok(MayActOnItem);
        };
        let key = id.clone();
        let item = state
            .db()
            .read(move |c| crate::store::work_items::get(c, &key))
            .await?
            .ok_or_else(|| {
                ApiError::NotFound(format!("Work item '{}' was not found.", echo(&id)))
            })?;
        if caller.may_act_for(item.owner_id.as_deref()) {
            Ok(MayActOnItem)
        } else {
            Err(ApiError::Forbidden)
        }
    }
}
