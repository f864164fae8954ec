//! The board's collected responses: read once when the widget mounts, then kept by a reducer
//! whose effect is the only writer of the board's record.

use crate::platform::storage::Shelf;
use crate::state::context::BoardContext;
use crate::state::Board;
use maturity_core::Instrument;
use std::rc::Rc;
use yew::prelude::*;

/// The board kept on `shelf`; in memory only when `stored` is false.
#[hook]
pub fn use_board_state(shelf: Rc<Shelf>, instrument: Rc<Instrument>, stored: bool) -> BoardContext {
    let board = {
        let shelf = shelf.clone();
        use_reducer(move || {
            if stored {
                shelf.board(&instrument)
            } else {
                Board::default()
            }
        })
    };
    let saved = use_state(|| true);
    {
        let saved = saved.clone();
        let first = use_mut_ref(|| true);
        use_effect_with((*board).clone(), move |board| {
            // The first run sees the board as read: there is nothing new to write.
            if stored && !std::mem::replace(&mut *first.borrow_mut(), false) {
                saved.set(shelf.set_board(board).is_ok());
            }
        });
    }
    BoardContext {
        board,
        saved: *saved,
    }
}
