//! One of the board's priorities: where the item is, where it aims, what it takes to get
//! there, and the action, its owner and its due date.

use crate::state::context::{use_session, use_widget};
use crate::state::{Action, PlanField};
use crate::views::assess::TargetSelect;
use crate::views::common::DateInput;
use maturity_core::{gap_words, ActionPlanEntry};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props for [`PlanEntryForm`].
#[derive(Properties, PartialEq)]
pub struct PlanEntryFormProps {
    /// The entry, from the core.
    pub entry: Rc<ActionPlanEntry>,
    /// Its number among the priorities, from 1, in the order shown.
    pub number: usize,
    /// Takes it out of the priorities.
    pub on_remove: Callback<MouseEvent>,
}

/// The priority's heading and facts, the move-up guidance, and the fields to fill in.
#[component]
pub fn PlanEntryForm(props: &PlanEntryFormProps) -> Html {
    let (widget, session) = (use_widget(), use_session());
    let readonly = widget.readonly;
    let on_action = &session.on_action;
    let entry = &props.entry;
    let base = format!("{}-plan-{}", widget.uid, entry.item_id);
    let for_item = format!(" for {}", entry.item_title);
    let field = |field: PlanField, label: &str, value: &str, suffix: &str, textarea: bool| {
        let id = format!("{base}-{suffix}");
        let item = entry.item_id.clone();
        let oninput = on_action.reform(move |event: InputEvent| Action::Plan {
            item: item.clone(),
            field,
            text: event.target_unchecked_into::<HtmlInputElement>().value(),
        });
        let control = if textarea {
            html! { <textarea class="mm-notes__input" id={id.clone()} rows="2" value={value.to_owned()} {oninput} {readonly} /> }
        } else {
            html! { <input class="mm-input" type="text" id={id.clone()} value={value.to_owned()} {oninput} {readonly} /> }
        };
        html! {
            <div class="mm-field">
                <label class="mm-field__label" for={id}>
                    { label.to_owned() }<span class="mm-visually-hidden">{ for_item.clone() }</span>
                </label>
                { control }
            </div>
        }
    };
    let on_due = {
        let (on_action, item) = (on_action.clone(), entry.item_id.clone());
        Callback::from(move |text: String| {
            on_action.emit(Action::Plan {
                item: item.clone(),
                field: PlanField::Due,
                text,
            })
        })
    };
    let next_differs = entry.next.value != entry.target.value;
    // What the person chose, not the level it comes to: "The next level up" stays itself (the
    // facts above say which level that is), and moves with the rating.
    let chosen_target = session
        .response
        .answers
        .get(&entry.item_id)
        .and_then(|answer| answer.target);
    html! {
        <li class="mm-plan__entry" data-plan-item={entry.item_id.clone()}>
            <@{widget.h(3)} class="mm-plan__title">{ format!("Priority {}: {}", props.number, entry.item_title) }</@>
            <p class="mm-hint">{ &entry.component_title }</p>
            <dl class="mm-facts">
                <dt>{ "Now" }</dt><dd>{ &entry.current.label }</dd>
                <dt>{ "Target" }</dt><dd>{ format!("{} ({})", entry.target.label, gap_words(entry.gap)) }</dd>
            </dl>
            if !entry.move_up.is_empty() {
                <p class="mm-move-up"><strong>{ format!("How to get to {}: ", entry.next.label) }</strong>{ &entry.move_up }</p>
            }
            if !entry.next.descriptor.is_empty() {
                <p>
                    <strong>{ format!("{} looks like: ", entry.next.label) }</strong>{ &entry.next.descriptor }
                    if next_differs && !entry.target.descriptor.is_empty() {
                        <br /><strong>{ format!("{} looks like: ", entry.target.label) }</strong>{ &entry.target.descriptor }
                    }
                </p>
            }
            if !entry.notes.is_empty() {
                <p class="mm-quote"><strong>{ "Evidence and notes: " }</strong>{ &entry.notes }</p>
            }
            <TargetSelect item_id={entry.item_id.clone()} item_title={entry.item_title.clone()}
                target={chosen_target} id={format!("{base}-target")} on_action={on_action.clone()} />
            { field(PlanField::Action, "Action", &entry.action, "action", true) }
            { field(PlanField::Owner, "Owner", &entry.owner, "owner", false) }
            <DateInput id={format!("{base}-due")} legend="Due date" hidden_suffix={for_item.clone()}
                value={entry.due.clone()} on_change={on_due} />
            if !readonly {
                <div class="mm-actions mm-noprint">
                    <button type="button" class="mm-button mm-button--secondary" onclick={props.on_remove.clone()}>
                        { "Not a priority now" }<span class="mm-visually-hidden">{ format!(": {}", entry.item_title) }</span>
                    </button>
                </div>
            }
        </li>
    }
}
