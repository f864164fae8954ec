//! What every view's text must be, whatever the answers say: rendered at all, escaped, free of
//! names that are meant to be hidden, and never splitting a figure from its unit.

use super::markup::{bare_ampersands, runs, text, values, within};
use super::seeded_system::SeededSystem;
use super::{agreed_board, case, year, Scene, LATEST};
use crate::state::View;
use crate::views::board::BoardDiscussion;
use maturity_core::{organisation_name, score, system_view, Response};
use std::rc::Rc;
use yew::prelude::*;

/// Every view of the assessment in `slot`, rendered in `scene`.
fn every_view(scene: &Scene, slot: u32) -> Vec<(View, String)> {
    View::ALL
        .into_iter()
        .map(|view| (view, scene.view(slot, view)))
        .collect()
}

#[test]
fn every_view_renders_natively() {
    let year_case = case("board-year");
    let board_case = case("board-five-respondents");
    let scenes = [
        (year(&year_case), LATEST),
        (agreed_board(&board_case, &board_case.responses), 1),
    ];
    // The class on the root of each view's own content, under the session's heading.
    let root = |view: View| match view {
        View::Start => "mm-start",
        View::Assess => "mm-layout",
        View::Results => "mm-results-view",
        View::Plan => "mm-plan",
        View::Progress => "mm-tracking",
        View::Paper => "mm-paper-view",
        View::Board => "mm-board",
        View::Facilitate => "mm-facilitate",
        View::System => "mm-system",
    };
    for (scene, slot) in &scenes {
        for (view, html) in every_view(scene, *slot) {
            assert_eq!(values(&html, "data-view")[0], view.name());
            assert!(text(&html).contains(view.heading()), "{}", view.name());
            assert!(
                html.contains(&format!("class=\"{}\"", root(view))),
                "{}",
                view.name()
            );
        }
    }
    let facilitating = scenes[1].0.view(1, View::Facilitate);
    assert!(
        facilitating.contains("data-item=\""),
        "the room is on an item"
    );
}

/// Text that is markup, and an ampersand, wherever a person can type.
const HOSTILE: &str = "<script>alert(1)</script> Q&A \"quoted\" & <b>bold</b>";

/// `response` with `HOSTILE` in everything a person writes.
#[test]
fn the_start_says_where_the_matrixs_wording_comes_from_once() {
    let year_case = case("board-year");
    let scene = year(&year_case);
    let source = maturity_core::builtin("nhs-impact").unwrap().source;
    assert!(!source.is_empty());
    let start = text(&scene.view(LATEST, View::Start));
    assert!(start.contains("About this matrix"));
    assert_eq!(
        start.matches(source.as_str()).count(),
        1,
        "said once, under its heading"
    );
    // The other views keep it as small print.
    assert!(text(&scene.view(LATEST, View::Results)).contains(source.as_str()));
}

fn hostile(response: &Response) -> Response {
    let mut response = response.clone();
    response.title = HOSTILE.to_owned();
    response.organisation = HOSTILE.to_owned();
    response.respondent.name = HOSTILE.to_owned();
    response.paper.meeting = HOSTILE.to_owned();
    response.paper.purpose = HOSTILE.to_owned();
    for answer in response.answers.values_mut() {
        answer.notes = HOSTILE.to_owned();
        if !answer.action.is_empty() {
            answer.action = HOSTILE.to_owned();
            answer.owner = HOSTILE.to_owned();
        }
        for line in &mut answer.progress {
            line.text = HOSTILE.to_owned();
        }
    }
    response
}

/// Markup that shows `HOSTILE` as text, and nothing of it as markup.
fn assert_escaped(html: &str, what: &str) {
    assert!(
        !html.to_lowercase().contains("<script"),
        "{what}: a script element"
    );
    assert!(!html.contains("<b>bold"), "{what}: a bold element");
    assert_eq!(bare_ampersands(html), Vec::<&str>::new(), "{what}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Q&amp;A"),
        "{what}: the text is not shown escaped"
    );
}

#[test]
fn what_people_write_is_shown_as_text() {
    let year_case = case("board-year");
    let saved: Vec<Response> = year_case.responses.iter().map(hostile).collect();
    let scene = year(&year_case).saved(&saved);
    for view in [
        View::Start,
        View::Assess,
        View::Results,
        View::Plan,
        View::Progress,
        View::Paper,
    ] {
        assert_escaped(&scene.view(LATEST, view), view.name());
    }

    let board_case = case("board-five-respondents");
    let respondents: Vec<Response> = board_case.responses.iter().map(hostile).collect();
    let scene = agreed_board(&board_case, &respondents);
    for view in [View::Board, View::Facilitate] {
        assert_escaped(&scene.view(1, view), view.name());
    }
    let discussion = scene.render(html! {
        <BoardDiscussion respondents={Rc::new(respondents.clone())} agreed={None}
            on_back={Callback::noop()} on_agree={Callback::noop()} />
    });
    assert_escaped(&discussion, "the board's discussion");

    let system_case = case("system-four-organisations");
    let mut records = system_case.organisations.clone();
    records[0].organisation = HOSTILE.to_owned();
    let html = Scene::new(&system_case, "2026-12-01").render(html! {
        <SeededSystem records={Rc::new(records)} />
    });
    assert_escaped(&html, "the system view");
}

/// The system view of the four organisations, names shown or hidden.
fn system(anonymous: bool) -> String {
    let case = case("system-four-organisations");
    Scene::new(&case, "2026-12-01").render(html! {
        <SeededSystem records={Rc::new(case.organisations.clone())} {anonymous} />
    })
}

#[test]
fn hidden_names_are_nowhere_in_the_system_view() {
    let case = case("system-four-organisations");
    let figures = system_view(&case.instrument, &case.organisations).expect("side by side");
    // Each whole name, and its first word, which alone would give most of them away.
    let names: Vec<String> = case
        .organisations
        .iter()
        .map(organisation_name)
        .flat_map(|name| {
            let first = name.split(' ').next().unwrap_or_default().to_owned();
            [name.to_lowercase(), first.to_lowercase()]
        })
        .collect();
    // Shown, the names are there: the check below would see them.
    let named = system(false).to_lowercase();
    for name in &names {
        assert!(named.contains(name.as_str()), "{name}");
    }
    let hidden = system(true);
    let lowered = hidden.to_lowercase();
    for name in &names {
        assert!(!lowered.contains(name.as_str()), "{name} is in the markup");
    }
    // Listed by letter, in the core's order of the letters, which does not follow the names.
    let rows = text(within(&hidden, "<tbody>", "</tbody>"));
    let mut at = 0;
    for &index in &figures.alias_order {
        let alias = &figures.organisations[index].alias;
        let found = rows[at..]
            .find(alias.as_str())
            .unwrap_or_else(|| panic!("{alias} out of order"));
        at += found + alias.len();
    }
}

/// Words that follow a figure in the views' text.
const UNITS: [&str; 9] = [
    "%",
    "levels",
    "level",
    "items",
    "item",
    "of",
    "respondents",
    "people",
    "answered",
];

/// Each place where markup separates a figure from the unit after it (`<b>2</b> levels`): a
/// figure and its unit belong in one run of text, so no element boundary can put them apart.
fn split_figures(html: &str) -> Vec<String> {
    let runs: Vec<String> = runs(html)
        .into_iter()
        .filter(|run| !run.trim().is_empty())
        .collect();
    runs.windows(2)
        .filter(|pair| {
            let ends_in_figure = pair[0].trim_end().ends_with(|c: char| c.is_ascii_digit());
            let next = pair[1].trim_start();
            let word: String = next
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '%')
                .collect();
            ends_in_figure && UNITS.contains(&word.as_str())
        })
        .map(|pair| format!("{:?} | {:?}", pair[0], pair[1]))
        .collect()
}

#[test]
fn no_figure_is_parted_from_its_unit() {
    // The check finds a figure its unit follows only across an element boundary.
    assert_eq!(split_figures("<p><b>2</b> levels apart</p>").len(), 1);
    assert_eq!(split_figures("<p>2 levels apart</p>").len(), 0);

    let year_case = case("board-year");
    let board_case = case("board-five-respondents");
    let agreed = agreed_board(&board_case, &board_case.responses);
    let mut pages = every_view(&year(&year_case), LATEST);
    pages.extend(every_view(&agreed, 1));
    let mut split = Vec::new();
    for (view, html) in &pages {
        split.extend(
            split_figures(html)
                .into_iter()
                .map(|s| format!("{}: {s}", view.name())),
        );
    }
    let discussion = agreed.render(html! {
        <BoardDiscussion respondents={Rc::new(board_case.responses.clone())} agreed={None}
            on_back={Callback::noop()} on_agree={Callback::noop()} />
    });
    split.extend(split_figures(&discussion));
    split.extend(split_figures(&system(false)));
    assert_eq!(split, Vec::<String>::new());

    // And the figures with units the views write are whole in one run: the answered share
    // with its "%", from the core's counts.
    let (_, assess) = &pages[1];
    let counts = score(
        &year_case.instrument,
        &year_case.responses[LATEST as usize - 1],
    )
    .counts;
    let share = format!(
        "{} of {} items answered ({}%).",
        counts.total - counts.unanswered,
        counts.total,
        counts.completion_percent
    );
    assert!(runs(assess).contains(&share), "{share}");
}
