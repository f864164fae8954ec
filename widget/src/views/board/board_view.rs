//! Board mode: collect several people's ratings (files, share links, or turns on one device),
//! then, when the facilitator opens it, the board view of everyone's ratings.

use super::board_discussion::BoardDiscussion;
use super::respondent_turn::RespondentTurn;
use crate::hooks::{use_disclosure, use_open_agreed};
use crate::state::context::{use_board, use_library, use_widget};
use crate::state::{admit_files, BoardAction, Open, Said};
use crate::views::common::{said_list, DropZone};
use maturity_core::{Error, Fitted, Response};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Up to this many respondents are listed at once; a larger gathering (an ICB's fifty boards)
/// lists them on request, so adding hundreds of files stays quick.
const LISTED_AT_ONCE: usize = 30;

/// Props for [`BoardView`].
#[derive(Properties, PartialEq)]
pub struct BoardViewProps {
    /// The open assessment's slot.
    pub slot: u32,
    /// Opens an assessment (the agreed record).
    pub on_open: Callback<Open>,
    /// Told when a rater's turn starts (`true`) and ends, so nothing else is in reach meanwhile.
    pub on_turn: Callback<bool>,
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

/// The board view. Individual answers stay hidden while collecting, so people rating in
/// turn on one device do not see each other's ratings.
#[component]
pub fn BoardView(props: &BoardViewProps) -> Html {
    let (widget, board, library) = (use_widget(), use_board(), use_library());
    let stage = use_state(|| Stage::Collect);
    let on_agree = use_open_agreed(props.slot, props.on_open.clone());
    {
        let on_turn = props.on_turn.clone();
        use_effect_with(matches!(*stage, Stage::Turn(_)), move |&turn| {
            on_turn.emit(turn);
            // Leaving the view mid-turn (it cannot be left by the navigation, which is hidden,
            // but the widget may be removed) ends it.
            move || on_turn.emit(false)
        });
    }
    let messages = use_state(Vec::<Said>::new);
    // A large gathering's list of respondents is built only once it is asked for.
    let (list_open, toggle_list) = use_disclosure(false);
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
    let add = {
        let (board, messages, instrument) = (
            board.board.clone(),
            messages.clone(),
            widget.instrument.clone(),
        );
        Callback::from(move |files: Vec<(String, Result<String, Error>)>| {
            let admitted = admit_files(&instrument, &board.record.respondents, files);
            messages.set(admitted.messages);
            board.dispatch(BoardAction::Add(admitted.added));
        })
    };

    if let Stage::Turn(name) = &*stage {
        let on_finish = {
            let (board, stage, messages) = (board.board.clone(), stage.clone(), messages.clone());
            Callback::from(move |response: Response| {
                let fitted = Fitted {
                    response,
                    set_aside: Vec::new(),
                };
                board.dispatch(BoardAction::Add(vec![Rc::new(fitted)]));
                messages.set(vec!["Thank you: those answers are kept apart. Hand the device to the next person, or to the facilitator.".into()]);
                stage.set(Stage::Collect);
            })
        };
        let on_cancel = {
            let stage = stage.clone();
            Callback::from(move |()| stage.set(Stage::Collect))
        };
        return html! { <RespondentTurn name={name.clone()} {on_finish} {on_cancel} /> };
    }

    let respondents = &board.board.record.respondents;
    if *stage == Stage::Discuss && !respondents.is_empty() {
        let agreed = board
            .board
            .record
            .agreed
            .and_then(|slot| library.library.readable(slot).cloned());
        let on_back = {
            let stage = stage.clone();
            Callback::from(move |()| stage.set(Stage::Collect))
        };
        return html! {
            <BoardDiscussion respondents={board.board.responses.clone()} {agreed} {on_back} {on_agree} />
        };
    }

    let rows = respondents.iter().enumerate().map(|(index, respondent)| {
        let response = &respondent.response;
        let name = response.respondent_label(index);
        let unfit = respondent.set_aside.len();
        let remove = {
            let board = board.board.clone();
            Callback::from(move |_: MouseEvent| board.dispatch(BoardAction::Remove(index)))
        };
        html! {
            <li class="mm-library__entry" key={index}>
                <p class="mm-library__name">{ name.clone() }</p>
                <p class="mm-hint">{ format!("{} of {} answered", response.answered_count(), widget.instrument.item_count()) }</p>
                if unfit > 0 {
                    <p class="mm-attention" data-attention="">
                        <strong>{ "Needs attention: " }</strong>
                        { format!("{unfit} of these answers do not fit this matrix (it has changed since they were given). They are kept with the response and left out of the board's figures: {}.",
                            respondent.set_aside.iter().map(|s| s.item.as_str()).collect::<Vec<_>>().join(", ")) }
                    </p>
                }
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
                messages.set(vec!["Enter the name of the person about to rate.".into()]);
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
    let count = respondents.len();
    let uid = &widget.uid;
    html! {
        <div class="mm-board">
            <p>{ "The strongest board self-assessments start with everyone rating privately, then discuss where they differ, then agree one profile. Gather everyone's ratings here; nobody's answers are shown until the facilitator opens the board view." }</p>
            <DropZone id="board-import" label="Add response files" on_files={add.clone()}
                text="Choose the response files people sent you, or drop them here. Each file is checked on its own: one that cannot be used is named with the reason and the rest are kept." />
            <div class="mm-board__messages" role="status" tabindex="-1" ref={messages_ref}>
                if !messages.is_empty() {
                    { said_list(&messages) }
                }
            </div>
            if let Some((_, reason)) = library.library.set_aside_now.iter().find(|(slot, _)| slot.is_none()) {
                <p class="mm-warning" role="alert">{ format!("The board's saved responses could not be read ({reason}). They have been kept aside, untouched: download them from \u{201c}Your saved assessments\u{201d} on the start view, and add the response files again.") }</p>
            }
            if !board.saved {
                <p class="mm-warning" role="alert">{ "This browser is not letting the page save the board, so it is kept in this page only. Keep the response files." }</p>
            }
            <form class="mm-inline-form" onsubmit={start_turn}>
                <label class="mm-field__label" for={format!("{uid}-turn-name")}>{ "Or rate on this device, one person at a time: name of the next person" }</label>
                <input class="mm-input" type="text" id={format!("{uid}-turn-name")} ref={name_ref} autocomplete="off" />
                <div class="mm-actions">
                    <button type="submit" class="mm-button mm-button--secondary">{ "Start their rating" }</button>
                </div>
            </form>
            <section aria-labelledby={format!("{uid}-respondents")}>
                <@{widget.h(2)} id={format!("{uid}-respondents")}>{ format!("Respondents ({count})") }</@>
                if count == 0 {
                    <p>{ "Nobody yet." }</p>
                } else if count <= LISTED_AT_ONCE {
                    <ul class="mm-library__list">{ for rows }</ul>
                } else {
                    <details class="mm-disclosure" ontoggle={toggle_list}>
                        <summary>{ format!("Show all {count}, to remove any") }</summary>
                        if list_open { <ul class="mm-library__list">{ for rows }</ul> }
                    </details>
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
