//! A token-bucket rate limiter keyed by host (or any key: a source name, an API key).
//!
//! Each key has a bucket of `burst` tokens refilled at `per_second`. A request takes a token;
//! when none is left it reserves the next one and waits for it, so concurrent callers queue
//! fairly instead of all waking at once.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use super::Clock;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    /// Tokens available at `at_ms`; negative when callers have reserved future tokens.
    tokens: f64,
    at_ms: u64,
}

/// Token buckets per key. Cheap to share behind an `Arc`.
#[derive(Debug)]
pub struct RateLimiter {
    per_second: f64,
    burst: f64,
    buckets: Mutex<HashMap<String, Bucket>>,
}

/// Keys beyond this are forgotten (the oldest-refilled first), so a crawl over many hosts
/// cannot grow the map without bound.
const MAX_KEYS: usize = 4096;

impl RateLimiter {
    /// `per_second` requests per second sustained, bursts of up to `burst` (at least 1).
    pub fn new(per_second: f64, burst: u32) -> Self {
        RateLimiter {
            per_second: if per_second.is_finite() && per_second > 0.0 {
                per_second
            } else {
                1.0
            },
            burst: f64::from(burst.max(1)),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes a token for `key` at `now_ms` and returns how long to wait before using it
    /// (zero when one was available). Pure: the caller sleeps.
    pub fn reserve(&self, key: &str, now_ms: u64) -> Duration {
        let Ok(mut buckets) = self.buckets.lock() else {
            return Duration::ZERO;
        };
        if buckets.len() >= MAX_KEYS
            && !buckets.contains_key(key)
            && let Some(oldest) = buckets
                .iter()
                .min_by_key(|(_, b)| b.at_ms)
                .map(|(k, _)| k.clone())
        {
            buckets.remove(&oldest);
        }
        let bucket = buckets.entry(key.to_string()).or_insert(Bucket {
            tokens: self.burst,
            at_ms: now_ms,
        });
        let elapsed = now_ms.saturating_sub(bucket.at_ms) as f64 / 1000.0;
        bucket.tokens = (bucket.tokens + elapsed * self.per_second).min(self.burst);
        bucket.at_ms = bucket.at_ms.max(now_ms);
        bucket.tokens -= 1.0;
        if bucket.tokens >= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(-bucket.tokens / self.per_second)
        }
    }

    /// Waits for a token for `key` on `clock`.
    pub async fn acquire(&self, key: &str, clock: &dyn Clock) {
        let wait = self.reserve(key, clock.now_ms());
        if !wait.is_zero() {
            clock.sleep(wait).await;
        }
    }
}

/// The host of a URL (`api.openai.com` for `https://api.openai.com/v1/...`), the default
/// rate-limit key; the whole URL when it has no recognisable host.
pub fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority
        .rsplit_once('@')
        .map(|(_, h)| h)
        .unwrap_or(authority);
    if host.is_empty() { url } else { host }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn burst_then_paced() {
        let rl = RateLimiter::new(2.0, 3);
        let waits: Vec<_> = (0..5).map(|_| rl.reserve("a", 1_000)).collect();
        assert_eq!(waits[..3], [Duration::ZERO; 3]);
        assert_eq!(waits[3], Duration::from_millis(500));
        assert_eq!(waits[4], Duration::from_millis(1000));
        // Another key has its own bucket.
        assert_eq!(rl.reserve("b", 1_000), Duration::ZERO);
        // After the debt is paid and a second more, one token is free again.
        assert_eq!(rl.reserve("a", 3_500), Duration::ZERO);
    }

    #[test]
    fn refill_is_capped_at_burst() {
        let rl = RateLimiter::new(10.0, 2);
        rl.reserve("a", 0);
        let waits: Vec<_> = (0..3).map(|_| rl.reserve("a", 1_000_000)).collect();
        assert_eq!(waits[..2], [Duration::ZERO; 2]);
        assert_eq!(waits[2], Duration::from_millis(100));
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("https://api.openai.com/v1/chat"), "api.openai.com");
        assert_eq!(host_of("http://u:p@127.0.0.1:8080?x"), "127.0.0.1:8080");
        assert_eq!(host_of("nonsense"), "nonsense");
    }

    #[test]
    fn key_count_is_bounded() {
        let rl = RateLimiter::new(1.0, 1);
        for i in 0..(MAX_KEYS + 10) {
            rl.reserve(&format!("h{i}"), i as u64);
        }
        assert!(rl.buckets.lock().map(|b| b.len()).unwrap_or(0) <= MAX_KEYS);
    }
}
