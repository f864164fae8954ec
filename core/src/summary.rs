//! The words around the figures: a summary a board member can read aloud, and the items that
//! stand out as strengths and gaps.

use crate::instrument::{Component, Instrument, Item, Level};
use crate::order::{by_rank, descending};
use crate::plan::ActionPlanEntry;
use crate::report::ScoreReport;
use crate::words::answered_words;

/// One paragraph: completion, the overall figure (said to be indicative) and the strongest and
/// weakest components.
pub fn written_summary(instrument: &Instrument, report: &ScoreReport) -> String {
    let counts = report.counts;
    let answered = counts.total - counts.unanswered;
    let mut text = format!("{}.", answered_words(answered, counts.total));
    let Some(overall) = report.overall else {
        text.push_str(" No item has been rated on the scale yet, so there is no profile to show.");
        return text;
    };
    let top = instrument.scale.levels[instrument.scale.levels.len() - 1].value;
    text.push_str(&format!(" Overall score {overall} out of {top}"));
    if let Some(band) = &report.overall_band {
        text.push_str(&format!(" ({band})"));
    }
    text.push_str(", an indicative figure for discussion rather than a grade.");
    let scored: Vec<_> = instrument
        .components
        .iter()
        .zip(&report.components)
        .filter_map(|(c, s)| Some((c.title.as_str(), s.score?)))
        .collect();
    let strongest = scored.iter().max_by_key(|(_, s)| *s);
    let weakest = scored.iter().rev().min_by_key(|(_, s)| *s);
    if let (Some(high), Some(low)) = (strongest, weakest) {
        if high.1 != low.1 {
            text.push_str(&format!(
                " Strongest: {} ({}). Weakest: {} ({}).",
                high.0, high.1, low.0, low.1
            ));
        } else if scored.len() > 1 {
            text.push_str(&format!(" Every scored component stands at {}.", high.1));
        }
    }
    if counts.unanswered > 0 {
        text.push_str(" Unanswered items are left out of the scores, not counted as zero.");
    }
    text
}

/// A date in words, as a board paper writes it: "29 November 2026", from `YYYY-MM-DD` or the
/// start of an RFC 3339 timestamp. Anything else is returned as it is.
pub fn date_in_words(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some(day) = date.get(..10).filter(|d| crate::dates::is_date(d)) else {
        return date.to_owned();
    };
    let number = |range: std::ops::Range<usize>| day[range].parse::<usize>().unwrap_or(0);
    format!(
        "{} {} {}",
        number(8..10),
        MONTHS[number(5..7) - 1],
        &day[..4]
    )
}

/// An item rated on the scale, with where it sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatedItem<'a> {
    /// Its component.
    pub component: &'a Component,
    /// The item.
    pub item: &'a Item,
    /// The level it was rated at.
    pub level: &'a Level,
    /// That level's position on the scale, 0 for the lowest.
    pub level_index: usize,
}

/// The highest-rated items, and the biggest gaps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Highlights<'a> {
    /// Up to three items rated highest, highest first (ties in instrument order); at most half
    /// the rated items.
    pub strengths: Vec<RatedItem<'a>>,
    /// Up to three entries of the action plan, in its order: the widest gaps to target, by the
    /// one definition of a gap the plan uses; none of them a strength.
    pub gaps: Vec<&'a ActionPlanEntry>,
}

/// The strengths and biggest gaps of a scored response, given its action plan.
pub fn highlights<'a>(
    instrument: &'a Instrument,
    report: &ScoreReport,
    plan: &'a [ActionPlanEntry],
) -> Highlights<'a> {
    let rated: Vec<RatedItem<'a>> = instrument
        .components
        .iter()
        .zip(&report.components)
        .flat_map(|(component, scored)| {
            component
                .items
                .iter()
                .zip(&scored.items)
                .filter_map(move |(item, s)| {
                    let level_index = s.level_index?;
                    Some(RatedItem {
                        component,
                        item,
                        level: &instrument.scale.levels[level_index],
                        level_index,
                    })
                })
        })
        .collect();
    // Ranking keeps instrument order among equal levels.
    let ranked = by_rank(rated, |r| descending(r.level_index as u64));
    let shown = (ranked.len() / 2).min(3);
    let strengths = ranked[..shown].to_vec();
    let gaps = plan
        .iter()
        .filter(|entry| !strengths.iter().any(|s| s.item.id == entry.item_id))
        .take(3)
        .collect();
    Highlights { strengths, gaps }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{builtin, score, Response};

    fn rated(levels: &[(&str, u8)]) -> (Instrument, Response) {
        let instrument = builtin("nhs-impact").unwrap();
        let mut response = Response::new(&instrument);
        for (id, level) in levels {
            response.answers.entry((*id).into()).or_default().level = Some(*level);
        }
        (instrument, response)
    }

    #[test]
    fn dates_read_as_words() {
        assert_eq!(date_in_words("2026-11-29"), "29 November 2026");
        assert_eq!(date_in_words("2027-03-05T09:30:00Z"), "5 March 2027");
        assert_eq!(date_in_words("soon"), "soon");
        assert_eq!(date_in_words(""), "");
    }

    #[test]
    fn summary_of_nothing_rated_says_there_is_no_profile() {
        let (instrument, response) = rated(&[]);
        let text = written_summary(&instrument, &score(&instrument, &response));
        assert_eq!(
            text,
            "0 of 20 items answered. No item has been rated on the scale yet, so there is no profile to show."
        );
    }

    #[test]
    fn summary_names_the_strongest_and_weakest_components() {
        let (instrument, response) = rated(&[
            ("purpose-created", 5),
            ("culture-codesign", 2),
            ("leaders-data", 3),
        ]);
        let text = written_summary(&instrument, &score(&instrument, &response));
        assert!(
            text.starts_with(
                "3 of 20 items answered. Overall score 3.33 out of 5 (Developing), an indicative figure"
            ),
            "{text}"
        );
        assert!(text.contains(" Strongest: Building a shared purpose and vision (5.00). Weakest: Investing in people and culture (2.00)."), "{text}");
        assert!(
            text.ends_with(" Unanswered items are left out of the scores, not counted as zero.")
        );
    }

    #[test]
    fn equal_components_are_said_to_stand_level() {
        let (instrument, response) = rated(&[("purpose-created", 3), ("culture-codesign", 3)]);
        let text = written_summary(&instrument, &score(&instrument, &response));
        assert!(
            text.contains(" Every scored component stands at 3.00."),
            "{text}"
        );
    }

    #[test]
    fn strengths_and_gaps_never_share_an_item() {
        let (instrument, response) = rated(&[
            ("purpose-created", 4),
            ("purpose-lived", 1),
            ("purpose-aligned", 5),
            ("culture-codesign", 4),
            ("leaders-data", 1),
        ]);
        let report = score(&instrument, &response);
        let plan = crate::action_plan(&instrument, &response);
        let found = highlights(&instrument, &report, &plan);
        let ids = |list: &[RatedItem<'_>]| {
            list.iter()
                .map(|r| r.item.id.clone())
                .collect::<Vec<String>>()
        };
        // Five rated: two strengths; ties keep instrument order.
        assert_eq!(
            ids(&found.strengths),
            ["purpose-aligned", "purpose-created"]
        );
        // The gaps are the plan's first entries: every gap is one level (no targets set), so
        // the lowest-rated come first, in instrument order; no strength among them.
        let gaps: Vec<&str> = found.gaps.iter().map(|g| g.item_id.as_str()).collect();
        assert_eq!(gaps, ["purpose-lived", "leaders-data", "culture-codesign"]);
        assert_eq!(found.gaps[0].gap, 1);
    }

    #[test]
    fn a_target_two_levels_up_is_the_biggest_gap() {
        let (instrument, mut response) = rated(&[
            ("purpose-created", 2),
            ("purpose-lived", 1),
            ("purpose-aligned", 5),
            ("culture-codesign", 4),
        ]);
        response.answers.get_mut("purpose-created").unwrap().target = Some(4);
        let plan = crate::action_plan(&instrument, &response);
        let found = highlights(&instrument, &score(&instrument, &response), &plan);
        assert_eq!(found.gaps[0].item_id, "purpose-created");
        assert_eq!(found.gaps[0].gap, 2);
    }
}
