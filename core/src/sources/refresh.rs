//! A refresh: many sources fetched at once, one failing without failing the others, progress
//! reported as it happens, and one [`FetchLog`] per source (started, finished, found, new,
//! updated, unchanged, duplicates, errors) returned as data.
//!
//! The refresh spawns nothing and reads no clock: the sources run as concurrent futures on the
//! caller's executor, and timestamps come from the caller's clock when it gives one.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::dedupe::{self, Groups, JobKey, content_hash, job_key};
use super::{Attribution, FetchOptions, Fetched, JobSource};
use crate::Error;
use crate::http::HttpClient;
use crate::ingest::Warning;
use crate::model::Job;

/// One source and the client it fetches through. Give each source its own rate-limited client
/// (see [`crate::http`]) so one board's limit never slows another.
#[derive(Debug, Clone)]
pub struct SourcePlan {
    pub source: Arc<dyn JobSource>,
    pub client: Arc<dyn HttpClient>,
}

/// Milliseconds since the Unix epoch, from the host.
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

/// How a refresh runs.
#[derive(Clone, Default)]
pub struct RefreshOptions {
    pub fetch: FetchOptions,
    /// Stamps `started_ms` and `finished_ms` in the logs; without it they stay empty.
    pub clock: Option<Clock>,
}

impl std::fmt::Debug for RefreshOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RefreshOptions")
            .field("fetch", &self.fetch)
            .field("clock", &self.clock.is_some())
            .finish()
    }
}

/// What the caller already holds (from its store): each job's key and [`content_hash`], so the
/// refresh can tell new, updated and unchanged jobs apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Known {
    hashes: HashMap<JobKey, u64>,
}

impl Known {
    /// From the jobs the caller holds.
    pub fn from_jobs<'a>(jobs: impl IntoIterator<Item = &'a Job>) -> Self {
        let mut k = Known::default();
        for job in jobs {
            if let Some(key) = job_key(job) {
                k.hashes.insert(key, content_hash(job));
            }
        }
        k
    }

    /// Records one key with its content hash.
    pub fn insert(&mut self, key: JobKey, hash: u64) {
        self.hashes.insert(key, hash);
    }

    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

/// What kind of failure ended a fetch; each maps from one [`Error`] variant (and status).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FetchErrorKind {
    /// No answer: connection refused or dropped, DNS, TLS.
    Unreachable,
    /// No answer in time.
    Timeout,
    /// 429 (still, after the client's retries).
    RateLimited,
    /// Another non-2xx status.
    Status,
    /// A cut-off or damaged payload.
    Malformed,
    /// Another kind of document than the board sends (an HTML error page for JSON).
    UnexpectedContent,
    /// Over a size limit.
    TooLarge,
    /// The page carries no job posting.
    NotFound,
    /// The source is misconfigured (a bad token or URL).
    Invalid,
    Other,
}

/// One failure, typed, with the error's message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchError {
    pub kind: FetchErrorKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// [`Error::code`].
    pub code: String,
    pub message: String,
}

impl From<&Error> for FetchError {
    fn from(e: &Error) -> Self {
        let (kind, status) = match e {
            Error::Http {
                status: Some(429), ..
            } => (FetchErrorKind::RateLimited, Some(429)),
            Error::Http {
                status: Some(s), ..
            } => (FetchErrorKind::Status, Some(*s)),
            Error::Http { status: None, .. } => (FetchErrorKind::Unreachable, None),
            Error::Timeout { .. } => (FetchErrorKind::Timeout, None),
            Error::Corrupt { .. } => (FetchErrorKind::Malformed, None),
            Error::UnsupportedFormat(_) => (FetchErrorKind::UnexpectedContent, None),
            Error::LimitExceeded { .. } => (FetchErrorKind::TooLarge, None),
            Error::NotFound(_) => (FetchErrorKind::NotFound, None),
            Error::InvalidInput { .. } => (FetchErrorKind::Invalid, None),
            _ => (FetchErrorKind::Other, None),
        };
        FetchError {
            kind,
            status,
            code: e.code().into(),
            message: e.to_string(),
        }
    }
}

/// How a source's fetch ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Ok,
    /// Fetched, with postings skipped or a limit reached (see the warnings).
    Partial,
    Failed,
}

/// The log of one source in one refresh.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchLog {
    pub source: String,
    pub attribution: Attribution,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_ms: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_ms: Option<i64>,
    pub outcome: Outcome,
    pub requests: usize,
    /// Jobs the source listed.
    pub found: usize,
    /// Kept jobs the caller did not hold.
    pub new: usize,
    /// Kept jobs the caller held with other content.
    pub updated: usize,
    pub unchanged: usize,
    /// Jobs dropped as copies (of this or another source's job).
    pub duplicates: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FetchError>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

/// Progress, reported while the refresh runs.
#[derive(Debug, Clone, Copy)]
pub enum Progress<'a> {
    /// A source started fetching.
    Started { source: &'a str },
    /// A source finished: how many jobs it listed, or its error.
    Fetched {
        source: &'a str,
        found: usize,
        error: Option<&'a FetchError>,
    },
    /// Every source is done and dedupe ran.
    Done { kept: usize, duplicates: usize },
}

/// The result of a refresh: the deduped jobs (the employer's own board kept over aggregators;
/// `extra.also_at` lists the other copies) and a log per source, in plan order.
#[derive(Debug, Clone, Default)]
pub struct RefreshReport {
    pub jobs: Vec<Job>,
    pub logs: Vec<FetchLog>,
    /// Which fetched job was a copy of which, over all sources' jobs in plan order.
    pub groups: Groups,
}

impl RefreshReport {
    /// True when at least one source failed.
    pub fn any_failed(&self) -> bool {
        self.logs.iter().any(|l| l.outcome == Outcome::Failed)
    }
}

/// Fetches every source concurrently and dedupes what they found. Never fails as a whole: a
/// source that fails shows up as a `Failed` log with a typed error.
pub async fn refresh(
    plans: &[SourcePlan],
    known: &Known,
    opts: &RefreshOptions,
    progress: &(dyn Fn(Progress<'_>) + Send + Sync),
) -> RefreshReport {
    let now = || opts.clock.as_ref().map(|c| c());
    let runs = plans.iter().map(|plan| async move {
        let name = plan.source.name();
        progress(Progress::Started { source: &name });
        let started_ms = now();
        let result = plan.source.fetch(plan.client.as_ref(), &opts.fetch).await;
        let finished_ms = now();
        let mut log = FetchLog {
            source: name.clone(),
            attribution: plan.source.attribution(),
            started_ms,
            finished_ms,
            outcome: Outcome::Ok,
            requests: 0,
            found: 0,
            new: 0,
            updated: 0,
            unchanged: 0,
            duplicates: 0,
            errors: Vec::new(),
            warnings: Vec::new(),
        };
        let jobs = match result {
            Ok(Fetched {
                jobs,
                warnings,
                requests,
            }) => {
                log.found = jobs.len();
                log.requests = requests;
                if warnings.iter().any(|w| w.code != "terms") {
                    log.outcome = Outcome::Partial;
                }
                log.warnings = warnings;
                jobs
            }
            Err(e) => {
                log.outcome = Outcome::Failed;
                log.errors.push(FetchError::from(&e));
                Vec::new()
            }
        };
        progress(Progress::Fetched {
            source: &name,
            found: log.found,
            error: log.errors.first(),
        });
        (log, jobs)
    });
    let results = futures::future::join_all(runs).await;
    let mut logs = Vec::with_capacity(results.len());
    let mut all = Vec::new();
    let mut owner = Vec::new();
    for (i, (log, jobs)) in results.into_iter().enumerate() {
        owner.extend(std::iter::repeat_n(i, jobs.len()));
        all.extend(jobs);
        logs.push(log);
    }
    let hashes: Vec<(Option<JobKey>, u64)> =
        all.iter().map(|j| (job_key(j), content_hash(j))).collect();
    let (jobs, groups) = dedupe::merge(all);
    for d in &groups.duplicates {
        logs[owner[d.index]].duplicates += 1;
    }
    for &i in &groups.kept {
        let log = &mut logs[owner[i]];
        match &hashes[i] {
            (Some(key), hash) => match known.hashes.get(key) {
                None => log.new += 1,
                Some(h) if h != hash => log.updated += 1,
                Some(_) => log.unchanged += 1,
            },
            (None, _) => log.new += 1,
        }
    }
    progress(Progress::Done {
        kept: jobs.len(),
        duplicates: groups.duplicates.len(),
    });
    RefreshReport { jobs, logs, groups }
}
