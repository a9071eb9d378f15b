//! HTTP routes, one module per resource.

pub mod oauth;
pub mod public_identities;
pub mod static_files;
pub mod test_controls;
pub mod work_items;

use axum::extract::OriginalUri;
use axum::http::{HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::input::echo;

/// The fallback of the OAuth and sandbox prefixes (and of every other path when no app is
/// served): a 404 in ISC's shape, naming the whole path asked for.
pub async fn not_found(OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::NotFound(format!("No resource at '{}'.", echo(uri.path())))
}

/// The fallback of the API prefixes: a 404, once the caller is known. As ISC's gateway
/// does, a call without a valid token is answered 401 whatever path it names.
pub async fn api_not_found(_: Caller, uri: OriginalUri) -> ApiError {
    not_found(uri).await
}

/// A JSON answer that carries `X-Total-Count` when a total was asked for.
pub fn with_total<T: serde::Serialize>(body: T, total: Option<i64>) -> Response {
    let mut response = axum::Json(body).into_response();
    if let Some(total) = total {
        response.headers_mut().insert(
            HeaderName::from_static("x-total-count"),
            HeaderValue::from(total),
        );
    }
    response
}
