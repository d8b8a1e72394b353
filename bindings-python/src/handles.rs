//! `career_copilot.Profile` and `Job`: values kept on the Rust side.
//!
//! Converting a profile dict costs more than scoring it, so a caller that scores one profile
//! against many jobs converts it once into a [`PyProfile`], which also keeps the core's
//! [`PreparedProfile`] (the job-independent half of scoring). Scores come back as a
//! [`PyReport`], converted one item at a time, so `profile.score(job)["score"]` costs about
//! what `score_prepared` does in Rust. Every function that takes a profile or a job takes
//! either form ([`ProfileArg`](crate::args::ProfileArg), [`JobArg`](crate::args::JobArg)).

use std::sync::Arc;

use career_copilot::ats::{PreparedProfile, ScoreConfig, score_prepared};
use career_copilot::{Job, Profile};
use pyo3::prelude::*;

use crate::args::{JobArg, layout_arg, score_config};
use crate::convert::{from_py, options, to_py};
use crate::report::PyReport;

/// Items of work between two progress callbacks: small enough for a smooth progress bar, large
/// enough that the callback and the GIL round trip cost little next to the work.
pub(crate) const PROGRESS_CHUNK: usize = 64;

self_cell::self_cell!(
    /// A profile and its prepared form, which borrows it.
    pub(crate) struct Prepared {
        owner: Profile,
        #[covariant]
        dependent: PreparedProfile,
    }
);

impl Prepared {
    pub(crate) fn profile(&self) -> &Profile {
        self.borrow_owner()
    }
}

/// A profile converted once and prepared for scoring; immutable, shared across threads.
#[pyclass(frozen, name = "Profile", module = "career_copilot._native")]
pub(crate) struct PyProfile {
    pub(crate) inner: Arc<Prepared>,
}

/// A job converted once; immutable, shared across threads.
#[pyclass(frozen, name = "Job", module = "career_copilot._native")]
pub(crate) struct PyJob {
    pub(crate) inner: Arc<Job>,
}

impl PyProfile {
    pub(crate) fn prepare(py: Python<'_>, profile: Profile) -> Self {
        let prepared = py.detach(|| Prepared::new(profile, |p| PreparedProfile::new(p)));
        PyProfile {
            inner: Arc::new(prepared),
        }
    }
}

#[pymethods]
impl PyProfile {
    /// Converts a JSON Resume dict (an `InvalidInputError` when it is not one).
    #[new]
    fn new(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Self::prepare(py, from_py(py, "profile", data)?))
    }

    /// The same as `Profile(data)`.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Self::new(py, data)
    }

    /// The profile as a new JSON Resume dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.inner.profile())
    }

    /// Scores this profile against `job` (a `Job` or a job dict): a `Report`. The keywords are
    /// those of `career_copilot.score`; the GIL is released while scoring.
    #[pyo3(signature = (job, *, as_of = None, weights = None, related_credit = None, layout = None))]
    fn score(
        &self,
        py: Python<'_>,
        job: &Bound<'_, PyAny>,
        as_of: Option<&Bound<'_, PyAny>>,
        weights: Option<&Bound<'_, PyAny>>,
        related_credit: Option<f64>,
        layout: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyReport> {
        let config = score_config(py, as_of, weights, related_credit)?;
        let layout = layout_arg(py, layout)?;
        let job = JobArg::new(py, job)?;
        let job = job.job();
        let report = py.detach(|| {
            self.inner.with_dependent(|_, prepared| {
                score_prepared(prepared, job, layout.as_ref(), &config)
            })
        });
        Ok(PyReport::new(report))
    }

    /// Scores this profile against each of `jobs` (`Job`s or job dicts), in order: a list of
    /// `Report`s, computed with the GIL released. `progress(done, total)` is called after
    /// each chunk of jobs; an exception it raises stops the work and propagates.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (jobs, *, as_of = None, weights = None, related_credit = None, layout = None, progress = None))]
    fn score_many(
        &self,
        py: Python<'_>,
        jobs: &Bound<'_, PyAny>,
        as_of: Option<&Bound<'_, PyAny>>,
        weights: Option<&Bound<'_, PyAny>>,
        related_credit: Option<f64>,
        layout: Option<&Bound<'_, PyAny>>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyReport>> {
        let config = score_config(py, as_of, weights, related_credit)?;
        let layout = layout_arg(py, layout)?;
        let args = jobs
            .try_iter()?
            .map(|job| JobArg::new(py, &job?))
            .collect::<PyResult<Vec<_>>>()?;
        let jobs: Vec<&Job> = args.iter().map(JobArg::job).collect();
        let progress = progress.filter(|p| !p.is_none());
        // Without a callback the whole list is one chunk.
        let chunk = if progress.is_some() {
            PROGRESS_CHUNK
        } else {
            jobs.len().max(1)
        };
        let mut reports = Vec::with_capacity(jobs.len());
        for part in jobs.chunks(chunk) {
            let scored = py.detach(|| {
                self.inner.with_dependent(|_, prepared| {
                    part.iter()
                        .map(|job| score_prepared(prepared, job, layout.as_ref(), &config))
                        .collect::<Vec<_>>()
                })
            });
            reports.extend(scored.into_iter().map(PyReport::new));
            if let Some(progress) = progress {
                progress.call1((reports.len(), jobs.len()))?;
            }
        }
        Ok(reports)
    }

    /// `basics.name`, when there is one.
    #[getter]
    fn name(&self) -> Option<String> {
        self.inner.profile().basics.as_ref()?.name.clone()
    }

    fn __repr__(&self) -> String {
        match self
            .inner
            .profile()
            .basics
            .as_ref()
            .and_then(|b| b.name.as_ref())
        {
            Some(name) => format!("Profile({name:?})"),
            None => "Profile(<no name>)".to_owned(),
        }
    }
}

#[pymethods]
impl PyJob {
    /// Converts a job dict (an `InvalidInputError` when it is not one).
    #[new]
    fn new(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyJob {
            inner: Arc::new(from_py(py, "job", data)?),
        })
    }

    /// The same as `Job(data)`.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Self::new(py, data)
    }

    /// The job as a new dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &*self.inner)
    }

    #[getter]
    fn id(&self) -> Option<String> {
        self.inner.id.clone()
    }

    #[getter]
    fn title(&self) -> Option<String> {
        self.inner.title.clone()
    }

    fn __repr__(&self) -> String {
        match &self.inner.title {
            Some(title) => format!("Job({title:?})"),
            None => "Job(<no title>)".to_owned(),
        }
    }
}

/// Benchmark hook for `bench/score_overhead.py`: `score_prepared` alone, `iterations` times
/// with the GIL released, on handles; mean seconds per call. Not part of the API.
#[pyfunction]
pub(crate) fn _bench_score_prepared(
    py: Python<'_>,
    profile: &Bound<'_, PyProfile>,
    job: &Bound<'_, PyJob>,
    config: Option<&Bound<'_, PyAny>>,
    iterations: u32,
) -> PyResult<f64> {
    let (prepared, job) = (&profile.get().inner, &*job.get().inner);
    let config: ScoreConfig = options(py, "config", config, &["as_of"])?;
    let iterations = iterations.max(1);
    Ok(py.detach(|| {
        prepared.with_dependent(|_, prepared| {
            let start = std::time::Instant::now();
            for _ in 0..iterations {
                std::hint::black_box(score_prepared(
                    std::hint::black_box(prepared),
                    std::hint::black_box(job),
                    None,
                    &config,
                ));
            }
            start.elapsed().as_secs_f64() / f64::from(iterations)
        })
    }))
}
