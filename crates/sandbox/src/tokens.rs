//! Access tokens and the principals they name: HS256 JWTs with ISC-like claims, signed and
//! verified by `jsonwebtoken`, and the [`Principal`] a verified token stands for.
//!
//! No HTTP here: the `Caller` extractor in [`crate::auth`] reads the header and hands the
//! token to [`TokenKeys::verify`]; the store works on a [`Principal`]. Only `HS256` is
//! accepted; `alg: none` and every other algorithm are refused.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use wire::oauth::TokenClaims;

use crate::error::ApiError;

/// The scopes every token is granted.
pub const SCOPES: &[&str] = &["sp:scopes:all"];

/// The tenant facts put into every token (from the configuration).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenant {
    /// The tenant id claim.
    pub tenant_id: String,
    /// The pod name claim.
    pub pod: String,
    /// The org name claim (also in `/oauth/info`).
    pub org: String,
}

impl Default for Tenant {
    fn default() -> Tenant {
        Tenant {
            tenant_id: "3f3bfd2a-64f1-4c4d-9b55-1d6c4b5b7e01".into(),
            pod: "sandbox".into(),
            org: "my-tasks-sandbox".into(),
        }
    }
}

/// Most tokens [`TokenKeys`] remembers as verified; past it, it starts over.
const MAX_VERIFIED: usize = 4096;

/// What [`TokenKeys`] remembers about presented and revoked tokens, behind one lock so a
/// request that presents a known token takes it once.
#[derive(Default)]
struct Memory {
    /// Tokens whose signature checked out, keyed on the whole token string, so a token sent
    /// again (every request of a session) costs a lookup instead of a base64 decode, a JSON
    /// parse and an HMAC: about 57,000 instructions, a tenth of an approve. Only a token
    /// equal byte for byte to a verified one is found; its expiry is still checked on every
    /// use.
    verified: HashMap<String, Principal>,
    /// Access tokens revoked before they expire (their sign-in's refresh token or
    /// authorization code was presented twice: someone has a copy), keyed on `jti`, with
    /// their `exp`: forgotten once they would have expired anyway, so this holds at most
    /// the tokens issued within one token lifetime.
    revoked: HashMap<String, i64>,
}

/// Issues and verifies access tokens with one key.
#[derive(Clone)]
pub struct TokenKeys {
    /// Verified and revoked tokens ([`Memory`]). Shared by clones (one key, one process).
    memory: Arc<Mutex<Memory>>,
    /// Signs new tokens (the HS256 secret from the database).
    encoding: EncodingKey,
    /// Checks presented tokens (the same secret).
    decoding: DecodingKey,
    /// Lifetime of issued tokens.
    ttl_secs: u64,
    /// Tenant facts of every token.
    tenant: Tenant,
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
    /// Keys signing with `key`, issuing tokens for `tenant` that live `ttl_secs`.
    pub fn new(key: &[u8], ttl_secs: u64, tenant: Tenant) -> TokenKeys {
        TokenKeys {
            memory: Arc::default(),
            encoding: EncodingKey::from_secret(key),
            decoding: DecodingKey::from_secret(key),
            ttl_secs,
            tenant,
        }
    }

    /// Lifetime of issued tokens, in seconds.
    pub fn ttl_secs(&self) -> u64 {
        self.ttl_secs
    }

    /// The tenant facts of issued tokens.
    pub fn tenant(&self) -> &Tenant {
        &self.tenant
    }

    /// The claims of a new token for `subject`, issued to `client_id`, valid from `now`.
    pub fn claims(&self, subject: &Subject, client_id: &str, now: i64) -> TokenClaims {
        TokenClaims {
            tenant_id: self.tenant.tenant_id.clone(),
            pod: self.tenant.pod.clone(),
            org: self.tenant.org.clone(),
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

    /// Signs `claims` into a compact JWT. A failure is an internal error, never a token
    /// with an empty payload.
    pub fn sign(&self, claims: &TokenClaims) -> Result<String, ApiError> {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
            .map_err(|e| ApiError::Internal(format!("signing a token: {e}")))
    }

    /// The principal of `token` if it is well-formed, signed with our key, HS256, not
    /// expired at `now` and not revoked; otherwise the reason, worded like ISC's.
    ///
    /// Expiry is checked against `now` rather than the system clock so tests can pin time.
    pub fn verify(&self, token: &str, now: i64) -> Result<Principal, String> {
        let mut memory = self.memory();
        let principal = match memory.verified.get(token).cloned() {
            Some(principal) => principal,
            None => {
                // The signature is checked without holding the lock.
                drop(memory);
                let principal = self.check(token)?;
                memory = self.memory();
                if memory.verified.len() >= MAX_VERIFIED {
                    memory.verified.clear();
                }
                memory.verified.insert(token.to_owned(), principal.clone());
                principal
            }
        };
        if principal.0.exp <= now {
            return Err("JWT is expired".into());
        }
        if memory.revoked.contains_key(&principal.0.jti) {
            return Err("JWT has been revoked".into());
        }
        Ok(principal)
    }

    /// Refuses the access tokens `jtis` names (each with its `exp`) from now on, before
    /// they expire; those already expired at `now` need no refusal of their own. Forgets
    /// the revoked tokens that have expired meanwhile.
    pub fn revoke(&self, jtis: &[(String, i64)], now: i64) {
        let mut memory = self.memory();
        memory.revoked.retain(|_, exp| *exp > now);
        for (jti, exp) in jtis.iter().filter(|(_, exp)| *exp > now) {
            memory.revoked.insert(jti.clone(), *exp);
        }
    }

    fn memory(&self) -> MutexGuard<'_, Memory> {
        self.memory
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    /// The principal of `token` if it is well-formed, signed with our key and HS256.
    fn check(&self, token: &str) -> Result<Principal, String> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.validate_exp = false;
        validation.validate_aud = false;
        validation.set_required_spec_claims(&["exp"]);
        let claims = jsonwebtoken::decode::<TokenClaims>(token, &self.decoding, &validation)
            .map_err(|e| reason(token, e.kind()))?
            .claims;
        Ok(Principal(claims))
    }
}

/// Why `token` was refused, in ISC's words. Text taken from the token is quoted with
/// escapes, so a crafted `alg` cannot put line breaks into the log or the answer.
fn reason(token: &str, kind: &ErrorKind) -> String {
    if token.split('.').count() != 3 {
        return "JWT strings must contain exactly 2 period characters".into();
    }
    match kind {
        ErrorKind::InvalidSignature => {
            "JWT signature does not match locally computed signature".into()
        }
        ErrorKind::ExpiredSignature => "JWT is expired".into(),
        _ => match header_alg(token) {
            Some(alg) if alg != "HS256" => format!("unsupported JWT algorithm {alg:?}"),
            _ => "malformed JWT".into(),
        },
    }
}

/// The `alg` of a token's header, for wording a refusal only (never for deciding).
fn header_alg(token: &str) -> Option<String> {
    let header = URL_SAFE_NO_PAD.decode(token.split('.').next()?).ok()?;
    let header: serde_json::Value = serde_json::from_slice(&header).ok()?;
    Some(header.get("alg")?.as_str()?.to_owned())
}

/// Seconds since the epoch, now.
pub fn now_secs() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Someone a verified token stands for; what the store and the rules see of a caller.
#[derive(Debug, Clone, PartialEq)]
pub struct Principal(pub TokenClaims);

impl Principal {
    /// The principal's identity id.
    pub fn id(&self) -> &str {
        &self.0.identity_id
    }

    /// Whether the principal has `ORG_ADMIN`.
    pub fn is_admin(&self) -> bool {
        self.0.is_admin()
    }

    /// The verified claims.
    pub fn claims(&self) -> &TokenClaims {
        &self.0
    }

    /// The owner a request is about: the principal, or `owner_id` if the principal may
    /// act for them (it is the principal, or the principal is an admin).
    pub fn owner(&self, owner_id: Option<&str>) -> Result<String, ApiError> {
        match owner_id {
            None => Ok(self.id().to_owned()),
            Some(owner) if owner.trim().is_empty() => Err(ApiError::invalid_parameter(
                "ownerId",
                "must be an identity id, not empty (leave it out for your own work items)",
            )),
            Some(owner) if owner == self.id() || self.is_admin() => Ok(owner.to_owned()),
            Some(_) => Err(ApiError::Forbidden),
        }
    }

    /// Whether the principal may see and act on an item owned by `owner_id`.
    pub fn may_act_for(&self, owner_id: Option<&str>) -> bool {
        self.is_admin() || owner_id == Some(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> TokenKeys {
        TokenKeys::new(b"0123456789abcdef0123456789abcdef", 749, Tenant::default())
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
        let verified = keys().verify(&keys().sign(&claims).unwrap(), 1001).unwrap();
        assert_eq!(verified.0, claims);
        assert_eq!(verified.0.exp, 1749);
    }

    #[test]
    fn tenant_facts_come_from_the_keys_not_constants() {
        let tenant = Tenant {
            tenant_id: "t-1".into(),
            pod: "pod-1".into(),
            org: "org-1".into(),
        };
        let keys = TokenKeys::new(b"k", 5, tenant);
        let claims = keys.claims(&subject(), "c", 0);
        assert_eq!(
            (
                claims.tenant_id.as_str(),
                claims.pod.as_str(),
                claims.org.as_str()
            ),
            ("t-1", "pod-1", "org-1")
        );
    }

    #[test]
    fn expired_forged_and_unsigned_tokens_are_refused() {
        let claims = keys().claims(&subject(), "c", 1000);
        let token = keys().sign(&claims).unwrap();
        assert_eq!(keys().verify(&token, 1749).unwrap_err(), "JWT is expired");
        let other = TokenKeys::new(b"another key", 749, Tenant::default());
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

    #[test]
    fn a_remembered_token_still_expires_and_a_changed_one_is_checked_again() {
        let keys = keys();
        let token = keys.sign(&keys.claims(&subject(), "c", 1000)).unwrap();
        assert!(keys.verify(&token, 1001).is_ok());
        assert!(keys.verify(&token, 1002).is_ok(), "remembered");
        assert_eq!(keys.verify(&token, 1749).unwrap_err(), "JWT is expired");
        let last = token.chars().last().unwrap();
        let changed = format!(
            "{}{}",
            &token[..token.len() - 1],
            if last == 'A' { 'B' } else { 'A' }
        );
        assert!(keys.verify(&changed, 1001).is_err());
        let other = TokenKeys::new(b"another key", 749, Tenant::default());
        assert!(
            other.verify(&token, 1001).is_err(),
            "each key remembers its own"
        );
    }

    #[test]
    fn a_revoked_token_is_refused_until_it_would_have_expired_and_then_forgotten() {
        let keys = keys();
        let claims = keys.claims(&subject(), "c", 1000);
        let token = keys.sign(&claims).unwrap();
        let other = keys.sign(&keys.claims(&subject(), "c", 1000)).unwrap();
        assert!(keys.verify(&token, 1001).is_ok(), "remembered as verified");
        keys.revoke(&[(claims.jti.clone(), claims.exp)], 1002);
        assert_eq!(
            keys.verify(&token, 1003).unwrap_err(),
            "JWT has been revoked"
        );
        assert!(keys.verify(&other, 1003).is_ok(), "only the revoked one");
        assert_eq!(keys.memory().revoked.len(), 1);
        keys.revoke(&[("gone".into(), 1500)], 1749);
        assert!(
            keys.memory().revoked.is_empty(),
            "expired ones are forgotten"
        );
    }

    #[test]
    fn an_alg_with_a_line_break_is_quoted_with_escapes_in_the_reason() {
        let header = URL_SAFE_NO_PAD.encode("{\"alg\":\"x\\nFORGED LOG LINE\"}");
        let reason = keys().verify(&format!("{header}.e30.sig"), 1).unwrap_err();
        assert!(!reason.contains('\n'), "{reason}");
        assert!(reason.contains("\\n"), "{reason}");
    }

    #[test]
    fn the_token_layout_is_standard_hs256() {
        let token = keys().sign(&keys().claims(&subject(), "c", 1000)).unwrap();
        let header = URL_SAFE_NO_PAD
            .decode(token.split('.').next().unwrap())
            .unwrap();
        let header: serde_json::Value = serde_json::from_slice(&header).unwrap();
        assert_eq!(header["alg"], "HS256");
        assert_eq!(header["typ"], "JWT");
    }
}
