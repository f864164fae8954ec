//! The board's agreed record: one saved assessment, started from everyone's medians the first
//! time the board view or the facilitation view asks for it, then opened wherever it is.

use crate::platform::clock::{now, today};
use crate::state::context::{use_board, use_library};
use crate::state::{BoardAction, LibraryAction, Open, Place, View};
use maturity_core::{Fitted, Response};
use std::rc::Rc;
use yew::prelude::*;

/// A callback that opens the agreed record on a view, given the draft to start it from (the
/// board's medians) if there is none yet. `current` is the slot open now: a new record takes a
/// slot after it and every saved one.
#[hook]
pub fn use_open_agreed(current: u32, on_open: Callback<Open>) -> Callback<(Response, View)> {
    let (board, library) = (use_board().board, use_library().library);
    Callback::from(move |(mut draft, view): (Response, View)| {
        let existing = board
            .record
            .agreed
            .filter(|&slot| library.readable(slot).is_some());
        if let Some(slot) = existing {
            on_open.emit(Place::at(slot, view).into());
            return;
        }
        let slot = library.free_slot(current);
        draft.created = now();
        draft.updated = draft.created.clone();
        // The day the board agreed it dates the record in trends and comparisons.
        if let Some(agreed) = &mut draft.agreed {
            agreed.on = today();
        }
        draft.title = format!("Agreed board view, {}", &draft.created[..10]);
        library.dispatch(LibraryAction::Put {
            slot,
            fitted: Rc::new(Fitted {
                response: draft,
                set_aside: Vec::new(),
            }),
        });
        board.dispatch(BoardAction::Agreed(slot));
        let started = if view == View::Facilitate {
            "The agreed record has started from everyone's medians (an item whose median falls between two levels is left for the board to choose): record the level the board agrees for each item as the discussion goes."
        } else {
            "The agreed record has started from everyone's medians (an item whose median falls between two levels is left for the board to choose): set the level the board agrees for each item, with its rationale in the notes."
        };
        on_open.emit(Open::saying(Place::at(slot, view), started));
    })
}
