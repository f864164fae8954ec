//! The shelf of saved assessments for one instrument, the board, and which assessment is open.
//! It owns the widget's stored state (the library and the board, each saved by its own effect)
//! and shares it, with the widget's settings, through contexts.

use super::session::Session;
#[cfg(feature = "board")]
use super::shared::SharedView;
use crate::hooks::{use_shared_link, use_store};
use crate::platform::clock;
use crate::platform::share_link;
use crate::platform::storage::{Loaded, Shelf};
use crate::state::context::{BoardContext, LibraryContext, WidgetContext};
use crate::state::{Answers, Library, Open, Opening, Place, Saved, View};
use maturity_core::{Instrument, Response};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`Workspace`].
#[derive(Properties, PartialEq)]
pub struct WorkspaceProps {
    /// The instrument.
    pub instrument: Rc<Instrument>,
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// Separates this widget's saved assessments from others of the same instrument.
    pub storage_key: AttrValue,
    /// The view to open on, overriding the one remembered.
    pub view: Option<View>,
    /// Shows the answers without letting them be changed.
    pub readonly: bool,
    /// Answers owned by the host page (see [`crate::AppProps::host_response`]).
    pub host_response: Option<Rc<Response>>,
    /// Told the answers on opening and after every change.
    pub on_response: Callback<Answers>,
    /// Deletes the open assessment's saved answers as the widget opens.
    pub start_afresh: bool,
    /// Shows the board view's tab.
    pub board: bool,
    /// The level of the widget's own heading.
    pub heading_level: u8,
    /// Whether to show the instrument's title as the widget's heading.
    pub show_title: bool,
    /// Told, in the rater's build, that a board screen is needed (see [`Session`]).
    pub on_board_needed: Callback<View>,
}

/// Opens the assessment the person last had open (or the first), at the view they were on;
/// every opening (of another assessment, or of this one on another view) mounts a fresh
/// [`Session`], so no state leaks from one to another.
#[component]
pub fn Workspace(props: &WorkspaceProps) -> Html {
    // Answers owned by the host are not in storage, and neither is where the person was.
    let stored = props.host_response.is_none() && !props.readonly;
    let widget = WidgetContext {
        instrument: props.instrument.clone(),
        uid: props.uid.clone(),
        readonly: props.readonly,
        stored,
        heading: props.heading_level,
        board: props.board,
        show_title: props.show_title,
        // Read as the workspace renders, not kept: a page left open past midnight moves to
        // the new day at the next change, and no hook's code is added for one date.
        today: clock::today().into(),
    };
    let shelf = {
        let (instrument, key) = (props.instrument.clone(), props.storage_key.clone());
        use_memo((), move |()| Shelf::new(&instrument.id, &key))
    };
    let opening = {
        let (shelf, view) = (shelf.clone(), props.view);
        use_state(move || {
            let mut place = stored
                .then(|| shelf.place())
                .flatten()
                .unwrap_or(Place::at(1, View::Start));
            if let Some(view) = view {
                place.view = view;
            }
            Opening {
                place,
                focus: false,
                message: None,
                serial: 0,
            }
        })
    };
    let slot = opening.place.slot;
    let store = use_store(
        shelf.clone(),
        props.instrument.clone(),
        stored,
        slot,
        props.host_response.clone(),
        props.start_afresh,
    );
    {
        let set_open = store.set_open.clone();
        use_effect_with(slot, move |&slot| set_open.emit(slot));
    }
    let library = store.library.clone();
    let loaded = found(
        &library.library,
        library.available,
        slot,
        opening.serial == 0,
    );

    let on_open = {
        let (opening, flush) = (opening.clone(), library.flush.clone());
        Callback::from(move |Open { place, message }: Open| {
            // Whatever is still waiting to be saved belongs to the assessment being left.
            flush.emit(());
            opening.set(Opening {
                place,
                focus: true,
                message,
                serial: opening.serial + 1,
            });
        })
    };
    let on_place = {
        let shelf = shelf.clone();
        Callback::from(move |place: Place| {
            if stored {
                shelf.set_place(place);
            }
        })
    };
    // A share link in the page's address is shown first, on opening or when one is opened in
    // this tab later; only widgets that keep their own answers offer it (a host that supplies
    // answers decides what is shown).
    let shared = use_shared_link(stored);
    #[cfg(not(feature = "board"))]
    {
        let (on_board_needed, view) = (props.on_board_needed.clone(), opening.place.view);
        use_effect_with(shared.is_some(), move |&needed| {
            if needed {
                on_board_needed.emit(view);
            }
        });
    }
    let body = if let Some(fragment) = &*shared {
        let on_close = {
            let (shared, on_open) = (shared.clone(), on_open.clone());
            Callback::from(move |place: Option<Open>| {
                // However the shared answers are left, the link leaves the address bar, so a
                // reload does not offer them again.
                share_link::clear_from_page();
                shared.set(None);
                if let Some(place) = place {
                    on_open.emit(place);
                }
            })
        };
        // Keyed by the link, so another link opened over this one is read afresh.
        #[cfg(feature = "board")]
        let view = html! { <SharedView key={fragment.clone()} fragment={fragment.clone()} {slot} {on_close} /> };
        // Shared answers are opened by whoever collects them (the board build), which the
        // element loads, opening the link there; nothing is shown meanwhile but its notice.
        #[cfg(not(feature = "board"))]
        let view = {
            let _ = (on_close, fragment);
            Html::default()
        };
        view
    } else {
        html! {
            <Session key={opening.serial} opening={(*opening).clone()} {loaded} {on_open} {on_place}
                on_response={props.on_response.clone()} on_board_needed={props.on_board_needed.clone()} />
        }
    };
    html! {
        <ContextProvider<WidgetContext> context={widget}>
            <ContextProvider<LibraryContext> context={library}>
                <ContextProvider<BoardContext> context={store.board}>
                    { body }
                </ContextProvider<BoardContext>>
            </ContextProvider<LibraryContext>>
        </ContextProvider<WidgetContext>>
    }
}

/// What the session is told it found in `slot`. Answers are restored only on the widget's first
/// opening, when they were read from storage; an assessment opened later (another one, a copy,
/// or this one again from another view) never left the page, so nothing is announced.
fn found(library: &Library, available: bool, slot: u32, first: bool) -> Loaded {
    let set_aside_now = library
        .set_aside_now
        .iter()
        .find(|(aside, _)| *aside == Some(slot));
    match (set_aside_now, library.get(slot)) {
        _ if !available => Loaded::Unavailable,
        (Some((_, reason)), _) => Loaded::Unreadable {
            kept: true,
            reason: reason.to_string(),
        },
        (None, Some(Saved::Unreadable(reason))) => Loaded::Unreadable {
            kept: false,
            reason: reason.to_string(),
        },
        (None, Some(Saved::Readable(_))) if first => Loaded::Restored,
        (None, Some(Saved::Readable(_))) => Loaded::Opened,
        (None, None) => Loaded::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Record;
    use maturity_core::Fitted;

    #[test]
    fn answers_are_restored_only_when_the_widget_opens_on_them() {
        let instrument = Rc::new(maturity_core::builtin("nhs-impact").expect("a built-in"));
        let saved = |response: Response| {
            let fitted = Fitted {
                response,
                set_aside: Vec::new(),
            };
            Saved::Readable(Rc::new(Record::stored(fitted)))
        };
        let library = Library::new(
            instrument.clone(),
            vec![
                (1, saved(Response::new(&instrument))),
                (2, saved(Response::new(&instrument))),
                (3, Saved::Unreadable("not JSON".into())),
            ],
            "test".into(),
        );
        assert_eq!(found(&library, true, 1, true), Loaded::Restored);
        // A copy opened from the start view, or the agreed record opened again for the room.
        assert_eq!(found(&library, true, 2, false), Loaded::Opened);
        assert_eq!(found(&library, true, 4, false), Loaded::Nothing);
        // Trouble is told whenever it is found.
        assert!(matches!(
            found(&library, true, 3, false),
            Loaded::Unreadable { kept: false, .. }
        ));
        assert_eq!(found(&library, false, 1, true), Loaded::Unavailable);
    }
}
