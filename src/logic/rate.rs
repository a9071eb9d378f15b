//! A client-side budget of requests per time window, so a background load stays inside
//! the API's rate limit (100 requests per 10 s per identity) and leaves room for the
//! person's own actions instead of running into 429s.

use std::collections::VecDeque;

/// At most `max` requests in any `window_ms`.
#[derive(Debug, Clone, PartialEq)]
pub struct RateWindow {
    /// How many requests a window may hold.
    max: usize,
    /// The window's length in milliseconds.
    window_ms: f64,
    /// When the requests still inside the window were sent, oldest first.
    sent: VecDeque<f64>,
}

impl RateWindow {
    /// A budget of `max` requests per `window_ms` (`max` at least 1).
    pub fn new(max: usize, window_ms: f64) -> RateWindow {
        RateWindow {
            max: max.max(1),
            window_ms,
            sent: VecDeque::new(),
        }
    }

    /// Takes a place for a request at `now_ms` and returns 0, or returns how many
    /// milliseconds to wait before asking again (taking nothing).
    pub fn take(&mut self, now_ms: f64) -> f64 {
        while self
            .sent
            .front()
            .is_some_and(|&t| t <= now_ms - self.window_ms)
        {
            self.sent.pop_front();
        }
        match self.sent.front() {
            Some(&oldest) if self.sent.len() >= self.max => oldest + self.window_ms - now_ms,
            _ => {
                self.sent.push_back(now_ms);
                0.0
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_window_waits_until_its_oldest_request_leaves_it() {
        let mut budget = RateWindow::new(3, 10_000.0);
        assert_eq!(budget.take(0.0), 0.0);
        assert_eq!(budget.take(100.0), 0.0);
        assert_eq!(budget.take(200.0), 0.0);
        assert_eq!(budget.take(300.0), 9_700.0);
        // Waiting takes no place: still three inside the window.
        assert_eq!(budget.take(9_999.0), 1.0);
        assert_eq!(budget.take(10_000.0), 0.0);
        assert_eq!(budget.take(10_050.0), 50.0);
    }

    #[test]
    fn a_hundred_requests_never_fit_in_ten_seconds_of_a_budget_of_eighty() {
        let mut budget = RateWindow::new(80, 10_000.0);
        let (mut now, mut sent) = (0.0, Vec::new());
        while sent.len() < 100 {
            let wait = budget.take(now);
            if wait > 0.0 {
                now += wait;
            } else {
                sent.push(now);
            }
        }
        for (i, t) in sent.iter().enumerate().skip(80) {
            assert!(t - sent[i - 80] >= 10_000.0);
        }
    }
}
