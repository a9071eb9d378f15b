//! The OAuth 2.0 shapes of ISC's authentication endpoints (`/oauth/token`, `/oauth/info`)
//! and the claims inside ISC-style access tokens.

use serde::{Deserialize, Serialize};

/// The authority that makes an identity an admin (may act on anyone's work items).
pub const ORG_ADMIN: &str = "ORG_ADMIN";

/// A successful answer of `POST /oauth/token`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenResponse {
    /// The JWT to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// Always "bearer".
    pub token_type: String,
    /// Seconds until `access_token` expires.
    pub expires_in: u64,
    /// Granted scopes, space separated.
    #[serde(default)]
    pub scope: String,
    /// A token to get a new access token with, when the grant issues one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// Tenant id.
    #[serde(default)]
    pub tenant_id: String,
    /// Tenant pod.
    #[serde(default)]
    pub pod: String,
    /// Tenant (org) name.
    #[serde(default)]
    pub org: String,
    /// The identity the token acts as.
    #[serde(default)]
    pub identity_id: String,
    /// That identity's user name.
    #[serde(default)]
    pub user_name: String,
    /// Whether the sign-in used strong authentication.
    #[serde(default)]
    pub strong_auth: bool,
    /// Token id.
    #[serde(default)]
    pub jti: String,
}

/// An error answer of the OAuth endpoints (RFC 6749 §5.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OAuthError {
    /// e.g. "invalid_client", "invalid_grant", "unsupported_grant_type".
    pub error: String,
    /// Human-readable detail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

/// The claims of an access token, as ISC puts them in its JWTs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenClaims {
    /// Tenant id.
    pub tenant_id: String,
    /// Tenant pod.
    pub pod: String,
    /// Tenant (org) name.
    pub org: String,
    /// The identity the token acts as.
    pub identity_id: String,
    /// That identity's user name.
    pub user_name: String,
    /// Whether the sign-in used strong authentication.
    pub strong_auth: bool,
    /// User levels, e.g. `ORG_ADMIN`.
    pub authorities: Vec<String>,
    /// The client the token was issued to.
    pub client_id: String,
    /// Granted scopes.
    pub scope: Vec<String>,
    /// Issued at, seconds since the epoch.
    pub iat: i64,
    /// Expires at, seconds since the epoch.
    pub exp: i64,
    /// Token id.
    pub jti: String,
}

impl TokenClaims {
    /// Whether the token carries the `ORG_ADMIN` authority.
    pub fn is_admin(&self) -> bool {
        self.authorities.iter().any(|a| a == ORG_ADMIN)
    }
}

/// The answer of `GET /oauth/info`: where a client signs in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OAuthInfo {
    /// Tenant (org) name.
    pub org: String,
    /// The base URL of the API.
    pub api_url: String,
    /// The browser sign-in page (authorization code grant).
    pub authorize_endpoint: String,
    /// The token endpoint.
    pub token_endpoint: String,
    /// Grants the token endpoint accepts.
    pub grant_types_supported: Vec<String>,
    /// PKCE methods accepted.
    pub code_challenge_methods_supported: Vec<String>,
    /// Scopes a client may ask for.
    pub scopes_supported: Vec<String>,
}
