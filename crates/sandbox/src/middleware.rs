//! Per-request policies of the `/v2024` API that run before any handler: injected faults
//! (test controls) and the rate limit per verified identity; and, for every request, the
//! refusal of hosts it does not answer for, the request timeout and the refusal of encoded
//! bodies.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// Answers with the injected fault while one is armed.
pub async fn inject_faults(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    match state.take_fault(request.uri().path()) {
        None => next.run(request).await,
        Some(fault) => match fault.status {
            429 => ApiError::TooManyRequests {
                retry_after_secs: fault.retry_after_secs,
            }
            .into_response(),
            503 => ApiError::Unavailable.into_response(),
            _ => ApiError::Internal("fault injected by the test controls".into()).into_response(),
        },
    }
}

/// Refuses a request with 429 when the identity its token was verified for has used up
/// its budget. The budget belongs to the identity, not the token string: a fresh token for
/// the same person gets no fresh budget, and made-up tokens get no bucket at all (they
/// pass through and authentication refuses them). The verified principal is left in the
/// request for the `Caller` extractor.
pub async fn rate_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    if let Ok(principal) = crate::auth::authenticate(&parts, &state) {
        if let Err(retry_after_secs) = state.limits().api.check(principal.id()) {
            return ApiError::TooManyRequests { retry_after_secs }.into_response();
        }
        parts.extensions.insert(principal);
    }
    next.run(Request::from_parts(parts, body)).await
}

/// Refuses a request naming a host this sandbox does not answer for (see
/// [`crate::security::host_allowed`]; `names` from [`crate::security::allowed_host_names`]) with a 400 that says how to allow it. A request
/// without any host (HTTP/1.0) is answered: no browser sends one.
pub async fn check_host(
    State(names): State<std::sync::Arc<[String]>>,
    request: Request,
    next: Next,
) -> Response {
    let authority = request
        .uri()
        .authority()
        .map(|a| a.as_str().to_owned())
        .or_else(|| {
            request
                .headers()
                .get(axum::http::header::HOST)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
        });
    let Some(authority) = authority else {
        return next.run(request).await;
    };
    if crate::security::host_allowed(&authority, &names) {
        return next.run(request).await;
    }
    let host = crate::input::echo(&authority);
    ApiError::BadRequest(format!(
        "This sandbox does not answer for the host '{host}'. Reach it by its IP address or \
         localhost, or start it with --allowed-host NAME (or --public-base-url) for a name of \
         your own."
    ))
    .into_response()
}

/// Answers a request that takes longer than the configured timeout with a 408 in the
/// spec's error shape (tower-http's timeout layer would send an empty body).
pub async fn timeout(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let limit = std::time::Duration::from_secs(state.config().request_timeout_secs.max(1));
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::Timeout.into_response(),
    }
}

/// Refuses a request whose body is in a content coding (`Content-Encoding: gzip`, …) with a
/// 415 in the spec's error shape: the sandbox decodes none, and reading compressed bytes as
/// JSON or a form would answer about a body the client never meant.
pub async fn refuse_encoded_bodies(request: Request, next: Next) -> Response {
    let encodings = request
        .headers()
        .get_all(axum::http::header::CONTENT_ENCODING)
        .iter()
        .flat_map(|value| value.to_str().unwrap_or("?").split(','))
        .map(str::trim)
        .find(|coding| !coding.is_empty() && !coding.eq_ignore_ascii_case("identity"))
        .map(|coding| crate::input::echo(coding).into_owned());
    match encodings {
        None => next.run(request).await,
        Some(coding) => ApiError::UnsupportedMediaType(format!(
            "The request body has Content-Encoding '{coding}'; send it unencoded (identity)."
        ))
        .into_response(),
    }
}

/// The method fallback of the OAuth routers: a 405 in the spec's error shape.
pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// The method fallback of the API routers: a 405, once the caller is known. As ISC's
/// gateway does, a call without a valid token is answered 401 whatever it asks for.
pub async fn api_method_not_allowed(_: Caller) -> ApiError {
    ApiError::MethodNotAllowed
}
