//! The root component: the workspace when the instrument is usable, an explanation when not.

use crate::components::{ErrorView, Workspace};
use crate::state::View;
use maturity_core::{Error, Instrument};
use std::rc::Rc;
use yew::prelude::*;

/// The instrument the widget was given, or why it could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum InstrumentSource {
    /// A validated instrument.
    Ready(Rc<Instrument>),
    /// The problems found while reading it.
    Failed(Rc<Error>),
}

/// Props for [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// What to assess.
    pub source: InstrumentSource,
    /// Unique prefix for ids, so several widgets can share a page.
    pub uid: AttrValue,
    /// Separates saved assessments of the same instrument.
    pub storage_key: AttrValue,
    /// The view to open on, overriding the one remembered from last time.
    #[prop_or_default]
    pub view: Option<View>,
}

/// The widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let body = match &props.source {
        InstrumentSource::Ready(instrument) => html! {
            // Keyed by instrument so a new instrument starts from its own saved assessments.
            <Workspace key={format!("{}@{}", instrument.id, instrument.version)}
                instrument={instrument.clone()} uid={props.uid.clone()}
                storage_key={props.storage_key.clone()} view={props.view} />
        },
        InstrumentSource::Failed(error) => html! {
            <ErrorView summary="This matrix could not be loaded" error={error.clone()} />
        },
    };
    html! { <div class="mm-root">{ body }</div> }
}
