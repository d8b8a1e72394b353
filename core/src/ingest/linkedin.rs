//! TEMPORARY STUB (mine).
use super::Parsed;
use crate::model::Profile;
use crate::{Error, Limits, Result};

/// Reads a LinkedIn export ZIP.
pub fn parse_zip(_bytes: &[u8], _limits: &Limits) -> Result<Parsed<Profile>> {
    Err(Error::UnsupportedFormat("linkedin".into()))
}
