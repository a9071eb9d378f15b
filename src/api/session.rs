//! The signed-in session (tokens and their expiry) and the pure pieces of the OAuth
//! authorization-code + PKCE flow: verifier, S256 challenge, authorize URL, token form
//! bodies, reading the token's claims. The browser side lives in [`super::auth`].

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use wire::oauth::{TokenClaims, TokenResponse};

/// Refresh this long before the access token expires; for a token that lives less than
/// twice this, halfway through its life instead (a refresh at every call otherwise).
pub const REFRESH_MARGIN_MS: f64 = 60_000.0;

/// A signed-in session, kept in memory and sessionStorage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The bearer token.
    pub access_token: String,
    /// A token to get a new access token with, when the server issued one.
    pub refresh_token: Option<String>,
    /// When `access_token` expires, in ms since the epoch.
    pub expires_at_ms: f64,
    /// When to refresh it, in ms since the epoch (see [`REFRESH_MARGIN_MS`]); 0 in a
    /// session stored before this was kept, which refreshes a margin before expiry.
    #[serde(default)]
    pub refresh_at_ms: f64,
}

impl Session {
    /// A session from a token answer received at `now_ms`.
    pub fn from_token(token: TokenResponse, now_ms: f64) -> Session {
        let lifetime_ms = token.expires_in as f64 * 1000.0;
        Session {
            access_token: token.access_token,
            refresh_token: token.refresh_token,
            expires_at_ms: now_ms + lifetime_ms,
            refresh_at_ms: now_ms + lifetime_ms - REFRESH_MARGIN_MS.min(lifetime_ms / 2.0),
        }
    }

    /// Whether to refresh before the next call: close to expiry and refreshable.
    pub fn should_refresh(&self, now_ms: f64) -> bool {
        let at = match self.refresh_at_ms {
            at if at > 0.0 => at,
            _ => self.expires_at_ms - REFRESH_MARGIN_MS,
        };
        self.refresh_token.is_some() && now_ms >= at
    }

    /// The claims inside the access token, when it is a JWT we can read.
    pub fn claims(&self) -> Option<TokenClaims> {
        claims_of(&self.access_token)
    }
}

/// Reads (does not verify: the server does) the payload of a JWT.
pub fn claims_of(jwt: &str) -> Option<TokenClaims> {
    let payload = jwt.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    // From text, as every other answer is read: `from_slice` would compile a second JSON
    // reader into the wasm.
    serde_json::from_str(std::str::from_utf8(&bytes).ok()?).ok()
}

/// What the app remembers between leaving for the sign-in page and coming back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingSignIn {
    /// The `state` sent, to check the one that comes back.
    pub state: String,
    /// The PKCE code verifier.
    pub verifier: String,
    /// The app path to return to.
    pub return_to: String,
}

/// The start of a `state` that asks the callback page to hand the answer to the window that
/// opened it (the embedded widget signs in through a popup) instead of finishing here.
pub const POPUP_STATE_PREFIX: &str = "popup.";

/// What the sign-in popup's callback page sends back to the widget that opened it: the
/// code (useless without the verifier, which never left the widget) or the refusal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopupAnswer {
    /// The `state` that came back, checked by the widget.
    pub state: String,
    /// The authorization code, when sign-in succeeded.
    pub code: Option<String>,
    /// The authorization server's `error`, when it did not.
    pub error: Option<String>,
}

/// Base64url without padding, as PKCE and `state` use it.
pub fn base64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Only app-relative paths are returned to (never another origin, never the callback).
pub fn safe_return_path(path: &str) -> String {
    if path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with(crate::routes::CALLBACK_PATH)
    {
        path.to_owned()
    } else {
        "/".to_owned()
    }
}

/// The sign-in page URL for a pending sign-in, asking for the page in `language` (OpenID
/// Connect's `ui_locales`, which an authorization server may honour or ignore).
pub fn authorize_url(
    authorize: &str,
    client_id: &str,
    redirect_uri: &str,
    scope: &str,
    pending: &PendingSignIn,
    language: &str,
) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query
        .append_pair("response_type", "code")
        .append_pair("client_id", client_id)
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("state", &pending.state)
        .append_pair(
            "code_challenge",
            &wire::pkce::challenge_s256(&pending.verifier),
        )
        .append_pair("code_challenge_method", "S256");
    if !scope.is_empty() {
        query.append_pair("scope", scope);
    }
    query.append_pair("ui_locales", language);
    let separator = if authorize.contains('?') { '&' } else { '?' };
    format!("{authorize}{separator}{}", query.finish())
}

/// A form-encoded token request body.
pub fn form_body(pairs: &[(&str, &str)]) -> String {
    let mut body = form_urlencoded::Serializer::new(String::new());
    for (key, value) in pairs {
        body.append_pair(key, value);
    }
    body.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authorize_url_carries_state_challenge_and_method() {
        let pending = PendingSignIn {
            state: "st".into(),
            verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into(),
            return_to: "/".into(),
        };
        let url = authorize_url(
            "/oauth/authorize",
            "my-tasks",
            "http://h/auth/callback",
            "sp:scopes:all",
            &pending,
            "de",
        );
        assert_eq!(
            url,
            "/oauth/authorize?response_type=code&client_id=my-tasks\
             &redirect_uri=http%3A%2F%2Fh%2Fauth%2Fcallback&state=st\
             &code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM\
             &code_challenge_method=S256&scope=sp%3Ascopes%3Aall&ui_locales=de"
        );
    }

    #[test]
    fn a_session_refreshes_a_minute_before_expiry_only_when_it_can() {
        let mut session = Session {
            access_token: "t".into(),
            refresh_token: Some("r".into()),
            expires_at_ms: 100_000.0,
            refresh_at_ms: 0.0,
        };
        assert!(!session.should_refresh(39_999.0));
        assert!(session.should_refresh(40_000.0));
        session.refresh_token = None;
        assert!(!session.should_refresh(99_999.0));
        let token: TokenResponse = serde_json::from_value(serde_json::json!({
            "access_token": "t", "refresh_token": "r", "token_type": "bearer", "expires_in": 749
        }))
        .unwrap();
        let long = Session::from_token(token, 0.0);
        assert!(!long.should_refresh(688_999.0));
        assert!(long.should_refresh(689_000.0));
    }

    /// Regression: with a token of 60 s or less, "a minute before expiry" was always, and
    /// every call refreshed first (and met the token endpoint's rate limit).
    #[test]
    fn a_short_lived_token_is_refreshed_halfway_through_its_life() {
        let token: TokenResponse = serde_json::from_value(serde_json::json!({
            "access_token": "t", "refresh_token": "r", "token_type": "bearer", "expires_in": 60
        }))
        .unwrap();
        let session = Session::from_token(token, 1_000.0);
        assert!(!session.should_refresh(1_000.0));
        assert!(!session.should_refresh(30_999.0));
        assert!(session.should_refresh(31_000.0));
        // Stored by an older build, without the refresh point: a minute before expiry.
        let stored: Session = serde_json::from_str(
            r#"{"access_token":"t","refresh_token":"r","expires_at_ms":100000.0}"#,
        )
        .unwrap();
        assert!(stored.should_refresh(40_000.0));
    }

    #[test]
    fn claims_are_read_from_the_jwt_payload_and_garbage_gives_none() {
        let claims = serde_json::json!({
            "tenant_id": "t", "pod": "p", "org": "o", "identity_id": "i", "user_name": "alison.ferguso",
            "strong_auth": false, "authorities": ["ORG_ADMIN"], "client_id": "my-tasks",
            "scope": ["sp:scopes:all"], "iat": 1, "exp": 2, "jti": "j"
        });
        let jwt = format!("h.{}.s", base64url(claims.to_string().as_bytes()));
        let session = Session {
            access_token: jwt,
            refresh_token: None,
            expires_at_ms: 0.0,
            refresh_at_ms: 0.0,
        };
        assert!(session.claims().unwrap().is_admin());
        assert_eq!(claims_of("not-a-jwt"), None);
    }

    #[test]
    fn a_popup_answer_round_trips_through_its_json_text() {
        let answer = PopupAnswer {
            state: format!("{POPUP_STATE_PREFIX}abc"),
            code: Some("c0de".into()),
            error: None,
        };
        let text = serde_json::to_string(&answer).unwrap();
        assert_eq!(serde_json::from_str::<PopupAnswer>(&text).unwrap(), answer);
        assert!(serde_json::from_str::<PopupAnswer>(r#"{"code":"x"}"#).is_err());
    }

    #[test]
    fn only_app_paths_are_returned_to() {
        assert_eq!(
            safe_return_path("/tasks/completed?page=2"),
            "/tasks/completed?page=2"
        );
        assert_eq!(safe_return_path("//evil.example/x"), "/");
        assert_eq!(safe_return_path("https://evil.example"), "/");
        assert_eq!(safe_return_path("/auth/callback?code=x"), "/");
    }
}
