//! `matching`: ranking and search over a [`JobIndex`], and market insights.

use std::sync::Arc;

use career_copilot::matching::{self, MatchWeights as CoreWeights};
use career_copilot::model::Seniority as CoreSeniority;

use crate::CopilotError;
use crate::convert;

/// Weights of the fit factors. Start from [`default_match_weights`].
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MatchWeights {
    pub skills: f64,
    pub title: f64,
    pub seniority: f64,
    pub location: f64,
    pub salary: f64,
    pub recency: f64,
    pub text: f64,
    /// Embedding similarity; applies only to an index built with an embedder.
    #[uniffi(default = 20.0)]
    pub semantic: f64,
}

/// What the person wants, beyond what their profile shows; every field may be left out.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MatchPrefs {
    /// `true`: remote is best; `false`: on site is fine; `null`: no preference.
    #[uniffi(default)]
    pub remote: Option<bool>,
    /// Places the person would work in.
    #[uniffi(default)]
    pub locations: Vec<String>,
    /// Lowest acceptable annual salary, in `currency`.
    #[uniffi(default)]
    pub min_salary: Option<f64>,
    #[uniffi(default)]
    pub currency: Option<String>,
    /// "Today" (`YYYY-MM`), for recency.
    #[uniffi(default)]
    pub as_of: Option<String>,
    /// The engine's defaults when absent.
    #[uniffi(default)]
    pub weights: Option<MatchWeights>,
    /// Jobs scoring below this (0–100) are left out.
    #[uniffi(default = 0.0)]
    pub threshold: f64,
}

/// Factor values (0 to 1) of one job's fit; `null` factors did not apply.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MatchFactors {
    pub skills: Option<f64>,
    pub title: Option<f64>,
    pub seniority: Option<f64>,
    pub location: Option<f64>,
    pub salary: Option<f64>,
    pub recency: Option<f64>,
    pub text: Option<f64>,
    pub semantic: Option<f64>,
}

/// A ranked job.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RankedJob {
    /// Position of the job in the index.
    pub index: u64,
    pub id: Option<String>,
    /// 0 to 100.
    pub score: f64,
    pub factors: MatchFactors,
}

/// A job's seniority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Seniority {
    Intern,
    Junior,
    Mid,
    Senior,
    Lead,
    Principal,
    Manager,
    Director,
    Executive,
}

/// Filters for [`JobIndex::search`]; every field may be left out.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SearchFilters {
    #[uniffi(default)]
    pub remote: Option<bool>,
    /// Substring of a job location, any case.
    #[uniffi(default)]
    pub location: Option<String>,
    /// Jobs whose stated annual salary reaches this.
    #[uniffi(default)]
    pub min_salary: Option<f64>,
    #[uniffi(default)]
    pub seniority: Option<Seniority>,
    /// Posted on or after this date (`YYYY-MM`).
    #[uniffi(default)]
    pub posted_since: Option<String>,
    #[uniffi(default)]
    pub limit: Option<u32>,
}

/// A search hit.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SearchHit {
    pub index: u64,
    pub id: Option<String>,
    /// BM25 score (0 for an empty query).
    pub score: f64,
}

/// Jobs with precomputed features, ranked and searched many times; immutable and safe to
/// share across threads.
#[derive(Debug, uniffi::Object)]
pub struct JobIndex {
    inner: Arc<matching::JobIndex>,
}

#[uniffi::export]
impl JobIndex {
    /// Indexes jobs given as JSON text (as `ParsedJob.jobJson` holds them).
    #[uniffi::constructor]
    pub fn new(jobs_json: Vec<String>) -> Result<Arc<Self>, CopilotError> {
        let jobs = jobs_json
            .iter()
            .map(|j| convert::job(j))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Arc::new(JobIndex {
            inner: Arc::new(matching::JobIndex::try_new(jobs)?),
        }))
    }

    /// Number of indexed jobs.
    pub fn len(&self) -> u64 {
        self.inner.len() as u64
    }

    /// Whether no job is indexed.
    pub fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// Approximate bytes of the ranking features per job.
    pub fn feature_bytes_per_job(&self) -> u64 {
        self.inner.feature_bytes_per_job() as u64
    }

    /// The job at `index` as JSON text, or `null`.
    pub fn job_json(&self, index: u64) -> Result<Option<String>, CopilotError> {
        self.inner
            .jobs()
            .get(convert::size(index))
            .map(convert::json)
            .transpose()
    }

    /// The best `top` jobs (all when `null`) for a profile (JSON Resume text), best first.
    /// `text` is the resume's full text, as further evidence.
    #[uniffi::method(default(prefs = None, top = None, text = None))]
    pub fn rank(
        &self,
        profile_json: String,
        prefs: Option<MatchPrefs>,
        top: Option<u32>,
        text: Option<String>,
    ) -> Result<Vec<RankedJob>, CopilotError> {
        let profile = convert::profile("profile", &profile_json)?;
        let prefs = match prefs {
            None => matching::MatchPrefs::default(),
            Some(p) => prefs_in(p)?,
        };
        let top = top.map_or(usize::MAX, |n| convert::size(n.into()));
        Ok(self
            .inner
            .rank_with_text(&profile, text.as_deref(), &prefs, top)
            .into_iter()
            .map(|r| RankedJob {
                index: r.index as u64,
                id: r.id,
                score: r.score,
                factors: MatchFactors {
                    skills: r.factors.skills,
                    title: r.factors.title,
                    seniority: r.factors.seniority,
                    location: r.factors.location,
                    salary: r.factors.salary,
                    recency: r.factors.recency,
                    text: r.factors.text,
                    semantic: r.factors.semantic,
                },
            })
            .collect())
    }

    /// [`rank`](Self::rank) as a Kotlin `suspend` / Swift `async` function: the work runs on a
    /// tokio blocking thread (uniffi's tokio integration), so the caller's thread, the Android
    /// main thread included, is never blocked.
    #[uniffi::method(async_runtime = "tokio", default(prefs = None, top = None, text = None))]
    pub async fn rank_async(
        self: Arc<Self>,
        profile_json: String,
        prefs: Option<MatchPrefs>,
        top: Option<u32>,
        text: Option<String>,
    ) -> Result<Vec<RankedJob>, CopilotError> {
        tokio::task::spawn_blocking(move || self.rank(profile_json, prefs, top, text))
            .await
            .map_err(|e| CopilotError::Other(format!("the ranking task failed: {e}")))?
    }

    /// BM25 search with filters, best first. An empty query lists the jobs that pass the
    /// filters, in index order.
    #[uniffi::method(default(filters = None))]
    pub fn search(
        &self,
        query: String,
        filters: Option<SearchFilters>,
    ) -> Result<Vec<SearchHit>, CopilotError> {
        let filters = match filters {
            None => matching::SearchFilters::default(),
            Some(SearchFilters {
                remote,
                location,
                min_salary,
                seniority,
                posted_since,
                limit,
            }) => matching::SearchFilters {
                remote,
                location,
                min_salary,
                seniority: seniority.map(seniority_in),
                posted_since: convert::date("posted_since", posted_since.as_deref())?,
                limit: limit.map(|n| convert::size(n.into())),
            },
        };
        Ok(self
            .inner
            .search(&query, &filters)
            .into_iter()
            .map(|(index, score)| SearchHit {
                index: index as u64,
                id: self.inner.jobs()[index].id.clone(),
                score,
            })
            .collect())
    }
}

/// The engine's default match weights.
#[uniffi::export]
pub fn default_match_weights() -> MatchWeights {
    let CoreWeights {
        skills,
        title,
        seniority,
        location,
        salary,
        recency,
        text,
        semantic,
    } = CoreWeights::default();
    MatchWeights {
        skills,
        title,
        seniority,
        location,
        salary,
        recency,
        text,
        semantic,
    }
}

fn prefs_in(p: MatchPrefs) -> Result<matching::MatchPrefs, CopilotError> {
    let MatchPrefs {
        remote,
        locations,
        min_salary,
        currency,
        as_of,
        weights,
        threshold,
    } = p;
    Ok(matching::MatchPrefs {
        remote,
        locations,
        min_salary,
        currency,
        as_of: convert::date("as_of", as_of.as_deref())?,
        weights: weights
            .map(|w| {
                let MatchWeights {
                    skills,
                    title,
                    seniority,
                    location,
                    salary,
                    recency,
                    text,
                    semantic,
                } = w;
                CoreWeights {
                    skills,
                    title,
                    seniority,
                    location,
                    salary,
                    recency,
                    text,
                    semantic,
                }
            })
            .unwrap_or_default(),
        threshold,
    })
}

fn seniority_in(s: Seniority) -> CoreSeniority {
    match s {
        Seniority::Intern => CoreSeniority::Intern,
        Seniority::Junior => CoreSeniority::Junior,
        Seniority::Mid => CoreSeniority::Mid,
        Seniority::Senior => CoreSeniority::Senior,
        Seniority::Lead => CoreSeniority::Lead,
        Seniority::Principal => CoreSeniority::Principal,
        Seniority::Manager => CoreSeniority::Manager,
        Seniority::Director => CoreSeniority::Director,
        Seniority::Executive => CoreSeniority::Executive,
    }
}

/// Demand for one skill across the jobs.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SkillDemand {
    pub skill: String,
    pub jobs: u64,
    /// Share of all jobs, 0 to 1.
    pub share: f64,
    pub required: u64,
    pub median_salary_with: Option<f64>,
    pub median_salary_without: Option<f64>,
    /// The profile shows it.
    pub have: bool,
}

/// A missing skill and how many jobs it alone stands between the person and full coverage.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SkillGap {
    pub skill: String,
    pub jobs_opened: u64,
    pub jobs_asking: u64,
}

/// Two skills named together by `jobs` jobs.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SkillPair {
    pub first: String,
    pub second: String,
    pub jobs: u64,
}

/// Jobs with the same normalised title.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TitleCluster {
    pub key: String,
    pub jobs: u64,
    pub examples: Vec<String>,
}

/// Market insights over a set of jobs.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MarketInsights {
    pub jobs: u64,
    pub demand: Vec<SkillDemand>,
    pub cooccurrence: Vec<SkillPair>,
    /// Empty without a profile.
    pub gaps: Vec<SkillGap>,
    pub title_clusters: Vec<TitleCluster>,
}

/// Insights over jobs (JSON text each), with gaps for a profile when given; lists hold at most
/// `top` entries.
#[uniffi::export(default(profile_json = None, top = 20))]
pub fn insights(
    jobs_json: Vec<String>,
    profile_json: Option<String>,
    top: u32,
) -> Result<MarketInsights, CopilotError> {
    let jobs = jobs_json
        .iter()
        .map(|j| convert::job(j))
        .collect::<Result<Vec<_>, _>>()?;
    let profile = profile_json
        .map(|p| convert::profile("profile", &p))
        .transpose()?;
    let matching::Insights {
        jobs,
        demand,
        cooccurrence,
        gaps,
        title_clusters,
    } = matching::insights(profile.as_ref(), &jobs, convert::size(top.into()));
    Ok(MarketInsights {
        jobs: jobs as u64,
        demand: demand
            .into_iter()
            .map(|d| SkillDemand {
                skill: d.skill,
                jobs: d.jobs as u64,
                share: d.share,
                required: d.required as u64,
                median_salary_with: d.median_salary_with,
                median_salary_without: d.median_salary_without,
                have: d.have,
            })
            .collect(),
        cooccurrence: cooccurrence
            .into_iter()
            .map(|(first, second, jobs)| SkillPair {
                first,
                second,
                jobs: jobs as u64,
            })
            .collect(),
        gaps: gaps
            .into_iter()
            .map(|g| SkillGap {
                skill: g.skill,
                jobs_opened: g.jobs_opened as u64,
                jobs_asking: g.jobs_asking as u64,
            })
            .collect(),
        title_clusters: title_clusters
            .into_iter()
            .map(|c| TitleCluster {
                key: c.key,
                jobs: c.jobs as u64,
                examples: c.examples,
            })
            .collect(),
    })
}
