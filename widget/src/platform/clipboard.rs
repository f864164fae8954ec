//! Formatted text on the clipboard: HTML, which keeps headings and tables when pasted into
//! Word or an email, with plain text beside it for whatever takes only text.

use gloo_events::{EventListener, EventListenerOptions};
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

/// How the text reached the clipboard, if it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// Through the clipboard's own interface (`navigator.clipboard.write`).
    Written,
    /// Through the older copy command, where the browser lacks that interface or refused it.
    ByCopyCommand,
    /// The browser allowed neither.
    Refused,
}

/// Puts `html` and `text` on the clipboard and tells `on_copied` how it went. Call it from the
/// click that asks for the copy: browsers allow copying only then.
pub fn copy(html: String, text: String, on_copied: Callback<Copied>) {
    match write(&html, &text) {
        Some(written) => wasm_bindgen_futures::spawn_local(async move {
            let copied = if JsFuture::from(written).await.is_ok() {
                Copied::Written
            } else if by_copy_command(&html, &text) {
                Copied::ByCopyCommand
            } else {
                Copied::Refused
            };
            on_copied.emit(copied);
        }),
        // Without the interface the copy command must run now, while the click still counts.
        None => on_copied.emit(if by_copy_command(&html, &text) {
            Copied::ByCopyCommand
        } else {
            Copied::Refused
        }),
    }
}

fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
    let function: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    Reflect::apply(&function, target, args)
}

/// Starts writing both forms with `navigator.clipboard.write` and a `ClipboardItem`; `None`
/// where the browser has neither (older Firefox, pages not served over HTTPS).
fn write(html: &str, text: &str) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let clipboard = Reflect::get(&window.navigator(), &"clipboard".into()).ok()?;
    let item_class: Function = Reflect::get(&window, &"ClipboardItem".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let blob = |content: &str, kind: &str| -> Option<JsValue> {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(kind);
        web_sys::Blob::new_with_str_sequence_and_options(&Array::of1(&content.into()), &options)
            .ok()
            .map(JsValue::from)
    };
    let forms = Object::new();
    Reflect::set(&forms, &"text/html".into(), &blob(html, "text/html")?).ok()?;
    Reflect::set(&forms, &"text/plain".into(), &blob(text, "text/plain")?).ok()?;
    let item = Reflect::construct(&item_class, &Array::of1(&forms)).ok()?;
    call(&clipboard, "write", &Array::of1(&Array::of1(&item)))
        .ok()?
        .dyn_into()
        .ok()
}

/// The copy command (`document.execCommand("copy")`), with both forms handed to the copy
/// event it raises: what browsers offered before the clipboard interface. True if it copied.
fn by_copy_command(html: &str, text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    let (html, text) = (html.to_owned(), text.to_owned());
    let filled = std::rc::Rc::new(std::cell::Cell::new(false));
    let listener = {
        let filled = filled.clone();
        EventListener::new_with_options(
            &document,
            "copy",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                let Ok(data) = Reflect::get(event, &"clipboardData".into()) else {
                    return;
                };
                let set = |kind: &str, content: &str| {
                    call(&data, "setData", &Array::of2(&kind.into(), &content.into())).is_ok()
                };
                if set("text/html", &html) && set("text/plain", &text) {
                    // Only what was handed over: not whatever happens to be selected.
                    event.prevent_default();
                    filled.set(true);
                }
            },
        )
    };
    let commanded = call(&document, "execCommand", &Array::of1(&"copy".into()))
        .is_ok_and(|done| done.is_truthy());
    drop(listener);
    commanded && filled.get()
}
