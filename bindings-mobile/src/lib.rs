//! Kotlin (Android) and Swift (iOS) bindings for Career Copilot, through uniffi proc-macros.
//!
//! They translate and do nothing else. The small, stable parts of a result cross as typed
//! records and enums (format, warnings, layout, errors), so apps can `when`/`switch` on them.
//! Profiles and jobs cross as JSON text (the core's serde form: JSON Resume for profiles):
//! they are open-ended (unmodelled keys are kept verbatim, `x-` extensions), which uniffi
//! records cannot carry, and apps decode them with the JSON library they already use
//! (kotlinx.serialization, `Codable`). Reports, options and results of scoring, matching and
//! the taxonomy are records. Modules mirror the core's (`ingest`, `ats`, `matching`, `skills`,
//! `model`; `render`, `retrieve`, `generate` and `store` join the same way).
//!
//! Generate the foreign code with the `uniffi-bindgen` binary of this crate, so it always
//! matches the library: `cargo run -p career-copilot-mobile --bin uniffi-bindgen -- generate
//! --library target/debug/libcareer_copilot_mobile.so --language kotlin --out-dir out`.

mod ats;
mod convert;
mod error;
mod ingest;
mod matching;
mod model;
mod skills;

pub use ats::{
    AtsReport, Credit, MatchedSkill, MissingSkill, OptimizeOptions, Optimized, ProfileChange,
    ScoreComponent, ScoreConfig, ScoreWeights, Suggestion, default_optimize_options,
    default_score_weights, optimize, score,
};

pub use error::CopilotError;
pub use ingest::{
    DocumentFormat, Layout, ParseWarning, ParsedJob, ParsedResume, parse_job, parse_resume,
};

pub use matching::{
    JobIndex, MarketInsights, MatchFactors, MatchPrefs, MatchWeights, RankedJob, SearchFilters,
    SearchHit, Seniority, SkillDemand, SkillGap, SkillPair, TitleCluster, default_match_weights,
    insights,
};
pub use model::{MergeConflict, MergedProfile, merge_profiles};
pub use skills::{SkillInfo, SkillSource, skill_autocomplete, skill_by_id, skill_lookup};

uniffi::setup_scaffolding!();

/// The version of the engine, the same as the crate's.
#[uniffi::export]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
