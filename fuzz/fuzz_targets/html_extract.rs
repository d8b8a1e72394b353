#![no_main]
//! Fuzz target: any bytes must give a value or a typed error, never a panic or a hang.
use common::limits;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let _ = career_copilot::ingest::html::extract(data, &limits());
    let _ = career_copilot::ingest::html::json_ld(data, &limits());
});
