//! The shelf of saved assessments for one instrument, and which of them is open.

use super::{Session, SharedView};
use crate::state::View;
use crate::storage::{Place, Shelf};
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
    pub on_response: Callback<(Rc<Response>, bool)>,
}

/// A request to open an assessment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Opening {
    /// Where to go.
    pub place: Place,
    /// Whether to move focus to the view's heading: yes when the person asked for it, no when
    /// the page has just loaded.
    pub focus: bool,
}

/// Opens the assessment the person last had open (or the first), at the view they were on;
/// switching assessment mounts a fresh [`Session`], so no state leaks from one to another.
#[component]
pub fn Workspace(props: &WorkspaceProps) -> Html {
    let shelf = {
        let (instrument, key) = (props.instrument.clone(), props.storage_key.clone());
        use_memo((), move |()| Shelf::new(&instrument, &key))
    };
    let opening = {
        let (shelf, view) = (shelf.clone(), props.view);
        // Answers owned by the host are not in storage, and neither is where the person was.
        let remembered = props.host_response.is_none() && !props.readonly;
        use_state(move || {
            let mut place = remembered
                .then(|| shelf.place())
                .flatten()
                .unwrap_or(Place {
                    slot: 1,
                    view: View::Start,
                    component: 0,
                });
            if let Some(view) = view {
                place.view = view;
            }
            Opening {
                place,
                focus: false,
            }
        })
    };
    let on_open = {
        let opening = opening.clone();
        Callback::from(move |place: Place| opening.set(Opening { place, focus: true }))
    };
    // A share link in the page's address is shown first; only widgets that keep their own
    // answers offer it (a host that supplies answers decides what is shown).
    let shared = {
        let own = props.host_response.is_none() && !props.readonly;
        use_state(move || {
            if own {
                crate::share_link::fragment_of_page()
            } else {
                None
            }
        })
    };
    if let Some(fragment) = &*shared {
        let on_close = {
            let (shared, on_open) = (shared.clone(), on_open.clone());
            Callback::from(move |place: Option<Place>| {
                // However the shared answers are left, the link leaves the address bar, so a
                // reload does not offer them again.
                crate::share_link::clear_from_page();
                shared.set(None);
                if let Some(place) = place {
                    on_open.emit(place);
                }
            })
        };
        return html! {
            <SharedView instrument={props.instrument.clone()} uid={props.uid.clone()} fragment={fragment.clone()}
                shelf={shelf.clone()} slot={opening.place.slot} {on_close} />
        };
    }
    html! {
        <Session key={opening.place.slot} instrument={props.instrument.clone()} uid={props.uid.clone()}
            shelf={shelf} opening={*opening} {on_open} readonly={props.readonly}
            host_response={props.host_response.clone()} on_response={props.on_response.clone()} />
    }
}
