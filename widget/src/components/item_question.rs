//! One item of the matrix as a native radio group.

use maturity_core::{Instrument, Item, Rating};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`ItemQuestion`].
#[derive(Properties, PartialEq)]
pub struct ItemQuestionProps {
    /// The instrument, for the scale and its labels.
    pub instrument: Rc<Instrument>,
    /// Which component the item sits in (index into `instrument.components`).
    pub component: usize,
    /// Which item within the component.
    pub item: usize,
    /// The current rating.
    pub rating: Rating,
    /// Prefix that keeps ids and radio names unique when several widgets share a page.
    pub uid: AttrValue,
    /// Fired with the chosen level's value.
    pub on_rate: Callback<(String, u8)>,
}

/// A `fieldset` whose `legend` is the item's title and prompt, with one labelled radio per
/// level showing the level's name and this item's descriptor, so screen readers announce the
/// row's context with every option.
#[component]
pub fn ItemQuestion(props: &ItemQuestionProps) -> Html {
    let item: &Item = &props.instrument.components[props.component].items[props.item];
    let name = format!("{}-{}", props.uid, item.id);
    let scale = &props.instrument.scale;
    let options = scale.levels.iter().enumerate().map(|(index, level)| {
        let id = format!("{name}-{}", level.value);
        let checked = props.rating == Rating::Level(level.value);
        let onchange = {
            let on_rate = props.on_rate.clone();
            let item_id = item.id.clone();
            let value = level.value;
            Callback::from(move |_: Event| on_rate.emit((item_id.clone(), value)))
        };
        html! {
            <div class="mm-option" key={id.clone()}>
                <input class="mm-option__input" type="radio" id={id.clone()} name={name.clone()}
                    value={level.value.to_string()} {checked} {onchange} />
                <label class="mm-option__label" for={id}>
                    <span class="mm-option__level">{ &level.label }</span>
                    <span class="mm-option__descriptor">{ item.descriptor(scale, index) }</span>
                </label>
            </div>
        }
    });
    html! {
        <fieldset class="mm-item">
            <legend class="mm-item__legend">
                <span class="mm-item__title">{ &item.title }</span>
                if !item.prompt.is_empty() {
                    <span class="mm-item__prompt">{ &item.prompt }</span>
                }
            </legend>
            <div class="mm-options">{ for options }</div>
        </fieldset>
    }
}
