//! How the plan is going: the counts by status in one sentence, overdue actions first, the
//! next review date and a calendar file of the dates.

use super::action_update::ActionUpdate;
use crate::platform::clock::now;
use crate::platform::files::download;
use crate::state::context::{use_session, use_widget};
use crate::state::Action;
use crate::views::common::DateInput;
use maturity_core::{calendar_ics, progress};
use std::rc::Rc;
use yew::prelude::*;

/// The summary, the next review, the calendar download and one update form per action.
#[component]
pub fn ProgressView() -> Html {
    let (widget, session) = (use_widget(), use_session());
    let report = progress(&widget.instrument, &session.response, &widget.today);
    let on_review = session
        .on_action
        .reform(|date: String| Action::NextReview { date });
    let calendar = {
        let (instrument, response, today) = (
            widget.instrument.clone(),
            session.response.clone(),
            widget.today.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let text = calendar_ics(&instrument, &response, &now(), &today);
            download("maturity-matrix-dates.ics", "text/calendar", &text);
        })
    };
    let actions = report.actions.iter().map(|action| {
        html! { <ActionUpdate key={action.item_id.clone()} action={Rc::new(action.clone())} /> }
    });
    html! {
        <div class="mm-tracking">
            <p class="mm-summary">{ &report.summary }</p>
            if report.total > 0 {
                <ul class="mm-progress__actions">{ for actions }</ul>
            }
            <section class="mm-progress__dates" aria-labelledby={widget.id("dates")}>
                <@{widget.h(2)} id={widget.id("dates")}>{ "Dates in your calendar" }</@>
                <DateInput id={widget.id("next-review")} legend="Date of the next review"
                    value={session.response.next_review.clone()} on_change={on_review} />
                <p class="mm-hint">{ "A calendar file holds the next review and the due date of every action not yet done or dropped. Open it again after changes: the events are updated, not repeated." }</p>
                <div class="mm-actions">
                    <button type="button" class="mm-button mm-button--secondary" onclick={calendar}>{ "Download the dates (calendar file)" }</button>
                </div>
            </section>
        </div>
    }
}
