//! TEMPORARY STUB (owned by the resume helper).
use super::TextDoc;

/// Markdown to lines with heading and bullet hints.
pub fn extract(text: &str) -> TextDoc {
    TextDoc::from_plain(text)
}
