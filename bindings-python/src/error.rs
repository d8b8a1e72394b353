//! Core errors as Python exceptions.
//!
//! The classes live in `career_copilot/errors.py`, where multiple inheritance is natural
//! (`InvalidInputError` is also a `ValueError`, `StorageError` an `OSError`), together with the
//! table from the core's stable error codes to classes; this module hands it the code and the
//! core's message.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

/// The Python module holding the exception hierarchy.
const ERRORS_MODULE: &str = "career_copilot.errors";

/// Converts a core error into the matching `career_copilot.errors` exception.
pub(crate) fn to_py(py: Python<'_>, err: &career_copilot::Error) -> PyErr {
    raise(py, err.code(), &err.to_string())
}

/// The exception for `code` with `message`; if the errors module cannot be imported (a broken
/// install), a `RuntimeError` that still says what failed.
pub(crate) fn raise(py: Python<'_>, code: &str, message: &str) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let exc = py
            .import(ERRORS_MODULE)?
            .getattr("_from_core")?
            .call1((code, message))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|import_err| {
        PyRuntimeError::new_err(format!(
            "{code}: {message} (and {ERRORS_MODULE} failed: {import_err})"
        ))
    })
}
