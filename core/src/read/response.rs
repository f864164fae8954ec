//! Reading a response from JSON: older formats migrated first, then every field checked with
//! its path.

use super::{child, kind, parse_document, Fields, Reader, Text};
use crate::error::{Error, Result};
use crate::instrument::{limits as instrument_limits, Instrument};
use crate::rating::Special;
use crate::response::limits::*;
use crate::response::{Answer, InstrumentRef, Respondent, Response, RESPONSE_FORMAT_VERSION};
use serde_json::Value;
use std::collections::BTreeMap;

impl Response {
    /// Reads a response file, migrating older formats, without checking it against an instrument.
    pub fn from_json(text: &str) -> Result<Response> {
        let value = parse_document(text, MAX_BYTES, "response")?;
        Response::from_value(&value)
    }

    /// Reads a response from an already-parsed JSON value.
    pub fn from_value(value: &Value) -> Result<Response> {
        let value = migrate(value)?;
        let mut reader = Reader::default();
        let response = read_response(&mut reader, &value);
        reader.finish_some(response, "the response could not be read")
    }

    /// Reads a response and checks that it fits `instrument`.
    pub fn from_json_for(text: &str, instrument: &Instrument) -> Result<Response> {
        let response = Response::from_json(text)?;
        response.check(instrument)?;
        Ok(response)
    }
}

/// Brings a response written by an older format up to the current one.
///
/// Each format change adds one step here (`1 → 2`, `2 → 3`, ...) that rewrites the JSON, and
/// a golden file of the old format under `core/tests/formats/` keeps proving it loads. Files
/// from a newer format are refused with a message rather than misread.
fn migrate(value: &Value) -> Result<std::borrow::Cow<'_, Value>> {
    let version = value.get("formatVersion").and_then(Value::as_u64);
    match version {
        Some(v) if v == u64::from(RESPONSE_FORMAT_VERSION) => Ok(std::borrow::Cow::Borrowed(value)),
        Some(v) if v > u64::from(RESPONSE_FORMAT_VERSION) => Err(Error::single(
            "formatVersion",
            format!("this file uses response format {v}, newer than this tool reads ({RESPONSE_FORMAT_VERSION}); update the tool"),
        )),
        Some(v) => Err(Error::single("formatVersion", format!("response format {v} is not one this tool has ever written"))),
        None if value.is_object() => Err(Error::single("formatVersion", "missing; is this a maturity-matrix response file?")),
        None => Err(Error::single("", format!("expected an object, found {}", kind(value)))),
    }
}

fn read_response(r: &mut Reader, value: &Value) -> Option<Response> {
    let f = r.object(
        value,
        "",
        &[
            "formatVersion",
            "instrument",
            "title",
            "organisation",
            "respondent",
            "created",
            "updated",
            "answers",
        ],
    )?;
    let instrument = match f.get("instrument") {
        Some(v) => r
            .object(v, "instrument", &["id", "version"])
            .and_then(|inf| {
                let id = r.id(&inf, "id");
                let version = r.text(
                    &inf,
                    "version",
                    Text::required(instrument_limits::MAX_TITLE_CHARS),
                );
                Some(InstrumentRef {
                    id: id?,
                    version: version?,
                })
            }),
        None => {
            r.report("instrument", "missing; this field is required");
            None
        }
    };
    let title = r.text(&f, "title", Text::optional(MAX_NAME_CHARS));
    let organisation = r.text(&f, "organisation", Text::optional(MAX_NAME_CHARS));
    let respondent = match f.get("respondent") {
        None => Some(Respondent::default()),
        Some(v) => r
            .object(v, "respondent", &["name", "role"])
            .map(|rf| Respondent {
                name: r
                    .text(&rf, "name", Text::optional(MAX_NAME_CHARS))
                    .unwrap_or_default(),
                role: r
                    .text(&rf, "role", Text::optional(MAX_NAME_CHARS))
                    .unwrap_or_default(),
            }),
    };
    let created = read_timestamp(r, &f, "created");
    let updated = read_timestamp(r, &f, "updated");
    let mut answers = BTreeMap::new();
    match f.get("answers") {
        None => {}
        Some(Value::Object(map)) => {
            if map.len() > instrument_limits::MAX_ITEMS {
                r.report(
                    "answers",
                    format!(
                        "{} answers; the limit is {}",
                        map.len(),
                        instrument_limits::MAX_ITEMS
                    ),
                );
            } else {
                for (item_id, v) in map {
                    let path = child("answers", item_id);
                    if let Some(answer) = read_answer(r, v, &path) {
                        answers.insert(item_id.clone(), answer);
                    }
                }
            }
        }
        Some(other) => r.report(
            "answers",
            format!("expected an object keyed by item id, found {}", kind(other)),
        ),
    }
    Some(Response {
        format_version: RESPONSE_FORMAT_VERSION,
        instrument: instrument?,
        title: title.unwrap_or_default(),
        organisation: organisation.unwrap_or_default(),
        respondent: respondent?,
        created: created?,
        updated: updated?,
        answers,
    })
}

fn read_answer(r: &mut Reader, value: &Value, path: &str) -> Option<Answer> {
    let f = r.object(
        value,
        path,
        &[
            "level", "special", "notes", "target", "action", "owner", "due",
        ],
    )?;
    let level = level_field(r, &f, "level");
    let target = level_field(r, &f, "target");
    let special = match f.get("special") {
        None => Some(None),
        Some(Value::String(s)) if s == "notApplicable" => Some(Some(Special::NotApplicable)),
        Some(Value::String(s)) if s == "dontKnow" => Some(Some(Special::DontKnow)),
        Some(_) => {
            r.report(
                f.path_of("special"),
                "expected \"notApplicable\" or \"dontKnow\"",
            );
            None
        }
    };
    if let (Some(Some(_)), Some(Some(_))) = (&level, &special) {
        r.report(path, "has both a level and a special answer; keep one");
    }
    let notes = r.text(&f, "notes", Text::optional(MAX_NOTES_CHARS));
    let action = r.text(&f, "action", Text::optional(MAX_NOTES_CHARS));
    let owner = r.text(&f, "owner", Text::optional(MAX_NAME_CHARS));
    let due = r.text(&f, "due", Text::optional(10));
    if let Some(due) = &due {
        if !due.is_empty() && !is_date(due) {
            r.report(
                f.path_of("due"),
                format!("\"{due}\" is not a date written as YYYY-MM-DD"),
            );
        }
    }
    Some(Answer {
        level: level?,
        special: special?,
        notes: notes.unwrap_or_default(),
        target: target?,
        action: action.unwrap_or_default(),
        owner: owner.unwrap_or_default(),
        due: due.unwrap_or_default(),
    })
}

fn level_field(r: &mut Reader, f: &Fields<'_>, key: &str) -> Option<Option<u8>> {
    match f.get(key) {
        None => Some(None),
        Some(v) => r
            .integer_value(v, &|| f.path_of(key), 0, instrument_limits::MAX_LEVEL_VALUE)
            .map(|n| Some(u8::try_from(n).expect("range checked"))),
    }
}

fn read_timestamp(r: &mut Reader, f: &Fields<'_>, key: &str) -> Option<String> {
    if f.get(key).is_none() {
        return Some(String::new());
    }
    let text = r.text(f, key, Text::optional(40))?;
    let looks_like_timestamp =
        text.len() >= 20 && text.get(..10).is_some_and(is_date) && text.as_bytes()[10] == b'T';
    if !text.is_empty() && !looks_like_timestamp {
        r.report(
            f.path_of(key),
            format!("\"{text}\" is not a timestamp like 2026-11-28T09:30:00Z"),
        );
        return None;
    }
    Some(text)
}

/// `YYYY-MM-DD` with a plausible month and day.
fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let month: u32 = text[5..7].parse().unwrap_or(0);
    let day: u32 = text[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}
