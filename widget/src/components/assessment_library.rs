//! The saved assessments of this instrument: open, rename, duplicate, delete, start, import.

use super::session::now;
use super::{ErrorView, ImportButton};
use crate::state::{Action, Detail, View};
use crate::storage::{Place, Shelf};
use maturity_core::{Error, Instrument, Response};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props for [`AssessmentLibrary`].
#[derive(Properties, PartialEq)]
pub struct AssessmentLibraryProps {
    /// The instrument.
    pub instrument: Rc<Instrument>,
    /// The open assessment, fresher than its saved copy.
    pub response: Rc<Response>,
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// Where assessments are saved.
    pub shelf: Rc<Shelf>,
    /// The open assessment's slot.
    pub slot: u32,
    /// Changes the open assessment (renaming it).
    pub on_action: Callback<Action>,
    /// Opens another assessment.
    pub on_open: Callback<Place>,
}

/// What the person is in the middle of doing to one entry.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    Nothing,
    Renaming(u32),
    ConfirmingDelete(u32),
}

/// The name shown for an assessment.
pub fn display_name(response: &Response, slot: u32) -> String {
    if response.title.trim().is_empty() {
        format!("Untitled assessment {slot}")
    } else {
        response.title.trim().to_owned()
    }
}

/// A list of the saved assessments, the open one first among equals, each with its actions.
/// Deleting asks for confirmation in place; nothing is removed by a single press.
#[component]
pub fn AssessmentLibrary(props: &AssessmentLibraryProps) -> Html {
    let pending = use_state(|| Pending::Nothing);
    // Changes made here go straight to storage; bumping this counter re-renders the component,
    // which reads the list again.
    let revision = use_state(|| 0_u32);
    let notice = use_state(String::new);
    let import_error = use_state(|| None::<Rc<Error>>);
    let mut saved = props.shelf.list(&props.instrument);
    // The open assessment is listed from memory: it may be unsaved, or newer than its copy.
    saved.retain(|s| s.slot != props.slot);
    saved.insert(
        0,
        crate::storage::Saved {
            slot: props.slot,
            response: Ok((*props.response).clone()),
        },
    );

    let open = |slot: u32, view: View| Place {
        slot,
        view,
        component: 0,
    };
    let refresh = {
        let (revision, pending) = (revision.clone(), pending.clone());
        move || {
            pending.set(Pending::Nothing);
            revision.set(*revision + 1);
        }
    };
    let stored_or_open = {
        let (shelf, instrument, response, current) = (
            props.shelf.clone(),
            props.instrument.clone(),
            props.response.clone(),
            props.slot,
        );
        move |slot: u32| -> Option<Response> {
            if slot == current {
                return Some((*response).clone());
            }
            match shelf.load(&instrument, slot) {
                crate::storage::Loaded::Restored(response) => Some(response),
                _ => None,
            }
        }
    };

    let rows = saved.iter().map(|entry| {
        let slot = entry.slot;
        let is_open = slot == props.slot;
        let row_id = format!("{}-saved-{slot}", props.uid);
        let (name, about) = match &entry.response {
            Ok(response) => {
                let answered = response.answers.values().filter(|a| a.level.is_some() || a.special.is_some()).count();
                let when = response.updated.get(..10).unwrap_or("not yet");
                (display_name(response, slot), format!("{answered} of {} answered · last changed {when}", props.instrument.item_count()))
            }
            Err(reason) => (format!("Saved assessment {slot}"), format!("Could not be read: {reason}")),
        };
        let actions = match &*pending {
            Pending::Renaming(s) if *s == slot => {
                let input_id = format!("{row_id}-name");
                let input = NodeRef::default();
                let on_submit = {
                    let (input, on_action, shelf) = (input.clone(), props.on_action.clone(), props.shelf.clone());
                    let (stored_or_open, refresh) = (stored_or_open.clone(), refresh.clone());
                    Callback::from(move |event: SubmitEvent| {
                        event.prevent_default();
                        let Some(field) = input.cast::<HtmlInputElement>() else { return };
                        let title = field.value();
                        if is_open {
                            on_action.emit(Action::Detail { field: Detail::Title, text: title });
                        } else if let Some(mut response) = stored_or_open(slot) {
                            response.title = title;
                            let _ = shelf.save(slot, &response);
                        }
                        refresh();
                    })
                };
                let cancel = { let pending = pending.clone(); Callback::from(move |_: MouseEvent| pending.set(Pending::Nothing)) };
                html! {
                    <form class="mm-inline-form" onsubmit={on_submit}>
                        <label class="mm-field__label" for={input_id.clone()}>{ format!("New name for {name}") }</label>
                        <input class="mm-input" type="text" id={input_id} ref={input} value={name.clone()} autofocus=true />
                        <div class="mm-actions">
                            <button type="submit" class="mm-button">{ "Save name" }</button>
                            <button type="button" class="mm-button mm-button--secondary" onclick={cancel}>{ "Cancel" }</button>
                        </div>
                    </form>
                }
            }
            Pending::ConfirmingDelete(s) if *s == slot => {
                let confirm = {
                    let (shelf, on_open, refresh) = (props.shelf.clone(), props.on_open.clone(), refresh.clone());
                    let remaining: Vec<u32> = saved.iter().map(|s| s.slot).filter(|&s| s != slot).collect();
                    Callback::from(move |_: MouseEvent| {
                        shelf.remove(slot);
                        if is_open {
                            // Another saved assessment takes its place, or a fresh one.
                            let next = remaining.first().copied().unwrap_or_else(|| shelf.free_slot(slot));
                            on_open.emit(open(next, View::Start));
                        } else {
                            refresh();
                        }
                    })
                };
                let cancel = { let pending = pending.clone(); Callback::from(move |_: MouseEvent| pending.set(Pending::Nothing)) };
                html! {
                    <div class="mm-confirm" role="group" aria-labelledby={format!("{row_id}-confirm")}>
                        <p id={format!("{row_id}-confirm")}><strong>{ format!("Delete \u{201c}{name}\u{201d}?") }</strong>{ " This cannot be undone. Download it first if you may need it." }</p>
                        <div class="mm-actions">
                            <button type="button" class="mm-button mm-button--warning" onclick={confirm} autofocus=true>{ "Yes, delete it" }</button>
                            <button type="button" class="mm-button mm-button--secondary" onclick={cancel}>{ "Cancel" }</button>
                        </div>
                    </div>
                }
            }
            _ => {
                let set = |state: Pending| { let pending = pending.clone(); Callback::from(move |_: MouseEvent| pending.set(state.clone())) };
                let duplicate = {
                    let (shelf, notice, refresh) = (props.shelf.clone(), notice.clone(), refresh.clone());
                    let (stored_or_open, name) = (stored_or_open.clone(), name.clone());
                    Callback::from(move |_: MouseEvent| {
                        let Some(mut copy) = stored_or_open(slot) else { return };
                        copy.title = format!("Copy of {name}");
                        copy.created = now();
                        copy.updated = copy.created.clone();
                        let target = shelf.free_slot(slot);
                        notice.set(match shelf.save(target, &copy) {
                            Ok(()) => format!("Saved a copy called \u{201c}{}\u{201d}.", copy.title),
                            Err(_) => "The copy could not be saved: this browser is not letting the page store more.".to_owned(),
                        });
                        refresh();
                    })
                };
                let hidden = html! { <span class="mm-visually-hidden">{ format!(" {name}") }</span> };
                html! {
                    <div class="mm-actions">
                        if !is_open {
                            <button type="button" class="mm-button mm-button--secondary" onclick={props.on_open.reform(move |_: MouseEvent| open(slot, View::Assess))}>{ "Open" }{ hidden.clone() }</button>
                        }
                        <button type="button" class="mm-button mm-button--secondary" onclick={set(Pending::Renaming(slot))}>{ "Rename" }{ hidden.clone() }</button>
                        if entry.response.is_ok() {
                            <button type="button" class="mm-button mm-button--secondary" onclick={duplicate}>{ "Duplicate" }{ hidden.clone() }</button>
                        }
                        <button type="button" class="mm-button mm-button--secondary" onclick={set(Pending::ConfirmingDelete(slot))}>{ "Delete" }{ hidden }</button>
                    </div>
                }
            }
        };
        html! {
            <li class="mm-library__entry" key={slot} data-slot={slot.to_string()} aria-labelledby={row_id.clone()}>
                <p class="mm-library__name" id={row_id}>
                    { name.clone() }
                    if is_open { <span class="mm-tag">{ "Open now" }</span> }
                </p>
                <p class="mm-hint">{ about }</p>
                { actions }
            </li>
        }
    });

    let start_new = {
        let (shelf, on_open, current) = (props.shelf.clone(), props.on_open.clone(), props.slot);
        Callback::from(move |_: MouseEvent| {
            on_open.emit(open(shelf.free_slot(current), View::Start))
        })
    };
    let on_import = {
        let (shelf, instrument, on_open, current) = (
            props.shelf.clone(),
            props.instrument.clone(),
            props.on_open.clone(),
            props.slot,
        );
        let (import_error, notice) = (import_error.clone(), notice.clone());
        Callback::from(move |files: Vec<(String, String)>| {
            let Some((file_name, text)) = files.into_iter().next() else {
                return;
            };
            match Response::from_json_for(&text, &instrument) {
                Ok(mut response) => {
                    if response.title.trim().is_empty() {
                        response.title = file_name.trim_end_matches(".json").to_owned();
                    }
                    let slot = shelf.free_slot(current);
                    match shelf.save(slot, &response) {
                        Ok(()) => on_open.emit(open(slot, View::Results)),
                        Err(_) => notice.set(format!("\u{201c}{file_name}\u{201d} is valid, but this browser is not letting the page store it. Open the file again when storage is available.")),
                    }
                    import_error.set(None);
                }
                Err(error) => import_error.set(Some(Rc::new(error))),
            }
        })
    };
    let heading_id = format!("{}-library", props.uid);
    html! {
        <section class="mm-library" aria-labelledby={heading_id.clone()}>
            <h4 id={heading_id}>{ "Your saved assessments" }</h4>
            <p class="mm-hint">{ "Each assessment is kept separately in this browser. Import a file someone has downloaded to look at it here." }</p>
            <ul class="mm-library__list">{ for rows }</ul>
            <div class="mm-actions">
                <button type="button" class="mm-button mm-button--secondary" onclick={start_new}>{ "Start a new assessment" }</button>
                <ImportButton uid={props.uid.clone()} on_files={on_import} />
            </div>
            <p class="mm-library__notice" role="status">{ (*notice).clone() }</p>
            if let Some(error) = &*import_error {
                <ErrorView summary="That file could not be imported" error={error.clone()} />
            }
        </section>
    }
}
