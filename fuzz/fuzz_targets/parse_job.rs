#![no_main]
//! Fuzz target: any bytes must give a value or a typed error, never a panic or a hang.
use common::{keep_caught_panics_caught, limits};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    keep_caught_panics_caught();
    let hint = career_copilot::Hint {
        limits: limits(),
        ..Default::default()
    };
    let _ = career_copilot::parse_job(data, &hint);
});
