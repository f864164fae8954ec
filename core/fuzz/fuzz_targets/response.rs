//! Any bytes given as a response to the default instrument: no panic, bounded memory, and
//! every computation runs on whatever is accepted.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maturity_core::*;

fuzz_target!(|data: &[u8]| {
    thread_local! {
        static INSTRUMENT: Instrument = builtin(DEFAULT_INSTRUMENT_ID).unwrap();
    }
    let Ok(text) = std::str::from_utf8(data) else { return };
    INSTRUMENT.with(|instrument| {
        let Ok(response) = Response::from_json_for(text, instrument) else { return };
        let _ = score(instrument, &response);
        let _ = action_plan(instrument, &response);
        let _ = response_csv(instrument, &response);
        let both = [response.clone(), response.clone()];
        let aggregate = aggregate(instrument, &both, 1).unwrap();
        let _ = aggregate_csv(instrument, &aggregate);
        let _ = compare(instrument, &both[0], &both[1]).unwrap();
        assert_eq!(Response::from_json_for(&response.to_json(), instrument).unwrap(), response);
    });
});
