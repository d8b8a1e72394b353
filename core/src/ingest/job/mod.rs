//! TEMPORARY STUB (owned by the job helper).
use super::{Format, Parsed};
use crate::model::Job;
use crate::{Error, Limits, Result};

/// Parses a job posting.
pub fn parse(_bytes: &[u8], _format: Format, _limits: &Limits) -> Result<Parsed<Job>> {
    Err(Error::UnsupportedFormat("job parsing not written yet".into()))
}
