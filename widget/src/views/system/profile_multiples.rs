//! One small profile chart per organisation, each beside the system's median.

use crate::charts::{Profile, RadarChart};
use crate::state::context::use_widget;
use maturity_core::SystemView;
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`ProfileMultiples`].
#[derive(Properties, PartialEq)]
pub struct ProfileMultiplesProps {
    /// The organisations' figures.
    pub system: Rc<SystemView>,
    /// Which organisations to show, in order (positions in `system.organisations`).
    pub order: Rc<Vec<usize>>,
    /// Whether organisations are shown by alias ("Organisation A") rather than by name.
    pub anonymous: bool,
    /// The id of the text the charts are described by.
    pub described_by: AttrValue,
}

/// Small multiples: every chart has the same two outlines (the organisation and the system
/// median), so they can be compared at a glance without one chart overlaid with many.
#[component]
pub fn ProfileMultiples(props: &ProfileMultiplesProps) -> Html {
    let widget = use_widget();
    let median = Profile {
        label: "System median".to_owned(),
        scores: props
            .system
            .components
            .iter()
            .map(|c| c.scores.median)
            .collect(),
        ..Profile::default()
    };
    let charts = props.order.iter().map(|&i| {
        let organisation = &props.system.organisations[i];
        let name = if props.anonymous { &organisation.alias } else { &organisation.name };
        let profiles = Rc::new(vec![
            Profile {
                label: name.clone(),
                scores: organisation.components.clone(),
                ..Profile::default()
            },
            median.clone(),
        ]);
        html! {
            <li key={organisation.alias.clone()}>
                <RadarChart {profiles} described_by={props.described_by.clone()} caption={AttrValue::from(name.clone())} />
            </li>
        }
    });
    let legend = widget
        .instrument
        .components
        .iter()
        .map(|c| html! { <li>{ &c.title }</li> });
    html! {
        <>
            <p class="mm-hint">{ "In each chart the solid outline is the organisation and the dashed one the system median. The axes, clockwise from the top:" }</p>
            <ol class="mm-radar__legend mm-radar__legend--shown">{ for legend }</ol>
            <ul class="mm-multiples">{ for charts }</ul>
        </>
    }
}
