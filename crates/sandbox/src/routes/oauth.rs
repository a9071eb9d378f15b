//! `/oauth`: the token endpoint (client credentials, authorization code with PKCE,
//! refresh token), the sign-in page of the authorization-code flow, and `/oauth/info`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE, HOST, LOCATION};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use wire::oauth::{OAuthInfo, TokenResponse};

use crate::auth::{now_secs, ORG, POD, SCOPES, TENANT_ID};
use crate::error::ApiError;
use crate::ids::{random_hex64, sha256_hex};
use crate::state::{AppState, AuthCode};
use crate::store::identities::{self, Identity};
use crate::store::refresh_tokens;

/// The public client id of the browser app (authorization code + PKCE, no secret).
pub const PUBLIC_CLIENT_ID: &str = "my-tasks";
/// How long an authorization code may wait for its exchange.
const CODE_TTL: Duration = Duration::from_secs(120);
/// How long a refresh token lives, in seconds.
const REFRESH_TTL_SECS: i64 = 8 * 60 * 60;

/// The OAuth routes, relative to `/oauth`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/token", post(oauth_token))
        .route(
            "/authorize",
            get(oauth_authorize_page).post(oauth_authorize_submit),
        )
        .route("/info", get(oauth_info))
}

/// The origin a request was addressed to (for links the client follows).
fn origin(state: &AppState, headers: &HeaderMap) -> String {
    headers.get(HOST).and_then(|h| h.to_str().ok()).map_or_else(
        || state.base_url().to_owned(),
        |host| format!("http://{host}"),
    )
}

/// `GET /oauth/info`: where to sign in.
async fn oauth_info(State(state): State<AppState>, headers: HeaderMap) -> axum::Json<OAuthInfo> {
    let base = origin(&state, &headers);
    axum::Json(OAuthInfo {
        org: ORG.into(),
        api_url: base.clone(),
        authorize_endpoint: format!("{base}/oauth/authorize"),
        token_endpoint: format!("{base}/oauth/token"),
        grant_types_supported: ["client_credentials", "authorization_code", "refresh_token"]
            .map(String::from)
            .to_vec(),
        code_challenge_methods_supported: vec!["S256".into()],
        scopes_supported: SCOPES.iter().map(|s| (*s).to_owned()).collect(),
    })
}

/// The parameters of a token request, from the query string and the body.
async fn token_params(
    state: &AppState,
    request: Request,
) -> Result<HashMap<String, String>, ApiError> {
    let mut params: HashMap<String, String> = HashMap::new();
    if let Some(query) = request.uri().query() {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query)
            .map_err(|e| ApiError::oauth_request(format!("malformed query string: {e}")))?;
        for (k, v) in pairs {
            params.entry(k).or_insert(v);
        }
    }
    if let Some((id, secret)) = basic_credentials(request.headers()) {
        params.entry("client_id".into()).or_insert(id);
        params.entry("client_secret".into()).or_insert(secret);
    }
    let mime = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    let mut body_params = Vec::new();
    match mime.as_deref() {
        Some("multipart/form-data") => {
            let mut multipart = Multipart::from_request(request, state).await.map_err(|e| {
                ApiError::oauth_request(format!("malformed multipart body: {}", e.body_text()))
            })?;
            while let Some(field) = multipart.next_field().await.map_err(|e| {
                ApiError::oauth_request(format!("malformed multipart body: {}", e.body_text()))
            })? {
                let name = field.name().unwrap_or_default().to_owned();
                let value = field.text().await.map_err(|e| {
                    ApiError::oauth_request(format!("malformed multipart body: {}", e.body_text()))
                })?;
                body_params.push((name, value));
            }
        }
        other => {
            let bytes = Bytes::from_request(request, state).await?;
            if !bytes.is_empty() {
                if other != Some("application/x-www-form-urlencoded") {
                    return Err(ApiError::oauth_request(
                        "send parameters as application/x-www-form-urlencoded, multipart/form-data or in the query string",
                    ));
                }
                body_params = serde_urlencoded::from_bytes(&bytes)
                    .map_err(|e| ApiError::oauth_request(format!("malformed form body: {e}")))?;
            }
        }
    }
    for (k, v) in body_params {
        params.insert(k, v);
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

fn required<'a>(params: &'a HashMap<String, String>, name: &str) -> Result<&'a str, ApiError> {
    params
        .get(name)
        .map(String::as_str)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| ApiError::oauth_request(format!("missing parameter '{name}'")))
}

/// `POST /oauth/token`.
async fn oauth_token(
    State(state): State<AppState>,
    request: Request,
) -> Result<Response, ApiError> {
    let params = token_params(&state, request).await?;
    let grant = required(&params, "grant_type")?;
    let (identity, client_id, with_refresh) = match grant {
        "client_credentials" => (
            client_credentials(&state, &params).await?,
            required(&params, "client_id")?.to_owned(),
            false,
        ),
        "authorization_code" => (
            authorization_code(&state, &params).await?,
            PUBLIC_CLIENT_ID.to_owned(),
            true,
        ),
        "refresh_token" => {
            let (identity, client_id) = refresh(&state, &params).await?;
            (identity, client_id, true)
        }
        other => {
            return Err(ApiError::oauth(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                format!("grant_type '{other}' is not supported"),
            ))
        }
    };
    let answer = issue(&state, &identity, &client_id, with_refresh).await?;
    let mut response = axum::Json(answer).into_response();
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

async fn client_credentials(
    state: &AppState,
    params: &HashMap<String, String>,
) -> Result<Identity, ApiError> {
    let client_id = required(params, "client_id")?.to_owned();
    let secret = params.get("client_secret").cloned().unwrap_or_default();
    let identity = state
        .db()
        .read(move |c| identities::by_client_id(c, &client_id))
        .await?;
    // Compare digests, so the time taken says nothing about the secret.
    match identity {
        Some(identity) if sha256_hex(&identity.client_secret) == sha256_hex(&secret) => {
            Ok(identity)
        }
        _ => Err(ApiError::oauth_client(
            "unknown client or wrong client secret",
        )),
    }
}

/// The PKCE S256 challenge of `verifier`, as the app computes it.
pub fn s256(verifier: &str) -> String {
    wire::pkce::challenge_s256(verifier)
}

async fn authorization_code(
    state: &AppState,
    params: &HashMap<String, String>,
) -> Result<Identity, ApiError> {
    let client_id = required(params, "client_id")?;
    if client_id != PUBLIC_CLIENT_ID {
        return Err(ApiError::oauth_client(format!(
            "unknown client '{client_id}'"
        )));
    }
    let code = required(params, "code")?;
    let redirect_uri = required(params, "redirect_uri")?;
    let verifier = required(params, "code_verifier")?;
    // Removed before checking: a code is good for one attempt only.
    let issued = state
        .codes()
        .remove(code)
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
    state
        .db()
        .read(move |c| identities::by_id(c, &id))
        .await?
        .ok_or_else(|| ApiError::oauth_grant("the identity no longer exists"))
}

async fn refresh(
    state: &AppState,
    params: &HashMap<String, String>,
) -> Result<(Identity, String), ApiError> {
    let token = required(params, "refresh_token")?.to_owned();
    let client_id = params
        .get("client_id")
        .cloned()
        .unwrap_or_else(|| PUBLIC_CLIENT_ID.to_owned());
    let client = client_id.clone();
    let identity = state
        .db()
        .write(move |c| {
            let Some(id) = refresh_tokens::take(c, &token, &client, now_secs())? else {
                return Ok(None);
            };
            identities::by_id(c, &id)
        })
        .await?
        .ok_or_else(|| ApiError::oauth_grant("unknown, used or expired refresh token"))?;
    Ok((identity, client_id))
}

async fn issue(
    state: &AppState,
    identity: &Identity,
    client_id: &str,
    with_refresh: bool,
) -> Result<TokenResponse, ApiError> {
    let now = now_secs();
    let claims = state.tokens().claims(&identity.subject(), client_id, now);
    let access_token = state.tokens().sign(&claims);
    let refresh_token = if with_refresh {
        let token = random_hex64();
        let (t, id, client) = (token.clone(), identity.id.clone(), client_id.to_owned());
        state
            .db()
            .write(move |c| refresh_tokens::insert(c, &t, &id, &client, now + REFRESH_TTL_SECS))
            .await?;
        Some(token)
    } else {
        None
    };
    Ok(TokenResponse {
        access_token,
        token_type: "bearer".into(),
        expires_in: state.tokens().ttl_secs(),
        scope: SCOPES.join(" "),
        refresh_token,
        tenant_id: TENANT_ID.into(),
        pod: POD.into(),
        org: ORG.into(),
        identity_id: identity.id.clone(),
        user_name: identity.alias.clone(),
        strong_auth: true,
        jti: claims.jti,
    })
}

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

/// Whether the sign-in page may send a code to `uri`: plain http on localhost or
/// 127.0.0.1 (any port), or the origin the sandbox itself was reached at.
fn redirect_allowed(uri: &str, own_origin: &str) -> bool {
    let Some(rest) = uri.strip_prefix("http://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() || authority.contains('@') || uri.contains('#') {
        return false;
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => host,
        Some(_) => return false,
        None => authority,
    };
    host == "localhost"
        || host == "127.0.0.1"
        || own_origin.strip_prefix("http://") == Some(authority)
}

fn check_authorize(params: &AuthorizeParams, own_origin: &str) -> Result<(), ApiError> {
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
    if !redirect_allowed(&params.redirect_uri, own_origin) {
        return Err(ApiError::oauth_request(
            "redirect_uri must be http://localhost:PORT/…, http://127.0.0.1:PORT/… or this sandbox",
        ));
    }
    if params.code_challenge.len() < 43 || params.code_challenge_method.as_deref() != Some("S256") {
        return Err(ApiError::oauth_request(
            "PKCE is required: code_challenge with code_challenge_method=S256",
        ));
    }
    Ok(())
}

/// Escapes text for HTML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `GET /oauth/authorize`: a plain sign-in page with one button per demo identity.
async fn oauth_authorize_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<AuthorizeParams>,
) -> Result<Response, ApiError> {
    check_authorize(&params, &origin(&state, &headers))?;
    let people = state.db().read(identities::all).await?;
    let hidden = |name: &str, value: &str| {
        format!(
            r#"<input type="hidden" name="{name}" value="{}">"#,
            escape_html(value)
        )
    };
    let mut forms = String::new();
    for person in &people {
        forms.push_str(&format!(
            "<li><form method=\"post\" action=\"/oauth/authorize\">{}{}{}{}{}{}<button type=\"submit\">Sign in as {}</button>{}</form></li>\n",
            hidden("client_id", &params.client_id),
            hidden("redirect_uri", &params.redirect_uri),
            hidden("state", params.state.as_deref().unwrap_or_default()),
            hidden("code_challenge", &params.code_challenge),
            hidden("code_challenge_method", "S256"),
            hidden("identity_id", &person.id),
            escape_html(&person.name),
            if person.admin { " <small>(admin)</small>" } else { "" },
        ));
    }
    let page = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Sign in · My Tasks sandbox</title>\
         <style>body{{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}}\
         ul{{list-style:none;padding:0}}li{{margin:.5rem 0}}button{{font:inherit;padding:.5rem 1rem;cursor:pointer}}</style>\
         </head><body><main><h1>Sign in to the My Tasks sandbox</h1>\
         <p>Choose a demo identity. This sandbox has no passwords.</p><ul>\n{forms}</ul></main></body></html>"
    );
    let mut response = Html(page).into_response();
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// `POST /oauth/authorize`: the chosen identity signs in; 302 to `redirect_uri` with a
/// single-use code.
async fn oauth_authorize_submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(params): Form<AuthorizeParams>,
) -> Result<Response, ApiError> {
    check_authorize(&params, &origin(&state, &headers))?;
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
    state.codes().insert(
        code.clone(),
        AuthCode {
            client_id: params.client_id.clone(),
            redirect_uri: params.redirect_uri.clone(),
            code_challenge: params.code_challenge.clone(),
            identity_id,
            expires: Instant::now() + CODE_TTL,
        },
    );
    let mut query = vec![("code", code.as_str())];
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
    let location = format!("{}{separator}{query}", params.redirect_uri);
    let location = HeaderValue::from_str(&location)
        .map_err(|_| ApiError::oauth_request("redirect_uri is not a valid header value"))?;
    Ok((StatusCode::FOUND, [(LOCATION, location)]).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_http_redirects_or_our_own_origin_are_allowed() {
        let own = "http://sandbox.test:8080";
        for ok in [
            "http://localhost:3000/callback",
            "http://127.0.0.1:8080/",
            "http://localhost/cb",
            "http://sandbox.test:8080/auth",
        ] {
            assert!(redirect_allowed(ok, own), "{ok}");
        }
        for bad in [
            "https://evil.example/cb",
            "http://evil.example/cb",
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
    fn html_escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<script>"a" & 'b'</script>"#),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn the_s256_challenge_matches_the_rfc_7636_example() {
        assert_eq!(
            s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }
}
