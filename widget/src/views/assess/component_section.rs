//! One component of the instrument: its heading, description, progress and items.

use super::item_question::ItemQuestion;
use crate::state::context::{use_session, use_widget};
use yew::prelude::*;

/// Props for [`ComponentSection`].
#[derive(Properties, PartialEq)]
pub struct ComponentSectionProps {
    /// Index of the component shown.
    pub component: usize,
    /// The heading, focused when the person moves to this component.
    #[prop_or_default]
    pub heading: NodeRef,
}

/// A `section` headed by the component's title, with a radio group per item. Each item gets
/// its own answer as props, so only the item that changed re-renders.
#[component]
pub fn ComponentSection(props: &ComponentSectionProps) -> Html {
    let (widget, session) = (use_widget(), use_session());
    let component = &widget.instrument.components[props.component];
    let counts = session.report.components[props.component].counts;
    let heading_id = widget.id(&component.id);
    let items = component.items.iter().enumerate().map(|(index, item)| {
        let answer = session.response.answers.get(&item.id);
        html! {
            <ItemQuestion key={item.id.clone()}
                component={props.component} item={index} rating={session.response.rating(&item.id)}
                notes={answer.map(|a| AttrValue::from(a.notes.clone())).unwrap_or_default()}
                target={answer.and_then(|a| a.target)} on_action={session.on_action.clone()} />
        }
    });
    let answered = counts.total - counts.unanswered;
    html! {
        <section class="mm-component" aria-labelledby={heading_id.clone()}>
            <@{widget.h(2)} class="mm-component__title" id={heading_id} tabindex="-1" ref={props.heading.clone()}>{ &component.title }</@>
            <p class="mm-component__progress">{ format!("{answered} of {} answered", counts.total) }</p>
            if !component.description.is_empty() {
                <p class="mm-component__description">{ &component.description }</p>
            }
            { for items }
        </section>
    }
}
