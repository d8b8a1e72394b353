//! The private native module `career_copilot._native` behind the `career_copilot` Python package.
//!
//! It translates and does nothing else: arguments become core values through serde
//! (pythonize), results come back as plain dicts and lists, and core errors become the
//! exception classes of `career_copilot.errors` ([`error`]). Modules mirror the core's
//! (`ingest` now; `ats`, `matching` and the rest register the same way as they arrive).

use pyo3::prelude::*;

mod error;
mod ingest;

/// Registers every module's functions on `career_copilot._native`.
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    ingest::register(m)?;
    Ok(())
}
