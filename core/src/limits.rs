//! Limits that bound the work any parser may do on untrusted input.
//!
//! The core does not read the clock (it must run the same in a browser), so time is bounded by
//! bounding work: bytes in, pages, unzipped bytes, characters of text, nesting depth.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Bounds for parsing untrusted documents. The defaults suit resumes and job postings with a
/// wide margin; raise them for unusual inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_input_bytes: u64,
    /// Most PDF pages read.
    pub max_pages: u64,
    /// Largest total of decompressed bytes read from a ZIP container (DOCX, LinkedIn export).
    pub max_unzipped_bytes: u64,
    /// Most entries in a ZIP container.
    pub max_zip_entries: u64,
    /// Most characters of extracted text passed to the parsers.
    pub max_text_chars: u64,
    /// Deepest element nesting accepted in HTML and XML.
    pub max_nesting_depth: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 25 * 1024 * 1024,
            max_pages: 60,
            max_unzipped_bytes: 64 * 1024 * 1024,
            max_zip_entries: 2_000,
            max_text_chars: 2_000_000,
            max_nesting_depth: 256,
        }
    }
}

impl Limits {
    /// Fails with [`Error::LimitExceeded`] when `actual` is over `max`.
    pub fn check(limit: &'static str, actual: u64, max: u64) -> Result<()> {
        if actual > max {
            Err(Error::LimitExceeded { limit, actual, max })
        } else {
            Ok(())
        }
    }
}
