//! The cover sheet's fields, filled in on screen and printed on the paper's first page.

use crate::state::context::{use_session, use_widget};
use crate::state::{Action, PaperField};
use crate::views::common::DateInput;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Labelled fields for what a board secretary puts on a paper's cover: the meeting and its
/// date, the agenda item, the author, the executive lead, the purpose and what the board is
/// asked to do. They are saved with the assessment, like every other answer.
#[component]
pub fn CoverForm() -> Html {
    let (widget, session) = (use_widget(), use_session());
    let paper = &session.response.paper;
    let uid = &widget.uid;
    let field = |field: PaperField, label: &str, value: &str, suffix: &str, textarea: bool| {
        let id = format!("{uid}-cover-{suffix}");
        let oninput = session
            .on_action
            .reform(move |event: InputEvent| Action::Paper {
                field,
                text: event.target_unchecked_into::<HtmlInputElement>().value(),
            });
        let control = if textarea {
            html! { <textarea class="mm-notes__input" id={id.clone()} rows="3" value={value.to_owned()} {oninput} /> }
        } else {
            html! { <input class="mm-input" type="text" id={id.clone()} value={value.to_owned()} {oninput} /> }
        };
        html! {
            <div class="mm-field" key={suffix.to_owned()}>
                <label class="mm-field__label" for={id}>{ label.to_owned() }</label>
                { control }
            </div>
        }
    };
    let on_date = session.on_action.reform(|text: String| Action::Paper {
        field: PaperField::Date,
        text,
    });
    html! {
        <details class="mm-disclosure mm-noprint">
            <summary>{ "Cover sheet: meeting, date, agenda item, author, purpose" }</summary>
            <fieldset class="mm-details">
                <legend class="mm-details__legend">{ "Cover sheet" }</legend>
                <p class="mm-hint">{ "What the board secretary needs to table this paper. Leave out whatever does not apply." }</p>
                { field(PaperField::Meeting, "Meeting", &paper.meeting, "meeting", false) }
                <DateInput id={format!("{uid}-cover-date")} legend="Date of the meeting" value={paper.date.clone()} on_change={on_date} />
                { field(PaperField::AgendaItem, "Agenda item", &paper.agenda_item, "agenda", false) }
                { field(PaperField::Author, "Author", &paper.author, "author", false) }
                { field(PaperField::ExecutiveLead, "Executive lead", &paper.executive_lead, "lead", false) }
                { field(PaperField::Purpose, "Purpose of the paper", &paper.purpose, "purpose", true) }
                { field(PaperField::BoardAskedTo, "The Board is asked to (for example: note, discuss, approve)", &paper.board_asked_to, "asked", true) }
            </fieldset>
        </details>
    }
}
