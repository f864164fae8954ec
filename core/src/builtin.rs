//! The instruments shipped with the tool, embedded at compile time.

use crate::instrument::Instrument;
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
    fn every_builtin_is_valid_and_named_by_its_id() {
        for (id, text) in BUILTIN_SOURCES {
            let instrument = Instrument::from_json(text).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(&instrument.id, id);
        }
    }
}
