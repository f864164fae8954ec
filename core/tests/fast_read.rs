//! The quick response reader against the full one: whatever the quick reader accepts, the full
//! reader must read to the same response, over the response files in this repository and over
//! many small damages to them. (When the quick reader declines, the full reader is used, so its
//! messages are what people see.)

use maturity_core::Response;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::path::Path;

/// The response files kept for other tests, in the current format (older ones as the full reader
/// migrates them; broken ones of the current format as they are).
fn current_format_files() -> &'static [String] {
    static FILES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    FILES.get_or_init(read_files)
}

fn read_files() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = vec![root.join("formats/response-v2.json")];
    for case in std::fs::read_dir(root.join("cases")).unwrap() {
        let responses = case.unwrap().path().join("responses");
        if let Ok(entries) = std::fs::read_dir(responses) {
            files.extend(entries.map(|e| e.unwrap().path()));
        }
    }
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .filter_map(|text| match Response::from_json(&text) {
            Ok(response) => Some(response.to_json()),
            Err(_) => serde_json::from_str::<Value>(&text)
                .is_ok_and(|v| v.get("formatVersion") == Some(&json!(2)))
                .then_some(text),
        })
        .collect()
}

fn agrees(text: &str) -> Result<(), TestCaseError> {
    if let Some(quick) = Response::from_json_quickly(text) {
        let full = Response::from_json(text);
        prop_assert_eq!(
            full.as_ref().ok(),
            Some(&quick),
            "the quick reader took what the full reader reads differently ({:?}):\n{}",
            full.as_ref().err(),
            text
        );
    }
    Ok(())
}

#[test]
fn every_good_current_format_file_is_read_quickly_and_the_same() {
    let files = current_format_files();
    assert!(files.len() >= 10, "only {} files", files.len());
    let mut quick = 0;
    for text in files {
        agrees(text).unwrap();
        if Response::from_json(text).is_ok() {
            assert!(
                Response::from_json_quickly(text).is_some(),
                "a good file took the slow way:\n{text}"
            );
            quick += 1;
        }
    }
    assert!(quick >= 10, "only {quick} good files");
}

#[test]
fn an_item_given_twice_is_left_to_the_full_reader() {
    let text = r#"{"formatVersion":2,"instrument":{"id":"nhs-impact","version":"1"},
        "answers":{"purpose-created":{"level":2},"purpose-created":{"level":3}}}"#;
    assert_eq!(Response::from_json_quickly(text), None);
    assert!(Response::from_json(text).is_err());
}

/// Values at and around every limit and rule the reader applies.
fn edge_value() -> impl Strategy<Value = Value> {
    let long = |c: &str, n: usize| Value::String(c.repeat(n));
    prop_oneof![
        Just(Value::Null),
        Just(json!(true)),
        Just(json!(0)),
        Just(json!(-1)),
        Just(json!(1.5)),
        Just(json!(2.0)),
        Just(json!(100)),
        Just(json!(101)),
        Just(json!(255)),
        Just(json!(256)),
        Just(json!(1)),
        Just(json!(2)),
        Just(json!(3)),
        Just(json!("")),
        Just(json!(" ")),
        Just(json!("a b")),
        Just(json!("bad id!")),
        Just(long("x", 64)),
        Just(long("x", 65)),
        Just(long("x", 200)),
        Just(long("x", 201)),
        Just(long("\u{e9}", 200)),
        Just(long("\u{e9}", 201)),
        Just(long("x", 1000)),
        Just(long("x", 1001)),
        Just(long("\u{1F600}", 10_000)),
        Just(long("x", 10_001)),
        Just(json!("2027-02-28")),
        Just(json!("2027-02-29")),
        Just(json!("2028-02-29")),
        Just(json!("2027-1-01")),
        Just(json!("2026-11-28T09:30:00Z")),
        Just(json!("2026-11-28T09:30:00.123+01:00")),
        Just(json!("2026-11-28T09:30:00")),
        Just(json!("2026-11-28T09:30:00.123456789012345678901234Z")),
        Just(json!("notApplicable")),
        Just(json!("dontKnow")),
        Just(json!("inProgress")),
        Just(json!("done")),
        Just(json!("maybe")),
        Just(json!({ "dontKnow": null })),
        Just(json!({ "done": null })),
        Just(json!(["nhs-impact", "1.0.0"])),
        Just(json!([["2027-01-01", "Done."]])),
        Just(json!([2])),
        Just(json!([])),
        Just(json!({})),
        Just(json!([{ "date": "2027-01-01", "text": "Done." }])),
        Just(json!([{ "date": "", "text": "Done." }])),
        Just(json!([{ "date": "2027-01-01", "text": " " }])),
        Just(json!([{ "text": "No date." }])),
        Just(json!([{ "date": "2027-01-01", "text": "t", "status": "done", "extra": 1 }])),
        Just(json!({ "level": 2, "special": "dontKnow" })),
        Just(json!({ "level": 2, "prioritised": "yes" })),
        Just(json!({ "special": "notApplicable", "notes": "n" })),
        Just(json!({ "id": "nhs-impact", "version": "2" })),
        Just(json!({ "name": "A", "role": "B", "age": 3 })),
    ]
}

/// Every place in a document: the path of keys and indexes to each value.
fn places(value: &Value, path: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(path.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                path.push(json!(key));
                places(child, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                path.push(json!(i));
                places(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at<'v>(value: &'v mut Value, path: &[Value]) -> &'v mut Value {
    path.iter().fold(value, |v, step| match step {
        Value::String(key) => &mut v[key.as_str()],
        step => &mut v[usize::try_from(step.as_u64().unwrap()).unwrap()],
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Replaces one value anywhere, or adds a field next to it, and compares the readers.
    #[test]
    fn damage_anywhere_is_read_alike(
        file in any::<prop::sample::Index>(),
        place in any::<prop::sample::Index>(),
        value in edge_value(),
        key in prop_oneof![Just(None), "[a-zA-Z]{1,12}".prop_map(Some)],
    ) {
        let files = current_format_files();
        let mut doc: Value = serde_json::from_str(&files[file.index(files.len())]).unwrap();
        let mut all = Vec::new();
        places(&doc, &mut Vec::new(), &mut all);
        let path = &all[place.index(all.len())];
        let target = at(&mut doc, path);
        match (key, target) {
            (Some(key), Value::Object(map)) => { map.insert(key, value); }
            (_, target) => *target = value,
        }
        agrees(&serde_json::to_string(&doc).unwrap())?;
        agrees(&serde_json::to_string_pretty(&doc).unwrap())?;
    }
}
