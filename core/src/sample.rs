//! Deterministic sample responses for benchmarks, shared by the native and WebAssembly
//! benchmarks so both time the same work. Behind the `sample` feature: not part of the API.

use crate::{Instrument, Response, Special};

/// `n` varied responses to `instrument`: every level, "don't know" and unanswered items appear.
pub fn responses(instrument: &Instrument, n: usize) -> Vec<Response> {
    let levels: Vec<u8> = instrument.scale.levels.iter().map(|l| l.value).collect();
    (0..n)
        .map(|r| {
            let mut response = Response::new(instrument);
            for (k, (_, item)) in instrument.items().enumerate() {
                let pick = (r * 7 + k * 13 + r * k) % (levels.len() + 2);
                if pick <= levels.len() {
                    let answer = response.answers.entry(item.id.clone()).or_default();
                    if pick < levels.len() {
                        answer.level = Some(levels[pick]);
                    } else {
                        answer.special = Some(Special::DontKnow);
                    }
                }
            }
            response
        })
        .collect()
}
