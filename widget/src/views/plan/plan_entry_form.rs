//! One entry of the action plan, with the action, owner and due date to fill in.

use crate::state::context::{use_session, use_widget};
use crate::state::{Action, PlanField};
use crate::views::assess::TargetSelect;
use maturity_core::ActionPlanEntry;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props for [`PlanEntryForm`].
#[derive(Properties, PartialEq)]
pub struct PlanEntryFormProps {
    /// The entry, from the core.
    pub entry: Rc<ActionPlanEntry>,
}

/// Where the item is, where it aims, what the next level looks like, and three fields.
#[component]
pub fn PlanEntryForm(props: &PlanEntryFormProps) -> Html {
    let (widget, session) = (use_widget(), use_session());
    let readonly = widget.readonly;
    let on_action = &session.on_action;
    let entry = &props.entry;
    let base = format!("{}-plan-{}", widget.uid, entry.item_id);
    let field = |field: PlanField, label: &str, value: &str, suffix: &str, kind: &str| {
        let id = format!("{base}-{suffix}");
        let item = entry.item_id.clone();
        let oninput = on_action.reform(move |event: InputEvent| Action::Plan {
            item: item.clone(),
            field,
            text: event.target_unchecked_into::<HtmlInputElement>().value(),
        });
        let control = if kind == "textarea" {
            html! { <textarea class="mm-notes__input" id={id.clone()} rows="2" value={value.to_owned()} {oninput} {readonly} /> }
        } else {
            html! { <input class="mm-input" type={kind.to_owned()} id={id.clone()} value={value.to_owned()} {oninput} {readonly} /> }
        };
        html! {
            <div class="mm-field">
                <label class="mm-field__label" for={id}>
                    { label.to_owned() }<span class="mm-visually-hidden">{ format!(" for {}", entry.item_title) }</span>
                </label>
                { control }
            </div>
        }
    };
    let next_differs = entry.next.value != entry.target.value;
    html! {
        <li class="mm-plan__entry" data-plan-item={entry.item_id.clone()}>
            <h4 class="mm-plan__title">{ &entry.item_title }</h4>
            <p class="mm-hint">{ &entry.component_title }</p>
            <dl class="mm-facts">
                <dt>{ "Now" }</dt><dd>{ &entry.current.label }</dd>
                <dt>{ "Target" }</dt><dd>{ format!("{} ({} level{} up)", entry.target.label, entry.gap, if entry.gap == 1 { "" } else { "s" }) }</dd>
                <dt>{ "Priority" }</dt><dd>{ entry.priority }</dd>
            </dl>
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
                target={Some(entry.target.value)} id={format!("{base}-target")} on_action={on_action.clone()} />
            { field(PlanField::Action, "Action", &entry.action, "action", "textarea") }
            <div class="mm-field-row">
                { field(PlanField::Owner, "Owner", &entry.owner, "owner", "text") }
                { field(PlanField::Due, "Due date", &entry.due, "due", "date") }
            </div>
        </li>
    }
}
