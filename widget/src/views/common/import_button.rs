//! A button that opens files and hands over their text.

use crate::platform::files::read_files;
use crate::state::context::use_widget;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props for [`ImportButton`].
#[derive(Properties, PartialEq)]
pub struct ImportButtonProps {
    /// Distinguishes this button's id from others in the widget.
    #[prop_or(AttrValue::Static("import"))]
    pub id: AttrValue,
    /// The button's text.
    #[prop_or(AttrValue::Static("Import answers (JSON file)"))]
    pub label: AttrValue,
    /// Whether several files may be chosen at once.
    #[prop_or_default]
    pub multiple: bool,
    /// Fired with each chosen file's name and its text (or why it is not text), once all are
    /// read.
    pub on_files: Callback<Vec<(String, Result<String, maturity_core::Error>)>>,
}

/// A native file input, visually replaced by its label styled as a button, so it keeps the
/// browser's own keyboard and screen reader behaviour. Files are read here, never uploaded.
#[component]
pub fn ImportButton(props: &ImportButtonProps) -> Html {
    let widget = use_widget();
    let id = widget.id(&props.id);
    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            read_files(input.files(), on_files.clone());
            // Cleared so that choosing the same file again, after fixing it, fires again.
            input.set_value("");
        })
    };
    html! {
        <span class="mm-file">
            <input class="mm-file__input" type="file" id={id.clone()} accept=".json,application/json" multiple={props.multiple} {onchange} />
            <label class="mm-button mm-button--secondary mm-file__label" for={id}>{ &props.label }</label>
        </span>
    }
}
