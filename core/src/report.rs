//! Scoring one response: the report of per-item, per-component and overall scores.

use crate::instrument::{Instrument, Rollup};
use crate::rating::{Rating, Special};
use crate::response::Response;
use crate::score::Score;
use serde::Serialize;

/// The scores of one response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ScoreReport {
    /// The overall score, or `None` when no component has a score. Indicative only.
    pub overall: Option<Score>,
    /// The band the overall score falls in, if the instrument defines bands.
    pub overall_band: Option<String>,
    /// Counts over the whole instrument.
    pub counts: Counts,
    /// Per component, in instrument order.
    pub components: Vec<ComponentScore>,
}

/// How many items are in each state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// Items rated with a level (these are scored).
    pub rated: u32,
    /// Items answered "not applicable".
    pub not_applicable: u32,
    /// Items answered "don't know".
    pub dont_know: u32,
    /// Items with no answer yet.
    pub unanswered: u32,
    /// All items.
    pub total: u32,
    /// Items with any answer (a level or a special answer) as a whole percentage of all
    /// items, rounded down so 100 means truly complete.
    pub completion_percent: u32,
}

impl Counts {
    fn of(ratings: &[Rating]) -> Counts {
        let mut counts = Counts::default();
        for rating in ratings {
            match rating {
                Rating::Level(_) => counts.rated += 1,
                Rating::Special(Special::NotApplicable) => counts.not_applicable += 1,
                Rating::Special(Special::DontKnow) => counts.dont_know += 1,
                Rating::Unanswered => counts.unanswered += 1,
            }
        }
        counts.total = u32::try_from(ratings.len()).unwrap_or(u32::MAX);
        if let Some(percent) = ((counts.total - counts.unanswered) * 100).checked_div(counts.total)
        {
            counts.completion_percent = percent;
        }
        counts
    }

    /// True when every item has an answer.
    pub fn is_complete(&self) -> bool {
        self.unanswered == 0
    }
}

/// One component's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ComponentScore {
    /// The component's id.
    pub id: String,
    /// The component's score, or `None` when none of its items is rated with a level.
    pub score: Option<Score>,
    /// The band the score falls in.
    pub band: Option<String>,
    /// Counts over this component's items.
    pub counts: Counts,
    /// Per item, in instrument order.
    pub items: Vec<ItemScore>,
}

/// One item's rating, resolved against the scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ItemScore {
    /// The item's id.
    pub id: String,
    /// The level value chosen, if a level was chosen.
    pub level: Option<u8>,
    /// The position of that level on the scale, 0 for the lowest.
    pub level_index: Option<usize>,
    /// The special answer, if one was chosen.
    pub special: Option<Special>,
}

/// Scores a response against an instrument.
///
/// Items answered "not applicable" or "don't know" and unanswered items are left out of every
/// denominator: they never count as zero. Answers for levels the scale lacks are ignored here;
/// [`Response::check`] reports them, and every entry point that reads a file runs it.
pub fn score(instrument: &Instrument, response: &Response) -> ScoreReport {
    // Ratings in instrument order; a level the scale lacks counts as unanswered.
    let ratings: Vec<Rating> = instrument
        .items()
        .map(|(_, item)| match response.rating(&item.id) {
            Rating::Level(v) if instrument.level(v).is_none() => Rating::Unanswered,
            other => other,
        })
        .collect();
    let component_scores = component_scores_of(instrument, &ratings);
    let mut start = 0;
    let components: Vec<ComponentScore> = instrument
        .components
        .iter()
        .zip(&component_scores)
        .map(|(component, &score)| {
            let own = &ratings[start..start + component.items.len()];
            start += component.items.len();
            let items = component
                .items
                .iter()
                .zip(own)
                .map(|(item, rating)| {
                    let (level, special) = match *rating {
                        Rating::Level(v) => (Some(v), None),
                        Rating::Special(s) => (None, Some(s)),
                        Rating::Unanswered => (None, None),
                    };
                    ItemScore {
                        id: item.id.clone(),
                        level,
                        level_index: level.and_then(|v| instrument.level_index(v)),
                        special,
                    }
                })
                .collect();
            ComponentScore {
                id: component.id.clone(),
                band: score.and_then(|s| instrument.band(s)).map(str::to_owned),
                score,
                counts: Counts::of(own),
                items,
            }
        })
        .collect();
    let scored: Vec<(i64, i64)> = instrument
        .components
        .iter()
        .zip(&component_scores)
        .filter_map(|(c, s)| Some((s.as_ref()?.hundredths(), i64::from(c.weight))))
        .collect();
    let overall = roll_up(instrument.scoring.overall, &scored);
    ScoreReport {
        overall_band: overall.and_then(|s| instrument.band(s)).map(str::to_owned),
        overall,
        counts: Counts::of(&ratings),
        components,
    }
}

/// Rolls `(value in hundredths, weight)` pairs up by `rule`; `None` for an empty set.
pub(crate) fn roll_up(rule: Rollup, values: &[(i64, i64)]) -> Option<Score> {
    if values.is_empty() {
        return None;
    }
    Some(match rule {
        Rollup::Mean => {
            let total: i64 = values.iter().map(|(v, w)| v * w).sum();
            let weight: i64 = values.iter().map(|(_, w)| w).sum();
            // Values are in hundredths: dividing by 100·weight yields level units to round.
            Score::from_ratio(total, weight * 100)
        }
        Rollup::Median => median(values.iter().map(|(v, _)| *v).collect()),
        Rollup::Minimum => Score(values.iter().map(|(v, _)| *v).min().expect("not empty")),
    })
}

/// How a set of scores spreads: how many, the median, the lowest, the highest and the distance
/// between them; the figures are `None` for an empty set. One component's scores across a
/// board's respondents, or across a system's organisations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Spread {
    /// How many have a score (respondents, or organisations).
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

impl Spread {
    pub(crate) fn of(scores: Vec<i64>) -> Spread {
        let min = scores.iter().min().copied().map(Score);
        let max = scores.iter().max().copied().map(Score);
        Spread {
            count: u32::try_from(scores.len()).unwrap_or(u32::MAX),
            spread: min.zip(max).map(|(lo, hi)| Score(hi.0 - lo.0)),
            median: (!scores.is_empty()).then(|| median(scores)),
            min,
            max,
        }
    }
}

/// The median of values in hundredths; for an even count, the mean of the two middle values.
pub(crate) fn median(values: Vec<i64>) -> Score {
    // Through the one shared sort (`order`): flipping the sign bit orders i64 as u64.
    let order = crate::order::ascending(values.iter().map(|&v| (v as u64) ^ (1 << 63)));
    let at = |k: usize| values[order[k]];
    let n = values.len();
    if n % 2 == 1 {
        Score(at(n / 2))
    } else {
        Score::from_ratio(at(n / 2 - 1) + at(n / 2), 200)
    }
}

/// Component scores from ratings given in [`Instrument::items`] order, without building a
/// full report: used when aggregating many responses.
pub(crate) fn component_scores_of(
    instrument: &Instrument,
    ratings: &[Rating],
) -> Vec<Option<Score>> {
    let mut position = 0;
    let mut rated: Vec<(i64, i64)> = Vec::new();
    instrument
        .components
        .iter()
        .map(|component| {
            rated.clear();
            for item in &component.items {
                if let Rating::Level(v) = ratings[position] {
                    if instrument.level(v).is_some() {
                        rated.push((i64::from(v) * 100, i64::from(item.weight)));
                    }
                }
                position += 1;
            }
            roll_up(instrument.scoring.component, &rated)
        })
        .collect()
}
