//! The package's TypeScript data types are generated from the Rust types (through their JSON
//! Schemas); this keeps `www/src/types.d.ts` in step with them. After changing the types:
//!
//! ```sh
//! UPDATE_TYPES=1 cargo test -p maturity-core --features schema --test typescript
//! ```

use maturity_core::{
    ActionPlanEntry, Aggregate, Comparison, Instrument, Problem, ProgressReport, Response,
    ScoreReport, SystemView, Trends,
};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

/// The exported root types, in the order they are written.
fn roots() -> Vec<(&'static str, schemars::Schema)> {
    vec![
        ("Instrument", schemars::schema_for!(Instrument)),
        ("Response", schemars::schema_for!(Response)),
        ("ScoreReport", schemars::schema_for!(ScoreReport)),
        ("Aggregate", schemars::schema_for!(Aggregate)),
        ("Comparison", schemars::schema_for!(Comparison)),
        ("ActionPlanEntry", schemars::schema_for!(ActionPlanEntry)),
        ("ProgressReport", schemars::schema_for!(ProgressReport)),
        ("Trends", schemars::schema_for!(Trends)),
        ("SystemView", schemars::schema_for!(SystemView)),
        ("Problem", schemars::schema_for!(Problem)),
    ]
}

/// The TypeScript for one schema used in a type position.
fn type_of(schema: &Value) -> String {
    let Some(object) = schema.as_object() else {
        return "unknown".into();
    };
    if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
        return reference.rsplit('/').next().unwrap_or("unknown").to_owned();
    }
    if let Some(constant) = object.get("const") {
        return constant.to_string();
    }
    if let Some(values) = object.get("enum").and_then(Value::as_array) {
        return values
            .iter()
            .map(Value::to_string)
            .collect::<Vec<_>>()
            .join(" | ");
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = object.get(key).and_then(Value::as_array) {
            return options.iter().map(type_of).collect::<Vec<_>>().join(" | ");
        }
    }
    let types: Vec<&str> = match object.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => return "unknown".into(),
    };
    types
        .into_iter()
        .map(|t| match t {
            "string" => "string".to_owned(),
            "integer" | "number" => "number".to_owned(),
            "boolean" => "boolean".to_owned(),
            "null" => "null".to_owned(),
            "array" => {
                let item = object.get("items").map_or("unknown".into(), type_of);
                if item.contains(' ') {
                    format!("({item})[]")
                } else {
                    format!("{item}[]")
                }
            }
            "object" if object.contains_key("properties") => inline_object(object),
            "object" => match object.get("additionalProperties") {
                Some(value @ Value::Object(_)) => format!("Record<string, {}>", type_of(value)),
                _ => "Record<string, unknown>".to_owned(),
            },
            other => panic!("unexpected JSON Schema type {other}"),
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Rust's intra-doc links (`` [`progress_words`] ``, `` [`Response::assessed_on`] ``) name Rust
/// items a TypeScript reader cannot follow: kept as code, without the brackets.
fn without_doc_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[`") {
        let Some(end) = rest[start..].find("`]") else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(&rest[start + 1..start + end + 1]);
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    out
}

fn doc(out: &mut String, indent: &str, schema: &Map<String, Value>) {
    if let Some(text) = schema.get("description").and_then(Value::as_str) {
        let text = without_doc_links(text).replace("*/", "*\\/");
        if text.contains('\n') {
            let _ = writeln!(out, "{indent}/**");
            for line in text.lines() {
                let _ = writeln!(out, "{}", format!("{indent} * {line}").trim_end());
            }
            let _ = writeln!(out, "{indent} */");
        } else {
            let _ = writeln!(out, "{indent}/** {text} */");
        }
    }
}

fn fields(out: &mut String, indent: &str, object: &Map<String, Value>) {
    let required: Vec<&str> = object
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if let Some(properties) = object.get("properties").and_then(Value::as_object) {
        for (name, schema) in properties {
            if let Some(schema) = schema.as_object() {
                doc(out, indent, schema);
            }
            let optional = if required.contains(&name.as_str()) {
                ""
            } else {
                "?"
            };
            let _ = writeln!(out, "{indent}{name}{optional}: {};", type_of(schema));
        }
    }
}

fn inline_object(object: &Map<String, Value>) -> String {
    let mut out = String::from("{\n");
    fields(&mut out, "    ", object);
    out.push_str("  }");
    out
}

fn declaration(out: &mut String, name: &str, schema: &Value) {
    let object = schema.as_object().expect("schemas are objects");
    doc(out, "", object);
    if object.get("type").and_then(Value::as_str) == Some("object")
        && object.contains_key("properties")
    {
        let _ = writeln!(out, "export interface {name} {{");
        fields(out, "  ", object);
        let _ = writeln!(out, "}}\n");
    } else {
        let _ = writeln!(out, "export type {name} = {};\n", type_of(schema));
    }
}

fn generate() -> String {
    let mut declarations: BTreeMap<String, Value> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (name, schema) in roots() {
        let mut value = schema.to_value();
        let object = value.as_object_mut().expect("a schema object");
        if let Some(Value::Object(defs)) = object.remove("$defs") {
            for (def, schema) in defs {
                declarations.entry(def).or_insert(schema);
            }
        }
        for key in ["$schema", "title"] {
            object.remove(key);
        }
        order.push(name.to_owned());
        declarations.insert(name.to_owned(), value);
    }
    let mut out = String::from(
        "// The data types of maturity-matrix, generated from the Rust types of maturity-core by\n\
         // core/tests/typescript.rs (UPDATE_TYPES=1 cargo test -p maturity-core --features schema\n\
         // --test typescript). Do not edit by hand.\n\n",
    );
    for name in &order {
        declaration(&mut out, name, &declarations[name]);
    }
    for (name, schema) in &declarations {
        if !order.contains(name) {
            declaration(&mut out, name, schema);
        }
    }
    out.trim_end().to_owned() + "\n"
}

#[test]
fn typescript_types_are_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../www/src/types.d.ts");
    let generated = generate();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{} is out of date; run UPDATE_TYPES=1 cargo test -p maturity-core --features schema --test typescript",
        path.display()
    );
}
