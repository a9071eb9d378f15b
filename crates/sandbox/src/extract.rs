//! Request-body extractors whose rejections are our own [`ApiError`] (so a malformed,
//! mistyped or oversized body gets ISC's error shape, never axum's plain text).

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::extract::{FromRequest, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::StatusCode;
use serde::de::{DeserializeOwned, IgnoredAny};

use crate::error::ApiError;

/// A JSON object body (every body the API takes as JSON is an object); any failure to read
/// it is a 400 (413 when too large, 408 when it arrives too slowly). An array is refused even where its items would fill
/// the fields in order, which serde's derived structs would otherwise take.
pub struct Json<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        if !is_json(request.headers()) {
            return Err(missing_json_content_type());
        }
        let bytes = Bytes::from_request(request, state).await?;
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        if first.is_some_and(|&b| b != b'{') && serde_json::from_slice::<IgnoredAny>(&bytes).is_ok()
        {
            return Err(ApiError::BadRequest(
                "The request body has the wrong shape: expected a JSON object.".into(),
            ));
        }
        axum::Json::<T>::from_bytes(&bytes)
            .map(|axum::Json(value)| Json(value))
            .map_err(ApiError::from)
    }
}

/// Whether the request says its body is JSON (`application/json` or a `+json` type).
fn is_json(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| {
            let mime = mime.trim().to_ascii_lowercase();
            mime == "application/json" || mime.ends_with("+json")
        })
}

fn missing_json_content_type() -> ApiError {
    ApiError::BadRequest("Expected a request body with Content-Type: application/json.".into())
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::BytesRejection(bytes) => ApiError::from(bytes),
            JsonRejection::MissingJsonContentType(_) => missing_json_content_type(),
            JsonRejection::JsonSyntaxError(e) => ApiError::BadRequest(format!(
                "The request body is not valid JSON: {}",
                e.body_text()
            )),
            JsonRejection::JsonDataError(e) => ApiError::BadRequest(format!(
                "The request body has the wrong shape: {}",
                e.body_text()
            )),
            other => ApiError::BadRequest(other.body_text()),
        }
    }
}

impl From<BytesRejection> for ApiError {
    fn from(rejection: BytesRejection) -> Self {
        if crate::deadlines::is_body_timeout(&rejection) {
            ApiError::BodyTimeout
        } else if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge
        } else {
            ApiError::BadRequest(format!(
                "The request body could not be read: {}",
                rejection.body_text()
            ))
        }
    }
}

/// An optional JSON body: nothing (with any or no content type) is `None`; anything else
/// must be `application/json` and decode to `T`.
pub struct OptionalJson<T>(pub Option<T>);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for OptionalJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let is_json = is_json(request.headers());
        let bytes = Bytes::from_request(request, state).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(OptionalJson(None));
        }
        if !is_json {
            return Err(missing_json_content_type());
        }
        serde_json::from_slice(&bytes)
            .map(OptionalJson)
            .map_err(|e| ApiError::BadRequest(format!("The request body is not valid: {e}")))
    }
}

/// Path parameters; a segment that is not valid UTF-8 (or otherwise undecodable) is a 400
/// in ISC's error shape, not axum's plain text.
pub struct Path<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, ApiError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(value)| Path(value))
            .map_err(|rejection| {
                ApiError::BadRequest(format!("The path is not valid: {}", rejection.body_text()))
            })
    }
}
