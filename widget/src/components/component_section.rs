//! One component of the instrument: its heading, description, progress and items.

use super::ItemQuestion;
use crate::state::Action;
use maturity_core::{Counts, Instrument, Response};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`ComponentSection`].
#[derive(Properties, PartialEq)]
pub struct ComponentSectionProps {
    /// The instrument.
    pub instrument: Rc<Instrument>,
    /// Index of the component shown.
    pub component: usize,
    /// The answers so far.
    pub response: Rc<Response>,
    /// This component's counts, from the core's score report.
    pub counts: Counts,
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// Fired with what the person did.
    pub on_action: Callback<Action>,
    /// The heading, focused when the person moves to this component.
    #[prop_or_default]
    pub heading: NodeRef,
}

/// A `section` headed by the component's title, with a radio group per item.
#[component]
pub fn ComponentSection(props: &ComponentSectionProps) -> Html {
    let component = &props.instrument.components[props.component];
    let heading_id = format!("{}-{}", props.uid, component.id);
    let items = component.items.iter().enumerate().map(|(index, item)| {
        let answer = props.response.answers.get(&item.id);
        html! {
            <ItemQuestion key={item.id.clone()} instrument={props.instrument.clone()}
                component={props.component} item={index} rating={props.response.rating(&item.id)}
                notes={answer.map(|a| AttrValue::from(a.notes.clone())).unwrap_or_default()}
                target={answer.and_then(|a| a.target)}
                uid={props.uid.clone()} on_action={props.on_action.clone()} />
        }
    });
    let answered = props.counts.total - props.counts.unanswered;
    html! {
        <section class="mm-component" aria-labelledby={heading_id.clone()}>
            <h4 class="mm-component__title" id={heading_id} tabindex="-1" ref={props.heading.clone()}>{ &component.title }</h4>
            <p class="mm-component__progress">{ format!("{answered} of {} answered", props.counts.total) }</p>
            if !component.description.is_empty() {
                <p class="mm-component__description">{ &component.description }</p>
            }
            { for items }
        </section>
    }
}
