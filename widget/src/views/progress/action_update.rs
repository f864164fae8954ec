//! One action: where it stands in words, and its status and progress log updated in place.

use crate::platform::clock::today;
use crate::state::context::{use_session, use_widget};
use crate::state::Action;
use maturity_core::{date_in_words, ActionProgress, ProgressLine, Status};
use std::rc::Rc;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Props for [`ActionUpdate`].
#[derive(Properties, PartialEq)]
pub struct ActionUpdateProps {
    /// The action, from the core's progress report.
    pub action: Rc<ActionProgress>,
}

/// The action's facts (status and overdue in words, never by colour alone), a status select
/// and a box for a dated progress note. A status change is said in a polite status line.
#[component]
pub fn ActionUpdate(props: &ActionUpdateProps) -> Html {
    let (widget, session) = (use_widget(), use_session());
    let action = &props.action;
    let base = format!("{}-progress-{}", widget.uid, action.item_id);
    let said = use_state(String::new);
    let note = use_state(String::new);
    let on_status = {
        let (on_action, item, title, said) = (
            session.on_action.clone(),
            action.item_id.clone(),
            action.item_title.clone(),
            said.clone(),
        );
        Callback::from(move |event: Event| {
            let name = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(status) = Status::ALL.into_iter().find(|s| s.name() == name) {
                on_action.emit(Action::Status {
                    item: item.clone(),
                    status,
                });
                said.set(format!(
                    "{title}: now {}.",
                    status.label().to_ascii_lowercase()
                ));
            }
        })
    };
    let on_note = {
        let note = note.clone();
        Callback::from(move |event: InputEvent| {
            note.set(event.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let add_note = {
        let (on_action, item, note, said, status) = (
            session.on_action.clone(),
            action.item_id.clone(),
            note.clone(),
            said.clone(),
            action.status,
        );
        Callback::from(move |_: MouseEvent| {
            let text = note.trim().to_owned();
            if text.is_empty() {
                said.set("Write the note first, then add it.".to_owned());
                return;
            }
            let line = ProgressLine {
                date: today(),
                text,
                status: Some(status),
            };
            on_action.emit(Action::Progress {
                item: item.clone(),
                line,
            });
            note.set(String::new());
            said.set("Note added.".to_owned());
        })
    };
    let options = Status::ALL.iter().map(|status| {
        html! { <option value={status.name()} selected={*status == action.status}>{ status.label() }</option> }
    });
    let due = if action.due.is_empty() {
        "No date set".to_owned()
    } else {
        date_in_words(&action.due)
    };
    let what = if action.action.is_empty() {
        "To be agreed"
    } else {
        action.action.as_str()
    };
    html! {
        <li class="mm-progress__action" data-progress-item={action.item_id.clone()}>
            <@{widget.h(2)} class="mm-progress__title">{ &action.item_title }</@>
            if action.overdue {
                <p class="mm-tag mm-tag--overdue">{ format!("Overdue: it was due on {due}") }</p>
            }
            <dl class="mm-facts">
                <dt>{ "Action" }</dt><dd class="mm-prewrap">{ what }</dd>
                <dt>{ "Status" }</dt><dd>{ action.status.label() }</dd>
                <dt>{ "Owner" }</dt><dd>{ if action.owner.is_empty() { "To be agreed" } else { &action.owner } }</dd>
                <dt>{ "Due" }</dt><dd>{ due.clone() }</dd>
                if let Some(latest) = &action.latest {
                    <dt>{ "Latest progress" }</dt>
                    <dd class="mm-prewrap">{ format!("{}: {}", date_in_words(&latest.date), latest.text) }</dd>
                }
            </dl>
            if !widget.readonly {
                <div class="mm-field">
                    <label class="mm-field__label" for={format!("{base}-status")}>
                        { "Status" }<span class="mm-visually-hidden">{ format!(" of the action for {}", action.item_title) }</span>
                    </label>
                    <select class="mm-select" id={format!("{base}-status")} onchange={on_status}>{ for options }</select>
                </div>
                <div class="mm-field">
                    <label class="mm-field__label" for={format!("{base}-note")}>
                        { "Progress note" }<span class="mm-visually-hidden">{ format!(" for {}", action.item_title) }</span>
                    </label>
                    <p class="mm-hint" id={format!("{base}-note-hint")}>{ "Dated today when you add it. One line is enough: what happened, what is next." }</p>
                    <textarea class="mm-notes__input" id={format!("{base}-note")} rows="2" value={(*note).clone()}
                        oninput={on_note} aria-describedby={format!("{base}-note-hint")} />
                </div>
                <div class="mm-actions">
                    <button type="button" class="mm-button mm-button--secondary" onclick={add_note}>
                        { "Add the note" }<span class="mm-visually-hidden">{ format!(" for {}", action.item_title) }</span>
                    </button>
                </div>
                <p class="mm-hint" role="status">{ (*said).clone() }</p>
            }
        </li>
    }
}
