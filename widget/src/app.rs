//! The root component: an assessment when the instrument is usable, an explanation when not.

use crate::components::{AssessmentView, ErrorView};
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
}

/// The widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let body = match &props.source {
        InstrumentSource::Ready(instrument) => html! {
            // Keyed by instrument so a new instrument starts a fresh assessment.
            <AssessmentView key={format!("{}@{}", instrument.id, instrument.version)}
                instrument={instrument.clone()} uid={props.uid.clone()} storage_key={props.storage_key.clone()} />
        },
        InstrumentSource::Failed(error) => html! {
            <ErrorView summary="This matrix could not be loaded" error={error.clone()} />
        },
    };
    html! { <div class="mm-root">{ body }</div> }
}
