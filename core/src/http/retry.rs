//! Retries over any [`HttpClient`]: exponential backoff with jitter on 429, 5xx and transport
//! failures, `Retry-After` honoured, attempts and total waiting bounded, an optional rate limiter
//! and cancellation. Waiting goes through a [`Clock`], so tests never sleep.
//!
//! Every method is retried, POST included: LLM APIs are retried this way by their own SDKs,
//! and a duplicate chat completion costs tokens, not correctness.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use futures::future::{Either, select};

use super::{CancelToken, Clock, HttpClient, RateLimiter, Request, Response, rate_limit::host_of};
use crate::{Error, Result};

/// When and how long to retry.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (at least 1).
    pub max_attempts: u32,
    /// The first backoff; each later one doubles.
    pub base_delay: Duration,
    /// The cap on one backoff (a longer `Retry-After` is still honoured within the budget).
    pub max_delay: Duration,
    /// The cap on all waiting for one request; a wait that would pass it ends the retries.
    pub max_total_wait: Duration,
    /// Fraction of each backoff taken off at random (0 to 1), so clients spread out.
    pub jitter: f64,
    /// Statuses worth another try.
    pub retry_statuses: Vec<u16>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(20),
            max_total_wait: Duration::from_secs(60),
            jitter: 0.5,
            retry_statuses: vec![408, 425, 429, 500, 502, 503, 504, 529],
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..Self::default()
        }
    }

    pub fn is_retryable(&self, status: u16) -> bool {
        self.retry_statuses.contains(&status)
    }

    /// The backoff before attempt `attempts + 1`, after `attempts` failures, with `unit` in
    /// [0, 1) drawn at random for the jitter.
    pub fn backoff(&self, attempts: u32, unit: f64) -> Duration {
        let exp = attempts.saturating_sub(1).min(30);
        let raw = self
            .base_delay
            .saturating_mul(1u32 << exp)
            .min(self.max_delay);
        let jitter = self.jitter.clamp(0.0, 1.0) * unit.clamp(0.0, 1.0);
        raw.mul_f64(1.0 - jitter)
    }

    /// The wait before the next attempt, or `Err(reason)` to give up: attempts used up, or the
    /// wait would pass the total budget. `retry_after` is the server's own request.
    pub fn next_wait(
        &self,
        attempts: u32,
        retry_after: Option<Duration>,
        waited: Duration,
        unit: f64,
    ) -> std::result::Result<Duration, String> {
        if attempts >= self.max_attempts.max(1) {
            return Err(format!("gave up after {attempts} attempt(s)"));
        }
        let wait = match retry_after {
            Some(server) => server,
            None => self.backoff(attempts, unit),
        };
        if waited + wait > self.max_total_wait {
            return Err(format!(
                "gave up after {attempts} attempt(s): the next wait of {} ms would pass the retry budget of {} ms",
                wait.as_millis(),
                self.max_total_wait.as_millis()
            ));
        }
        Ok(wait)
    }
}

/// An [`HttpClient`] that retries, rate-limits and can be cancelled, over any other client.
///
/// A final answer with a non-retryable status (400, 401, 404, ...) comes back as `Ok` for the
/// caller to read. When retries run out on a retryable status the result is
/// [`Error::Http`] with the URL, the last status, the number of attempts and the start of the
/// body; on transport failures [`Error::Http`] with no status, or [`Error::Timeout`].
#[derive(Debug)]
pub struct Retrying<C> {
    inner: C,
    policy: RetryPolicy,
    clock: Arc<dyn Clock>,
    limiter: Option<(Arc<RateLimiter>, Option<String>)>,
    cancel: Option<CancelToken>,
    rng: AtomicU64,
}

impl<C: HttpClient> Retrying<C> {
    /// Wraps `inner` with the default policy, sleeping on `clock`.
    pub fn new(inner: C, clock: Arc<dyn Clock>) -> Self {
        let seed = clock.now_ms() ^ 0x9E37_79B9_7F4A_7C15;
        Retrying {
            inner,
            policy: RetryPolicy::default(),
            clock,
            limiter: None,
            cancel: None,
            rng: AtomicU64::new(seed),
        }
    }

    pub fn with_policy(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Rate-limits every attempt, one bucket per host.
    pub fn with_rate_limit(mut self, limiter: Arc<RateLimiter>) -> Self {
        self.limiter = Some((limiter, None));
        self
    }

    /// Rate-limits every attempt under one key (a job source, an API account).
    pub fn with_rate_limit_key(
        mut self,
        limiter: Arc<RateLimiter>,
        key: impl Into<String>,
    ) -> Self {
        self.limiter = Some((limiter, Some(key.into())));
        self
    }

    /// Ends requests with [`Error::Cancelled`] once `token` is cancelled.
    pub fn with_cancel(mut self, token: CancelToken) -> Self {
        self.cancel = Some(token);
        self
    }

    pub fn inner(&self) -> &C {
        &self.inner
    }

    pub fn policy(&self) -> &RetryPolicy {
        &self.policy
    }

    /// A number in [0, 1) from a splitmix64 stream; jitter needs no cryptographic randomness.
    fn unit(&self) -> f64 {
        let mut z = self
            .rng
            .fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed)
            .wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }

    async fn cancellable<T>(
        &self,
        url: &str,
        fut: impl std::future::Future<Output = T> + Unpin,
    ) -> Result<T> {
        match &self.cancel {
            None => Ok(fut.await),
            Some(token) => {
                if token.is_cancelled() {
                    return Err(Error::Cancelled(format!("request to {url}")));
                }
                match select(fut, token.cancelled()).await {
                    Either::Left((v, _)) => Ok(v),
                    Either::Right(_) => Err(Error::Cancelled(format!("request to {url}"))),
                }
            }
        }
    }

    async fn wait(&self, url: &str, duration: Duration) -> Result<()> {
        if duration.is_zero() {
            return Ok(());
        }
        self.cancellable(url, self.clock.sleep(duration)).await
    }

    async fn send_with_retry(&self, request: Request) -> Result<Response> {
        let url = request.url.clone();
        let mut waited = Duration::ZERO;
        let mut attempts = 0u32;
        loop {
            if let Some((limiter, key)) = &self.limiter {
                let key = key.as_deref().unwrap_or_else(|| host_of(&url));
                let wait = limiter.reserve(key, self.clock.now_ms());
                self.wait(&url, wait).await?;
            }
            attempts += 1;
            let outcome = self
                .cancellable(&url, self.inner.send(request.clone()))
                .await?;
            let retry_after = match &outcome {
                Ok(resp) if self.policy.is_retryable(resp.status) => {
                    super::retry_after::retry_after(resp, self.clock.now_ms())
                }
                Ok(_) => return outcome,
                Err(Error::Http { status: None, .. } | Error::Timeout { .. }) => None,
                Err(_) => return outcome,
            };
            match self
                .policy
                .next_wait(attempts, retry_after, waited, self.unit())
            {
                Ok(wait) => {
                    self.wait(&url, wait).await?;
                    waited += wait;
                }
                Err(why) => return Err(give_up(&url, outcome, &why)),
            }
        }
    }
}

/// The typed error once retries are over, naming the URL, status and attempts.
fn give_up(url: &str, outcome: Result<Response>, why: &str) -> Error {
    match outcome {
        Ok(resp) => {
            let body = String::from_utf8_lossy(&resp.body);
            let snippet: String = body.chars().take(200).collect();
            Error::Http {
                url: url.to_string(),
                status: Some(resp.status),
                reason: format!("{why}; last body: {}", snippet.trim()),
            }
        }
        Err(Error::Http { reason, .. }) => Error::Http {
            url: url.to_string(),
            status: None,
            reason: format!("{why}; last error: {reason}"),
        },
        Err(Error::Timeout { after_ms, .. }) => Error::Timeout {
            what: format!("HTTP request to {url} ({why})"),
            after_ms,
        },
        Err(other) => other,
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl<C: HttpClient> HttpClient for Retrying<C> {
    async fn send(&self, request: Request) -> Result<Response> {
        self.send_with_retry(request).await
    }
}
