//! TEMPORARY STUB (mine).
use super::Parsed;
use crate::model::Profile;
use crate::{Error, Limits, Result};

/// Reads RenderCV YAML.
pub fn parse(_bytes: &[u8], _limits: &Limits) -> Result<Parsed<Profile>> {
    Err(Error::UnsupportedFormat("rendercv".into()))
}
