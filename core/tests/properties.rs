//! Property tests of the scoring rules, over generated instruments and responses.

use maturity_core::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

fn text() -> impl Strategy<Value = String> {
    // Printable text including quotes, commas, newlines and non-ASCII, never blank.
    "[a-zA-Z0-9 ,\"'=+@\\-\n\u{e9}\u{1F600}]{0,30}".prop_map(|s| format!("T{s}"))
}

prop_compose! {
    fn instrument()(
        values in proptest::collection::btree_set(0u8..=100, 2..=10),
        shape in proptest::collection::vec((1u32..=1000, proptest::collection::vec((1u32..=1000, any::<bool>()), 1..5)), 1..5),
        rollups in (0..3usize, 0..3usize),
        specials in (any::<bool>(), any::<bool>()),
        title in text(),
    ) -> Instrument {
        let rollup = |n| [Rollup::Mean, Rollup::Median, Rollup::Minimum][n];
        let levels: Vec<Level> = values.iter().enumerate()
            .map(|(i, &value)| Level { value, label: format!("Level {i}"), description: format!("Described {i}") })
            .collect();
        let n_levels = levels.len();
        let components = shape.iter().enumerate().map(|(ci, (weight, items))| Component {
            id: format!("c{ci}"),
            title: format!("{title} {ci}"),
            description: String::new(),
            guidance: String::new(),
            weight: *weight,
            items: items.iter().enumerate().map(|(ii, (w, own))| Item {
                id: format!("c{ci}-i{ii}"),
                title: format!("Item {ci}.{ii}"),
                prompt: "Where are we?".into(),
                levels: if *own { (0..n_levels).map(|l| format!("Item {ci}.{ii} at {l}")).collect() } else { Vec::new() },
                move_up: if *own { (1..n_levels).map(|l| format!("Item {ci}.{ii} up to {l}")).collect() } else { Vec::new() },
                guidance: String::new(),
                evidence: Vec::new(),
                weight: *w,
            }).collect(),
        }).collect();
        Instrument {
            format_version: 1,
            id: "generated".into(),
            version: "1".into(),
            title,
            description: String::new(),
            source: String::new(),
            scale: Scale {
                levels,
                not_applicable: specials.0.then(|| SpecialAnswer { label: "N/A".into() }),
                dont_know: specials.1.then(|| SpecialAnswer { label: "Don't know".into() }),
            },
            scoring: Scoring { component: rollup(rollups.0), overall: rollup(rollups.1), bands: Vec::new() },
            components,
        }
    }
}

/// An instrument with a response to it: each item unanswered, a level, or a special answer.
fn instrument_and_responses(
    count: std::ops::Range<usize>,
) -> impl Strategy<Value = (Instrument, Vec<Response>)> {
    instrument()
        .prop_flat_map(move |instrument| {
            let items = instrument.item_count();
            let choices = instrument.scale.levels.len() + 3;
            let one = proptest::collection::vec((0..choices, text()), items);
            (
                Just(instrument),
                proptest::collection::vec(one, count.clone()),
            )
        })
        .prop_map(|(instrument, picks)| {
            let responses = picks
                .iter()
                .map(|picks| {
                    let mut response = Response::new(&instrument);
                    for ((_, item), (choice, notes)) in instrument.items().zip(picks) {
                        let levels = &instrument.scale.levels;
                        let mut answer = Answer {
                            notes: notes.clone(),
                            ..Answer::default()
                        };
                        match *choice {
                            c if c < levels.len() => answer.level = Some(levels[c].value),
                            c if c == levels.len() && instrument.scale.not_applicable.is_some() => {
                                answer.special = Some(Special::NotApplicable)
                            }
                            c if c == levels.len() + 1 && instrument.scale.dont_know.is_some() => {
                                answer.special = Some(Special::DontKnow)
                            }
                            _ => {}
                        }
                        response.answers.insert(item.id.clone(), answer);
                    }
                    response
                })
                .collect();
            (instrument, responses)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_instruments_round_trip_and_agree_with_serde((instrument, _) in instrument_and_responses(0..1)) {
        let json = instrument.to_json();
        let parsed = Instrument::from_json(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&parsed, &instrument);
        // The derived Deserialize (from which the JSON Schema is generated) reads the same thing.
        let derived: Instrument = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(derived, instrument);
    }

    #[test]
    fn responses_round_trip((instrument, responses) in instrument_and_responses(1..2)) {
        let response = &responses[0];
        let parsed = Response::from_json_for(&response.to_json(), &instrument).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&parsed, response);
    }

    #[test]
    fn scores_stay_within_the_scale((instrument, responses) in instrument_and_responses(1..2)) {
        let lowest = Score::from_level(i64::from(instrument.scale.levels[0].value));
        let highest = Score::from_level(i64::from(instrument.scale.levels.last().unwrap().value));
        let report = score(&instrument, &responses[0]);
        for s in report.components.iter().filter_map(|c| c.score).chain(report.overall) {
            prop_assert!(lowest <= s && s <= highest, "{s} outside {lowest}..{highest}");
        }
        prop_assert_eq!(report.counts.total as usize, instrument.item_count());
        prop_assert_eq!(report.counts.rated + report.counts.not_applicable + report.counts.dont_know + report.counts.unanswered, report.counts.total);
    }

    #[test]
    fn a_special_answer_changes_no_other_item((instrument, responses) in instrument_and_responses(1..2), pick in any::<prop::sample::Index>()) {
        prop_assume!(instrument.scale.not_applicable.is_some());
        let before = score(&instrument, &responses[0]);
        let ids: Vec<String> = instrument.items().map(|(_, i)| i.id.clone()).collect();
        let chosen = pick.get(&ids);
        let mut changed = responses[0].clone();
        let answer = changed.answers.entry(chosen.clone()).or_default();
        answer.level = None;
        answer.special = Some(Special::NotApplicable);
        let after = score(&instrument, &changed);
        for (b, a) in before.components.iter().flat_map(|c| &c.items).zip(after.components.iter().flat_map(|c| &c.items)) {
            if &b.id != chosen {
                prop_assert_eq!(b, a);
            }
        }
    }

    #[test]
    fn aggregating_one_response_gives_its_scores((instrument, responses) in instrument_and_responses(1..2)) {
        let report = score(&instrument, &responses[0]);
        let aggregate = aggregate(&instrument, &responses, 2).unwrap();
        for (c, s) in aggregate.components.iter().zip(&report.components) {
            prop_assert_eq!(c.scores.median, s.score);
            prop_assert_eq!(c.scores.spread, s.score.map(|_| Score(0)));
        }
        for (item, scored) in aggregate.items.iter().zip(report.components.iter().flat_map(|c| &c.items)) {
            prop_assert_eq!(item.median, scored.level.map(|v| Score::from_level(i64::from(v))));
            prop_assert!(!item.disagreement);
        }
    }

    #[test]
    fn respondent_order_changes_no_aggregate((instrument, mut responses) in instrument_and_responses(2..7), seed in any::<u64>()) {
        let forward = aggregate(&instrument, &responses, 2).unwrap();
        // A deterministic shuffle driven by the seed.
        let n = responses.len();
        for i in (1..n).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
            responses.swap(i, j);
        }
        responses.reverse();
        prop_assert_eq!(aggregate(&instrument, &responses, 2).unwrap(), forward);
    }

    #[test]
    fn comparing_a_response_with_itself_is_all_unchanged((instrument, responses) in instrument_and_responses(1..2)) {
        let comparison = compare(&instrument, &responses[0], &responses[0]).unwrap();
        prop_assert!(comparison.improved.is_empty() && comparison.declined.is_empty());
        let rated = responses[0].answers.values().filter(|a| a.level.is_some()).count();
        prop_assert_eq!(comparison.unchanged.len(), rated);
        prop_assert!(comparison.components.iter().all(|c| matches!(c.change, Change::Unchanged | Change::NotComparable)));
    }

    #[test]
    fn csv_cells_read_back_as_written_and_never_start_a_formula(cells in proptest::collection::vec("[ -~\t\r\n]{0,20}", 1..6)) {
        // A leading fixed cell keeps a row of one empty cell from reading as a blank line.
        let line: Vec<String> = std::iter::once("row".to_owned()).chain(cells.iter().map(|c| csv_cell(c))).collect();
        let text = line.join(",") + "\r\n";
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        prop_assert_eq!(record.len(), cells.len() + 1);
        for (read, original) in record.iter().skip(1).zip(&cells) {
            let dangerous = original.starts_with(['=', '+', '-', '@', '\t', '\r']);
            prop_assert!(!read.starts_with(['=', '+', '-', '@', '\t', '\r']));
            let expected = if dangerous { format!("'{original}") } else { original.clone() };
            prop_assert_eq!(read, expected);
        }
    }
}

#[test]
fn response_json_keeps_every_field() {
    let instrument = builtin("nhs-impact").unwrap();
    let mut response = Response::new(&instrument);
    response.title = "Board, November 2026".into();
    response.organisation = "Northfield".into();
    response.respondent = Respondent {
        name: "A. Chair".into(),
        role: "Chair".into(),
    };
    response.created = "2026-11-28T09:00:00Z".into();
    response.updated = "2026-11-28T10:00:00.123+00:00".into();
    let mut answers = BTreeMap::new();
    answers.insert(
        "purpose-created".to_owned(),
        Answer {
            level: Some(2),
            target: Some(4),
            notes: "Survey".into(),
            action: "Co-design".into(),
            owner: "CEO".into(),
            due: "2027-01-31".into(),
            special: None,
            prioritised: true,
            status: Some(maturity_core::Status::InProgress),
            progress: vec![maturity_core::ProgressLine {
                date: "2026-12-01".into(),
                text: "Started".into(),
                status: None,
            }],
        },
    );
    answers.insert(
        "purpose-lived".to_owned(),
        Answer {
            special: Some(Special::DontKnow),
            ..Answer::default()
        },
    );
    response.answers = answers;
    assert_eq!(
        Response::from_json_for(&response.to_json(), &instrument).unwrap(),
        response
    );
}
