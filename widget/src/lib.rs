//! The maturity-matrix widget: yew components, and the WebAssembly surface JavaScript calls.
//!
//! This file only decodes arguments, calls the core or mounts the app, and encodes results.

mod app;
mod components;
mod download;
mod js;
mod state;
mod storage;

pub use app::{App, AppProps, InstrumentSource};
use maturity_core as core;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// A mounted widget. Call `destroy()` when its element is removed.
#[wasm_bindgen]
pub struct MountHandle {
    app: Option<yew::AppHandle<App>>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Unmounts the widget and releases its memory. Safe to call twice.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

thread_local! {
    static NEXT_UID: Cell<u32> = const { Cell::new(1) };
}

/// Mounts the widget into `root`. `options.instrument` is a built-in instrument id (default
/// `"nhs-impact"`), an instrument object or its JSON text; `options.storageKey` separates
/// saved assessments of the same instrument (default `"default"`). An unusable instrument is shown as
/// an explanation inside the widget rather than thrown, so the page never shows a blank box.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) -> MountHandle {
    let uid = NEXT_UID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        format!("mm{id}")
    });
    let source = match instrument_option(&options) {
        Ok(instrument) => InstrumentSource::Ready(Rc::new(instrument)),
        Err(error) => InstrumentSource::Failed(Rc::new(error)),
    };
    let storage_key = string_option(&options, "storageKey").unwrap_or_else(|| "default".to_owned());
    let view = string_option(&options, "view").and_then(|name| state::View::from_name(&name));
    let props = AppProps {
        source,
        uid: uid.into(),
        storage_key: storage_key.into(),
        view,
    };
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    MountHandle { app: Some(app) }
}

fn string_option(options: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(options, &name.into())
        .ok()?
        .as_string()
        .filter(|s| !s.is_empty())
}

fn instrument_option(options: &JsValue) -> Result<core::Instrument, core::Error> {
    let value = if options.is_object() {
        js_sys::Reflect::get(options, &"instrument".into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    };
    if value.is_undefined() || value.is_null() {
        return Ok(
            core::builtin(core::DEFAULT_INSTRUMENT_ID).expect("the default instrument is built in")
        );
    }
    if let Some(id) = value
        .as_string()
        .filter(|s| !s.trim_start().starts_with('{'))
    {
        return core::builtin(&id).ok_or_else(|| unknown_builtin(&id));
    }
    let json = js::json_value_from_js(&value, "instrument")?;
    core::Instrument::from_value(&json)
}

fn unknown_builtin(id: &str) -> core::Error {
    let known: Vec<&str> = core::builtin_ids().collect();
    core::Error::Invalid(vec![core::Problem {
        path: "instrument".into(),
        message: format!(
            "there is no built-in instrument \"{id}\"; the built-in ones are {}",
            known.join(", ")
        ),
    }])
}

/// Validates an instrument (object or JSON text) and returns it normalised, or throws an
/// `Error` whose `problems` list every `{ path, message }`.
#[wasm_bindgen(js_name = validateInstrument)]
pub fn validate_instrument(instrument: JsValue) -> Result<JsValue, JsValue> {
    js::to_js(&js::instrument_from_js(&instrument)?)
}

/// Scores a response against an instrument: per item, per component and overall.
#[wasm_bindgen]
pub fn score(instrument: JsValue, response: JsValue) -> Result<JsValue, JsValue> {
    let instrument = js::instrument_from_js(&instrument)?;
    let response = js::response_from_js(&response, &instrument)?;
    js::to_js(&core::score(&instrument, &response))
}

/// Reads and checks a response (object or JSON text) against an instrument, migrating older
/// formats, and returns it in the current format.
#[wasm_bindgen(js_name = validateResponse)]
pub fn validate_response(instrument: JsValue, response: JsValue) -> Result<JsValue, JsValue> {
    let instrument = js::instrument_from_js(&instrument)?;
    js::to_js(&js::response_from_js(&response, &instrument)?)
}

/// Combines several responses to one instrument: per item the distribution, median, range and
/// spread, disagreement flags at `threshold` levels (default 2) and the discussion order.
#[wasm_bindgen]
pub fn aggregate(
    instrument: JsValue,
    responses: JsValue,
    threshold: Option<u32>,
) -> Result<JsValue, JsValue> {
    let (_, aggregate) = aggregate_of(&instrument, &responses, threshold)?;
    js::to_js(&aggregate)
}

/// A draft agreed response from several responses: each item at its median level.
#[wasm_bindgen(js_name = agreedDraft)]
pub fn agreed_draft(instrument: JsValue, responses: JsValue) -> Result<JsValue, JsValue> {
    let (instrument, aggregate) = aggregate_of(&instrument, &responses, None)?;
    js::to_js(&core::agreed_draft(&instrument, &aggregate))
}

/// Compares two responses (baseline, then current): per item and component, and the lists of
/// improved, declined and unchanged items.
#[wasm_bindgen]
pub fn compare(
    instrument: JsValue,
    baseline: JsValue,
    current: JsValue,
) -> Result<JsValue, JsValue> {
    let instrument = js::instrument_from_js(&instrument)?;
    let baseline = js::response_from_js(&baseline, &instrument)?;
    let current = js::response_from_js(&current, &instrument)?;
    js::to_js(&core::compare(&instrument, &baseline, &current).map_err(|e| js::error_to_js(&e))?)
}

/// The action plan: every rated item below its target, highest priority first.
#[wasm_bindgen(js_name = actionPlan)]
pub fn action_plan(instrument: JsValue, response: JsValue) -> Result<JsValue, JsValue> {
    let instrument = js::instrument_from_js(&instrument)?;
    let response = js::response_from_js(&response, &instrument)?;
    js::to_js(&core::action_plan(&instrument, &response))
}

/// A response as CSV (one row per item), safe to open in a spreadsheet.
#[wasm_bindgen(js_name = responseCsv)]
pub fn response_csv(instrument: JsValue, response: JsValue) -> Result<String, JsValue> {
    let instrument = js::instrument_from_js(&instrument)?;
    let response = js::response_from_js(&response, &instrument)?;
    Ok(core::response_csv(&instrument, &response))
}

/// A board aggregation as CSV (one row per item).
#[wasm_bindgen(js_name = aggregateCsv)]
pub fn aggregate_csv(
    instrument: JsValue,
    responses: JsValue,
    threshold: Option<u32>,
) -> Result<String, JsValue> {
    let (instrument, aggregate) = aggregate_of(&instrument, &responses, threshold)?;
    Ok(core::aggregate_csv(&instrument, &aggregate))
}

/// A built-in instrument by id, as a plain object.
#[wasm_bindgen(js_name = builtinInstrument)]
pub fn builtin_instrument(id: &str) -> Result<JsValue, JsValue> {
    let instrument = core::builtin(id).ok_or_else(|| js::error_to_js(&unknown_builtin(id)))?;
    js::to_js(&instrument)
}

/// The ids of the built-in instruments, default first.
#[wasm_bindgen(js_name = builtinInstrumentIds)]
pub fn builtin_instrument_ids() -> Vec<String> {
    core::builtin_ids().map(str::to_owned).collect()
}

/// Reads the instrument and responses and aggregates them: shared by the board entry points.
fn aggregate_of(
    instrument: &JsValue,
    responses: &JsValue,
    threshold: Option<u32>,
) -> Result<(core::Instrument, core::Aggregate), JsValue> {
    let instrument = js::instrument_from_js(instrument)?;
    let responses = js::responses_from_js(responses, &instrument)?;
    let threshold = threshold.unwrap_or(core::DEFAULT_DISAGREEMENT_THRESHOLD);
    let aggregate =
        core::aggregate(&instrument, &responses, threshold).map_err(|e| js::error_to_js(&e))?;
    Ok((instrument, aggregate))
}
