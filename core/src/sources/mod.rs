//! Job sources (RemoteOK, We Work Remotely, Greenhouse, Lever, pages with schema.org
//! `JobPosting` JSON-LD), the refresh that runs many of them, and dedupe.
//!
//! A [`JobSource`] knows one board's URL and payload; it speaks through an [`HttpClient`], so
//! timeouts, retries, backoff and rate limits come from the client the caller layers (see
//! [`crate::http`]), and a host can plug in its own. Payloads are turned into [`Job`]s by the
//! ingest code ([`crate::ingest::job`]), never re-parsed here. [`refresh`] runs many sources
//! at once, survives any of them failing, reports progress and returns the fetch logs as data;
//! [`dedupe`] is pure and merges the same job seen twice.

mod fetch;
mod greenhouse;
#[cfg(feature = "html")]
mod jsonld;
mod lever;
mod refresh;
mod remoteok;
mod rss;
mod spec;
mod wwr;

pub mod dedupe;

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::http::HttpClient;
use crate::ingest::Warning;
use crate::model::Job;
use crate::{Limits, Result};

pub use greenhouse::Greenhouse;
#[cfg(feature = "html")]
pub use jsonld::JsonLdPage;
pub use lever::Lever;
pub use refresh::{
    FetchError, FetchErrorKind, FetchLog, Known, Outcome, Progress, RefreshOptions, RefreshReport,
    SourcePlan, refresh,
};
pub use remoteok::RemoteOk;
pub use spec::{SourceSpec, parse_spec};
pub use wwr::WeWorkRemotely;

/// Who a job came from and how to credit them. RemoteOK's terms ask for its name and a followed
/// link back; every job a source returns carries this under `extra.attribution`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The board's name as it asks to be credited ("Remote OK").
    pub name: String,
    /// The board's home page.
    pub url: String,
    /// The board's terms for reuse, when it states any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<String>,
}

/// How a source fetches. The defaults are polite: an identifying User-Agent, a 30 s timeout
/// per request, and bounds on pages, bytes and jobs.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchOptions {
    /// Sent on every request; boards ask crawlers to say who they are.
    pub user_agent: String,
    /// Per request; the client enforces it.
    pub timeout: Duration,
    /// Most jobs kept from one source.
    pub max_jobs: usize,
    /// Most pages (requests) one paginated source makes.
    pub max_pages: usize,
    /// Largest response body read, in bytes.
    pub max_body_bytes: usize,
    /// Bounds for parsing each posting.
    pub limits: Limits,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            user_agent: format!(
                "career-copilot/{} (job aggregation for one person; +https://example.invalid/career-copilot)",
                env!("CARGO_PKG_VERSION")
            ),
            timeout: Duration::from_secs(30),
            max_jobs: 5_000,
            max_pages: 20,
            max_body_bytes: 20 * 1024 * 1024,
            limits: Limits::default(),
        }
    }
}

/// What one fetch brought back: the jobs, and findings such as postings that were skipped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fetched {
    pub jobs: Vec<Job>,
    pub warnings: Vec<Warning>,
    /// Requests made (pages, plus any lookups).
    pub requests: usize,
}

/// One job board. Implementations build URLs, read the payload through the ingest code, and
/// stamp each job with `source`, `source_id`, `id` (`source:source_id`) and attribution.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait JobSource: std::fmt::Debug + Send + Sync {
    /// A stable name for logs and specs: `remoteok`, `greenhouse:acme`, `lever:acme`.
    fn name(&self) -> String;
    /// How to credit the board.
    fn attribution(&self) -> Attribution;
    /// Fetches the board's current jobs. A failure of the whole fetch (no answer, an error
    /// status, a payload that is not what the board sends) is an `Err`; postings that cannot be
    /// read are skipped with a warning.
    async fn fetch(&self, http: &dyn HttpClient, opts: &FetchOptions) -> Result<Fetched>;
}

/// Stamps the fields every source sets: the stable id and the attribution.
pub(crate) fn stamp(job: &mut Job, source: &str, attribution: &Attribution) {
    job.source = Some(source.to_string());
    if job.source_id.is_none() {
        job.source_id = job.url.clone();
    }
    if let Some(sid) = &job.source_id {
        job.id = Some(format!("{source}:{sid}"));
    }
    job.extra.insert(
        "attribution".into(),
        serde_json::json!({ "name": attribution.name, "url": job.url.as_deref().unwrap_or(&attribution.url) }),
    );
}

/// Trims a base URL's trailing slash so paths can be appended.
pub(crate) fn base(url: &str) -> &str {
    url.trim_end_matches('/')
}

#[cfg(test)]
mod tests;
