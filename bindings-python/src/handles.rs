//! `career_copilot.Profile`, `Job` and `Report`: values kept on the Rust side.
//!
//! Converting a profile dict costs more than scoring it, so a caller that scores one profile
//! against many jobs converts it once into a [`PyProfile`], which also keeps the core's
//! [`PreparedProfile`] (the job-independent half of scoring). A [`PyReport`] holds the core
//! report and builds its dict only when an item is read, so `profile.score(job)["score"]`
//! costs about what `score_prepared` does in Rust. Every function that takes a profile or a job
//! takes either form ([`ProfileArg`], [`JobArg`]).

use std::sync::Arc;

use career_copilot::ats::{AtsReport, PreparedProfile, ScoreConfig, score_prepared};
use career_copilot::ingest::LayoutSignals;
use career_copilot::model::PartialDate;
use career_copilot::{Job, Profile};
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::convert::{from_py, options, to_py};
use crate::error;

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

/// An ATS report kept in Rust: a read-only mapping with the keys of `career_copilot.score`'s
/// dict, each converted when read, so `.score` or `report["score"]` costs no conversion.
#[pyclass(frozen, mapping, name = "Report", module = "career_copilot._native")]
pub(crate) struct PyReport {
    inner: AtsReport,
}

/// Items of work between two progress callbacks: small enough for a smooth progress bar, large
/// enough that the callback and the GIL round trip cost little next to the work.
pub(crate) const PROGRESS_CHUNK: usize = 64;

/// The report's keys, in the order of its dict (a test checks them against `to_dict()`).
const REPORT_KEYS: [&str; 8] = [
    "score",
    "breakdown",
    "matched",
    "missing",
    "matched_keywords",
    "missing_keywords",
    "experience_years",
    "suggestions",
];

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

impl PyReport {
    pub(crate) fn new(inner: AtsReport) -> Self {
        PyReport { inner }
    }

    /// One field as Python data, or `None` for an unknown key.
    fn field<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let r = &self.inner;
        let value = match key {
            "score" => to_py(py, &r.score),
            "breakdown" => to_py(py, &r.breakdown),
            "matched" => to_py(py, &r.matched),
            "missing" => to_py(py, &r.missing),
            "matched_keywords" => to_py(py, &r.matched_keywords),
            "missing_keywords" => to_py(py, &r.missing_keywords),
            "experience_years" => to_py(py, &r.experience_years),
            "suggestions" => to_py(py, &r.suggestions),
            _ => return Ok(None),
        };
        value.map(Some)
    }
}

#[pymethods]
impl PyReport {
    /// 0 to 100.
    #[getter]
    fn score(&self) -> f64 {
        self.inner.score
    }

    /// A new dict with every key (the same as `career_copilot.score` returns).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, key)?
            .ok_or_else(|| PyKeyError::new_err(key.to_owned()))
    }

    fn __len__(&self) -> usize {
        REPORT_KEYS.len()
    }

    fn __contains__(&self, key: &Bound<'_, PyAny>) -> bool {
        key.extract::<String>()
            .is_ok_and(|k| REPORT_KEYS.contains(&k.as_str()))
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        PyList::new(py, REPORT_KEYS)?
            .try_iter()
            .map(Bound::into_any)
    }

    fn keys<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, REPORT_KEYS)
    }

    #[pyo3(signature = (key, default = None))]
    fn get<'py>(
        &self,
        py: Python<'py>,
        key: &str,
        default: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        Ok(self.field(py, key)?.or(default))
    }

    /// Equal to another `Report` with the same content, or to its dict.
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        if let Ok(other) = other.cast::<PyReport>() {
            return Ok(self.inner == other.get().inner);
        }
        self.to_dict(py)?.eq(other)
    }

    fn __repr__(&self) -> String {
        format!(
            "Report(score={}, matched={}, missing={})",
            self.inner.score,
            self.inner.matched.len(),
            self.inner.missing.len()
        )
    }
}

/// A profile argument: a `Profile` handle, borrowed, or a dict, converted for this call.
pub(crate) enum ProfileArg<'py> {
    Handle(Bound<'py, PyProfile>),
    Owned(Box<Profile>),
}

impl<'py> ProfileArg<'py> {
    pub(crate) fn new(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Self> {
        match value.cast::<PyProfile>() {
            Ok(handle) => Ok(ProfileArg::Handle(handle.clone())),
            Err(_) => Ok(ProfileArg::Owned(Box::new(from_py(py, "profile", value)?))),
        }
    }

    pub(crate) fn profile(&self) -> &Profile {
        match self {
            ProfileArg::Handle(h) => h.get().inner.profile(),
            ProfileArg::Owned(p) => p,
        }
    }
}

/// A profile argument owned by the call, for work that outlives it (async tasks).
pub(crate) enum OwnedProfile {
    Handle(Arc<Prepared>),
    Owned(Box<Profile>),
}

impl OwnedProfile {
    pub(crate) fn new(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        match value.cast::<PyProfile>() {
            Ok(handle) => Ok(OwnedProfile::Handle(Arc::clone(&handle.get().inner))),
            Err(_) => Ok(OwnedProfile::Owned(Box::new(from_py(
                py, "profile", value,
            )?))),
        }
    }

    pub(crate) fn profile(&self) -> &Profile {
        match self {
            OwnedProfile::Handle(h) => h.profile(),
            OwnedProfile::Owned(p) => p,
        }
    }
}

/// A job argument: a `Job` handle, borrowed, or a dict, converted for this call.
pub(crate) enum JobArg {
    Handle(Arc<Job>),
    Owned(Box<Job>),
}

impl JobArg {
    pub(crate) fn new(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        match value.cast::<PyJob>() {
            Ok(handle) => Ok(JobArg::Handle(Arc::clone(&handle.get().inner))),
            Err(_) => Ok(JobArg::Owned(Box::new(from_py(py, "job", value)?))),
        }
    }

    pub(crate) fn job(&self) -> &Job {
        match self {
            JobArg::Handle(j) => j,
            JobArg::Owned(j) => j,
        }
    }

    pub(crate) fn into_job(self) -> Job {
        match self {
            JobArg::Handle(j) => Arc::unwrap_or_clone(j),
            JobArg::Owned(j) => *j,
        }
    }
}

/// The score configuration from keyword arguments; the defaults without any conversion.
fn score_config(
    py: Python<'_>,
    as_of: Option<&Bound<'_, PyAny>>,
    weights: Option<&Bound<'_, PyAny>>,
    related_credit: Option<f64>,
) -> PyResult<ScoreConfig> {
    let mut config: ScoreConfig = options(py, "weights", None, &[])?;
    if let Some(weights) = weights.filter(|w| !w.is_none()) {
        let dict = PyDict::new(py);
        dict.set_item("weights", weights)?;
        config = options(py, "weights", Some(dict.as_any()), &[])?;
    }
    config.related_credit = related_credit.or(config.related_credit);
    config.as_of = date_arg(py, "as_of", as_of)?;
    Ok(config)
}

/// A date keyword: an ISO string, a `datetime.date` or a `{"year", "month"?, "day"?}` dict.
pub(crate) fn date_arg(
    py: Python<'_>,
    what: &str,
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<PartialDate>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let invalid = |text: &str| {
        error::raise(
            py,
            "invalid_input",
            &format!("{what} {text:?} is not YYYY, YYYY-MM or YYYY-MM-DD"),
        )
    };
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_cow()?;
        return PartialDate::parse_iso(&text)
            .map(Some)
            .ok_or_else(|| invalid(&text));
    }
    if let Ok(dict) = value.cast::<PyDict>()
        && let Some(date) = date_dict(dict)?
    {
        return PartialDate::parse_iso(&date)
            .map(Some)
            .ok_or_else(|| invalid(&date));
    }
    if value.hasattr("isoformat")? {
        // datetime.date, or datetime.datetime reduced to its date.
        let date = if value.hasattr("date")? {
            value.call_method0("date")?
        } else {
            value.clone()
        };
        let text: String = date.call_method0("isoformat")?.extract()?;
        return PartialDate::parse_iso(&text)
            .map(Some)
            .ok_or_else(|| invalid(&text));
    }
    from_py(py, what, value).map(Some)
}

/// `{"year", "month"?, "day"?}` with int values as an ISO string (validated by the caller's
/// `parse_iso`), read directly: going through serde costs more than the scoring of a small
/// profile. Any other dict is `None`, for the general path.
fn date_dict(dict: &Bound<'_, PyDict>) -> PyResult<Option<String>> {
    let part = |key: &str| -> PyResult<Option<Option<i64>>> {
        match dict.get_item(key)? {
            None => Ok(Some(None)),
            Some(v) if v.is_none() => Ok(Some(None)),
            Some(v) => Ok(v.extract::<i64>().ok().map(Some)),
        }
    };
    let (Some(Some(year)), Some(month), Some(day)) = (part("year")?, part("month")?, part("day")?)
    else {
        return Ok(None);
    };
    let known = 1 + usize::from(month.is_some()) + usize::from(day.is_some());
    if dict.len() != known || (day.is_some() && month.is_none()) {
        return Ok(None);
    }
    Ok(Some(match (month, day) {
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        _ => format!("{year:04}"),
    }))
}

fn layout_arg(
    py: Python<'_>,
    layout: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<LayoutSignals>> {
    match layout.filter(|l| !l.is_none()) {
        Some(l) => Ok(Some(from_py(py, "layout", l)?)),
        None => Ok(None),
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
