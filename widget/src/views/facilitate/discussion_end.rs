//! The end of the board's discussion: the agreed profile, what was agreed item by item, and
//! the way on to the action plan.

use crate::charts::{Profile, RadarChart};
use crate::state::context::{use_session, use_widget};
use crate::state::View;
use crate::views::common::{scroll_region, PlanTable, ScoreTable};
use maturity_core::{action_plan, written_summary, Rating};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`DiscussionEnd`].
#[derive(Properties, PartialEq)]
pub struct DiscussionEndProps {
    /// The items discussed, by position in the instrument, in the order discussed.
    pub steps: Rc<Vec<usize>>,
    /// The level each item started from (the board's median), by position in the instrument,
    /// so a level the board kept is told apart from one it changed.
    pub started: Rc<Vec<Rating>>,
    /// Each item's median in words, by position in the instrument.
    pub medians: Rc<Vec<String>>,
    /// The heading, which receives focus on arriving here from the last item.
    pub heading: NodeRef,
    /// Back to the last item.
    pub on_back: Callback<()>,
    /// Moves to another view (the action plan, the board paper).
    pub on_view: Callback<View>,
}

/// How many suggested priorities the end of the discussion shows before the board has chosen.
const SUGGESTED: usize = 5;

/// The agreed record's profile and scores, a table of the items discussed with the level and
/// rationale the board recorded, and the plan: the board's priorities once chosen, until then
/// the biggest gaps as the core orders them.
#[component]
pub fn DiscussionEnd(props: &DiscussionEndProps) -> Html {
    let (widget, session) = (use_widget(), use_session());
    let instrument = &widget.instrument;
    let summary_id = widget.id("agreed-summary");
    let profiles = Rc::new(vec![Profile {
        label: "Agreed".to_owned(),
        scores: session.report.components.iter().map(|c| c.score).collect(),
        ..Profile::default()
    }]);
    let plan = action_plan(instrument, &session.response);
    let chosen = plan.iter().any(|entry| entry.prioritised);
    let plan = Rc::new(if chosen {
        plan.into_iter().filter(|entry| entry.prioritised).collect()
    } else {
        plan.into_iter().take(SUGGESTED).collect::<Vec<_>>()
    });
    let items: Vec<_> = instrument.items().collect();
    let rows = props.steps.iter().filter_map(|&position| {
        let (_, item) = items.get(position)?;
        let answer = session.response.answers.get(&item.id);
        let agreed = session.response.rating(&item.id);
        let started = props.started.get(position).copied().unwrap_or(Rating::Unanswered);
        html! {
            <tr key={item.id.clone()}>
                <th scope="row">{ &item.title }</th>
                <td>{ props.medians.get(position).cloned().unwrap_or_default() }</td>
                <td>{ match agreed {
                    Rating::Unanswered => "Not agreed yet".to_owned(),
                    _ if agreed == started => format!("{} (kept)", instrument.rating_label(agreed)),
                    _ => instrument.rating_label(agreed).to_owned(),
                } }</td>
                <td class="mm-prewrap">{ answer.map(|a| a.notes.clone()).filter(|n| !n.is_empty()).unwrap_or_else(|| "None recorded".to_owned()) }</td>
            </tr>
        }
        .into()
    });
    html! {
        <div class="mm-facilitate__end" data-end="">
            <@{widget.h(2)} tabindex="-1" ref={props.heading.clone()}>{ "The agreed profile" }</@>
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
                    <caption class="mm-visually-hidden">{ "For each item discussed: the board's median it started from, the level agreed (or kept) and the rationale" }</caption>
                    <thead><tr><th scope="col">{ "Item" }</th><th scope="col">{ "Board median" }</th><th scope="col">{ "Agreed" }</th><th scope="col">{ "Rationale" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
            <@{widget.h(3)}>{ if chosen { "The plan: the board's priorities" } else { "The plan: the biggest gaps, to choose priorities from" } }</@>
            if plan.is_empty() {
                <p>{ "No rated item is below its target." }</p>
            } else {
                <PlanTable plan={plan.clone()} caption={if chosen { "The board's priorities, in order" } else { "The biggest gaps, largest first: not yet chosen as priorities" }} />
            }
            <p>{ "Choose the priorities, with an action, an owner and a date for each, in the agreed record's action plan." }</p>
            <div class="mm-actions mm-noprint">
                <button type="button" class="mm-button" onclick={props.on_view.reform(|_: MouseEvent| View::Plan)}>{ "Plan the actions" }</button>
                <button type="button" class="mm-button mm-button--secondary" onclick={props.on_back.reform(|_: MouseEvent| ())}>{ "Back to the last item" }</button>
                <button type="button" class="mm-button mm-button--secondary" onclick={props.on_view.reform(|_: MouseEvent| View::Board)}>{ "Back to the board view" }</button>
            </div>
        </div>
    }
}
