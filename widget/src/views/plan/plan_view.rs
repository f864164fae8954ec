//! The action plan: every rated item below its target, highest priority first.

use super::plan_entry_form::PlanEntryForm;
use crate::platform::files::{export_response, Format};
use crate::state::context::{use_session, use_widget};
use maturity_core::action_plan;
use std::rc::Rc;
use yew::prelude::*;

/// The core's action plan, each entry with fields for the action, its owner and due date.
#[component]
pub fn PlanView() -> Html {
    let (widget, session) = (use_widget(), use_session());
    let entries = action_plan(&widget.instrument, &session.response);
    let intro = if entries.is_empty() {
        "There is nothing in the plan yet. Each item you rate below the top level, or below the target you set for it, appears here with the gap to close."
    } else {
        "Items are listed by priority: the gap to the target, weighted by how much the item counts. Where no target was chosen, the target is the next level up. Write what will be done, who owns it and by when."
    };
    let forms = entries.into_iter().map(|entry| {
        let key = entry.item_id.clone();
        html! { <PlanEntryForm {key} entry={Rc::new(entry)} /> }
    });
    let export_csv = {
        let (instrument, response) = (widget.instrument.clone(), session.response.clone());
        Callback::from(move |_: MouseEvent| {
            export_response(&instrument, &response, Format::Csv);
        })
    };
    html! {
        <div class="mm-plan">
            <p>{ intro }</p>
            <ol class="mm-plan__list">{ for forms }</ol>
            <div class="mm-actions mm-noprint">
                <button type="button" class="mm-button mm-button--secondary" onclick={export_csv}>{ "Download the plan (CSV)" }</button>
            </div>
        </div>
    }
}
