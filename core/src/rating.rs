//! What was chosen for an item: a level, a special answer, or nothing yet. Shared by the
//! instrument (which names the answers) and the response (which records them).

use serde::{Deserialize, Serialize};

/// An answer that takes an item out of scoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Special {
    /// The item does not apply to this organisation.
    NotApplicable,
    /// The respondent cannot say.
    DontKnow,
}

impl Special {
    /// Both special answers.
    pub const ALL: [Special; 2] = [Special::NotApplicable, Special::DontKnow];

    /// Its name in the file formats.
    pub fn name(self) -> &'static str {
        match self {
            Special::NotApplicable => "notApplicable",
            Special::DontKnow => "dontKnow",
        }
    }
}

impl<'de> Deserialize<'de> for Special {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::shape::by_name(deserializer, &Special::ALL, Special::name)
    }
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
