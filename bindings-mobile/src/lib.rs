//! Kotlin (Android) and Swift (iOS) bindings for Career Copilot, through uniffi proc-macros.
//!
//! They translate and do nothing else. The small, stable parts of a result cross as typed
//! records and enums (format, warnings, layout, errors), so apps can `when`/`switch` on them.
//! Profiles and jobs cross as JSON text (the core's serde form: JSON Resume for profiles):
//! they are open-ended (unmodelled keys are kept verbatim, `x-` extensions), which uniffi
//! records cannot carry, and apps decode them with the JSON library they already use
//! (kotlinx.serialization, `Codable`). Modules mirror the core's (`ingest` now).
//!
//! Generate the foreign code with the `uniffi-bindgen` binary of this crate, so it always
//! matches the library: `cargo run -p career-copilot-mobile --bin uniffi-bindgen -- generate
//! --library target/debug/libcareer_copilot_mobile.so --language kotlin --out-dir out`.

mod error;
mod ingest;

pub use error::CopilotError;
pub use ingest::{
    DocumentFormat, Layout, ParseWarning, ParsedJob, ParsedResume, parse_job, parse_resume,
};

uniffi::setup_scaffolding!();

/// The version of the engine, the same as the crate's.
#[uniffi::export]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
