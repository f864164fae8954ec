//! Reading an instrument from JSON: every rule of the format checked, every problem reported
//! with its path, before a single score is computed.

use super::{format_version_words, index, kind, parse_document, Fields, Reader, Text};
use crate::error::Result;
use crate::instrument::limits::*;
use crate::instrument::{
    Band, Component, Instrument, Item, Level, Rollup, Scale, Scoring, SpecialAnswer,
    INSTRUMENT_FORMAT_VERSION,
};
use crate::score::Score;
use crate::words::plural;
use serde_json::Value;
use std::collections::BTreeSet;

impl Instrument {
    /// Parses and validates an instrument from JSON text, reporting every problem at once.
    pub fn from_json(text: &str) -> Result<Instrument> {
        let value = parse_document(text, MAX_BYTES, "instrument")?;
        Instrument::from_value(&value)
    }

    /// Validates an already-parsed JSON value (e.g. an object passed from JavaScript).
    pub fn from_value(value: &Value) -> Result<Instrument> {
        let mut reader = Reader::default();
        let instrument = read_instrument(&mut reader, value);
        reader.finish_some(instrument, "the instrument could not be read")
    }
}

fn read_instrument(r: &mut Reader, value: &Value) -> Option<Instrument> {
    let f = r.object(
        value,
        "",
        &[
            "formatVersion",
            "id",
            "version",
            "title",
            "description",
            "source",
            "scale",
            "scoring",
            "components",
        ],
    )?;
    read_format_version(r, &f);
    let id = r.id(&f, "id");
    let version = r.text(&f, "version", Text::required(MAX_TITLE_CHARS));
    let title = r.text(&f, "title", Text::required(MAX_TITLE_CHARS));
    let description = r.text(&f, "description", Text::optional(MAX_TEXT_CHARS));
    let source = r.text(&f, "source", Text::optional(MAX_TEXT_CHARS));
    let scale = r
        .required(&f, "scale")
        .and_then(|v| read_scale(r, v, &f.path_of("scale")));
    let scoring = f
        .get("scoring")
        .map_or(Some(Scoring::default()), |v| read_scoring(r, v, "scoring"));
    let components = read_components(r, &f, scale.as_ref());
    Some(Instrument {
        format_version: INSTRUMENT_FORMAT_VERSION,
        id: id?,
        version: version?,
        title: title?,
        description: description.unwrap_or_default(),
        source: source.unwrap_or_default(),
        scale: scale?,
        scoring: scoring?,
        components: components?,
    })
}

/// The format version: the number 1. A newer one asks for a newer tool; text, even "1", is named
/// as text rather than taken.
fn read_format_version(r: &mut Reader, f: &Fields<'_>) {
    let path = f.path_of("formatVersion");
    match f.get("formatVersion") {
        None => r.missing(path),
        Some(v) => match v.as_u64() {
            Some(v) if v == u64::from(INSTRUMENT_FORMAT_VERSION) => {}
            Some(v) if v > u64::from(INSTRUMENT_FORMAT_VERSION) => r.report(path, format!("format {v} is newer than this tool understands (it reads format {INSTRUMENT_FORMAT_VERSION}); update the tool")),
            _ => r.report(path, format_version_words(v, "instrument", INSTRUMENT_FORMAT_VERSION)),
        },
    }
}

fn read_scale(r: &mut Reader, value: &Value, path: &str) -> Option<Scale> {
    let f = r.object(value, path, &["levels", "notApplicable", "dontKnow"])?;
    let mut levels = Vec::new();
    if let Some(list) = r.array(&f, "levels", true, MAX_LEVELS) {
        if list.len() < MIN_LEVELS {
            r.report(
                f.path_of("levels"),
                format!(
                    "{}; a scale needs {MIN_LEVELS} to {MAX_LEVELS}",
                    plural(list.len(), "level", "levels")
                ),
            );
        }
        let mut labels = BTreeSet::new();
        for (i, v) in list.iter().enumerate() {
            let p = index(&f.path_of("levels"), i);
            let Some(lf) = r.object(v, &p, &["value", "label", "description"]) else {
                continue;
            };
            let value = r.integer(&lf, "value", true, 0, MAX_LEVEL_VALUE);
            let label = r.text(&lf, "label", Text::required(MAX_TITLE_CHARS));
            let description = r.text(&lf, "description", Text::optional(MAX_TEXT_CHARS));
            if let Some(label) = &label {
                if !labels.insert(label.trim().to_ascii_lowercase()) {
                    r.report(
                        lf.path_of("label"),
                        format!("\"{label}\" is used by another level"),
                    );
                }
            }
            if let (Some(value), Some(label)) = (value, label) {
                if let Some(prev) = levels.last().map(|l: &Level| l.value) {
                    if i64::from(prev) >= value {
                        r.report(lf.path_of("value"), format!("{value} must be greater than the level before it ({prev}); list levels lowest first"));
                    }
                }
                let value = u8::try_from(value).expect("range checked above");
                levels.push(Level {
                    value,
                    label,
                    description: description.unwrap_or_default(),
                });
            }
        }
    }
    let not_applicable = read_special(r, &f, "notApplicable");
    let dont_know = read_special(r, &f, "dontKnow");
    Some(Scale {
        levels,
        not_applicable: not_applicable?,
        dont_know: dont_know?,
    })
}

fn read_special(r: &mut Reader, f: &Fields<'_>, key: &str) -> Option<Option<SpecialAnswer>> {
    let Some(value) = f.get(key) else {
        return Some(None);
    };
    let sf = r.object(value, &f.path_of(key), &["label"])?;
    let label = r.text(&sf, "label", Text::required(MAX_TITLE_CHARS))?;
    Some(Some(SpecialAnswer { label }))
}

fn read_rollup(r: &mut Reader, f: &Fields<'_>, key: &str) -> Option<Rollup> {
    match f.get(key) {
        None => Some(Rollup::Mean),
        Some(Value::String(s)) if s == "mean" => Some(Rollup::Mean),
        Some(Value::String(s)) if s == "median" => Some(Rollup::Median),
        Some(Value::String(s)) if s == "minimum" => Some(Rollup::Minimum),
        Some(_) => {
            r.report(
                f.path_of(key),
                "expected \"mean\", \"median\" or \"minimum\"",
            );
            None
        }
    }
}

fn read_scoring(r: &mut Reader, value: &Value, path: &str) -> Option<Scoring> {
    let f = r.object(value, path, &["component", "overall", "bands"])?;
    let component = read_rollup(r, &f, "component");
    let overall = read_rollup(r, &f, "overall");
    let mut bands: Vec<Band> = Vec::new();
    let mut labels = BTreeSet::new();
    for (i, v) in r
        .array(&f, "bands", false, MAX_BANDS)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let p = index(&f.path_of("bands"), i);
        let Some(bf) = r.object(v, &p, &["from", "label"]) else {
            continue;
        };
        let label = r.text(&bf, "label", Text::required(MAX_TITLE_CHARS));
        let from = r
            .required(&bf, "from")
            .and_then(|v| read_two_decimals(r, v, &bf.path_of("from")));
        if let Some(label) = &label {
            if !labels.insert(label.trim().to_ascii_lowercase()) {
                r.report(
                    bf.path_of("label"),
                    format!("\"{label}\" is used by another band"),
                );
            }
        }
        if let (Some(from), Some(label)) = (from, label) {
            if let Some(prev) = bands.last() {
                if prev.from >= from {
                    r.report(bf.path_of("from"), format!("{from} must be greater than the band before it ({}); list bands lowest first", prev.from));
                }
            }
            bands.push(Band { from, label });
        }
    }
    Some(Scoring {
        component: component?,
        overall: overall?,
        bands,
    })
}

/// Reads a number with at most two decimals as an exact [`Score`], from its decimal text so
/// no binary rounding is involved.
fn read_two_decimals(r: &mut Reader, value: &Value, path: &str) -> Option<Score> {
    let parsed = match value {
        Value::Number(n) => parse_hundredths(&n.to_string()),
        _ => None,
    };
    if parsed.is_none() {
        r.report(
            path,
            "expected a number from 0 to 100 with at most two decimals",
        );
    }
    parsed
}

fn parse_hundredths(text: &str) -> Option<Score> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 2
        || whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok().filter(|w| *w <= MAX_LEVEL_VALUE)?;
    let fraction: i64 = format!("{fraction:0<2}").parse().ok()?;
    Some(Score(whole * 100 + fraction)).filter(|s| s.0 <= MAX_LEVEL_VALUE * 100)
}

fn read_components(
    r: &mut Reader,
    f: &Fields<'_>,
    scale: Option<&Scale>,
) -> Option<Vec<Component>> {
    let list = r.array(f, "components", true, MAX_COMPONENTS)?;
    if list.is_empty() {
        r.report(
            f.path_of("components"),
            "empty; an instrument needs at least one component",
        );
    }
    let total_items: usize = list
        .iter()
        .filter_map(|c| c.get("items")?.as_array().map(Vec::len))
        .sum();
    if total_items > MAX_ITEMS {
        r.report(
            f.path_of("components"),
            format!("{total_items} items in all; the limit is {MAX_ITEMS}"),
        );
        return None;
    }
    let levels = scale.map(|s| s.levels.len());
    let mut component_ids = BTreeSet::new();
    let mut item_ids = BTreeSet::new();
    let mut components = Vec::new();
    for (ci, cv) in list.iter().enumerate() {
        let cp = index(&f.path_of("components"), ci);
        let Some(cf) = r.object(
            cv,
            &cp,
            &["id", "title", "description", "guidance", "weight", "items"],
        ) else {
            continue;
        };
        let id = r.id(&cf, "id");
        if let Some(id) = &id {
            if !component_ids.insert(id.clone()) {
                r.report(
                    cf.path_of("id"),
                    format!("\"{id}\" is used by another component"),
                );
            }
        }
        let title = r.text(&cf, "title", Text::required(MAX_TITLE_CHARS));
        let description = r.text(&cf, "description", Text::optional(MAX_TEXT_CHARS));
        let guidance = r.text(&cf, "guidance", Text::optional(MAX_TEXT_CHARS));
        let weight = read_weight(r, &cf);
        let mut items = Vec::new();
        if let Some(list) = r.array(&cf, "items", true, MAX_ITEMS) {
            if list.is_empty() {
                r.report(
                    cf.path_of("items"),
                    "empty; a component needs at least one item",
                );
            }
            for (ii, iv) in list.iter().enumerate() {
                let ip = index(&cf.path_of("items"), ii);
                if let Some(item) = read_item(r, iv, &ip, levels, &mut item_ids) {
                    items.push(item);
                }
            }
        }
        if let (Some(id), Some(title), Some(weight)) = (id, title, weight) {
            components.push(Component {
                id,
                title,
                description: description.unwrap_or_default(),
                guidance: guidance.unwrap_or_default(),
                weight,
                items,
            });
        }
    }
    Some(components)
}

fn read_weight(r: &mut Reader, f: &Fields<'_>) -> Option<u32> {
    match f.get("weight") {
        None => Some(1),
        Some(v) => {
            let w = r.integer_value(v, &|| f.path_of("weight"), 1, MAX_WEIGHT)?;
            Some(u32::try_from(w).expect("range checked"))
        }
    }
}

fn read_item(
    r: &mut Reader,
    value: &Value,
    path: &str,
    levels: Option<usize>,
    ids: &mut BTreeSet<String>,
) -> Option<Item> {
    let f = r.object(
        value,
        path,
        &[
            "id", "title", "prompt", "levels", "moveUp", "guidance", "evidence", "weight",
        ],
    )?;
    let id = r.id(&f, "id");
    if let Some(id) = &id {
        if !ids.insert(id.clone()) {
            r.report(f.path_of("id"), format!("\"{id}\" is used by another item; item ids must be unique across the instrument"));
        }
    }
    let title = r.text(&f, "title", Text::required(MAX_TITLE_CHARS));
    let prompt = r.text(&f, "prompt", Text::optional(MAX_TEXT_CHARS));
    let guidance = r.text(&f, "guidance", Text::optional(MAX_TEXT_CHARS));
    let weight = read_weight(r, &f);
    let descriptors = read_text_list(r, &f, "levels", MAX_LEVELS);
    if let (Some(d), Some(n)) = (&descriptors, levels) {
        if !d.is_empty() && d.len() != n {
            r.report(
                f.path_of("levels"),
                format!(
                    "{}, the scale has {}",
                    plural(d.len(), "descriptor", "descriptors"),
                    plural(n, "level", "levels")
                ),
            );
        }
    }
    let move_up = read_text_list(r, &f, "moveUp", MAX_LEVELS);
    if let (Some(steps), Some(n)) = (&move_up, levels) {
        if !steps.is_empty() && steps.len() + 1 != n {
            r.report(
                f.path_of("moveUp"),
                format!(
                    "{}; a scale of {} has {} up (one for each level but the top)",
                    plural(steps.len(), "step", "steps"),
                    plural(n, "level", "levels"),
                    plural(n.saturating_sub(1), "step", "steps")
                ),
            );
        }
    }
    let evidence = read_text_list(r, &f, "evidence", MAX_EVIDENCE);
    Some(Item {
        id: id?,
        title: title?,
        prompt: prompt.unwrap_or_default(),
        levels: descriptors?,
        move_up: move_up?,
        guidance: guidance.unwrap_or_default(),
        evidence: evidence?,
        weight: weight?,
    })
}

fn read_text_list(r: &mut Reader, f: &Fields<'_>, key: &str, max: usize) -> Option<Vec<String>> {
    let Some(list) = r.array(f, key, false, max) else {
        return f.get(key).is_none().then(Vec::new);
    };
    let mut out = Vec::with_capacity(list.len());
    let mut ok = true;
    for (i, v) in list.iter().enumerate() {
        let p = index(&f.path_of(key), i);
        match v {
            Value::String(s) if s.trim().is_empty() => {
                r.report(p, "empty; write some text here");
                ok = false;
            }
            Value::String(s) if s.chars().count() > MAX_TEXT_CHARS => {
                r.report(
                    p,
                    format!(
                        "{} characters; the limit is {MAX_TEXT_CHARS}",
                        s.chars().count()
                    ),
                );
                ok = false;
            }
            Value::String(s) => out.push(s.clone()),
            other => {
                r.report(p, format!("expected text, found {}", kind(other)));
                ok = false;
            }
        }
    }
    ok.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The messages of reading a small instrument (two levels, one item) changed by `change`.
    fn messages(change: impl FnOnce(&mut Value)) -> Vec<String> {
        let mut value = serde_json::json!({
            "formatVersion": 1, "id": "x", "version": "1", "title": "T",
            "scale": { "levels": [{ "value": 1, "label": "Low" }, { "value": 2, "label": "High" }] },
            "components": [{ "id": "c", "title": "C", "items": [{ "id": "i", "title": "I" }] }],
        });
        assert!(Instrument::from_value(&value).is_ok());
        change(&mut value);
        Instrument::from_json(&value.to_string())
            .unwrap_err()
            .problems()
            .iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect()
    }

    #[test]
    fn counts_of_one_are_singular() {
        assert_eq!(
            messages(|v| {
                v["scale"]["levels"].as_array_mut().unwrap().truncate(1);
                let item = &mut v["components"][0]["items"][0];
                item["levels"] = serde_json::json!(["a", "b"]);
                item["moveUp"] = serde_json::json!(["x", "y"]);
            }),
            [
                "scale.levels: 1 level; a scale needs 2 to 10",
                "components[0].items[0].levels: 2 descriptors, the scale has 1 level",
                "components[0].items[0].moveUp: 2 steps; a scale of 1 level has 0 steps up (one for each level but the top)",
            ]
        );
        assert_eq!(
            messages(|v| {
                let item = &mut v["components"][0]["items"][0];
                item["levels"] = serde_json::json!(["a"]);
                item["moveUp"] = serde_json::json!(["x", "y"]);
            }),
            [
                "components[0].items[0].levels: 1 descriptor, the scale has 2 levels",
                "components[0].items[0].moveUp: 2 steps; a scale of 2 levels has 1 step up (one for each level but the top)",
            ]
        );
    }

    #[test]
    fn a_format_version_written_as_text_is_named_as_text() {
        assert_eq!(
            messages(|v| v["formatVersion"] = "1".into()),
            ["formatVersion: \"1\" is text; it must be the number 1"]
        );
        assert_eq!(
            messages(|v| v["formatVersion"] = 0.into()),
            ["formatVersion: instrument format 0 is not one this tool has ever written; this tool reads format 1"]
        );
        assert_eq!(
            messages(|v| v["formatVersion"] = 2.into()),
            ["formatVersion: format 2 is newer than this tool understands (it reads format 1); update the tool"]
        );
        assert_eq!(
            messages(|v| {
                v.as_object_mut().unwrap().remove("formatVersion");
            }),
            ["formatVersion: missing; this field is required"]
        );
    }

    #[test]
    fn a_list_or_object_far_over_every_limit_is_refused_by_its_count_alone() {
        let huge_list = messages(|v| {
            v["components"][0]["items"] = Value::Array(vec![serde_json::json!({}); 100_000]);
        });
        assert_eq!(
            huge_list,
            ["components[0].items: 100000 entries: far too many for a list in this format, so the file was not read further"]
        );
        let huge_object = messages(|v| {
            let fields = (0..100_000).map(|i| (format!("{i:x}"), Value::from(0)));
            v["components"][0]["items"][0] = Value::Object(fields.collect());
        });
        assert_eq!(
            huge_object,
            ["components[0].items[0]: 100000 fields: far too many for one object in this format, so the file was not read further"]
        );
        // Up to the parser's most, the reader's own limits speak.
        let many = messages(|v| {
            v["components"][0]["items"] = Value::Array(vec![serde_json::json!({}); 1_000]);
        });
        assert_eq!(many, ["components: 1000 items in all; the limit is 500"]);
    }

    #[test]
    fn a_file_too_large_says_so_with_the_right_article() {
        let text = format!("{{\"title\": \"{}\"}}", "x".repeat(MAX_BYTES));
        let error = Instrument::from_json(&text).unwrap_err();
        assert_eq!(
            error.problems()[0].message,
            "the file is too large to be an instrument: 1.1 MB, where an instrument can be at most 1 MB"
        );
    }

    #[test]
    fn parses_two_decimal_numbers_exactly() {
        assert_eq!(parse_hundredths("2.5"), Some(Score(250)));
        assert_eq!(parse_hundredths("3"), Some(Score(300)));
        assert_eq!(parse_hundredths("0.05"), Some(Score(5)));
        assert_eq!(parse_hundredths("1.234"), None);
        assert_eq!(parse_hundredths("-1"), None);
        assert_eq!(parse_hundredths("101"), None);
    }
}
