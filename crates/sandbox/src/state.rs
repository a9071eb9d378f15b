//! The shared state of one sandbox instance: configuration, database, token keys, rate
//! limits, pending authorization codes and injected faults. Nothing lives in a `static`,
//! so every test server has its own.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::db::Db;
use crate::rate_limit::KeyedLimit;
use crate::tokens::TokenKeys;

/// Cheap-to-clone handle to the state of one sandbox instance.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    /// The command line this instance was started with.
    config: Config,
    /// The URL clients reach this instance at (`--public-base-url`, else the bound address).
    base_url: String,
    /// The database.
    db: Db,
    /// Signs and checks access tokens.
    tokens: TokenKeys,
    /// The rate limits.
    limits: Limits,
    /// Authorization codes waiting to be exchanged.
    codes: Mutex<CodeStore>,
    /// The fault to inject into the next `/v2024` requests (test controls).
    fault: Mutex<Option<Fault>>,
}

/// The rate limits of one instance.
pub struct Limits {
    /// API requests per verified identity.
    pub api: KeyedLimit,
    /// `/oauth/token` requests per confidential client, counted once it authenticated.
    pub token_clients: KeyedLimit,
    /// `/oauth/token` requests per client address ([`crate::forwarded`]).
    pub token_peers: KeyedLimit,
    /// Sign-in submissions (`POST /oauth/authorize`) per client address.
    pub authorize_peers: KeyedLimit,
}

/// Most keys a rate-limit map remembers.
const MAX_LIMIT_KEYS: usize = 10_000;

impl Limits {
    fn new(config: &Config) -> Limits {
        let api_window = Duration::from_secs(config.rate_limit_window_secs.max(1));
        let token_window = Duration::from_secs(config.token_rate_limit_window_secs.max(1));
        let token = || {
            KeyedLimit::new(
                config.token_rate_limit_requests,
                token_window,
                MAX_LIMIT_KEYS,
            )
        };
        Limits {
            api: KeyedLimit::new(config.rate_limit_requests, api_window, MAX_LIMIT_KEYS),
            token_clients: token(),
            token_peers: token(),
            authorize_peers: token(),
        }
    }
}

/// An authorization code issued by the sign-in page, waiting for its token exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthCode {
    /// The client it was issued to.
    pub client_id: String,
    /// The redirect URI it was sent to (must be repeated on exchange).
    pub redirect_uri: String,
    /// The PKCE S256 challenge the verifier must match.
    pub code_challenge: String,
    /// Who signed in.
    pub identity_id: String,
    /// The client address the sign-in came from (its share of the store is bounded).
    pub client_address: Option<IpAddr>,
    /// When it stops being accepted.
    pub expires: Instant,
}

/// Pending authorization codes, bounded: expired ones are purged on every insert; when
/// `max` are still waiting, or `per_address` asked for from the new one's client address, a
/// new one is refused.
///
/// A code taken for its exchange is remembered as used until it would have expired, with
/// the sign-in (refresh-token chain) its exchange issues: presented again, it is a replay,
/// and RFC 6749 §4.1.2 says the tokens issued for it should be revoked.
#[derive(Debug)]
pub struct CodeStore {
    /// The codes, keyed on the code.
    codes: HashMap<String, AuthCode>,
    /// Codes already taken for an exchange, keyed on the code, until they would have
    /// expired; at most `max` (past it, the one closest to expiring is forgotten, and a
    /// replay of it is refused as an unknown code, without revoking anything).
    used: HashMap<String, UsedCode>,
    /// Most codes waiting at once.
    max: usize,
    /// Most codes waiting at once from one client address.
    per_address: usize,
}

/// A code taken for its exchange, remembered until it would have expired.
#[derive(Debug, Clone)]
struct UsedCode {
    /// When it would have expired.
    expires: Instant,
    /// The chain (`refresh_tokens.family`) its exchange issues its tokens in.
    family: String,
    /// Whether it was presented again.
    replayed: bool,
}

/// What presenting an authorization code for its exchange came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redeemed {
    /// Its first presentation: the code, taken out, and the chain the exchange is to
    /// issue its tokens in.
    First {
        /// The code as it was issued.
        code: AuthCode,
        /// The chain (`refresh_tokens.family`) for the exchange's tokens.
        family: String,
    },
    /// A replay: the chain the first exchange issued its tokens in, to be revoked.
    Replayed {
        /// The first exchange's chain.
        family: String,
    },
    /// No such code (or one used so long ago it would have expired).
    Unknown,
}

/// Why the code store took no new code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeRefused {
    /// The store is full of unexpired codes.
    Full,
    /// The client address already has its share of the store waiting.
    AddressFull,
}

impl CodeStore {
    /// An empty store holding at most `max` codes, `per_address` of them from one address.
    pub fn new(max: usize, per_address: usize) -> CodeStore {
        CodeStore {
            codes: HashMap::new(),
            used: HashMap::new(),
            max: max.max(1),
            per_address: per_address.max(1),
        }
    }

    /// Remembers `code` unless the store, or the share of its client address, is full of
    /// codes still valid at `now`.
    pub fn insert(
        &mut self,
        code: String,
        issued: AuthCode,
        now: Instant,
    ) -> Result<(), CodeRefused> {
        self.codes.retain(|_, c| c.expires > now);
        if self.codes.len() >= self.max {
            return Err(CodeRefused::Full);
        }
        let from_address = self
            .codes
            .values()
            .filter(|c| c.client_address == issued.client_address)
            .count();
        if from_address >= self.per_address {
            return Err(CodeRefused::AddressFull);
        }
        self.codes.insert(code, issued);
        Ok(())
    }

    /// Takes `code` out for its exchange (a code is good for one attempt) and remembers
    /// it as used, with a new chain for the exchange's tokens; or, for a code already
    /// used that would not have expired at `now`, marks it replayed and names the chain.
    pub fn redeem(&mut self, code: &str, now: Instant) -> Redeemed {
        self.used.retain(|_, used| used.expires > now);
        if let Some(issued) = self.codes.remove(code) {
            if self.used.len() >= self.max {
                let soonest = self
                    .used
                    .iter()
                    .min_by_key(|(_, used)| used.expires)
                    .map(|(code, _)| code.clone());
                if let Some(soonest) = soonest {
                    self.used.remove(&soonest);
                }
            }
            let family = crate::ids::random_hex64();
            self.used.insert(
                code.to_owned(),
                UsedCode {
                    expires: issued.expires,
                    family: family.clone(),
                    replayed: false,
                },
            );
            return Redeemed::First {
                code: issued,
                family,
            };
        }
        match self.used.get_mut(code) {
            Some(used) => {
                used.replayed = true;
                Redeemed::Replayed {
                    family: used.family.clone(),
                }
            }
            None => Redeemed::Unknown,
        }
    }

    /// Whether `code`, taken for an exchange, has been presented again since. The exchange
    /// asks inside the write that stores its tokens, so a replay is either seen there (and
    /// nothing is issued) or queued its revocation after that write.
    pub fn was_replayed(&self, code: &str) -> bool {
        self.used.get(code).is_some_and(|used| used.replayed)
    }

    /// How many codes are remembered.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether no code is remembered.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// A fault injected by `POST /sandbox/faults`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// 429, 500 or 503.
    pub status: u16,
    /// How many more requests get it.
    pub times: u32,
    /// `Retry-After` of a 429.
    pub retry_after_secs: u64,
    /// Only requests whose path contains this text get it (e.g. one work item's id), so a
    /// test can fail one request of many sent at once; other requests pass untouched.
    pub path_contains: Option<String>,
}

impl AppState {
    /// State for an instance answering on `base_url`, with an opened database.
    pub fn new(config: Config, base_url: String, db: Db, tokens: TokenKeys) -> AppState {
        let limits = Limits::new(&config);
        let codes = Mutex::new(CodeStore::new(
            config.max_pending_codes,
            config.max_pending_codes_per_address,
        ));
        AppState(Arc::new(Inner {
            config,
            base_url,
            db,
            tokens,
            limits,
            codes,
            fault: Mutex::new(None),
        }))
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.0.config
    }

    /// The URL clients reach this instance at; also its own origin.
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

    /// The rate limits.
    pub fn limits(&self) -> &Limits {
        &self.0.limits
    }

    /// The pending authorization codes.
    pub fn codes(&self) -> MutexGuard<'_, CodeStore> {
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

    /// Takes one use of the injected fault for a request to `path`, if one is left and
    /// it applies to that path.
    pub fn take_fault(&self, path: &str) -> Option<Fault> {
        let mut slot = self.fault();
        let fault = slot.as_mut()?;
        if fault
            .path_contains
            .as_deref()
            .is_some_and(|part| !path.contains(part))
        {
            return None;
        }
        let taken = fault.clone();
        match fault.times <= 1 {
            true => *slot = None,
            false => fault.times -= 1,
        }
        Some(taken)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(expires: Instant) -> AuthCode {
        from(expires, "127.0.0.1")
    }

    fn from(expires: Instant, address: &str) -> AuthCode {
        AuthCode {
            client_id: "my-tasks".into(),
            redirect_uri: "http://localhost/cb".into(),
            code_challenge: "x".repeat(43),
            identity_id: "i".into(),
            client_address: Some(address.parse().unwrap()),
            expires,
        }
    }

    #[test]
    fn the_code_store_purges_expired_codes_and_refuses_past_its_bound() {
        let now = Instant::now();
        let mut store = CodeStore::new(2, 2);
        store
            .insert("a".into(), code(now + Duration::from_secs(1)), now)
            .unwrap();
        store
            .insert("b".into(), code(now + Duration::from_secs(9)), now)
            .unwrap();
        assert_eq!(
            store.insert("c".into(), code(now + Duration::from_secs(9)), now),
            Err(CodeRefused::Full)
        );
        let later = now + Duration::from_secs(2);
        store
            .insert("c".into(), code(later + Duration::from_secs(9)), later)
            .unwrap();
        assert_eq!(store.len(), 2);
        assert_eq!(
            store.redeem("a", later),
            Redeemed::Unknown,
            "expired and purged"
        );
        assert!(matches!(store.redeem("c", later), Redeemed::First { .. }));
    }

    /// Regression: a replayed code was only refused; the tokens its first exchange issued
    /// lived on (RFC 6749 §4.1.2 says they should be revoked).
    #[test]
    fn a_code_presented_again_names_the_chain_of_its_first_exchange_until_it_would_expire() {
        let now = Instant::now();
        let expires = now + Duration::from_secs(60);
        let mut store = CodeStore::new(10, 10);
        store.insert("a".into(), code(expires), now).unwrap();
        let Redeemed::First { family, .. } = store.redeem("a", now) else {
            panic!("the first presentation takes the code");
        };
        assert!(store.is_empty(), "taken out of the pending codes");
        assert!(!store.was_replayed("a"));
        assert_eq!(
            store.redeem("a", now + Duration::from_secs(1)),
            Redeemed::Replayed {
                family: family.clone()
            }
        );
        assert!(store.was_replayed("a"));
        assert_eq!(store.redeem("a", expires), Redeemed::Unknown, "forgotten");
        assert_eq!(store.redeem("never", now), Redeemed::Unknown);
    }

    #[test]
    fn used_codes_are_bounded_forgetting_the_one_closest_to_expiring() {
        let now = Instant::now();
        let mut store = CodeStore::new(2, 2);
        for (name, secs) in [("a", 30), ("b", 10), ("c", 20)] {
            store
                .insert(name.into(), code(now + Duration::from_secs(secs)), now)
                .unwrap();
            assert!(matches!(store.redeem(name, now), Redeemed::First { .. }));
        }
        assert_eq!(store.used.len(), 2);
        assert_eq!(store.redeem("b", now), Redeemed::Unknown, "forgotten first");
        assert!(matches!(store.redeem("a", now), Redeemed::Replayed { .. }));
        assert!(matches!(store.redeem("c", now), Redeemed::Replayed { .. }));
    }

    #[test]
    fn one_address_cannot_take_the_whole_code_store() {
        let now = Instant::now();
        let later = now + Duration::from_secs(60);
        let mut store = CodeStore::new(10, 2);
        store
            .insert("a".into(), from(later, "10.0.0.1"), now)
            .unwrap();
        store
            .insert("b".into(), from(later, "10.0.0.1"), now)
            .unwrap();
        assert_eq!(
            store.insert("c".into(), from(later, "10.0.0.1"), now),
            Err(CodeRefused::AddressFull)
        );
        store
            .insert("d".into(), from(later, "10.0.0.2"), now)
            .unwrap();
        assert_eq!(store.len(), 3);
    }
}
