//! Board mode: collect several people's ratings (files, share links, or turns on one device),
//! then, when the facilitator opens it, the board view of everyone's ratings.

use super::import_button::{files_of, read_files};
use super::session::now;
use super::{BoardDiscussion, ImportButton, RespondentTurn};
use crate::state::View;
use crate::storage::{Board, Loaded, Place, Shelf};
use maturity_core::{Instrument, Response};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props for [`BoardView`].
#[derive(Properties, PartialEq)]
pub struct BoardViewProps {
    /// The instrument.
    pub instrument: Rc<Instrument>,
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// Where the board and the assessments are saved.
    pub shelf: Rc<Shelf>,
    /// The open assessment's slot.
    pub slot: u32,
    /// Opens an assessment (the agreed record).
    pub on_open: Callback<Place>,
}

/// Where the board is in its work.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    /// Gathering ratings; nobody's answers are shown.
    Collect,
    /// One person rating on this device.
    Turn(String),
    /// The facilitator has opened everyone's ratings.
    Discuss,
}

/// The name a respondent is shown by when names are shown.
pub fn respondent_name(response: &Response, index: usize) -> String {
    [&response.respondent.name, &response.title]
        .into_iter()
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .map_or_else(|| format!("Respondent {}", index + 1), str::to_owned)
}

/// Reads files into the board, one by one: a file that cannot be used is named with why, and
/// never stops the others. Returns the messages for the rejected ones.
pub fn add_files(
    instrument: &Instrument,
    board: &mut Board,
    files: Vec<(String, String)>,
) -> Vec<String> {
    let mut rejected = Vec::new();
    for (name, text) in files {
        match Response::from_json_for(&text, instrument) {
            Ok(mut response) => {
                if board.respondents.contains(&response) {
                    rejected.push(format!("{name}: already added."));
                    continue;
                }
                if response.respondent.name.trim().is_empty() && response.title.trim().is_empty() {
                    response.respondent.name = name.trim_end_matches(".json").to_owned();
                }
                board.respondents.push(response);
            }
            Err(error) => {
                let shown: Vec<String> = error
                    .problems()
                    .iter()
                    .take(3)
                    .map(|p| {
                        if p.path.is_empty() {
                            p.message.clone()
                        } else {
                            format!("{}: {}", p.path, p.message)
                        }
                    })
                    .collect();
                let more = error.problems().len().saturating_sub(3);
                let tail = if more > 0 {
                    format!(" (and {more} more)")
                } else {
                    String::new()
                };
                rejected.push(format!("{name} was not added. {}{tail}", shown.join("; ")));
            }
        }
    }
    rejected
}

/// The board view. Individual answers stay hidden while collecting, so people rating in
/// turn on one device do not see each other's ratings.
#[component]
pub fn BoardView(props: &BoardViewProps) -> Html {
    let board = {
        let (shelf, instrument) = (props.shelf.clone(), props.instrument.clone());
        use_state(move || shelf.board(&instrument))
    };
    let stage = use_state(|| Stage::Collect);
    let messages = use_state(Vec::<String>::new);
    let storage_problem = use_state(|| false);
    let dragging = use_state(|| false);
    let name_ref = use_node_ref();
    // Back from a turn or from the board view, focus goes to the message that says what
    // happened (the button that was pressed is gone).
    let messages_ref = use_node_ref();
    {
        let (messages_ref, returned) = (messages_ref.clone(), use_mut_ref(|| false));
        use_effect_with(*stage == Stage::Collect, move |collecting| {
            if *collecting && std::mem::replace(&mut *returned.borrow_mut(), true) {
                if let Some(element) = messages_ref.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }

    // Every change to the board is saved at once.
    let change = {
        let (board, shelf, storage_problem) =
            (board.clone(), props.shelf.clone(), storage_problem.clone());
        Callback::from(move |next: Board| {
            storage_problem.set(shelf.set_board(&next).is_err());
            board.set(next);
        })
    };
    let add = {
        let (board, change, messages, instrument) = (
            board.clone(),
            change.clone(),
            messages.clone(),
            props.instrument.clone(),
        );
        Callback::from(move |files: Vec<(String, String)>| {
            let mut next = (*board).clone();
            let before = next.respondents.len();
            let mut said = add_files(&instrument, &mut next, files);
            let added = next.respondents.len() - before;
            said.insert(
                0,
                format!(
                    "{added} response{} added.",
                    if added == 1 { "" } else { "s" }
                ),
            );
            messages.set(said);
            change.emit(next);
        })
    };

    if let Stage::Turn(name) = &*stage {
        let on_finish = {
            let (board, change, stage, messages) = (
                board.clone(),
                change.clone(),
                stage.clone(),
                messages.clone(),
            );
            Callback::from(move |response: Response| {
                let mut next = (*board).clone();
                next.respondents.push(response);
                change.emit(next);
                messages.set(vec!["Thank you: those answers are kept apart. Hand the device to the next person, or to the facilitator.".to_owned()]);
                stage.set(Stage::Collect);
            })
        };
        let on_cancel = {
            let stage = stage.clone();
            Callback::from(move |()| stage.set(Stage::Collect))
        };
        return html! {
            <RespondentTurn instrument={props.instrument.clone()} uid={format!("{}-turn", props.uid)}
                name={name.clone()} {on_finish} {on_cancel} />
        };
    }

    let respondents = &board.respondents;
    if *stage == Stage::Discuss && !respondents.is_empty() {
        // The agreed record is read once, and only here where it is shown.
        let agreed =
            board
                .agreed
                .and_then(|slot| match props.shelf.load(&props.instrument, slot) {
                    Loaded::Restored(response) => Some(Rc::new(response)),
                    _ => None,
                });
        let agreed_exists = agreed.is_some();
        let on_back = {
            let stage = stage.clone();
            Callback::from(move |()| stage.set(Stage::Collect))
        };
        let on_agree = {
            let (board, change, shelf, on_open, current) = (
                board.clone(),
                change.clone(),
                props.shelf.clone(),
                props.on_open.clone(),
                props.slot,
            );
            Callback::from(move |mut draft: Response| {
                let mut next = (*board).clone();
                let slot = match next.agreed.filter(|_| agreed_exists) {
                    Some(slot) => slot,
                    None => {
                        let slot = shelf.free_slot(current);
                        draft.created = now();
                        draft.updated = draft.created.clone();
                        draft.title = format!("Agreed board view, {}", &draft.created[..10]);
                        if shelf.save(slot, &draft).is_err() {
                            return;
                        }
                        next.agreed = Some(slot);
                        change.emit(next);
                        slot
                    }
                };
                on_open.emit(Place {
                    slot,
                    view: View::Assess,
                    component: 0,
                });
            })
        };
        return html! {
            <BoardDiscussion instrument={props.instrument.clone()} uid={props.uid.clone()}
                respondents={Rc::new(respondents.clone())} {agreed} {on_back} {on_agree} />
        };
    }

    let rows = respondents.iter().enumerate().map(|(index, response)| {
        let answered = response.answers.values().filter(|a| a.level.is_some() || a.special.is_some()).count();
        let name = respondent_name(response, index);
        let remove = {
            let (board, change) = (board.clone(), change.clone());
            Callback::from(move |_: MouseEvent| {
                let mut next = (*board).clone();
                next.respondents.remove(index);
                change.emit(next);
            })
        };
        html! {
            <li class="mm-library__entry" key={index}>
                <p class="mm-library__name">{ name.clone() }</p>
                <p class="mm-hint">{ format!("{answered} of {} answered", props.instrument.item_count()) }</p>
                <button type="button" class="mm-button mm-button--secondary" onclick={remove}>
                    { "Remove" }<span class="mm-visually-hidden">{ format!(" {name}") }</span>
                </button>
            </li>
        }
    });
    let start_turn = {
        let (stage, name_ref, messages) = (stage.clone(), name_ref.clone(), messages.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(input) = name_ref.cast::<HtmlInputElement>() else {
                return;
            };
            let name = input.value().trim().to_owned();
            if name.is_empty() {
                messages.set(vec![
                    "Enter the name of the person about to rate.".to_owned()
                ]);
                return;
            }
            input.set_value("");
            stage.set(Stage::Turn(name));
        })
    };
    let open_board = {
        let stage = stage.clone();
        Callback::from(move |_: MouseEvent| stage.set(Stage::Discuss))
    };
    let drop_zone = {
        let (dragging_over, dragging_leave, dragging_drop) =
            (dragging.clone(), dragging.clone(), dragging.clone());
        let add_dropped = add.clone();
        let ondragover = Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging_over.set(true);
        });
        let ondragleave = Callback::from(move |_: DragEvent| dragging_leave.set(false));
        let ondrop = Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging_drop.set(false);
            let files = event
                .data_transfer()
                .and_then(|d| d.files())
                .map(|list| files_of(&list))
                .unwrap_or_default();
            let add = add_dropped.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let read = read_files(files).await;
                if !read.is_empty() {
                    add.emit(read);
                }
            });
        });
        html! {
            <div class={classes!("mm-drop", dragging.then_some("mm-drop--active"))} {ondragover} {ondragleave} {ondrop}>
                <p>{ "Choose the response files people sent you, or drop them here. Each file is checked on its own: one that cannot be used is named with the reason and the rest are kept." }</p>
                <ImportButton uid={format!("{}-board", props.uid)} multiple=true label="Add response files" on_files={add.clone()} />
            </div>
        }
    };
    let count = respondents.len();
    html! {
        <div class="mm-board">
            <p>{ "The strongest board self-assessments start with everyone rating privately, then discuss where they differ, then agree one profile. Gather everyone's ratings here; nobody's answers are shown until the facilitator opens the board view." }</p>
            { drop_zone }
            <div class="mm-board__messages" role="status" tabindex="-1" ref={messages_ref}>
                if !messages.is_empty() {
                    <ul class="mm-list">{ for messages.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul>
                }
            </div>
            if *storage_problem {
                <p class="mm-warning" role="alert">{ "This browser is not letting the page save the board, so it is kept in this page only. Keep the response files." }</p>
            }
            <form class="mm-inline-form" onsubmit={start_turn}>
                <label class="mm-field__label" for={format!("{}-turn-name", props.uid)}>{ "Or rate on this device, one person at a time: name of the next person" }</label>
                <input class="mm-input" type="text" id={format!("{}-turn-name", props.uid)} ref={name_ref} autocomplete="off" />
                <div class="mm-actions">
                    <button type="submit" class="mm-button mm-button--secondary">{ "Start their rating" }</button>
                </div>
            </form>
            <section aria-labelledby={format!("{}-respondents", props.uid)}>
                <h4 id={format!("{}-respondents", props.uid)}>{ format!("Respondents ({count})") }</h4>
                if count == 0 {
                    <p>{ "Nobody yet." }</p>
                } else {
                    <ul class="mm-library__list">{ for rows }</ul>
                }
            </section>
            if count > 0 {
                <div class="mm-actions">
                    <button type="button" class="mm-button" onclick={open_board}>{ "Open the board view (facilitator)" }</button>
                </div>
            }
        </div>
    }
}
