//! The board paper handed on as a trust needs it: beside printing, a Word file to copy into the
//! trust's own paper template, and the paper on the clipboard for a document or an email. In
//! the board's build only: a rater's paper is printed.

use crate::platform::clipboard::{self, Copied};
use crate::platform::files::{download_bytes, file_stem};
use crate::platform::paper_document::{self, Chart};
use crate::state::context::{use_session, use_widget};
use web_sys::Element;
use yew::prelude::*;

const WORD_FILE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Props for [`PaperActions`].
#[derive(Properties, PartialEq)]
pub struct PaperActionsProps {
    /// The paper view's own buttons (printing), first in the row.
    pub children: Html,
}

/// The paper shown beside the button that was clicked (`.mm-paper` in the same view).
fn paper_beside(event: &MouseEvent) -> Option<Element> {
    let button: Element = event.target_dyn_into()?;
    button
        .closest(".mm-paper-view")
        .ok()??
        .query_selector(".mm-paper")
        .ok()?
}

/// What the download gave, in words.
fn downloaded_words(name: &str, downloaded: bool, chart_drawn: bool) -> String {
    match (downloaded, chart_drawn) {
        (false, _) => "This browser did not start the download.".to_owned(),
        (true, true) => format!("Downloaded {name}: open it in Word, or copy its pages into your own paper template."),
        (true, false) => format!(
            "Downloaded {name}: open it in Word, or copy its pages into your own paper template. The chart could not be drawn in this browser, so the file says so where it would be."
        ),
    }
}

/// What the copy gave, in words.
fn copied_words(copied: Copied) -> &'static str {
    match copied {
        Copied::Written => "The paper is on the clipboard: paste it into Word or an email, and its headings and tables come with it. The chart is in the Word file.",
        Copied::ByCopyCommand => "The paper is on the clipboard (copied the older way this browser offers): paste it into Word or an email, and its headings and tables come with it. The chart is in the Word file.",
        Copied::Refused => "This browser did not let the page copy: download the Word file instead, or select the paper and copy it yourself.",
    }
}

/// The paper's buttons, the Word file and the copy after those the view passes in, and one
/// line that says what each did.
#[component]
pub fn PaperActions(props: &PaperActionsProps) -> Html {
    let (widget, session) = (use_widget(), use_session());
    let said = use_state(String::new);
    let word = {
        let said = said.clone();
        let name = format!("{}.docx", file_stem(&widget.instrument, &session.response));
        Callback::from(move |event: MouseEvent| {
            let Some(paper) = paper_beside(&event) else {
                return;
            };
            let (said, name) = (said.clone(), name.clone());
            said.set("Making the Word file\u{2026}".to_owned());
            wasm_bindgen_futures::spawn_local(async move {
                let chart = paper_document::draw_chart(&paper).await;
                let chart_drawn = !matches!(chart, Chart::NotDrawn);
                let bytes = maturity_core::docx(&paper_document::read(&paper, chart));
                let downloaded = download_bytes(&name, WORD_FILE, &bytes);
                said.set(downloaded_words(&name, downloaded, chart_drawn));
            });
        })
    };
    let copy = {
        let said = said.clone();
        Callback::from(move |event: MouseEvent| {
            let Some(paper) = paper_beside(&event) else {
                return;
            };
            let document = paper_document::read(&paper, Chart::LeftOut);
            let said = said.clone();
            clipboard::copy(
                document.to_html(),
                document.to_text(),
                Callback::from(move |copied| said.set(copied_words(copied).to_owned())),
            );
        })
    };
    html! {
        <>
            <div class="mm-actions mm-noprint">
                { props.children.clone() }
                <button type="button" class="mm-button mm-button--secondary" onclick={word}>{ "Download as Word (.docx)" }</button>
                <button type="button" class="mm-button mm-button--secondary" onclick={copy}>{ "Copy the paper" }</button>
            </div>
            <p class="mm-hint mm-noprint" role="status">{ (*said).clone() }</p>
        </>
    }
}
