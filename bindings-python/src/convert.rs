//! Python values to core values and back, through serde (pythonize).
//!
//! Plain data crosses as dicts and lists shaped like the core's JSON. Dates in options
//! (`as_of`, `posted_since`) may also be ISO strings (`"2024-06"`); the Python layer turns
//! `datetime.date` into such strings.

use career_copilot::model::PartialDate;
use pyo3::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error;

/// Reads a Python value (dicts, lists, str, numbers) into a core type; a mismatch is an
/// `InvalidInputError` naming `what`.
pub(crate) fn from_py<T: DeserializeOwned>(
    py: Python<'_>,
    what: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<T> {
    pythonize::depythonize::<T>(value)
        .map_err(|e| error::raise(py, "invalid_input", &format!("invalid {what}: {e}")))
}

/// Reads an options dict (or `None` for the defaults) into a core options type, accepting ISO
/// strings for the date fields in `dates`.
pub(crate) fn options<T: DeserializeOwned + Default>(
    py: Python<'_>,
    what: &str,
    value: Option<&Bound<'_, PyAny>>,
    dates: &[&str],
) -> PyResult<T> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(T::default());
    };
    let mut json: Value = from_py(py, what, value)?;
    iso_dates(&mut json, dates)
        .and_then(|()| serde_json::from_value(json).map_err(|e| e.to_string()))
        .map_err(|e| error::raise(py, "invalid_input", &format!("invalid {what}: {e}")))
}

/// Replaces ISO date strings under `keys` of an object by the core's `PartialDate` form.
pub(crate) fn iso_dates(value: &mut Value, keys: &[&str]) -> Result<(), String> {
    let Value::Object(map) = value else {
        return Ok(());
    };
    for key in keys {
        if let Some(Value::String(text)) = map.get(*key) {
            let date = PartialDate::parse_iso(text)
                .ok_or_else(|| format!("{key} {text:?} is not YYYY, YYYY-MM or YYYY-MM-DD"))?;
            let date = serde_json::to_value(date).map_err(|e| e.to_string())?;
            map.insert((*key).to_owned(), date);
        }
    }
    Ok(())
}

/// Serializes a core value into plain Python dicts, lists, strings and numbers.
pub(crate) fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(|e| {
        error::raise(
            py,
            "internal",
            &format!("could not convert the result to Python: {e}"),
        )
    })
}
