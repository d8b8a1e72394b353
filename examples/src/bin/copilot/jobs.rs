//! `copilot jobs ...`: job aggregation. `fetch` runs sources and prints the deduped jobs as
//! JSONL (fetch logs on stderr); `search` searches jobs with BM25 and filters.
//!
//! Jobs come from and go to a [`Jobs`] backend: a JSONL file for now. The store-backed backend
//! (`--db FILE`) adds a variant there and nothing else changes.

use std::io::Write;
use std::path::{Path, PathBuf};

use career_copilot::Job;
use career_copilot::matching::{JobIndex, SearchFilters};

use crate::Failure;

#[derive(clap::Subcommand)]
pub(crate) enum JobsCommand {
    /// Fetch jobs from sources: remoteok, wwr[:CATEGORY], greenhouse:TOKEN, lever:SITE, jsonld:URL.
    /// Prints the deduped jobs as JSONL; progress and one JSON fetch log per source go to stderr.
    Fetch(FetchArgs),
    /// Search jobs (BM25 over title, company and description, with filters); prints the hits as
    /// JSONL, best first, each with its `score`.
    Search(SearchArgs),
}

#[derive(clap::Args)]
pub(crate) struct FetchArgs {
    /// One or more source specs.
    #[arg(required = true)]
    sources: Vec<String>,
    /// Send the board API requests here instead (a mirror, or a local test server).
    #[arg(long)]
    base_url: Option<String>,
    /// Jobs already held (JSONL), to count new, updated and unchanged jobs.
    #[arg(long)]
    jobs: Option<PathBuf>,
    /// Seconds per request.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// Most jobs kept per source.
    #[arg(long, default_value_t = 5_000)]
    max_jobs: usize,
    /// Requests per second per source.
    #[arg(long, default_value_t = 1.0)]
    rate: f64,
    /// Retries of a failed request (429, 5xx, timeouts), with backoff.
    #[arg(long, default_value_t = 3)]
    retries: u32,
}

#[derive(clap::Args)]
pub(crate) struct SearchArgs {
    /// Words to search for; empty lists every job that passes the filters.
    query: String,
    /// The jobs to search: a JSONL file of jobs (as `copilot jobs fetch` prints them).
    #[arg(long)]
    jobs: PathBuf,
    /// Only remote jobs.
    #[arg(long)]
    remote: bool,
    /// Location substring, any case.
    #[arg(long)]
    location: Option<String>,
    /// Minimum yearly salary.
    #[arg(long)]
    min_salary: Option<f64>,
    /// Most hits printed.
    #[arg(long, default_value_t = 20)]
    limit: usize,
}

/// Where jobs are read from. The store-backed variant slots in here.
pub(crate) enum Jobs {
    File(PathBuf),
}

impl Jobs {
    pub(crate) fn load(&self) -> Result<Vec<Job>, Failure> {
        match self {
            Jobs::File(path) => read_jsonl(path),
        }
    }
}

/// Jobs from JSONL: our `Job` serialization, one a line.
fn read_jsonl(path: &Path) -> Result<Vec<Job>, Failure> {
    let text = String::from_utf8(crate::read(path)?)
        .map_err(|_| Failure::Io(format!("{}: JSONL must be UTF-8", path.display())))?;
    let mut jobs = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let job = Job::from_json(line).map_err(|e| {
            Failure::Input(
                path.to_path_buf(),
                career_copilot::Error::invalid(format!("JSONL line {}", n + 1), e.to_string()),
            )
        })?;
        jobs.push(job);
    }
    Ok(jobs)
}

fn print_jsonl(rows: impl IntoIterator<Item = serde_json::Value>) -> Result<(), Failure> {
    let out = std::io::stdout();
    let mut out = out.lock();
    for row in rows {
        writeln!(out, "{row}").map_err(|e| Failure::Io(format!("writing JSONL: {e}")))?;
    }
    Ok(())
}

pub(crate) fn run(cmd: JobsCommand) -> Result<(), Failure> {
    match cmd {
        JobsCommand::Fetch(args) => fetch(args),
        JobsCommand::Search(args) => search(&Jobs::File(args.jobs.clone()), &args),
    }
}

fn search(from: &Jobs, args: &SearchArgs) -> Result<(), Failure> {
    let index =
        JobIndex::try_new(from.load()?).map_err(|e| Failure::Io(format!("indexing jobs: {e}")))?;
    let filters = SearchFilters {
        remote: args.remote.then_some(true),
        location: args.location.clone(),
        min_salary: args.min_salary,
        limit: Some(args.limit),
        ..SearchFilters::default()
    };
    let hits = index.search(&args.query, &filters);
    print_jsonl(hits.into_iter().map(|(i, score)| {
        let mut v = serde_json::to_value(&index.jobs()[i]).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.insert(
                "score".into(),
                serde_json::json!((score * 1000.0).round() / 1000.0),
            );
        }
        v
    }))
}

#[cfg(not(feature = "http"))]
fn fetch(_args: FetchArgs) -> Result<(), Failure> {
    Err(Failure::Io(
        "jobs fetch needs the `http` feature (reqwest); this build has none".into(),
    ))
}

#[cfg(feature = "http")]
fn fetch(args: FetchArgs) -> Result<(), Failure> {
    fetching::run(args)
}

#[cfg(feature = "http")]
mod fetching {
    use std::sync::Arc;
    use std::time::Duration;

    use career_copilot::sources::{
        FetchOptions, Known, Outcome, Progress, RefreshOptions, SourcePlan, parse_spec, refresh,
    };

    use super::{FetchArgs, Jobs, print_jsonl};
    use crate::Failure;

    pub(super) fn run(args: FetchArgs) -> Result<(), Failure> {
        let mut plans = Vec::new();
        for spec in &args.sources {
            let source = parse_spec(spec, args.base_url.as_deref())
                .map_err(|e| Failure::Io(format!("{spec}: {e}")))?
                .source;
            let client = super::client::for_source(&args, &source.name())?;
            plans.push(SourcePlan { source, client });
        }
        let known = match &args.jobs {
            Some(path) => Known::from_jobs(Jobs::File(path.clone()).load()?.iter()),
            None => Known::default(),
        };
        let opts = RefreshOptions {
            fetch: FetchOptions {
                timeout: Duration::from_secs(args.timeout.max(1)),
                max_jobs: args.max_jobs,
                ..FetchOptions::default()
            },
            clock: Some(Arc::new(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_millis() as i64)
                    .unwrap_or(0)
            })),
        };
        let progress = |p: Progress<'_>| match p {
            Progress::Started { source } => eprintln!("copilot: {source}: fetching"),
            Progress::Fetched {
                source,
                found,
                error: None,
            } => eprintln!("copilot: {source}: {found} jobs"),
            Progress::Fetched {
                source,
                error: Some(e),
                ..
            } => eprintln!("copilot: {source}: failed ({:?}): {}", e.kind, e.message),
            Progress::Done { kept, duplicates } => {
                eprintln!("copilot: {kept} jobs after dedupe ({duplicates} duplicates dropped)")
            }
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Failure::Io(format!("starting the async runtime: {e}")))?;
        let report = runtime.block_on(refresh(&plans, &known, &opts, &progress));
        for log in &report.logs {
            eprintln!(
                "{}",
                serde_json::to_string(log).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
            );
        }
        print_jsonl(
            report
                .jobs
                .iter()
                .map(|j| serde_json::to_value(j).unwrap_or_default()),
        )?;
        if report.logs.iter().all(|l| l.outcome == Outcome::Failed) {
            return Err(Failure::Io(format!(
                "every source failed ({})",
                report
                    .logs
                    .iter()
                    .filter_map(|l| l
                        .errors
                        .first()
                        .map(|e| format!("{}: {}", l.source, e.message)))
                    .collect::<Vec<_>>()
                    .join("; ")
            )));
        }
        Ok(())
    }
}

/// The HTTP stack for one source: the reqwest client under the retry and rate-limit layer, one
/// rate bucket per source.
#[cfg(feature = "http")]
mod client {
    use std::sync::Arc;
    use std::time::Duration;

    use career_copilot::http::{
        HttpClient, RateLimiter, ReqwestClient, RetryPolicy, Retrying, TokioClock,
    };

    use super::FetchArgs;
    use crate::Failure;

    pub(super) fn for_source(
        args: &FetchArgs,
        source: &str,
    ) -> Result<Arc<dyn HttpClient>, Failure> {
        let inner = ReqwestClient::new().map_err(|e| Failure::Io(format!("HTTP client: {e}")))?;
        let rate = if args.rate.is_finite() && args.rate > 0.0 {
            args.rate
        } else {
            1.0
        };
        let limiter = Arc::new(RateLimiter::new(rate, 1));
        let policy = RetryPolicy {
            max_attempts: args.retries.saturating_add(1),
            max_total_wait: Duration::from_secs(args.timeout.max(1) * 2),
            ..RetryPolicy::default()
        };
        Ok(Arc::new(
            Retrying::new(inner, Arc::new(TokioClock))
                .with_policy(policy)
                .with_rate_limit_key(limiter, source.to_string()),
        ))
    }
}
