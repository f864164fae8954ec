//! The components × levels table: how many items sit at each level.

use crate::state::context::use_widget;
use maturity_core::{ScoreReport, Special};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`HeatMap`].
#[derive(Properties, PartialEq)]
pub struct HeatMapProps {
    /// The scores, with each item's level.
    pub report: Rc<ScoreReport>,
}

/// A data table whose cells are shaded by how many of the component's items sit at that level.
/// The number is always written in the cell, so the shading is never the only cue.
#[component]
pub fn HeatMap(props: &HeatMapProps) -> Html {
    let widget = use_widget();
    let instrument = &widget.instrument;
    let scale = &instrument.scale;
    let specials: Vec<(Special, &str)> = [
        (Special::NotApplicable, scale.not_applicable.as_ref()),
        (Special::DontKnow, scale.dont_know.as_ref()),
    ]
    .into_iter()
    .filter_map(|(special, answer)| Some((special, answer?.label.as_str())))
    .collect();
    let cell = |count: usize, total: usize| {
        // Four steps of shading, by share of the component's items; one item is the first
        // step, which the stylesheet keeps clearly visible.
        let step = if count == 0 {
            0
        } else {
            (count * 4).div_ceil(total.max(1)).min(4)
        };
        html! { <td class={format!("mm-heat mm-heat--{step}")}>{ count }</td> }
    };
    // Not applicable, don't know and no answer are not levels: written, never shaded.
    let quiet = |count: usize| html! { <td class="mm-heat mm-heat--quiet">{ count }</td> };
    let rows = instrument
        .components
        .iter()
        .zip(&props.report.components)
        .map(|(component, scored)| {
            let total = scored.items.len();
            let at_level = (0..scale.levels.len()).map(|index| {
                cell(
                    scored
                        .items
                        .iter()
                        .filter(|i| i.level_index == Some(index))
                        .count(),
                    total,
                )
            });
            let special_cells = specials.iter().map(|(special, _)| {
                quiet(
                    scored
                        .items
                        .iter()
                        .filter(|i| i.special == Some(*special))
                        .count(),
                )
            });
            let unanswered = scored
                .items
                .iter()
                .filter(|i| i.level.is_none() && i.special.is_none())
                .count();
            html! {
                <tr key={component.id.clone()}>
                    <th scope="row">{ &component.title }</th>
                    { for at_level }{ for special_cells }
                    { quiet(unanswered) }
                </tr>
            }
        });
    let heading_id = widget.id("heat");
    html! {
        <section class="mm-heat-map" aria-labelledby={heading_id.clone()}>
            <@{widget.h(2)} id={heading_id}>{ "Where the items sit" }</@>
            <div class="mm-scroll" tabindex="0" role="region" aria-label="Items at each level, by component">
                <table class="mm-table mm-table--heat">
                    <caption class="mm-visually-hidden">{ "Number of items at each level, by component" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Component" }</th>
                            { for scale.levels.iter().map(|l| html! { <th scope="col">{ &l.label }</th> }) }
                            { for specials.iter().map(|(_, label)| html! { <th scope="col">{ *label }</th> }) }
                            <th scope="col">{ "Not answered" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
