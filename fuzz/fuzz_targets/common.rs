//! Shared by the fuzz targets: tight limits and the panic-hook reset.

use career_copilot::Limits;

/// Tight bounds keep each run short; the parsers must honour them.
pub fn limits() -> Limits {
    Limits { max_pages: 8, max_unzipped_bytes: 4 << 20, max_text_chars: 200_000, ..Limits::default() }
}

/// pdf-extract panics on some malformed files and `ingest::pdf` contains that with
/// `catch_unwind` (an `Error::Corrupt`). libfuzzer-sys's hook aborts on every panic, caught or
/// not, so it is put back to the default: a panic that escapes the library still fails the run.
#[allow(dead_code)]
pub fn keep_caught_panics_caught() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = std::panic::take_hook();
    });
}
