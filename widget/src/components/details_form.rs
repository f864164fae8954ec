//! The assessment's details: its name, the organisation and who is rating.

use crate::state::{use_readonly, Action, Detail};
use maturity_core::Response;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props for [`DetailsForm`].
#[derive(Properties, PartialEq)]
pub struct DetailsFormProps {
    /// The open assessment.
    pub response: Rc<Response>,
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// Changes a detail.
    pub on_action: Callback<Action>,
}

/// Four labelled text fields, saved as they are typed like every other answer.
#[component]
pub fn DetailsForm(props: &DetailsFormProps) -> Html {
    let readonly = use_readonly();
    let response = &props.response;
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
        let id = format!("{}-detail-{suffix}", props.uid);
        let hint_id = format!("{id}-hint");
        let oninput = props.on_action.reform(move |event: InputEvent| Action::Detail {
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
