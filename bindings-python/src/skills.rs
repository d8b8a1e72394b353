//! `career_copilot.skills`: the shipped skills taxonomy (lookup, autocomplete).

use career_copilot::skills::{SkillId, Taxonomy};
use pyo3::prelude::*;

use crate::convert::to_py;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(skill_lookup, m)?)?;
    m.add_function(wrap_pyfunction!(skill_autocomplete, m)?)?;
    m.add_function(wrap_pyfunction!(skill_by_id, m)?)?;
    Ok(())
}

/// The skill a name or alias stands for ("k8s" is Kubernetes), as a dict, or `None`.
#[pyfunction]
fn skill_lookup<'py>(py: Python<'py>, name: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
    Taxonomy::builtin()
        .lookup(name)
        .map(|e| to_py(py, e))
        .transpose()
}

/// Skills whose name or an alias starts with `prefix`, best first, at most `limit`.
#[pyfunction]
#[pyo3(signature = (prefix, limit = 10))]
fn skill_autocomplete<'py>(
    py: Python<'py>,
    prefix: &str,
    limit: usize,
) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &Taxonomy::builtin().autocomplete(prefix, limit))
}

/// The skill with a taxonomy id (as in an entry's `related`), or `None`.
#[pyfunction]
fn skill_by_id<'py>(py: Python<'py>, id: u32) -> PyResult<Option<Bound<'py, PyAny>>> {
    Taxonomy::builtin()
        .entry(SkillId(id))
        .map(|e| to_py(py, e))
        .transpose()
}
