//! The core's benchmark operations as WebAssembly functions, so Node can time the pure core
//! (no JSON crossing the boundary) against the same operations measured natively.

use maturity_core::{aggregate, sample, score, Instrument, Response};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static PREPARED: RefCell<Option<(Instrument, Vec<Response>)>> = const { RefCell::new(None) };
}

/// Parses and validates an instrument; returns its item count (0 when invalid).
#[wasm_bindgen]
pub fn validate(text: &str) -> usize {
    Instrument::from_json(text).map_or(0, |i| i.item_count())
}

/// Parses `text` and builds `n` sample responses for the other functions.
#[wasm_bindgen]
pub fn prepare(text: &str, n: usize) {
    let instrument = Instrument::from_json(text).expect("a valid instrument");
    let responses = sample::responses(&instrument, n);
    PREPARED.with(|p| *p.borrow_mut() = Some((instrument, responses)));
}

/// Scores prepared response `index`; returns the number of rated items.
#[wasm_bindgen]
pub fn score_one(index: usize) -> u32 {
    PREPARED.with(|p| {
        let p = p.borrow();
        let (instrument, responses) = p.as_ref().expect("prepare() first");
        score(instrument, &responses[index % responses.len()])
            .counts
            .rated
    })
}

/// Aggregates every prepared response; returns the number of items aggregated.
#[wasm_bindgen]
pub fn aggregate_all() -> usize {
    PREPARED.with(|p| {
        let p = p.borrow();
        let (instrument, responses) = p.as_ref().expect("prepare() first");
        aggregate(instrument, responses, 2).map_or(0, |a| a.items.len())
    })
}

/// The prepared responses as a JSON array, so the JavaScript API is timed on the same data.
#[wasm_bindgen]
pub fn prepared_json() -> String {
    PREPARED.with(|p| {
        let p = p.borrow();
        let (_, responses) = p.as_ref().expect("prepare() first");
        let each: Vec<String> = responses.iter().map(Response::to_json).collect();
        format!("[{}]", each.join(","))
    })
}
