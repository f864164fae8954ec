//! The action plan: every rated item below its target, highest priority first.

use super::PlanEntryForm;
use crate::state::Action;
use maturity_core::{action_plan, Instrument, Response};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`PlanView`].
#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    /// The instrument.
    pub instrument: Rc<Instrument>,
    /// The answers, with any actions written so far.
    pub response: Rc<Response>,
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// Fired with what the person wrote.
    pub on_action: Callback<Action>,
    /// Downloads the answers, actions included: `true` for CSV, `false` for JSON.
    pub on_export: Callback<bool>,
}

/// The core's action plan, each entry with fields for the action, its owner and due date.
#[component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    let entries = action_plan(&props.instrument, &props.response);
    let intro = if entries.is_empty() {
        "There is nothing in the plan yet. Each item you rate below the top level, or below the target you set for it, appears here with the gap to close."
    } else {
        "Items are listed by priority: the gap to the target, weighted by how much the item counts. Where no target was chosen, the target is the next level up. Write what will be done, who owns it and by when."
    };
    let forms = entries.into_iter().map(|entry| {
        let key = entry.item_id.clone();
        html! {
            <PlanEntryForm {key} instrument={props.instrument.clone()} entry={Rc::new(entry)}
                uid={props.uid.clone()} on_action={props.on_action.clone()} />
        }
    });
    html! {
        <div class="mm-plan">
            <p>{ intro }</p>
            <ol class="mm-plan__list">{ for forms }</ol>
            <div class="mm-actions mm-noprint">
                <button type="button" class="mm-button mm-button--secondary" onclick={props.on_export.reform(|_: MouseEvent| true)}>{ "Download the plan (CSV)" }</button>
            </div>
        </div>
    }
}
