//! The optional level an item aims for, which the action plan measures the gap to.

use crate::state::context::use_widget;
use crate::state::Action;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props for [`TargetSelect`].
#[derive(Properties, PartialEq)]
pub struct TargetSelectProps {
    /// The item's id.
    pub item_id: AttrValue,
    /// The item's title, so the label names it for screen readers.
    pub item_title: AttrValue,
    /// The target chosen, if any.
    pub target: Option<u8>,
    /// The select's id.
    pub id: AttrValue,
    /// Fired with the new target.
    pub on_action: Callback<Action>,
}

/// A native select: "the next level" by default, or any level of the scale.
#[component]
pub fn TargetSelect(props: &TargetSelectProps) -> Html {
    let widget = use_widget();
    let readonly = widget.readonly;
    let onchange = {
        let item = props.item_id.to_string();
        props.on_action.reform(move |event: Event| Action::Target {
            item: item.clone(),
            level: event
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
                .ok(),
        })
    };
    let options = widget.instrument.scale.levels.iter().map(|level| {
        html! {
            <option value={level.value.to_string()} selected={props.target == Some(level.value)}>{ &level.label }</option>
        }
    });
    html! {
        <div class="mm-target">
            <label class="mm-field__label" for={props.id.clone()}>
                { "Target level" }<span class="mm-visually-hidden">{ format!(" for {}", props.item_title) }</span>{ " (optional)" }
            </label>
            <select class="mm-select" id={props.id.clone()} {onchange} disabled={readonly}>
                <option value="" selected={props.target.is_none()}>{ "The next level up" }</option>
                { for options }
            </select>
        </div>
    }
}
