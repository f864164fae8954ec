//! The system view: the agreed records of several organisations side by side, so a system's
//! organisations can learn from each other. Never a league table: organisations are listed
//! alphabetically, and nothing here ranks them.

use crate::csv::push_row;
use crate::error::{Error, Result};
use crate::instrument::Instrument;
use crate::order::{ascending, descending};
use crate::rating::Rating;
use crate::report::{median, score, Spread};
use crate::response::{Agreed, Response};
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
    /// The organisation's name, as its record gives it.
    pub name: String,
    /// The name used when names are hidden: "Organisation A", "Organisation B", …. The letters
    /// do not follow the alphabetical order of the names (which anyone knowing the members
    /// could undo), but a fixed scramble of them: the same organisations get the same letters
    /// every time.
    pub alias: String,
    /// The version of the instrument the record was made against.
    pub instrument_version: String,
    /// How the record says it was agreed; `None` when it is not marked as a board's agreed
    /// record (one person's ratings, or a record from before records were marked), which a
    /// system view flags rather than counts silently.
    pub agreed: Option<Agreed>,
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
    /// How the organisations' scores for it spread (`count` is how many have one).
    #[serde(flatten)]
    pub scores: Spread,
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
/// `instrument` and name its organisation, and no two may name the same one; a record made
/// against another version of the instrument counts with the answers that fit (the rest are
/// counted in `set_aside`). Otherwise the error names which record (`[2].instrument.id`) and why.
pub fn system_view(instrument: &Instrument, records: &[Response]) -> Result<SystemView> {
    let mut problems = Vec::new();
    let mut fitted = Vec::with_capacity(records.len());
    for (i, record) in records.iter().enumerate() {
        let at = format!("[{i}]");
        if let Err(error) = admissible(record, &records[..i]) {
            problems.extend(error.nested(&at).problems().to_vec());
        }
        match record.clone().import(instrument) {
            Ok(f) => fitted.push(f),
            Err(error) => problems.extend(error.nested(&at).problems().to_vec()),
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
                agreed: fitted[i].response.agreed.clone(),
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
            SystemComponent {
                id: component.id.clone(),
                scores: Spread::of(scores),
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

/// The name an organisation is shown by: the record's organisation, trimmed.
pub fn organisation_name(record: &Response) -> String {
    record.organisation.trim().to_owned()
}

/// Whether `record` may join `others` in a system view: it must name its organisation (a
/// record named only by its title, or by its file, could be a second copy of one already
/// counted), name another organisation than each of them, and not repeat one's answers under
/// another name. Each rule keeps one organisation from counting twice in the system median.
pub fn admissible<'a>(
    record: &Response,
    others: impl IntoIterator<Item = &'a Response>,
) -> Result<()> {
    let name = organisation_name(record);
    if name.is_empty() {
        return Err(Error::single(
            "organisation",
            "names no organisation; open the record in the tool, fill in the organisation on its start page and download it again",
        ));
    }
    for other in others {
        if organisation_name(other).eq_ignore_ascii_case(&name) {
            return Err(Error::single(
                "organisation",
                format!(
                    "a record for {name} is already loaded; remove that one first to use this one"
                ),
            ));
        }
        if !record.answers.is_empty() && other.answers == record.answers {
            return Err(Error::single(
                "answers",
                format!(
                    "the same answers as the record for {}; one organisation's record under two names would count it twice",
                    organisation_name(other)
                ),
            ));
        }
    }
    Ok(())
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

/// The system table for a spreadsheet: a row saying which records are agreed records and of
/// how many people's ratings, one row per component, then one per item, with each
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
    // Which records are a board's agreed record, and of how many people's ratings: a figure
    // from one person's file must not pass for a board's.
    let mut provenance = vec![
        "(record)".to_owned(),
        "Agreed from how many people's ratings".to_owned(),
    ];
    provenance.extend(columns.iter().map(|&o| {
        view.organisations[o].agreed.as_ref().map_or_else(
            || "Not marked as agreed".to_owned(),
            |a| a.raters.to_string(),
        )
    }));
    provenance.extend(["", "", "", ""].map(str::to_owned));
    push_row(&mut out, &provenance);
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
        let s = &c.scores;
        row.extend([text(s.median), text(s.min), text(s.max), text(s.spread)]);
        push_row(&mut out, &row);
    }
    for ((component, item), i) in instrument.items().zip(&view.items) {
        let mut row = vec![component.title.clone(), item.title.clone()];
        // The same columns as the header: with names hidden, in the letters' order.
        row.extend(columns.iter().map(|&o| match i.levels[o] {
            Some(value) => value.to_string(),
            None if i.answers[o] == "–" => String::new(),
            None => i.answers[o].clone(),
        }));
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

    fn agreed_record(instrument: &Instrument, name: &str, levels: &[(&str, u8)]) -> Response {
        let mut record = Response::new(instrument);
        record.organisation = name.to_owned();
        record.agreed = Some(Agreed {
            raters: 5,
            on: "2026-11-30".into(),
        });
        for (id, level) in levels {
            record.answers.entry((*id).to_owned()).or_default().level = Some(*level);
        }
        record
    }

    #[test]
    fn each_lettered_column_of_the_csv_is_one_organisations_whole_column() {
        let instrument = crate::builtin("nhs-impact").unwrap();
        let names = ["Alpha Trust", "Bravo Trust", "Charlie Trust", "Delta Trust"];
        let records: Vec<Response> = names
            .iter()
            .enumerate()
            .map(|(n, name)| {
                let level = u8::try_from(n + 1).unwrap();
                agreed_record(
                    &instrument,
                    name,
                    &[("purpose-created", level), ("purpose-lived", 5 - level)],
                )
            })
            .collect();
        let view = system_view(&instrument, &records).unwrap();
        assert_ne!(
            view.alias_order,
            [0, 1, 2, 3],
            "the letters do not follow the names"
        );
        let table = |anonymous| -> Vec<Vec<String>> {
            system_csv(&instrument, &view, anonymous)
                .lines()
                .map(|line| {
                    // Cells split at commas outside quotes (some item titles hold commas).
                    let mut cells = vec![String::new()];
                    let mut quoted = false;
                    for c in line.chars() {
                        match c {
                            '"' => quoted = !quoted,
                            ',' if !quoted => cells.push(String::new()),
                            c => cells.last_mut().unwrap().push(c),
                        }
                    }
                    cells
                })
                .collect()
        };
        let (named, hidden) = (table(false), table(true));
        let column = |rows: &[Vec<String>], c: usize| -> Vec<String> {
            rows.iter().skip(1).map(|row| row[c].clone()).collect()
        };
        for (letter, &o) in view.alias_order.iter().enumerate() {
            assert_eq!(hidden[0][2 + letter], view.organisations[o].alias);
            assert_eq!(column(&hidden, 2 + letter), column(&named, 2 + o));
        }
    }

    #[test]
    fn a_record_naming_no_organisation_or_repeating_one_is_refused() {
        let instrument = crate::builtin("nhs-impact").unwrap();
        let north = agreed_record(&instrument, "North Trust", &[("purpose-created", 3)]);
        let mut unnamed = north.clone();
        unnamed.organisation = String::new();
        unnamed.title = "Copy of the agreed board view".into();
        let mut renamed = north.clone();
        renamed.organisation = "Northern Trust".into();
        let mut again = agreed_record(&instrument, " north trust ", &[("purpose-created", 4)]);
        again.agreed = None;
        let error =
            system_view(&instrument, &[north.clone(), unnamed, renamed, again]).unwrap_err();
        let paths: Vec<&str> = error.problems().iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            ["[1].organisation", "[2].answers", "[3].organisation"]
        );
    }

    #[test]
    fn a_record_not_marked_as_agreed_is_flagged_in_the_view_and_the_csv() {
        let instrument = crate::builtin("nhs-impact").unwrap();
        let agreed = agreed_record(&instrument, "North Trust", &[("purpose-created", 3)]);
        let mut one_person = agreed_record(&instrument, "South Trust", &[("purpose-created", 2)]);
        one_person.agreed = None;
        let view = system_view(&instrument, &[agreed, one_person]).unwrap();
        assert_eq!(
            view.organisations[0].agreed.as_ref().map(|a| a.raters),
            Some(5)
        );
        assert_eq!(view.organisations[1].agreed, None);
        let csv = system_csv(&instrument, &view, false);
        assert_eq!(
            csv.lines().nth(1),
            Some("(record),Agreed from how many people's ratings,5,Not marked as agreed,,,,")
        );
    }

    #[test]
    fn organisations_are_alphabetical_ignoring_case() {
        let names = ["b trust", "A Trust", "c trust", "a trust"].map(str::to_owned);
        assert_eq!(alphabetical(&names), [1, 3, 0, 2]);
    }
}
