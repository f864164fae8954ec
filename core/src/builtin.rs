//! The instruments shipped with the tool, embedded at compile time.

use crate::instrument::Instrument;

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

/// A built-in instrument by id, parsed and validated by the same code users run.
pub fn builtin(id: &str) -> Option<Instrument> {
    let (_, text) = BUILTIN_SOURCES.iter().find(|(known, _)| *known == id)?;
    // The shipped files are validated by the core's tests, so this cannot fail in a release.
    // Every built-in is validated by the test suite.
    Instrument::from_json(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_is_valid_and_named_by_its_id() {
        for (id, text) in BUILTIN_SOURCES {
            let instrument = Instrument::from_json(text).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(&instrument.id, id);
        }
    }
}
