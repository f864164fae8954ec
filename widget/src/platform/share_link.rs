//! Share links in the browser: the response compressed with the browser's own raw DEFLATE
//! (`CompressionStream`, so no compression code is shipped) and carried in the page's URL
//! fragment, which is never sent to a server. The text format lives in `maturity_core::share`.

use js_sys::{Array, Function, Reflect, Uint8Array};
use maturity_core::{share, Error, Instrument, Response};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A share link, and whether it is long enough that some tools may cut it off.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The page's address with the answers in its fragment.
    pub url: String,
    /// True above [`share::LINK_WARN_LENGTH`] characters.
    pub long: bool,
}

fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
    let function: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    Reflect::apply(&function, target, args)
}

/// Runs `bytes` through the browser's `CompressionStream` or `DecompressionStream`.
async fn transform(bytes: &[u8], compress: bool) -> Result<Vec<u8>, JsValue> {
    let global = js_sys::global();
    let name = if compress {
        "CompressionStream"
    } else {
        "DecompressionStream"
    };
    let constructor: Function = Reflect::get(&global, &name.into())?.dyn_into()?;
    let stream = Reflect::construct(&constructor, &Array::of1(&"deflate-raw".into()))?;
    let blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))?;
    let piped = call(
        &call(&blob, "stream", &Array::new())?,
        "pipeThrough",
        &Array::of1(&stream),
    )?;
    let response_class: Function = Reflect::get(&global, &"Response".into())?.dyn_into()?;
    let response = Reflect::construct(&response_class, &Array::of1(&piped))?;
    let buffer = JsFuture::from(
        call(&response, "arrayBuffer", &Array::new())?.dyn_into::<js_sys::Promise>()?,
    )
    .await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

fn page_address() -> Option<String> {
    let location = web_sys::window()?.location();
    let href = location.href().ok()?;
    Some(href.split('#').next().unwrap_or(&href).to_owned())
}

/// A link to this page carrying `response`, or why one cannot be made.
pub async fn make(response: &Response) -> Result<Link, String> {
    let compressed = transform(response.to_compact_json().as_bytes(), true)
        .await
        .map_err(|_| "this browser cannot compress the answers into a link".to_owned())?;
    let url = format!(
        "{}#{}",
        page_address().ok_or("the page's address is not available")?,
        share::fragment(&compressed)
    );
    if url.len() > share::LINK_MAX_LENGTH {
        return Err(format!(
            "the link would be {} characters long, more than browsers and email reliably carry ({}). Download the answers as a file instead.",
            url.len(),
            share::LINK_MAX_LENGTH
        ));
    }
    Ok(Link {
        long: url.len() > share::LINK_WARN_LENGTH,
        url,
    })
}

/// The page's fragment, when it holds a share link.
pub fn fragment_of_page() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.contains(share::FRAGMENT_KEY).then_some(hash)
}

/// The answers in a share-link fragment, checked against `instrument`.
pub async fn read(fragment: &str, instrument: &Instrument) -> Result<Response, Error> {
    let bytes = share::from_fragment(fragment)
        .unwrap_or_else(|| Err(Error::single("link", "this is not a share link")))?;
    let damaged = || {
        Error::single(
            "link",
            "the link is damaged: part of it may have been changed or cut off",
        )
    };
    let json = transform(&bytes, false).await.map_err(|_| damaged())?;
    let text = String::from_utf8(json).map_err(|_| damaged())?;
    Response::from_json_for(&text, instrument)
}

/// Takes the share link out of the page's address, leaving the page where it was.
pub fn clear_from_page() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let (Some(address), Ok(history)) = (page_address(), window.history()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
    }
}

/// Puts `text` on the clipboard; false when the browser refuses (the link stays on screen).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let copied = (|| {
        let clipboard = Reflect::get(&window.navigator(), &"clipboard".into()).ok()?;
        call(&clipboard, "writeText", &Array::of1(&text.into()))
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    })();
    match copied {
        Some(promise) => JsFuture::from(promise).await.is_ok(),
        None => false,
    }
}
