//! Golden cases: each directory under `tests/cases/` holds an instrument (`instrument.json`, or
//! `builtin.txt` naming a built-in one), response files under `responses/` (read in name
//! order), an optional `organisations/` folder of agreed records (the case then also covers
//! the system view), an optional `threshold.txt`, an optional `today.txt` (a `YYYY-MM-DD` day: the case
//! then also covers progress on actions, trends and the calendar file, and is the day the
//! agreed draft is agreed on; otherwise that is 2026-12-01), and `expected.json`,
//! the output of every computation.
//!
//! Regenerate the expected files after an intended change with:
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test -p maturity-core --test golden
//! ```
//!
//! The browser tests compute the same output through the WebAssembly package in Node and
//! compare it with these files, which proves native and WebAssembly agree.

use maturity_core::*;
use serde_json::{json, Value};
use std::fs;
use std::path::Path;

fn problems(error: &Error) -> Value {
    serde_json::to_value(error.problems()).unwrap()
}

/// Everything the core computes for one case, as JSON.
fn run_case(dir: &Path) -> Value {
    let instrument_text = match fs::read_to_string(dir.join("builtin.txt")) {
        Ok(id) => BUILTIN_SOURCES
            .iter()
            .find(|(known, _)| *known == id.trim())
            .expect("known built-in")
            .1
            .to_owned(),
        Err(_) => {
            fs::read_to_string(dir.join("instrument.json")).expect("instrument.json or builtin.txt")
        }
    };
    let instrument = match Instrument::from_json(&instrument_text) {
        Ok(instrument) => instrument,
        Err(error) => return json!({ "instrumentError": problems(&error) }),
    };
    let threshold = fs::read_to_string(dir.join("threshold.txt"))
        .map_or(DEFAULT_DISAGREEMENT_THRESHOLD, |t| {
            t.trim().parse().unwrap()
        });
    let mut files: Vec<_> = fs::read_dir(dir.join("responses"))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut responses = Vec::new();
    let mut response_errors = serde_json::Map::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        match Response::from_json_for(&fs::read_to_string(file).unwrap(), &instrument) {
            Ok(response) => responses.push(response),
            Err(error) => {
                response_errors.insert(name, problems(&error));
            }
        }
    }
    let aggregate = aggregate(&instrument, &responses, threshold).unwrap();
    // The day an agreed record is started: the case's day, or a fixed one.
    let agreed_on = fs::read_to_string(dir.join("today.txt"))
        .map_or_else(|_| "2026-12-01".to_owned(), |t| t.trim().to_owned());
    let mut output = json!({
        "responseErrors": response_errors,
        "scores": responses.iter().map(|r| score(&instrument, r)).collect::<Vec<_>>(),
        "actionPlans": responses.iter().map(|r| action_plan(&instrument, r)).collect::<Vec<_>>(),
        "responseCsv": responses.iter().map(|r| response_csv(&instrument, r)).collect::<Vec<_>>(),
        "aggregateCsv": aggregate_csv(&instrument, &aggregate),
        "agreedDraft": agreed_draft(&instrument, &aggregate, &agreed_on),
        "aggregate": aggregate,
        "comparison": match responses.as_slice() {
            [first, .., last] => serde_json::to_value(compare(&instrument, first, last).unwrap()).unwrap(),
            _ => Value::Null,
        },
    });
    // The board's year, where the case says what day it is: the latest assessment's progress
    // and calendar, and the trends across every assessment.
    if let Ok(today) = fs::read_to_string(dir.join("today.txt")) {
        let today = today.trim();
        // A browser clock has milliseconds, which the calendar must drop.
        let now = format!("{today}T09:00:00.628Z");
        let latest = responses.last().expect("a case for the year has responses");
        output["progress"] = serde_json::to_value(progress(&instrument, latest, today)).unwrap();
        output["trends"] = serde_json::to_value(trends(&instrument, &responses)).unwrap();
        output["calendar"] = calendar_ics(&instrument, latest, &now, today).into();
    }
    // The system: several organisations' agreed records side by side.
    if let Ok(dir) = fs::read_dir(dir.join("organisations")) {
        let mut files: Vec<_> = dir.map(|e| e.unwrap().path()).collect();
        files.sort();
        let records: Vec<Response> = files
            .iter()
            .map(|f| Response::from_json(&fs::read_to_string(f).unwrap()).unwrap())
            .collect();
        let view = system_view(&instrument, &records).unwrap();
        output["systemCsv"] = system_csv(&instrument, &view, false).into();
        output["systemCsvAnonymous"] = system_csv(&instrument, &view, true).into();
        output["system"] = serde_json::to_value(view).unwrap();
    }
    output
}

#[test]
fn golden_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut dirs: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 8, "the golden cases are present");
    let mut failures = Vec::new();
    for dir in dirs {
        let actual = run_case(&dir);
        let expected_path = dir.join("expected.json");
        let pretty = serde_json::to_string_pretty(&actual).unwrap() + "\n";
        if update {
            fs::write(&expected_path, pretty).unwrap();
            continue;
        }
        let expected: Value =
            serde_json::from_str(&fs::read_to_string(&expected_path).unwrap_or_else(|_| {
                panic!(
                    "{} has no expected.json; run with UPDATE_GOLDEN=1",
                    dir.display()
                )
            }))
            .unwrap();
        if expected != actual {
            failures.push(format!("{}:\n{pretty}", dir.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "golden cases differ (UPDATE_GOLDEN=1 to accept):\n{}",
        failures.join("\n")
    );
}
