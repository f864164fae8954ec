//! A JSON reader written for people rather than programs: it refuses what a lenient parser
//! would quietly accept (a key given twice, where one of the two values would silently win)
//! and explains what is wrong in plain words, keeping the line and column as technical detail.
//!
//! It produces the same `serde_json::Value` the validating readers walk, and nests at most
//! [`MAX_DEPTH`] levels deep, so a hostile file cannot exhaust the stack. Reading a document of
//! one of the formats ([`parse_document`]), a list or object of more than [`MAX_ENTRIES`]
//! entries is refused as soon as it is over: the rest of its entries are counted, for the
//! message, but not kept.
//!
//! [`parse_document`]: super::parse_document

use super::{child, index};
use crate::error::{Error, Problem};
use serde_json::{Map, Number, Value};

/// How deeply arrays and objects may nest. The formats need five levels; this leaves room.
pub const MAX_DEPTH: usize = 64;

/// The most entries one list or object of an instrument or a response may have before it is
/// refused unread: twice the most any of them allows (500 items, answers or progress lines), so
/// the readers' own messages, which name each field's limit, cover every size short of absurd.
pub const MAX_ENTRIES: usize = 1_000;

/// Parses `text` as one JSON value, of any size.
pub fn parse(text: &str) -> Result<Value, Error> {
    parse_bounded(text, usize::MAX)
}

/// Parses `text` as one JSON value, refusing any list or object of more than `max_entries`.
pub(crate) fn parse_bounded(text: &str, max_entries: usize) -> Result<Value, Error> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        at: 0,
        path: Vec::new(),
        duplicates: Vec::new(),
        max_entries,
    };
    parser.skip_space();
    if parser.at == parser.bytes.len() {
        return Err(Error::single("", "the file is empty"));
    }
    if parser.peek() == Some(b'<') {
        return Err(parser.fail(
            "this is a web page or other markup, not a data file: check that the right file was chosen",
        ));
    }
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at != parser.bytes.len() {
        return Err(parser.fail(
            "there is more text after the end of the data: the file may hold two documents run together",
        ));
    }
    if parser.duplicates.is_empty() {
        Ok(value)
    } else {
        Err(Error::Invalid(parser.duplicates))
    }
}

/// A step into the document, for the path of a duplicated key.
enum Step {
    Key(String),
    Index(usize),
}

struct Parser<'t> {
    bytes: &'t [u8],
    at: usize,
    path: Vec<Step>,
    duplicates: Vec<Problem>,
    max_entries: usize,
}

/// A list or object with `count` entries, far more than the formats allow anywhere: `path` is
/// where it is, `fields` whether it is an object. The same words whether the data came as text
/// or as an object from JavaScript.
pub fn too_many_entries(path: &str, count: usize, fields: bool) -> Error {
    let (entries, place) = if fields {
        ("fields", "one object")
    } else {
        ("entries", "a list")
    };
    Error::single(
        path,
        format!("{count} {entries}: far too many for {place} in this format, so the file was not read further"),
    )
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Line and column (from 1) of the current position.
    fn position(&self) -> (usize, usize) {
        let before = &self.bytes[..self.at.min(self.bytes.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        // Columns count characters, not bytes: continuation bytes are skipped.
        let column = before[start..]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count()
            + 1;
        (line, column)
    }

    fn path_text(&self) -> String {
        let mut path = String::new();
        for step in &self.path {
            path = match step {
                Step::Key(key) => child(&path, key),
                Step::Index(i) => index(&path, *i),
            };
        }
        path
    }

    /// A syntax problem at the current position: what is wrong in words, where as detail.
    fn fail(&self, message: &str) -> Error {
        let (line, column) = self.position();
        Error::Invalid(vec![Problem::with_detail(
            self.path_text(),
            format!("this is not a readable data (JSON) file: {message}"),
            format!("line {line}, column {column}"),
        )])
    }

    fn unexpected(&self) -> Error {
        match self.peek() {
            None => self.fail("the file ends before the data is complete; it may have been cut off"),
            Some(_) => self.fail(
                "the punctuation is broken here: a comma, quotation mark or bracket is missing or extra",
            ),
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), Error> {
        self.skip_space();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            _ => Err(self.unexpected()),
        }
    }

    fn nest(&self, depth: usize) -> Result<(), Error> {
        if depth > MAX_DEPTH {
            Err(self.fail(
                "the data is nested far more deeply than any maturity-matrix file; it is not one",
            ))
        } else {
            Ok(())
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, Error> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.unexpected())
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, Error> {
        self.nest(depth)?;
        self.at += 1; // {
        let mut map = Map::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected());
            }
            let key = self.string()?;
            self.expect(b':')?;
            self.path.push(Step::Key(key));
            let value = self.value(depth)?;
            let Some(Step::Key(key)) = self.path.pop() else {
                unreachable!("the key pushed above")
            };
            if map.contains_key(&key) {
                self.path.push(Step::Key(key.clone()));
                let (line, column) = self.position();
                self.duplicates.push(Problem::with_detail(
                    self.path_text(),
                    "appears twice in the same place; keep one of the two",
                    format!("the second ends at line {line}, column {column}"),
                ));
                self.path.pop();
            } else {
                map.insert(key, value);
            }
            self.skip_space();
            match self.peek() {
                Some(b',') if map.len() == self.max_entries => {
                    self.at += 1;
                    let count = self.count_rest(depth, b'}')?;
                    return Err(too_many_entries(&self.path_text(), map.len() + count, true));
                }
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(map));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, Error> {
        self.nest(depth)?;
        self.at += 1; // [
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.path.push(Step::Index(items.len()));
            let value = self.value(depth)?;
            self.path.pop();
            items.push(value);
            self.skip_space();
            match self.peek() {
                Some(b',') if items.len() == self.max_entries => {
                    self.at += 1;
                    let count = self.count_rest(depth, b']')?;
                    return Err(too_many_entries(
                        &self.path_text(),
                        items.len() + count,
                        false,
                    ));
                }
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    /// Counts the entries left in a list (`close` is `]`) or an object (`}`) past the comma
    /// that follows the last one kept, reading each but keeping none.
    fn count_rest(&mut self, depth: usize, close: u8) -> Result<usize, Error> {
        let mut count = 0;
        loop {
            if close == b'}' {
                self.skip_space();
                if self.peek() != Some(b'"') {
                    return Err(self.unexpected());
                }
                self.string()?;
                self.expect(b':')?;
            }
            self.value(depth)?;
            count += 1;
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b) if b == close => {
                    self.at += 1;
                    return Ok(count);
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn string(&mut self) -> Result<String, Error> {
        self.at += 1; // "
        let mut text = String::new();
        loop {
            // Copy the plain run up to the next quote, escape or control character at once.
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a `str` and the run stops only at ASCII bytes, so it is whole UTF-8.
            text.push_str(std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(text);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let unit = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&unit) {
                                // A surrogate pair: the low half must follow.
                                if !self.bytes[self.at..].starts_with(b"\\u") {
                                    return Err(self.broken_text());
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.broken_text());
                                }
                                0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                unit
                            };
                            text.push(char::from_u32(code).ok_or_else(|| self.broken_text())?);
                            continue;
                        }
                        _ => return Err(self.broken_text()),
                    };
                    self.at += 1;
                    text.push(escaped);
                }
                Some(_) => {
                    return Err(self.fail(
                        "a piece of text runs over a line break or holds a control character; text must be on one line, in quotation marks",
                    ))
                }
                None => return Err(self.unexpected()),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self
            .bytes
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.broken_text())?;
        let text = std::str::from_utf8(digits).map_err(|_| self.broken_text())?;
        let value = u32::from_str_radix(text, 16).map_err(|_| self.broken_text())?;
        self.at += 4;
        Ok(value)
    }

    fn broken_text(&self) -> Error {
        self.fail("a backslash in a piece of text starts an escape this format does not have")
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.at += 1;
            }
            p.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let whole_start = self.at;
        if !digits(self) || (self.bytes[whole_start] == b'0' && self.at - whole_start > 1) {
            return Err(self.bad_number(start));
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            integer = false;
            if !digits(self) {
                return Err(self.bad_number(start));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            integer = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.bad_number(start));
            }
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default();
        let number = if integer {
            text.parse::<i64>()
                .map(Number::from)
                .or_else(|_| text.parse::<u64>().map(Number::from))
                .ok()
        } else {
            None
        };
        let number = number
            .or_else(|| decimal(text).and_then(Number::from_f64))
            .ok_or_else(|| self.bad_number(start))?;
        Ok(Value::Number(number))
    }

    fn bad_number(&mut self, start: usize) -> Error {
        self.at = start;
        self.fail("a number is written in a way this format does not allow")
    }
}

/// The value of a JSON number with a fraction or an exponent (already checked against the
/// grammar). The standard library's float parser would bring about 10 KB of tables into the
/// WebAssembly; the formats only ever need numbers like `2.5` or `3.75` (score bands), which
/// this computes exactly: with at most 15 significant digits and a power of ten below 10^23,
/// both are exact doubles and one correctly rounded multiplication or division gives the
/// nearest double, as a full parser would. Longer numbers come out within a rounding error.
#[allow(clippy::float_arithmetic, clippy::cast_precision_loss)]
fn decimal(text: &str) -> Option<f64> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa_text, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], text[at + 1..].parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa_text.split_once('.').unwrap_or((mantissa_text, ""));
    let digits = whole
        .bytes()
        .chain(fraction.bytes())
        .skip_while(|&b| b == b'0');
    let mut mantissa: u64 = 0;
    let mut dropped: i32 = 0;
    for digit in digits {
        if mantissa < 100_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(digit - b'0');
        } else {
            dropped += 1;
        }
    }
    let fraction_len = i32::try_from(fraction.len()).ok()?;
    let power = exponent.checked_sub(fraction_len)?.checked_add(dropped)?;
    let mut value = mantissa as f64;
    let ten = |n: i32| (0..n).fold(1.0_f64, |acc, _| acc * 10.0);
    if power >= 0 {
        value *= ten(power.min(400));
    } else {
        value /= ten((-power).min(400));
    }
    value
        .is_finite()
        .then_some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str) -> Problem {
        parse(text).unwrap_err().problems()[0].clone()
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let samples = [
            r#"{"a": [1, -2, 3.5, 1e3, true, false, null], "b": {"c": "d\u00e9\n\"q\" \ud83d\ude00"}}"#,
            "[]",
            "{}",
            "  \"text\"  ",
            "18446744073709551615",
            "-9223372036854775808",
            "0.1",
            "2.5",
            "3.75",
            "-0.05",
            "1e3",
            "12.5E-1",
            "100.00",
        ];
        for text in samples {
            let expected: Value = serde_json::from_str(text).unwrap();
            assert_eq!(parse(text).unwrap(), expected, "{text}");
        }
    }

    #[test]
    fn a_key_given_twice_is_refused_with_its_path() {
        let error = parse(r#"{"answers": {"x": {"level": 1}, "y": {}, "x": {"level": 3}}, "title": "a", "title": "b"}"#)
            .unwrap_err();
        let paths: Vec<&str> = error.problems().iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["answers.x", "title"]);
        assert!(error.problems()[0].message.contains("appears twice"));
    }

    #[test]
    fn broken_files_are_explained_in_words_with_the_place_as_detail() {
        let cut = problem("{\n  \"a\": [1, 2");
        assert!(
            cut.message.contains("ends before the data is complete"),
            "{}",
            cut.message
        );
        assert_eq!(cut.detail, "line 2, column 13");
        assert!(problem("{\"a\" 1}").message.contains("punctuation"));
        assert!(problem("<!DOCTYPE html><html>")
            .message
            .contains("web page"));
        assert!(problem("").message.contains("empty"));
        assert!(problem("{} {}").message.contains("more text after the end"));
        assert!(problem("[01]").message.contains("number"));
        assert!(problem("[\"a\\x\"]").message.contains("escape"));
        assert!(problem("[\"a\nb\"]").message.contains("line break"));
        for p in [cut, problem("[")] {
            for jargon in ["EOF", "expected value", "recursion"] {
                assert!(!p.message.contains(jargon), "{}", p.message);
            }
        }
    }

    #[test]
    fn lists_and_objects_past_the_most_entries_are_counted_not_kept() {
        let list = |n: usize| format!("{{\"a\": [{}]}}", vec!["{\"b\": [1]}"; n].join(","));
        assert!(parse_bounded(&list(MAX_ENTRIES), MAX_ENTRIES).is_ok());
        let over = parse_bounded(&list(MAX_ENTRIES + 1), MAX_ENTRIES).unwrap_err();
        assert_eq!(over.problems()[0].path, "a");
        assert!(over.problems()[0]
            .message
            .starts_with("1001 entries: far too many for a list"));
        let fields = |n: usize| {
            let entries: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {{}}")).collect();
            format!("[{{{}}}]", entries.join(","))
        };
        assert!(parse_bounded(&fields(MAX_ENTRIES), MAX_ENTRIES).is_ok());
        let over = parse_bounded(&fields(100_000), MAX_ENTRIES).unwrap_err();
        assert_eq!(over.problems()[0].path, "[0]");
        assert!(over.problems()[0]
            .message
            .starts_with("100000 fields: far too many for one object"));
        // What follows the cut is still read as JSON: a broken file is told as broken.
        let broken = format!("[{}, }}]", vec!["0"; MAX_ENTRIES + 1].join(","));
        assert!(
            parse_bounded(&broken, MAX_ENTRIES).unwrap_err().problems()[0]
                .message
                .contains("punctuation")
        );
        // Unbounded, as the widget's own records are read.
        assert!(parse(&list(MAX_ENTRIES + 1)).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_without_exhausting_the_stack() {
        let deep = "[".repeat(100_000);
        assert!(problem(&deep).message.contains("nested"));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }
}
