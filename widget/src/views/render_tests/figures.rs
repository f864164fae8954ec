//! Every figure a view shows is the core's: each test computes the figures with the core's
//! functions from the same golden case and finds them, in the core's order, in the markup.

use super::markup::{inner, text, texts, values, within};
use super::seeded_system::SeededSystem;
use super::{agreed_board, case, year, Case, Scene, LATEST};
use crate::state::View;
use crate::views::board::BoardDiscussion;
use maturity_core::{
    action_plan, aggregate, compare, date_in_words, gap_words, median_words, previous_assessment,
    progress, score, system_view, trends, written_summary, Aggregate, Response, Score,
};
use std::rc::Rc;
use yew::prelude::*;

/// A figure as the views write one; where the core has none, each view says so in its own
/// words, given here.
fn shown(score: Option<Score>, none: &str) -> String {
    score.map_or_else(|| none.to_owned(), |s| s.to_string())
}

fn latest(case: &Case) -> &Response {
    &case.responses[LATEST as usize - 1]
}

#[test]
fn results_show_the_cores_scores() {
    let case = case("board-year");
    let scene = year(&case);
    let html = scene.view(LATEST, View::Results);
    let report = score(&case.instrument, latest(&case));
    assert!(
        report.components.iter().any(|c| c.score.is_some()),
        "the case scores something"
    );
    let answered = |counts: maturity_core::Counts| {
        format!("{} of {}", counts.total - counts.unanswered, counts.total)
    };
    for (component, scored) in case.instrument.components.iter().zip(&report.components) {
        let row = within(
            &html,
            &format!("data-component=\"{}\"", component.id),
            "</tr>",
        );
        let cells = texts(row, "td");
        assert_eq!(
            cells[0],
            shown(scored.score, "Not yet scored"),
            "{}",
            component.id
        );
        assert_eq!(
            cells[cells.len() - 1],
            answered(scored.counts),
            "{}",
            component.id
        );
    }
    let overall = texts(within(&html, "data-overall", "</tr>"), "td");
    assert_eq!(overall[0], shown(report.overall, "Not yet scored"));
    assert_eq!(overall[overall.len() - 1], answered(report.counts));
    let summary = within(&html, "id=\"mm-summary\"", "</p>");
    assert_eq!(text(summary), written_summary(&case.instrument, &report));
}

#[test]
fn results_show_the_cores_trends() {
    let case = case("board-year");
    let scene = year(&case);
    let html = scene.view(LATEST, View::Results);
    // Every saved assessment is chosen to begin with; the core puts them in date order.
    let found = trends(&case.instrument, &case.responses);
    let table = within(&html, "mm-trend-table", "</table>");
    let head = texts(within(table, "<thead>", "</thead>"), "th");
    assert_eq!(head.len(), found.points.len() + 1);
    for (th, point) in head[1..].iter().zip(&found.points) {
        assert!(th.contains(&point.label), "{th}");
        assert!(th.contains(&date_in_words(&point.date)), "{th}");
    }
    let rows = inner(within(table, "<tbody>", "</tbody>"), "tr");
    assert_eq!(rows.len(), found.components.len());
    for (row, component) in rows.iter().zip(&found.components) {
        assert_eq!(texts(row, "th"), [component.title.as_str()]);
        let expected: Vec<String> = component
            .scores
            .iter()
            .map(|s| shown(*s, "not scored"))
            .collect();
        assert_eq!(texts(row, "td"), expected, "{}", component.id);
    }
    let overall: Vec<String> = found
        .overall
        .iter()
        .map(|s| shown(*s, "not scored"))
        .collect();
    assert_eq!(texts(within(table, "<tfoot>", "</tfoot>"), "td"), overall);
    assert!(html.contains(&found.summary));
}

#[test]
fn the_plan_is_the_cores_in_its_order() {
    let case = case("board-year");
    let scene = year(&case);
    let html = scene.view(LATEST, View::Plan);
    let (chosen, others): (Vec<_>, Vec<_>) = action_plan(&case.instrument, latest(&case))
        .into_iter()
        .partition(|e| e.prioritised);
    assert!(
        !chosen.is_empty() && !others.is_empty(),
        "the case has both kinds"
    );
    let expected: Vec<&str> = chosen
        .iter()
        .chain(&others)
        .map(|e| e.item_id.as_str())
        .collect();
    assert_eq!(values(&html, "data-plan-item"), expected);
    for (number, entry) in chosen.iter().enumerate() {
        let item = within(
            &html,
            &format!("data-plan-item=\"{}\"", entry.item_id),
            "</li>",
        );
        assert!(
            text(item).contains(&format!("Priority {}: {}", number + 1, entry.item_title)),
            "{}",
            entry.item_id
        );
        assert!(
            text(item).contains(&gap_words(entry.gap)),
            "{}",
            entry.item_id
        );
    }
    for entry in &others {
        let item = text(within(
            &html,
            &format!("data-plan-item=\"{}\"", entry.item_id),
            "</li>",
        ));
        for part in [
            &entry.item_title,
            &entry.current.label,
            &entry.target.label,
            &gap_words(entry.gap),
        ] {
            assert!(item.contains(part.as_str()), "{item} lacks {part}");
        }
    }
    assert!(html.contains(&format!("Not prioritised now ({})", others.len())));
}

#[test]
fn progress_is_the_cores_for_the_widgets_day() {
    let case = case("board-year");
    let today = case.today.clone().expect("the year's case has a day");
    // A later day puts more actions overdue: the view must follow the day it is given.
    let later = "2027-12-31";
    let reports: Vec<_> = [today.as_str(), later]
        .map(|day| progress(&case.instrument, latest(&case), day))
        .into();
    assert_ne!(
        reports[0].overdue, reports[1].overdue,
        "the two days differ in what is overdue"
    );
    for report in reports {
        let html = Scene::new(&case, &report.today)
            .saved(&case.responses)
            .view(LATEST, View::Progress);
        let summary = within(&html, "<p class=\"mm-summary\"", "</p>");
        assert_eq!(text(summary), report.summary, "on {}", report.today);
        let expected: Vec<&str> = report.actions.iter().map(|a| a.item_id.as_str()).collect();
        assert_eq!(
            values(&html, "data-progress-item"),
            expected,
            "on {}",
            report.today
        );
        for action in &report.actions {
            let item = within(
                &html,
                &format!("data-progress-item=\"{}\"", action.item_id),
                "</li>",
            );
            assert_eq!(
                item.contains("mm-tag--overdue"),
                action.overdue,
                "{} on {}",
                action.item_id,
                report.today
            );
        }
    }
}

#[test]
fn the_paper_shows_the_cores_progress_summary_and_change() {
    let case = case("board-year");
    let scene = year(&case);
    let today = case.today.clone().expect("the year's case has a day");
    let html = scene.view(LATEST, View::Paper);
    let response = latest(&case);
    let report = progress(&case.instrument, response, &today);
    // The "as at" line follows the widget's day too.
    for day in [today.as_str(), "2027-12-31"] {
        let report = progress(&case.instrument, response, day);
        let paper = Scene::new(&case, day)
            .saved(&case.responses)
            .view(LATEST, View::Paper);
        assert!(text(&paper).contains(&format!(
            "{} As at {}.",
            report.summary,
            date_in_words(&report.today)
        )));
    }
    let table = within(&html, "mm-progress-table", "</table>");
    let rows = inner(within(table, "<tbody>", "</tbody>"), "tr");
    assert_eq!(rows.len(), report.actions.len());
    for (row, action) in rows.iter().zip(&report.actions) {
        assert!(
            text(row).starts_with(&action.item_title),
            "{}",
            action.item_id
        );
        assert_eq!(
            texts(row, "td")[0].ends_with(", overdue"),
            action.overdue,
            "{}",
            action.item_id
        );
    }
    let scored = score(&case.instrument, response);
    assert_eq!(
        text(within(&html, "id=\"mm-paper-summary\"", "</p>")),
        written_summary(&case.instrument, &scored)
    );
    // The change since the latest assessment saved before this one began.
    let previous =
        previous_assessment(response, case.responses[..2].iter()).expect("an earlier one");
    let change = compare(&case.instrument, previous, response).expect("comparable");
    let since = within(&html, "id=\"mm-paper-since\"", "</section>");
    assert!(text(since).contains(&format!(
        "{} items improved, {} declined and {} stayed the same.",
        change.improved.len(),
        change.declined.len(),
        change.unchanged.len()
    )));
    let rows = inner(within(since, "<tbody>", "</tbody>"), "tr");
    assert_eq!(rows.len(), change.components.len());
    for (row, c) in rows.iter().zip(&change.components) {
        let cells = texts(row, "td");
        assert_eq!(cells[0], shown(c.baseline, "not rated"), "{}", c.id);
        assert_eq!(cells[1], shown(c.current, "not rated"), "{}", c.id);
        if let (maturity_core::Change::NotComparable, _) | (_, None) = (c.change, c.delta) {
            assert_eq!(cells[2], "–", "{}", c.id);
        } else {
            assert_eq!(cells[2], c.delta.expect("a change").signed(), "{}", c.id);
        }
    }
}

/// The five respondents' case, collected by the board.
fn board() -> (Case, Aggregate) {
    let case = case("board-five-respondents");
    let board = aggregate(&case.instrument, &case.responses, case.threshold).expect("combined");
    (case, board)
}

#[test]
fn the_board_lists_everyone_while_collecting() {
    let (case, _) = board();
    let html = Scene::new(&case, "2026-12-01")
        .board(&case.responses, None)
        .view(1, View::Board);
    assert!(html.contains(&format!("Respondents ({})", case.responses.len())));
    let listed = inner(within(&html, "mm-library__list", "</ul>"), "li");
    assert_eq!(listed.len(), case.responses.len());
    for (index, (li, response)) in listed.iter().zip(&case.responses).enumerate() {
        let item = text(li);
        assert!(
            item.starts_with(&response.respondent_label(index)),
            "{item}"
        );
        assert!(
            item.contains(&format!(
                "{} of {} answered",
                response.answered_count(),
                case.instrument.item_count()
            )),
            "{item}"
        );
    }
}

#[test]
fn the_board_view_is_the_cores_aggregate() {
    let (case, board) = board();
    let html = Scene::new(&case, "2026-12-01")
        .board(&case.responses, None)
        .render(html! {
            <BoardDiscussion respondents={Rc::new(case.responses.clone())} agreed={None}
                on_back={Callback::noop()} on_agree={Callback::noop()} />
        });
    let flagged: Vec<&str> = board
        .discussion_order
        .iter()
        .filter(|id| board.items.iter().any(|i| &i.id == *id && i.disagreement))
        .map(String::as_str)
        .collect();
    assert!(!flagged.is_empty(), "the case has disagreements");
    assert!(html.contains(&format!("data-respondents=\"{}\"", board.respondents)));
    assert!(html.contains(&format!("data-flagged=\"{}\"", flagged.len())));
    assert_eq!(values(&html, "data-discuss"), flagged);
    for component in &board.components {
        let row = within(
            &html,
            &format!("data-board-component=\"{}\"", component.id),
            "</tr>",
        );
        let expected = [
            shown(component.scores.median, "–"),
            shown(component.scores.min, "–"),
            shown(component.scores.max, "–"),
            component.disagreements.to_string(),
        ];
        assert_eq!(texts(row, "td"), expected, "{}", component.id);
    }
    for item in &board.items {
        let row = within(&html, &format!("data-board-item=\"{}\"", item.id), "</tr>");
        let cells = texts(row, "td");
        assert_eq!(
            cells[1..],
            [shown(item.median, "–"), item.spread.to_string()],
            "{}",
            item.id
        );
    }
}

#[test]
fn the_room_sees_the_first_disagreement_with_the_cores_figures() {
    let (case, board) = board();
    let html = agreed_board(&case, &case.responses).view(1, View::Facilitate);
    let flagged: Vec<&maturity_core::ItemAggregate> = board
        .discussion_order
        .iter()
        .filter_map(|id| board.items.iter().find(|i| &i.id == id && i.disagreement))
        .collect();
    let first = flagged[0];
    assert!(html.contains(&format!("data-item=\"{}\"", first.id)));
    assert!(text(&html).contains(&format!("Item 1 of {}", flagged.len())));
    assert!(text(&html).contains(&format!(
        "How {} people rated it: median {}, {} levels apart",
        case.responses.len(),
        median_words(&case.instrument, first.median),
        first.spread
    )));
    let counts: Vec<String> = html
        .split("<span class=\"mm-room-dist__count\">")
        .skip(1)
        .map(|rest| rest[..rest.find('<').expect("a tag follows")].to_owned())
        .collect();
    let expected: Vec<String> = first.distribution.iter().map(u32::to_string).collect();
    assert_eq!(counts, expected);
}

#[test]
fn the_system_view_is_the_cores() {
    let case = case("system-four-organisations");
    let system = system_view(&case.instrument, &case.organisations).expect("side by side");
    let html = Scene::new(&case, "2026-12-01").render(html! {
        <SeededSystem records={Rc::new(case.organisations.clone())} />
    });
    let table = within(&html, "data-system-table", "</table>");
    let rows = inner(within(table, "<tbody>", "</tbody>"), "tr");
    assert_eq!(rows.len(), system.organisations.len());
    // Alphabetical, as the core orders them: never by any score.
    for (row, organisation) in rows.iter().zip(&system.organisations) {
        assert_eq!(texts(row, "th"), [organisation.name.as_str()]);
        let expected: Vec<String> = organisation
            .components
            .iter()
            .map(|s| shown(*s, "–"))
            .collect();
        assert_eq!(texts(row, "td"), expected, "{}", organisation.name);
    }
    let foot = inner(within(table, "<tfoot>", "</tfoot>"), "tr");
    let medians: Vec<String> = system
        .components
        .iter()
        .map(|c| shown(c.scores.median, "–"))
        .collect();
    assert_eq!(texts(foot[0], "td"), medians);
    let ranges: Vec<String> = system
        .components
        .iter()
        .map(|c| {
            format!(
                "{} to {}",
                shown(c.scores.min, "–"),
                shown(c.scores.max, "–")
            )
        })
        .collect();
    assert_eq!(texts(foot[1], "td"), ranges);
    let differing = values(&html, "data-difference");
    assert!(!differing.is_empty());
    assert_eq!(differing, system.differences[..differing.len()]);
    for id in differing {
        let spread = system
            .items
            .iter()
            .find(|i| i.id == id)
            .expect("an item")
            .spread;
        let item = text(within(&html, &format!("data-difference=\"{id}\""), "</li>"));
        assert!(item.ends_with(&format!("{spread} levels apart")), "{item}");
    }
}
