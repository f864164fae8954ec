//! One open assessment: its state, the navigation and the view shown.

use super::assess::AssessView;
use super::board::BoardView;
use super::common::{SaveNotice, ViewNav};
use super::paper::PaperView;
use super::plan::PlanView;
use super::results::ResultsView;
use super::start::StartView;
use super::workspace::Opening;
use crate::hooks::{use_assessment, use_focus_on_change};
use crate::platform::files::{export_response, Format};
use crate::platform::storage::Loaded;
use crate::state::context::{use_library, use_widget, SessionContext};
use crate::state::{LibraryAction, Pace, Place, View};
use maturity_core::Response;
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
    pub on_open: Callback<Place>,
    /// Told where the person is, to remember it.
    pub on_place: Callback<Place>,
    /// Answers owned by the host page: start from them and never use browser storage.
    pub host_response: Option<Rc<Response>>,
    /// Told the answers on opening and after every change.
    pub on_response: Callback<(Rc<Response>, bool)>,
}

/// Owns the open assessment while it is open; every score shown comes from the core. Its
/// changes go to the library, whose effect saves them.
#[component]
pub fn Session(props: &SessionProps) -> Html {
    let widget = use_widget();
    let library = use_library();
    let slot = props.opening.place.slot;
    let (state, session) = {
        let instrument = widget.instrument.clone();
        let initial = props
            .host_response
            .clone()
            .or_else(|| library.library.readable(slot).cloned());
        use_assessment(instrument.clone(), move || {
            initial.unwrap_or_else(|| Rc::new(Response::new(&instrument)))
        })
    };
    // Whether this session has changed anything: until then there is no save to report.
    let changed_here = use_mut_ref(|| false);
    {
        let (on_response, opened) = (props.on_response.clone(), use_mut_ref(|| false));
        let (library, stored, typing) = (library.library.clone(), widget.stored, state.typing);
        let changed_here = changed_here.clone();
        use_effect_with(state.response.clone(), move |response| {
            // The host hears the answers once on opening, then after each change.
            let changed = std::mem::replace(&mut *opened.borrow_mut(), true);
            on_response.emit((response.clone(), changed));
            // An untouched fresh assessment, or the copy just restored, has nothing new.
            let new = !response.updated.is_empty() && library.readable(slot) != Some(response);
            if stored && new {
                *changed_here.borrow_mut() = true;
                library.dispatch(LibraryAction::Put {
                    slot,
                    response: response.clone(),
                    pace: if typing { Pace::AfterTyping } else { Pace::Now },
                });
            }
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
    let report = &session.report;
    // Announced politely after every change: that it was kept, and the score it moved.
    let changed_score = state.last_item.as_deref().and_then(|item| {
        let index = instrument
            .components
            .iter()
            .position(|c| c.items.iter().any(|i| i.id == item))?;
        let score = report.components[index]
            .score
            .map_or_else(|| "not yet scored".to_owned(), |s| s.to_string());
        Some(format!("{}: {score}.", instrument.components[index].title))
    });
    // "Saved" only once the latest change is in storage: while typing waits for a pause the
    // line is empty, so it never claims more than is true. A failure to save anything, in
    // any slot, is reported.
    let edited = *changed_here.borrow();
    let save_result = library
        .last_save
        .as_ref()
        .and_then(|save| match &save.result {
            Err(error) => Some(Err(error.clone())),
            Ok(updated) if edited && save.slot == slot && *updated == session.response.updated => {
                Some(Ok(updated.clone()))
            }
            Ok(_) => None,
        });
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
        View::Paper => html! { <PaperView /> },
        View::Board => html! { <BoardView {slot} on_open={props.on_open.clone()} /> },
    };
    let export_json = {
        let (instrument, response) = (instrument.clone(), session.response.clone());
        Callback::from(move |_: MouseEvent| {
            export_response(&instrument, &response, Format::Json);
        })
    };
    html! {
        <ContextProvider<SessionContext> context={session.clone()}>
        <article class={classes!("mm-assessment", format!("mm-assessment--{}", place.view.name()))}
            aria-labelledby={format!("{}-title", widget.uid)} data-view={place.view.name()}>
            <h2 class="mm-title" id={format!("{}-title", widget.uid)}>{ &instrument.title }</h2>
            <ViewNav current={place.view} on_select={go} />
            <SaveNotice loaded={props.loaded.clone()} {save_result} {edited}
                changed={changed_score} on_export={export_json} />
            <h3 class="mm-view-title" tabindex="-1" ref={heading}>{ place.view.heading() }</h3>
            { body }
            if !instrument.source.is_empty() {
                <p class="mm-source">{ &instrument.source }</p>
            }
        </article>
        </ContextProvider<SessionContext>>
    }
}
