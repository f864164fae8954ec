//! The board paper: the assessment laid out to print or save as PDF.

use crate::charts::{Profile, RadarChart};
use crate::platform::print::print;
use crate::state::context::{use_session, use_widget};
use crate::views::common::{PlanTable, ScoreTable};
use maturity_core::{action_plan, written_summary};
use std::rc::Rc;
use yew::prelude::*;

/// Title, organisation, date and respondent; the profile; every rating with its notes; and
/// the action plan. The print stylesheet hides everything else in the widget.
#[component]
pub fn PaperView() -> Html {
    let (widget, session) = (use_widget(), use_session());
    let (instrument, response, report) = (&widget.instrument, &session.response, &session.report);
    let ratings = instrument.components.iter().map(|component| {
        let rows = component.items.iter().map(|item| {
            let notes = response.answers.get(&item.id).map(|a| a.notes.clone()).unwrap_or_default();
            html! {
                <tr key={item.id.clone()}>
                    <th scope="row">{ &item.title }</th>
                    <td>{ instrument.rating_label(response.rating(&item.id)).to_owned() }</td>
                    <td class="mm-prewrap">{ notes }</td>
                </tr>
            }
        });
        html! {
            <table class="mm-table mm-paper__ratings" key={component.id.clone()}>
                <caption>{ &component.title }</caption>
                <thead><tr><th scope="col">{ "Item" }</th><th scope="col">{ "Rating" }</th><th scope="col">{ "Evidence and notes" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        }
    });
    let plan = Rc::new(action_plan(instrument, response));
    let summary_id = format!("{}-paper-summary", widget.uid);
    let profiles = Rc::new(vec![Profile {
        label: "This assessment".to_owned(),
        scores: report.components.iter().map(|c| c.score).collect(),
    }]);
    let date = response.updated.get(..10).unwrap_or("");
    let print = Callback::from(|_: MouseEvent| print());
    html! {
        <div class="mm-paper">
            <div class="mm-actions mm-noprint">
                <button type="button" class="mm-button" onclick={print}>{ "Print, or save as PDF" }</button>
            </div>
            <header class="mm-paper__header">
                <p class="mm-paper__title">{ if response.title.trim().is_empty() { instrument.title.clone() } else { response.title.clone() } }</p>
                <dl class="mm-facts">
                    <dt>{ "Instrument" }</dt><dd>{ format!("{} (version {})", instrument.title, instrument.version) }</dd>
                    if !response.organisation.is_empty() { <dt>{ "Organisation" }</dt><dd>{ &response.organisation }</dd> }
                    if !date.is_empty() { <dt>{ "Date" }</dt><dd>{ date }</dd> }
                    if !response.respondent.is_empty() {
                        <dt>{ "Respondent" }</dt>
                        <dd>{ [response.respondent.name.as_str(), response.respondent.role.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", ") }</dd>
                    }
                </dl>
            </header>
            <section aria-labelledby={format!("{}-paper-profile", widget.uid)}>
                <h4 id={format!("{}-paper-profile", widget.uid)}>{ "Profile" }</h4>
                <p id={summary_id.clone()}>{ written_summary(instrument, report) }</p>
                <div class="mm-profile">
                    if report.overall.is_some() {
                        <RadarChart {profiles} described_by={summary_id} />
                    }
                    <ScoreTable heading="Score by component" id="paper-scores" />
                </div>
            </section>
            <section aria-labelledby={format!("{}-paper-ratings", widget.uid)}>
                <h4 id={format!("{}-paper-ratings", widget.uid)}>{ "Ratings and evidence" }</h4>
                { for ratings }
            </section>
            <section aria-labelledby={format!("{}-paper-plan", widget.uid)}>
                <h4 id={format!("{}-paper-plan", widget.uid)}>{ "Action plan" }</h4>
                if plan.is_empty() {
                    <p>{ "No actions yet." }</p>
                } else {
                    <PlanTable plan={plan.clone()} />
                }
            </section>
        </div>
    }
}
