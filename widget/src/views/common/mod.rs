//! Pieces several views share.

mod date_input;
mod download_button;
#[cfg(feature = "board")]
mod drop_zone;
mod error_view;
mod import_button;
mod plan_table;
mod save_notice;
mod score_table;
mod view_nav;

pub use date_input::DateInput;
pub use download_button::DownloadButton;
#[cfg(feature = "board")]
pub use drop_zone::DropZone;
pub use error_view::ErrorView;
pub use import_button::ImportButton;
pub use plan_table::PlanTable;
pub use save_notice::SaveNotice;
pub use score_table::ScoreTable;
pub use view_nav::ViewNav;

use yew::prelude::*;

/// A table in its own scrolling region, named for screen readers and reachable by keyboard,
/// so a table wider than a narrow column scrolls there instead of the page, and no word in it
/// is broken to make it fit.
pub fn scroll_region(label: &str, table: Html) -> Html {
    html! {
        <div class="mm-scroll" tabindex="0" role="region" aria-label={label.to_owned()}>{ table }</div>
    }
}

#[cfg(feature = "board")]
/// What a batch of files gave, one line each: the words, and the problems' paths in a details
/// element for whoever fixes the file.
pub fn said_list(messages: &[crate::state::Said]) -> Html {
    html! {
        <ul class="mm-list">{ for messages.iter().map(|said| html! {
            <li>
                { &said.text }
                if let Some(detail) = &said.detail {
                    <details class="mm-error__detail">
                        <summary>{ "Technical detail" }</summary>
                        <p class="mm-prewrap">{ detail }</p>
                    </details>
                }
            </li>
        }) }</ul>
    }
}

/// A section named by its own heading (`aria-labelledby`), the heading `depth` levels below the
/// widget's: the shape of every titled part of a view, its empty state included.
pub fn titled_section(
    widget: &crate::state::context::WidgetContext,
    depth: u8,
    class: &'static str,
    id: &str,
    title: &'static str,
    body: Html,
) -> Html {
    html! {
        <section {class} aria-labelledby={id.to_owned()}>
            <@{widget.h(depth)} id={id.to_owned()}>{ title }</@>
            { body }
        </section>
    }
}
