//! The navigation between the views of an assessment.

use crate::state::View;
use yew::prelude::*;

/// Props for [`ViewNav`].
#[derive(Properties, PartialEq)]
pub struct ViewNavProps {
    /// The view shown.
    pub current: View,
    /// Fired with the view chosen.
    pub on_select: Callback<View>,
    /// Whether to offer the board view: only on a facilitator's device, so raters are not
    /// shown a view of everyone's ratings.
    pub board: bool,
}

/// A `nav` of buttons, the current one marked with `aria-current`. Buttons, not links: the
/// views are states of one widget, and links would put the widget's state in the host's URL.
#[component]
pub fn ViewNav(props: &ViewNavProps) -> Html {
    let buttons = View::ALL
        .into_iter()
        // The facilitation view is reached from the board view; the board and system views
        // only on a facilitator's device.
        .filter(|view| match view {
            View::Facilitate => false,
            View::Board | View::System => props.board,
            _ => true,
        })
        .map(|view| {
            let current = view == props.current;
            let onclick = props.on_select.reform(move |_: MouseEvent| view);
            html! {
                <li key={view.name()}>
                    <button type="button" class="mm-nav__button" data-view={view.name()}
                        aria-current={current.then_some("page")} {onclick}>{ view.label() }</button>
                </li>
            }
        });
    html! {
        <nav class="mm-nav mm-noprint" aria-label="Assessment">
            <ul class="mm-nav__list">{ for buttons }</ul>
        </nav>
    }
}
