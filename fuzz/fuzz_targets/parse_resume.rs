#![no_main]
//! Fuzz target: any bytes must give a value or a typed error, never a panic or a hang.
use career_copilot::Limits;
use libfuzzer_sys::fuzz_target;

/// Tight bounds keep each run short; the parsers must honour them.
fn limits() -> Limits {
    Limits {
        max_pages: 8,
        max_unzipped_bytes: 4 << 20,
        max_text_chars: 200_000,
        ..Limits::default()
    }
}

/// pdf-extract panics on some malformed files and `ingest::pdf` contains that with
/// `catch_unwind` (an `Error::Corrupt`). libfuzzer-sys's hook aborts on every panic, caught or
/// not, so it is put back to the default: a panic that escapes the library still fails the run.
fn keep_caught_panics_caught() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = std::panic::take_hook();
    });
}

fuzz_target!(|data: &[u8]| {
    keep_caught_panics_caught();
    let hint = career_copilot::Hint {
        limits: limits(),
        ..Default::default()
    };
    let _ = career_copilot::parse_resume(data, &hint);
});
