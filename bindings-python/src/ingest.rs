//! `career_copilot.ingest`: resumes and job postings in, plain dicts out.

use career_copilot::Hint;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::to_py;
use crate::error;
use crate::runtime;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_resume, m)?)?;
    m.add_function(wrap_pyfunction!(parse_job, m)?)?;
    m.add_function(wrap_pyfunction!(parse_resume_async, m)?)?;
    m.add_function(wrap_pyfunction!(parse_job_async, m)?)?;
    Ok(())
}

/// Parses resume bytes into `{"value": profile, "warnings": [...], "format": ..., "layout": {...}}`.
/// `hint` is a dict with the core `Hint`'s keys (`format`, `file_name`, `limits`). The GIL is
/// released while parsing.
#[pyfunction]
#[pyo3(signature = (data, hint = None))]
fn parse_resume<'py>(
    py: Python<'py>,
    data: &[u8],
    hint: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let hint = to_hint(py, hint)?;
    let parsed = py.detach(|| career_copilot::parse_resume(data, &hint));
    to_py(py, &parsed.map_err(|e| error::to_py(py, &e))?)
}

/// Parses a job posting's bytes into `{"value": job, "warnings": [...], "format": ..., "layout": {...}}`.
#[pyfunction]
#[pyo3(signature = (data, hint = None))]
fn parse_job<'py>(
    py: Python<'py>,
    data: &[u8],
    hint: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let hint = to_hint(py, hint)?;
    let parsed = py.detach(|| career_copilot::parse_job(data, &hint));
    to_py(py, &parsed.map_err(|e| error::to_py(py, &e))?)
}

/// `parse_resume` on the binding's runtime: an awaitable of the same dict. Call it from a
/// coroutine; the bytes are copied once so the event loop may reuse its buffer.
#[pyfunction]
#[pyo3(signature = (data, hint = None))]
fn parse_resume_async<'py>(
    py: Python<'py>,
    data: &[u8],
    hint: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let hint = to_hint(py, hint)?;
    let data = data.to_vec();
    runtime::spawn_blocking_into_py(
        py,
        move || career_copilot::parse_resume(&data, &hint),
        |py, parsed| to_py(py, &parsed),
    )
}

/// `parse_job` on the binding's runtime: an awaitable of the same dict.
#[pyfunction]
#[pyo3(signature = (data, hint = None))]
fn parse_job_async<'py>(
    py: Python<'py>,
    data: &[u8],
    hint: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let hint = to_hint(py, hint)?;
    let data = data.to_vec();
    runtime::spawn_blocking_into_py(
        py,
        move || career_copilot::parse_job(&data, &hint),
        |py, parsed| to_py(py, &parsed),
    )
}

/// Reads the hint dict through serde, so its keys and format names are the core's own.
fn to_hint(py: Python<'_>, hint: Option<&Bound<'_, PyDict>>) -> PyResult<Hint> {
    match hint {
        None => Ok(Hint::default()),
        Some(dict) => pythonize::depythonize::<Hint>(dict.as_any())
            .map_err(|e| error::raise(py, "invalid_input", &format!("invalid options: {e}"))),
    }
}
