//! The browser side of signing in: leaving for the authorization page with PKCE and
//! `state`, exchanging the code on return, refreshing, signing out. Tokens live in memory
//! and sessionStorage only.

use gloo_net::http::RequestBuilder;
use leptos::prelude::*;
use wire::oauth::{OAuthError, TokenResponse};

use super::error::{ApiError, ServerMessage};
use super::session::{self, PendingSignIn, Session};
use super::Client;
use crate::config::AuthConfig;
use crate::platform;

const SESSION_KEY: &str = "my-tasks.session";
const PENDING_KEY: &str = "my-tasks.pending-sign-in";
/// The app route the authorization page returns to.
pub const CALLBACK_PATH: &str = "/auth/callback";

/// The session saved in this tab, if any.
pub(super) fn stored_session() -> Option<Session> {
    serde_json::from_str(&platform::session_get(SESSION_KEY)?).ok()
}

fn redirect_uri() -> String {
    format!("{}{CALLBACK_PATH}", platform::origin())
}

impl Client {
    fn set_session(&self, session: Option<Session>) {
        match &session {
            Some(s) => match serde_json::to_string(s) {
                Ok(json) => platform::session_set(SESSION_KEY, &json),
                Err(_) => platform::session_remove(SESSION_KEY),
            },
            None => platform::session_remove(SESSION_KEY),
        }
        self.inner.session.set(session);
    }

    /// Leaves for the sign-in page; afterwards the person comes back to `return_to`.
    pub fn sign_in(&self, return_to: &str) {
        let AuthConfig::Pkce {
            authorize_url,
            client_id,
            scope,
            ..
        } = &self.inner.config.auth
        else {
            return;
        };
        let (Some(verifier), Some(state)) =
            (platform::random_bytes(32), platform::random_bytes(16))
        else {
            return;
        };
        let pending = PendingSignIn {
            state: session::base64url(&state),
            verifier: session::base64url(&verifier),
            return_to: session::safe_return_path(return_to),
        };
        if let Ok(json) = serde_json::to_string(&pending) {
            platform::session_set(PENDING_KEY, &json);
        }
        platform::go_to(&session::authorize_url(
            authorize_url,
            client_id,
            &redirect_uri(),
            scope,
            &pending,
        ));
    }

    /// Forgets the session (a 401 or a failed refresh) and signs in again, coming back here.
    pub(super) fn restart_sign_in(&self) {
        if self
            .inner
            .leaving
            .swap(true, std::sync::atomic::Ordering::SeqCst)
        {
            return;
        }
        self.set_session(None);
        self.sign_in(&platform::current_path());
    }

    /// Signs out: forgets the tokens of this tab.
    pub fn sign_out(&self) {
        self.set_session(None);
        platform::session_remove(PENDING_KEY);
    }

    /// Finishes sign-in on the callback page: checks `state`, exchanges the code, keeps the
    /// session, and gives the path to return to.
    pub async fn complete_sign_in(&self, code: &str, state: &str) -> Result<String, ApiError> {
        let refused = |text: &str| {
            ApiError::Unauthorized(ServerMessage {
                text: Some(text.into()),
                tracking_id: None,
            })
        };
        let AuthConfig::Pkce { client_id, .. } = &self.inner.config.auth else {
            return Ok("/".into());
        };
        let pending: PendingSignIn = platform::session_get(PENDING_KEY)
            .and_then(|json| serde_json::from_str(&json).ok())
            .ok_or_else(|| refused("This sign-in was not started here, or was already used."))?;
        platform::session_remove(PENDING_KEY);
        if pending.state != state {
            return Err(refused(
                "The sign-in answer does not match the request (state).",
            ));
        }
        let redirect = redirect_uri();
        let token = self
            .token_request(&[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", &redirect),
                ("client_id", client_id),
                ("code_verifier", &pending.verifier),
            ])
            .await?;
        self.set_session(Some(Session::from_token(token, platform::now_ms())));
        Ok(pending.return_to)
    }

    /// Exchanges the refresh token for a new session; a refusal is a 401.
    pub(super) async fn refresh_now(&self) -> Result<(), ApiError> {
        let AuthConfig::Pkce { client_id, .. } = &self.inner.config.auth else {
            return Ok(());
        };
        let Some(refresh) = self
            .inner
            .session
            .with_untracked(|s| s.as_ref().and_then(|s| s.refresh_token.clone()))
        else {
            return Ok(());
        };
        let token = self
            .token_request(&[
                ("grant_type", "refresh_token"),
                ("refresh_token", &refresh),
                ("client_id", client_id),
            ])
            .await
            .map_err(|e| match e {
                ApiError::BadRequest(m) => ApiError::Unauthorized(m),
                other => other,
            })?;
        self.set_session(Some(Session::from_token(token, platform::now_ms())));
        Ok(())
    }

    async fn token_request(&self, pairs: &[(&str, &str)]) -> Result<TokenResponse, ApiError> {
        let AuthConfig::Pkce { token_url, .. } = &self.inner.config.auth else {
            return Err(ApiError::Unauthorized(ServerMessage::default()));
        };
        let response = RequestBuilder::new(token_url)
            .method(gloo_net::http::Method::POST)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .body(session::form_body(pairs))
            .map_err(|e| ApiError::Network(e.to_string()))?
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        if response.ok() {
            return serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string()));
        }
        match serde_json::from_str::<OAuthError>(&text) {
            Ok(error) => {
                let message = ServerMessage {
                    text: Some(error.error_description.unwrap_or(error.error)),
                    tracking_id: None,
                };
                Err(if status == 401 {
                    ApiError::Unauthorized(message)
                } else {
                    ApiError::BadRequest(message)
                })
            }
            Err(_) => Err(ApiError::from_response(
                status,
                response.headers().get("Retry-After").as_deref(),
                &text,
            )),
        }
    }
}
