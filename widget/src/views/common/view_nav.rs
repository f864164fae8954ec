//! The navigation between the views of an assessment.

use crate::state::context::use_widget;
use crate::state::View;
use web_sys::HtmlElement;
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
///
/// In a narrow column (under 40em, a phone) the eight buttons would wrap to three rows above
/// every view, so they sit behind one disclosure button that names the view shown ("Views:
/// Results"); the stylesheet shows that button and hides the closed list only there. Escape
/// closes the list and puts focus back on its button.
#[component]
pub fn ViewNav(props: &ViewNavProps) -> Html {
    let widget = use_widget();
    let open = use_state(|| false);
    let toggle = use_node_ref();
    let focus_toggle = {
        let toggle = toggle.clone();
        move || {
            if let Some(button) = toggle.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        }
    };
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
            let onclick = {
                let (open, on_select, focus_toggle) =
                    (open.clone(), props.on_select.clone(), focus_toggle.clone());
                Callback::from(move |_: MouseEvent| {
                    open.set(false);
                    // Another view moves focus to its heading; the same one leaves it on a
                    // button about to be hidden, so it goes back to the menu's button.
                    if current {
                        focus_toggle();
                    }
                    on_select.emit(view);
                })
            };
            html! {
                <li key={view.name()}>
                    <button type="button" class="mm-nav__button" data-view={view.name()}
                        aria-current={current.then_some("page")} {onclick}>{ view.label() }</button>
                </li>
            }
        });
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let onkeydown = {
        let (open, focus_toggle) = (open.clone(), focus_toggle.clone());
        Callback::from(move |event: KeyboardEvent| {
            if *open && event.key() == "Escape" {
                open.set(false);
                focus_toggle();
            }
        })
    };
    let list_id = widget.id("views");
    html! {
        <nav class="mm-nav mm-noprint" aria-label="Assessment" {onkeydown}>
            <button type="button" class="mm-nav__toggle" ref={toggle} aria-expanded={open.to_string()}
                aria-controls={list_id.clone()} onclick={on_toggle}>{ "Views: " }{ props.current.label() }</button>
            <ul class="mm-nav__list" id={list_id}>{ for buttons }</ul>
        </nav>
    }
}
