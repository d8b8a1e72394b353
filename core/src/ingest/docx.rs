//! TEMPORARY STUB (owned by the extraction helper; replaced before commit).
use super::TextDoc;
use crate::{Error, Limits, Result};

/// Extracts text and layout.
pub fn extract(_bytes: &[u8], _limits: &Limits) -> Result<TextDoc> {
    Err(Error::UnsupportedFormat("docx extraction not written yet".into()))
}
