//! JSON text and option strings to core values, with errors that name what was wrong.

use career_copilot::model::PartialDate;
use career_copilot::{Job, Profile};
use serde::Serialize;

use crate::CopilotError;

/// A profile from JSON Resume text.
pub(crate) fn profile(what: &str, json: &str) -> Result<Profile, CopilotError> {
    serde_json::from_str(json)
        .map_err(|e| CopilotError::InvalidInput(format!("invalid {what} JSON: {e}")))
}

/// A job from its JSON text (as `ParsedJob.jobJson` holds it).
pub(crate) fn job(json: &str) -> Result<Job, CopilotError> {
    Ok(Job::from_json(json)?)
}

/// A date from `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub(crate) fn date(what: &str, iso: Option<&str>) -> Result<Option<PartialDate>, CopilotError> {
    iso.map(|text| {
        PartialDate::parse_iso(text).ok_or_else(|| {
            CopilotError::InvalidInput(format!(
                "{what} {text:?} is not YYYY, YYYY-MM or YYYY-MM-DD"
            ))
        })
    })
    .transpose()
}

/// A core value as JSON text.
pub(crate) fn json<T: Serialize>(value: &T) -> Result<String, CopilotError> {
    serde_json::to_string(value)
        .map_err(|e| CopilotError::Other(format!("could not write the result as JSON: {e}")))
}

/// A count from the host (u32/u64) as a `usize`, saturating on 32-bit targets.
pub(crate) fn size(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}
