//! The instruments shipped with the tool, embedded at compile time.

use crate::error::{Error, Result};
use crate::instrument::Instrument;
use crate::read::{id_characters_only, MAX_ID_CHARS};
use std::sync::OnceLock;

/// The id of the instrument used when none is named.
pub const DEFAULT_INSTRUMENT_ID: &str = "nhs-impact";

/// `(id, JSON text)` of every built-in instrument, default first.
pub const BUILTIN_SOURCES: &[(&str, &str)] = &[
    ("nhs-impact", include_str!("../instruments/nhs-impact.json")),
    (
        "board-improvement-leadership",
        include_str!("../instruments/board-improvement-leadership.json"),
    ),
];

/// The ids of the built-in instruments, default first.
pub fn builtin_ids() -> impl Iterator<Item = &'static str> {
    BUILTIN_SOURCES.iter().map(|(id, _)| *id)
}

/// A built-in instrument by id, parsed and validated by the same code users run. Each is
/// parsed once per process and copied after: a page with several widgets, or one remounted,
/// would otherwise validate the same text again each time.
pub fn builtin(id: &str) -> Option<Instrument> {
    static PARSED: [OnceLock<Option<Instrument>>; BUILTIN_SOURCES.len()] =
        [const { OnceLock::new() }; BUILTIN_SOURCES.len()];
    let position = BUILTIN_SOURCES.iter().position(|(known, _)| *known == id)?;
    // The shipped files are validated by the core's tests, so parsing cannot fail in a release.
    PARSED[position]
        .get_or_init(|| Instrument::from_json(BUILTIN_SOURCES[position].1).ok())
        .clone()
}

/// A built-in instrument by id, or an error naming the ones there are.
pub fn builtin_named(id: &str) -> Result<Instrument> {
    builtin(id).ok_or_else(|| {
        let known: Vec<&str> = builtin_ids().collect();
        Error::single(
            "instrument",
            format!(
                "there is no built-in instrument \"{id}\"; the built-in ones are {}",
                known.join(", ")
            ),
        )
    })
}

/// An instrument given as text, the way the element's `instrument` attribute and the
/// JavaScript functions take it: text shaped like an identifier names a built-in instrument
/// (`"nhs-impact"`); anything else is read as an instrument's JSON.
pub fn instrument_from_text(text: &str) -> Result<Instrument> {
    let id_shaped = !text.is_empty() && text.len() <= MAX_ID_CHARS && id_characters_only(text);
    if id_shaped {
        builtin_named(text)
    } else {
        Instrument::from_json(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_copies_equal_a_fresh_parse() {
        for (id, text) in BUILTIN_SOURCES {
            assert_eq!(builtin(id), Instrument::from_json(text).ok());
            assert_eq!(
                builtin(id),
                Instrument::from_json(text).ok(),
                "{id}, from the cache"
            );
        }
    }

    #[test]
    fn text_names_a_builtin_or_is_read_as_json() {
        assert_eq!(
            instrument_from_text("nhs-impact").ok(),
            builtin("nhs-impact")
        );
        let unknown = instrument_from_text("nhs-impact.v2").unwrap_err();
        assert_eq!(unknown.problems()[0].path, "instrument");
        assert!(unknown.problems()[0]
            .message
            .contains("nhs-impact, board-improvement-leadership"));
        let json = instrument_from_text(BUILTIN_SOURCES[1].1).unwrap();
        assert_eq!(json.id, "board-improvement-leadership");
        assert!(instrument_from_text("{}").is_err());
    }

    #[test]
    fn every_builtin_is_valid_and_named_by_its_id() {
        for (id, text) in BUILTIN_SOURCES {
            let instrument = Instrument::from_json(text).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(&instrument.id, id);
        }
    }
}
