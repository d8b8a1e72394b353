//! `career_copilot.matching`: ranking and search over a [`JobIndex`], and market insights.

use std::sync::Arc;

use career_copilot::Job;
use career_copilot::matching::{self, MatchPrefs, SearchFilters};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::args::{JobArg, OwnedProfile, ProfileArg};
use crate::convert::{from_py, options, to_py};
use crate::error;
use crate::handles::{PROGRESS_CHUNK, PyJob};
use crate::runtime;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<JobIndex>()?;
    m.add_function(wrap_pyfunction!(insights, m)?)?;
    Ok(())
}

/// Jobs with precomputed features, ranked and searched many times. Immutable, so threads
/// share it; the GIL is released while it builds, ranks and searches.
#[pyclass(frozen, module = "career_copilot._native")]
pub(crate) struct JobIndex {
    inner: Arc<matching::JobIndex>,
}

#[pymethods]
impl JobIndex {
    /// Indexes a list of jobs (`Job`s or job dicts). More than `JobIndex::MAX_JOBS` jobs is a
    /// `LimitExceededError`. `progress(done, total)` is called as the jobs are read, in chunks,
    /// and once more when the index is built.
    #[new]
    #[pyo3(signature = (jobs, progress = None))]
    fn new(
        py: Python<'_>,
        jobs: &Bound<'_, PyAny>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let progress = progress.filter(|p| !p.is_none());
        let jobs = jobs_arg(py, jobs, progress)?;
        let total = jobs.len();
        let inner = py
            .detach(|| matching::JobIndex::try_new(jobs))
            .map_err(|e| error::to_py(py, &e))?;
        if let Some(progress) = progress {
            progress.call1((total, total))?;
        }
        Ok(JobIndex {
            inner: Arc::new(inner),
        })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// The job at `index` (as given to the constructor), as a dict.
    fn __getitem__<'py>(&self, py: Python<'py>, index: isize) -> PyResult<Bound<'py, PyAny>> {
        let len = self.inner.len() as isize;
        let at = if index < 0 { index + len } else { index };
        if !(0..len).contains(&at) {
            return Err(pyo3::exceptions::PyIndexError::new_err(format!(
                "job index {index} out of range for {len} jobs"
            )));
        }
        to_py(py, &self.inner.jobs()[at as usize])
    }

    /// Approximate heap bytes of the ranking features per job.
    #[getter]
    fn feature_bytes_per_job(&self) -> usize {
        self.inner.feature_bytes_per_job()
    }

    /// The best `top` jobs (all when `None`) for a profile dict, best first:
    /// `[{"index", "id"?, "score", "factors"}]`. `prefs` has the core `MatchPrefs`' keys;
    /// `text` is the resume's full text, further evidence for text and skill factors.
    #[pyo3(signature = (profile, prefs = None, top = None, text = None))]
    fn rank<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyAny>,
        prefs: Option<&Bound<'py, PyAny>>,
        top: Option<usize>,
        text: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let profile = ProfileArg::new(py, profile)?;
        let prefs: MatchPrefs = options(py, "prefs", prefs, &["as_of"])?;
        let profile = profile.profile();
        let ranked = py.detach(|| {
            self.inner
                .rank_with_text(profile, text.as_deref(), &prefs, top.unwrap_or(usize::MAX))
        });
        to_py(py, &ranked)
    }

    /// `rank` run on the binding's runtime: an awaitable resolving to the same list, so an
    /// event loop can rank for many profiles at once without blocking. Call it from a
    /// coroutine.
    #[pyo3(signature = (profile, prefs = None, top = None, text = None))]
    fn rank_async<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyAny>,
        prefs: Option<&Bound<'py, PyAny>>,
        top: Option<usize>,
        text: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let profile = OwnedProfile::new(py, profile)?;
        let prefs: MatchPrefs = options(py, "prefs", prefs, &["as_of"])?;
        let index = Arc::clone(&self.inner);
        runtime::spawn_blocking_into_py(
            py,
            move || {
                Ok::<_, career_copilot::Error>(index.rank_with_text(
                    profile.profile(),
                    text.as_deref(),
                    &prefs,
                    top.unwrap_or(usize::MAX),
                ))
            },
            |py, ranked| to_py(py, &ranked),
        )
    }

    /// BM25 search with filters, best first: `[{"index", "id"?, "score"}]`. An empty query
    /// lists every job that passes the filters, in index order. `filters` has the core
    /// `SearchFilters`' keys (`remote`, `location`, `min_salary`, `seniority`, `posted_since`,
    /// `limit`).
    #[pyo3(signature = (query, filters = None))]
    fn search<'py>(
        &self,
        py: Python<'py>,
        query: &str,
        filters: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let filters: SearchFilters = options(py, "filters", filters, &["posted_since"])?;
        let hits = py.detach(|| self.inner.search(query, &filters));
        let out = pyo3::types::PyList::empty(py);
        for (index, score) in hits {
            let hit = PyDict::new(py);
            hit.set_item("index", index)?;
            if let Some(id) = &self.inner.jobs()[index].id {
                hit.set_item("id", id)?;
            }
            hit.set_item("score", score)?;
            out.append(hit)?;
        }
        Ok(out.into_any())
    }

    fn __repr__(&self) -> String {
        format!("JobIndex(<{} jobs>)", self.inner.len())
    }
}

/// Market insights over a list of job dicts (skill demand, co-occurrence, title clusters),
/// with gaps for `profile` when given; lists capped at `top`.
#[pyfunction]
#[pyo3(signature = (jobs, profile = None, top = 20))]
fn insights<'py>(
    py: Python<'py>,
    jobs: &Bound<'py, PyAny>,
    profile: Option<&Bound<'py, PyAny>>,
    top: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let jobs = jobs_arg(py, jobs, None)?;
    let profile = match profile.filter(|p| !p.is_none()) {
        Some(p) => Some(ProfileArg::new(py, p)?),
        None => None,
    };
    let profile = profile.as_ref().map(ProfileArg::profile);
    let report = py.detach(|| matching::insights(profile, &jobs, top));
    to_py(py, &report)
}

/// A list of jobs, each a `Job` handle or a job dict; `progress(done, total)` after each chunk.
fn jobs_arg(
    py: Python<'_>,
    jobs: &Bound<'_, PyAny>,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Job>> {
    if jobs.is_instance_of::<pyo3::types::PyString>() {
        return Err(error::raise(
            py,
            "invalid_input",
            "invalid jobs: expected a list of jobs, got a str",
        ));
    }
    let items = jobs
        .try_iter()
        .map_err(|_| error::raise(py, "invalid_input", "invalid jobs: expected a list of jobs"))?
        .collect::<PyResult<Vec<_>>>()?;
    let mut out = Vec::with_capacity(items.len());
    for (i, job) in items.iter().enumerate() {
        out.push(match job.cast::<PyJob>() {
            Ok(handle) => JobArg::Handle(Arc::clone(&handle.get().inner)).into_job(),
            Err(_) => from_py(py, &format!("jobs[{i}]"), job)?,
        });
        if let Some(progress) = progress
            && (i + 1) % PROGRESS_CHUNK == 0
            && i + 1 < items.len()
        {
            progress.call1((i + 1, items.len()))?;
        }
    }
    Ok(out)
}
