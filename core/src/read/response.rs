//! Reading a response from JSON, in the current format or an older one, every field checked
//! with its path.

use super::{child, format_version_words, kind, parse_document, Fields, Reader, Text};
use crate::dates::{is_date, is_timestamp};
use crate::error::{Error, Result};
use crate::instrument::{limits as instrument_limits, Instrument};
use crate::rating::Special;
use crate::response::limits::*;
use crate::response::{
    Agreed, Answer, InstrumentRef, Paper, ProgressLine, Respondent, Response, Status,
    RESPONSE_FORMAT_VERSION,
};
use serde_json::Value;
use std::collections::BTreeMap;

impl Response {
    /// Reads a response file, migrating older formats, without checking it against an instrument.
    pub fn from_json(text: &str) -> Result<Response> {
        let value = parse_document(text, MAX_BYTES, "response")?;
        Response::from_value(&value)
    }

    /// Reads a response in the current format the quick way (several times faster than
    /// [`Response::from_json`]), or returns `None`: then read it with `from_json`, which migrates
    /// older formats and names every problem. What this accepts, `from_json` reads the same.
    pub fn from_json_quickly(text: &str) -> Option<Response> {
        super::fast::response(text)
    }

    /// Reads a response from an already-parsed JSON value.
    pub fn from_value(value: &Value) -> Result<Response> {
        let format = format_of(value)?;
        let mut reader = Reader::default();
        let response = read_response(&mut reader, value, format);
        reader.finish_some(response, "the response could not be read")
    }

    /// Reads a response and checks that it fits `instrument`.
    pub fn from_json_for(text: &str, instrument: &Instrument) -> Result<Response> {
        let response = Response::from_json(text)?;
        response.check(instrument)?;
        Ok(response)
    }
}

/// Which format a response was written in, after checking it is one this tool reads.
///
/// Each format change adds a step here and a golden file of the old format under
/// `core/tests/formats/` that keeps proving it loads. Format 1 → 2 added only optional fields
/// (an action's status and progress log, whether an item is a priority, the next review date,
/// the board paper's cover sheet), so a format 1 file reads as it is, and those fields are
/// refused in it rather than silently taken. Files from a newer format are refused with a
/// message rather than misread.
fn format_of(value: &Value) -> Result<u32> {
    if !value.is_object() {
        return Err(Error::single(
            "",
            format!("expected an object, found {}", kind(value)),
        ));
    }
    let Some(version) = value.get("formatVersion").filter(|v| !v.is_null()) else {
        return Err(Error::single(
            "formatVersion",
            "missing; is this a maturity-matrix response file?",
        ));
    };
    match version.as_u64() {
        Some(v @ (1 | 2)) => Ok(u32::try_from(v).unwrap_or(RESPONSE_FORMAT_VERSION)),
        Some(v) if v > u64::from(RESPONSE_FORMAT_VERSION) => Err(Error::single(
            "formatVersion",
            format!("this file uses response format {v}, newer than this tool reads ({RESPONSE_FORMAT_VERSION}); update the tool"),
        )),
        _ => Err(Error::single("formatVersion", format_version_words(version, "response", RESPONSE_FORMAT_VERSION))),
    }
}

fn read_response(r: &mut Reader, value: &Value, format: u32) -> Option<Response> {
    const FORMAT_1: &[&str] = &[
        "formatVersion",
        "instrument",
        "title",
        "organisation",
        "respondent",
        "created",
        "updated",
        "answers",
    ];
    const FORMAT_2: &[&str] = &[
        "formatVersion",
        "instrument",
        "title",
        "organisation",
        "respondent",
        "created",
        "updated",
        "nextReview",
        "paper",
        "agreed",
        "answers",
    ];
    let f = r.object(value, "", if format == 1 { FORMAT_1 } else { FORMAT_2 })?;
    let instrument = r.required(&f, "instrument").and_then(|v| {
        r.object(v, "instrument", &["id", "version"])
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
            })
    });
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
    let next_review = read_date(r, &f, "nextReview");
    let paper = match f.get("paper") {
        None => Some(Paper::default()),
        Some(v) => read_paper(r, v),
    };
    let agreed = match f.get("agreed") {
        None => Some(None),
        Some(v) => read_agreed(r, v).map(Some),
    };
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
                    if let Some(answer) = read_answer(r, v, &path, format) {
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
        next_review: next_review?,
        paper: paper?,
        agreed: agreed?,
        answers,
    })
}

fn read_agreed(r: &mut Reader, value: &Value) -> Option<Agreed> {
    let f = r.object(value, "agreed", &["raters", "on"])?;
    let raters = r.required(&f, "raters").and_then(|v| {
        match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n @ 1..=MAX_RATERS) => Some(n),
            _ => {
                r.report(
                    f.path_of("raters"),
                    format!("{v} is not a number of people from 1 to {MAX_RATERS}"),
                );
                None
            }
        }
    });
    let on = read_date(r, &f, "on");
    Some(Agreed {
        raters: raters?,
        on: on?,
    })
}

fn read_answer(r: &mut Reader, value: &Value, path: &str, format: u32) -> Option<Answer> {
    const FORMAT_1: &[&str] = &[
        "level", "special", "notes", "target", "action", "owner", "due",
    ];
    const FORMAT_2: &[&str] = &[
        "level",
        "special",
        "notes",
        "target",
        "action",
        "owner",
        "due",
        "prioritised",
        "status",
        "progress",
    ];
    let f = r.object(value, path, if format == 1 { FORMAT_1 } else { FORMAT_2 })?;
    let level = level_field(r, &f, "level");
    let target = level_field(r, &f, "target");
    let special = match f.get("special") {
        None => Some(None),
        Some(v) => {
            let named = v
                .as_str()
                .and_then(|s| Special::ALL.into_iter().find(|special| special.name() == s));
            if named.is_none() {
                r.report(
                    f.path_of("special"),
                    "expected \"notApplicable\" or \"dontKnow\"",
                );
            }
            named.map(Some)
        }
    };
    if let (Some(Some(_)), Some(Some(_))) = (&level, &special) {
        r.report(path, "has both a level and a special answer; keep one");
    }
    let notes = r.text(&f, "notes", Text::optional(MAX_NOTES_CHARS));
    let action = r.text(&f, "action", Text::optional(MAX_NOTES_CHARS));
    let owner = r.text(&f, "owner", Text::optional(MAX_NAME_CHARS));
    let due = read_date(r, &f, "due");
    let prioritised = match f.get("prioritised") {
        // Format 1 had no choice of priorities: an item someone wrote an action, owner or due
        // date for was in their plan, so it stays one of the priorities.
        None if format == 1 => Some(
            [&action, &owner, &due]
                .iter()
                .any(|text| text.as_ref().is_some_and(|t| !t.is_empty())),
        ),
        None => Some(false),
        Some(Value::Bool(b)) => Some(*b),
        Some(other) => {
            r.report(
                f.path_of("prioritised"),
                format!("expected true or false, found {}", kind(other)),
            );
            None
        }
    };
    let status = match f.get("status") {
        None => Some(None),
        Some(v) => read_status(r, v, &f.path_of("status")).map(Some),
    };
    let progress = read_progress(r, &f);
    Some(Answer {
        level: level?,
        special: special?,
        notes: notes.unwrap_or_default(),
        target: target?,
        action: action.unwrap_or_default(),
        owner: owner.unwrap_or_default(),
        due: due?,
        prioritised: prioritised?,
        status: status?,
        progress: progress?,
    })
}

/// A `YYYY-MM-DD` field that must be a day that exists; empty when absent.
fn read_date(r: &mut Reader, f: &Fields<'_>, key: &str) -> Option<String> {
    // Absent, or of the wrong type (already reported): empty.
    let Some(date) = r.text(f, key, Text::optional(10)) else {
        return Some(String::new());
    };
    if !date.is_empty() && !is_date(&date) {
        r.report(
            f.path_of(key),
            format!("\"{date}\" is not a real date written as YYYY-MM-DD"),
        );
        return None;
    }
    Some(date)
}

fn read_status(r: &mut Reader, value: &Value, path: &str) -> Option<Status> {
    let found = value
        .as_str()
        .and_then(|name| Status::ALL.into_iter().find(|s| s.name() == name));
    if found.is_none() {
        r.report(
            path,
            "expected \"notStarted\", \"inProgress\", \"done\" or \"dropped\"",
        );
    }
    found
}

fn read_progress(r: &mut Reader, f: &Fields<'_>) -> Option<Vec<ProgressLine>> {
    let Some(list) = r.array(f, "progress", false, MAX_PROGRESS_LINES) else {
        return f.get("progress").is_none().then(Vec::new);
    };
    let mut lines = Vec::with_capacity(list.len());
    let mut ok = true;
    for (i, v) in list.iter().enumerate() {
        let path = super::index(&f.path_of("progress"), i);
        let Some(lf) = r.object(v, &path, &["date", "text", "status"]) else {
            ok = false;
            continue;
        };
        let date = r
            .required(&lf, "date")
            .and_then(|_| read_date(r, &lf, "date"));
        let text = r.text(&lf, "text", Text::required(MAX_PROGRESS_CHARS));
        let status = match lf.get("status") {
            None => Some(None),
            Some(s) => read_status(r, s, &lf.path_of("status")).map(Some),
        };
        match (date, text, status) {
            (Some(date), Some(text), Some(status)) => {
                lines.push(ProgressLine { date, text, status })
            }
            _ => ok = false,
        }
    }
    ok.then_some(lines)
}

fn read_paper(r: &mut Reader, value: &Value) -> Option<Paper> {
    let f = r.object(
        value,
        "paper",
        &[
            "meeting",
            "date",
            "agendaItem",
            "author",
            "executiveLead",
            "purpose",
            "boardAskedTo",
        ],
    )?;
    // Problems are reported as they are found; a missing field is simply empty.
    let mut text = |key, max| r.text(&f, key, Text::optional(max)).unwrap_or_default();
    let meeting = text("meeting", MAX_NAME_CHARS);
    let agenda_item = text("agendaItem", MAX_NAME_CHARS);
    let author = text("author", MAX_NAME_CHARS);
    let executive_lead = text("executiveLead", MAX_NAME_CHARS);
    let purpose = text("purpose", MAX_NOTES_CHARS);
    let board_asked_to = text("boardAskedTo", MAX_NOTES_CHARS);
    Some(Paper {
        meeting,
        date: read_date(r, &f, "date")?,
        agenda_item,
        author,
        executive_lead,
        purpose,
        board_asked_to,
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
    if !text.is_empty() && !is_timestamp(&text) {
        r.report(
            f.path_of(key),
            format!("\"{text}\" is not a real date and time written like 2026-11-28T09:30:00Z"),
        );
        return None;
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format_message(format_version: &str) -> String {
        let text = format!(
            r#"{{"formatVersion": {format_version}, "instrument": {{"id": "x", "version": "1"}}}}"#
        );
        let error = Response::from_json(&text).unwrap_err();
        let problem = &error.problems()[0];
        format!("{}: {}", problem.path, problem.message)
    }

    #[test]
    fn a_format_version_written_as_text_is_named_as_text_not_missing() {
        assert_eq!(
            format_message(r#""2""#),
            r#"formatVersion: "2" is text; it must be the number 2"#
        );
        assert_eq!(
            format_message(r#""two""#),
            r#"formatVersion: "two" is text; it must be the number 2"#
        );
        assert_eq!(
            format_message("null"),
            "formatVersion: missing; is this a maturity-matrix response file?"
        );
        assert_eq!(
            format_message("0"),
            "formatVersion: response format 0 is not one this tool has ever written; this tool reads format 2"
        );
        assert_eq!(
            format_message("[2]"),
            "formatVersion: expected the number 2, found a list"
        );
        assert_eq!(
            format_message("3"),
            "formatVersion: this file uses response format 3, newer than this tool reads (2); update the tool"
        );
    }

    #[test]
    fn a_huge_answers_object_is_refused_by_its_count() {
        let answers: Vec<String> = (0..100_000).map(|i| format!(r#""{i:x}":0"#)).collect();
        let text = format!(
            r#"{{"formatVersion": 2, "instrument": {{"id": "x", "version": "1"}}, "answers": {{{}}}}}"#,
            answers.join(",")
        );
        let error = Response::from_json(&text).unwrap_err();
        assert_eq!(
            error.problems()[0].message,
            "100000 fields: far too many for one object in this format, so the file was not read further"
        );
        assert_eq!(error.problems()[0].path, "answers");
    }
}
