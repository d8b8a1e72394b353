//! JavaScript bindings for Career Copilot (npm `career-copilot`), through wasm-bindgen.
//!
//! They translate and do nothing else: options come in as plain JS objects (camelCase keys,
//! read through serde into the core's types), results go out as plain objects
//! (serde-wasm-bindgen's JSON-compatible serializer: objects, not `Map`s), and core errors are
//! thrown as JS `Error`s with a stable `code` ([`error`]). Modules mirror the core's (`ingest`
//! now; `ats`, `matching` and the rest join the same way).
//!
//! The TypeScript data types (`Profile`, `Job`, `Parsed`, ...) are written by hand in
//! `types.d.ts` at the package root; the section below makes wasm-bindgen's `.d.ts` import them
//! so that exported functions are typed precisely.

use wasm_bindgen::prelude::*;

mod convert;
mod error;
mod ingest;

pub use ingest::{parse_job, parse_resume};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
import type { Job, ParseOptions, Parsed, Profile } from "../../types";
"#;

/// The version of the engine, the same as the crate's.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
