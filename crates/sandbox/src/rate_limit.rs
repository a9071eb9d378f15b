//! Rate limits on `governor`'s keyed GCRA limiter: per verified identity on the API, per
//! client address and per authenticated confidential client on `/oauth/token`, per client
//! address on sign-in submissions.
//!
//! Keys are only ever things an attacker cannot mint for free in bulk (identities the
//! token was verified for, clients that proved their secret, client addresses), and the
//! map is bounded all the same: when it is full even after forgetting idle keys, new
//! requests are refused rather than remembered.

use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::HashMapStateStore;
use governor::{Quota, RateLimiter};

/// `requests` per `window` for each key, with at most `max_keys` keys remembered.
pub struct KeyedLimit<C: Clock = DefaultClock> {
    /// The GCRA state per key.
    limiter: RateLimiter<String, HashMapStateStore<String>, C, NoOpMiddleware<C::Instant>>,
    /// The clock the limiter runs on (to word how long to wait).
    clock: C,
    /// Most keys remembered at once.
    max_keys: usize,
    /// What to tell a refused caller when the map is full.
    window: Duration,
}

impl KeyedLimit<DefaultClock> {
    /// A limit on the real clock.
    pub fn new(requests: u32, window: Duration, max_keys: usize) -> KeyedLimit {
        KeyedLimit::with_clock(requests, window, max_keys, DefaultClock::default())
    }
}

impl<C: Clock + Clone> KeyedLimit<C> {
    /// A limit on `clock` (tests use a fake one). A burst of `requests` is allowed, then
    /// one more every `window / requests`, so a full burst comes back after `window`.
    pub fn with_clock(requests: u32, window: Duration, max_keys: usize, clock: C) -> Self {
        let burst = NonZeroU32::new(requests.max(1)).unwrap_or(NonZeroU32::MIN);
        let window = window.max(Duration::from_millis(1));
        let period = (window / burst.get()).max(Duration::from_nanos(1));
        let quota = Quota::with_period(period)
            .unwrap_or_else(|| Quota::per_second(burst))
            .allow_burst(burst);
        KeyedLimit {
            limiter: RateLimiter::hashmap_with_clock(quota, clock.clone()),
            clock,
            max_keys: max_keys.max(1),
            window,
        }
    }

    /// Counts one request for `key`: `Err(seconds to wait)` when over the limit.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        if self.limiter.len() >= self.max_keys {
            self.limiter.retain_recent();
            if self.limiter.len() >= self.max_keys {
                tracing::warn!(keys = self.limiter.len(), "rate-limit map full");
                return Err(ceil_secs(self.window));
            }
        }
        self.limiter
            .check_key(&key.to_owned())
            .map_err(|not_until| ceil_secs(not_until.wait_time_from(self.clock.now())))
    }

    /// How many keys are remembered.
    pub fn len(&self) -> usize {
        self.limiter.len()
    }

    /// Whether no key is remembered.
    pub fn is_empty(&self) -> bool {
        self.limiter.is_empty()
    }
}

/// Whole seconds, rounded up, at least 1 (the `Retry-After` of a 429).
fn ceil_secs(wait: Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

#[cfg(test)]
mod tests {
    use governor::clock::FakeRelativeClock;

    use super::*;

    #[test]
    fn a_key_is_refused_after_its_burst_until_time_passes() {
        let clock = FakeRelativeClock::default();
        let limit = KeyedLimit::with_clock(2, Duration::from_secs(10), 100, clock.clone());
        assert!(limit.check("t").is_ok());
        assert!(limit.check("t").is_ok());
        assert_eq!(limit.check("t"), Err(5));
        assert!(limit.check("other").is_ok());
        clock.advance(Duration::from_secs(10));
        assert!(limit.check("t").is_ok());
    }

    #[test]
    fn the_map_never_grows_past_its_bound() {
        let clock = FakeRelativeClock::default();
        let limit = KeyedLimit::with_clock(5, Duration::from_secs(60), 3, clock.clone());
        for key in ["a", "b", "c"] {
            assert!(limit.check(key).is_ok());
        }
        assert!(limit.check("d").is_err());
        assert_eq!(limit.len(), 3);
        clock.advance(Duration::from_secs(60));
        assert!(limit.check("d").is_ok(), "idle keys are forgotten");
        assert!(limit.len() <= 3);
    }
}
