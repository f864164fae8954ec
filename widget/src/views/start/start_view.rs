//! The start: what the assessment is for, where answers live, its details, and the shelf.

use super::details_form::DetailsForm;
use super::library_list::LibraryList;
use super::set_aside_answers::set_aside_answers;
use crate::state::context::{use_library, use_session, use_widget};
use crate::state::{Open, View};
use yew::prelude::*;

/// Props for [`StartView`].
#[derive(Properties, PartialEq)]
pub struct StartViewProps {
    /// The open assessment's slot.
    pub slot: u32,
    /// Opens another assessment.
    pub on_open: Callback<Open>,
    /// Moves to another view.
    pub on_view: Callback<View>,
}

/// Purpose first, because a maturity matrix invites scoring to look good: this one is for an
/// honest discussion and an action plan.
#[component]
pub fn StartView(props: &StartViewProps) -> Html {
    let (widget, session, library) = (use_widget(), use_session(), use_library());
    let counts = session.report.counts;
    let answered = counts.total - counts.unanswered;
    let (label, hint) = if answered == 0 {
        ("Start rating", String::new())
    } else {
        (
            "Continue rating",
            format!(
                "{} so far.",
                maturity_core::answered_words(answered, counts.total)
            ),
        )
    };
    let start = props.on_view.reform(|_: MouseEvent| View::Assess);
    html! {
        <div class="mm-start">
            <p>{ "This self-assessment is for your own reflection: to start an honest discussion and agree an action plan, not to produce a score for a league table. Rate each item against the level descriptions, note the evidence behind your rating, then look at the profile and plan what to do next." }</p>
            <p class="mm-privacy">{ "Your answers stay in this browser. Nothing is sent anywhere, and there is no account: to keep a copy or share it, download it." }</p>
            // Boards ask first whether this is NHS England's own matrix: say where the wording
            // comes from where they start, not only in the small print.
            if !widget.instrument.source.is_empty() {
                <section class="mm-about" aria-labelledby={widget.id("about")}>
                    <@{widget.h(2)} id={widget.id("about")}>{ "About this matrix" }</@>
                    <p>{ &widget.instrument.source }</p>
                    <p>{ "An organisation can enter its own copy of a matrix, NHS England's published wording included, with the authoring page that comes with this tool, and load it in place of this one." }</p>
                </section>
            }
            { set_aside_answers(&widget, &session, &library) }
            // The assessment's details come first: its name is what it is listed and saved by.
            <DetailsForm />
            <div class="mm-actions">
                <button type="button" class="mm-button" onclick={start}>{ label }</button>
            </div>
            if !hint.is_empty() { <p class="mm-hint">{ hint }</p> }
            if widget.stored {
                <LibraryList slot={props.slot} on_open={props.on_open.clone()} />
            }
        </div>
    }
}
