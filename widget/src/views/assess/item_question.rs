//! One item of the matrix as a native radio group, with its evidence and notes.

use super::TargetSelect;
use crate::state::context::use_widget;
use crate::state::Action;
use maturity_core::{Item, Rating, Special};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props for [`ItemQuestion`].
#[derive(Properties, PartialEq)]
pub struct ItemQuestionProps {
    /// Which component the item sits in (index into `instrument.components`).
    pub component: usize,
    /// Which item within the component.
    pub item: usize,
    /// The current rating.
    pub rating: Rating,
    /// The evidence and notes so far.
    pub notes: AttrValue,
    /// The level aimed for, if one was chosen.
    #[prop_or_default]
    pub target: Option<u8>,
    /// Fired with what the person did.
    pub on_action: Callback<Action>,
    /// The board's agreed level in the facilitation view: the legend asks what the board
    /// agrees (the item's title is the view's heading), the levels are named without their
    /// descriptions (the view lists those beside the room's ratings, so the choice and the
    /// rationale fit on one projected screen), the notes are the board's one-line rationale,
    /// and no target is chosen here.
    #[prop_or_default]
    pub agreeing: bool,
}

/// A `fieldset` whose `legend` is the item's title and prompt, with one labelled radio per
/// level showing the level's name and this item's descriptor, so screen readers announce the
/// row's context with every option. Native radios give the WAI-ARIA keyboard pattern for free:
/// arrow keys move within the group, Tab moves between groups.
#[component]
pub fn ItemQuestion(props: &ItemQuestionProps) -> Html {
    let widget = use_widget();
    let readonly = widget.readonly;
    let item: &Item = &widget.instrument.components[props.component].items[props.item];
    // The uid keeps ids and radio names unique when several widgets share a page.
    let name = widget.id(&item.id);
    let scale = &widget.instrument.scale;
    let option = |id: String,
                  checked: bool,
                  label: &str,
                  descriptor: &str,
                  action: Action,
                  class: &'static str| {
        let on_action = props.on_action.clone();
        let onchange = Callback::from(move |_: Event| on_action.emit(action.clone()));
        html! {
            <div class={classes!("mm-option", class)} key={id.clone()}>
                <input class="mm-option__input" type="radio" id={id.clone()} name={name.clone()} {checked} {onchange} disabled={readonly} />
                <label class="mm-option__label" for={id}>
                    <span class="mm-option__level">{ label.to_owned() }</span>
                    if !descriptor.is_empty() {
                        <span class="mm-option__descriptor">{ descriptor.to_owned() }</span>
                    }
                </label>
            </div>
        }
    };
    let levels = scale.levels.iter().enumerate().map(|(index, level)| {
        option(
            format!("{name}-{}", level.value),
            props.rating == Rating::Level(level.value),
            &level.label,
            if props.agreeing {
                ""
            } else {
                item.descriptor(scale, index)
            },
            Action::Rate {
                item: item.id.clone(),
                level: level.value,
            },
            "",
        )
    });
    let specials = [
        (Special::NotApplicable, &scale.not_applicable, "na"),
        (Special::DontKnow, &scale.dont_know, "dk"),
    ]
    .into_iter()
    .filter_map(|(special, answer, suffix)| {
        let answer = answer.as_ref()?;
        Some(option(
            format!("{name}-{suffix}"),
            props.rating == Rating::Special(special),
            &answer.label,
            "",
            Action::Special {
                item: item.id.clone(),
                special,
            },
            "mm-option--special",
        ))
    });
    let notes_id = format!("{name}-notes");
    let oninput = {
        let on_action = props.on_action.clone();
        let item_id = item.id.clone();
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            on_action.emit(Action::Notes {
                item: item_id.clone(),
                text,
            });
        })
    };
    html! {
        <div class="mm-item" data-item={item.id.clone()}>
            <fieldset class="mm-item__fieldset">
                <legend class="mm-item__legend">
                    if props.agreeing {
                        <span class="mm-item__title">{ "The level the board agrees" }</span>
                    } else {
                        <span class="mm-item__title">{ &item.title }</span>
                        if !item.prompt.is_empty() {
                            <span class="mm-item__prompt">{ &item.prompt }</span>
                        }
                    }
                </legend>
                <div class={classes!("mm-options", props.agreeing.then_some("mm-options--compact"))}>
                    <div class="mm-options__levels">{ for levels }</div>
                    <div class="mm-options__special">{ for specials }</div>
                </div>
            </fieldset>
            <div class="mm-notes">
                <label class="mm-notes__label" for={notes_id.clone()}>
                    { if props.agreeing { "The board's rationale, in a line" } else { "Evidence and notes" } }
                    <span class="mm-visually-hidden">{ format!(" for {}", item.title) }</span>
                </label>
                if !item.evidence.is_empty() && !props.agreeing {
                    <p class="mm-notes__hint" id={format!("{notes_id}-hint")}>{ format!("For example: {}.", item.evidence.join("; ")) }</p>
                }
                <textarea class="mm-notes__input" id={notes_id.clone()} rows="2" value={props.notes.clone()} {oninput} readonly={readonly}
                    aria-describedby={(!item.evidence.is_empty() && !props.agreeing).then(|| format!("{notes_id}-hint"))} />
            </div>
            if !props.agreeing {
                <TargetSelect item_id={item.id.clone()} item_title={item.title.clone()}
                    target={props.target} id={format!("{name}-target")} on_action={props.on_action.clone()} />
            }
        </div>
    }
}
