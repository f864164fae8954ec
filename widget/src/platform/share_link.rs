//! Share links in the browser: the response compressed with the browser's own raw DEFLATE
//! (`CompressionStream`, so no compression code is shipped) and carried in the page's URL
//! fragment, which is never sent to a server. The text format lives in `maturity_core::share`.

use js_sys::{Array, Function, Reflect, Uint8Array};
#[cfg(feature = "board")]
use maturity_core::{response_limits, Error, Instrument};
use maturity_core::{share, Response};
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

/// Why a link's bytes could not be turned into text.
enum Expand {
    /// The browser has no `CompressionStream`/`DecompressionStream` for raw DEFLATE.
    Unsupported,
    /// The bytes are not valid compressed data.
    Damaged,
    /// The data expands beyond what any answers can be: it was made to do harm.
    TooLarge,
}

/// The browser's `CompressionStream` or `DecompressionStream` for raw DEFLATE, if it has one.
fn stream(compress: bool) -> Result<JsValue, Expand> {
    let name = if compress {
        "CompressionStream"
    } else {
        "DecompressionStream"
    };
    let constructor: Function = Reflect::get(&js_sys::global(), &name.into())
        .ok()
        .and_then(|c| c.dyn_into().ok())
        .ok_or(Expand::Unsupported)?;
    // Older engines have the stream but not the "deflate-raw" format: they throw here.
    Reflect::construct(&constructor, &Array::of1(&"deflate-raw".into()))
        .map_err(|_| Expand::Unsupported)
}

/// Runs `bytes` through the stream, reading its output a chunk at a time and stopping as soon
/// as it passes `limit` bytes, so crafted data that would expand to gigabytes costs nothing.
async fn transform(bytes: &[u8], compress: bool, limit: usize) -> Result<Vec<u8>, Expand> {
    let transform = stream(compress)?;
    let run = async {
        let blob =
            web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))?;
        let piped = call(
            &call(&blob, "stream", &Array::new())?,
            "pipeThrough",
            &Array::of1(&transform),
        )?;
        let reader = call(&piped, "getReader", &Array::new())?;
        let mut out = Vec::new();
        loop {
            let step = JsFuture::from(
                call(&reader, "read", &Array::new())?.dyn_into::<js_sys::Promise>()?,
            )
            .await?;
            if Reflect::get(&step, &"done".into())?.is_truthy() {
                return Ok(Ok(out));
            }
            let chunk = Uint8Array::new(&Reflect::get(&step, &"value".into())?);
            if out.len() + chunk.length() as usize > limit {
                let _ = call(&reader, "cancel", &Array::new());
                return Ok(Err(Expand::TooLarge));
            }
            out.extend(chunk.to_vec());
        }
    };
    let result: Result<Result<Vec<u8>, Expand>, JsValue> = run.await;
    result.unwrap_or(Err(Expand::Damaged))
}

fn page_address() -> Option<String> {
    let location = web_sys::window()?.location();
    let href = location.href().ok()?;
    Some(href.split('#').next().unwrap_or(&href).to_owned())
}

/// A link to this page carrying `response`, or why one cannot be made.
pub async fn make(response: &Response) -> Result<Link, String> {
    let compressed = transform(response.to_compact_json().as_bytes(), true, usize::MAX)
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
#[cfg(feature = "board")]
pub async fn read(fragment: &str, instrument: &Instrument) -> Result<Response, Error> {
    let bytes = share::from_fragment(fragment)
        .unwrap_or_else(|| Err(Error::single("link", "this is not a share link")))?;
    let damaged = || {
        Error::single(
            "link",
            "the link is damaged: part of it may have been changed or cut off",
        )
    };
    let json = transform(&bytes, false, response_limits::MAX_BYTES)
        .await
        .map_err(|why| match why {
            Expand::Unsupported => Error::single(
                "link",
                "this browser cannot open share links: open the link in an up-to-date browser, or ask for the answers as a file",
            ),
            Expand::TooLarge => Error::single(
                "link",
                "the link holds far more than any answers could, so it was not opened: it may have been made to do harm",
            ),
            Expand::Damaged => damaged(),
        })?;
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
