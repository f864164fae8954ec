//! One open assessment: its answers (kept in the library, which saves them), the navigation
//! and the view shown.

use super::assess::AssessView;
#[cfg(feature = "board")]
use super::board::BoardView;
use super::common::{SaveNotice, ViewNav};
#[cfg(feature = "board")]
use super::facilitate::FacilitateView;
use super::paper::PaperView;
use super::plan::PlanView;
#[cfg(feature = "board")]
use super::progress::ProgressView;
use super::results::ResultsView;
use super::start::StartView;
#[cfg(feature = "board")]
use super::system::SystemView;
use crate::hooks::use_focus_on_change;
use crate::platform::clock::now;
use crate::platform::storage::Loaded;
use crate::state::context::{use_board, use_library, use_widget, SessionContext};
use crate::state::{Action, Answers, LibraryAction, Open, Opening, Place, Timed, View};
use maturity_core::{score, Response};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`Session`].
#[derive(Properties, PartialEq)]
pub struct SessionProps {
    /// Which assessment, and where in it to start.
    pub opening: Opening,
    /// What was found where the assessment is saved.
    pub loaded: Loaded,
    /// Opens another assessment.
    pub on_open: Callback<Open>,
    /// Told where the person is, to remember it.
    pub on_place: Callback<Place>,
    /// Told the answers on opening and after every change.
    pub on_response: Callback<Answers>,
    /// Told, in the rater's build, that the person needs a board screen (with the view to
    /// open): the element loads the board build and remounts on the same place.
    #[prop_or_default]
    pub on_board_needed: Callback<View>,
}

/// The open assessment, its navigation and its views; every score shown comes from the core.
#[component]
pub fn Session(props: &SessionProps) -> Html {
    let widget = use_widget();
    let library = use_library();
    let slot = props.opening.place.slot;
    let fresh = {
        let instrument = widget.instrument.clone();
        use_memo((), move |()| Rc::new(Response::new(&instrument)))
    };
    let record = library.library.record(slot).cloned();
    let response = record
        .as_ref()
        .map_or_else(|| (*fresh).clone(), |record| record.current.clone());
    let report = {
        let instrument = widget.instrument.clone();
        use_memo(response.clone(), move |response| {
            score(&instrument, response)
        })
    };
    // One callback for the whole session, so items whose answers did not change are not
    // re-rendered on every click (props compare callbacks by identity).
    let on_action = use_callback(
        (library.library.dispatcher(), slot),
        |action: Action, (dispatcher, slot)| {
            dispatcher.dispatch(LibraryAction::Edit {
                slot: *slot,
                timed: Timed { action, at: now() },
            });
        },
    );
    // Answers set aside after a revision of the matrix leave the tool with the rest.
    let whole = {
        let response = response.clone();
        use_memo(record.clone(), move |record| match record {
            Some(record) if !record.set_aside.is_empty() => Rc::new(record.whole()),
            _ => response,
        })
    };
    let whole: Rc<Response> = (*whole).clone();
    let session = SessionContext {
        slot: Some(slot),
        response: response.clone(),
        whole: whole.clone(),
        report: report.clone(),
        on_action,
    };
    {
        // The host hears the answers once on opening, then after each change.
        let (on_response, opened) = (props.on_response.clone(), use_mut_ref(|| false));
        use_effect_with((whole, report.clone()), move |(whole, report)| {
            let changed = std::mem::replace(&mut *opened.borrow_mut(), true);
            on_response.emit((whole.clone(), report.clone(), changed));
        });
    }
    let place = use_state(|| props.opening.place);
    {
        let on_place = props.on_place.clone();
        use_effect_with(*place, move |place| on_place.emit(*place));
    }
    let heading = use_focus_on_change(place.view, props.opening.focus);
    let go = {
        let (place, flush) = (place.clone(), library.flush.clone());
        Callback::from(move |view: View| {
            flush.emit(());
            place.set(Place { view, ..*place });
        })
    };
    let on_component = {
        let place = place.clone();
        Callback::from(move |component: usize| {
            place.set(Place {
                component,
                ..*place
            })
        })
    };
    let instrument = &widget.instrument;
    let turn = use_state(|| false);
    #[cfg(feature = "board")]
    let on_turn = {
        let turn = turn.clone();
        Callback::from(move |active: bool| turn.set(active))
    };
    // The board view's tab shows on a facilitator's device: where the host asked for it, where
    // it is the view open, or where a board has collected responses.
    let board = use_board();
    let board_tab = widget.board
        || matches!(place.view, View::Board | View::System)
        || !board.board.record.respondents.is_empty();
    // The rater's build has no board screens: when one is asked for, when a board starts
    // collecting responses on this device (in another tab, or from a shared link), or when a
    // second assessment is kept (comparing them over time is the board's year), or once progress
    // on the actions has been recorded (the board's year too), the element
    // loads the board build, which opens on this place from the same stored answers.
    #[cfg(not(feature = "board"))]
    {
        let needed = board_tab
            || place.view.needs_board_build()
            || library.library.others(slot).next().is_some()
            || response.progress_recorded();
        let (on_board_needed, view) = (props.on_board_needed.clone(), place.view);
        use_effect_with(needed, move |&needed| {
            if needed {
                on_board_needed.emit(view);
            }
        });
    }
    let body = match place.view {
        View::Start => html! {
            <StartView {slot} on_open={props.on_open.clone()} on_view={go.clone()} />
        },
        View::Assess => html! {
            <AssessView component={place.component.min(instrument.components.len() - 1)}
                {on_component} on_view={go.clone()} />
        },
        View::Results => html! { <ResultsView {slot} /> },
        View::Plan => html! { <PlanView /> },
        #[cfg(feature = "board")]
        View::Progress => html! { <ProgressView /> },
        View::Paper => html! { <PaperView /> },
        #[cfg(feature = "board")]
        View::Board => {
            html! { <BoardView {slot} on_open={props.on_open.clone()} on_turn={on_turn} /> }
        }
        #[cfg(feature = "board")]
        View::Facilitate => html! {
            <FacilitateView {slot} on_open={props.on_open.clone()} on_view={go.clone()} />
        },
        #[cfg(feature = "board")]
        View::System => html! { <SystemView /> },
        // Not in the rater's build: the element is loading the board build (see above).
        #[cfg(not(feature = "board"))]
        View::Progress | View::Board | View::Facilitate | View::System => Html::default(),
    };
    html! {
        <ContextProvider<SessionContext> context={session}>
        <article class={classes!("mm-assessment", format!("mm-assessment--{}", place.view.name()))}
            aria-labelledby={widget.id("title")} data-view={place.view.name()}>
            <@{widget.h(0)} class={classes!("mm-title", (!widget.show_title).then_some("mm-visually-hidden"))}
                id={widget.id("title")}>{ &instrument.title }</@>
            // While someone rates in turn on a shared device, nothing else is within reach:
            // not the other views, not the facilitator's view of everyone's ratings.
            if !*turn {
                <ViewNav current={place.view} on_select={go} board={board_tab} />
            }
            <SaveNotice loaded={props.loaded.clone()} {slot} view={place.view}
                message={props.opening.message.as_deref().map(|m| AttrValue::from(m.to_owned()))} />
            <@{widget.h(1)} class="mm-view-title" tabindex="-1" ref={heading}>{ place.view.heading() }</@>
            { body }
            // The start view says this in full, under its own heading.
            if !instrument.source.is_empty() && place.view != View::Start {
                <p class="mm-source">{ &instrument.source }</p>
            }
        </article>
        </ContextProvider<SessionContext>>
    }
}
