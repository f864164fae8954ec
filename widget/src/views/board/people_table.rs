//! Everyone's rating and notes for one item of the board view.

use crate::hooks::use_disclosure;
use crate::state::context::use_widget;
use crate::views::common::scroll_region;
use maturity_core::Response;
use std::rc::Rc;
use yew::prelude::*;

/// Up to this many people, their ratings and notes are shown at once; a larger gathering (an
/// ICB's fifty boards) opens them on request, so the board view opens quickly.
const SHOWN_AT_ONCE: usize = 30;

/// Props for [`PeopleTable`].
#[derive(Properties, PartialEq)]
pub struct PeopleTableProps {
    /// The item's id.
    pub item_id: AttrValue,
    /// The item's title, for the table's caption.
    pub item_title: AttrValue,
    /// Everyone's responses.
    pub respondents: Rc<Vec<Response>>,
    /// Whether names are shown rather than "Respondent N".
    pub show_names: bool,
}

/// A table of who rated the item at which level, with their notes. For a large gathering it
/// sits in a closed disclosure and its rows are only built once it is opened.
#[component]
pub fn PeopleTable(props: &PeopleTableProps) -> Html {
    let widget = use_widget();
    let many = props.respondents.len() > SHOWN_AT_ONCE;
    let (open, ontoggle) = use_disclosure(!many);
    let table = || {
        let rows = props.respondents.iter().enumerate().map(|(index, response)| {
            let who = if props.show_names {
                response.respondent_label(index)
            } else {
                format!("Respondent {}", index + 1)
            };
            let notes = response.answers.get(props.item_id.as_str()).map(|a| a.notes.clone()).unwrap_or_default();
            html! {
                <tr>
                    <th scope="row">{ who }</th>
                    <td>{ widget.instrument.rating_label(response.rating(&props.item_id)).to_owned() }</td>
                    <td class="mm-prewrap">{ notes }</td>
                </tr>
            }
        });
        let name = format!("Everyone's rating and notes for {}", props.item_title);
        scroll_region(
            &name,
            html! {
                <table class="mm-table">
                    <caption class="mm-visually-hidden">{ name.clone() }</caption>
                    <thead><tr><th scope="col">{ "Who" }</th><th scope="col">{ "Rating" }</th><th scope="col">{ "Evidence and notes" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            },
        )
    };
    if !many {
        return table();
    }
    html! {
        <details class="mm-disclosure" {ontoggle}>
            <summary>{ format!("Everyone's rating and notes ({})", props.respondents.len()) }</summary>
            if open { { table() } }
        </details>
    }
}
