//! Board aggregation: several people's ratings of one instrument, side by side.
//!
//! Boards rate privately, then discuss the differences, then agree a profile. This module
//! gives the discussion its agenda: the distribution of ratings per item, and the items where
//! people disagree most, first.

use crate::error::{Error, Result};
use crate::instrument::{Instrument, Level};
use crate::rating::{Rating, Special};
use crate::report::{component_scores_of, Spread};
use crate::response::{Agreed, Answer, Response};
use crate::score::Score;
use serde::Serialize;

/// The spread, in levels, at which an item is flagged for discussion unless told otherwise.
pub const DEFAULT_DISAGREEMENT_THRESHOLD: u32 = 2;

/// Several responses to one instrument, summarised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Aggregate {
    /// How many responses were combined.
    pub respondents: u32,
    /// The organisation the responses name, when every one that names an organisation names
    /// the same one (ignoring case and surrounding spaces); empty otherwise.
    pub organisation: String,
    /// The spread (in levels) at which items were flagged.
    pub threshold: u32,
    /// Per component, in instrument order.
    pub components: Vec<ComponentAggregate>,
    /// Per item, in instrument order.
    pub items: Vec<ItemAggregate>,
    /// Item ids, most disagreement first: the order in which to discuss them.
    pub discussion_order: Vec<String>,
}

/// The spread of one item's ratings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ItemAggregate {
    /// The item's id.
    pub id: String,
    /// Its component's id.
    pub component_id: String,
    /// How many respondents chose a level.
    pub count: u32,
    /// How many chose "not applicable".
    pub not_applicable: u32,
    /// How many chose "don't know".
    pub dont_know: u32,
    /// How many gave no answer.
    pub unanswered: u32,
    /// The median level value of those who chose a level.
    pub median: Option<Score>,
    /// The lowest level value chosen.
    pub min: Option<u8>,
    /// The highest level value chosen.
    pub max: Option<u8>,
    /// How many levels apart the lowest and highest ratings are (0 when all agree).
    pub spread: u32,
    /// How many respondents chose each level, lowest level first.
    pub distribution: Vec<u32>,
    /// True when `spread` reaches the threshold.
    pub disagreement: bool,
}

/// The spread of one component's scores across respondents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ComponentAggregate {
    /// The component's id.
    pub id: String,
    /// How the respondents' scores for it spread (`count` is how many have one).
    #[serde(flatten)]
    pub scores: Spread,
    /// How many of its items are flagged for disagreement.
    pub disagreements: u32,
}

/// Combines `responses` to `instrument`. Every response must belong to the instrument and fit
/// it; otherwise the error names which one (`[2].answers.x.level`) and why. `threshold` is the
/// spread in levels that flags an item (at least 1).
pub fn aggregate(
    instrument: &Instrument,
    responses: &[Response],
    threshold: u32,
) -> Result<Aggregate> {
    let positions = instrument.item_positions();
    let mut problems = Vec::new();
    for (i, response) in responses.iter().enumerate() {
        if let Err(error) = response.check_with(instrument, &positions) {
            problems.extend(error.nested(&format!("[{i}]")).problems().iter().cloned());
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let threshold = threshold.max(1);
    let levels = instrument.scale.levels.len();
    let n_items = instrument.item_count();
    // One pass over each response's answers, counting into flat per-item tables: this is the
    // hot loop when a board imports hundreds of files.
    let mut distribution = vec![0u32; n_items * levels];
    let mut not_applicable = vec![0u32; n_items];
    let mut dont_know = vec![0u32; n_items];
    let mut component_scores: Vec<Vec<i64>> =
        vec![Vec::with_capacity(responses.len()); instrument.components.len()];
    let mut ratings = vec![Rating::Unanswered; n_items];
    for response in responses {
        ratings.fill(Rating::Unanswered);
        for (position, _, answer) in positions.sorted_lookup(response.answers.iter()) {
            let position = position.expect("checked above");
            let rating = answer.rating();
            ratings[position] = rating;
            match rating {
                Rating::Level(value) => {
                    let index = instrument.level_index(value).expect("checked above");
                    distribution[position * levels + index] += 1;
                }
                Rating::Special(Special::NotApplicable) => not_applicable[position] += 1,
                Rating::Special(Special::DontKnow) => dont_know[position] += 1,
                Rating::Unanswered => {}
            }
        }
        for (ci, score) in component_scores_of(instrument, &ratings)
            .into_iter()
            .enumerate()
        {
            if let Some(score) = score {
                component_scores[ci].push(score.hundredths());
            }
        }
    }
    let respondents = u32::try_from(responses.len()).unwrap_or(u32::MAX);
    let mut items = Vec::with_capacity(n_items);
    for (position, (component, item)) in instrument.items().enumerate() {
        let dist = distribution[position * levels..(position + 1) * levels].to_vec();
        let count: u32 = dist.iter().sum();
        let mut agg = ItemAggregate {
            id: item.id.clone(),
            component_id: component.id.clone(),
            count,
            not_applicable: not_applicable[position],
            dont_know: dont_know[position],
            unanswered: respondents - count - not_applicable[position] - dont_know[position],
            median: None,
            min: None,
            max: None,
            spread: 0,
            distribution: dist,
            disagreement: false,
        };
        let lowest = agg.distribution.iter().position(|&n| n > 0);
        let highest = agg.distribution.iter().rposition(|&n| n > 0);
        if let (Some(lo), Some(hi)) = (lowest, highest) {
            agg.min = Some(instrument.scale.levels[lo].value);
            agg.max = Some(instrument.scale.levels[hi].value);
            agg.spread = u32::try_from(hi - lo).expect("at most 10 levels");
            agg.median = Some(distribution_median(instrument, &agg.distribution));
            agg.disagreement = agg.spread >= threshold;
        }
        items.push(agg);
    }

    let components = instrument
        .components
        .iter()
        .zip(component_scores)
        .map(|(component, scores)| ComponentAggregate {
            id: component.id.clone(),
            scores: Spread::of(scores),
            disagreements: u32::try_from(
                items
                    .iter()
                    .filter(|i| i.component_id == component.id && i.disagreement)
                    .count(),
            )
            .unwrap_or(u32::MAX),
        })
        .collect();

    Ok(Aggregate {
        respondents,
        organisation: common_organisation(responses),
        threshold,
        discussion_order: discussion_order(&items),
        components,
        items,
    })
}

/// The level a median sits exactly on, if it sits on one.
pub fn median_level(instrument: &Instrument, median: Score) -> Option<&Level> {
    instrument
        .scale
        .levels
        .iter()
        .find(|l| Score::from_level(i64::from(l.value)) == median)
}

/// A median as a board reads it: "3.00 (Developing)" on a level, "2.50 (between Emerging and
/// Developing)" between two, "no median" when nobody chose a level.
pub fn median_words(instrument: &Instrument, median: Option<Score>) -> String {
    let Some(median) = median else {
        return "no median".to_owned();
    };
    if let Some(level) = median_level(instrument, median) {
        return format!("{median} ({})", level.label);
    }
    let levels = &instrument.scale.levels;
    let above = levels
        .iter()
        .position(|l| Score::from_level(i64::from(l.value)) > median);
    match above {
        Some(i) if i > 0 => format!(
            "{median} (between {} and {})",
            levels[i - 1].label,
            levels[i].label
        ),
        _ => median.to_string(),
    }
}

/// The organisation named by every response that names one, as the first of them writes it;
/// empty when none names one or two name different ones (the board then says which).
fn common_organisation(responses: &[Response]) -> String {
    let mut named = responses
        .iter()
        .map(|r| r.organisation.trim())
        .filter(|name| !name.is_empty());
    let Some(first) = named.next() else {
        return String::new();
    };
    if named.all(|name| name.eq_ignore_ascii_case(first)) {
        first.to_owned()
    } else {
        String::new()
    }
}

impl ItemAggregate {
    /// Each level of the scale, lowest first, with how many chose it.
    pub fn level_counts<'a>(
        &'a self,
        instrument: &'a Instrument,
    ) -> impl Iterator<Item = (&'a Level, u32)> {
        instrument
            .scale
            .levels
            .iter()
            .zip(self.distribution.iter().copied())
    }

    /// How many gave no level: not applicable, don't know, or no answer.
    pub fn without_level(&self) -> u32 {
        self.not_applicable + self.dont_know + self.unanswered
    }
}

impl Aggregate {
    /// The items a facilitated discussion steps through, by id: those flagged for disagreement,
    /// most disagreement first; every item in discussion order when `every_item` is asked for,
    /// or when nobody disagrees enough to flag one (a board still agrees every level).
    pub fn discussion_steps(&self, every_item: bool) -> impl Iterator<Item = &str> {
        let flagged = |id: &str| self.items.iter().any(|i| i.id == id && i.disagreement);
        let all = every_item || !self.discussion_order.iter().any(|id| flagged(id));
        self.discussion_order
            .iter()
            .map(String::as_str)
            .filter(move |id| all || flagged(id))
    }
}

/// The median from a distribution over levels, without sorting every rating.
fn distribution_median(instrument: &Instrument, distribution: &[u32]) -> Score {
    let n: u32 = distribution.iter().sum();
    let value_at = |rank: u32| {
        let mut seen = 0;
        for (index, &count) in distribution.iter().enumerate() {
            seen += count;
            if seen > rank {
                return i64::from(instrument.scale.levels[index].value) * 100;
            }
        }
        unreachable!("rank is below the total")
    };
    if n % 2 == 1 {
        Score(value_at(n / 2))
    } else {
        Score::from_ratio(value_at(n / 2 - 1) + value_at(n / 2), 200)
    }
}

/// Items most worth discussing first: flagged ones, then by spread, then by how far the
/// ratings sit from their median on average (in level steps), then in instrument order.
fn discussion_order(items: &[ItemAggregate]) -> Vec<String> {
    let ranks = items.iter().map(|item| {
        // Sum of |rank - median rank| over ratings, doubled to stay whole.
        let ranks: Vec<u64> = item
            .distribution
            .iter()
            .enumerate()
            .flat_map(|(r, &n)| std::iter::repeat_n(r as u64, n as usize))
            .collect();
        let deviation = if ranks.is_empty() {
            0
        } else {
            let m2 = ranks[(ranks.len() - 1) / 2] + ranks[ranks.len() / 2];
            ranks.iter().map(|r| (2 * r).abs_diff(m2)).sum::<u64>() * 1_000 / ranks.len() as u64
        };
        // One rank, lowest first: flagged items, then wider spread, then larger deviation.
        // Each field has its own bits (spread is under 10 levels, deviation under 20,000).
        let unflagged = u64::from(!item.disagreement) << 48;
        let narrower = (0xFFFF - u64::from(item.spread).min(0xFFFF)) << 32;
        let closer = 0xFFFF_FFFF - deviation.min(0xFFFF_FFFF);
        unflagged | narrower | closer
    });
    crate::order::ascending(ranks)
        .into_iter()
        .map(|position| items[position].id.clone())
        .collect()
}

/// A starting point for the board's agreed response: each item whose median is a level at that
/// level, with special answers kept when nobody chose a level but someone said "not
/// applicable". An item whose median falls between two levels (2.50: half said Emerging, half
/// Developing) is left for the board to choose: rounding it either way would record a level
/// nobody agreed as if it were the board's. The board then sets each agreed level.
///
/// The draft says where it comes from: the organisation the raters named, and that it is an
/// agreed record of `aggregate.respondents` people's ratings, agreed on `today` (`YYYY-MM-DD`).
pub fn agreed_draft(instrument: &Instrument, aggregate: &Aggregate, today: &str) -> Response {
    let mut response = Response::new(instrument);
    response.organisation = aggregate.organisation.clone();
    // Nobody's ratings make no agreed record.
    response.agreed = (aggregate.respondents > 0).then(|| Agreed {
        raters: aggregate.respondents,
        on: today.to_owned(),
    });
    for item in &aggregate.items {
        let answer = if let Some(median) = item.median {
            let Some(level) = median_level(instrument, median) else {
                continue;
            };
            Answer {
                level: Some(level.value),
                ..Answer::default()
            }
        } else if item.not_applicable > 0 {
            Answer {
                special: Some(Special::NotApplicable),
                ..Answer::default()
            }
        } else {
            continue;
        };
        response.answers.insert(item.id.clone(), answer);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(instrument: &Instrument, organisation: &str) -> Response {
        let mut response = Response::new(instrument);
        response.organisation = organisation.to_owned();
        response
    }

    #[test]
    fn the_draft_names_the_organisation_its_raters_named_and_how_many_they_were() {
        let instrument = crate::builtin("nhs-impact").unwrap();
        let raters = [
            named(&instrument, "North Trust"),
            named(&instrument, " north trust"),
            named(&instrument, ""),
        ];
        let board = aggregate(&instrument, &raters, DEFAULT_DISAGREEMENT_THRESHOLD).unwrap();
        let draft = agreed_draft(&instrument, &board, "2026-12-03");
        assert_eq!(draft.organisation, "North Trust");
        assert_eq!(
            draft.agreed,
            Some(Agreed {
                raters: 3,
                on: "2026-12-03".into()
            })
        );
        // Raters who name different organisations leave the board to say which.
        let mixed = [
            named(&instrument, "North Trust"),
            named(&instrument, "South Trust"),
        ];
        let board = aggregate(&instrument, &mixed, DEFAULT_DISAGREEMENT_THRESHOLD).unwrap();
        assert_eq!(agreed_draft(&instrument, &board, "").organisation, "");
    }

    #[test]
    fn the_discussion_steps_through_the_flagged_items_or_every_item() {
        let instrument = crate::builtin("nhs-impact").unwrap();
        let rated = |a: u8, b: u8| {
            let mut response = Response::new(&instrument);
            response
                .answers
                .entry("purpose-created".into())
                .or_default()
                .level = Some(a);
            response
                .answers
                .entry("purpose-lived".into())
                .or_default()
                .level = Some(b);
            response
        };
        let board = aggregate(&instrument, &[rated(1, 3), rated(4, 3)], 2).unwrap();
        let flagged: Vec<&str> = board.discussion_steps(false).collect();
        assert_eq!(flagged, ["purpose-created"]);
        let every: Vec<&str> = board.discussion_steps(true).collect();
        assert_eq!(every, board.discussion_order);
        // Nobody far enough apart: every item, so the board still agrees each level.
        let calm = aggregate(&instrument, &[rated(3, 3), rated(3, 4)], 2).unwrap();
        assert_eq!(
            calm.discussion_steps(false).count(),
            instrument.item_count()
        );
    }

    #[test]
    fn a_median_between_two_levels_is_left_for_the_board_and_said_so() {
        let instrument = crate::builtin("nhs-impact").unwrap();
        let rated = |level: u8| {
            let mut response = Response::new(&instrument);
            response
                .answers
                .entry("purpose-created".into())
                .or_default()
                .level = Some(level);
            response
                .answers
                .entry("purpose-lived".into())
                .or_default()
                .level = Some(3);
            response
        };
        let board = aggregate(&instrument, &[rated(2), rated(3)], 2).unwrap();
        let draft = agreed_draft(&instrument, &board, "2026-12-03");
        assert_eq!(draft.rating("purpose-created"), Rating::Unanswered);
        assert_eq!(draft.rating("purpose-lived"), Rating::Level(3));
        let median = |id: &str| board.items.iter().find(|i| i.id == id).unwrap().median;
        assert_eq!(
            median_words(&instrument, median("purpose-created")),
            "2.50 (between Emerging and Developing)"
        );
        assert_eq!(
            median_words(&instrument, median("purpose-lived")),
            "3.00 (Developing)"
        );
        assert_eq!(median_words(&instrument, None), "no median");
    }
}
