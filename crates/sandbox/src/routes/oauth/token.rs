//! `POST /oauth/token`: the client-credentials, authorization-code (PKCE) and refresh-token
//! grants, with parameters from the query string, a urlencoded or a multipart body, as
//! ISC accepts them. Limited per client address and per authenticated confidential client.

use std::collections::HashMap;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::multipart::MultipartError;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use wire::oauth::TokenResponse;

use super::authorize::{is_pkce_text, s256, MAX_REDIRECT_URI};
use super::PUBLIC_CLIENT_ID;
use crate::error::ApiError;
use crate::forwarded;
use crate::ids::{random_hex64, sha256_hex};
use crate::input::echo;
use crate::state::AppState;
use crate::store::identities::{self, Identity};
use crate::store::refresh_tokens::{self, Taken};
use crate::tokens::{now_secs, SCOPES};

/// The decoded parameters of a token request.
type Params = HashMap<String, String>;

/// The parameters of a token request, from the query string, the body and Basic
/// credentials. As RFC 6749 says (sections 3.2 and 2.3), a parameter may be sent only once,
/// in whichever of the query string and the body, and a client authenticates one way:
/// Basic credentials with a `client_secret` parameter, or naming another client in
/// `client_id`, is an `invalid_request`.
async fn token_params(state: &AppState, request: Request) -> Result<Params, ApiError> {
    let mut pairs: Vec<(String, String)> = match request.uri().query() {
        Some(query) => serde_urlencoded::from_str(query)
            .map_err(|e| ApiError::oauth_request(format!("malformed query string: {e}")))?,
        None => Vec::new(),
    };
    let basic = basic_credentials(request.headers());
    let mime = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    match mime.as_deref() {
        Some("multipart/form-data") => pairs.extend(multipart_params(state, request).await?),
        other => {
            let bytes = Bytes::from_request(request, state).await?;
            if bytes.is_empty() {
                // Everything is in the query string (or missing).
            } else if other == Some("application/x-www-form-urlencoded") {
                let body: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes)
                    .map_err(|e| ApiError::oauth_request(format!("malformed form body: {e}")))?;
                pairs.extend(body);
            } else {
                return Err(ApiError::oauth_request(
                    "send parameters as application/x-www-form-urlencoded, multipart/form-data or in the query string",
                ));
            }
        }
    }
    let mut params = Params::new();
    for (name, value) in pairs {
        check_bounds(&name, &value)?;
        if params.contains_key(&name) {
            return Err(ApiError::oauth_request(format!(
                "parameter '{}' is sent more than once",
                echo(&name)
            )));
        }
        params.insert(name, value);
    }
    if let Some((id, secret)) = basic {
        if params.contains_key("client_secret") {
            return Err(ApiError::oauth_request(
                "the client authenticates twice: with Basic credentials and with 'client_secret'",
            ));
        }
        if params.get("client_id").is_some_and(|named| *named != id) {
            return Err(ApiError::oauth_request(
                "'client_id' names another client than the Basic credentials",
            ));
        }
        check_bounds("client_id", &id)?;
        check_bounds("client_secret", &secret)?;
        params.insert("client_id".into(), id);
        params.insert("client_secret".into(), secret);
    }
    Ok(params)
}

/// Longest parameter name accepted, in bytes (ours are at most 13).
const MAX_PARAM_NAME: usize = 64;

/// Longest parameter value accepted, in bytes: the longest `redirect_uri` the sign-in page
/// accepts; every other value (ids, secrets, codes, verifiers, refresh tokens) is far
/// shorter.
const MAX_PARAM_VALUE: usize = MAX_REDIRECT_URI;

/// An `invalid_request` for a parameter name or value longer than any grant needs, before
/// anything is looked up or remembered for it.
fn check_bounds(name: &str, value: &str) -> Result<(), ApiError> {
    if name.len() > MAX_PARAM_NAME {
        return Err(ApiError::oauth_request(format!(
            "parameter name '{}' is longer than {MAX_PARAM_NAME} bytes",
            echo(name)
        )));
    }
    if value.len() > MAX_PARAM_VALUE {
        return Err(ApiError::oauth_request(format!(
            "parameter '{}' is longer than {MAX_PARAM_VALUE} bytes",
            echo(name)
        )));
    }
    Ok(())
}

async fn multipart_params(
    state: &AppState,
    request: Request,
) -> Result<Vec<(String, String)>, ApiError> {
    // A body that arrives too late is a 408, as with every other body; anything else wrong
    // with it is the client's malformed request.
    let malformed = |error: MultipartError| {
        if crate::deadlines::is_body_timeout(&error) {
            ApiError::BodyTimeout
        } else {
            ApiError::oauth_request(format!("malformed multipart body: {}", error.body_text()))
        }
    };
    let mut multipart = Multipart::from_request(request, state).await.map_err(|e| {
        ApiError::oauth_request(format!("malformed multipart body: {}", e.body_text()))
    })?;
    let mut params = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(malformed)? {
        let name = field.name().unwrap_or_default().to_owned();
        let value = field.text().await.map_err(malformed)?;
        params.push((name, value));
    }
    Ok(params)
}

fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

fn required<'a>(params: &'a Params, name: &str) -> Result<&'a str, ApiError> {
    params
        .get(name)
        .map(String::as_str)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| ApiError::oauth_request(format!("missing parameter '{name}'")))
}

/// What a grant established: who, for which client, and the refresh token issued with the
/// access token (already stored; `None` for the client-credentials grant).
struct Granted {
    identity: Identity,
    client_id: String,
    refresh_token: Option<String>,
}

/// `POST /oauth/token`.
///
/// Every request counts against the limit of the address it came from (see
/// [`crate::forwarded`]): that is what stops guessing. A confidential client also has a
/// limit of its own, counted only once it has authenticated, so nobody without its secret
/// can use it up; the public browser client has none (every person signed in through the
/// app would share it).
pub async fn oauth_token(
    State(state): State<AppState>,
    request: Request,
) -> Result<Response, ApiError> {
    if let Some(client) = forwarded::client_address(&request, &state.config().trusted_proxies) {
        state
            .limits()
            .token_peers
            .check(&client.to_string())
            .map_err(|retry_after_secs| ApiError::TooManyRequests { retry_after_secs })?;
    }
    let params = token_params(&state, request).await?;
    let granted = match required(&params, "grant_type")? {
        "client_credentials" => client_credentials(&state, &params).await?,
        "authorization_code" => authorization_code(&state, &params).await?,
        "refresh_token" => refresh(&state, &params).await?,
        other => {
            return Err(ApiError::oauth(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                format!("grant_type '{}' is not supported", echo(other)),
            ))
        }
    };
    let answer = issue(&state, granted)?;
    let mut response = axum::Json(answer).into_response();
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

async fn client_credentials(state: &AppState, params: &Params) -> Result<Granted, ApiError> {
    let client_id = required(params, "client_id")?.to_owned();
    let secret = params.get("client_secret").cloned().unwrap_or_default();
    let id = client_id.clone();
    let identity = state
        .db()
        .read(move |c| identities::by_client_id(c, &id))
        .await?;
    // Compare digests, so the time taken says nothing about the secret.
    match identity {
        Some(identity) if sha256_hex(&identity.client_secret) == sha256_hex(&secret) => {
            state
                .limits()
                .token_clients
                .check(&identity.client_id)
                .map_err(|retry_after_secs| ApiError::TooManyRequests { retry_after_secs })?;
            Ok(Granted {
                identity,
                client_id,
                refresh_token: None,
            })
        }
        _ => Err(ApiError::oauth_client(
            "unknown client or wrong client secret",
        )),
    }
}

async fn authorization_code(state: &AppState, params: &Params) -> Result<Granted, ApiError> {
    let client_id = required(params, "client_id")?;
    if client_id != PUBLIC_CLIENT_ID {
        return Err(ApiError::oauth_client(format!(
            "unknown client '{}'",
            echo(client_id)
        )));
    }
    let code = required(params, "code")?;
    let redirect_uri = required(params, "redirect_uri")?;
    let verifier = required(params, "code_verifier")?;
    if !(43..=128).contains(&verifier.len()) || !is_pkce_text(verifier) {
        return Err(ApiError::oauth_request(
            "code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_', '~'",
        ));
    }
    // Removed before checking: a code is good for one attempt only.
    let issued = state
        .codes()
        .take(code)
        .ok_or_else(|| ApiError::oauth_grant("unknown or already used authorization code"))?;
    if issued.expires <= Instant::now() {
        return Err(ApiError::oauth_grant("the authorization code has expired"));
    }
    if issued.client_id != client_id || issued.redirect_uri != redirect_uri {
        return Err(ApiError::oauth_grant(
            "the code was issued to another client or redirect_uri",
        ));
    }
    if s256(verifier) != issued.code_challenge {
        return Err(ApiError::oauth_grant(
            "code_verifier does not match the code_challenge",
        ));
    }
    let id = issued.identity_id;
    let expires = refresh_expiry(state);
    let (identity, refresh_token) = state
        .db()
        .write(move |c| {
            let Some(identity) = identities::by_id(c, &id)? else {
                return Ok(None);
            };
            let family = random_hex64();
            let token = refresh_tokens::issue(c, &identity.id, PUBLIC_CLIENT_ID, expires, &family)?;
            Ok(Some((identity, token)))
        })
        .await?
        .ok_or_else(|| ApiError::oauth_grant("the identity no longer exists"))?;
    Ok(Granted {
        identity,
        client_id: PUBLIC_CLIENT_ID.to_owned(),
        refresh_token: Some(refresh_token),
    })
}

/// When a refresh token issued now stops being accepted (epoch seconds).
fn refresh_expiry(state: &AppState) -> i64 {
    now_secs().saturating_add(state.config().refresh_token_ttl_secs as i64)
}

/// The refresh-token grant. Using up the presented token and storing its successor happen
/// in one write transaction: a concurrent request that presents the same token is
/// serialized after it, sees it used, and revokes the chain with the successor already in
/// it. (Stored in a later transaction, the successor could land after that revocation and
/// outlive it.)
async fn refresh(state: &AppState, params: &Params) -> Result<Granted, ApiError> {
    let token = required(params, "refresh_token")?.to_owned();
    let client_id = params
        .get("client_id")
        .cloned()
        .unwrap_or_else(|| PUBLIC_CLIENT_ID.to_owned());
    let client = client_id.clone();
    let now = now_secs();
    let (taken, rotated) = state
        .db()
        .write(move |c| {
            let taken = refresh_tokens::take(c, &token, &client, now)?;
            let Taken::Fresh {
                identity_id,
                family,
                expires,
            } = &taken
            else {
                return Ok((taken, None));
            };
            let Some(identity) = identities::by_id(c, identity_id)? else {
                return Ok((taken, None));
            };
            // The successor ends when the sign-in does, not a lifetime from now.
            let next = refresh_tokens::issue(c, &identity.id, &client, *expires, family)?;
            Ok((taken, Some((identity, next))))
        })
        .await?;
    match (taken, rotated) {
        (Taken::Fresh { .. }, Some((identity, next))) => Ok(Granted {
            identity,
            client_id,
            refresh_token: Some(next),
        }),
        (Taken::Reused, _) => Err(ApiError::oauth_grant(
            "the refresh token was already used; every token of its sign-in is now revoked",
        )),
        _ => Err(ApiError::oauth_grant(
            "unknown, used or expired refresh token",
        )),
    }
}

/// The token answer for what a grant established: a new access token, and the refresh
/// token the grant stored.
fn issue(state: &AppState, granted: Granted) -> Result<TokenResponse, ApiError> {
    let Granted {
        identity,
        client_id,
        refresh_token,
    } = granted;
    let claims = state
        .tokens()
        .claims(&identity.subject(), &client_id, now_secs());
    let access_token = state.tokens().sign(&claims)?;
    let tenant = state.tokens().tenant();
    Ok(TokenResponse {
        access_token,
        token_type: "bearer".into(),
        expires_in: state.tokens().ttl_secs(),
        scope: SCOPES.join(" "),
        refresh_token,
        tenant_id: tenant.tenant_id.clone(),
        pod: tenant.pod.clone(),
        org: tenant.org.clone(),
        identity_id: identity.id,
        user_name: identity.alias,
        strong_auth: true,
        jti: claims.jti,
    })
}
