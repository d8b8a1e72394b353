//! `career_copilot.ats`: the explainable ATS score and the optimiser.

use career_copilot::ats::optimize::{OptimizeOptions, optimize_with};
use career_copilot::ats::{ScoreConfig, score_with};
use career_copilot::ingest::LayoutSignals;
use career_copilot::{Job, Profile};
use pyo3::prelude::*;

use crate::convert::{from_py, options, to_py};

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(score, m)?)?;
    m.add_function(wrap_pyfunction!(optimize, m)?)?;
    Ok(())
}

/// Scores a profile (JSON Resume dict) against a job dict: the report dict (`score`,
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
    let profile: Profile = from_py(py, "profile", profile)?;
    let job: Job = from_py(py, "job", job)?;
    let config: ScoreConfig = options(py, "config", config, &["as_of"])?;
    let layout: Option<LayoutSignals> = match layout.filter(|l| !l.is_none()) {
        Some(l) => Some(from_py(py, "layout", l)?),
        None => None,
    };
    let report = py.detach(|| score_with(&profile, &job, layout.as_ref(), &config));
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
    let profile: Profile = from_py(py, "profile", profile)?;
    let job: Job = from_py(py, "job", job)?;
    let opts: OptimizeOptions = crate::convert::options(py, "options", options, &[])?;
    let optimized = py.detach(|| optimize_with(&profile, &job, &opts));
    to_py(py, &optimized)
}
