//! Records that could not be read, kept aside: the person can download one, read its text, or
//! delete it once they are sure it is not needed. Nothing is overwritten until they choose.

use crate::platform::clock::local_date_time;
use crate::platform::files::download;
use crate::state::context::{LibraryContext, WidgetContext};
use crate::state::LibraryAction;
use crate::views::common::titled_section;
use yew::prelude::*;

/// The list, when there is anything on it. A function, not a component: it has no state of
/// its own, and each component type costs kilobytes of generic code.
pub fn aside_copies(widget: &WidgetContext, library: &LibraryContext) -> Html {
    let copies = library.library.copies.clone();
    if copies.is_empty() {
        return html! {};
    }
    let heading_id = widget.id("aside");
    let rows = copies.iter().enumerate().map(|(index, copy)| {
        let what = if copy.slot.is_some() { "An assessment" } else { "The board's collected responses" };
        let when = local_date_time(copy.at_ms);
        let name = format!("{what}, set aside on {when}");
        let file = format!("unreadable-{}.json", copy.at_ms);
        let text = copy.text.clone();
        let download = Callback::from(move |_: MouseEvent| {
            download(&file, "application/json", &text);
        });
        let forget = {
            let (library, key) = (library.library.dispatcher(), copy.key.clone());
            Callback::from(move |_: MouseEvent| library.dispatch(LibraryAction::ForgetCopy(key.clone())))
        };
        let hidden = html! { <span class="mm-visually-hidden">{ format!(" ({name})") }</span> };
        html! {
            <li class="mm-library__entry" key={copy.key.clone()} data-aside={index.to_string()}>
                <p class="mm-library__name">{ name.clone() }</p>
                <details class="mm-aside__text">
                    <summary>{ "Show its text" }{ hidden.clone() }</summary>
                    <pre class="mm-prewrap">{ copy.text.clone() }</pre>
                </details>
                <div class="mm-actions">
                    <button type="button" class="mm-button mm-button--secondary" onclick={download}>{ "Download it" }{ hidden.clone() }</button>
                    <button type="button" class="mm-button mm-button--secondary" onclick={forget}>{ "Delete it" }{ hidden }</button>
                </div>
            </li>
        }
    });
    html! {
        { titled_section(widget, 3, "mm-aside", &heading_id, "Copies that could not be read", html! { <>
            <p class="mm-hint">{ "These were saved in this browser but could not be read when the page opened (they may come from a newer version of this tool, or be damaged). They are kept, untouched: download one to keep it or to ask for help with it." }</p>
            <ul class="mm-library__list">{ for rows }</ul>
        </> }) }
    }
}
