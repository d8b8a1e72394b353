//! The private native module `career_copilot._native` behind the `career_copilot` Python package.
//!
//! It translates and does nothing else: arguments become core values through serde
//! (pythonize), results come back as plain dicts and lists, and core errors become the
//! exception classes of `career_copilot.errors` ([`error`]). Modules mirror the core's
//! (`ingest`, `ats`, `matching`, `skills`, `model`; `render`, `retrieve`, `generate` and `store`
//! register the same way as they arrive). [`convert`] holds the dict <-> core-type plumbing.

use pyo3::prelude::*;

mod args;
mod ats;
mod convert;
mod error;
mod handles;
mod ingest;
mod matching;
mod model;
mod report;
mod runtime;
mod skills;

/// Registers every module's functions on `career_copilot._native`.
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<handles::PyProfile>()?;
    m.add_class::<handles::PyJob>()?;
    m.add_class::<report::PyReport>()?;
    m.add_function(wrap_pyfunction!(runtime::_runtime_pid, m)?)?;
    ingest::register(m)?;
    ats::register(m)?;
    matching::register(m)?;
    skills::register(m)?;
    model::register(m)?;
    Ok(())
}
