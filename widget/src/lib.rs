//! The maturity-matrix widget: yew components, and the WebAssembly surface JavaScript calls.
//!
//! This file only decodes arguments, calls the core or mounts the app, and encodes results.

mod app;
mod components;
mod download;
mod js;
mod share_link;
mod state;
mod storage;

pub use app::{App, AppProps, InstrumentSource};
use maturity_core as core;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// A mounted widget. Call `destroy()` when its element is removed.
#[wasm_bindgen]
pub struct MountHandle {
    root: web_sys::Element,
    uid: String,
    options: JsValue,
    /// The app and the element it renders into, a fresh child of `root` per mount: yew tears
    /// an app down on its scheduler, later, so a remount must not share the old app's element.
    app: Option<(yew::AppHandle<App>, web_sys::Element)>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Applies new options (the same shape `mount` takes). The widget starts again from the
    /// saved answers, or from `options.response`, so nothing the person did is lost.
    pub fn update(&mut self, options: JsValue) {
        self.options = options;
        self.render();
    }

    /// Clears the open assessment: its saved answers are deleted (or, when the host supplies
    /// the answers, they are replaced by empty ones) and the widget starts afresh.
    pub fn reset(&mut self) {
        if let Ok(instrument) = instrument_option(&self.options) {
            if self.options_value("response").is_some() {
                let empty = JsValue::from(core::Response::new(&instrument).to_json());
                let _ = js_sys::Reflect::set(&self.options, &"response".into(), &empty);
            } else {
                let storage_key = self.storage_key();
                storage::Shelf::new(&instrument, &storage_key).clear_open();
            }
        }
        self.render();
    }

    /// Unmounts the widget and releases its memory. Safe to call twice.
    pub fn destroy(&mut self) {
        if let Some((app, element)) = self.app.take() {
            element.remove();
            app.destroy();
        }
    }
}

impl MountHandle {
    fn options_value(&self, name: &str) -> Option<JsValue> {
        option_value(&self.options, name)
    }

    fn storage_key(&self) -> String {
        self.options_value("storageKey")
            .and_then(|v| v.as_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "default".to_owned())
    }

    /// Mounts the app afresh from the current options.
    fn render(&mut self) {
        self.destroy();
        let on_error = self
            .options_value("onError")
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let report_error = |error: &core::Error| {
            if let Some(on_error) = &on_error {
                let _ = on_error.call1(&JsValue::NULL, &js::error_to_js(error));
            }
        };
        let source = match instrument_option(&self.options) {
            Ok(instrument) => InstrumentSource::Ready(Rc::new(instrument)),
            Err(error) => {
                report_error(&error);
                InstrumentSource::Failed(Rc::new(error))
            }
        };
        let host_response = match (&source, self.options_value("response")) {
            (InstrumentSource::Ready(instrument), Some(value)) => {
                match js::json_value_from_js(&value, "response")
                    .and_then(|json| core::Response::from_value(&json))
                    .and_then(|response| response.check(instrument).map(|()| response))
                {
                    Ok(response) => Some(Rc::new(response)),
                    Err(error) => {
                        // A response that does not fit is an error the host must hear about;
                        // the widget still opens, on its own saved answers.
                        report_error(&error);
                        None
                    }
                }
            }
            _ => None,
        };
        let on_response = match (&source, self.options_value("onResponse")) {
            (InstrumentSource::Ready(instrument), Some(function)) => {
                let (instrument, function) = (
                    instrument.clone(),
                    function.unchecked_into::<js_sys::Function>(),
                );
                Callback::from(move |(response, changed): (Rc<core::Response>, bool)| {
                    let report = core::score(&instrument, &response);
                    if let (Ok(response), Ok(report)) = (js::to_js(&*response), js::to_js(&report))
                    {
                        let _ = function.call3(&JsValue::NULL, &response, &report, &changed.into());
                    }
                })
            }
            _ => Callback::noop(),
        };
        let props = AppProps {
            source,
            uid: self.uid.clone().into(),
            storage_key: self.storage_key().into(),
            view: self
                .options_value("view")
                .and_then(|v| v.as_string())
                .and_then(|name| state::View::from_name(&name)),
            readonly: self
                .options_value("readonly")
                .is_some_and(|v| v.is_truthy()),
            host_response,
            on_response,
        };
        let Some(element) = self
            .root
            .owner_document()
            .and_then(|d| d.create_element("div").ok())
        else {
            return;
        };
        element.set_class_name("mm-mount");
        if self.root.append_child(&element).is_err() {
            return;
        }
        let app = yew::Renderer::<App>::with_root_and_props(element.clone(), props).render();
        self.app = Some((app, element));
    }
}

thread_local! {
    static NEXT_UID: Cell<u32> = const { Cell::new(1) };
}

/// Mounts the widget into `root`. Options (all optional):
/// - `instrument`: a built-in instrument id (default `"nhs-impact"`), an instrument object or
///   its JSON text;
/// - `storageKey`: separates saved assessments of the same instrument (default `"default"`);
/// - `view`: `"start"`, `"assess"`, `"results"`, `"plan"`, `"paper"` or `"board"` (others
///   are ignored);
/// - `readonly`: show the answers without letting them be changed;
/// - `response`: answers the host owns (object or JSON text): the widget starts from them,
///   reports changes and never uses browser storage;
/// - `onResponse(response, score, changed)`: called on opening and after every change;
/// - `onError(error)`: called with a `MaturityMatrixError` when the instrument or response
///   cannot be used.
///
/// An unusable instrument is shown as an explanation inside the widget rather than thrown, so
/// the page never shows a blank box.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) -> MountHandle {
    let uid = NEXT_UID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        format!("mm{id}")
    });
    let options = if options.is_object() {
        options
    } else {
        js_sys::Object::new().into()
    };
    let mut handle = MountHandle {
        root,
        uid,
        options,
        app: None,
    };
    handle.render();
    handle
}

/// `options[name]` when it is set (not `undefined` or `null`).
fn option_value(options: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(options, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn instrument_option(options: &JsValue) -> Result<core::Instrument, core::Error> {
    let Some(value) = option_value(options, "instrument") else {
        return Ok(
            core::builtin(core::DEFAULT_INSTRUMENT_ID).expect("the default instrument is built in")
        );
    };
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
    js::to_js(&*js::instrument_from_js(&instrument)?)
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
) -> Result<(Rc<core::Instrument>, core::Aggregate), JsValue> {
    let instrument = js::instrument_from_js(instrument)?;
    let responses = js::responses_from_js(responses, &instrument)?;
    let threshold = threshold.unwrap_or(core::DEFAULT_DISAGREEMENT_THRESHOLD);
    let aggregate =
        core::aggregate(&instrument, &responses, threshold).map_err(|e| js::error_to_js(&e))?;
    Ok((instrument, aggregate))
}
