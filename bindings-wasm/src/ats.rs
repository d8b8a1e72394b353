//! `ats`: the explainable ATS score and the optimiser.

use career_copilot::ats::optimize::{OptimizeOptions as CoreOptimizeOptions, optimize_with};
use career_copilot::ats::{ScoreConfig, score_with};
use career_copilot::ingest::LayoutSignals;
use career_copilot::{Job, Profile};
use wasm_bindgen::prelude::*;

use crate::convert;

#[wasm_bindgen]
extern "C" {
    /// A JSON Resume profile, declared in `types.d.ts`.
    #[wasm_bindgen(typescript_type = "Profile")]
    pub type ProfileData;
    /// A job, declared in `types.d.ts`.
    #[wasm_bindgen(typescript_type = "Job")]
    pub type JobData;
    /// `{ asOf?, weights?, relatedCredit?, layout? }`, declared in `types.d.ts`.
    #[wasm_bindgen(typescript_type = "ScoreOptions")]
    pub type ScoreOptions;
    /// `{ maxBullets?, minBulletsPerRole?, surfaceSkills? }`, declared in `types.d.ts`.
    #[wasm_bindgen(typescript_type = "OptimizeOptions")]
    pub type OptimizeOptions;
}

/// Scores a profile against a job: `{ score, breakdown, matched, missing, suggestions, ... }`,
/// every point with evidence. `options.asOf` is "today" (`"2024-06"`), `options.weights`
/// overrides component weights, `options.layout` is a parse result's `layout`.
#[wasm_bindgen(unchecked_return_type = "AtsReport")]
pub fn score(
    profile: ProfileData,
    job: JobData,
    options: Option<ScoreOptions>,
) -> Result<JsValue, JsValue> {
    let profile: Profile = convert::data_from_js("profile", profile.into())?;
    let job: Job = convert::data_from_js("job", job.into())?;
    let mut options = convert::options_json("options", options.map(JsValue::from), &["as_of"])?;
    let layout: Option<LayoutSignals> = match options.as_mut().and_then(|o| o.remove("layout")) {
        Some(serde_json::Value::Null) | None => None,
        Some(layout) => Some(serde_json::from_value(layout).map_err(|e| {
            crate::error::js_error("invalid_input", &format!("invalid options.layout: {e}"))
        })?),
    };
    let config: ScoreConfig = convert::options_from_json("options", options)?;
    convert::to_js(&score_with(&profile, &job, layout.as_ref(), &config))
}

/// Tailors a profile to a job: `{ profile, changes }`. Reorders, surfaces skills the profile
/// shows in experience, trims to a page budget; never adds a fact.
#[wasm_bindgen(unchecked_return_type = "Optimized")]
pub fn optimize(
    profile: ProfileData,
    job: JobData,
    options: Option<OptimizeOptions>,
) -> Result<JsValue, JsValue> {
    let profile: Profile = convert::data_from_js("profile", profile.into())?;
    let job: Job = convert::data_from_js("job", job.into())?;
    let options: CoreOptimizeOptions = convert::options_from_json(
        "options",
        convert::options_json("options", options.map(JsValue::from), &[])?,
    )?;
    convert::to_js(&optimize_with(&profile, &job, &options))
}
