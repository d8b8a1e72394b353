//! TEMPORARY STUB (owned by the extraction helper; replaced before commit).
use super::TextDoc;
use crate::{Error, Limits, Result};

/// Extracts text and layout.
pub fn extract(_bytes: &[u8], _limits: &Limits) -> Result<TextDoc> {
    Err(Error::UnsupportedFormat("html extraction not written yet".into()))
}

/// The JSON-LD blocks (`<script type="application/ld+json">`) of a page, parsed.
pub fn json_ld(_bytes: &[u8], _limits: &Limits) -> Result<Vec<serde_json::Value>> {
    Ok(Vec::new())
}
