//! The assessment: every component's items and the live results.

use super::{ComponentSection, ResultsPanel};
use crate::state::{Action, Assessment};
use maturity_core::{score, Instrument};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`AssessmentView`].
#[derive(Properties, PartialEq)]
pub struct AssessmentViewProps {
    /// The instrument to rate against.
    pub instrument: Rc<Instrument>,
    /// Unique prefix for ids.
    pub uid: AttrValue,
}

/// Owns the assessment state; every score shown comes from the core.
#[component]
pub fn AssessmentView(props: &AssessmentViewProps) -> Html {
    let state = {
        let instrument = props.instrument.clone();
        use_reducer(move || Assessment::new(instrument))
    };
    let on_rate = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(item, level): (String, u8)| {
            dispatcher.dispatch(Action::Rate { item, level })
        })
    };
    let report = Rc::new(score(&state.instrument, &state.response));
    let response = Rc::new(state.response.clone());
    let instrument = &state.instrument;
    let title_id = format!("{}-title", props.uid);
    let sections = (0..instrument.components.len()).map(|index| {
        html! {
            <ComponentSection key={instrument.components[index].id.clone()} instrument={instrument.clone()}
                component={index} response={response.clone()} uid={props.uid.clone()} on_rate={on_rate.clone()} />
        }
    });
    html! {
        <article class="mm-assessment" aria-labelledby={title_id.clone()}>
            <h2 class="mm-title" id={title_id}>{ &instrument.title }</h2>
            if !instrument.description.is_empty() {
                <p class="mm-lead">{ &instrument.description }</p>
            }
            <div class="mm-layout">
                <div class="mm-layout__main">{ for sections }</div>
                <div class="mm-layout__side">
                    <ResultsPanel instrument={instrument.clone()} report={report} uid={props.uid.clone()} />
                </div>
            </div>
            if !instrument.source.is_empty() {
                <p class="mm-source">{ &instrument.source }</p>
            }
        </article>
    }
}
