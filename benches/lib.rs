//! Shared helpers for the benchmarks: locating ../shared/data.

use std::path::PathBuf;

/// The shared development data folder (`../shared/data` beside the workspace).
pub fn data_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data"))
}

/// Reads a file under [`data_dir`], or `None` (with a note on stderr) when it is absent, so a
/// bench can skip instead of failing on a machine without the data.
pub fn data_file(rel: &str) -> Option<Vec<u8>> {
    let path = data_dir().join(rel);
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            eprintln!("skipping {}: {e}", path.display());
            None
        }
    }
}
