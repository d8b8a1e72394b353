//! TEMPORARY STUB (owned by the resume helper).
use super::{Format, TextDoc, Warning};
use crate::model::Profile;

/// Parses extracted text into a profile.
pub fn parse_doc(_doc: &TextDoc, _format: Format) -> (Profile, Vec<Warning>) {
    (Profile::default(), Vec::new())
}
