//! The API client: the only code that builds URLs, sets headers or sees the token.
//! Components call one typed function per operation ([`work_items`], [`identities`]) with
//! a [`Client`] from context and get a `Result<_, ApiError>`.
//!
//! A 429 is retried after its `Retry-After` delay (at most [`MAX_RETRIES`] times), and
//! while it waits [`Client::waiting`] says so; a 401 is tried once more after a refresh
//! when the session has a refresh token, and otherwise sends the person through sign-in
//! again and back to the page they were on.

mod auth;
pub mod catalogue;
pub mod error;
mod first_reads;
pub mod identities;
pub mod query;
pub mod session;
mod tabs;
pub mod work_items;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use wire::oauth::TokenClaims;

use crate::config::{AppConfig, AuthConfig, ConfigError};
use crate::platform;
pub use auth::{PopupSignIn, SignInError};
pub use error::{ApiError, ServerMessage};
pub use query::Paging;
use session::Session;

/// How many times a 429 is retried before the error reaches the screen.
pub const MAX_RETRIES: u32 = 3;
/// The longest single wait for a 429, whatever `Retry-After` says.
const MAX_WAIT_SECS: u32 = 30;

/// One page of a collection.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// `X-Total-Count`, when asked for and sent.
    pub total: Option<u64>,
}

/// The API client, cheap to clone; provided once as context.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    /// The validated runtime configuration.
    config: AppConfig,
    /// The signed-in session; `None` before sign-in and in proxy mode.
    session: RwSignal<Option<Session>>,
    /// Seconds the client is waiting before retrying a 429, while it waits.
    waiting: RwSignal<Option<u32>>,
    /// Set while a refresh is in flight, so concurrent calls share it (refresh tokens are
    /// single-use).
    refreshing: AtomicBool,
    /// Set once the app is leaving for the sign-in page, so concurrent 401s leave once.
    leaving: AtomicBool,
    /// How many times the sign-in ended under a page that stays (what the person typed
    /// in it would be lost by leaving): the shell then asks them to sign in again in a
    /// popup. 0 when signed in, or never signed in.
    ended: RwSignal<u32>,
    /// Set when the person signed out, here or in another tab of this sign-in: a call
    /// refused after that does not lead to the sign-in page (the shell offers Sign in).
    signed_out: RwSignal<bool>,
    /// The other tabs of this sign-in, told of every refresh (see [`tabs`]).
    tabs: send_wrapper::SendWrapper<Option<tabs::Tabs>>,
}

/// One request, kept as data so a retry can send it again.
struct Call {
    method: Method,
    path: String,
    query: Vec<(&'static str, String)>,
    body: Option<String>,
    experimental: bool,
}

impl Call {
    fn get(path: impl Into<String>, query: Vec<(&'static str, String)>) -> Call {
        Call {
            method: Method::GET,
            path: path.into(),
            query,
            body: None,
            experimental: false,
        }
    }

    fn post(path: impl Into<String>, body: Option<String>) -> Call {
        Call {
            method: Method::POST,
            path: path.into(),
            query: Vec::new(),
            body,
            experimental: false,
        }
    }

    fn experimental(mut self) -> Call {
        self.experimental = true;
        self
    }
}

/// Where the configuration is, beside `index.html` at the site's root.
const CONFIG_URL: &str = "/config.json";

/// Fetches and validates `/config.json`.
pub async fn load_config() -> Result<AppConfig, ConfigError> {
    let response = match first_reads::take(CONFIG_URL, None).await {
        Some(response) => response,
        None => RequestBuilder::new(CONFIG_URL)
            .send()
            .await
            .map_err(|e| ConfigError::Unreachable(e.to_string()))?,
    };
    if !response.ok() {
        return Err(ConfigError::Status(response.status()));
    }
    let text = response
        .text()
        .await
        .map_err(|e| ConfigError::Unreachable(e.to_string()))?;
    AppConfig::parse(&text)
}

impl Client {
    /// A client for `config`, resuming a session saved in this tab.
    pub fn new(config: AppConfig) -> Client {
        let (session, signs_in) = match config.auth {
            AuthConfig::Pkce { .. } => (auth::stored_session(), true),
            AuthConfig::Proxy => (None, false),
        };
        let session = RwSignal::new(session);
        let signed_out = RwSignal::new(false);
        let tabs = signs_in.then(|| tabs::Tabs::listen(session, signed_out));
        Client {
            inner: Arc::new(Inner {
                config,
                session,
                waiting: RwSignal::new(None),
                refreshing: AtomicBool::new(false),
                leaving: AtomicBool::new(false),
                ended: RwSignal::new(0),
                signed_out,
                tabs: send_wrapper::SendWrapper::new(tabs),
            }),
        }
    }

    /// Whether the person must sign in before anything can be shown (reactive).
    pub fn needs_sign_in(&self) -> bool {
        matches!(self.inner.config.auth, AuthConfig::Pkce { .. })
            && self.inner.session.with(Option::is_none)
            && self.inner.ended.get() == 0
    }

    /// Whether this deployment signs in itself and holds no session now: signed out, or
    /// the sign-in ended under a page that stays (reactive).
    pub fn without_session(&self) -> bool {
        self.can_sign_out() && self.inner.session.with(Option::is_none)
    }

    /// How many times the sign-in ended under this page since it was last signed in
    /// (reactive; see [`Inner::ended`]).
    pub fn sign_in_ended(&self) -> u32 {
        self.inner.ended.get()
    }

    /// Whether this deployment signs in itself (false behind an authenticating proxy).
    pub fn can_sign_out(&self) -> bool {
        matches!(self.inner.config.auth, AuthConfig::Pkce { .. })
    }

    /// The signed-in identity's claims, when known (reactive).
    pub fn claims(&self) -> Option<TokenClaims> {
        self.inner
            .session
            .with(|s| s.as_ref().and_then(Session::claims))
    }

    /// The origins allowed to embed the widget (told its height, nobody else).
    pub fn embed_host_origins(&self) -> &[String] {
        &self.inner.config.embed_host_origins
    }

    /// How often the pending count is polled, in seconds; 0: never (`pollSeconds`).
    pub fn poll_seconds(&self) -> u32 {
        self.inner.config.poll_seconds
    }

    /// After how many days a pending item is overdue (`staleAfterDays`).
    pub fn stale_after_days(&self) -> u32 {
        self.inner.config.stale_after_days
    }

    /// Seconds until a rate-limited request is retried, while one waits (reactive).
    pub fn waiting(&self) -> Option<u32> {
        self.inner.waiting.get()
    }

    fn url(&self, call: &Call) -> String {
        // Work-item paths are written under `/v2024`; `workItemsPath` may move them to the
        // per-service family, which serves the same operations.
        let path = match call.path.strip_prefix("/v2024/work-items") {
            Some(rest) => format!("{}{rest}", self.inner.config.work_items_root),
            None => call.path.clone(),
        };
        query::url(&self.inner.config.api_base_url, &path, &call.query)
    }

    /// Sends `call`, retrying 429s, and decodes the answer plus `X-Total-Count`.
    ///
    /// Only the decoding is generic: the exchange itself ([`Client::exchange`]) is compiled
    /// once, not once per answer type, which keeps the wasm smaller.
    async fn send<T: DeserializeOwned>(&self, call: Call) -> Result<(T, Option<u64>), ApiError> {
        let (text, total) = self.exchange(call).await?;
        let text = if text.trim().is_empty() {
            "null"
        } else {
            text.as_str()
        };
        let value = serde_json::from_str(text).map_err(ApiError::decode)?;
        Ok((value, total))
    }

    /// Sends `call`, retrying 429s; the body of a 2xx answer plus `X-Total-Count`.
    ///
    /// A 401 for a token the session can still refresh (revoked, or the clocks disagree)
    /// is answered by one refresh and one more try before the person is sent to sign in:
    /// the page, and whatever was typed in it, stays.
    async fn exchange(&self, call: Call) -> Result<(String, Option<u64>), ApiError> {
        let mut attempt = 0;
        let mut renewed = false;
        loop {
            let sent = self.access_token();
            let result = self.send_once(&call).await;
            match result {
                Err(ApiError::RateLimited { retry_after, .. }) if attempt < MAX_RETRIES => {
                    attempt += 1;
                    let secs = retry_after.unwrap_or(1).clamp(1, MAX_WAIT_SECS);
                    // Counted down each second, so the banner says how long is left.
                    for left in (1..=secs).rev() {
                        self.inner.waiting.set(Some(left));
                        platform::sleep(1000).await;
                    }
                    self.inner.waiting.set(None);
                }
                Err(ApiError::Unauthorized(message)) => {
                    if !renewed && sent.is_some() && self.can_renew() {
                        renewed = true;
                        // Another call may have refreshed while this one was out: then
                        // the session's token is new already.
                        if self.access_token() != sent {
                            continue;
                        }
                        match self.refresh().await {
                            Ok(()) => continue,
                            Err(ApiError::Unauthorized(_)) => {}
                            Err(other) => return Err(other),
                        }
                    }
                    if self.can_sign_out() {
                        self.restart_sign_in();
                    }
                    return Err(ApiError::Unauthorized(message));
                }
                other => return other,
            }
        }
    }

    async fn send_once(&self, call: &Call) -> Result<(String, Option<u64>), ApiError> {
        let token = self.bearer().await?;
        let url = self.url(call);
        let started = if call.method == Method::GET && call.body.is_none() {
            first_reads::take(&url, token.as_deref()).await
        } else {
            None
        };
        let response = match started {
            Some(response) => response,
            None => self.fetch(call, &url, token.as_deref()).await?,
        };
        let status = response.status();
        let headers = response.headers();
        let text = response.text().await.map_err(ApiError::network)?;
        if !(200..300).contains(&status) {
            return Err(ApiError::from_response(
                status,
                headers.get("Retry-After").as_deref(),
                &text,
            ));
        }
        let total = headers
            .get(wire::TOTAL_COUNT_HEADER)
            .and_then(|v| v.trim().parse().ok());
        Ok((text, total))
    }

    /// Sends `call` to `url` with `token`, as it stands.
    async fn fetch(
        &self,
        call: &Call,
        url: &str,
        token: Option<&str>,
    ) -> Result<gloo_net::http::Response, ApiError> {
        let mut builder = RequestBuilder::new(url)
            .method(call.method.clone())
            .header("Accept", "application/json");
        if let Some(token) = token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        if call.experimental {
            builder = builder.header(wire::EXPERIMENTAL_HEADER, "true");
        }
        let request = match &call.body {
            Some(body) => builder
                .header("Content-Type", "application/json")
                .body(body.clone()),
            None => builder.build(),
        }
        .map_err(ApiError::network)?;
        request.send().await.map_err(ApiError::network)
    }

    /// The access token of the session, if any.
    fn access_token(&self) -> Option<String> {
        self.inner
            .session
            .with_untracked(|s| s.as_ref().map(|s| s.access_token.clone()))
    }

    /// Whether the session holds a refresh token (and the app signs in at all).
    fn can_renew(&self) -> bool {
        self.can_sign_out()
            && self
                .inner
                .session
                .with_untracked(|s| s.as_ref().is_some_and(|s| s.refresh_token.is_some()))
    }

    /// The bearer token to send, refreshed first when it is about to expire.
    async fn bearer(&self) -> Result<Option<String>, ApiError> {
        if !self.can_sign_out() {
            return Ok(None);
        }
        let current = self.inner.session.get_untracked();
        let Some(session) = current else {
            return Err(ApiError::Unauthorized(ServerMessage::default()));
        };
        if session.should_refresh(platform::now_ms()) {
            self.refresh().await?;
        }
        self.access_token()
            .map(Some)
            .ok_or_else(|| ApiError::Unauthorized(ServerMessage::default()))
    }

    /// Waits for a refresh already in flight, or runs one.
    async fn refresh(&self) -> Result<(), ApiError> {
        if self.inner.refreshing.swap(true, Ordering::SeqCst) {
            while self.inner.refreshing.load(Ordering::SeqCst) {
                platform::sleep(50).await;
            }
            return Ok(());
        }
        let result = self.refresh_now().await;
        self.inner.refreshing.store(false, Ordering::SeqCst);
        result
    }
}
