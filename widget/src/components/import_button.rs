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
    /// Whether several files may be chosen at once.
    #[prop_or_default]
    pub multiple: bool,
    /// Fired with each chosen file's name and text, once all are read.
    pub on_files: Callback<Vec<(String, String)>>,
}

/// The files of a `FileList`, taken out before the list can change.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length())
        .filter_map(|index| list.get(index))
        .collect()
}

/// Reads files as text, in order: `(name, text)`.
pub async fn read_files(files: Vec<web_sys::File>) -> Vec<(String, String)> {
    let mut read = Vec::with_capacity(files.len());
    for file in files {
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string());
        read.push((file.name(), text.unwrap_or_default()));
    }
    read
}

/// A native file input, visually replaced by its label styled as a button, so it keeps the
/// browser's own keyboard and screen reader behaviour. Files are read here, never uploaded.
#[component]
pub fn ImportButton(props: &ImportButtonProps) -> Html {
    let id = format!("{}-import", props.uid);
    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let files = input
                .files()
                .map(|list| files_of(&list))
                .unwrap_or_default();
            // Cleared so that choosing the same file again, after fixing it, fires again.
            input.set_value("");
            let on_files = on_files.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let read = read_files(files).await;
                if !read.is_empty() {
                    on_files.emit(read);
                }
            });
        })
    };
    html! {
        <span class="mm-file">
            <input class="mm-file__input" type="file" id={id.clone()} accept=".json,application/json" multiple={props.multiple} {onchange} />
            <label class="mm-button mm-button--secondary mm-file__label" for={id}>{ &props.label }</label>
        </span>
    }
}
