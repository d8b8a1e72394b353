//! JavaScript bindings for Career Copilot (npm `career-copilot`), through wasm-bindgen.
//!
//! They translate and do nothing else: options come in as plain JS objects (camelCase keys,
//! read through serde into the core's types), results go out as plain objects
//! (serde-wasm-bindgen's JSON-compatible serializer: objects, not `Map`s), and core errors are
//! thrown as JS `Error`s with a stable `code` ([`error`]). Modules mirror the core's (`ingest`,
//! `ats`, `matching`, `skills`, `model`; `render`, `retrieve` and `generate` join the same way).
//! Plain data (profiles, jobs) crosses with its keys as they are; options objects use camelCase
//! keys, renamed to the core's snake_case on the way in. Results keep the core's JSON keys, so
//! they match what the CLI prints and the shared test vectors.
//!
//! The TypeScript data types (`Profile`, `Job`, `Parsed`, ...) are written by hand in
//! `types.d.ts` at the package root; the section below makes wasm-bindgen's `.d.ts` import them
//! so that exported functions are typed precisely.

use wasm_bindgen::prelude::*;

mod ats;
mod convert;
mod error;
mod ingest;
mod matching;
mod model;
mod skills;

pub use ats::{optimize, score};
pub use ingest::{parse_job, parse_resume};
pub use matching::{JobIndex, insights};
pub use model::merge;
pub use skills::{skill_autocomplete, skill_by_id, skill_lookup};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
import type {
  AtsReport, Insights, Job, Merged, OptimizeOptions, Optimized, ParseOptions, Parsed, Profile,
  RankOptions, Ranked, ScoreOptions, SearchFilters, SearchHit, SkillEntry,
} from "../../types";
"#;

/// The version of the engine, the same as the crate's.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
