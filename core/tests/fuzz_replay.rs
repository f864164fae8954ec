//! Replays the fuzzers' seeds and every saved crash input through the fuzzers' own checks, as
//! an ordinary test: the time-bounded fuzzing itself is `scripts/fuzz.sh`, run on demand.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

/// Every file under `core/fuzz/{seeds,regressions}/<target>/`.
fn inputs(target: &str) -> Vec<std::path::PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files = Vec::new();
    for folder in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(folder).join(target)) else {
            continue;
        };
        files.extend(entries.filter_map(|e| Some(e.ok()?.path())));
    }
    files.sort();
    files
}

#[test]
fn instrument_inputs_pass_the_fuzz_checks() {
    let files = inputs("instrument");
    assert!(files.len() >= 3, "the seeds are there");
    for file in files {
        checks::instrument_bytes(&std::fs::read(&file).unwrap());
    }
}

#[test]
fn response_inputs_pass_the_fuzz_checks() {
    let files = inputs("response");
    assert!(files.len() >= 3, "the seeds are there");
    for file in files {
        checks::response_bytes(&std::fs::read(&file).unwrap());
    }
}
