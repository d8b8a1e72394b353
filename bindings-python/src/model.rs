//! `career_copilot.model`: operations on profiles (merging two sources).

use career_copilot::Profile;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{from_py, to_py};

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(merge_profiles, m)?)?;
    Ok(())
}

/// Merges `theirs` (another source for the same person) into `ours`:
/// `{"profile": merged, "report": {"conflicts", "added", "matched"}}`. Neither input changes.
#[pyfunction]
fn merge_profiles<'py>(
    py: Python<'py>,
    ours: &Bound<'py, PyAny>,
    theirs: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut merged: Profile = from_py(py, "profile", ours)?;
    let other: Profile = from_py(py, "other profile", theirs)?;
    let report = py.detach(|| merged.merge(other));
    let out = PyDict::new(py);
    out.set_item("profile", to_py(py, &merged)?)?;
    out.set_item("report", to_py(py, &report)?)?;
    Ok(out.into_any())
}
