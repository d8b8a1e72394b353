//! `skills`: the shipped skills taxonomy (lookup, autocomplete).

use career_copilot::skills::{SkillId, Taxonomy};
use wasm_bindgen::prelude::*;

use crate::convert;

/// The skill a name or alias stands for ("k8s" is Kubernetes), or `undefined`.
#[wasm_bindgen(js_name = skillLookup, unchecked_return_type = "SkillEntry | undefined")]
pub fn skill_lookup(name: &str) -> Result<JsValue, JsValue> {
    match Taxonomy::builtin().lookup(name) {
        Some(entry) => convert::to_js(entry),
        None => Ok(JsValue::UNDEFINED),
    }
}

/// Skills whose name or an alias starts with `prefix`, best first, at most `limit` (10).
#[wasm_bindgen(js_name = skillAutocomplete, unchecked_return_type = "SkillEntry[]")]
pub fn skill_autocomplete(prefix: &str, limit: Option<usize>) -> Result<JsValue, JsValue> {
    convert::to_js(&Taxonomy::builtin().autocomplete(prefix, limit.unwrap_or(10)))
}

/// The skill with a taxonomy id (as in an entry's `related`), or `undefined`.
#[wasm_bindgen(js_name = skillById, unchecked_return_type = "SkillEntry | undefined")]
pub fn skill_by_id(id: u32) -> Result<JsValue, JsValue> {
    match Taxonomy::builtin().entry(SkillId(id)) {
        Some(entry) => convert::to_js(entry),
        None => Ok(JsValue::UNDEFINED),
    }
}
