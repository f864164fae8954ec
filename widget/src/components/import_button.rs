//! A button that opens a file and hands over its text.

use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props for [`ImportButton`].
#[derive(Properties, PartialEq)]
pub struct ImportButtonProps {
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// The button's text.
    #[prop_or(AttrValue::Static("Import answers (JSON file)"))]
    pub label: AttrValue,
    /// Fired with the file's name and text.
    pub on_file: Callback<(String, String)>,
}

/// A native file input, visually replaced by its label styled as a button, so it keeps the
/// browser's own keyboard and screen reader behaviour. Files are read here, never uploaded.
#[component]
pub fn ImportButton(props: &ImportButtonProps) -> Html {
    let id = format!("{}-import", props.uid);
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Cleared so that choosing the same file again, after fixing it, fires again.
            input.set_value("");
            let on_file = on_file.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string());
                on_file.emit((file.name(), text.unwrap_or_default()));
            });
        })
    };
    html! {
        <span class="mm-file">
            <input class="mm-file__input" type="file" id={id.clone()} accept=".json,application/json" {onchange} />
            <label class="mm-button mm-button--secondary mm-file__label" for={id}>{ &props.label }</label>
        </span>
    }
}
