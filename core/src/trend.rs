//! Trends across three or more assessments of one instrument: each component's score and the
//! overall indicative figure over time, and the items that moved most.
//!
//! An item an assessment did not rate (it was added to the matrix later, or left unanswered)
//! is a gap in its series, never a zero; items that cannot be compared across every
//! assessment are listed so a summary can say so.

use crate::instrument::Instrument;
use crate::report::score;
use crate::response::Response;
use crate::score::Score;
use crate::summary::date_in_words;
use serde::Serialize;

/// One assessment's place in the series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TrendPoint {
    /// The assessment's name, or "Assessment N" in date order.
    pub label: String,
    /// The day it was made (`YYYY-MM-DD`, [`Response::assessed_on`]), or empty.
    pub date: String,
}

/// One component's score in each assessment, in date order (`null` where nothing was rated).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ComponentTrend {
    /// The component's id.
    pub id: String,
    /// The component's title.
    pub title: String,
    /// A score per assessment.
    pub scores: Vec<Option<Score>>,
}

/// An item whose level changed between the first and the last assessment that rated it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ItemMove {
    /// The item's id.
    pub item_id: String,
    /// The item's title.
    pub item_title: String,
    /// The level's label where it started.
    pub from: String,
    /// The level's label where it ended.
    pub to: String,
    /// Levels moved: up positive, down negative.
    pub change: i32,
}

/// The series for a set of assessments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Trends {
    /// The assessments, oldest first.
    pub points: Vec<TrendPoint>,
    /// The overall indicative figure of each.
    pub overall: Vec<Option<Score>>,
    /// Each component's scores.
    pub components: Vec<ComponentTrend>,
    /// Items that moved, most first (at most five).
    pub movers: Vec<ItemMove>,
    /// Titles (or ids, for items no longer in the matrix) of items not rated in every
    /// assessment, so not comparable across all of them.
    pub not_compared: Vec<String>,
    /// The trends in words ([`trend_words`]).
    pub summary: String,
}

/// The trends of `responses` (any order; they are put in date order, oldest first).
pub fn trends(instrument: &Instrument, responses: &[Response]) -> Trends {
    let ordered = crate::order::by_rank(responses.iter().collect(), |r: &&Response| {
        crate::progress::day_number(day(r))
    });
    let reports: Vec<_> = ordered.iter().map(|r| score(instrument, r)).collect();
    let points = ordered
        .iter()
        .enumerate()
        .map(|(n, r)| TrendPoint {
            label: if r.title.is_empty() {
                format!("Assessment {}", n + 1)
            } else {
                r.title.clone()
            },
            date: day(r).to_owned(),
        })
        .collect();
    let components = instrument
        .components
        .iter()
        .enumerate()
        .map(|(c, component)| ComponentTrend {
            id: component.id.clone(),
            title: component.title.clone(),
            scores: reports
                .iter()
                .map(|report| report.components[c].score)
                .collect(),
        })
        .collect();
    let mut movers = Vec::new();
    let mut not_compared = Vec::new();
    for (_, item) in instrument.items() {
        let levels: Vec<Option<usize>> = ordered
            .iter()
            .map(|r| {
                r.answers
                    .get(&item.id)
                    .and_then(|a| a.level)
                    .and_then(|v| instrument.level_index(v))
            })
            .collect();
        if levels.iter().any(Option::is_none) && levels.iter().any(Option::is_some) {
            not_compared.push(item.title.clone());
        }
        let rated: Vec<usize> = levels.iter().flatten().copied().collect();
        if let (Some(&first), Some(&last)) = (rated.first(), rated.last()) {
            let change = i32::try_from(last).unwrap_or(0) - i32::try_from(first).unwrap_or(0);
            if rated.len() > 1 && change != 0 {
                let label = |index: usize| instrument.scale.levels[index].label.clone();
                movers.push(ItemMove {
                    item_id: item.id.clone(),
                    item_title: item.title.clone(),
                    from: label(first),
                    to: label(last),
                    change,
                });
            }
        }
    }
    // Answers for items the matrix no longer has cannot be compared either.
    let gone: std::collections::BTreeSet<&String> = ordered
        .iter()
        .flat_map(|r| r.answers.keys())
        .filter(|id| instrument.item(id).is_none())
        .collect();
    not_compared.extend(gone.into_iter().cloned());
    let mut movers = crate::order::by_rank(movers, |m: &ItemMove| {
        crate::order::descending(u64::from(m.change.unsigned_abs()))
    });
    movers.truncate(5);
    let mut trends = Trends {
        points,
        overall: reports.iter().map(|r| r.overall).collect(),
        components,
        movers,
        not_compared,
        summary: String::new(),
    };
    trends.summary = trend_words(&trends);
    trends
}

/// An assessment is placed by the day it was made, never by its last edit: progress notes
/// recorded months later must not move it along the axis.
fn day(response: &Response) -> &str {
    response.assessed_on()
}

/// The trends in words, for the chart's description and the board paper.
pub fn trend_words(trends: &Trends) -> String {
    let (Some(first), Some(last)) = (trends.points.first(), trends.points.last()) else {
        return "No assessments chosen.".to_owned();
    };
    let shown = |s: &Option<Score>| s.map_or_else(|| "not scored".to_owned(), |s| s.to_string());
    let mut words =
        format!(
        "Across {} assessments, from {} to {}, the overall indicative figure went from {} to {}.",
        trends.points.len(),
        if first.date.is_empty() { first.label.clone() } else { date_in_words(&first.date) },
        if last.date.is_empty() { last.label.clone() } else { date_in_words(&last.date) },
        shown(trends.overall.first().unwrap_or(&None)),
        shown(trends.overall.last().unwrap_or(&None)),
    );
    if !trends.movers.is_empty() {
        let moved: Vec<String> = trends
            .movers
            .iter()
            .map(|m| {
                let way = if m.change > 0 { "up" } else { "down" };
                let n = m.change.unsigned_abs();
                format!(
                    "{} ({} to {}, {way} {n} level{})",
                    m.item_title,
                    m.from,
                    m.to,
                    if n == 1 { "" } else { "s" }
                )
            })
            .collect();
        words.push_str(&format!(" Moved most: {}.", moved.join("; ")));
    }
    if !trends.not_compared.is_empty() {
        words.push_str(&format!(
            " Not rated in every assessment, so not compared across all: {}.",
            trends.not_compared.join("; ")
        ));
    }
    words
}
