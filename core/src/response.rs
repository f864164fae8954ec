//! A response: one person's (or one board's agreed) ratings against an instrument.
//!
//! The same versioned format is used for browser storage, file export and import, share links
//! and the npm API, so there is one migration path. See `docs/response-format.md`.

use crate::error::{Error, Problem, Result};
use crate::instrument::{limits as instrument_limits, Instrument};
use crate::json::{child, parse_document, Fields, Reader, Text};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The response format this version writes. Older formats are migrated on reading.
pub const RESPONSE_FORMAT_VERSION: u32 = 1;

/// Limits on a response file.
pub mod limits {
    /// Largest response file, in bytes (1 MiB).
    pub const MAX_BYTES: usize = 1 << 20;
    /// Longest notes, evidence or action text per item, in characters.
    pub const MAX_NOTES_CHARS: usize = 10_000;
    /// Longest name, role, title, owner or organisation, in characters.
    pub const MAX_NAME_CHARS: usize = 200;
}
use limits::*;

/// A set of answers to one instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Response {
    /// The response format version, 1 for this format.
    pub format_version: u32,
    /// Which instrument (and which version of it) was answered.
    pub instrument: InstrumentRef,
    /// A name for this assessment, e.g. "Board self-assessment, November 2026".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The organisation assessed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// Who answered, if they chose to say.
    #[serde(default, skip_serializing_if = "Respondent::is_empty")]
    pub respondent: Respondent,
    /// When it was started, as an RFC 3339 timestamp (`2026-11-28T12:00:00Z`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub created: String,
    /// When it was last changed, as an RFC 3339 timestamp.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub updated: String,
    /// Answers by item id. Items without an entry are unanswered.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

/// Names the instrument a response belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InstrumentRef {
    /// The instrument's `id`.
    pub id: String,
    /// The instrument's `version` when the response was written.
    pub version: String,
}

/// Who gave a response.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Respondent {
    /// Their name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Their role, e.g. "Non-executive director".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

impl Respondent {
    /// True when neither name nor role is given.
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.role.is_empty()
    }
}

/// An answer that takes an item out of scoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Special {
    /// The item does not apply to this organisation.
    NotApplicable,
    /// The respondent cannot say.
    DontKnow,
}

/// The answer to one item. A rating is either a `level` value or a `special` answer, never
/// both; an answer with neither (notes only) counts as unanswered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Answer {
    /// The chosen level's `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// A special answer instead of a level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special: Option<Special>,
    /// Evidence and notes behind the rating.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The level `value` aimed for; when absent the action plan aims for the next level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<u8>,
    /// The action agreed to close the gap.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action: String,
    /// Who owns the action.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When the action is due, as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
}

/// What was chosen for an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    /// Nothing chosen yet.
    Unanswered,
    /// A level, by value.
    Level(u8),
    /// A special answer.
    Special(Special),
}

impl Answer {
    /// The rating this answer records.
    pub fn rating(&self) -> Rating {
        match (self.level, self.special) {
            (Some(level), _) => Rating::Level(level),
            (None, Some(special)) => Rating::Special(special),
            (None, None) => Rating::Unanswered,
        }
    }

    /// True when nothing at all has been written.
    pub fn is_empty(&self) -> bool {
        *self == Answer::default()
    }
}

impl Response {
    /// An empty response to `instrument`.
    pub fn new(instrument: &Instrument) -> Response {
        Response {
            format_version: RESPONSE_FORMAT_VERSION,
            instrument: InstrumentRef {
                id: instrument.id.clone(),
                version: instrument.version.clone(),
            },
            title: String::new(),
            organisation: String::new(),
            respondent: Respondent::default(),
            created: String::new(),
            updated: String::new(),
            answers: BTreeMap::new(),
        }
    }

    /// The rating for an item.
    pub fn rating(&self, item_id: &str) -> Rating {
        self.answers
            .get(item_id)
            .map_or(Rating::Unanswered, Answer::rating)
    }

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

    /// Pretty JSON in the current format, the same format [`Response::from_json`] reads.
    pub fn to_json(&self) -> String {
        // Serialising plain data cannot fail; no error path keeps its formatting code out.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Compact JSON in the current format, for storage and share links.
    pub fn to_compact_json(&self) -> String {
        // Serialising plain data cannot fail; no error path keeps its formatting code out.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Checks that this response belongs to `instrument` and that every answer fits it, so a
    /// response is never silently scored against the wrong matrix. Answers for items the
    /// instrument does not have are errors, not ignored: dropping them would change scores.
    pub fn check(&self, instrument: &Instrument) -> Result<()> {
        self.check_with(instrument, &instrument.item_positions())
    }

    /// [`Response::check`] with the instrument's item index built once by the caller.
    pub(crate) fn check_with(
        &self,
        instrument: &Instrument,
        positions: &crate::instrument::ItemPositions<'_>,
    ) -> Result<()> {
        if self.instrument.id != instrument.id {
            return Err(Error::single(
                "instrument.id",
                format!(
                    "this response is for the instrument \"{}\", not \"{}\"",
                    self.instrument.id, instrument.id
                ),
            ));
        }
        let mut problems = Vec::new();
        for (position, item_id, answer) in positions.sorted_lookup(self.answers.iter()) {
            // Paths are built only when there is a problem to report: this runs per answer.
            let path = || child("answers", item_id);
            if position.is_none() {
                problems.push(Problem::new(
                    path(),
                    format!(
                        "the instrument \"{}\" (version {}) has no item \"{item_id}\"",
                        instrument.id, instrument.version
                    ),
                ));
                continue;
            }
            for (key, value) in [("level", answer.level), ("target", answer.target)] {
                if let Some(value) = value {
                    if instrument.level(value).is_none() {
                        let values: Vec<String> = instrument
                            .scale
                            .levels
                            .iter()
                            .map(|l| l.value.to_string())
                            .collect();
                        problems.push(Problem::new(
                            child(&path(), key),
                            format!(
                                "{value} is not a level of this scale; the levels are {}",
                                values.join(", ")
                            ),
                        ));
                    }
                }
            }
            let allowed = match answer.special {
                Some(Special::NotApplicable) => instrument.scale.not_applicable.is_some(),
                Some(Special::DontKnow) => instrument.scale.dont_know.is_some(),
                None => true,
            };
            if !allowed {
                problems.push(Problem::new(
                    child(&path(), "special"),
                    "this instrument does not offer that answer",
                ));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(problems))
        }
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
        None => Err(Error::single("", format!("expected an object, found {}", crate::json::kind(value)))),
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
            format!(
                "expected an object keyed by item id, found {}",
                crate::json::kind(other)
            ),
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
