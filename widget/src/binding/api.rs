//! The scoring functions of the npm package: decode, call the core, encode.

use super::convert as js;
use maturity_core as core;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

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
    let instrument = core::builtin(id).ok_or_else(|| js::error_to_js(&js::unknown_builtin(id)))?;
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
