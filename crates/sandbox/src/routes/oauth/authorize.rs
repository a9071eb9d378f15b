//! The authorization request: its parameters, their validation (done before anything is
//! stored), and `POST /oauth/authorize`, which issues a single-use code and redirects.

use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::PUBLIC_CLIENT_ID;
use crate::error::ApiError;
use crate::ids::random_hex64;
use crate::state::{AppState, AuthCode, CodeStoreFull};
use crate::store::identities;

/// Longest `redirect_uri` accepted.
const MAX_REDIRECT_URI: usize = 2048;
/// Longest `state` accepted (it is echoed in the redirect).
const MAX_STATE: usize = 1024;

/// The parameters of the authorization request (query of the page, fields of its forms).
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
pub struct AuthorizeParams {
    /// Must be `code`.
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
}

impl AuthorizeParams {
    /// Decodes urlencoded parameters (the page's query or its form's body); undecodable
    /// input is an OAuth `invalid_request`, not a plain-text rejection.
    pub fn decode(encoded: &[u8]) -> Result<AuthorizeParams, ApiError> {
        serde_urlencoded::from_bytes(encoded)
            .map_err(|e| ApiError::oauth_request(format!("malformed parameters: {e}")))
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
/// fragment; `None` for anything else.
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
        if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    Some(&uri[..scheme_len + authority_len])
}

/// Whether the sign-in page may send a code to `uri`: plain http on localhost or
/// 127.0.0.1 (any port), or the sandbox's own configured origin.
pub fn redirect_allowed(uri: &str, own_origin: &str) -> bool {
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

/// Checks an authorization request completely; nothing is stored before this passes.
pub fn check_authorize(params: &AuthorizeParams, own_origin: &str) -> Result<(), ApiError> {
    if params.response_type.as_deref().is_some_and(|t| t != "code") {
        return Err(ApiError::oauth(
            StatusCode::BAD_REQUEST,
            "unsupported_response_type",
            "response_type must be 'code'",
        ));
    }
    if params.client_id != PUBLIC_CLIENT_ID {
        return Err(ApiError::oauth_request(format!(
            "unknown client_id; use '{PUBLIC_CLIENT_ID}'"
        )));
    }
    if params.redirect_uri.len() > MAX_REDIRECT_URI
        || HeaderValue::from_str(&params.redirect_uri).is_err()
        || !redirect_allowed(&params.redirect_uri, own_origin)
    {
        return Err(ApiError::oauth_request(
            "redirect_uri must be http://localhost:PORT/…, http://127.0.0.1:PORT/… or this sandbox",
        ));
    }
    if params.state.as_ref().is_some_and(|s| s.len() > MAX_STATE) {
        return Err(ApiError::oauth_request(format!(
            "state must be at most {MAX_STATE} bytes"
        )));
    }
    if params.code_challenge.len() != 43
        || !is_pkce_text(&params.code_challenge)
        || params.code_challenge.contains(['.', '~'])
        || params.code_challenge_method.as_deref() != Some("S256")
    {
        return Err(ApiError::oauth_request(
            "PKCE is required: a 43-character base64url code_challenge with code_challenge_method=S256",
        ));
    }
    Ok(())
}

/// Where the code goes: `redirect_uri` with `code` and `state` added to its query.
fn location(params: &AuthorizeParams, code: &str) -> Result<HeaderValue, ApiError> {
    let mut query = vec![("code", code)];
    if let Some(client_state) = params.state.as_deref().filter(|s| !s.is_empty()) {
        query.push(("state", client_state));
    }
    let query = serde_urlencoded::to_string(query)
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
/// single-use code.
pub async fn oauth_authorize_submit(
    State(state): State<AppState>,
    request: Request,
) -> Result<Response, ApiError> {
    let body = Bytes::from_request(request, &state).await?;
    let params = AuthorizeParams::decode(&body)?;
    check_authorize(&params, state.base_url())?;
    let identity_id = params
        .identity_id
        .clone()
        .ok_or_else(|| ApiError::oauth_request("choose an identity"))?;
    let id = identity_id.clone();
    state
        .db()
        .read(move |c| identities::by_id(c, &id))
        .await?
        .ok_or_else(|| ApiError::oauth_request("unknown identity"))?;
    let code = random_hex64();
    // Built before the code is stored, so a refused request leaves nothing behind.
    let location = location(&params, &code)?;
    let now = Instant::now();
    let issued = AuthCode {
        client_id: params.client_id,
        redirect_uri: params.redirect_uri,
        code_challenge: params.code_challenge,
        identity_id,
        expires: now + Duration::from_secs(state.config().auth_code_ttl_secs),
    };
    state
        .codes()
        .insert(code, issued, now)
        .map_err(|CodeStoreFull| {
            ApiError::oauth(
                StatusCode::SERVICE_UNAVAILABLE,
                "temporarily_unavailable",
                "too many sign-ins are waiting for their token exchange; try again shortly",
            )
        })?;
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
