//! Plain JS objects to core values and back, through serde.

use career_copilot::model::PartialDate;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use wasm_bindgen::JsValue;

use crate::error;

/// Reads a JS options object into a core type. JS spells keys in camelCase (`fileName`,
/// `maxInputBytes`); the core's serde names are snake_case, so keys are converted on the way.
pub(crate) fn from_js<T: DeserializeOwned + Default>(
    what: &str,
    value: Option<JsValue>,
) -> Result<T, JsValue> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(T::default());
    };
    let json: Value = serde_wasm_bindgen::from_value(value)
        .map_err(|e| error::js_error("invalid_input", &format!("invalid {what}: {e}")))?;
    serde_json::from_value(snake_keys(json))
        .map_err(|e| error::js_error("invalid_input", &format!("invalid {what}: {e}")))
}

/// Reads plain data (a profile, a job, a list of jobs) into a core type. Keys stay as they are:
/// profiles are JSON Resume (camelCase), jobs the core's JSON (snake_case).
pub(crate) fn data_from_js<T: DeserializeOwned>(what: &str, value: JsValue) -> Result<T, JsValue> {
    let json: Value = serde_wasm_bindgen::from_value(value)
        .map_err(|e| error::js_error("invalid_input", &format!("invalid {what}: {e}")))?;
    serde_json::from_value(json)
        .map_err(|e| error::js_error("invalid_input", &format!("invalid {what}: {e}")))
}

/// Reads an options object as JSON with snake_case keys (or `None` when absent), turning ISO
/// date strings under `dates` (after renaming, e.g. `as_of`) into the core's date form.
pub(crate) fn options_json(
    what: &str,
    value: Option<JsValue>,
    dates: &[&str],
) -> Result<Option<Map<String, Value>>, JsValue> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(None);
    };
    let json: Value = serde_wasm_bindgen::from_value(value)
        .map_err(|e| error::js_error("invalid_input", &format!("invalid {what}: {e}")))?;
    let Value::Object(mut map) = snake_keys(json) else {
        return Err(error::js_error(
            "invalid_input",
            &format!("invalid {what}: expected an object"),
        ));
    };
    for key in dates {
        if let Some(Value::String(text)) = map.get(*key) {
            let date = PartialDate::parse_iso(text).ok_or_else(|| {
                error::js_error(
                    "invalid_input",
                    &format!("invalid {what}: {key} {text:?} is not YYYY, YYYY-MM or YYYY-MM-DD"),
                )
            })?;
            map.insert((*key).to_owned(), serde_json::json!(date));
        }
    }
    Ok(Some(map))
}

/// A core options type from what [`options_json`] returned (the type's defaults when absent).
pub(crate) fn options_from_json<T: DeserializeOwned + Default>(
    what: &str,
    map: Option<Map<String, Value>>,
) -> Result<T, JsValue> {
    match map {
        None => Ok(T::default()),
        Some(map) => serde_json::from_value(Value::Object(map))
            .map_err(|e| error::js_error("invalid_input", &format!("invalid {what}: {e}"))),
    }
}

/// Writes a core value as plain JS objects and arrays.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            error::js_error(
                "internal",
                &format!("could not convert the result to JavaScript: {e}"),
            )
        })
}

/// Renames object keys from camelCase to snake_case, recursively.
pub(crate) fn snake_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (snake_case(&k), snake_keys(v)))
                .collect::<Map<_, _>>(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(snake_keys).collect()),
        other => other,
    }
}

fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use career_copilot::Hint;
    use career_copilot::ingest::Format;
    use serde_json::json;

    #[test]
    fn camel_case_options_become_a_hint() {
        let options = json!({"fileName": "cv.md", "format": "pdf", "limits": {"maxInputBytes": 10, "maxPages": 2}});
        let hint: Hint = serde_json::from_value(snake_keys(options)).expect("valid options");
        assert_eq!(hint.file_name.as_deref(), Some("cv.md"));
        assert_eq!(hint.format, Some(Format::Pdf));
        assert_eq!(hint.limits.max_input_bytes, 10);
        assert_eq!(hint.limits.max_pages, 2);
    }

    #[test]
    fn snake_case_keys_pass_unchanged() {
        assert_eq!(snake_case("file_name"), "file_name");
        assert_eq!(snake_case("maxUnzippedBytes"), "max_unzipped_bytes");
    }
}
