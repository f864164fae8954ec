//! The root component: the workspace when the instrument is usable, an explanation when not.

use super::common::ErrorView;
use super::workspace::Workspace;
use crate::state::{Answers, View};
use maturity_core::{Error, Instrument, Response};
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
    /// Shows the answers without letting them be changed.
    #[prop_or_default]
    pub readonly: bool,
    /// Answers the host page supplies. When given, the host owns them: the widget starts from
    /// them, keeps changes in memory and reports them, and never touches browser storage.
    #[prop_or_default]
    pub host_response: Option<Rc<Response>>,
    /// Told the answers when the widget opens them and after every change (`true` when the
    /// person changed something).
    #[prop_or_default]
    pub on_response: Callback<Answers>,
    /// Deletes the open assessment's saved answers as the widget opens.
    #[prop_or_default]
    pub start_afresh: bool,
    /// Shows the board view's tab: the host page is a facilitator's.
    #[prop_or_default]
    pub board: bool,
    /// The level of the widget's own heading, 2 unless given.
    #[prop_or(2)]
    pub heading_level: u8,
    /// Whether to show the instrument's title as the widget's heading.
    #[prop_or(true)]
    pub show_title: bool,
    /// Told, in the rater's build, that the person needs a board screen, with the view.
    #[prop_or_default]
    pub on_board_needed: Callback<View>,
}

/// Which build this is, on the root for whoever needs to tell (support staff, the tests).
const BUILD: &str = if cfg!(feature = "board") {
    "board"
} else {
    "rater"
};

/// The widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let body = match &props.source {
        InstrumentSource::Ready(instrument) => html! {
            // Keyed by instrument so a new instrument starts from its own saved assessments.
            <Workspace key={format!("{}@{}", instrument.id, instrument.version)}
                instrument={instrument.clone()} uid={props.uid.clone()}
                storage_key={props.storage_key.clone()} view={props.view} readonly={props.readonly}
                host_response={props.host_response.clone()} on_response={props.on_response.clone()}
                start_afresh={props.start_afresh} board={props.board} heading_level={props.heading_level}
                show_title={props.show_title} on_board_needed={props.on_board_needed.clone()} />
        },
        InstrumentSource::Failed(error) => html! {
            <ErrorView summary="This matrix could not be loaded" error={error.clone()} />
        },
    };
    html! { <div class="mm-root" data-build={BUILD}>{ body }</div> }
}
