//! Access tokens: HS256 JWTs with ISC-like claims, issued by the OAuth endpoints and
//! checked by the [`Caller`] extractor on every API route.
//!
//! The signing key is generated once and kept in the database, so tokens survive a
//! restart. Only `HS256` is accepted; `alg: none` and every other algorithm are refused.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::Sha256;
use wire::oauth::TokenClaims;

use crate::error::ApiError;
use crate::state::AppState;

type HmacSha256 = Hmac<Sha256>;

/// Tenant facts put into every token.
pub const TENANT_ID: &str = "3f3bfd2a-64f1-4c4d-9b55-1d6c4b5b7e01";
/// The pod name of the sandbox tenant.
pub const POD: &str = "sandbox";
/// The org name of the sandbox tenant.
pub const ORG: &str = "my-tasks-sandbox";
/// The scopes every token is granted.
pub const SCOPES: &[&str] = &["sp:scopes:all"];

/// Issues and verifies access tokens with one key.
#[derive(Clone)]
pub struct TokenKeys {
    /// The HS256 secret (from the database).
    key: Vec<u8>,
    /// Lifetime of issued tokens.
    ttl_secs: u64,
}

/// Who a token is about, as the issuer needs it.
#[derive(Debug, Clone)]
pub struct Subject {
    /// Identity id.
    pub identity_id: String,
    /// User name (alias).
    pub user_name: String,
    /// Whether the identity has `ORG_ADMIN`.
    pub admin: bool,
}

impl TokenKeys {
    /// Keys signing with `key`, issuing tokens that live `ttl_secs`.
    pub fn new(key: Vec<u8>, ttl_secs: u64) -> TokenKeys {
        TokenKeys { key, ttl_secs }
    }

    /// Lifetime of issued tokens, in seconds.
    pub fn ttl_secs(&self) -> u64 {
        self.ttl_secs
    }

    /// The claims of a new token for `subject`, issued to `client_id`, valid from `now`.
    pub fn claims(&self, subject: &Subject, client_id: &str, now: i64) -> TokenClaims {
        TokenClaims {
            tenant_id: TENANT_ID.into(),
            pod: POD.into(),
            org: ORG.into(),
            identity_id: subject.identity_id.clone(),
            user_name: subject.user_name.clone(),
            strong_auth: true,
            authorities: if subject.admin {
                vec![wire::oauth::ORG_ADMIN.into()]
            } else {
                vec!["USER".into()]
            },
            client_id: client_id.into(),
            scope: SCOPES.iter().map(|s| (*s).to_owned()).collect(),
            iat: now,
            exp: now + self.ttl_secs as i64,
            jti: crate::ids::random_hex32(),
        }
    }

    /// Signs `claims` into a compact JWT.
    pub fn sign(&self, claims: &TokenClaims) -> String {
        let header = URL_SAFE_NO_PAD.encode(json!({"alg": "HS256", "typ": "JWT"}).to_string());
        let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).unwrap_or_default());
        let input = format!("{header}.{payload}");
        let signature = URL_SAFE_NO_PAD.encode(self.mac(input.as_bytes()).finalize().into_bytes());
        format!("{input}.{signature}")
    }

    fn mac(&self, input: &[u8]) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(input);
        mac
    }

    /// The claims of `token` if it is well-formed, signed with our key, HS256 and not
    /// expired at `now`; otherwise the reason, worded like ISC's.
    pub fn verify(&self, token: &str, now: i64) -> Result<TokenClaims, String> {
        let mut parts = token.split('.');
        let (Some(header), Some(payload), Some(signature), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err("JWT strings must contain exactly 2 period characters".into());
        };
        let header: serde_json::Value = URL_SAFE_NO_PAD
            .decode(header)
            .ok()
            .and_then(|h| serde_json::from_slice(&h).ok())
            .ok_or("malformed JWT header")?;
        match header.get("alg").and_then(|a| a.as_str()) {
            Some("HS256") => {}
            Some(other) => return Err(format!("unsupported JWT algorithm '{other}'")),
            None => return Err("malformed JWT header: no algorithm".into()),
        }
        let signature = URL_SAFE_NO_PAD
            .decode(signature)
            .map_err(|_| "malformed JWT signature")?;
        self.mac(token_head(token).as_bytes())
            .verify_slice(&signature)
            .map_err(|_| "JWT signature does not match locally computed signature")?;
        let claims: TokenClaims = URL_SAFE_NO_PAD
            .decode(payload)
            .ok()
            .and_then(|p| serde_json::from_slice(&p).ok())
            .ok_or("malformed JWT claims")?;
        if claims.exp <= now {
            return Err("JWT is expired".into());
        }
        Ok(claims)
    }
}

/// `header.payload` of a compact JWT (what the signature covers).
fn token_head(token: &str) -> &str {
    token.rsplit_once('.').map_or(token, |(head, _)| head)
}

/// Seconds since the epoch, now.
pub fn now_secs() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The authenticated caller of an API route: the verified claims of its bearer token.
#[derive(Debug, Clone)]
pub struct Caller(pub TokenClaims);

impl Caller {
    /// The caller's identity id.
    pub fn id(&self) -> &str {
        &self.0.identity_id
    }

    /// Whether the caller has `ORG_ADMIN`.
    pub fn is_admin(&self) -> bool {
        self.0.is_admin()
    }

    /// The owner a request is about: the caller, or `owner_id` if the caller may act for
    /// them (it is the caller, or the caller is an admin).
    pub fn owner(&self, owner_id: Option<&str>) -> Result<String, ApiError> {
        match owner_id {
            None => Ok(self.id().to_owned()),
            Some(owner) if owner == self.id() || self.is_admin() => Ok(owner.to_owned()),
            Some(_) => Err(ApiError::Forbidden),
        }
    }

    /// Whether the caller may see and act on an item owned by `owner_id`.
    pub fn may_act_for(&self, owner_id: Option<&str>) -> bool {
        self.is_admin() || owner_id == Some(self.id())
    }
}

/// The bearer token of a request, if it has one.
pub fn bearer_token(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer_token(parts).ok_or_else(|| {
            ApiError::Unauthorized("no bearer token in the Authorization header".into())
        })?;
        state
            .tokens()
            .verify(token, now_secs())
            .map(Caller)
            .map_err(ApiError::Unauthorized)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> TokenKeys {
        TokenKeys::new(b"0123456789abcdef0123456789abcdef".to_vec(), 749)
    }

    fn subject() -> Subject {
        Subject {
            identity_id: "id1".into(),
            user_name: "alison.ferguso".into(),
            admin: false,
        }
    }

    #[test]
    fn a_signed_token_verifies_and_carries_its_claims() {
        let claims = keys().claims(&subject(), "c", 1000);
        let verified = keys().verify(&keys().sign(&claims), 1001).unwrap();
        assert_eq!(verified, claims);
        assert_eq!(verified.exp, 1749);
    }

    #[test]
    fn expired_forged_and_unsigned_tokens_are_refused() {
        let claims = keys().claims(&subject(), "c", 1000);
        let token = keys().sign(&claims);
        assert_eq!(keys().verify(&token, 1749).unwrap_err(), "JWT is expired");
        let other = TokenKeys::new(b"another key".to_vec(), 749);
        assert!(other
            .verify(&token, 1001)
            .unwrap_err()
            .contains("signature"));
        let none_header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none"}"#);
        let (_, rest) = token.split_once('.').unwrap();
        let (payload, _) = rest.split_once('.').unwrap();
        let unsigned = format!("{none_header}.{payload}.");
        assert!(keys().verify(&unsigned, 1001).unwrap_err().contains("none"));
        assert!(keys().verify("garbage", 1001).is_err());
    }
}
