//! The shared state of one sandbox instance: configuration, database, token keys, rate
//! limiter, pending authorization codes and injected faults. Nothing lives in a `static`,
//! so every test server has its own.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::auth::TokenKeys;
use crate::config::Config;
use crate::db::Db;

/// Cheap-to-clone handle to the state of one sandbox instance.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    /// The command line this instance was started with.
    config: Config,
    /// `http://host:port` this instance answers on.
    base_url: String,
    /// The database.
    db: Db,
    /// Signs and checks access tokens.
    tokens: TokenKeys,
    /// Requests per access token per window.
    limiter: RateLimiter,
    /// Authorization codes waiting to be exchanged, keyed on the code.
    codes: Mutex<HashMap<String, AuthCode>>,
    /// The fault to inject into the next `/v2024` requests (test controls).
    fault: Mutex<Option<Fault>>,
}

/// An authorization code issued by the sign-in page, waiting for its token exchange.
#[derive(Debug, Clone)]
pub struct AuthCode {
    /// The client it was issued to.
    pub client_id: String,
    /// The redirect URI it was sent to (must be repeated on exchange).
    pub redirect_uri: String,
    /// The PKCE S256 challenge the verifier must match.
    pub code_challenge: String,
    /// Who signed in.
    pub identity_id: String,
    /// When it stops being accepted.
    pub expires: Instant,
}

/// A fault injected by `POST /sandbox/faults`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault {
    /// 429, 500 or 503.
    pub status: u16,
    /// How many more requests get it.
    pub times: u32,
    /// `Retry-After` of a 429.
    pub retry_after_secs: u64,
}

impl AppState {
    /// State for an instance answering on `base_url`, with an opened database.
    pub fn new(config: Config, base_url: String, db: Db, tokens: TokenKeys) -> AppState {
        let limiter = RateLimiter::new(
            config.rate_limit_requests,
            Duration::from_secs(config.rate_limit_window_secs.max(1)),
        );
        AppState(Arc::new(Inner {
            config,
            base_url,
            db,
            tokens,
            limiter,
            codes: Mutex::new(HashMap::new()),
            fault: Mutex::new(None),
        }))
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.0.config
    }

    /// `http://host:port` of this instance.
    pub fn base_url(&self) -> &str {
        &self.0.base_url
    }

    /// The database.
    pub fn db(&self) -> &Db {
        &self.0.db
    }

    /// The token keys.
    pub fn tokens(&self) -> &TokenKeys {
        &self.0.tokens
    }

    /// The rate limiter.
    pub fn limiter(&self) -> &RateLimiter {
        &self.0.limiter
    }

    /// The pending authorization codes.
    pub fn codes(&self) -> MutexGuard<'_, HashMap<String, AuthCode>> {
        self.0
            .codes
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    /// The injected fault slot.
    pub fn fault(&self) -> MutexGuard<'_, Option<Fault>> {
        self.0
            .fault
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    /// Takes one use of the injected fault, if any is left.
    pub fn take_fault(&self) -> Option<Fault> {
        let mut slot = self.fault();
        let fault = (*slot)?;
        if fault.times <= 1 {
            *slot = None;
        } else {
            *slot = Some(Fault {
                times: fault.times - 1,
                ..fault
            });
        }
        Some(fault)
    }
}

/// A fixed-window request counter per key (the access token).
pub struct RateLimiter {
    /// Requests allowed per window.
    max: u32,
    /// Window length.
    window: Duration,
    /// Window start and count per key.
    windows: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    /// A limiter allowing `max` requests per `window` per key.
    pub fn new(max: u32, window: Duration) -> RateLimiter {
        RateLimiter {
            max,
            window,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request for `key` at `now`: `Err(seconds to wait)` when over the limit.
    pub fn check(&self, key: &str, now: Instant) -> Result<(), u64> {
        let mut windows = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        if windows.len() > 10_000 {
            let window = self.window;
            windows.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = windows.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.max {
            let left = self.window.saturating_sub(now.duration_since(entry.0));
            return Err(left.as_secs() + u64::from(left.subsec_nanos() > 0));
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limiter_refuses_the_request_after_the_limit_until_the_window_ends() {
        let limiter = RateLimiter::new(2, Duration::from_secs(10));
        let start = Instant::now();
        assert!(limiter.check("t", start).is_ok());
        assert!(limiter.check("t", start).is_ok());
        assert_eq!(
            limiter.check("t", start + Duration::from_millis(2500)),
            Err(8)
        );
        assert!(limiter.check("other", start).is_ok());
        assert!(limiter.check("t", start + Duration::from_secs(10)).is_ok());
    }
}
