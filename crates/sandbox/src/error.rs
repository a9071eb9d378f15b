//! The one error type of the sandbox and its mapping to ISC's status codes and bodies.
//!
//! Every answer that is not a success goes through [`ApiError::into_response`]: a fresh
//! `trackingId` is minted, logged together with the cause, and put in the body. Internal
//! causes are logged, never sent to the client. A message (and its logged cause) is at most
//! [`MESSAGE_CHARS`] characters, whatever client text a decoder's error quoted.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use wire::oauth::OAuthError;
use wire::{ErrorMessageDto, ErrorResponseDto, TooManyRequestsBody, UnauthorizedBody};

use crate::input::{clip, MESSAGE_CHARS};
use crate::workflow::RuleError;

/// Everything that can go wrong while answering a request.
#[derive(Debug)]
pub enum ApiError {
    /// 400 `ErrorResponseDto`: a bad parameter or body, or a broken state rule.
    BadRequest(String),
    /// 401 `{"error": "JWT validation failed: …"}` with `WWW-Authenticate: Bearer` (RFC
    /// 6750 §3): no bearer token at all, so no error code in the challenge (§3.1).
    MissingToken,
    /// 401 `{"error": "JWT validation failed: …"}` with `WWW-Authenticate: Bearer
    /// error="invalid_token"`: a malformed, forged, expired or revoked token; the text says
    /// which.
    Unauthorized(String),
    /// 403 `ErrorResponseDto`: the caller may not see or act on this.
    Forbidden,
    /// 404 `ErrorResponseDto`: no such resource (or route).
    NotFound(String),
    /// 405 `ErrorResponseDto`: the path exists but not with this method.
    MethodNotAllowed,
    /// 408 `ErrorResponseDto`: the request took longer than the configured timeout.
    Timeout,
    /// 408 `ErrorResponseDto`: the request body did not arrive within
    /// `--body-read-timeout-secs` of its headers.
    BodyTimeout,
    /// 413 `ErrorResponseDto`: the body is larger than the configured limit.
    PayloadTooLarge,
    /// 415 `ErrorResponseDto`: the body is sent in a coding the sandbox does not decode
    /// (`Content-Encoding` other than `identity`); the text says which.
    UnsupportedMediaType(String),
    /// 429 `{"message": " Rate Limit Exceeded "}` with `Retry-After` in seconds.
    TooManyRequests {
        /// Seconds until the caller may try again.
        retry_after_secs: u64,
    },
    /// 503 `ErrorResponseDto`: only ever injected by the test controls.
    Unavailable,
    /// 500 `ErrorResponseDto`: a fault of ours; the cause is logged, not sent.
    Internal(String),
    /// 400/401 RFC 6749 error of the OAuth endpoints, `Cache-Control: no-store`.
    OAuth {
        /// 400 for a bad request or grant, 401 for a bad client.
        status: StatusCode,
        /// The RFC 6749 error code, e.g. `invalid_grant`.
        error: &'static str,
        /// What exactly was wrong.
        description: String,
        /// Whether the answer challenges for HTTP Basic credentials (`WWW-Authenticate:
        /// Basic`): RFC 6749 §5.2 wants it when a client that authenticated with them
        /// failed, and only then, since to a browser it is a prompt for a password.
        basic_challenge: bool,
    },
}

/// The `WWW-Authenticate` of a token endpoint answer to a client whose HTTP Basic
/// credentials failed.
pub const BASIC_CHALLENGE: &str = "Basic realm=\"My Tasks sandbox\", charset=\"UTF-8\"";

/// The text of a [`ApiError::MissingToken`] answer, after "JWT validation failed: ".
const MISSING_TOKEN: &str = "no bearer token in the Authorization header";

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
            basic_challenge: false,
        }
    }

    /// This error, challenging for HTTP Basic credentials if it is an `invalid_client`:
    /// for a client that authenticated with them (RFC 6749 §5.2).
    pub fn challenging_basic(self) -> ApiError {
        match self {
            ApiError::OAuth {
                status,
                error: error @ "invalid_client",
                description,
                ..
            } => ApiError::OAuth {
                status,
                error,
                description,
                basic_challenge: true,
            },
            other => other,
        }
    }

    /// The status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::MissingToken | ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Timeout | ApiError::BodyTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
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
            ApiError::BadRequest(m)
            | ApiError::Unauthorized(m)
            | ApiError::NotFound(m)
            | ApiError::UnsupportedMediaType(m) => f.write_str(m),
            ApiError::MissingToken => f.write_str(MISSING_TOKEN),
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

/// Untrusted text for a log line: control characters (line breaks, escape bytes) are
/// written as escapes, so a crafted path or token cannot forge log lines or colours.
pub struct LogSafe<'a>(pub &'a str);

impl std::fmt::Display for LogSafe<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        for c in self.0.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                f.write_char(c)?;
            }
        }
        Ok(())
    }
}

impl From<RuleError> for ApiError {
    fn from(error: RuleError) -> Self {
        match error {
            RuleError::ApprovalItemNotFound(_) => ApiError::NotFound(error.to_string()),
            other => ApiError::BadRequest(other.to_string()),
        }
    }
}

impl ApiError {
    /// The `detailCode` and message of an answer in the `ErrorResponseDto` shape; `None`
    /// for the variants with a body of their own.
    fn dto(&self) -> Option<(&'static str, &str)> {
        Some(match self {
            ApiError::BadRequest(text) => ("400.1 Bad Request Content", text),
            ApiError::Forbidden => (
                "403 Forbidden",
                "The server understood the request but refuses to authorize it.",
            ),
            ApiError::NotFound(text) => ("404 Not found", text),
            ApiError::MethodNotAllowed => (
                "405 Method Not Allowed",
                "This resource does not accept that HTTP method.",
            ),
            ApiError::Timeout => (
                "408 Request Timeout",
                "The request took too long and was abandoned.",
            ),
            ApiError::BodyTimeout => (
                "408 Request Timeout",
                "The request body did not arrive within the time allowed.",
            ),
            ApiError::PayloadTooLarge => (
                "413 Payload Too Large",
                "The request body is larger than the server accepts.",
            ),
            ApiError::UnsupportedMediaType(text) => ("415 Unsupported Media Type", text),
            ApiError::Unavailable => (
                "503 Service Unavailable",
                "The service is temporarily unavailable.",
            ),
            ApiError::Internal(_) => ("500.0 Internal Fault", "An internal fault occurred."),
            ApiError::MissingToken
            | ApiError::Unauthorized(_)
            | ApiError::TooManyRequests { .. }
            | ApiError::OAuth { .. } => return None,
        })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let tracking = tracking_id();
        let cause = self.to_string();
        let cause = LogSafe(&clip(&cause, MESSAGE_CHARS));
        if status.is_server_error() {
            tracing::error!(tracking_id = %tracking, %status, %cause, "request failed");
        } else {
            tracing::warn!(tracking_id = %tracking, %status, %cause, "request refused");
        }
        if let Some((detail_code, text)) = self.dto() {
            let text = clip(text, MESSAGE_CHARS);
            return (status, axum::Json(error_dto(detail_code, &tracking, &text))).into_response();
        }
        let unauthorized = |reason: &str, challenge: &'static str| {
            (
                axum::Json(UnauthorizedBody {
                    error: Some(
                        format!("JWT validation failed: {}", clip(reason, MESSAGE_CHARS)).into(),
                    ),
                })
                .into_response(),
                vec![(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static(challenge),
                )],
            )
        };
        let (mut response, extra) = match self {
            ApiError::MissingToken => unauthorized(MISSING_TOKEN, "Bearer"),
            ApiError::Unauthorized(reason) => {
                unauthorized(&reason, "Bearer error=\"invalid_token\"")
            }
            ApiError::TooManyRequests { retry_after_secs } => (
                axum::Json(TooManyRequestsBody {
                    message: Some(" Rate Limit Exceeded ".into()),
                })
                .into_response(),
                vec![(
                    header::RETRY_AFTER,
                    HeaderValue::from(retry_after_secs.max(1)),
                )],
            ),
            ApiError::OAuth {
                error,
                description,
                basic_challenge,
                ..
            } => {
                let mut extra = vec![(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))];
                if basic_challenge {
                    extra.push((
                        header::WWW_AUTHENTICATE,
                        HeaderValue::from_static(BASIC_CHALLENGE),
                    ));
                }
                (
                    axum::Json(OAuthError {
                        error: error.to_owned(),
                        error_description: Some(clip(&description, MESSAGE_CHARS).into_owned()),
                    })
                    .into_response(),
                    extra,
                )
            }
            other => unreachable!("{other:?} has an ErrorResponseDto body"),
        };
        *response.status_mut() = status;
        for (name, value) in extra {
            response.headers_mut().insert(name, value);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_safe_text_has_no_line_breaks_or_escape_bytes() {
        let text = LogSafe("a\nb\u{1b}[31mc\r\t").to_string();
        assert!(!text.chars().any(char::is_control), "{text:?}");
        assert_eq!(text, r"a\nb\u{1b}[31mc\r\t");
    }

    #[test]
    fn every_variant_maps_to_its_status() {
        for (error, status) in [
            (ApiError::BadRequest("x".into()), 400),
            (ApiError::MissingToken, 401),
            (ApiError::Unauthorized("x".into()), 401),
            (ApiError::Forbidden, 403),
            (ApiError::NotFound("x".into()), 404),
            (ApiError::MethodNotAllowed, 405),
            (ApiError::Timeout, 408),
            (ApiError::BodyTimeout, 408),
            (ApiError::PayloadTooLarge, 413),
            (ApiError::UnsupportedMediaType("x".into()), 415),
            (
                ApiError::TooManyRequests {
                    retry_after_secs: 3,
                },
                429,
            ),
            (ApiError::Internal("x".into()), 500),
            (ApiError::Unavailable, 503),
            (ApiError::oauth_client("x"), 401),
        ] {
            assert_eq!(error.into_response().status().as_u16(), status);
        }
    }

    fn challenge(error: ApiError) -> Option<String> {
        let response = error.into_response();
        let value = response.headers().get(header::WWW_AUTHENTICATE)?;
        Some(value.to_str().unwrap().to_owned())
    }

    /// Regression: 401 answers came without `WWW-Authenticate` (RFC 6750 §3, RFC 6749
    /// §5.2).
    #[test]
    fn a_401_challenges_for_what_the_client_failed_at() {
        assert_eq!(challenge(ApiError::MissingToken).as_deref(), Some("Bearer"));
        assert_eq!(
            challenge(ApiError::Unauthorized("JWT is expired".into())).as_deref(),
            Some("Bearer error=\"invalid_token\"")
        );
        assert_eq!(challenge(ApiError::oauth_client("wrong secret")), None);
        assert_eq!(
            challenge(ApiError::oauth_client("wrong secret").challenging_basic()).as_deref(),
            Some(BASIC_CHALLENGE)
        );
        assert_eq!(
            challenge(ApiError::oauth_grant("used").challenging_basic()),
            None,
            "only a failed client is challenged"
        );
    }
}
