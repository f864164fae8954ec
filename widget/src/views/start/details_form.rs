//! The assessment's details: its name, the organisation and who is rating.

use crate::state::context::{use_session, use_widget};
use crate::state::{Action, Detail};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Four labelled text fields, saved as they are typed like every other answer.
#[component]
pub fn DetailsForm() -> Html {
    let (widget, session) = (use_widget(), use_session());
    let readonly = widget.readonly;
    let response = &session.response;
    let fields = [
        (
            Detail::Title,
            "Name of this assessment",
            "For example: Board self-assessment, spring 2027",
            &response.title,
            "title",
        ),
        (
            Detail::Organisation,
            "Organisation",
            "",
            &response.organisation,
            "organisation",
        ),
        (
            Detail::RespondentName,
            "Your name (optional)",
            "",
            &response.respondent.name,
            "name",
        ),
        (
            Detail::RespondentRole,
            "Your role (optional)",
            "",
            &response.respondent.role,
            "role",
        ),
    ];
    let inputs = fields.into_iter().map(|(field, label, hint, value, suffix)| {
        let id = format!("{}-detail-{suffix}", widget.uid);
        let hint_id = format!("{id}-hint");
        let oninput = session.on_action.reform(move |event: InputEvent| Action::Detail {
            field,
            text: event.target_unchecked_into::<HtmlInputElement>().value(),
        });
        html! {
            <div class="mm-field" key={suffix}>
                <label class="mm-field__label" for={id.clone()}>{ label }</label>
                if !hint.is_empty() { <p class="mm-hint" id={hint_id.clone()}>{ hint }</p> }
                <input class="mm-input" type="text" id={id} value={value.clone()} {oninput} {readonly}
                    autocomplete={if suffix == "name" { "name" } else if suffix == "organisation" { "organization" } else if suffix == "role" { "organization-title" } else { "off" }}
                    aria-describedby={(!hint.is_empty()).then_some(hint_id)} />
            </div>
        }
    });
    html! {
        <fieldset class="mm-details">
            <legend class="mm-details__legend">{ "Details of this assessment" }</legend>
            { for inputs }
        </fieldset>
    }
}
