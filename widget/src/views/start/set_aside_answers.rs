//! Answers the open assessment holds that no longer fit the matrix (a local matrix revised
//! since they were given): listed by item, kept with the assessment, left out of every score.

use crate::state::context::{LibraryContext, SessionContext, WidgetContext};
use crate::views::common::titled_section;
use yew::prelude::*;

/// The list, when the open assessment has any such answers. A function, not a component: it
/// has no state of its own, and each component type costs kilobytes of generic code.
pub fn set_aside_answers(
    widget: &WidgetContext,
    session: &SessionContext,
    library: &LibraryContext,
) -> Html {
    let Some(record) = session
        .slot
        .and_then(|slot| library.library.record(slot).cloned())
    else {
        return html! {};
    };
    if record.set_aside.is_empty() {
        return html! {};
    }
    let heading_id = widget.id("set-aside");
    let rows = record.set_aside.iter().map(|kept| {
        let mut given: Vec<String> = Vec::new();
        if let Some(level) = kept.answer.level {
            given.push(format!("level {level}"));
        }
        if let Some(special) = kept.answer.special {
            given.push(
                widget
                    .instrument
                    .rating_label(maturity_core::Rating::Special(special))
                    .to_owned(),
            );
        }
        if !kept.answer.notes.is_empty() {
            given.push(format!("notes: \u{201c}{}\u{201d}", kept.answer.notes));
        }
        html! {
            <li key={kept.item.clone()} data-set-aside={kept.item.clone()}>
                <strong>{ &kept.item }</strong>{ format!(": {}. ", given.join("; ")) }
                <span class="mm-hint">{ format!("Why it is set aside: {}.", kept.reason) }</span>
            </li>
        }
    });
    html! {
        { titled_section(widget, 2, "mm-set-aside", &heading_id, "Answers that no longer fit this matrix", html! { <>
            <p>{ "The matrix has changed since these answers were given: their items are gone, or their levels are no longer on the scale. They are kept with this assessment, and in its downloads, but left out of every score." }</p>
            <ul class="mm-list">{ for rows }</ul>
        </> }) }
    }
}
