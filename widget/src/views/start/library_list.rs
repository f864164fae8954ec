//! The saved assessments of this instrument: open, rename, duplicate, delete, start, import.

use super::aside_copies::aside_copies;
use crate::platform::clock::{now, today};
use crate::state::context::{use_library, use_session, use_widget};
use crate::state::{Action, Detail, LibraryAction, Open, Place, Record, Saved, View};
use crate::views::common::{titled_section, ErrorView, ImportButton};
use maturity_core::{Error, Fitted, Response, SetAside};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props for [`LibraryList`].
#[derive(Properties, PartialEq)]
pub struct LibraryListProps {
    /// The open assessment's slot.
    pub slot: u32,
    /// Opens another assessment.
    pub on_open: Callback<Open>,
}

/// What the person is in the middle of doing to one entry.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    Nothing,
    Renaming(u32),
    ConfirmingDelete(u32),
}

/// A list of the saved assessments, the open one first, each with its actions. Deleting asks
/// for confirmation in place; nothing is removed by a single press.
#[component]
pub fn LibraryList(props: &LibraryListProps) -> Html {
    let (widget, session, library) = (use_widget(), use_session(), use_library());
    let pending = use_state(|| Pending::Nothing);
    let notice = use_state(String::new);
    let import_error = use_state(|| None::<Rc<Error>>);
    let current = props.slot;
    // The open assessment is listed first; it may not be saved yet.
    let open = library
        .library
        .record(current)
        .cloned()
        .unwrap_or_else(|| Rc::new(Record::unsaved(session.response.clone(), Vec::new())));
    let mut entries: Vec<(u32, Saved)> = vec![(current, Saved::Readable(open))];
    entries.extend(
        library
            .library
            .saved
            .iter()
            .filter(|(slot, _)| *slot != current)
            .cloned(),
    );
    let put = {
        let library = library.library.clone();
        move |slot: u32, response: Response, set_aside: Vec<SetAside>| {
            library.dispatch(LibraryAction::Put {
                slot,
                fitted: Rc::new(Fitted {
                    response,
                    set_aside,
                }),
            })
        }
    };
    let remaining: Vec<u32> = entries.iter().map(|(slot, _)| *slot).collect();

    let rows = entries.iter().map(|(slot, saved)| {
        let slot = *slot;
        let is_open = slot == current;
        let row_id = format!("{}-saved-{slot}", widget.uid);
        let (name, about) = match saved {
            Saved::Readable(record) => {
                let response = &record.current;
                let when = match response.updated.as_str() {
                    "" => "not yet".to_owned(),
                    updated => maturity_core::date_in_words(updated),
                };
                let kept = set_aside_note(record.set_aside.len());
                (response.display_name(slot), format!("{} of {} answered · last changed {when}{kept}", response.answered_count(), widget.instrument.item_count()))
            }
            Saved::Unreadable(reason) => (format!("Saved assessment {slot}"), format!("Could not be read ({reason}); it is left untouched.")),
        };
        let unreadable = matches!(saved, Saved::Unreadable(_));
        let readable = match saved {
            Saved::Readable(record) => Some((record.current.clone(), record.set_aside.clone())),
            Saved::Unreadable(_) => None,
        };
        let cancel = { let pending = pending.clone(); Callback::from(move |_: MouseEvent| pending.set(Pending::Nothing)) };
        let actions = match &*pending {
            Pending::Renaming(s) if *s == slot => {
                let input_id = format!("{row_id}-name");
                let input = NodeRef::default();
                let on_submit = {
                    let (input, on_action, pending, put) = (input.clone(), session.on_action.clone(), pending.clone(), put.clone());
                    let readable = readable.clone();
                    Callback::from(move |event: SubmitEvent| {
                        event.prevent_default();
                        let Some(field) = input.cast::<HtmlInputElement>() else { return };
                        let title = field.value();
                        if is_open {
                            on_action.emit(Action::Detail { field: Detail::Title, text: title });
                        } else if let Some((response, set_aside)) = &readable {
                            put(slot, Response { title, ..(**response).clone() }, (**set_aside).clone());
                        }
                        pending.set(Pending::Nothing);
                    })
                };
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
                    let (library, on_open, pending) = (library.library.clone(), props.on_open.clone(), pending.clone());
                    let next = remaining.iter().copied().find(|&s| s != slot);
                    Callback::from(move |_: MouseEvent| {
                        library.dispatch(LibraryAction::Remove(slot));
                        pending.set(Pending::Nothing);
                        if is_open {
                            // Another saved assessment takes its place, or a fresh one.
                            let next = next.unwrap_or_else(|| library.free_slot(slot));
                            on_open.emit(Place::at(next, View::Start).into());
                        }
                    })
                };
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
                let duplicate = readable.as_ref().map(|(response, set_aside)| {
                    let (library, notice, put, pending) = (library.library.clone(), notice.clone(), put.clone(), pending.clone());
                    let (response, set_aside, name) = (response.clone(), set_aside.clone(), name.clone());
                    Callback::from(move |_: MouseEvent| {
                        let copy = response.copy_for_next_time(format!("Copy of {name}"), &now(), &today());
                        notice.set(format!("Saved a copy called \u{201c}{}\u{201d}.", copy.title));
                        put(library.free_slot(current), copy, (*set_aside).clone());
                        pending.set(Pending::Nothing);
                    })
                });
                let hidden = html! { <span class="mm-visually-hidden">{ format!(" {name}") }</span> };
                html! {
                    <div class="mm-actions">
                        if !is_open {
                            <button type="button" class="mm-button mm-button--secondary" onclick={props.on_open.reform(move |_: MouseEvent| Place::at(slot, View::Assess).into())}>{ "Open" }{ hidden.clone() }</button>
                        }
                        <button type="button" class="mm-button mm-button--secondary" onclick={set(Pending::Renaming(slot))}>{ "Rename" }{ hidden.clone() }</button>
                        if let Some(duplicate) = duplicate.filter(|_| !unreadable) {
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
        let (library, on_open) = (library.library.clone(), props.on_open.clone());
        Callback::from(move |_: MouseEvent| {
            on_open.emit(Place::at(library.free_slot(current), View::Start).into())
        })
    };
    let on_import = {
        let (instrument, on_open, library, put) = (
            widget.instrument.clone(),
            props.on_open.clone(),
            library.library.clone(),
            put.clone(),
        );
        let import_error = import_error.clone();
        Callback::from(move |files: Vec<(String, Result<String, Error>)>| {
            let Some((file_name, text)) = files.into_iter().next() else {
                return;
            };
            match text
                .and_then(|text| Response::from_json(&text))
                .and_then(|response| response.import(&instrument))
            {
                Ok(Fitted {
                    mut response,
                    set_aside,
                }) => {
                    if response.title.trim().is_empty() {
                        response.title = file_name.trim_end_matches(".json").to_owned();
                    }
                    let slot = library.free_slot(current);
                    put(slot, response, set_aside);
                    import_error.set(None);
                    let said = format!("Imported \u{201c}{file_name}\u{201d} as a new assessment.");
                    on_open.emit(Open::saying(Place::at(slot, View::Results), said));
                }
                Err(error) => import_error.set(Some(Rc::new(error))),
            }
        })
    };
    let heading_id = widget.id("library");
    html! {
        { titled_section(&widget, 2, "mm-library", &heading_id, "Your saved assessments", html! { <>
            <p class="mm-hint">{ "Each assessment is kept separately in this browser. Import a file someone has downloaded to look at it here." }</p>
            <ul class="mm-library__list">{ for rows }</ul>
            <div class="mm-actions">
                <button type="button" class="mm-button mm-button--secondary" onclick={start_new}>{ "Start a new assessment" }</button>
                <ImportButton on_files={on_import} />
            </div>
            <p class="mm-library__notice" role="status">{ (*notice).clone() }</p>
            if let Some(error) = &*import_error {
                <ErrorView summary="That file could not be imported" error={error.clone()} />
            }
            { aside_copies(&widget, &library) }
        </> }) }
    }
}

/// What a saved assessment keeps aside, after its other details: " · 2 answers no longer fit
/// the matrix", nothing when it keeps nothing aside.
fn set_aside_note(count: usize) -> String {
    match count {
        0 => String::new(),
        1 => " · 1 answer no longer fits the matrix".to_owned(),
        n => format!(" · {n} answers no longer fit the matrix"),
    }
}

#[cfg(test)]
mod tests {
    use super::set_aside_note;

    #[test]
    fn answers_set_aside_are_counted_in_words() {
        assert_eq!(set_aside_note(0), "");
        assert_eq!(set_aside_note(1), " · 1 answer no longer fits the matrix");
        assert_eq!(set_aside_note(3), " · 3 answers no longer fit the matrix");
    }
}
