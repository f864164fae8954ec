//! Native timings of the core: `cargo bench -p maturity-core` (or `scripts/bench.sh`).
//! Prints the median and the fastest of many runs for each operation.

use maturity_core::*;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn measure(name: &str, runs: usize, mut f: impl FnMut()) -> Duration {
    for _ in 0..runs.min(10) {
        f(); // warm caches and the allocator
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    let median = times[runs / 2];
    println!(
        "{name:<48} median {:>10.3} µs   fastest {:>10.3} µs   ({runs} runs)",
        micros(median),
        micros(times[0])
    );
    median
}

#[expect(clippy::float_arithmetic, reason = "reporting a duration, not scoring")]
fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn main() {
    let text = BUILTIN_SOURCES[0].1;
    let instrument = Instrument::from_json(text).unwrap();
    let many = sample::responses(&instrument, 1_000);
    measure(
        "validate the default instrument (parse + check)",
        2_000,
        || {
            black_box(Instrument::from_json(black_box(text)).unwrap());
        },
    );
    measure("score one response (default instrument)", 20_000, || {
        black_box(score(&instrument, black_box(&many[3])));
    });
    measure("read + check one response from JSON", 5_000, || {
        black_box(Response::from_json_for(black_box(&many[5].to_json()), &instrument).unwrap());
    });
    let text = many[5].to_compact_json();
    measure("read one response, full reader (text ready)", 5_000, || {
        black_box(Response::from_json(black_box(&text)).unwrap());
    });
    measure(
        "read one response, quick reader (text ready)",
        20_000,
        || {
            black_box(Response::from_json_quickly(black_box(&text)).unwrap());
        },
    );
    let median = measure(
        "aggregate 1,000 responses (default instrument)",
        200,
        || {
            black_box(aggregate(&instrument, black_box(&many), 2).unwrap());
        },
    );
    measure("action plan for one response", 20_000, || {
        black_box(action_plan(&instrument, black_box(&many[7])));
    });
    measure("CSV of one response", 20_000, || {
        black_box(response_csv(&instrument, black_box(&many[7])));
    });
    let target = Duration::from_millis(2);
    println!(
        "aggregate 1,000 target < {target:?}: {}",
        if median < target { "met" } else { "NOT MET" }
    );
}
