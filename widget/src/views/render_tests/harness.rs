//! What the workspace gives every view, built from fixed data instead of browser storage and
//! the clock.

use crate::state::context::{BoardContext, LibraryContext, WidgetContext};
use crate::state::{Board, BoardRecord, Library, Record, Saved};
use maturity_core::{Fitted, Response};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`Harness`].
#[derive(Properties, PartialEq)]
pub struct HarnessProps {
    /// The widget's settings, the day among them.
    pub widget: WidgetContext,
    /// The saved assessments, by slot.
    pub saved: Rc<Vec<(u32, Response)>>,
    /// The board's collected responses.
    pub board: Rc<BoardRecord>,
    /// The view (or the session holding it) to render inside.
    pub children: Html,
}

/// The workspace's three contexts around `children`. The library and the board are reducers,
/// as in the workspace, because views hold their handles; nothing here reads or writes storage.
#[component]
pub fn Harness(props: &HarnessProps) -> Html {
    let library = {
        let (instrument, saved) = (props.widget.instrument.clone(), props.saved.clone());
        use_reducer(move || {
            let saved = saved
                .iter()
                .map(|(slot, response)| {
                    let fitted = Fitted {
                        response: response.clone(),
                        set_aside: Vec::new(),
                    };
                    (*slot, Saved::Readable(Rc::new(Record::stored(fitted))))
                })
                .collect();
            Library::new(instrument, saved, "render".into())
        })
    };
    let board = {
        let record = props.board.clone();
        use_reducer(move || Board::new((*record).clone()))
    };
    let library = LibraryContext {
        library,
        last_save: None,
        available: true,
        flush: Callback::noop(),
    };
    let board = BoardContext { board, saved: true };
    html! {
        <ContextProvider<WidgetContext> context={props.widget.clone()}>
            <ContextProvider<LibraryContext> context={library}>
                <ContextProvider<BoardContext> context={board}>
                    { props.children.clone() }
                </ContextProvider<BoardContext>>
            </ContextProvider<LibraryContext>>
        </ContextProvider<WidgetContext>>
    }
}
