//! `POST /oauth/token`: the client-credentials, authorization-code (PKCE) and refresh-token
//! grants, with parameters from the query string, a urlencoded or a multipart body, as
//! ISC accepts them. Limited per client address and per authenticated confidential client.

use std::collections::HashMap;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::multipart::MultipartError;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE, PRAGMA};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use wire::oauth::{TokenClaims, TokenResponse};

use super::authorize::{is_pkce_text, s256, MAX_REDIRECT_URI};
use super::PUBLIC_CLIENT_ID;
use crate::error::ApiError;
use crate::forwarded;
use crate::ids::sha256_hex;
use crate::input::echo;
use crate::state::{AppState, Redeemed};
use crate::store::identities::{self, Identity};
use crate::store::refresh_tokens::{self, Taken};
use crate::tokens::{now_secs, SCOPES};

/// The decoded parameters of a token request.
type Params = HashMap<String, String>;

/// A token request: its parameters, and whether the client sent HTTP Basic credentials
/// (then put into `client_id` and `client_secret`): if they fail, the answer challenges
/// for them (RFC 6749 §5.2).
struct TokenRequest {
    params: Params,
    basic: bool,
}

/// The parameters of a token request, from the query string, the body and Basic
/// credentials. As RFC 6749 says (sections 3.2 and 2.3), a parameter may be sent only once,
/// in whichever of the query string and the body, and a client authenticates one way:
/// Basic credentials with a `client_secret` parameter, or naming another client in
/// `client_id`, is an `invalid_request`. Basic credentials that cannot be decoded are an
/// `invalid_client`.
async fn token_params(state: &AppState, request: Request) -> Result<TokenRequest, ApiError> {
    let basic = basic_credentials(request.headers()).map_err(|()| {
        ApiError::oauth_client("the Basic credentials of the Authorization header are malformed")
            .challenging_basic()
    })?;
    let mut pairs: Vec<(String, String)> = match request.uri().query() {
        Some(query) => serde_urlencoded::from_str(query)
            .map_err(|e| ApiError::oauth_request(format!("malformed query string: {e}")))?,
        None => Vec::new(),
    };
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
        return Ok(TokenRequest {
            params,
            basic: true,
        });
    }
    Ok(TokenRequest {
        params,
        basic: false,
    })
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

/// The client id and secret of an `Authorization: Basic` header; `Ok(None)` without
/// one (or with another scheme), `Err` for one that cannot be decoded.
fn basic_credentials(headers: &HeaderMap) -> Result<Option<(String, String)>, ()> {
    let Some(value) = headers.get(AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| ())?;
    let (scheme, encoded) = value.split_once(' ').unwrap_or((value, ""));
    if !scheme.eq_ignore_ascii_case("basic") {
        return Ok(None);
    }
    let decoded = STANDARD.decode(encoded.trim()).map_err(|_| ())?;
    let decoded = String::from_utf8(decoded).map_err(|_| ())?;
    let (id, secret) = decoded.split_once(':').ok_or(())?;
    Ok(Some((id.to_owned(), secret.to_owned())))
}

fn required<'a>(params: &'a Params, name: &str) -> Result<&'a str, ApiError> {
    params
        .get(name)
        .map(String::as_str)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| ApiError::oauth_request(format!("missing parameter '{name}'")))
}

/// What a grant established: who, the claims of the access token to sign (minted before
/// any refresh token is stored, which records its `jti`), and the refresh token issued
/// with it (already stored; `None` for the client-credentials grant).
struct Granted {
    identity: Identity,
    claims: TokenClaims,
    refresh_token: Option<String>,
}

/// The client of a token request, as it proved itself (RFC 6749 §2.3, §3.2.1).
enum Client {
    /// The browser app, [`PUBLIC_CLIENT_ID`]: a public client, with no secret to prove.
    Public,
    /// A demo identity's personal-access-token client, whose secret was right.
    Confidential(Box<Identity>),
}

/// The client of a token request: the public client when `client_id` names it (or, if
/// `public_by_default`, names none), else the confidential client whose id and secret
/// match. A wrong or missing secret, an unknown client, or a secret for the public client
/// is a 401 `invalid_client` (§5.2). An authenticated confidential client counts against
/// its own limit.
async fn authenticate_client(
    state: &AppState,
    params: &Params,
    public_by_default: bool,
) -> Result<Client, ApiError> {
    let client_id = match params.get("client_id").filter(|id| !id.is_empty()) {
        Some(id) => id.clone(),
        None if public_by_default => PUBLIC_CLIENT_ID.to_owned(),
        None => return Err(ApiError::oauth_request("missing parameter 'client_id'")),
    };
    let secret = params.get("client_secret").cloned().unwrap_or_default();
    if client_id == PUBLIC_CLIENT_ID {
        // An empty secret is no secret (§2.3.1).
        return match secret.is_empty() {
            true => Ok(Client::Public),
            false => Err(ApiError::oauth_client(format!(
                "'{PUBLIC_CLIENT_ID}' is a public client and has no secret"
            ))),
        };
    }
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
            Ok(Client::Confidential(Box::new(identity)))
        }
        _ => Err(ApiError::oauth_client(format!(
            "unknown client '{}' or wrong client secret",
            echo(&client_id)
        ))),
    }
}

/// A 400 `unauthorized_client`: the client proved who it is, but may not use `grant`.
fn unauthorized_client(client_id: &str, grant: &str, instead: &str) -> ApiError {
    ApiError::oauth(
        StatusCode::BAD_REQUEST,
        "unauthorized_client",
        format!(
            "the client '{}' may not use the {grant} grant; {instead}",
            echo(client_id)
        ),
    )
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
    let TokenRequest { params, basic } = token_params(&state, request).await?;
    let granted = grant(&state, &params).await.map_err(|error| match basic {
        true => error.challenging_basic(),
        false => error,
    })?;
    let answer = issue(&state, granted)?;
    let mut response = axum::Json(answer).into_response();
    // RFC 6749 §5.1: an answer holding tokens is never stored, by the browser or a proxy
    // (`Pragma` for HTTP/1.0 caches).
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(PRAGMA, HeaderValue::from_static("no-cache"));
    Ok(response)
}

/// What the grant `grant_type` names establishes for `params`.
async fn grant(state: &AppState, params: &Params) -> Result<Granted, ApiError> {
    match required(params, "grant_type")? {
        "client_credentials" => client_credentials(state, params).await,
        "authorization_code" => authorization_code(state, params).await,
        "refresh_token" => refresh(state, params).await,
        other => Err(ApiError::oauth(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            format!("grant_type '{}' is not supported", echo(other)),
        )),
    }
}

async fn client_credentials(state: &AppState, params: &Params) -> Result<Granted, ApiError> {
    match authenticate_client(state, params, false).await? {
        Client::Confidential(identity) => Ok(Granted {
            claims: state
                .tokens()
                .claims(&identity.subject(), &identity.client_id, now_secs()),
            identity: *identity,
            refresh_token: None,
        }),
        Client::Public => Err(unauthorized_client(
            PUBLIC_CLIENT_ID,
            "client_credentials",
            "a browser signs in with authorization_code and PKCE",
        )),
    }
}

async fn authorization_code(state: &AppState, params: &Params) -> Result<Granted, ApiError> {
    if let Client::Confidential(identity) = authenticate_client(state, params, false).await? {
        return Err(unauthorized_client(
            &identity.client_id,
            "authorization_code",
            "use client_credentials",
        ));
    }
    let client_id = PUBLIC_CLIENT_ID;
    let code = required(params, "code")?;
    let redirect_uri = required(params, "redirect_uri")?;
    let verifier = required(params, "code_verifier")?;
    if !(43..=128).contains(&verifier.len()) || !is_pkce_text(verifier) {
        return Err(ApiError::oauth_request(
            "code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_', '~'",
        ));
    }
    // Taken before checking: a code is good for one attempt only.
    let redeemed = state.codes().redeem(code, Instant::now());
    let (issued, family) = match redeemed {
        Redeemed::First { code, family } => (code, family),
        Redeemed::Replayed { family } => return Err(replayed(state, family).await),
        Redeemed::Unknown => return Err(ApiError::oauth_grant("unknown authorization code")),
    };
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
    let (app, code) = (state.clone(), code.to_owned());
    let (identity, claims, refresh_token) = state
        .db()
        .write(move |c| {
            // A replay of the code revokes this sign-in in a write of its own. One seen by
            // now may have queued that write before this one, so nothing is issued; one
            // not seen yet queues it after this write, and it revokes what this stores.
            if app.codes().was_replayed(&code) {
                return Err(ApiError::oauth_grant(
                    "the authorization code was presented twice; nothing is issued for it",
                ));
            }
            let Some(identity) = identities::by_id(c, &id)? else {
                return Err(ApiError::oauth_grant("the identity no longer exists"));
            };
            let claims = app
                .tokens()
                .claims(&identity.subject(), PUBLIC_CLIENT_ID, now_secs());
            let access = (claims.jti.clone(), claims.exp);
            let token = refresh_tokens::issue(
                c,
                &identity.id,
                PUBLIC_CLIENT_ID,
                expires,
                &family,
                &access,
            )?;
            Ok((identity, claims, token))
        })
        .await?;
    Ok(Granted {
        identity,
        claims,
        refresh_token: Some(refresh_token),
    })
}

/// The answer to an authorization code presented again: RFC 6749 §4.1.2 says the tokens
/// issued for it should be revoked, so its first exchange's sign-in (`family`) is, with
/// its access tokens.
async fn replayed(state: &AppState, family: String) -> ApiError {
    let revoked = state
        .db()
        .write(move |c| refresh_tokens::revoke_family(c, &family))
        .await;
    match revoked {
        Ok(revoked) => {
            state.tokens().revoke(&revoked, now_secs());
            ApiError::oauth_grant(
                "the authorization code was already used; the tokens issued for it are now revoked",
            )
        }
        Err(error) => error,
    }
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
///
/// A client that sends credentials must prove them (RFC 6749 §6: "authenticate the client if
/// client authentication is included"); the public client needs none.
async fn refresh(state: &AppState, params: &Params) -> Result<Granted, ApiError> {
    let client_id = match authenticate_client(state, params, true).await? {
        Client::Public => PUBLIC_CLIENT_ID.to_owned(),
        Client::Confidential(identity) => identity.client_id,
    };
    let token = required(params, "refresh_token")?.to_owned();
    let client = client_id.clone();
    let now = now_secs();
    let keys = state.tokens().clone();
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
            let claims = keys.claims(&identity.subject(), &client, now);
            let access = (claims.jti.clone(), claims.exp);
            // The successor ends when the sign-in does, not a lifetime from now.
            let next = refresh_tokens::issue(c, &identity.id, &client, *expires, family, &access)?;
            Ok((taken, Some((identity, claims, next))))
        })
        .await?;
    match (taken, rotated) {
        (Taken::Fresh { .. }, Some((identity, claims, next))) => Ok(Granted {
            identity,
            claims,
            refresh_token: Some(next),
        }),
        (Taken::Reused { revoked }, _) => {
            state.tokens().revoke(&revoked, now_secs());
            Err(ApiError::oauth_grant(
                "the refresh token was already used; every token of its sign-in, refresh and \
                 access tokens alike, is now revoked",
            ))
        }
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
        claims,
        refresh_token,
    } = granted;
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
