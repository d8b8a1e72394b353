//! Python values to core values and back, through serde (pythonize).
//!
//! Plain data crosses as dicts and lists shaped like the core's JSON. Dates in options
//! (`as_of`, `posted_since`) may also be ISO strings (`"2024-06"`); the Python layer turns
//! `datetime.date` into such strings.

use career_copilot::model::PartialDate;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PySequence, PyString, PyTuple,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error;

/// Reads a Python value (dicts, lists, str, numbers) into a core type; a mismatch is an
/// `InvalidInputError` naming `what`.
///
/// The value is first read into a JSON value by a direct walk over dicts and lists, then into
/// the core type by serde_json. That is about twice as fast as deserializing through
/// pythonize, which probes every dict for `__dataclass_fields__` (raising and swallowing an
/// `AttributeError` each time before Python 3.13), and the core types buffer their
/// `#[serde(flatten)]` extension keys anyway.
pub(crate) fn from_py<T: DeserializeOwned>(
    py: Python<'_>,
    what: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<T> {
    let invalid = |e: String| error::raise(py, "invalid_input", &format!("invalid {what}: {e}"));
    let json = to_json(value, 0).map_err(invalid)?;
    serde_json::from_value(json).map_err(|e| invalid(e.to_string()))
}

/// Nesting depth [`to_json`] accepts: far beyond any profile or job, and well within the stack
/// (a self-containing dict would otherwise recurse forever).
const MAX_DEPTH: usize = 64;

/// Plain Python data (dicts with str keys, lists, tuples, str, int, float, bool, None, and
/// other mappings and sequences) as a JSON value.
fn to_json(value: &Bound<'_, PyAny>, depth: usize) -> Result<Value, String> {
    if depth > MAX_DEPTH {
        return Err(format!("nested deeper than {MAX_DEPTH} levels"));
    }
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Value::String(
            s.to_cow().map_err(|e| e.to_string())?.into_owned(),
        ));
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(i) = value.cast::<PyInt>() {
        if let Ok(n) = i.extract::<i64>() {
            return Ok(Value::from(n));
        }
        return i
            .extract::<u64>()
            .map(Value::from)
            .map_err(|_| format!("the integer {i} is too large"));
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        let x = f.value();
        return serde_json::Number::from_f64(x)
            .map(Value::Number)
            .ok_or_else(|| format!("{x} is not a finite number"));
    }
    if let Ok(d) = value.cast::<PyDict>() {
        let mut map = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            map.insert(key(&k)?, to_json(&v, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(l) = value.cast::<PyList>() {
        return l
            .iter()
            .map(|v| to_json(&v, depth + 1))
            .collect::<Result<_, _>>()
            .map(Value::Array);
    }
    if let Ok(t) = value.cast::<PyTuple>() {
        return t
            .iter()
            .map(|v| to_json(&v, depth + 1))
            .collect::<Result<_, _>>()
            .map(Value::Array);
    }
    if let Ok(m) = value.cast::<PyMapping>() {
        let mut map = Map::new();
        for item in m.items().map_err(|e| e.to_string())?.iter() {
            let pair = item
                .cast::<PyTuple>()
                .map_err(|_| "mapping items must be pairs".to_owned())?;
            let (k, v) = (
                pair.get_item(0).map_err(|e| e.to_string())?,
                pair.get_item(1).map_err(|e| e.to_string())?,
            );
            map.insert(key(&k)?, to_json(&v, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(seq) = value.cast::<PySequence>()
        && !value.is_instance_of::<PyBytes>()
    {
        let items = seq.to_list().map_err(|e| e.to_string())?;
        return items
            .iter()
            .map(|v| to_json(&v, depth + 1))
            .collect::<Result<_, _>>()
            .map(Value::Array);
    }
    let kind = value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into());
    Err(format!(
        "a {kind} is not plain data (use dicts, lists, str, int, float, bool, None)"
    ))
}

fn key(k: &Bound<'_, PyAny>) -> Result<String, String> {
    k.cast::<PyString>()
        .map_err(|_| "dict keys must be strings".to_owned())?
        .to_cow()
        .map(|c| c.into_owned())
        .map_err(|e| e.to_string())
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
    let mut json = to_json(value, 0)
        .map_err(|e| error::raise(py, "invalid_input", &format!("invalid {what}: {e}")))?;
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
