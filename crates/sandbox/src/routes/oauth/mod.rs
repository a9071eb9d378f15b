//! `/oauth`: the token endpoint ([`token`]), the authorization-code sign-in ([`authorize`]
//! validates and redirects, [`sign_in`] renders the page in the language of [`words`]), and
//! `/oauth/info`.

pub mod authorize;
pub mod sign_in;
pub mod token;
pub mod words;

use axum::extract::State;
use axum::routing::{get, post};
use axum::Router;
use wire::oauth::OAuthInfo;

use crate::state::AppState;
use crate::tokens::SCOPES;

pub use authorize::s256;

/// The public client id of the browser app (authorization code + PKCE, no secret).
pub const PUBLIC_CLIENT_ID: &str = "my-tasks";

/// The routes other origins' scripts may call (with CORS), relative to `/oauth`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/token", post(token::oauth_token))
        .route("/info", get(oauth_info))
}

/// The sign-in page and its form, relative to `/oauth`; never with CORS.
pub fn sign_in_router() -> Router<AppState> {
    Router::new().route(
        "/authorize",
        get(sign_in::oauth_authorize_page).post(authorize::oauth_authorize_submit),
    )
}

/// `GET /oauth/info`: where to sign in, at the configured base URL (never `Host`).
async fn oauth_info(State(state): State<AppState>) -> axum::Json<OAuthInfo> {
    let base = state.base_url();
    axum::Json(OAuthInfo {
        org: state.tokens().tenant().org.clone(),
        api_url: base.to_owned(),
        authorize_endpoint: format!("{base}/oauth/authorize"),
        token_endpoint: format!("{base}/oauth/token"),
        grant_types_supported: ["client_credentials", "authorization_code", "refresh_token"]
            .map(String::from)
            .to_vec(),
        code_challenge_methods_supported: vec!["S256".into()],
        scopes_supported: SCOPES.iter().map(|s| (*s).to_owned()).collect(),
    })
}
