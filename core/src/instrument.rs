//! The instrument: the matrix a board rates itself against, held as data.
//!
//! The model and its queries. Reading and validating JSON lives in `read::instrument`. See
//! `docs/instrument-format.md` for the format with a worked example; the JSON Schema in
//! `docs/instrument.schema.json` is generated from these types.

use crate::rating::{Rating, Special};
use crate::score::Score;
use serde::{Deserialize, Serialize};

/// The instrument format this version of the core reads and writes.
pub const INSTRUMENT_FORMAT_VERSION: u32 = 1;

/// Limits that keep a hostile or mistaken file from exhausting memory or the page.
pub mod limits {
    /// Largest instrument file, in bytes (1 MiB).
    pub const MAX_BYTES: usize = 1 << 20;
    /// Most components in one instrument.
    pub const MAX_COMPONENTS: usize = 30;
    /// Most items in one instrument, over all components.
    pub const MAX_ITEMS: usize = 500;
    /// Fewest and most levels on the scale.
    pub const MIN_LEVELS: usize = 2;
    /// See [`MIN_LEVELS`].
    pub const MAX_LEVELS: usize = 10;
    /// Highest level value; values are whole numbers from 0.
    pub const MAX_LEVEL_VALUE: i64 = 100;
    /// Longest title or label, in characters.
    pub const MAX_TITLE_CHARS: usize = 200;
    /// Longest description, descriptor, prompt or guidance, in characters.
    pub const MAX_TEXT_CHARS: usize = 4_000;
    /// Most evidence examples per item.
    pub const MAX_EVIDENCE: usize = 20;
    /// Largest weight; weights are whole numbers from 1.
    pub const MAX_WEIGHT: i64 = 1_000;
    /// Most score bands.
    pub const MAX_BANDS: usize = 10;
}

/// A maturity matrix: its scale, its components and their items, and how scores roll up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Instrument {
    /// Always 1 for this format.
    pub format_version: u32,
    /// Stable identifier, used in storage keys and to match responses: letters, digits, `-_.`.
    pub id: String,
    /// The instrument's own version, e.g. `"1.0.0"`; responses record it.
    pub version: String,
    /// Its name, shown as the widget's heading.
    pub title: String,
    /// What it is for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Where the wording comes from and on what terms it may be reused.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The ordered levels and the special answers allowed.
    pub scale: Scale,
    /// How item ratings roll up into component and overall scores.
    #[serde(default)]
    pub scoring: Scoring,
    /// The components, in the order they are assessed.
    pub components: Vec<Component>,
}

/// The ordered levels every item is rated on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scale {
    /// 2 to 10 levels, lowest first, with strictly increasing values.
    pub levels: Vec<Level>,
    /// If present, "not applicable" may be chosen; it is left out of every score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<SpecialAnswer>,
    /// If present, "don't know" may be chosen; it is left out of every score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dont_know: Option<SpecialAnswer>,
}

/// One level of the scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Level {
    /// The number scores are computed from: a whole number from 0 to 100.
    pub value: u8,
    /// Its name, e.g. "Embedding".
    pub label: String,
    /// What this level means across the whole matrix.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// The wording of a special answer ("not applicable", "don't know").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SpecialAnswer {
    /// The option's text, e.g. "No chance to demonstrate".
    pub label: String,
}

/// How a set of scores rolls up into one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Rollup {
    /// The weighted mean.
    #[default]
    Mean,
    /// The middle value (weights ignored); the mean of the two middle values for an even count.
    Median,
    /// The lowest value: the "weakest link" rule, under which a level counts only when every
    /// part has reached it (weights ignored).
    Minimum,
}

/// The scoring rules.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scoring {
    /// How a component's items roll up. Default: `mean`.
    #[serde(default)]
    pub component: Rollup,
    /// How the components roll up into the overall figure. Default: `mean`.
    #[serde(default)]
    pub overall: Rollup,
    /// Optional named bands, lowest first: a score at or above `from` takes the band's label.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
}

/// A named range of scores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Band {
    /// The lowest score in the band, with at most two decimals.
    pub from: Score,
    /// The band's name, e.g. "Developing".
    pub label: String,
}

/// One of the components assessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Component {
    /// Unique among components.
    pub id: String,
    /// Its name.
    pub title: String,
    /// What it covers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Help for people rating it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guidance: String,
    /// Weight in the overall mean, a whole number from 1. Default 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub weight: u32,
    /// Its items, at least one.
    pub items: Vec<Item>,
}

/// One row of the matrix: a practice rated on the scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Item {
    /// Unique across the whole instrument (responses are keyed by it).
    pub id: String,
    /// A short name.
    pub title: String,
    /// The question put to the respondent.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prompt: String,
    /// What each level looks like for this item, one per scale level, lowest first. When
    /// absent, the scale's own level descriptions are shown (useful for frequency scales).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<String>,
    /// How to move up: for each level but the top, lowest first, what it takes to reach the
    /// next level for this item. Shown in the action plan and the results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub move_up: Vec<String>,
    /// Help for rating it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guidance: String,
    /// Examples of evidence that would support a rating.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Weight in its component's mean and in action-plan priority. Default 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub weight: u32,
}

fn one() -> u32 {
    1
}
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_one(n: &u32) -> bool {
    *n == 1
}

impl Instrument {
    /// Pretty JSON, the same format [`Instrument::from_json`] reads.
    pub fn to_json(&self) -> String {
        // Serialising plain data cannot fail; no error path keeps its formatting code out.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every item with its component, in instrument order.
    pub fn items(&self) -> impl Iterator<Item = (&Component, &Item)> {
        self.components
            .iter()
            .flat_map(|c| c.items.iter().map(move |i| (c, i)))
    }

    /// Looks up an item by id.
    pub fn item(&self, id: &str) -> Option<(&Component, &Item)> {
        self.items().find(|(_, item)| item.id == id)
    }

    /// An index from item id to position in [`Instrument::items`] order, for lookups in
    /// loops over many responses.
    pub fn item_positions(&self) -> ItemPositions<'_> {
        let mut ids: Vec<(&str, usize)> = self
            .items()
            .enumerate()
            .map(|(position, (_, item))| (item.id.as_str(), position))
            .collect();
        ids.sort_unstable();
        ItemPositions(ids)
    }

    /// The number of items.
    pub fn item_count(&self) -> usize {
        self.components.iter().map(|c| c.items.len()).sum()
    }

    /// The position (0 = lowest) of the level with this value.
    pub fn level_index(&self, value: u8) -> Option<usize> {
        self.scale.levels.iter().position(|l| l.value == value)
    }

    /// The level with this value.
    pub fn level(&self, value: u8) -> Option<&Level> {
        self.scale.levels.iter().find(|l| l.value == value)
    }

    /// How a rating reads on this instrument's scale: the level's label, the special answer's
    /// label ("Not applicable" or "Don't know" where the instrument names none), or
    /// "Not answered".
    pub fn rating_label(&self, rating: Rating) -> &str {
        match rating {
            Rating::Level(value) => self.level(value).map_or("", |l| l.label.as_str()),
            Rating::Special(Special::NotApplicable) => self
                .scale
                .not_applicable
                .as_ref()
                .map_or("Not applicable", |a| a.label.as_str()),
            Rating::Special(Special::DontKnow) => self
                .scale
                .dont_know
                .as_ref()
                .map_or("Don't know", |a| a.label.as_str()),
            Rating::Unanswered => "Not answered",
        }
    }

    /// The band label for a score, if the instrument defines bands.
    pub fn band(&self, score: Score) -> Option<&str> {
        self.scoring
            .bands
            .iter()
            .rev()
            .find(|b| score >= b.from)
            .map(|b| b.label.as_str())
    }
}

/// Item ids sorted, so sorted answer keys can be matched by walking both lists: no hashing,
/// and no allocation per lookup.
#[derive(Debug, Clone)]
pub struct ItemPositions<'a>(Vec<(&'a str, usize)>);

impl ItemPositions<'_> {
    /// Looks up ids given in ascending order (as a `BTreeMap` yields them) by walking both
    /// sorted lists together: one comparison per step instead of a search per id.
    pub fn sorted_lookup<'s, 'k, K: AsRef<str> + 'k, V>(
        &'s self,
        entries: impl Iterator<Item = (&'k K, V)> + 's,
    ) -> impl Iterator<Item = (Option<usize>, &'k K, V)> + 's
    where
        'k: 's,
    {
        let mut cursor = 0;
        entries.map(move |(key, value)| {
            let id = key.as_ref();
            while cursor < self.0.len() && self.0[cursor].0 < id {
                cursor += 1;
            }
            let found = self
                .0
                .get(cursor)
                .filter(|(known, _)| *known == id)
                .map(|(_, position)| *position);
            (found, key, value)
        })
    }
}

impl Item {
    /// What it takes to move up from the level at `index` to the next, if the instrument says.
    pub fn move_up_from(&self, index: usize) -> Option<&str> {
        self.move_up.get(index).map(String::as_str)
    }

    /// What the level at `index` looks like for this item.
    pub fn descriptor<'a>(&'a self, scale: &'a Scale, index: usize) -> &'a str {
        self.levels
            .get(index)
            .or_else(|| scale.levels.get(index).map(|l| &l.description))
            .map_or("", String::as_str)
    }
}
