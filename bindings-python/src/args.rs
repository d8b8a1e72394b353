//! Arguments that take a handle or plain data: profiles, jobs, score options and dates.

use std::sync::Arc;

use career_copilot::ats::ScoreConfig;
use career_copilot::ingest::LayoutSignals;
use career_copilot::model::PartialDate;
use career_copilot::{Job, Profile};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::convert::{from_py, options};
use crate::error;
use crate::handles::{Prepared, PyJob, PyProfile};

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
pub(crate) fn score_config(
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

pub(crate) fn layout_arg(
    py: Python<'_>,
    layout: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<LayoutSignals>> {
    match layout.filter(|l| !l.is_none()) {
        Some(l) => Ok(Some(from_py(py, "layout", l)?)),
        None => Ok(None),
    }
}
