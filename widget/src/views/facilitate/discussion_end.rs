//! The end of the board's discussion: the agreed profile, what was agreed item by item, and
//! the way on to the action plan.

use crate::charts::{Profile, RadarChart};
use crate::state::context::{use_session, use_widget};
use crate::state::View;
use crate::views::common::{scroll_region, ScoreTable};
use maturity_core::written_summary;
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`DiscussionEnd`].
#[derive(Properties, PartialEq)]
pub struct DiscussionEndProps {
    /// The items discussed, by position in the instrument, in the order discussed.
    pub steps: Rc<Vec<usize>>,
    /// Back to the last item.
    pub on_back: Callback<()>,
    /// Moves to another view (the action plan, the board paper).
    pub on_view: Callback<View>,
}

/// The agreed record's profile and scores, and a table of the items discussed with the level
/// and rationale the board recorded.
#[component]
pub fn DiscussionEnd(props: &DiscussionEndProps) -> Html {
    let (widget, session) = (use_widget(), use_session());
    let instrument = &widget.instrument;
    let summary_id = format!("{}-agreed-summary", widget.uid);
    let profiles = Rc::new(vec![Profile {
        label: "Agreed".to_owned(),
        scores: session.report.components.iter().map(|c| c.score).collect(),
        ..Profile::default()
    }]);
    let items: Vec<_> = instrument.items().collect();
    let rows = props.steps.iter().filter_map(|&position| {
        let (_, item) = items.get(position)?;
        let answer = session.response.answers.get(&item.id);
        html! {
            <tr key={item.id.clone()}>
                <th scope="row">{ &item.title }</th>
                <td>{ instrument.rating_label(session.response.rating(&item.id)).to_owned() }</td>
                <td class="mm-prewrap">{ answer.map(|a| a.notes.clone()).unwrap_or_default() }</td>
            </tr>
        }
        .into()
    });
    html! {
        <div class="mm-facilitate__end" data-end="">
            <@{widget.h(2)}>{ "The agreed profile" }</@>
            <p class="mm-summary" id={summary_id.clone()}>{ written_summary(instrument, &session.report) }</p>
            <div class="mm-profile">
                if session.report.overall.is_some() {
                    <RadarChart {profiles} described_by={summary_id} />
                }
                <ScoreTable heading="The agreed scores" id="agreed-scores" />
            </div>
            <@{widget.h(3)}>{ "What the board agreed" }</@>
            { scroll_region("What the board agreed", html! {
                <table class="mm-table" data-agreed-table="">
                    <caption class="mm-visually-hidden">{ "The level and rationale the board agreed for each item discussed" }</caption>
                    <thead><tr><th scope="col">{ "Item" }</th><th scope="col">{ "Agreed" }</th><th scope="col">{ "Rationale" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
            <p>{ "Next, the plan: choose a target level and an action for the priorities, in the action plan of the agreed record." }</p>
            <div class="mm-actions">
                <button type="button" class="mm-button" onclick={props.on_view.reform(|_: MouseEvent| View::Plan)}>{ "Plan the actions" }</button>
                <button type="button" class="mm-button mm-button--secondary" onclick={props.on_back.reform(|_: MouseEvent| ())}>{ "Back to the last item" }</button>
                <button type="button" class="mm-button mm-button--secondary" onclick={props.on_view.reform(|_: MouseEvent| View::Board)}>{ "Back to the board view" }</button>
            </div>
        </div>
    }
}
