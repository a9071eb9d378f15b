//! The one error type of the sandbox and its mapping to ISC's status codes and bodies.
//!
//! Every answer that is not a success goes through [`ApiError::into_response`]: a fresh
//! `trackingId` is minted, logged together with the cause, and put in the body. Internal
//! causes are logged, never sent to the client.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use wire::oauth::OAuthError;
use wire::{ErrorMessageDto, ErrorResponseDto, TooManyRequestsBody, UnauthorizedBody};

/// Everything that can go wrong while answering a request.
#[derive(Debug)]
pub enum ApiError {
    /// 400 `ErrorResponseDto`: a bad parameter or body, or a broken state rule.
    BadRequest(String),
    /// 401 `{"error": "JWT validation failed: …"}`: missing, malformed, forged or expired token.
    Unauthorized(String),
    /// 403 `ErrorResponseDto`: the caller may not see or act on this.
    Forbidden,
    /// 404 `ErrorResponseDto`: no such resource (or route).
    NotFound(String),
    /// 405 `ErrorResponseDto`: the path exists but not with this method.
    MethodNotAllowed,
    /// 408 `ErrorResponseDto`: the request took longer than the configured timeout.
    Timeout,
    /// 413 `ErrorResponseDto`: the body is larger than the configured limit.
    PayloadTooLarge,
    /// 429 `{"message": " Rate Limit Exceeded "}` with `Retry-After` in seconds.
    TooManyRequests {
        /// Seconds until the caller may try again.
        retry_after_secs: u64,
    },
    /// 503 `ErrorResponseDto`: only ever injected by the test controls.
    Unavailable,
    /// 500 `ErrorResponseDto`: a fault of ours; the cause is logged, not sent.
    Internal(String),
    /// 400/401 RFC 6749 error of the OAuth endpoints.
    OAuth {
        /// 400 for a bad request or grant, 401 for a bad client.
        status: StatusCode,
        /// The RFC 6749 error code, e.g. `invalid_grant`.
        error: &'static str,
        /// What exactly was wrong.
        description: String,
    },
}

impl ApiError {
    /// A 400 that names the offending query parameter.
    pub fn invalid_parameter(name: &str, reason: impl std::fmt::Display) -> ApiError {
        ApiError::BadRequest(format!(
            "Invalid value for query parameter '{name}': {reason}"
        ))
    }

    /// An OAuth `invalid_request` (400).
    pub fn oauth_request(description: impl Into<String>) -> ApiError {
        ApiError::oauth(StatusCode::BAD_REQUEST, "invalid_request", description)
    }

    /// An OAuth `invalid_grant` (400).
    pub fn oauth_grant(description: impl Into<String>) -> ApiError {
        ApiError::oauth(StatusCode::BAD_REQUEST, "invalid_grant", description)
    }

    /// An OAuth `invalid_client` (401).
    pub fn oauth_client(description: impl Into<String>) -> ApiError {
        ApiError::oauth(StatusCode::UNAUTHORIZED, "invalid_client", description)
    }

    /// Any OAuth error.
    pub fn oauth(
        status: StatusCode,
        error: &'static str,
        description: impl Into<String>,
    ) -> ApiError {
        ApiError::OAuth {
            status,
            error,
            description: description.into(),
        }
    }

    /// The status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Timeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::OAuth { status, .. } => *status,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::BadRequest(m) | ApiError::Unauthorized(m) | ApiError::NotFound(m) => {
                f.write_str(m)
            }
            ApiError::Internal(m) => write!(f, "internal: {m}"),
            ApiError::OAuth {
                error, description, ..
            } => write!(f, "{error}: {description}"),
            other => write!(f, "{}", other.status()),
        }
    }
}

impl std::error::Error for ApiError {}

impl From<rusqlite::Error> for ApiError {
    fn from(error: rusqlite::Error) -> Self {
        ApiError::Internal(format!("database: {error}"))
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(error: serde_json::Error) -> Self {
        ApiError::Internal(format!("stored JSON: {error}"))
    }
}

/// A fresh 32-hex tracking id.
pub fn tracking_id() -> String {
    crate::ids::random_hex32()
}

fn error_dto(detail_code: &str, tracking_id: &str, text: &str) -> ErrorResponseDto {
    ErrorResponseDto {
        detail_code: Some(detail_code.to_owned()),
        tracking_id: Some(tracking_id.to_owned()),
        messages: Some(vec![ErrorMessageDto::en(text)]),
        causes: Some(Vec::new()),
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let tracking = tracking_id();
        if status.is_server_error() {
            tracing::error!(tracking_id = %tracking, %status, cause = %self, "request failed");
        } else {
            tracing::warn!(tracking_id = %tracking, %status, cause = %self, "request refused");
        }
        match self {
            ApiError::BadRequest(text) => (
                status,
                axum::Json(error_dto("400.1 Bad Request Content", &tracking, &text)),
            )
                .into_response(),
            ApiError::Unauthorized(reason) => (
                status,
                axum::Json(UnauthorizedBody {
                    error: Some(format!("JWT validation failed: {reason}").into()),
                }),
            )
                .into_response(),
            ApiError::Forbidden => (
                status,
                axum::Json(error_dto(
                    "403 Forbidden",
                    &tracking,
                    "The server understood the request but refuses to authorize it.",
                )),
            )
                .into_response(),
            ApiError::NotFound(text) => (
                status,
                axum::Json(error_dto("404 Not found", &tracking, &text)),
            )
                .into_response(),
            ApiError::MethodNotAllowed => (
                status,
                axum::Json(error_dto(
                    "405 Method Not Allowed",
                    &tracking,
                    "This resource does not accept that HTTP method.",
                )),
            )
                .into_response(),
            ApiError::Timeout => (
                status,
                axum::Json(error_dto(
                    "408 Request Timeout",
                    &tracking,
                    "The request took too long and was abandoned.",
                )),
            )
                .into_response(),
            ApiError::PayloadTooLarge => (
                status,
                axum::Json(error_dto(
                    "413 Payload Too Large",
                    &tracking,
                    "The request body is larger than the server accepts.",
                )),
            )
                .into_response(),
            ApiError::TooManyRequests { retry_after_secs } => {
                let mut response = (
                    status,
                    axum::Json(TooManyRequestsBody {
                        message: Some(" Rate Limit Exceeded ".into()),
                    }),
                )
                    .into_response();
                response.headers_mut().insert(
                    header::RETRY_AFTER,
                    HeaderValue::from(retry_after_secs.max(1)),
                );
                response
            }
            ApiError::Unavailable => (
                status,
                axum::Json(error_dto(
                    "503 Service Unavailable",
                    &tracking,
                    "The service is temporarily unavailable.",
                )),
            )
                .into_response(),
            ApiError::Internal(_) => (
                status,
                axum::Json(error_dto(
                    "500.0 Internal Fault",
                    &tracking,
                    "An internal fault occurred.",
                )),
            )
                .into_response(),
            ApiError::OAuth {
                error, description, ..
            } => {
                let mut response = (
                    status,
                    axum::Json(OAuthError {
                        error: error.to_owned(),
                        error_description: Some(description),
                    }),
                )
                    .into_response();
                response
                    .headers_mut()
                    .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                response
            }
        }
    }
}
