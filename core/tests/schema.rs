//! The published JSON Schemas are generated from the Rust types; this keeps the checked-in
//! files in step with them. After changing the types, regenerate with:
//!
//! ```sh
//! UPDATE_SCHEMA=1 cargo test -p maturity-core --features schema --test schema
//! ```

use maturity_core::{Instrument, Response, BUILTIN_SOURCES};
use std::path::Path;

fn check(name: &str, schema: schemars::Schema) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs")
        .join(name);
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(on_disk == generated, "{} is out of date; run UPDATE_SCHEMA=1 cargo test -p maturity-core --features schema --test schema", path.display());
}

#[test]
fn instrument_schema_is_current() {
    check("instrument.schema.json", schemars::schema_for!(Instrument));
}

#[test]
fn response_schema_is_current() {
    check("response.schema.json", schemars::schema_for!(Response));
}

#[test]
fn builtin_instruments_match_the_schema_types() {
    // The derived Deserialize mirrors the schema: every shipped file must satisfy it too.
    for (id, text) in BUILTIN_SOURCES {
        let derived: Instrument =
            serde_json::from_str(text).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(derived, Instrument::from_json(text).unwrap());
    }
}
