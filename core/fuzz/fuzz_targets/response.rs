//! Any bytes given as a response to the default instrument (see `checks::response_bytes`).
#![no_main]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::response_bytes(data));
