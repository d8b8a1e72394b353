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

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = career_copilot::ingest::text::decode(data, &limits()) {
        let _ = career_copilot::ingest::TextDoc::from_plain(&text);
    }
});
