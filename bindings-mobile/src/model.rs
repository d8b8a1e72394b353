//! `model`: operations on profiles (merging two sources).

use crate::CopilotError;
use crate::convert;

/// A field where the two sources disagree; `kept` stays in the profile.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MergeConflict {
    /// Path in the merged profile, e.g. `basics.email`.
    pub path: String,
    pub kept: String,
    pub other: String,
}

/// The merged profile (JSON Resume text) and what the merge did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MergedProfile {
    pub profile_json: String,
    pub conflicts: Vec<MergeConflict>,
    /// Paths of entries taken from the other source as new.
    pub added: Vec<String>,
    /// Paths of entries matched and merged.
    pub matched: Vec<String>,
}

/// Merges `theirs_json` (another source for the same person) into `ours_json`: where both hold
/// different values ours is kept and the conflict reported.
#[uniffi::export]
pub fn merge_profiles(
    ours_json: String,
    theirs_json: String,
) -> Result<MergedProfile, CopilotError> {
    let mut merged = convert::profile("profile", &ours_json)?;
    let other = convert::profile("other profile", &theirs_json)?;
    let report = merged.merge(other);
    Ok(MergedProfile {
        profile_json: convert::json(&merged)?,
        conflicts: report
            .conflicts
            .into_iter()
            .map(|c| MergeConflict {
                path: c.path,
                kept: c.kept,
                other: c.other,
            })
            .collect(),
        added: report.added,
        matched: report.matched,
    })
}
