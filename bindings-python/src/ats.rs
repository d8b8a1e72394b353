//! `career_copilot.ats`: the explainable ATS score and the optimiser.

use career_copilot::ats::optimize::{OptimizeOptions, optimize_with};
use career_copilot::ats::{ScoreConfig, score_prepared, score_with};
use career_copilot::ingest::LayoutSignals;
use career_copilot::{Job, Profile};
use pyo3::prelude::*;

use crate::args::{JobArg, ProfileArg};
use crate::convert::{from_py, options, to_py};
use crate::handles::PyProfile;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(score, m)?)?;
    m.add_function(wrap_pyfunction!(optimize, m)?)?;
    m.add_function(wrap_pyfunction!(_bench_score, m)?)?;
    m.add_function(wrap_pyfunction!(crate::handles::_bench_score_prepared, m)?)?;
    Ok(())
}

/// Scores a profile (JSON Resume dict or `Profile`) against a job (dict or `Job`): the report dict (`score`,
/// `breakdown`, `matched`, `missing`, `suggestions`, ...). `config` has the core
/// `ScoreConfig`'s keys (`weights`, `as_of`, `related_credit`); `layout` is a parse result's
/// `layout`. The GIL is released while scoring.
#[pyfunction]
#[pyo3(signature = (profile, job, config = None, layout = None))]
fn score<'py>(
    py: Python<'py>,
    profile: &Bound<'py, PyAny>,
    job: &Bound<'py, PyAny>,
    config: Option<&Bound<'py, PyAny>>,
    layout: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let job = JobArg::new(py, job)?;
    let config: ScoreConfig = options(py, "config", config, &["as_of"])?;
    let layout: Option<LayoutSignals> = match layout.filter(|l| !l.is_none()) {
        Some(l) => Some(from_py(py, "layout", l)?),
        None => None,
    };
    let job = job.job();
    // A `Profile` handle was prepared once; a dict is converted and prepared for this call.
    let report = match profile.cast::<PyProfile>() {
        Ok(handle) => {
            let prepared = &handle.get().inner;
            py.detach(|| {
                prepared.with_dependent(|_, p| score_prepared(p, job, layout.as_ref(), &config))
            })
        }
        Err(_) => {
            let profile: Profile = from_py(py, "profile", profile)?;
            py.detach(|| score_with(&profile, job, layout.as_ref(), &config))
        }
    };
    to_py(py, &report)
}

/// Tailors a profile to a job: `{"profile": tailored, "changes": [...]}`. Reorders, surfaces
/// evidenced skills and trims; never adds a fact. `options` has the core `OptimizeOptions`'
/// keys (`max_bullets`, `min_bullets_per_role`, `surface_skills`).
#[pyfunction]
#[pyo3(signature = (profile, job, options = None))]
fn optimize<'py>(
    py: Python<'py>,
    profile: &Bound<'py, PyAny>,
    job: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let profile = ProfileArg::new(py, profile)?;
    let job = JobArg::new(py, job)?;
    let opts: OptimizeOptions = crate::convert::options(py, "options", options, &[])?;
    let (profile, job) = (profile.profile(), job.job());
    let optimized = py.detach(|| optimize_with(profile, job, &opts));
    to_py(py, &optimized)
}

/// Benchmark hook for `bench/score_overhead.py`: converts the inputs once, then times
/// `iterations` calls of the core's `score_with` alone (GIL released) and returns the mean
/// seconds per call. Measured in the same process, build and moment as the Python calls it is
/// compared with, so machine load affects both alike. Not part of the API.
#[pyfunction]
#[pyo3(signature = (profile, job, config, iterations))]
fn _bench_score(
    py: Python<'_>,
    profile: &Bound<'_, PyAny>,
    job: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
    iterations: u32,
) -> PyResult<f64> {
    let profile: Profile = from_py(py, "profile", profile)?;
    let job: Job = from_py(py, "job", job)?;
    let config: ScoreConfig = options(py, "config", config, &["as_of"])?;
    let iterations = iterations.max(1);
    Ok(py.detach(|| {
        let start = std::time::Instant::now();
        for _ in 0..iterations {
            std::hint::black_box(score_with(
                std::hint::black_box(&profile),
                std::hint::black_box(&job),
                None,
                &config,
            ));
        }
        start.elapsed().as_secs_f64() / f64::from(iterations)
    }))
}
