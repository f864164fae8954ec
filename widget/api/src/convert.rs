//! Conversions between JavaScript values and the core's types. Encoding only: no rules here.

use maturity_core::{Error, Instrument, Response};
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Turns a core error into a real JavaScript `Error` with `name`, `path` (of the first problem)
/// and `problems` (every `{ path, message }`), so callers can show or inspect each one.
pub fn error_to_js(error: &Error) -> JsValue {
    let js_error = js_sys::Error::new(&error.to_string());
    js_error.set_name("MaturityMatrixError");
    let first_path = error.problems().first().map_or("", |p| p.path.as_str());
    let problems = to_js(&error.problems()).unwrap_or(JsValue::NULL);
    let object: &JsValue = js_error.as_ref();
    // Setting plain data properties on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(object, &"path".into(), &first_path.into());
    let _ = js_sys::Reflect::set(object, &"problems".into(), &problems);
    js_error.into()
}

/// Plain objects and arrays, exactly what `JSON.parse` gives. Going through JSON text reuses
/// the serializer the core already has, instead of a second one per type (measured: smaller
/// wasm), and gives JavaScript the same numbers the native JSON exports carry.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    js_sys::JSON::parse(&text)
}

/// The JSON text of a value: a string as it is, a plain object through `JSON.stringify`.
pub fn json_text_from_js(value: &JsValue, what: &str) -> Result<String, Error> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| Error::single("", format!("the {what} is not plain JSON data")))
}

/// An instrument from a plain object, its JSON text, or a built-in id (`"nhs-impact"`), read and
/// checked on every call: a caller with many calls to make prepares it once (`prepare()`).
pub fn instrument_from_js(value: &JsValue) -> Result<Rc<Instrument>, JsValue> {
    let text = json_text_from_js(value, "instrument").map_err(|e| error_to_js(&e))?;
    let read = maturity_core::instrument_from_text(&text);
    Ok(Rc::new(read.map_err(|e| error_to_js(&e))?))
}

/// A response from a JSON string or a plain object, checked against `instrument`. Objects go
/// through their JSON text too, so every route applies the same size limit before reading.
pub fn response_from_js(value: &JsValue, instrument: &Instrument) -> Result<Response, JsValue> {
    read_response(value, instrument).map_err(|e| error_to_js(&e))
}

fn read_response(value: &JsValue, instrument: &Instrument) -> Result<Response, Error> {
    let response = read_unchecked(value, "response")?;
    response.check(instrument)?;
    Ok(response)
}

/// A response read from its JSON text: with the `quick-read` feature the quick way first, and
/// the full reader (which migrates older formats and names every problem) when that declines.
fn read_unchecked(value: &JsValue, what: &str) -> Result<Response, Error> {
    let text = json_text_from_js(value, what)?;
    #[cfg(feature = "quick-read")]
    if let Some(response) = Response::from_json_quickly(&text) {
        return Ok(response);
    }
    Response::from_json(&text)
}

/// A list of responses, each checked against `instrument`; a failure names its position
/// (`[2].answers.x.level`).
pub fn responses_from_js(
    value: &JsValue,
    instrument: &Instrument,
) -> Result<Vec<Response>, JsValue> {
    list_from_js(value, |item| read_response(item, instrument))
}

/// A list of agreed records for the system view, read but not yet checked against the
/// instrument: the core fits a record made against another version of it.
pub fn records_from_js(value: &JsValue) -> Result<Vec<Response>, JsValue> {
    list_from_js(value, |item| read_unchecked(item, "record"))
}

fn list_from_js(
    value: &JsValue,
    read: impl Fn(&JsValue) -> Result<Response, Error>,
) -> Result<Vec<Response>, JsValue> {
    if !js_sys::Array::is_array(value) {
        return Err(error_to_js(&Error::single(
            "",
            "expected a list of responses",
        )));
    }
    let mut problems = Vec::new();
    let mut responses = Vec::new();
    for (i, item) in js_sys::Array::from(value).iter().enumerate() {
        match read(&item) {
            Ok(response) => responses.push(response),
            Err(error) => problems.extend_from_slice(error.nested(&format!("[{i}]")).problems()),
        }
    }
    if problems.is_empty() {
        Ok(responses)
    } else {
        Err(error_to_js(&Error::Invalid(problems)))
    }
}
