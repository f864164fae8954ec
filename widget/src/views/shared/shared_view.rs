//! Answers opened from a share link: shown read-only, with "save a copy" and "add to board".

use crate::platform::clock::now;
use crate::platform::share_link;
use crate::state::context::{use_board, use_library, use_widget, SessionContext, WidgetContext};
use crate::state::{BoardAction, LibraryAction, Open, Place, View};
use crate::views::common::ErrorView;
use crate::views::paper::PaperView;
use maturity_core::{score, Error, Fitted, Response};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`SharedView`].
#[derive(Properties, PartialEq)]
pub struct SharedViewProps {
    /// The page's fragment holding the link.
    pub fragment: AttrValue,
    /// The slot of the assessment open underneath.
    pub slot: u32,
    /// Closes this view, opening `Some(place)` or going back to what was open.
    pub on_close: Callback<Option<Open>>,
}

/// What reading the link gave.
#[derive(Debug, Clone, PartialEq)]
enum Shared {
    Reading,
    Read(Rc<Response>),
    Failed(Rc<Error>),
}

/// Decodes the link (the browser decompresses it, asynchronously), then shows the answers as a
/// board paper that cannot be edited. Closing it, whichever way, takes the link out of the
/// address bar (see the workspace), so a reload does not offer it again.
#[component]
pub fn SharedView(props: &SharedViewProps) -> Html {
    let (widget, library, board) = (use_widget(), use_library(), use_board());
    let shared = use_state(|| Shared::Reading);
    {
        let (shared, fragment, instrument) = (
            shared.clone(),
            props.fragment.to_string(),
            widget.instrument.clone(),
        );
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                shared.set(match share_link::read(&fragment, &instrument).await {
                    Ok(response) => Shared::Read(Rc::new(response)),
                    Err(error) => Shared::Failed(Rc::new(error)),
                });
            });
        });
    }
    let close = props.on_close.reform(|_: MouseEvent| None);
    let heading = html! { <@{widget.h(1)} class="mm-view-title">{ "Answers shared with you" }</@> };
    let body = match &*shared {
        Shared::Reading => html! { <p role="status">{ "Opening the shared answers…" }</p> },
        Shared::Failed(error) => html! {
            <>
                <ErrorView summary="This share link could not be opened" error={error.clone()} />
                <div class="mm-actions">
                    <button type="button" class="mm-button mm-button--secondary" onclick={close}>{ "Close" }</button>
                </div>
            </>
        },
        Shared::Read(response) => {
            let save_copy = {
                let (library, response, on_close, slot) = (
                    library.library.clone(),
                    response.clone(),
                    props.on_close.clone(),
                    props.slot,
                );
                Callback::from(move |_: MouseEvent| {
                    let target = library.free_slot(slot);
                    library.dispatch(LibraryAction::Put {
                        slot: target,
                        fitted: Rc::new(Fitted {
                            response: (*response).clone(),
                            set_aside: Vec::new(),
                        }),
                    });
                    on_close.emit(Some(Open::saying(
                        Place::at(target, View::Results),
                        "Saved a copy of the shared answers.",
                    )));
                })
            };
            let add_to_board = {
                let (board, response, on_close, slot) = (
                    board.board.clone(),
                    response.clone(),
                    props.on_close.clone(),
                    props.slot,
                );
                Callback::from(move |_: MouseEvent| {
                    let mut added = (*response).clone();
                    if added.updated.is_empty() {
                        added.updated = now();
                    }
                    let added = Fitted {
                        response: added,
                        set_aside: Vec::new(),
                    };
                    board.dispatch(BoardAction::Add(vec![Rc::new(added)]));
                    on_close.emit(Some(Open::saying(
                        Place::at(slot, View::Board),
                        "The shared answers have been added to the board.",
                    )));
                })
            };
            let session = SessionContext {
                slot: None,
                report: Rc::new(score(&widget.instrument, response)),
                response: response.clone(),
                whole: response.clone(),
                on_action: Callback::noop(),
            };
            let shown = WidgetContext {
                uid: widget.id("shared").into(),
                readonly: true,
                ..widget.clone()
            };
            html! {
                <>
                    <p>{ "These answers came inside the link you opened; nothing was fetched from anywhere. They are shown read-only: save a copy to work on them, or add them to this browser's board view." }</p>
                    <div class="mm-actions">
                        <button type="button" class="mm-button" onclick={save_copy}>{ "Save a copy" }</button>
                        <button type="button" class="mm-button mm-button--secondary" onclick={add_to_board}>{ "Add to board view" }</button>
                        <button type="button" class="mm-button mm-button--secondary" onclick={close}>{ "Close" }</button>
                    </div>
                    <ContextProvider<WidgetContext> context={shown}>
                        <ContextProvider<SessionContext> context={session}>
                            <PaperView />
                        </ContextProvider<SessionContext>>
                    </ContextProvider<WidgetContext>>
                </>
            }
        }
    };
    html! {
        <article class="mm-assessment mm-assessment--shared" data-view="shared" aria-labelledby={widget.id("shared-title")}>
            <@{widget.h(0)} class="mm-title" id={widget.id("shared-title")}>{ &widget.instrument.title }</@>
            { heading }
            { body }
        </article>
    }
}
