//! Any bytes given as an instrument: no panic, bounded memory, and what validates round-trips.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maturity_core::{score, Instrument, Response};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(instrument) = Instrument::from_json(text) {
        let again = Instrument::from_json(&instrument.to_json()).expect("a valid instrument re-reads");
        assert_eq!(again, instrument);
        let _ = score(&instrument, &Response::new(&instrument));
    }
});
