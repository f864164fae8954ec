//! The system view: the agreed records of several organisations side by side, so a system's
//! organisations can learn from each other. Never a league table: organisations are listed
//! alphabetically, and nothing here ranks them.

use crate::csv::push_row;
use crate::error::{Error, Result};
use crate::instrument::Instrument;
use crate::order::{ascending, descending};
use crate::rating::Rating;
use crate::report::{median, score, Spread};
use crate::response::Response;
use crate::score::Score;
use serde::Serialize;

/// Several organisations' agreed records of one instrument, side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SystemView {
    /// The organisations, alphabetically by name.
    pub organisations: Vec<Organisation>,
    /// Positions in `organisations` in the order of their aliases (Organisation A, B, …): the
    /// order to show them in when names are hidden.
    pub alias_order: Vec<usize>,
    /// Per component, in instrument order: the system's median and the spread across
    /// organisations.
    pub components: Vec<SystemComponent>,
    /// Per item, in instrument order: each organisation's rating.
    pub items: Vec<SystemItem>,
    /// Ids of the items on which the organisations differ, most levels apart first (instrument
    /// order among equals). Items on which every organisation agrees are left out.
    pub differences: Vec<String>,
}

/// One organisation's agreed profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    /// The organisation's name: the record's organisation, else its title.
    pub name: String,
    /// The name used when names are hidden: "Organisation A", "Organisation B", …. The letters
    /// do not follow the alphabetical order of the names (which anyone knowing the members
    /// could undo), but a fixed scramble of them: the same organisations get the same letters
    /// every time.
    pub alias: String,
    /// The version of the instrument the record was made against.
    pub instrument_version: String,
    /// How many of its answers do not fit this version of the instrument and are left out.
    pub set_aside: u32,
    /// Its overall score.
    pub overall: Option<Score>,
    /// Its component scores, in instrument order.
    pub components: Vec<Option<Score>>,
}

/// One component across the organisations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SystemComponent {
    /// The component's id.
    pub id: String,
    /// How many organisations have a score for it.
    pub count: u32,
    /// The median of their scores.
    pub median: Option<Score>,
    /// The lowest score.
    pub min: Option<Score>,
    /// The highest score.
    pub max: Option<Score>,
    /// `max - min`.
    pub spread: Option<Score>,
}

/// One item across the organisations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SystemItem {
    /// The item's id.
    pub id: String,
    /// Its component's id.
    pub component_id: String,
    /// Each organisation's level value, in the order of `organisations`; `None` where the
    /// organisation gave no level (not applicable, don't know, or no answer).
    pub levels: Vec<Option<u8>>,
    /// Each organisation's answer in words ("Level 3", "Not applicable", "–" for none).
    pub answers: Vec<String>,
    /// The median level value of the organisations that gave a level.
    pub median: Option<Score>,
    /// How many levels apart the lowest and highest organisations are.
    pub spread: u32,
}

/// Puts the agreed `records` of several organisations side by side. Each record must be for
/// `instrument`; one made against another version of it counts with the answers that fit (the
/// rest are counted in `set_aside`). Otherwise the error names which record (`[2].instrument.id`)
/// and why.
pub fn system_view(instrument: &Instrument, records: &[Response]) -> Result<SystemView> {
    let mut problems = Vec::new();
    let mut fitted = Vec::with_capacity(records.len());
    for (i, record) in records.iter().enumerate() {
        match record.clone().import(instrument) {
            Ok(f) => fitted.push(f),
            Err(error) => problems.extend(error.nested(&format!("[{i}]")).problems().to_vec()),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let names: Vec<String> = fitted
        .iter()
        .map(|f| organisation_name(&f.response))
        .collect();
    let order = alphabetical(&names);
    // Letters by a scramble of the names; positions in `order` (alphabetical).
    let alias_order = ascending(order.iter().map(|&i| scramble(&names[i])));
    let mut letter_of = vec![0; order.len()];
    for (letter, &place) in alias_order.iter().enumerate() {
        letter_of[place] = letter;
    }
    let organisations: Vec<Organisation> = order
        .iter()
        .enumerate()
        .map(|(place, &i)| {
            let report = score(instrument, &fitted[i].response);
            Organisation {
                name: names[i].clone(),
                alias: format!("Organisation {}", letters(letter_of[place])),
                instrument_version: fitted[i].response.instrument.version.clone(),
                set_aside: u32::try_from(fitted[i].set_aside.len()).unwrap_or(u32::MAX),
                overall: report.overall,
                components: report.components.iter().map(|c| c.score).collect(),
            }
        })
        .collect();
    let components = instrument
        .components
        .iter()
        .enumerate()
        .map(|(ci, component)| {
            let scores: Vec<i64> = organisations
                .iter()
                .filter_map(|o| o.components[ci].map(Score::hundredths))
                .collect();
            let spread = Spread::of(scores);
            SystemComponent {
                id: component.id.clone(),
                count: spread.count,
                median: spread.median,
                min: spread.min,
                max: spread.max,
                spread: spread.spread,
            }
        })
        .collect();
    let items: Vec<SystemItem> = instrument
        .items()
        .map(|(component, item)| {
            let ratings: Vec<Rating> = order
                .iter()
                .map(|&i| fitted[i].response.rating(&item.id))
                .collect();
            let levels: Vec<Option<u8>> = ratings
                .iter()
                .map(|r| match r {
                    Rating::Level(value) => Some(*value),
                    _ => None,
                })
                .collect();
            let indexes: Vec<usize> = levels
                .iter()
                .filter_map(|l| l.and_then(|v| instrument.level_index(v)))
                .collect();
            let spread = match (indexes.iter().min(), indexes.iter().max()) {
                (Some(lo), Some(hi)) => u32::try_from(hi - lo).unwrap_or(0),
                _ => 0,
            };
            let values: Vec<i64> = levels
                .iter()
                .flatten()
                .map(|&v| i64::from(v) * 100)
                .collect();
            SystemItem {
                id: item.id.clone(),
                component_id: component.id.clone(),
                answers: ratings
                    .iter()
                    .map(|&r| match r {
                        Rating::Unanswered => "–".to_owned(),
                        rating => instrument.rating_label(rating).to_owned(),
                    })
                    .collect(),
                median: (!values.is_empty()).then(|| median(values)),
                levels,
                spread,
            }
        })
        .collect();
    let differing: Vec<&SystemItem> = items.iter().filter(|i| i.spread > 0).collect();
    let differences = ascending(differing.iter().map(|i| descending(u64::from(i.spread))))
        .into_iter()
        .map(|position| differing[position].id.clone())
        .collect();
    Ok(SystemView {
        organisations,
        alias_order,
        components,
        items,
        differences,
    })
}

/// The name an organisation is shown by: the record's organisation, else its title, else
/// "Unnamed organisation".
pub fn organisation_name(record: &Response) -> String {
    [&record.organisation, &record.title]
        .into_iter()
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .unwrap_or("Unnamed organisation")
        .to_owned()
}

/// Positions of `names` in alphabetical order, ignoring (ASCII) case; equal names keep their order.
/// Each name's rank is how many names come before it, which avoids a sort over strings.
fn alphabetical(names: &[String]) -> Vec<usize> {
    let folded: Vec<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
    ascending(
        folded
            .iter()
            .map(|name| folded.iter().filter(|other| *other < name).count() as u64),
    )
}

/// A fixed scramble of a name (FNV-1a of its ASCII-lower-cased bytes): the same name always
/// gives the same value, and the values' order says nothing about the names' order.
fn scramble(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    })
}

/// "A" … "Z", then "AA", "AB", …, as spreadsheet columns are named.
fn letters(mut place: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (place % 26) as u8);
        if place < 26 {
            break;
        }
        place = place / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

/// The system table for a spreadsheet: one row per component, then one per item, with each
/// organisation's score or answer (organisations named in alphabetical order, or by alias in
/// the aliases' order when `anonymous`), the system median, lowest, highest and spread.
pub fn system_csv(instrument: &Instrument, view: &SystemView, anonymous: bool) -> String {
    // Hidden names are listed in the order of their letters, so the columns' order does not
    // give the names away either.
    let columns: Vec<usize> = if anonymous {
        view.alias_order.clone()
    } else {
        (0..view.organisations.len()).collect()
    };
    let mut out = String::new();
    let mut header: Vec<String> = vec!["Component".into(), "Item".into()];
    header.extend(columns.iter().map(|&o| {
        let organisation = &view.organisations[o];
        if anonymous {
            organisation.alias.clone()
        } else {
            organisation.name.clone()
        }
    }));
    header.extend(["System median", "Lowest", "Highest", "Spread"].map(str::to_owned));
    push_row(&mut out, &header);
    let text = |s: Option<Score>| s.map(|s| s.to_string()).unwrap_or_default();
    for (ci, (component, c)) in instrument
        .components
        .iter()
        .zip(&view.components)
        .enumerate()
    {
        let mut row = vec![component.title.clone(), "(component score)".to_owned()];
        row.extend(
            columns
                .iter()
                .map(|&o| text(view.organisations[o].components[ci])),
        );
        row.extend([text(c.median), text(c.min), text(c.max), text(c.spread)]);
        push_row(&mut out, &row);
    }
    for ((component, item), i) in instrument.items().zip(&view.items) {
        let mut row = vec![component.title.clone(), item.title.clone()];
        row.extend(
            i.levels
                .iter()
                .zip(&i.answers)
                .map(|(level, answer)| match level {
                    Some(value) => value.to_string(),
                    None if answer == "–" => String::new(),
                    None => answer.clone(),
                }),
        );
        let (lo, hi) = (
            i.levels.iter().flatten().min(),
            i.levels.iter().flatten().max(),
        );
        row.extend([
            text(i.median),
            lo.map(u8::to_string).unwrap_or_default(),
            hi.map(u8::to_string).unwrap_or_default(),
            i.spread.to_string(),
        ]);
        push_row(&mut out, &row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_run_on_past_z() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(51), "AZ");
        assert_eq!(letters(52), "BA");
    }

    #[test]
    fn aliases_do_not_follow_the_names_order() {
        let instrument = crate::builtin("nhs-impact").unwrap();
        let record = |name: &str| {
            let mut response = Response::new(&instrument);
            response.organisation = name.to_owned();
            response
        };
        let names = [
            "Alpha Trust",
            "Bravo Trust",
            "Charlie Trust",
            "Delta Trust",
            "Echo Trust",
        ];
        let view = system_view(&instrument, &names.map(record)).unwrap();
        let aliases: Vec<&str> = view
            .organisations
            .iter()
            .map(|o| o.alias.as_str())
            .collect();
        assert_ne!(
            aliases,
            [
                "Organisation A",
                "Organisation B",
                "Organisation C",
                "Organisation D",
                "Organisation E"
            ]
        );
        let in_alias_order: Vec<&str> = view
            .alias_order
            .iter()
            .map(|&o| view.organisations[o].alias.as_str())
            .collect();
        assert_eq!(
            in_alias_order,
            [
                "Organisation A",
                "Organisation B",
                "Organisation C",
                "Organisation D",
                "Organisation E"
            ]
        );
        // The same names, in any order of files, get the same letters.
        let mut reversed = names.map(record);
        reversed.reverse();
        let again = system_view(&instrument, &reversed).unwrap();
        assert_eq!(again.organisations, view.organisations);
    }

    #[test]
    fn organisations_are_alphabetical_ignoring_case() {
        let names = ["b trust", "A Trust", "c trust", "a trust"].map(str::to_owned);
        assert_eq!(alphabetical(&names), [1, 3, 0, 2]);
    }
}
