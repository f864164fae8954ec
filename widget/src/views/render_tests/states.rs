//! What the views say about their own state, as markup: the menu of views, the target a
//! person chose, a date that is not real, the charts' text read apart, the heat map's shading,
//! and the facilitation's choice beside the level descriptions.

use super::markup::{inner, text, values, within};
use super::seeded_system::SeededSystem;
use super::{agreed_board, case, year, Scene, LATEST};
use crate::charts::{HeatMap, Profile, RadarChart};
use crate::state::View;
use crate::views::common::DateInput;
use maturity_core::{score, Answer, Response, Special};
use std::rc::Rc;
use yew::prelude::*;

/// The opening tag of each `<tag>` element of `fragment`, attributes and all.
fn tags<'a>(fragment: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    fragment
        .match_indices(&open)
        .map(|(at, _)| &fragment[at..at + fragment[at..].find('>').expect("a tag ends")])
        .collect()
}

#[test]
fn the_views_are_one_button_that_names_the_view_shown_and_opens_the_list() {
    let year_case = case("board-year");
    let html = year(&year_case).view(LATEST, View::Results);
    let nav = within(&html, "class=\"mm-nav ", "</nav>");
    let toggle = tags(nav, "button")[0];
    assert!(toggle.contains("class=\"mm-nav__toggle\""), "{toggle}");
    assert_eq!(values(toggle, "aria-expanded"), ["false"]);
    let list = values(toggle, "aria-controls")[0];
    assert_eq!(values(tags(nav, "ul")[0], "id"), [list]);
    assert_eq!(text(inner(nav, "button")[0]), "Views: Results");
    // Every view is in the list, the current one marked.
    let current: Vec<&str> = tags(nav, "button")
        .into_iter()
        .filter(|tag| tag.contains("aria-current=\"page\""))
        .collect();
    assert_eq!(current.len(), 1);
    assert_eq!(values(current[0], "data-view"), ["results"]);
}

#[test]
fn the_plan_shows_the_target_the_person_chose_not_the_level_it_comes_to() {
    let year_case = case("board-year");
    let plan = year(&year_case).view(LATEST, View::Plan);
    let chosen = |item: &str| {
        let entry = within(&plan, &format!("data-plan-item=\"{item}\""), "</li>");
        let select = within(entry, "-target\"", "</select>");
        let selected: Vec<String> = select
            .split("<option")
            .skip(1)
            .filter(|option| option[..option.find('>').unwrap()].contains(" selected"))
            .map(|option| text(&option[option.find('>').unwrap() + 1..]))
            .collect();
        selected
    };
    // No target chosen: "The next level up", though the plan aims for a level.
    let answers = &year_case.responses[LATEST as usize - 1].answers;
    assert_eq!(answers["purpose-lived"].target, None);
    assert_eq!(chosen("purpose-lived"), ["The next level up"]);
    // A level chosen: that level.
    assert_eq!(answers["leaders-data"].target, Some(3));
    assert_eq!(chosen("leaders-data"), ["Developing"]);
}

#[test]
fn a_date_that_is_not_real_is_an_error_in_words_and_in_the_boxes() {
    let year_case = case("board-year");
    let scene = year(&year_case);
    let date = |value: &'static str| {
        scene.render(html! {
            <DateInput id="due" legend="Due date" value={value} on_change={Callback::noop()} />
        })
    };
    let wrong = date("2027-02-31");
    assert!(
        wrong.contains("class=\"mm-date mm-date--error\""),
        "{wrong}"
    );
    assert_eq!(values(&wrong, "aria-invalid"), ["true", "true", "true"]);
    assert!(text(&wrong).contains(
        "Error: Due date must be a real date: check the day, month and year. Until it is, no date is saved."
    ));
    let right = date("2027-03-31");
    assert!(!right.contains("mm-date--error"));
    assert!(values(&right, "aria-invalid").is_empty());
}

/// Every text of the SVG in `html`, as the markup holds it.
fn chart_texts(html: &str) -> Vec<String> {
    inner(within(html, "class=\"mm-radar__svg\"", "</svg>"), "text")
        .into_iter()
        .map(text)
        .collect()
}

#[test]
fn the_charts_texts_read_apart_when_taken_out_of_the_page() {
    let year_case = case("board-year");
    let scene = year(&year_case);
    let components = year_case.instrument.components.len();
    // Two components unrated, side by side.
    let mut scores: Vec<_> = score(&year_case.instrument, &year_case.responses[2])
        .components
        .iter()
        .map(|c| c.score)
        .collect();
    scores[1] = None;
    scores[2] = None;
    let unrated = scores.iter().filter(|s| s.is_none()).count();
    let profiles = Rc::new(vec![Profile {
        label: "This assessment".into(),
        scores,
        ..Profile::default()
    }]);
    let html = scene.render(html! { <RadarChart {profiles} described_by="summary" /> });
    let texts = chart_texts(&html);
    // Each text ends a line of its own, so two "not rated" never run together, and a title
    // wrapped onto several lines reads as its words, spaced.
    assert!(texts.iter().all(|t| t.ends_with('\n')), "{texts:?}");
    assert_eq!(
        texts.iter().filter(|t| *t == "not rated\n").count(),
        unrated
    );
    for component in &year_case.instrument.components {
        assert!(
            texts.contains(&format!("{}\n", component.title)),
            "{} in {texts:?}",
            component.title
        );
    }
    // The numbers a phone shows in place of the titles, keyed below the chart.
    assert_eq!(
        html.matches("class=\"mm-radar__number\"").count(),
        components
    );
}

#[test]
fn the_system_views_small_charts_do_not_number_their_axes() {
    let case = case("system-four-organisations");
    let html = Scene::new(&case, "2026-12-01").render(html! {
        <SeededSystem records={Rc::new(case.organisations.clone())} />
    });
    assert_eq!(html.matches("<figure class=\"mm-radar\"").count(), 4);
    // Beside rings that are levels 1 to 5, numbered axes read as levels; they are named once,
    // in order, above the charts.
    assert!(!html.contains("mm-radar__number"));
    let key = within(&html, "mm-radar__legend--shown", "</ol>");
    let names: Vec<&str> = case
        .instrument
        .components
        .iter()
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(super::markup::texts(key, "li"), names);
}

#[test]
fn the_heat_map_shades_levels_only_and_one_item_is_shaded() {
    let year_case = case("board-year");
    let instrument = &year_case.instrument;
    let mut response = Response::new(instrument);
    let items: Vec<&str> = instrument.components[0]
        .items
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    let answer = |level: Option<u8>, special: Option<Special>| Answer {
        level,
        special,
        ..Answer::default()
    };
    response
        .answers
        .insert(items[0].into(), answer(Some(2), None));
    response
        .answers
        .insert(items[1].into(), answer(None, Some(Special::NotApplicable)));
    response
        .answers
        .insert(items[2].into(), answer(None, Some(Special::DontKnow)));
    let report = Rc::new(score(instrument, &response));
    let html = year(&year_case).render(html! { <HeatMap {report} /> });
    let row = inner(within(&html, "<tbody>", "</tbody>"), "tr")[0];
    let cells: Vec<(String, &str)> = inner(row, "td")
        .into_iter()
        .map(text)
        .zip(values(row, "class"))
        .collect();
    let levels = instrument.scale.levels.len();
    // One item of the component at "Emerging": shaded; the other levels: not.
    for (index, (count, class)) in cells[..levels].iter().enumerate() {
        if index == 1 {
            assert_eq!((count.as_str(), *class), ("1", "mm-heat mm-heat--1"));
        } else {
            assert_eq!((count.as_str(), *class), ("0", "mm-heat mm-heat--0"));
        }
    }
    // Not applicable, don't know and not answered are written, never shaded.
    let rest: Vec<(&str, &str)> = cells[levels..]
        .iter()
        .map(|(count, class)| (count.as_str(), *class))
        .collect();
    let unanswered = (items.len() - 3).to_string();
    assert_eq!(
        rest,
        [
            ("1", "mm-heat mm-heat--quiet"),
            ("1", "mm-heat mm-heat--quiet"),
            (unanswered.as_str(), "mm-heat mm-heat--quiet"),
        ]
    );
}

#[test]
fn the_room_chooses_from_the_levels_named_with_their_descriptions_listed_beside() {
    let board_case = case("board-five-respondents");
    let html = agreed_board(&board_case, &board_case.responses).view(1, View::Facilitate);
    let item_id = values(&html, "data-item")[0];
    let (_, item) = board_case
        .instrument
        .item(item_id)
        .expect("the room is on an item");
    let scale = &board_case.instrument.scale;
    // The choice: each level by its name alone.
    let choice = within(&html, "mm-options--compact", "</fieldset>");
    assert!(!choice.contains("mm-option__descriptor"));
    let named: Vec<String> = super::markup::texts(choice, "label");
    assert!(named
        .iter()
        .zip(&scale.levels)
        .all(|(label, level)| *label == level.label));
    // The descriptions, listed in the column the room weighs.
    let listed = within(&html, "mm-facilitate__levels", "</dl>");
    let descriptions: Vec<String> = super::markup::texts(listed, "dd");
    let expected: Vec<&str> = (0..scale.levels.len())
        .map(|index| item.descriptor(scale, index))
        .collect();
    assert_eq!(descriptions, expected);
}
