//! Trends across three or more saved assessments: a line chart of each component's score and
//! the overall figure, a table of the same figures, the items that moved most, and what could
//! not be compared.

use crate::charts::TrendChart;
use crate::state::context::{use_library, use_session, use_widget};
use crate::views::common::titled_section;
use maturity_core::{date_in_words, trends, Response};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`TrendPanel`].
#[derive(Properties, PartialEq)]
pub struct TrendPanelProps {
    /// The open assessment's slot: it is one of the choices.
    pub slot: u32,
}

/// Every saved assessment as a checkbox (all chosen to begin with); with three or more chosen,
/// the trends.
#[component]
pub fn TrendPanel(props: &TrendPanelProps) -> Html {
    let (widget, session, library) = (use_widget(), use_session(), use_library());
    let left_out = use_state(BTreeSet::<u32>::new);
    let mut all: Vec<(u32, Rc<Response>)> = vec![(props.slot, session.response.clone())];
    all.extend(
        library
            .library
            .others(props.slot)
            .map(|(slot, r)| (slot, r.clone())),
    );
    if all.len() < 3 {
        return Html::default();
    }
    let heading_id = widget.id("trends");
    let summary_id = widget.id("trends-summary");
    let boxes = all.iter().map(|(slot, response)| {
        let id = format!("{}-trend-{slot}", widget.uid);
        let slot = *slot;
        let onchange = {
            let left_out = left_out.clone();
            Callback::from(move |_: Event| {
                let mut next = (*left_out).clone();
                if !next.remove(&slot) {
                    next.insert(slot);
                }
                left_out.set(next);
            })
        };
        let when = date_in_words(response.assessed_on());
        html! {
            <div class="mm-checkbox" key={slot}>
                <input type="checkbox" id={id.clone()} checked={!left_out.contains(&slot)} {onchange} />
                <label for={id}>{ format!("{} ({when})", response.display_name(slot)) }</label>
            </div>
        }
    });
    let chosen: Vec<Response> = all
        .iter()
        .filter(|(slot, _)| !left_out.contains(slot))
        .map(|(_, r)| (**r).clone())
        .collect();
    let body = if chosen.len() < 3 {
        html! { <p>{ "Choose three or more assessments to see their trends." }</p> }
    } else {
        let found = Rc::new(trends(&widget.instrument, &chosen));
        let shown = |s: &Option<maturity_core::Score>| {
            s.map_or_else(|| "not scored".to_owned(), |s| s.to_string())
        };
        let head = found.points.iter().map(|p| html! { <th scope="col">{ format!("{} ({})", p.label, date_in_words(&p.date)) }</th> });
        let rows = found.components.iter().map(|c| html! {
            <tr key={c.id.clone()}><th scope="row">{ &c.title }</th>{ for c.scores.iter().map(|s| html! { <td class="mm-score">{ shown(s) }</td> }) }</tr>
        });
        let overall = found
            .overall
            .iter()
            .map(|s| html! { <td class="mm-score">{ shown(s) }</td> });
        html! {
            <>
                <p class="mm-summary" id={summary_id.clone()}>{ &found.summary }</p>
                <TrendChart trends={found.clone()} described_by={summary_id} />
                <div class="mm-scroll" tabindex="0" role="region" aria-label="Scores over time">
                    <table class="mm-table mm-trend-table">
                        <caption class="mm-visually-hidden">{ "Score by component in each assessment, oldest first" }</caption>
                        <thead><tr><th scope="col">{ "Component" }</th>{ for head }</tr></thead>
                        <tbody>{ for rows }</tbody>
                        <tfoot><tr><th scope="row">{ "Overall (indicative)" }</th>{ for overall }</tr></tfoot>
                    </table>
                </div>
            </>
        }
    };
    html! {
        { titled_section(&widget, 2, "mm-trends", &heading_id, "Trends across assessments", html! { <>
            <fieldset class="mm-details">
                <legend class="mm-field__label">{ "Assessments to include" }</legend>
                { for boxes }
            </fieldset>
            { body }
        </> }) }
    }
}
