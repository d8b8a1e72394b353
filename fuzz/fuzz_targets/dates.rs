#![no_main]
//! Fuzz target: date finding on arbitrary text must not panic (byte offsets, month names in
//! many scripts, year arithmetic).
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = career_copilot::model::date::find_date_range(&text);
    let _ = career_copilot::model::date::find_dates(&text);
    let _ = career_copilot::model::date::parse_date(&text);
});
