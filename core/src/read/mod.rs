//! A small reader over `serde_json::Value` that collects every problem it meets instead of
//! stopping at the first, so a person fixing a file sees the whole list at once.
//!
//! serde's derived `Deserialize` stops at the first error and cannot name unknown fields and
//! missing fields together, so this reader is the one whose messages users see. The derived
//! impls on the model types generate the JSON Schema (a test checks both agree), and on a
//! response they are the quick reader of `fast`, which only ever says "fine" or "ask the full
//! reader" (a property test checks it reads exactly what this reader reads).

pub(crate) mod fast;
mod instrument;
pub mod json_text;
pub mod response;
pub mod text;

pub(crate) use crate::error::{child, index};
use crate::error::{Error, Problem};
use serde_json::{Map, Value};

/// Parses text as JSON after checking its size, so a hostile file is refused before it is read,
/// and with no list or object of more than [`json_text::MAX_ENTRIES`] entries. `what` is the
/// format's noun ("instrument"). A leading byte-order mark, which some editors write, is passed
/// over.
pub(crate) fn parse_document(text: &str, max_bytes: usize, what: &str) -> Result<Value, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > max_bytes {
        return Err(too_large(Some(text.len()), max_bytes, what));
    }
    json_text::parse_bounded(text, json_text::MAX_ENTRIES)
}

/// The refusal of a document where a `what` ("instrument") can be at most `max_bytes`: of
/// `bytes`, "the file is too large to be an instrument: 2.3 MB, where an instrument can be at
/// most 1 MB"; of a size not measured to the end (an object from JavaScript), that its text
/// would be more than the limit.
pub fn too_large(bytes: Option<usize>, max_bytes: usize, what: &str) -> Error {
    let a_what = crate::words::with_article(what);
    let limit = text::megabytes(max_bytes);
    Error::single(
        "",
        match bytes {
            Some(bytes) => format!(
                "the file is too large to be {a_what}: {}, where {a_what} can be at most {limit}",
                text::megabytes(bytes)
            ),
            None => format!(
                "the {what} is too large: as JSON text it would be more than {limit}, the most {a_what} can be"
            ),
        },
    )
}

/// Collects problems while reading a document.
#[derive(Default)]
pub(crate) struct Reader {
    problems: Vec<Problem>,
}

impl Reader {
    pub(crate) fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        // A hostile file could produce millions of problems; a person needs the first few hundred.
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem::new(path, message));
        }
    }

    /// Reports a required field that is absent (or `null`) at `path`.
    pub(crate) fn missing(&mut self, path: impl Into<String>) {
        self.report(path, "missing; this field is required");
    }

    /// A field that must be there: its value, or `None` with its absence reported.
    pub(crate) fn required<'v>(&mut self, fields: &Fields<'v>, key: &str) -> Option<&'v Value> {
        let value = fields.get(key);
        if value.is_none() {
            self.missing(fields.path_of(key));
        }
        value
    }

    pub(crate) fn finish<T>(self, value: T) -> Result<T, Error> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(Error::Invalid(self.problems))
        }
    }

    /// Like [`Reader::finish`] for a value that may be missing; every path that yields `None`
    /// reports why, and `fallback` covers any that might not.
    pub(crate) fn finish_some<T>(mut self, value: Option<T>, fallback: &str) -> Result<T, Error> {
        match value {
            Some(value) => self.finish(value),
            None => {
                if self.problems.is_empty() {
                    self.report("", fallback);
                }
                Err(Error::Invalid(self.problems))
            }
        }
    }

    /// Opens an object, reporting a wrong type and every field not in `known`.
    pub(crate) fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        known: &[&str],
    ) -> Option<Fields<'v>> {
        let Value::Object(map) = value else {
            self.report(path, format!("expected an object, found {}", kind(value)));
            return None;
        };
        for key in map.keys() {
            // Past the most problems shown, the rest need not be worded.
            if self.problems.len() >= MAX_PROBLEMS {
                break;
            }
            if !known.contains(&key.as_str()) {
                self.report(
                    child(path, key),
                    format!("unknown field; expected one of: {}", known.join(", ")),
                );
            }
        }
        Some(Fields {
            map,
            path: path.to_owned(),
        })
    }

    /// A string field. `None` when absent (reported if `required`), wrong type or too long.
    pub(crate) fn text(&mut self, fields: &Fields<'_>, key: &str, rule: Text) -> Option<String> {
        // Paths are formatted only when there is a problem to report: this runs per field.
        let path = || child(&fields.path, key);
        match fields.map.get(key) {
            None | Some(Value::Null) => {
                if rule.required {
                    self.missing(path());
                }
                None
            }
            Some(Value::String(s)) => {
                let chars = s.chars().count();
                if rule.required && s.trim().is_empty() {
                    self.report(path(), "empty; write some text here");
                    None
                } else if chars > rule.max_chars {
                    self.report(
                        path(),
                        format!("{chars} characters; the limit is {}", rule.max_chars),
                    );
                    None
                } else {
                    Some(s.clone())
                }
            }
            Some(other) => {
                self.report(path(), format!("expected text, found {}", kind(other)));
                None
            }
        }
    }

    /// An integer field within `min..=max`. `None` when absent, wrong or out of range.
    pub(crate) fn integer(
        &mut self,
        fields: &Fields<'_>,
        key: &str,
        required: bool,
        min: i64,
        max: i64,
    ) -> Option<i64> {
        let path = || child(&fields.path, key);
        match fields.map.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.missing(path());
                }
                None
            }
            Some(value) => self.integer_value(value, &path, min, max),
        }
    }

    /// A whole number within `min..=max`; `path` gives where it is, for a report.
    pub(crate) fn integer_value(
        &mut self,
        value: &Value,
        path: &dyn Fn() -> String,
        min: i64,
        max: i64,
    ) -> Option<i64> {
        match value.as_i64() {
            Some(n) if (min..=max).contains(&n) => Some(n),
            Some(n) => {
                self.report(
                    path(),
                    format!("{n} is out of range; expected a whole number from {min} to {max}"),
                );
                None
            }
            None => {
                self.report(
                    path(),
                    format!(
                        "expected a whole number from {min} to {max}, found {}",
                        kind(value)
                    ),
                );
                None
            }
        }
    }

    /// An array field with at most `max` entries.
    pub(crate) fn array<'v>(
        &mut self,
        fields: &Fields<'v>,
        key: &str,
        required: bool,
        max: usize,
    ) -> Option<&'v [Value]> {
        let path = || child(&fields.path, key);
        match fields.map.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.missing(path());
                }
                None
            }
            Some(Value::Array(items)) if items.len() > max => {
                self.report(
                    path(),
                    format!("{} entries; the limit is {max}", items.len()),
                );
                None
            }
            Some(Value::Array(items)) => Some(items),
            Some(other) => {
                self.report(path(), format!("expected a list, found {}", kind(other)));
                None
            }
        }
    }

    /// An identifier: 1 to 64 letters, digits, `-`, `_` or `.`, so it is safe in storage keys,
    /// file names and JSON paths.
    pub(crate) fn id(&mut self, fields: &Fields<'_>, key: &str) -> Option<String> {
        let id = self.text(fields, key, Text::required(MAX_ID_CHARS))?;
        if id_characters_only(&id) {
            Some(id)
        } else {
            self.report(
                child(&fields.path, key),
                "use only letters, digits, '-', '_' and '.'",
            );
            None
        }
    }
}

/// Whether `text` has only the characters an identifier may have.
pub(crate) fn id_characters_only(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The limits on one string field.
#[derive(Clone, Copy)]
pub(crate) struct Text {
    pub required: bool,
    pub max_chars: usize,
}

impl Text {
    pub(crate) const fn required(max_chars: usize) -> Self {
        Text {
            required: true,
            max_chars,
        }
    }
    pub(crate) const fn optional(max_chars: usize) -> Self {
        Text {
            required: false,
            max_chars,
        }
    }

    /// Whether [`Reader::text`] would take `s` without a problem.
    pub(crate) fn accepts(self, s: &str) -> bool {
        // Bytes bound characters from above: most text is far under its limit, so the count
        // is usually skipped.
        (!self.required || !s.trim().is_empty())
            && (s.len() <= self.max_chars || s.chars().count() <= self.max_chars)
    }
}

/// The fields of one JSON object and where it sits in the document.
pub(crate) struct Fields<'v> {
    pub map: &'v Map<String, Value>,
    pub path: String,
}

impl<'v> Fields<'v> {
    pub(crate) fn get(&self, key: &str) -> Option<&'v Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }
    pub(crate) fn path_of(&self, key: &str) -> String {
        child(&self.path, key)
    }
}

/// What is wrong with a `formatVersion` that is there but not a format `what` ("response") has
/// had: text, even of the right number, is named as text (`"2" is text; it must be the number
/// 2`), and a number that is no format says which one this tool reads.
pub(crate) fn format_version_words(value: &Value, what: &str, current: u32) -> String {
    match value {
        Value::String(s) => {
            let number = s.trim().parse::<u32>().ok().filter(|n| (1..=current).contains(n));
            format!(
                "{} is text; it must be the number {}",
                Value::String(s.clone()),
                number.unwrap_or(current)
            )
        }
        Value::Number(n) => format!(
            "{what} format {n} is not one this tool has ever written; this tool reads format {current}"
        ),
        other => format!(
            "expected the number {current}, found {}",
            kind(other)
        ),
    }
}

/// Describes a JSON value's type for messages.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Identifiers are short so they fit storage keys and file names.
pub(crate) const MAX_ID_CHARS: usize = 64;
/// A person cannot act on more problems than this at once; the rest appear after fixing these.
pub(crate) const MAX_PROBLEMS: usize = 200;
