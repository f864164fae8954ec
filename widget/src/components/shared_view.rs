//! Answers opened from a share link: shown read-only, with "save a copy" and "add to board".

use super::session::now;
use super::{ErrorView, PaperView};
use crate::share_link;
use crate::state::{Readonly, View};
use crate::storage::{Place, Shelf};
use maturity_core::{score, Error, Instrument, Response};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`SharedView`].
#[derive(Properties, PartialEq)]
pub struct SharedViewProps {
    /// The instrument the widget shows.
    pub instrument: Rc<Instrument>,
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// The page's fragment holding the link.
    pub fragment: AttrValue,
    /// Where to save a copy or the board.
    pub shelf: Rc<Shelf>,
    /// The slot of the assessment open underneath.
    pub slot: u32,
    /// Closes this view, opening `Some(place)` or going back to what was open.
    pub on_close: Callback<Option<Place>>,
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
/// address bar (see [`super::Workspace`]), so a reload does not offer it again.
#[component]
pub fn SharedView(props: &SharedViewProps) -> Html {
    let shared = use_state(|| Shared::Reading);
    {
        let (shared, fragment, instrument) = (
            shared.clone(),
            props.fragment.to_string(),
            props.instrument.clone(),
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
    let heading = html! { <h3 class="mm-view-title">{ "Answers shared with you" }</h3> };
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
                let (shelf, response, on_close, slot) = (
                    props.shelf.clone(),
                    response.clone(),
                    props.on_close.clone(),
                    props.slot,
                );
                Callback::from(move |_: MouseEvent| {
                    let target = shelf.free_slot(slot);
                    if shelf.save(target, &response).is_ok() {
                        on_close.emit(Some(Place {
                            slot: target,
                            view: View::Results,
                            component: 0,
                        }));
                    }
                })
            };
            let add_to_board = {
                let (shelf, instrument, response, on_close, slot) = (
                    props.shelf.clone(),
                    props.instrument.clone(),
                    response.clone(),
                    props.on_close.clone(),
                    props.slot,
                );
                Callback::from(move |_: MouseEvent| {
                    let mut board = shelf.board(&instrument);
                    if !board.respondents.contains(&response) {
                        let mut added = (*response).clone();
                        if added.updated.is_empty() {
                            added.updated = now();
                        }
                        board.respondents.push(added);
                    }
                    if shelf.set_board(&board).is_ok() {
                        on_close.emit(Some(Place {
                            slot,
                            view: View::Board,
                            component: 0,
                        }));
                    }
                })
            };
            let report = Rc::new(score(&props.instrument, response));
            html! {
                <>
                    <p>{ "These answers came inside the link you opened; nothing was fetched from anywhere. They are shown read-only: save a copy to work on them, or add them to this browser's board view." }</p>
                    <div class="mm-actions">
                        <button type="button" class="mm-button" onclick={save_copy}>{ "Save a copy" }</button>
                        <button type="button" class="mm-button mm-button--secondary" onclick={add_to_board}>{ "Add to board view" }</button>
                        <button type="button" class="mm-button mm-button--secondary" onclick={close}>{ "Close" }</button>
                    </div>
                    <ContextProvider<Readonly> context={Readonly(true)}>
                        <PaperView instrument={props.instrument.clone()} response={response.clone()} {report} uid={format!("{}-shared", props.uid)} />
                    </ContextProvider<Readonly>>
                </>
            }
        }
    };
    html! {
        <article class="mm-assessment mm-assessment--shared" data-view="shared" aria-labelledby={format!("{}-shared-title", props.uid)}>
            <h2 class="mm-title" id={format!("{}-shared-title", props.uid)}>{ &props.instrument.title }</h2>
            { heading }
            { body }
        </article>
    }
}
