//! JSON Resume documents, read losslessly.

use super::{LayoutSignals, Parsed, Warning};
use crate::model::Profile;
use crate::{Error, Result};

/// Reads a JSON Resume document (UTF-8, with or without BOM).
pub fn parse(bytes: &[u8]) -> Result<Parsed<Profile>> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|e| Error::invalid("JSON Resume", format!("not UTF-8: {e}")))?;
    let profile = Profile::from_json(text)?;
    let mut warnings = Vec::new();
    if profile.name().is_none() {
        warnings.push(Warning::at(
            "no-name",
            "basics.name",
            "the JSON Resume has no basics.name",
        ));
    }
    Ok(Parsed {
        value: profile,
        warnings,
        format: super::Format::JsonResume,
        layout: LayoutSignals {
            pages: 1,
            ..Default::default()
        },
    })
}
