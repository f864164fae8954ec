//! Errors the core reports: every problem carries the JSON path of the value at fault.

use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// One thing wrong with an input, located by a JSON path such as
/// `components[2].items[0].levels`. The empty path means the document as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Problem {
    /// Where the problem is: `components[2].items[0].levels`, or `""` for the whole document.
    pub path: String,
    /// What is wrong, in plain words, for the person who wrote the file.
    pub message: String,
    /// Technical detail for whoever fixes the file, such as the line and column of a syntax
    /// error; empty when the path says enough.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

impl Problem {
    /// A problem at `path` (empty for the whole document).
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem::with_detail(path, message, String::new())
    }

    /// A problem at `path` with technical detail beside the plain message.
    pub fn with_detail(
        path: impl Into<String>,
        message: impl Into<String>,
        detail: impl Into<String>,
    ) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
            detail: detail.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Why an instrument or a response could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The input broke one or more rules. All of them are listed, not only the first.
    #[error("{} ({})", summary(.0), .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
}

fn summary(problems: &[Problem]) -> String {
    match problems.len() {
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    }
}

impl Error {
    /// The individual problems, in document order.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Invalid(problems) => problems,
        }
    }

    /// The same problems located inside a larger document: `prefix` is `[2]` for the third
    /// of a list of files, or a field name such as `baseline`.
    pub fn nested(self, prefix: &str) -> Error {
        let join = |path: &str| match path {
            "" => prefix.to_owned(),
            p if p.starts_with('[') => format!("{prefix}{p}"),
            p => format!("{prefix}.{p}"),
        };
        match self {
            Error::Invalid(problems) => Error::Invalid(
                problems
                    .into_iter()
                    .map(|p| Problem {
                        path: join(&p.path),
                        ..p
                    })
                    .collect(),
            ),
        }
    }

    /// An error with one problem at `path`.
    pub fn single(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid(vec![Problem::new(path, message)])
    }

    /// An error with one problem at `path`, with technical detail beside the message.
    pub fn with_detail(
        path: impl Into<String>,
        message: impl Into<String>,
        detail: impl Into<String>,
    ) -> Self {
        Error::Invalid(vec![Problem::with_detail(path, message, detail)])
    }
}

/// Shorthand for the core's results.
pub type Result<T> = std::result::Result<T, Error>;

/// Builds JSON paths the way people read them: `components[2].items[0].title`.
pub fn child(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    match (path.is_empty(), plain) {
        (true, true) => key.to_owned(),
        (false, true) => format!("{path}.{key}"),
        (_, false) => format!("{path}[{}]", Value::String(key.to_owned())),
    }
}

/// Builds the path of a list's entry: `components[2]`.
pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}
