//! Downloading the open assessment as a file, the lossless copy a person keeps.

use crate::platform::files::{export_response, Format};
use crate::state::context::{use_library, use_session, use_widget};
use crate::state::LibraryAction;
use yew::prelude::*;

/// Props for [`DownloadButton`].
#[derive(Properties, PartialEq)]
pub struct DownloadButtonProps {
    /// The button's text.
    #[prop_or(AttrValue::Static("Download answers (JSON)"))]
    pub label: AttrValue,
    /// JSON (every answer, to keep or import again) or CSV (for spreadsheets).
    #[prop_or(Format::Json)]
    pub format: Format,
    /// The primary style rather than the secondary.
    #[prop_or_default]
    pub primary: bool,
}

/// A button that downloads the answers; a JSON download is recorded, so the widget can say
/// when there are changes that are in no downloaded file.
#[component]
pub fn DownloadButton(props: &DownloadButtonProps) -> Html {
    let (widget, session, library) = (use_widget(), use_session(), use_library());
    let onclick = {
        // The JSON file is the lossless copy: it keeps answers set aside after a revision.
        let (instrument, response, format) = (
            widget.instrument.clone(),
            match props.format {
                Format::Json => session.whole.clone(),
                Format::Csv => session.response.clone(),
            },
            props.format,
        );
        let (library, slot) = (library.library.dispatcher(), session.slot);
        Callback::from(move |_: MouseEvent| {
            let downloaded = export_response(&instrument, &response, format);
            if let (true, Format::Json, Some(slot)) = (downloaded, format, slot) {
                library.dispatch(LibraryAction::Downloaded {
                    slot,
                    updated: response.updated.clone(),
                });
            }
        })
    };
    let class = if props.primary {
        "mm-button"
    } else {
        "mm-button mm-button--secondary"
    };
    html! { <button type="button" {class} {onclick}>{ &props.label }</button> }
}
