//! The browser side of signing in: leaving for the authorization page with PKCE and
//! `state`, exchanging the code on return, refreshing, signing out. Tokens live in memory
//! and sessionStorage only.

use gloo_net::http::RequestBuilder;
use leptos::prelude::*;
use wire::oauth::{OAuthError, TokenResponse};

use super::error::{ApiError, ServerMessage};
use super::session::{self, PendingSignIn, PopupAnswer, Session};
use super::Client;
use crate::config::AuthConfig;
use crate::platform;
use crate::t;

const SESSION_KEY: &str = "my-tasks.session";
const PENDING_KEY: &str = "my-tasks.pending-sign-in";
use crate::routes::CALLBACK_PATH;

/// Why signing in could not start or finish; words are chosen by [`SignInError`]'s
/// `Display`, once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInError {
    /// The browser has no `crypto.getRandomValues` for the PKCE verifier and `state`.
    NoCrypto,
    /// The pending sign-in could not be written down for the return trip.
    NoStorage,
    /// The browser blocked the sign-in popup.
    PopupBlocked,
    /// The person closed the sign-in popup before finishing.
    PopupClosed,
    /// The authorization server or the token exchange said no, with its reason.
    Refused(String),
}

impl std::fmt::Display for SignInError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignInError::NoCrypto => f.write_str(&t!("sign-in-no-crypto")),
            SignInError::NoStorage => f.write_str(&t!("sign-in-no-storage")),
            SignInError::PopupBlocked => f.write_str(&t!("sign-in-popup-blocked")),
            SignInError::PopupClosed => f.write_str(&t!("sign-in-popup-closed")),
            SignInError::Refused(reason) => f.write_str(&t!("sign-in-refused", reason = reason)),
        }
    }
}

/// A sign-in running in a popup: the window, and the verifier that stays here.
pub struct PopupSignIn {
    /// The popup showing the sign-in page.
    popup: web_sys::Window,
    /// The verifier and `state` of this attempt.
    pending: PendingSignIn,
}

/// The session saved in this tab, if any.
pub(super) fn stored_session() -> Option<Session> {
    serde_json::from_str(&platform::session_get(SESSION_KEY)?).ok()
}

fn redirect_uri() -> String {
    format!("{}{CALLBACK_PATH}", platform::origin())
}

/// Keeps `session` in memory (`signal`) and in this tab's sessionStorage.
pub(super) fn keep_session(signal: RwSignal<Option<Session>>, session: Option<Session>) {
    match &session {
        Some(s) => match serde_json::to_string(s) {
            Ok(json) => platform::session_set(SESSION_KEY, &json),
            Err(_) => platform::session_remove(SESSION_KEY),
        },
        None => platform::session_remove(SESSION_KEY),
    }
    signal.set(session);
}

impl Client {
    fn set_session(&self, session: Option<Session>) {
        keep_session(self.inner.session, session);
    }

    /// A new pending sign-in with fresh PKCE verifier and `state` (prefixed for a popup).
    fn new_pending(return_to: &str, popup: bool) -> Result<PendingSignIn, SignInError> {
        let (Some(verifier), Some(state)) =
            (platform::random_bytes(32), platform::random_bytes(16))
        else {
            return Err(SignInError::NoCrypto);
        };
        let prefix = if popup {
            session::POPUP_STATE_PREFIX
        } else {
            ""
        };
        Ok(PendingSignIn {
            state: format!("{prefix}{}", session::base64url(&state)),
            verifier: session::base64url(&verifier),
            return_to: session::safe_return_path(return_to),
        })
    }

    /// The sign-in page's URL for `pending`, or `None` when the app does not sign in.
    fn authorize_url_for(&self, pending: &PendingSignIn) -> Option<String> {
        let AuthConfig::Pkce {
            authorize_url,
            client_id,
            scope,
            ..
        } = &self.inner.config.auth
        else {
            return None;
        };
        Some(session::authorize_url(
            authorize_url,
            client_id,
            &redirect_uri(),
            scope,
            pending,
            crate::i18n::current().tag(),
        ))
    }

    /// Leaves for the sign-in page; afterwards the person comes back to `return_to`.
    pub fn sign_in(&self, return_to: &str) -> Result<(), SignInError> {
        let pending = Self::new_pending(return_to, false)?;
        let Some(url) = self.authorize_url_for(&pending) else {
            return Ok(());
        };
        let json = serde_json::to_string(&pending).map_err(|_| SignInError::NoStorage)?;
        platform::session_set(PENDING_KEY, &json);
        platform::go_to(&url);
        Ok(())
    }

    /// Opens the sign-in page in a popup (a framed widget cannot show it: identity
    /// providers refuse to be framed). Call it straight from the click, so the browser
    /// lets the popup open; then await [`Client::finish_popup_sign_in`].
    pub fn open_sign_in_popup(&self) -> Result<PopupSignIn, SignInError> {
        let pending = Self::new_pending("/", true)?;
        let Some(url) = self.authorize_url_for(&pending) else {
            return Err(SignInError::Refused(t!("sign-in-not-here")));
        };
        let popup = platform::open_popup(&url).ok_or(SignInError::PopupBlocked)?;
        Ok(PopupSignIn { popup, pending })
    }

    /// Waits for the popup's answer and exchanges the code. The verifier never left this
    /// window and the tokens never pass through the embedding page.
    pub async fn finish_popup_sign_in(&self, started: PopupSignIn) -> Result<(), SignInError> {
        let text = platform::message_from_popup(&started.popup, &platform::origin())
            .await
            .ok_or(SignInError::PopupClosed)?;
        let answer: PopupAnswer = serde_json::from_str(&text)
            .map_err(|_| SignInError::Refused(t!("sign-in-unreadable")))?;
        if answer.state != started.pending.state {
            return Err(SignInError::Refused(t!("sign-in-state-mismatch")));
        }
        let Some(code) = answer.code else {
            return Err(SignInError::Refused(
                answer.error.unwrap_or_else(|| t!("sign-in-no-code")),
            ));
        };
        self.exchange_code(&code, &started.pending.verifier)
            .await
            .map_err(|e| SignInError::Refused(e.message()))
    }

    /// Forgets the session (a 401 or a failed refresh) and signs in again, coming back here.
    pub(super) fn restart_sign_in(&self) {
        // Signed out on purpose: the shell offers Sign in; nothing is restarted.
        if self.inner.signed_out.get_untracked() {
            return;
        }
        if self
            .inner
            .leaving
            .swap(true, std::sync::atomic::Ordering::SeqCst)
        {
            return;
        }
        self.set_session(None);
        if platform::is_framed() {
            // The sign-in page cannot be shown in a frame: the widget shows its sign-in
            // button (a popup) instead, and may leave again after the next sign-in.
            self.inner
                .leaving
                .store(false, std::sync::atomic::Ordering::SeqCst);
            return;
        }
        if platform::typed_on_page() {
            // Leaving would lose what the person typed or chose here: the page stays, and
            // the shell asks them to sign in again in a popup (or here, if they choose).
            self.inner
                .leaving
                .store(false, std::sync::atomic::Ordering::SeqCst);
            self.inner.ended.update(|n| *n += 1);
            return;
        }
        if let Err(error) = self.sign_in(&platform::current_path()) {
            leptos::logging::warn!("cannot sign in again: {error}");
        }
    }

    /// Signs out: forgets the tokens of this tab, and of the other tabs that hold the same
    /// sign-in (a duplicated tab), which are told on their channel.
    pub fn sign_out(&self) {
        let token = self
            .inner
            .session
            .with_untracked(|s| s.as_ref().and_then(|s| s.refresh_token.clone()));
        self.inner.signed_out.set(true);
        self.set_session(None);
        platform::session_remove(PENDING_KEY);
        if let (Some(tabs), Some(token)) = (self.inner.tabs.as_ref(), token) {
            tabs.signed_out(&token);
        }
    }

    /// Whether `state` is that of the sign-in this tab started: only then are a refusal's
    /// words (`error_description`) the authorization server's. Anyone can write a link to
    /// the callback page with words of their own ("call this number").
    pub fn is_own_sign_in(&self, state: Option<&str>) -> bool {
        platform::session_get(PENDING_KEY)
            .and_then(|json| serde_json::from_str::<PendingSignIn>(&json).ok())
            .is_some_and(|pending| Some(pending.state.as_str()) == state)
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
        if !matches!(self.inner.config.auth, AuthConfig::Pkce { .. }) {
            return Ok("/".into());
        }
        let pending: PendingSignIn = platform::session_get(PENDING_KEY)
            .and_then(|json| serde_json::from_str(&json).ok())
            .ok_or_else(|| refused(&t!("sign-in-not-started")))?;
        platform::session_remove(PENDING_KEY);
        if pending.state != state {
            return Err(refused(&t!("sign-in-state-mismatch")));
        }

        self.exchange_code(code, &pending.verifier).await?;
        Ok(pending.return_to)
    }

    /// Exchanges an authorization code for a session, proving it with `verifier`.
    async fn exchange_code(&self, code: &str, verifier: &str) -> Result<(), ApiError> {
        let AuthConfig::Pkce { client_id, .. } = &self.inner.config.auth else {
            return Ok(());
        };
        let redirect = redirect_uri();
        let token = self
            .token_request(&[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", &redirect),
                ("client_id", client_id),
                ("code_verifier", verifier),
            ])
            .await?;
        self.set_session(Some(Session::from_token(token, platform::now_ms())));
        self.inner.ended.set(0);
        self.inner.signed_out.set(false);
        Ok(())
    }

    /// Exchanges the refresh token for a new session; a refusal is a 401, and the refused
    /// refresh token is dropped: it never works again, and sending it a second time (the
    /// call that asked, then its retry after the 401) only makes a second refusal.
    ///
    /// Tabs sharing the sign-in take turns (see [`super::tabs`]): this one waits for any
    /// other tab's refresh, and does not refresh if that one renewed its session.
    pub(super) async fn refresh_now(&self) -> Result<(), ApiError> {
        let AuthConfig::Pkce { client_id, .. } = &self.inner.config.auth else {
            return Ok(());
        };
        let refresh_token = || {
            self.inner
                .session
                .with_untracked(|s| s.as_ref().and_then(|s| s.refresh_token.clone()))
        };
        let Some(refresh) = refresh_token() else {
            return Ok(());
        };
        let _turn = super::tabs::refresh_lock().await;
        // The tab that had the lock may have refreshed this sign-in, and said so.
        if refresh_token().as_ref() != Some(&refresh) {
            return Ok(());
        }
        if let Some(tabs) = self.inner.tabs.as_ref() {
            if tabs.already_used(&refresh).await {
                // Another tab of this sign-in used it: its answer replaced the session,
                // or, if none came, the token is as dead as a refused one.
                return match refresh_token() {
                    Some(token) if token != refresh => Ok(()),
                    _ => {
                        self.drop_refresh_token();
                        Err(ApiError::Unauthorized(ServerMessage::default()))
                    }
                };
            }
        }
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
            });
        let token = match token {
            Ok(token) => token,
            Err(ApiError::Unauthorized(_)) => {
                self.drop_refresh_token();
                // The identity provider's words ("unknown, used or expired refresh token")
                // are for whoever runs it: the person is told their session has ended.
                return Err(ApiError::Unauthorized(ServerMessage::default()));
            }
            Err(other) => return Err(other),
        };
        let renewed = Session::from_token(token, platform::now_ms());
        self.set_session(Some(renewed.clone()));
        if let Some(tabs) = self.inner.tabs.as_ref() {
            tabs.rotated(&refresh, &renewed).await;
        }
        Ok(())
    }

    /// Keeps the session's access token, which may still work, without its refresh token.
    fn drop_refresh_token(&self) {
        let kept = self.inner.session.get_untracked().map(|session| Session {
            refresh_token: None,
            ..session
        });
        self.set_session(kept);
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
            .map_err(ApiError::network)?
            .send()
            .await
            .map_err(ApiError::network)?;
        let status = response.status();
        let text = response.text().await.map_err(ApiError::network)?;
        if response.ok() {
            return serde_json::from_str(&text).map_err(ApiError::decode);
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
