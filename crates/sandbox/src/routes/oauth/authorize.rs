//! The authorization request: its parameters, their validation (done before anything is
//! stored), how a refused request is answered ([`Refusal`]), and `POST /oauth/authorize`,
//! which issues a single-use code and redirects.

use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::sign_in::refused;
use super::words::Lang;
use super::PUBLIC_CLIENT_ID;
use crate::error::ApiError;
use crate::forwarded;
use crate::ids::random_hex64;
use crate::state::{AppState, AuthCode, CodeRefused};
use crate::store::identities;

/// Longest `redirect_uri` accepted.
pub const MAX_REDIRECT_URI: usize = 2048;
/// Longest `state` accepted (it is echoed in the redirect).
const MAX_STATE: usize = 1024;

/// The parameters of the authorization request (query of the page, fields of its forms).
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
pub struct AuthorizeParams {
    /// Must be `code`; required (a request without it is refused).
    #[serde(default)]
    pub response_type: Option<String>,
    /// Must be the public client id.
    #[serde(default)]
    pub client_id: String,
    /// Where to send the code: a local http address or this sandbox.
    #[serde(default)]
    pub redirect_uri: String,
    /// Opaque value handed back to the client.
    #[serde(default)]
    pub state: Option<String>,
    /// PKCE challenge.
    #[serde(default)]
    pub code_challenge: String,
    /// PKCE method; only S256.
    #[serde(default)]
    pub code_challenge_method: Option<String>,
    /// Who signs in (set by the page's buttons).
    #[serde(default)]
    pub identity_id: Option<String>,
    /// The languages the client asks the page in, preferred first, space separated
    /// (OpenID Connect's `ui_locales`); before `Accept-Language`.
    #[serde(default)]
    pub ui_locales: Option<String>,
}

impl AuthorizeParams {
    /// Decodes urlencoded parameters (the page's query or its form's body). Undecodable
    /// input names no client that could be trusted, so the person is told.
    pub fn decode(encoded: &[u8]) -> Result<AuthorizeParams, Refusal> {
        serde_urlencoded::from_bytes(encoded)
            .map_err(|e| Refusal::Untrusted(format!("malformed parameters: {e}")))
    }
}

/// Why an authorization request is refused, which decides who is told (RFC 6749
/// §4.1.2.1): the person, on a page of the sandbox, or the client, at its `redirect_uri`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The client, its `redirect_uri` or its `state` cannot be trusted or sent back: the
    /// person gets an error page and nothing redirects (a redirect to an unchecked address
    /// would make the sandbox an open redirector). The text says what is wrong.
    Untrusted(String),
    /// A known client sent a request that cannot be served: it is sent back to its
    /// `redirect_uri` with `error`, `error_description` and its `state`.
    ToClient {
        /// The OAuth error code (`invalid_request`, `unsupported_response_type`, …).
        error: &'static str,
        /// What is wrong, for the client's developer.
        description: String,
    },
}

impl Refusal {
    /// An `invalid_request` for the client.
    fn invalid_request(description: impl Into<String>) -> Refusal {
        Refusal::ToClient {
            error: "invalid_request",
            description: description.into(),
        }
    }

    /// The redirect back to the client with this refusal; `None` for [`Refusal::Untrusted`]
    /// (or when the address cannot be written), whose page the caller renders.
    pub fn redirect(&self, params: &AuthorizeParams) -> Option<Response> {
        let Refusal::ToClient { error, description } = self else {
            return None;
        };
        let location = redirect_to(
            params,
            vec![("error", error), ("error_description", description)],
        )
        .ok()?;
        Some((StatusCode::FOUND, [(LOCATION, location)]).into_response())
    }
}

/// The PKCE S256 challenge of `verifier`.
pub fn s256(verifier: &str) -> String {
    wire::pkce::challenge_s256(verifier)
}

/// Whether `text` is made of RFC 7636's unreserved characters only.
pub fn is_pkce_text(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

/// The origin (`scheme://authority`) of an absolute http(s) URI without user info or
/// fragment, whose port (if any) is one a server can listen on (1 to 65535); `None` for
/// anything else.
pub fn origin_of(uri: &str) -> Option<&str> {
    let scheme_len = if uri.starts_with("http://") {
        7
    } else if uri.starts_with("https://") {
        8
    } else {
        return None;
    };
    let rest = &uri[scheme_len..];
    let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_len];
    if authority.is_empty() || authority.contains('@') || uri.contains('#') {
        return None;
    }
    if let Some((_, port)) = authority.rsplit_once(':') {
        let listenable = port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u16>().is_ok_and(|port| port > 0);
        if !listenable {
            return None;
        }
    }
    Some(&uri[..scheme_len + authority_len])
}

/// Whether the sign-in page may send a code to `uri`: a valid URI (no spaces or other
/// characters a URI cannot hold) on plain http on localhost or 127.0.0.1 (any port), or on
/// the sandbox's own configured origin.
pub fn redirect_allowed(uri: &str, own_origin: &str) -> bool {
    if axum::http::Uri::try_from(uri).is_err() {
        return false;
    }
    let Some(origin) = origin_of(uri) else {
        return false;
    };
    if origin.eq_ignore_ascii_case(own_origin) {
        return true;
    }
    let Some(authority) = origin.strip_prefix("http://") else {
        return false;
    };
    let host = authority
        .rsplit_once(':')
        .map_or(authority, |(host, _)| host);
    host == "localhost" || host == "127.0.0.1"
}

/// Checks an authorization request completely; nothing is stored before this passes. The
/// client, its address and its `state` are checked first: only then may a refusal redirect.
pub fn check_authorize(params: &AuthorizeParams, own_origin: &str) -> Result<(), Refusal> {
    if params.client_id != PUBLIC_CLIENT_ID {
        return Err(Refusal::Untrusted(format!(
            "unknown client_id; use '{PUBLIC_CLIENT_ID}'"
        )));
    }
    if params.redirect_uri.len() > MAX_REDIRECT_URI
        || HeaderValue::from_str(&params.redirect_uri).is_err()
        || !redirect_allowed(&params.redirect_uri, own_origin)
    {
        return Err(Refusal::Untrusted(
            "redirect_uri must be http://localhost:PORT/…, http://127.0.0.1:PORT/… or this sandbox"
                .into(),
        ));
    }
    if params.state.as_ref().is_some_and(|s| s.len() > MAX_STATE) {
        return Err(Refusal::Untrusted(format!(
            "state must be at most {MAX_STATE} bytes"
        )));
    }
    // REQUIRED (RFC 6749 §4.1.1): a request without one is malformed (§4.1.2.1), one
    // asking for another grant is not supported.
    match params.response_type.as_deref() {
        Some("code") => {}
        None | Some("") => {
            return Err(Refusal::invalid_request(
                "response_type is required; it must be 'code'",
            ))
        }
        Some(_) => {
            return Err(Refusal::ToClient {
                error: "unsupported_response_type",
                description: "response_type must be 'code'".into(),
            })
        }
    }
    if params.code_challenge.len() != 43
        || !is_pkce_text(&params.code_challenge)
        || params.code_challenge.contains(['.', '~'])
        || params.code_challenge_method.as_deref() != Some("S256")
    {
        return Err(Refusal::invalid_request(
            "PKCE is required: a 43-character base64url code_challenge with code_challenge_method=S256",
        ));
    }
    Ok(())
}

/// `redirect_uri` with `pairs` and the client's `state` added to its query.
fn redirect_to<'a>(
    params: &'a AuthorizeParams,
    mut pairs: Vec<(&'static str, &'a str)>,
) -> Result<HeaderValue, ApiError> {
    if let Some(client_state) = params.state.as_deref().filter(|s| !s.is_empty()) {
        pairs.push(("state", client_state));
    }
    let query = serde_urlencoded::to_string(pairs)
        .map_err(|e| ApiError::Internal(format!("encoding the redirect: {e}")))?;
    let separator = if params.redirect_uri.contains('?') {
        '&'
    } else {
        '?'
    };
    HeaderValue::from_str(&format!("{}{separator}{query}", params.redirect_uri))
        .map_err(|_| ApiError::oauth_request("redirect_uri is not a valid header value"))
}

/// `POST /oauth/authorize`: the chosen identity signs in; 302 to `redirect_uri` with a
/// single-use code. A refused request is answered as the page's would be ([`refused`]).
///
/// Submissions are limited per client address, and one address may have only its share of
/// the pending codes waiting, so nobody can fill the code store and keep everyone else
/// from signing in.
pub async fn oauth_authorize_submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: Request,
) -> Result<Response, ApiError> {
    let lang = Lang::from_headers(&headers);
    let client_address = forwarded::client_address(&request, &state.config().trusted_proxies);
    // Counted before anything else, but answered once it is known whether the refusal may
    // go back to the client.
    let limited = client_address.and_then(|address| {
        state
            .limits()
            .authorize_peers
            .check(&address.to_string())
            .err()
    });
    let body = Bytes::from_request(request, &state).await?;
    let params = match AuthorizeParams::decode(&body) {
        Ok(params) => params,
        Err(refusal) => return Ok(refused(&refusal, None, lang)),
    };
    let lang = Lang::asked(params.ui_locales.as_deref()).unwrap_or(lang);
    if let Err(refusal) = check_authorize(&params, state.base_url()) {
        return Ok(refused(&refusal, Some(&params), lang));
    }
    if let Some(retry_after_secs) = limited {
        let refusal = Refusal::ToClient {
            error: "temporarily_unavailable",
            description: format!(
                "too many sign-ins from this address; try again in {retry_after_secs} s"
            ),
        };
        return Ok(refused(&refusal, Some(&params), lang));
    }
    let Some(identity_id) = params.identity_id.clone() else {
        let refusal = Refusal::invalid_request("choose an identity");
        return Ok(refused(&refusal, Some(&params), lang));
    };
    let id = identity_id.clone();
    let known = state.db().read(move |c| identities::by_id(c, &id)).await?;
    if known.is_none() {
        let refusal = Refusal::invalid_request("unknown identity");
        return Ok(refused(&refusal, Some(&params), lang));
    }
    let code = random_hex64();
    // Built before the code is stored, so a refused request leaves nothing behind.
    let location = redirect_to(&params, vec![("code", &code)])?;
    let now = Instant::now();
    let issued = AuthCode {
        client_id: params.client_id.clone(),
        redirect_uri: params.redirect_uri.clone(),
        code_challenge: params.code_challenge.clone(),
        identity_id,
        client_address,
        expires: now + Duration::from_secs(state.config().auth_code_ttl_secs),
    };
    let inserted = state.codes().insert(code, issued, now);
    if let Err(why) = inserted {
        let description = match why {
            CodeRefused::Full => "too many sign-ins are waiting for their token exchange",
            CodeRefused::AddressFull => {
                "too many sign-ins from this address are waiting for their token exchange"
            }
        };
        let refusal = Refusal::ToClient {
            error: "temporarily_unavailable",
            description: format!("{description}; try again shortly"),
        };
        return Ok(refused(&refusal, Some(&params), lang));
    }
    Ok((StatusCode::FOUND, [(LOCATION, location)]).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_http_redirects_or_our_own_origin_are_allowed() {
        let own = "https://sandbox.test:8443";
        for ok in [
            "http://localhost:3000/callback",
            "http://127.0.0.1:8080/",
            "http://localhost/cb",
            "http://localhost:65535/cb?x=1&y=%20",
            "https://sandbox.test:8443/auth",
        ] {
            assert!(redirect_allowed(ok, own), "{ok}");
        }
        for bad in [
            "https://evil.example/cb",
            "http://evil.example/cb",
            "http://sandbox.test:8443/auth",
            "https://localhost:3000/cb",
            "http://localhost.evil.example/cb",
            "http://user@localhost:3000/",
            "javascript:alert(1)",
            "http://localhost:3000/#frag",
            "http://localhost:abc/",
            "http://localhost:/cb",
            "http://localhost:99999999999/cb",
            "http://localhost:65536/cb",
            "http://localhost:0/cb",
            "http://localhost:9/ cb",
            "http://localhost:9/c\tb",
        ] {
            assert!(!redirect_allowed(bad, own), "{bad}");
        }
    }

    #[test]
    fn the_s256_challenge_matches_the_rfc_7636_example() {
        assert_eq!(
            s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    /// Regression: a request without `response_type` was served as if it said `code`.
    /// It is REQUIRED (RFC 6749 §4.1.1); without it the request is `invalid_request`, sent
    /// back to the client, since the client and its address were trusted by then.
    #[test]
    fn a_request_without_a_response_type_is_an_invalid_request_for_the_client() {
        let own = "http://127.0.0.1:1";
        for missing in [None, Some(String::new())] {
            let params = AuthorizeParams {
                response_type: missing,
                client_id: PUBLIC_CLIENT_ID.into(),
                redirect_uri: "http://localhost:3000/cb".into(),
                state: None,
                code_challenge: s256("v"),
                code_challenge_method: Some("S256".into()),
                identity_id: None,
                ui_locales: None,
            };
            match check_authorize(&params, own) {
                Err(Refusal::ToClient { error, description }) => {
                    assert_eq!(error, "invalid_request");
                    assert!(description.contains("response_type"), "{description}");
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn a_challenge_must_be_exactly_43_base64url_characters() {
        let params = |challenge: &str| AuthorizeParams {
            response_type: Some("code".into()),
            client_id: PUBLIC_CLIENT_ID.into(),
            redirect_uri: "http://localhost:3000/cb".into(),
            state: None,
            code_challenge: challenge.into(),
            code_challenge_method: Some("S256".into()),
            identity_id: None,
            ui_locales: None,
        };
        let own = "http://127.0.0.1:1";
        assert!(check_authorize(&params(&s256("v")), own).is_ok());
        for bad in [
            "a".repeat(42),
            "a".repeat(44),
            "a".repeat(900 * 1024),
            format!("{}=", "a".repeat(42)),
        ] {
            assert!(
                check_authorize(&params(&bad), own).is_err(),
                "{}",
                bad.len()
            );
        }
    }
}
