//! `career_copilot.Report`: an ATS report kept in Rust, converted one item at a time.

use career_copilot::ats::AtsReport;
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::convert::to_py;

/// An ATS report kept in Rust: a read-only mapping with the keys of `career_copilot.score`'s
/// dict, each converted when read, so `.score` or `report["score"]` costs no conversion.
#[pyclass(frozen, mapping, name = "Report", module = "career_copilot._native")]
pub(crate) struct PyReport {
    inner: AtsReport,
}

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
