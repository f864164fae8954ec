//! One open assessment: its state, saving, the navigation and the view shown.

use super::workspace::Opening;
use super::{
    AssessView, BoardView, PaperView, PlanView, ResultsView, SaveNotice, StartView, ViewNav,
};
use crate::download::download;
use crate::state::{Action, Assessment, Readonly, Timed, View};
use crate::storage::{Loaded, Place, SaveError, Shelf};
use maturity_core::{response_csv, score, Instrument, Response};
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Props for [`Session`].
#[derive(Properties, PartialEq)]
pub struct SessionProps {
    /// The instrument to rate against.
    pub instrument: Rc<Instrument>,
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// Where this widget's assessments are saved.
    pub shelf: Rc<Shelf>,
    /// Which assessment, and where in it to start.
    pub opening: Opening,
    /// Opens another assessment.
    pub on_open: Callback<Place>,
    /// Shows the answers without letting them be changed.
    pub readonly: bool,
    /// Answers owned by the host page: start from them and never use browser storage.
    pub host_response: Option<Rc<Response>>,
    /// Told the answers on opening and after every change.
    pub on_response: Callback<(Rc<Response>, bool)>,
}

/// The current time as an RFC 3339 timestamp.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Downloads the response as JSON (lossless, versioned) or CSV.
pub fn export(instrument: &Instrument, response: &Response, csv: bool) {
    let stem = if response.title.trim().is_empty() {
        instrument.id.clone()
    } else {
        response
            .title
            .trim()
            .replace(|c: char| !c.is_alphanumeric() && c != '-', "-")
    };
    if csv {
        download(
            &format!("{stem}.csv"),
            "text/csv",
            &response_csv(instrument, response),
        );
    } else {
        download(
            &format!("{stem}.json"),
            "application/json",
            &response.to_json(),
        );
    }
}

/// Owns the open assessment; every score shown comes from the core.
#[component]
pub fn Session(props: &SessionProps) -> Html {
    let slot = props.opening.place.slot;
    // Browser storage is used only when the answers are the widget's own to keep. Saved
    // answers are read before the first render, so the first save can never replace them
    // with an empty assessment.
    let stored = props.host_response.is_none() && !props.readonly;
    let loaded = {
        let (instrument, shelf) = (props.instrument.clone(), props.shelf.clone());
        use_memo((), move |()| {
            if stored {
                shelf.load(&instrument, slot)
            } else {
                Loaded::Nothing
            }
        })
    };
    let state = {
        let (instrument, loaded, host) = (
            props.instrument.clone(),
            loaded.clone(),
            props.host_response.clone(),
        );
        use_reducer(move || {
            let response = match (host, &*loaded) {
                (Some(response), _) => (*response).clone(),
                (None, Loaded::Restored(response)) => response.clone(),
                (None, _) => Response::new(&instrument),
            };
            Assessment::new(instrument, response)
        })
    };
    let save_result = use_state(|| None::<Result<String, SaveError>>);
    {
        let (shelf, save_result, loaded) =
            (props.shelf.clone(), save_result.clone(), loaded.clone());
        let (on_response, opened) = (props.on_response.clone(), use_mut_ref(|| false));
        use_effect_with(state.response.clone(), move |response| {
            // The host hears the answers once on opening, then after each change.
            let changed = std::mem::replace(&mut *opened.borrow_mut(), true);
            on_response.emit((response.clone(), changed));
            if !stored {
                return;
            }
            // An untouched fresh assessment, or the copy just restored, has nothing new to save.
            let just_restored = matches!(&*loaded, Loaded::Restored(saved) if saved == &**response);
            if !response.updated.is_empty() && !just_restored {
                // An unreadable record that could not be moved aside still sits at the key:
                // saving would destroy it, so the answers stay in memory instead.
                let blocked = matches!(&*loaded, Loaded::Unreadable { aside_key, .. } if aside_key.is_empty());
                let saved = if blocked {
                    Err(SaveError::WouldOverwrite)
                } else {
                    shelf
                        .save(slot, response)
                        .map(|()| response.updated.clone())
                };
                save_result.set(Some(saved));
            }
        });
    }
    let place = use_state(|| props.opening.place);
    {
        let shelf = props.shelf.clone();
        use_effect_with(*place, move |place| {
            if stored {
                shelf.set_place(*place);
            }
        });
    }
    // Moving to another view puts focus on its heading, so keyboard and screen reader users
    // land at the start of what changed; on page load focus is left where the browser put it.
    let heading = use_node_ref();
    let focus_next = use_mut_ref(|| props.opening.focus);
    {
        let (heading, focus_next) = (heading.clone(), focus_next.clone());
        use_effect_with(place.view, move |_| {
            if std::mem::replace(&mut *focus_next.borrow_mut(), true) {
                if let Some(heading) = heading.cast::<HtmlElement>() {
                    let _ = heading.focus();
                }
            }
        });
    }
    let go = {
        let place = place.clone();
        Callback::from(move |view: View| place.set(Place { view, ..*place }))
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
    // One callback for the whole session, so items whose answers did not change are not
    // re-rendered on every click (props compare callbacks by identity).
    let on_action = use_callback(state.dispatcher(), |action: Action, dispatcher| {
        dispatcher.dispatch(Timed { action, at: now() });
    });
    let instrument = &state.instrument;
    let response = &state.response;
    let report = Rc::new(score(instrument, response));
    let on_export = {
        let (instrument, response) = (instrument.clone(), response.clone());
        Callback::from(move |csv: bool| export(&instrument, &response, csv))
    };
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
    let body = match place.view {
        View::Start => html! {
            <StartView instrument={instrument.clone()} response={response.clone()} report={report.clone()}
                uid={props.uid.clone()} shelf={props.shelf.clone()} slot={slot} library={stored}
                on_action={on_action.clone()} on_open={props.on_open.clone()} on_view={go.clone()} />
        },
        View::Assess => html! {
            <AssessView instrument={instrument.clone()} response={response.clone()} report={report.clone()}
                uid={props.uid.clone()} component={place.component.min(instrument.components.len() - 1)}
                on_action={on_action.clone()} {on_component} on_view={go.clone()} />
        },
        View::Results => html! {
            <ResultsView instrument={instrument.clone()} report={report.clone()} uid={props.uid.clone()}
                on_export={on_export.clone()} response={response.clone()} slot={slot}
                shelf={stored.then(|| props.shelf.clone())} />
        },
        View::Plan => html! {
            <PlanView instrument={instrument.clone()} response={response.clone()} uid={props.uid.clone()}
                on_action={on_action.clone()} on_export={on_export.clone()} />
        },
        View::Paper => html! {
            <PaperView instrument={instrument.clone()} response={response.clone()} report={report.clone()}
                uid={props.uid.clone()} />
        },
        View::Board => html! {
            <BoardView instrument={instrument.clone()} uid={props.uid.clone()} shelf={props.shelf.clone()}
                slot={slot} on_open={props.on_open.clone()} />
        },
    };
    let export_json = on_export.reform(|_: MouseEvent| false);
    html! {
        <ContextProvider<Readonly> context={Readonly(props.readonly)}>
        <article class={classes!("mm-assessment", format!("mm-assessment--{}", place.view.name()))}
            aria-labelledby={format!("{}-title", props.uid)} data-view={place.view.name()}>
            <h2 class="mm-title" id={format!("{}-title", props.uid)}>{ &instrument.title }</h2>
            <ViewNav current={place.view} on_select={go} />
            <SaveNotice loaded={(*loaded).clone()} save_result={(*save_result).clone()}
                changed={changed_score} on_export={export_json} />
            <h3 class="mm-view-title" tabindex="-1" ref={heading}>{ place.view.heading() }</h3>
            { body }
            if !instrument.source.is_empty() {
                <p class="mm-source">{ &instrument.source }</p>
            }
        </article>
        </ContextProvider<Readonly>>
    }
}
