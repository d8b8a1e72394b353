//! `model`: operations on profiles (merging two sources).

use career_copilot::Profile;
use serde_json::json;
use wasm_bindgen::prelude::*;

use crate::ats::ProfileData;
use crate::convert;

/// Merges `theirs` (another source for the same person) into `ours`:
/// `{ profile, report: { conflicts, added, matched } }`. The inputs are not changed.
#[wasm_bindgen(unchecked_return_type = "Merged")]
pub fn merge(ours: ProfileData, theirs: ProfileData) -> Result<JsValue, JsValue> {
    let mut merged: Profile = convert::data_from_js("profile", ours.into())?;
    let other: Profile = convert::data_from_js("other profile", theirs.into())?;
    let report = merged.merge(other);
    convert::to_js(&json!({"profile": merged, "report": report}))
}
