//! [`ApiError`]: every way an API call can fail, with what the server said about it.
//! Mapping a status and body to a variant is pure, so it is host-tested.

use crate::t;
use wire::{ErrorResponseDto, TooManyRequestsBody, UnauthorizedBody};

/// What the server told us about a failure (any part may be missing).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServerMessage {
    /// The first message text, meant for a person.
    pub text: Option<String>,
    /// The server's `trackingId`, to quote to support.
    pub tracking_id: Option<String>,
}

/// The one error type of the API client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, CORS, aborted), with the browser's
    /// words for it (in the browser's language, for the console, not for the person).
    Network(String),
    /// 400: the request was refused as invalid (e.g. the item changed underneath).
    BadRequest(ServerMessage),
    /// 401: no valid credentials; the client starts signing in again.
    Unauthorized(ServerMessage),
    /// 403: not allowed for this identity.
    Forbidden(ServerMessage),
    /// 404: no such work item (or owner).
    NotFound(ServerMessage),
    /// 429 after the bounded retries: try again after `retry_after` seconds.
    RateLimited {
        /// The `Retry-After` delay, in seconds, when the server sent one.
        retry_after: Option<u32>,
        /// What the server said.
        message: ServerMessage,
    },
    /// 5xx (or any other unexpected status).
    Server {
        /// The HTTP status.
        status: u16,
        /// What the server said.
        message: ServerMessage,
    },
    /// A success answer whose body is not the expected shape, with the reader's words
    /// for it (for the console, not for the person).
    Decode(String),
}

impl ApiError {
    /// No answer to a request: `detail` (the browser's words) goes to the console.
    pub fn network(detail: impl std::fmt::Display) -> ApiError {
        let detail = detail.to_string();
        leptos::logging::warn!("no answer from the server: {detail}");
        ApiError::Network(detail)
    }

    /// An answer that could not be read: `detail` goes to the console.
    pub fn decode(detail: impl std::fmt::Display) -> ApiError {
        let detail = detail.to_string();
        leptos::logging::warn!("an answer could not be read: {detail}");
        ApiError::Decode(detail)
    }

    /// Maps a non-success answer to its variant. `retry_after` is the raw header.
    pub fn from_response(status: u16, retry_after: Option<&str>, body: &str) -> ApiError {
        let message = server_message(status, body);
        match status {
            400 => ApiError::BadRequest(message),
            401 => ApiError::Unauthorized(message),
            403 => ApiError::Forbidden(message),
            404 => ApiError::NotFound(message),
            429 => ApiError::RateLimited {
                retry_after: retry_after.and_then(|v| v.trim().parse().ok()),
                message,
            },
            status => ApiError::Server { status, message },
        }
    }

    /// What the server said, when it said anything.
    pub fn server_message(&self) -> Option<&ServerMessage> {
        match self {
            ApiError::Network(_) | ApiError::Decode(_) => None,
            ApiError::BadRequest(m)
            | ApiError::Unauthorized(m)
            | ApiError::Forbidden(m)
            | ApiError::NotFound(m)
            | ApiError::RateLimited { message: m, .. }
            | ApiError::Server { message: m, .. } => Some(m),
        }
    }

    /// The server's tracking id, when it sent one.
    pub fn tracking_id(&self) -> Option<&str> {
        self.server_message()?.tracking_id.as_deref()
    }

    /// A one-line summary for a person: the server's text, or a plain fallback.
    pub fn message(&self) -> String {
        let text = self.server_message().and_then(|m| m.text.clone());
        match self {
            // The browser's and the reader's words are in English (or the browser's
            // language) and say nothing a person can act on; they went to the console.
            ApiError::Network(_) => t!("api-network"),
            ApiError::Decode(_) => t!("api-decode"),
            ApiError::RateLimited { retry_after, .. } => {
                // ISC's text (" Rate Limit Exceeded ") says no more than the status, in
                // English only, without a full stop before "Try again": ours is said instead.
                let text = t!("api-rate-limited");
                match retry_after {
                    Some(seconds) => t!("api-try-again", message = &text, seconds = *seconds),
                    None => text,
                }
            }
            ApiError::BadRequest(_) => text.unwrap_or_else(|| t!("api-bad-request")),
            // The server's words ("JWT validation failed: JWT is expired") are for whoever
            // runs it; the person is told their session has ended.
            ApiError::Unauthorized(_) => t!("api-unauthorized"),
            ApiError::Forbidden(_) => text.unwrap_or_else(|| t!("api-forbidden")),
            ApiError::NotFound(_) => text.unwrap_or_else(|| t!("api-not-found")),
            ApiError::Server { status, .. } => {
                text.unwrap_or_else(|| t!("api-server", status = status.to_string().as_str()))
            }
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ApiError {}

/// Reads whichever error body shape the status uses; an unreadable body gives no message.
fn server_message(status: u16, body: &str) -> ServerMessage {
    let text_of = |value: Option<serde_json::Value>| match value {
        Some(serde_json::Value::String(s)) => Some(s.trim().to_owned()),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    match status {
        401 => ServerMessage {
            text: serde_json::from_str::<UnauthorizedBody>(body)
                .ok()
                .and_then(|b| text_of(b.error)),
            tracking_id: None,
        },
        429 => ServerMessage {
            text: serde_json::from_str::<TooManyRequestsBody>(body)
                .ok()
                .and_then(|b| text_of(b.message)),
            tracking_id: None,
        },
        _ => match serde_json::from_str::<ErrorResponseDto>(body) {
            Ok(dto) => ServerMessage {
                // In the person's language, when the server sent it in theirs.
                text: dto
                    .message_for(crate::i18n::current().tag())
                    .map(str::to_owned),
                tracking_id: dto.tracking_id,
            },
            Err(_) => ServerMessage::default(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_answer_is_told_in_the_persons_language_without_the_browsers_words() {
        let choice = crate::i18n::negotiate(Some("de"), &[], None);
        crate::i18n::install_for_test(&choice);
        let error = ApiError::network("TypeError: Failed to fetch");
        assert_eq!(
            error,
            ApiError::Network("TypeError: Failed to fetch".into())
        );
        assert_eq!(
            error.message(),
            "Der Server war nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut."
        );
        let unread = ApiError::decode("expected value at line 1 column 1");
        assert!(
            !unread.message().contains("expected"),
            "{}",
            unread.message()
        );
    }

    #[test]
    fn a_500_keeps_the_servers_text_and_tracking_id() {
        let error = ApiError::from_response(
            500,
            None,
            r#"{"detailCode":"500.0 Internal Fault","trackingId":"abc123",
               "messages":[{"locale":"en-US","localeOrigin":"DEFAULT","text":"boom"}]}"#,
        );
        assert_eq!(error.tracking_id(), Some("abc123"));
        assert_eq!(error.message(), "boom");
        assert!(matches!(error, ApiError::Server { status: 500, .. }));
    }

    #[test]
    fn a_429_reads_retry_after_and_the_rate_limit_body() {
        let error =
            ApiError::from_response(429, Some(" 3 "), r#"{"message":" Rate Limit Exceeded "}"#);
        assert_eq!(
            error,
            ApiError::RateLimited {
                retry_after: Some(3),
                message: ServerMessage {
                    text: Some("Rate Limit Exceeded".into()),
                    tracking_id: None
                },
            }
        );
        assert_eq!(error.message(), "Too many requests. Try again in 3 s.");
    }

    #[test]
    fn each_status_maps_to_its_variant_and_an_html_body_is_no_message() {
        assert!(matches!(
            ApiError::from_response(400, None, ""),
            ApiError::BadRequest(_)
        ));
        assert!(
            matches!(ApiError::from_response(401, None, r#"{"error":"JWT is expired"}"#),
            ApiError::Unauthorized(ServerMessage { text: Some(t), .. }) if t == "JWT is expired")
        );
        assert_eq!(
            ApiError::from_response(
                401,
                None,
                r#"{"error":"JWT validation failed: JWT is expired"}"#
            )
            .message(),
            "Your session has ended."
        );
        assert!(matches!(
            ApiError::from_response(403, None, ""),
            ApiError::Forbidden(_)
        ));
        let missing = ApiError::from_response(404, None, "<html>nope</html>");
        assert_eq!(missing, ApiError::NotFound(ServerMessage::default()));
        assert_eq!(missing.message(), "Not found.");
        assert!(matches!(
            ApiError::from_response(503, None, ""),
            ApiError::Server { status: 503, .. }
        ));
    }
}
