//! HTTP routes, one module per resource.

pub mod oauth;
pub mod public_identities;
pub mod static_files;
pub mod test_controls;
pub mod work_items;

use axum::http::{HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// The fallback of the API prefixes: a 404 in ISC's shape.
pub async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::NotFound(format!("No resource at '{}'.", uri.path()))
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
