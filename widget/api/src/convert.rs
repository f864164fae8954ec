//! Conversions between JavaScript values and the core's types. Encoding only: no rules here.

use maturity_core::{instrument_limits, response_limits, Error, Instrument, Response};
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

/// The JSON text of a value: a string as it is, a plain object through `JSON.stringify`. `what`
/// ("instrument") can be at most `max_bytes` of text: a longer string is refused before it is
/// copied in, and an object is measured before its text is built (see [`measure`]), so a huge
/// one costs milliseconds rather than the seconds its text would take to write and copy.
pub fn json_text_from_js(value: &JsValue, what: &str, max_bytes: usize) -> Result<String, Error> {
    if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
        // A UTF-16 unit is at least one byte of UTF-8: the length is a size the text is at least.
        let length = text.length() as usize;
        if length > max_bytes {
            return Err(maturity_core::too_large(Some(length), max_bytes, what));
        }
        return Ok(String::from(text));
    }
    measure(value, what, max_bytes)?;
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| Error::single("", format!("the {what} is not plain JSON data")))
}

/// The JSON text of an instrument given from JavaScript (see [`json_text_from_js`]).
pub fn instrument_text_from_js(value: &JsValue) -> Result<String, Error> {
    json_text_from_js(value, "instrument", instrument_limits::MAX_BYTES)
}

/// The JSON text of a response given from JavaScript (see [`json_text_from_js`]).
pub fn response_text_from_js(value: &JsValue, what: &str) -> Result<String, Error> {
    json_text_from_js(value, what, response_limits::MAX_BYTES)
}

/// Walks an object as `JSON.stringify` would, without writing its text, and refuses it as the
/// core would refuse the text: a list or object of more than the core's most entries (its
/// length is known at once, so a list of 100,000 items is refused without a look at them), or
/// text that would pass `max_bytes`. Each string counts its length and quotes, each other value
/// and separator at least a byte, and what the text would leave out (functions, `undefined`,
/// objects written by their own `toJSON`) nothing: the count never exceeds the text's size.
fn measure(value: &JsValue, what: &str, max_bytes: usize) -> Result<(), Error> {
    let mut walk = Walk {
        left: max_bytes,
        path: Vec::new(),
    };
    match walk.value(value, maturity_core::MAX_JSON_DEPTH) {
        Ok(()) => Ok(()),
        Err(Over::Bytes) => Err(maturity_core::too_large(None, max_bytes, what)),
        Err(Over::Entries { count, fields }) => Err(maturity_core::too_many_entries(
            &walk.path_text(),
            count,
            fields,
        )),
    }
}

enum Over {
    Bytes,
    Entries { count: usize, fields: bool },
}

/// Where [`measure`] is, and how many bytes the text may still take.
struct Walk {
    left: usize,
    path: Vec<PathStep>,
}

enum PathStep {
    Key(String),
    Index(usize),
}

impl Walk {
    fn spend(&mut self, bytes: usize) -> Result<(), Over> {
        self.left = self.left.checked_sub(bytes).ok_or(Over::Bytes)?;
        Ok(())
    }

    fn path_text(&self) -> String {
        self.path
            .iter()
            .fold(String::new(), |path, step| match step {
                PathStep::Key(key) => maturity_core::json_path_key(&path, key),
                PathStep::Index(i) => maturity_core::json_path_index(&path, *i),
            })
    }

    fn value(&mut self, value: &JsValue, depth: usize) -> Result<(), Over> {
        if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
            return self.spend(text.length() as usize + 2);
        }
        // Numbers, true, false and null; nesting deeper than the core reads is left to it.
        if !value.is_object() || depth == 0 {
            return self.spend(1);
        }
        if js_sys::Array::is_array(value) {
            let list: &js_sys::Array = value.unchecked_ref();
            let count = list.length() as usize;
            if count > maturity_core::MAX_JSON_ENTRIES {
                return Err(Over::Entries {
                    count,
                    fields: false,
                });
            }
            self.spend(2 + count.saturating_sub(1))?;
            for (i, entry) in list.iter().enumerate() {
                self.path.push(PathStep::Index(i));
                self.value(&entry, depth - 1)?;
                self.path.pop();
            }
            return Ok(());
        }
        if js_sys::Reflect::has(value, &JsValue::from_str("toJSON")).unwrap_or(true) {
            return Ok(());
        }
        let keys = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>());
        let count = keys.length() as usize;
        if count > maturity_core::MAX_JSON_ENTRIES {
            return Err(Over::Entries {
                count,
                fields: true,
            });
        }
        self.spend(2)?;
        let mut first = true;
        for key in keys.iter() {
            let entry = js_sys::Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED);
            if entry.is_undefined() || entry.is_function() || entry.is_symbol() {
                continue; // left out of the text
            }
            let key = key.as_string().unwrap_or_default();
            // Its quotes and colon, and the comma before every field but the first.
            self.spend(key.len() + 3 + usize::from(!first))?;
            first = false;
            self.path.push(PathStep::Key(key));
            self.value(&entry, depth - 1)?;
            self.path.pop();
        }
        Ok(())
    }
}

/// An instrument from a plain object, its JSON text, or a built-in id (`"nhs-impact"`), read and
/// checked on every call: a caller with many calls to make prepares it once (`prepare()`).
pub fn instrument_from_js(value: &JsValue) -> Result<Rc<Instrument>, JsValue> {
    let text = instrument_text_from_js(value).map_err(|e| error_to_js(&e))?;
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
    let text = response_text_from_js(value, what)?;
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
