//! Time as a provider: the retry layer, the rate limiter and the generation cache ask a [`Clock`]
//! for "now" and for sleeping, so the core reads no clock itself, tests never wait, and a wasm
//! host can supply timers of its own.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Wall-clock time and sleeping.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait Clock: std::fmt::Debug + Send + Sync {
    /// Milliseconds since the Unix epoch. Used for `Retry-After` dates, token buckets and TTLs.
    fn now_ms(&self) -> u64;
    /// Waits `duration`. Dropping the future stops the wait.
    async fn sleep(&self, duration: Duration);
}

/// A clock that never waits: `sleep` moves its time forward at once and records the wait.
/// For tests, and for hosts that want retries without delays.
#[derive(Debug, Default)]
pub struct ManualClock {
    now: AtomicU64,
    slept: Mutex<Vec<Duration>>,
}

impl ManualClock {
    /// A clock starting at `now_ms` (milliseconds since the Unix epoch).
    pub fn new(now_ms: u64) -> Self {
        ManualClock {
            now: AtomicU64::new(now_ms),
            slept: Mutex::new(Vec::new()),
        }
    }

    /// Moves time forward without sleeping.
    pub fn advance(&self, by: Duration) {
        self.now.fetch_add(by.as_millis() as u64, Ordering::SeqCst);
    }

    /// Every wait asked for so far, in order.
    pub fn sleeps(&self) -> Vec<Duration> {
        self.slept.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// The sum of all waits.
    pub fn total_slept(&self) -> Duration {
        self.sleeps().iter().sum()
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl Clock for ManualClock {
    fn now_ms(&self) -> u64 {
        self.now.load(Ordering::SeqCst)
    }

    async fn sleep(&self, duration: Duration) {
        if let Ok(mut s) = self.slept.lock() {
            s.push(duration);
        }
        self.advance(duration);
    }
}

/// The system clock with tokio timers (needs a tokio runtime with the time driver).
#[cfg(feature = "http")]
#[derive(Debug, Default, Clone, Copy)]
pub struct TokioClock;

#[cfg(feature = "http")]
#[async_trait::async_trait]
impl Clock for TokioClock {
    fn now_ms(&self) -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(0)
    }

    async fn sleep(&self, duration: Duration) {
        tokio::time::sleep(duration).await;
    }
}
