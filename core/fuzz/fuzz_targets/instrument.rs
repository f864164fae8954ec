//! Any bytes given as an instrument (see `checks::instrument_bytes`).
#![no_main]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::instrument_bytes(data));
