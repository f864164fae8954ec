//! What the views say about their own state, as markup: the menu of views, and the
//! facilitation's choice beside the level descriptions.

use super::markup::{inner, text, values, within};
use super::{agreed_board, case, year, LATEST};
use crate::state::View;

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
