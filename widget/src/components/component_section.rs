//! One component of the instrument: its heading, description and items.

use super::ItemQuestion;
use maturity_core::{Instrument, Response};
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
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// Fired with `(item id, level value)`.
    pub on_rate: Callback<(String, u8)>,
}

/// A `section` headed by the component's title, with a radio group per item.
#[component]
pub fn ComponentSection(props: &ComponentSectionProps) -> Html {
    let component = &props.instrument.components[props.component];
    let heading_id = format!("{}-{}", props.uid, component.id);
    let items = component.items.iter().enumerate().map(|(index, item)| {
        html! {
            <ItemQuestion key={item.id.clone()} instrument={props.instrument.clone()}
                component={props.component} item={index} rating={props.response.rating(&item.id)}
                uid={props.uid.clone()} on_rate={props.on_rate.clone()} />
        }
    });
    html! {
        <section class="mm-component" aria-labelledby={heading_id.clone()}>
            <h3 class="mm-component__title" id={heading_id}>{ &component.title }</h3>
            if !component.description.is_empty() {
                <p class="mm-component__description">{ &component.description }</p>
            }
            { for items }
        </section>
    }
}
