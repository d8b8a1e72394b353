//! Helpers for end-to-end tests and the accuracy scripts: locating `../shared/data`, and
//! field-by-field scoring of parses against ground truth.

use std::path::PathBuf;

pub mod accuracy;

/// The shared data folder (`../shared/data` beside the repository), if present.
pub fn data_dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("CAREER_COPILOT_DATA") {
        return Some(PathBuf::from(dir));
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data");
    dir.is_dir().then_some(dir)
}
