//! The instrument: the matrix a board rates itself against, held as data.
//!
//! See `docs/instrument-format.md` for the format with a worked example; the JSON Schema in
//! `docs/instrument.schema.json` is generated from these types.

use crate::error::Result;
use crate::json::{index, parse_document, Reader, Text};
use crate::score::Score;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;

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
use limits::*;

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
    /// Parses and validates an instrument from JSON text, reporting every problem at once.
    pub fn from_json(text: &str) -> Result<Instrument> {
        let value = parse_document(text, MAX_BYTES, "instrument")?;
        Instrument::from_value(&value)
    }

    /// Validates an already-parsed JSON value (e.g. an object passed from JavaScript).
    pub fn from_value(value: &Value) -> Result<Instrument> {
        let mut reader = Reader::default();
        let instrument = read_instrument(&mut reader, value);
        reader.finish_some(instrument, "the instrument could not be read")
    }

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
    pub fn rating_label(&self, rating: crate::response::Rating) -> &str {
        use crate::response::{Rating, Special};
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
    /// What the level at `index` looks like for this item.
    pub fn descriptor<'a>(&'a self, scale: &'a Scale, index: usize) -> &'a str {
        self.levels
            .get(index)
            .or_else(|| scale.levels.get(index).map(|l| &l.description))
            .map_or("", String::as_str)
    }
}

fn read_instrument(r: &mut Reader, value: &Value) -> Option<Instrument> {
    let f = r.object(
        value,
        "",
        &[
            "formatVersion",
            "id",
            "version",
            "title",
            "description",
            "source",
            "scale",
            "scoring",
            "components",
        ],
    )?;
    let format_version = r.integer(&f, "formatVersion", true, 1, i64::MAX);
    if let Some(v) = format_version {
        if v != i64::from(INSTRUMENT_FORMAT_VERSION) {
            r.report(f.path_of("formatVersion"), format!("format {v} is newer than this tool understands (it reads format 1); update the tool"));
        }
    }
    let id = r.id(&f, "id");
    let version = r.text(&f, "version", Text::required(MAX_TITLE_CHARS));
    let title = r.text(&f, "title", Text::required(MAX_TITLE_CHARS));
    let description = r.text(&f, "description", Text::optional(MAX_TEXT_CHARS));
    let source = r.text(&f, "source", Text::optional(MAX_TEXT_CHARS));
    let scale = match f.get("scale") {
        Some(v) => read_scale(r, v, &f.path_of("scale")),
        None => {
            r.report("scale", "missing; this field is required");
            None
        }
    };
    let scoring = f
        .get("scoring")
        .map_or(Some(Scoring::default()), |v| read_scoring(r, v, "scoring"));
    let components = read_components(r, &f, scale.as_ref());
    Some(Instrument {
        format_version: INSTRUMENT_FORMAT_VERSION,
        id: id?,
        version: version?,
        title: title?,
        description: description.unwrap_or_default(),
        source: source.unwrap_or_default(),
        scale: scale?,
        scoring: scoring?,
        components: components?,
    })
}

fn read_scale(r: &mut Reader, value: &Value, path: &str) -> Option<Scale> {
    let f = r.object(value, path, &["levels", "notApplicable", "dontKnow"])?;
    let mut levels = Vec::new();
    if let Some(list) = r.array(&f, "levels", true, MAX_LEVELS) {
        if list.len() < MIN_LEVELS {
            r.report(
                f.path_of("levels"),
                format!(
                    "{} levels; a scale needs {MIN_LEVELS} to {MAX_LEVELS}",
                    list.len()
                ),
            );
        }
        let mut labels = BTreeSet::new();
        for (i, v) in list.iter().enumerate() {
            let p = index(&f.path_of("levels"), i);
            let Some(lf) = r.object(v, &p, &["value", "label", "description"]) else {
                continue;
            };
            let value = r.integer(&lf, "value", true, 0, MAX_LEVEL_VALUE);
            let label = r.text(&lf, "label", Text::required(MAX_TITLE_CHARS));
            let description = r.text(&lf, "description", Text::optional(MAX_TEXT_CHARS));
            if let Some(label) = &label {
                if !labels.insert(label.trim().to_ascii_lowercase()) {
                    r.report(
                        lf.path_of("label"),
                        format!("\"{label}\" is used by another level"),
                    );
                }
            }
            if let (Some(value), Some(label)) = (value, label) {
                if let Some(prev) = levels.last().map(|l: &Level| l.value) {
                    if i64::from(prev) >= value {
                        r.report(lf.path_of("value"), format!("{value} must be greater than the level before it ({prev}); list levels lowest first"));
                    }
                }
                let value = u8::try_from(value).expect("range checked above");
                levels.push(Level {
                    value,
                    label,
                    description: description.unwrap_or_default(),
                });
            }
        }
    }
    let not_applicable = read_special(r, &f, "notApplicable");
    let dont_know = read_special(r, &f, "dontKnow");
    Some(Scale {
        levels,
        not_applicable: not_applicable?,
        dont_know: dont_know?,
    })
}

fn read_special(
    r: &mut Reader,
    f: &crate::json::Fields<'_>,
    key: &str,
) -> Option<Option<SpecialAnswer>> {
    let Some(value) = f.get(key) else {
        return Some(None);
    };
    let sf = r.object(value, &f.path_of(key), &["label"])?;
    let label = r.text(&sf, "label", Text::required(MAX_TITLE_CHARS))?;
    Some(Some(SpecialAnswer { label }))
}

fn read_rollup(r: &mut Reader, f: &crate::json::Fields<'_>, key: &str) -> Option<Rollup> {
    match f.get(key) {
        None => Some(Rollup::Mean),
        Some(Value::String(s)) if s == "mean" => Some(Rollup::Mean),
        Some(Value::String(s)) if s == "median" => Some(Rollup::Median),
        Some(Value::String(s)) if s == "minimum" => Some(Rollup::Minimum),
        Some(_) => {
            r.report(
                f.path_of(key),
                "expected \"mean\", \"median\" or \"minimum\"",
            );
            None
        }
    }
}

fn read_scoring(r: &mut Reader, value: &Value, path: &str) -> Option<Scoring> {
    let f = r.object(value, path, &["component", "overall", "bands"])?;
    let component = read_rollup(r, &f, "component");
    let overall = read_rollup(r, &f, "overall");
    let mut bands: Vec<Band> = Vec::new();
    let mut labels = BTreeSet::new();
    for (i, v) in r
        .array(&f, "bands", false, MAX_BANDS)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let p = index(&f.path_of("bands"), i);
        let Some(bf) = r.object(v, &p, &["from", "label"]) else {
            continue;
        };
        let label = r.text(&bf, "label", Text::required(MAX_TITLE_CHARS));
        let from = match bf.get("from") {
            None => {
                r.report(bf.path_of("from"), "missing; this field is required");
                None
            }
            Some(v) => read_two_decimals(r, v, &bf.path_of("from")),
        };
        if let Some(label) = &label {
            if !labels.insert(label.trim().to_ascii_lowercase()) {
                r.report(
                    bf.path_of("label"),
                    format!("\"{label}\" is used by another band"),
                );
            }
        }
        if let (Some(from), Some(label)) = (from, label) {
            if let Some(prev) = bands.last() {
                if prev.from >= from {
                    r.report(bf.path_of("from"), format!("{from} must be greater than the band before it ({}); list bands lowest first", prev.from));
                }
            }
            bands.push(Band { from, label });
        }
    }
    Some(Scoring {
        component: component?,
        overall: overall?,
        bands,
    })
}

/// Reads a number with at most two decimals as an exact [`Score`], from its decimal text so
/// no binary rounding is involved.
fn read_two_decimals(r: &mut Reader, value: &Value, path: &str) -> Option<Score> {
    let parsed = match value {
        Value::Number(n) => parse_hundredths(&n.to_string()),
        _ => None,
    };
    if parsed.is_none() {
        r.report(
            path,
            "expected a number from 0 to 100 with at most two decimals",
        );
    }
    parsed
}

fn parse_hundredths(text: &str) -> Option<Score> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 2
        || whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok().filter(|w| *w <= MAX_LEVEL_VALUE)?;
    let fraction: i64 = format!("{fraction:0<2}").parse().ok()?;
    Some(Score(whole * 100 + fraction)).filter(|s| s.0 <= MAX_LEVEL_VALUE * 100)
}

fn read_components(
    r: &mut Reader,
    f: &crate::json::Fields<'_>,
    scale: Option<&Scale>,
) -> Option<Vec<Component>> {
    let list = r.array(f, "components", true, MAX_COMPONENTS)?;
    if list.is_empty() {
        r.report(
            f.path_of("components"),
            "empty; an instrument needs at least one component",
        );
    }
    let total_items: usize = list
        .iter()
        .filter_map(|c| c.get("items")?.as_array().map(Vec::len))
        .sum();
    if total_items > MAX_ITEMS {
        r.report(
            f.path_of("components"),
            format!("{total_items} items in all; the limit is {MAX_ITEMS}"),
        );
        return None;
    }
    let levels = scale.map(|s| s.levels.len());
    let mut component_ids = BTreeSet::new();
    let mut item_ids = BTreeSet::new();
    let mut components = Vec::new();
    for (ci, cv) in list.iter().enumerate() {
        let cp = index(&f.path_of("components"), ci);
        let Some(cf) = r.object(
            cv,
            &cp,
            &["id", "title", "description", "guidance", "weight", "items"],
        ) else {
            continue;
        };
        let id = r.id(&cf, "id");
        if let Some(id) = &id {
            if !component_ids.insert(id.clone()) {
                r.report(
                    cf.path_of("id"),
                    format!("\"{id}\" is used by another component"),
                );
            }
        }
        let title = r.text(&cf, "title", Text::required(MAX_TITLE_CHARS));
        let description = r.text(&cf, "description", Text::optional(MAX_TEXT_CHARS));
        let guidance = r.text(&cf, "guidance", Text::optional(MAX_TEXT_CHARS));
        let weight = read_weight(r, &cf);
        let mut items = Vec::new();
        if let Some(list) = r.array(&cf, "items", true, MAX_ITEMS) {
            if list.is_empty() {
                r.report(
                    cf.path_of("items"),
                    "empty; a component needs at least one item",
                );
            }
            for (ii, iv) in list.iter().enumerate() {
                let ip = index(&cf.path_of("items"), ii);
                if let Some(item) = read_item(r, iv, &ip, levels, &mut item_ids) {
                    items.push(item);
                }
            }
        }
        if let (Some(id), Some(title), Some(weight)) = (id, title, weight) {
            components.push(Component {
                id,
                title,
                description: description.unwrap_or_default(),
                guidance: guidance.unwrap_or_default(),
                weight,
                items,
            });
        }
    }
    Some(components)
}

fn read_weight(r: &mut Reader, f: &crate::json::Fields<'_>) -> Option<u32> {
    match f.get("weight") {
        None => Some(1),
        Some(v) => {
            let w = r.integer_value(v, &|| f.path_of("weight"), 1, MAX_WEIGHT)?;
            Some(u32::try_from(w).expect("range checked"))
        }
    }
}

fn read_item(
    r: &mut Reader,
    value: &Value,
    path: &str,
    levels: Option<usize>,
    ids: &mut BTreeSet<String>,
) -> Option<Item> {
    let f = r.object(
        value,
        path,
        &[
            "id", "title", "prompt", "levels", "guidance", "evidence", "weight",
        ],
    )?;
    let id = r.id(&f, "id");
    if let Some(id) = &id {
        if !ids.insert(id.clone()) {
            r.report(f.path_of("id"), format!("\"{id}\" is used by another item; item ids must be unique across the instrument"));
        }
    }
    let title = r.text(&f, "title", Text::required(MAX_TITLE_CHARS));
    let prompt = r.text(&f, "prompt", Text::optional(MAX_TEXT_CHARS));
    let guidance = r.text(&f, "guidance", Text::optional(MAX_TEXT_CHARS));
    let weight = read_weight(r, &f);
    let descriptors = read_text_list(r, &f, "levels", MAX_LEVELS);
    if let (Some(d), Some(n)) = (&descriptors, levels) {
        if !d.is_empty() && d.len() != n {
            r.report(
                f.path_of("levels"),
                format!("{} descriptors, the scale has {n} levels", d.len()),
            );
        }
    }
    let evidence = read_text_list(r, &f, "evidence", MAX_EVIDENCE);
    Some(Item {
        id: id?,
        title: title?,
        prompt: prompt.unwrap_or_default(),
        levels: descriptors?,
        guidance: guidance.unwrap_or_default(),
        evidence: evidence?,
        weight: weight?,
    })
}

fn read_text_list(
    r: &mut Reader,
    f: &crate::json::Fields<'_>,
    key: &str,
    max: usize,
) -> Option<Vec<String>> {
    let Some(list) = r.array(f, key, false, max) else {
        return f.get(key).is_none().then(Vec::new);
    };
    let mut out = Vec::with_capacity(list.len());
    let mut ok = true;
    for (i, v) in list.iter().enumerate() {
        let p = index(&f.path_of(key), i);
        match v {
            Value::String(s) if s.trim().is_empty() => {
                r.report(p, "empty; write some text here");
                ok = false;
            }
            Value::String(s) if s.chars().count() > MAX_TEXT_CHARS => {
                r.report(
                    p,
                    format!(
                        "{} characters; the limit is {MAX_TEXT_CHARS}",
                        s.chars().count()
                    ),
                );
                ok = false;
            }
            Value::String(s) => out.push(s.clone()),
            other => {
                r.report(
                    p,
                    format!("expected text, found {}", crate::json::kind(other)),
                );
                ok = false;
            }
        }
    }
    ok.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_two_decimal_numbers_exactly() {
        assert_eq!(parse_hundredths("2.5"), Some(Score(250)));
        assert_eq!(parse_hundredths("3"), Some(Score(300)));
        assert_eq!(parse_hundredths("0.05"), Some(Score(5)));
        assert_eq!(parse_hundredths("1.234"), None);
        assert_eq!(parse_hundredths("-1"), None);
        assert_eq!(parse_hundredths("101"), None);
    }
}
