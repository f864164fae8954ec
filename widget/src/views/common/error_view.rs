//! What the widget shows instead of a blank box when it cannot start.

use maturity_core::Error;
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

/// An alert listing every problem with its path.
#[component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    let problems = props.error.problems().iter().map(|p| {
        html! {
            <li>
                if !p.path.is_empty() { <code class="mm-error__path">{ &p.path }</code>{ ": " } }
                { &p.message }
            </li>
        }
    });
    html! {
        <div class="mm-error" role="alert">
            <h3 class="mm-error__title">{ &props.summary }</h3>
            <ul class="mm-error__list">{ for problems }</ul>
        </div>
    }
}
