//! An area that takes files dropped on it, with a button to choose them instead.

use super::ImportButton;
use crate::platform::files::read_files;
use yew::prelude::*;

/// Props for [`DropZone`].
#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    /// Distinguishes the button's id from others in the widget.
    pub id: AttrValue,
    /// What to choose or drop, and what happens to files that cannot be used.
    pub text: AttrValue,
    /// The button's text.
    pub label: AttrValue,
    /// Fired with each file's name and its text (or why it is not text).
    pub on_files: Callback<Vec<(String, Result<String, maturity_core::Error>)>>,
}

/// Dropping is a convenience for pointer users; the button, a native file input, is the way
/// that works for everyone.
#[component]
pub fn DropZone(props: &DropZoneProps) -> Html {
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (dragging, on_files) = (dragging.clone(), props.on_files.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            read_files(
                event.data_transfer().and_then(|d| d.files()),
                on_files.clone(),
            );
        })
    };
    html! {
        <div class={classes!("mm-drop", dragging.then_some("mm-drop--active"))} {ondragover} {ondragleave} {ondrop}>
            <p>{ props.text.clone() }</p>
            <ImportButton id={props.id.clone()} multiple=true label={props.label.clone()} on_files={props.on_files.clone()} />
        </div>
    }
}
