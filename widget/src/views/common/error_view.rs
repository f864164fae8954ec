//! What the widget shows instead of a blank box when something cannot be used.

use crate::state::context::WidgetContext;
use maturity_core::{Error, Problem};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`ErrorView`].
#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    /// A one-line summary of what failed.
    pub summary: AttrValue,
    /// The problems, each with its JSON path.
    pub error: Rc<Error>,
}

/// An alert listing every problem in words a board secretary can act on: the item it concerns
/// by its title where the path names one, then what is wrong. The path and any technical
/// detail (line and column) are kept in a details element, for whoever fixes the file.
#[component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    // Outside a workspace (a matrix that cannot be read at all) there is no instrument to name
    // items from.
    let widget = use_context::<WidgetContext>();
    let item_title = |problem: &Problem| {
        let id = problem
            .path
            .strip_prefix("answers.")?
            .split(['.', '['])
            .next()?;
        let (_, item) = widget.as_ref()?.instrument.item(id)?;
        Some(format!("\u{201c}{}\u{201d}: ", item.title))
    };
    let problems = props.error.problems().iter().map(|p| {
        let technical = [p.path.as_str(), p.detail.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        html! {
            <li>
                { item_title(p).unwrap_or_default() }{ &p.message }
                if !technical.is_empty() {
                    <details class="mm-error__detail">
                        <summary>{ "Technical detail" }</summary>
                        <code class="mm-error__path">{ technical }</code>
                    </details>
                }
            </li>
        }
    });
    html! {
        <div class="mm-error" role="alert">
            <@{widget.as_ref().map_or("h3", |w| w.h(1))} class="mm-error__title">{ &props.summary }</@>
            <ul class="mm-error__list">{ for problems }</ul>
        </div>
    }
}
