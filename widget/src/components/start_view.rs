//! The start: what the assessment is for, where answers live, its details, and the shelf.

use super::{AssessmentLibrary, DetailsForm};
use crate::state::{Action, View};
use crate::storage::{Place, Shelf};
use maturity_core::{Instrument, Response, ScoreReport};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`StartView`].
#[derive(Properties, PartialEq)]
pub struct StartViewProps {
    /// The instrument.
    pub instrument: Rc<Instrument>,
    /// The open assessment.
    pub response: Rc<Response>,
    /// Its scores.
    pub report: Rc<ScoreReport>,
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// Where assessments are saved.
    pub shelf: Rc<Shelf>,
    /// The open assessment's slot.
    pub slot: u32,
    /// Changes the open assessment.
    pub on_action: Callback<Action>,
    /// Opens another assessment.
    pub on_open: Callback<Place>,
    /// Moves to another view.
    pub on_view: Callback<View>,
    /// Whether to show the saved assessments (only when the widget keeps the answers itself).
    pub library: bool,
}

/// Purpose first, because a maturity matrix invites scoring to look good: this one is for an
/// honest discussion and an action plan.
#[component]
pub fn StartView(props: &StartViewProps) -> Html {
    let counts = props.report.counts;
    let answered = counts.total - counts.unanswered;
    let (label, hint) = if answered == 0 {
        ("Start rating", String::new())
    } else {
        (
            "Continue rating",
            format!("{answered} of {} items answered so far.", counts.total),
        )
    };
    let start = props.on_view.reform(|_: MouseEvent| View::Assess);
    html! {
        <div class="mm-start">
            <p>{ "This self-assessment is for your own reflection: to start an honest discussion and agree an action plan, not to produce a score for a league table. Rate each item against the level descriptions, note the evidence behind your rating, then look at the profile and plan what to do next." }</p>
            <p class="mm-privacy">{ "Your answers stay in this browser. Nothing is sent anywhere, and there is no account: to keep a copy or share it, download it." }</p>
            <div class="mm-actions">
                <button type="button" class="mm-button" onclick={start}>{ label }</button>
            </div>
            if !hint.is_empty() { <p class="mm-hint">{ hint }</p> }
            <DetailsForm response={props.response.clone()} uid={props.uid.clone()} on_action={props.on_action.clone()} />
            if props.library {
                <AssessmentLibrary instrument={props.instrument.clone()} response={props.response.clone()}
                    uid={props.uid.clone()} shelf={props.shelf.clone()} slot={props.slot}
                    on_action={props.on_action.clone()} on_open={props.on_open.clone()} />
            }
        </div>
    }
}
