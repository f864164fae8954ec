//! The functions themselves, exported to JavaScript (the `functions` feature).

use crate::convert as js;
use maturity_core as core;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

// The data types, generated from the core's Rust types by `core/tests/typescript.rs`, so the
// declarations wasm-bindgen writes for these functions are complete on their own.
#[wasm_bindgen(typescript_custom_section)]
const DATA_TYPES: &str = include_str!("../../../www/src/types.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const INPUTS: &str = r#"
/** An instrument as an object, as its JSON text, or a built-in id such as `"nhs-impact"`. */
export type InstrumentInput = Instrument | string;
/** A response as an object or as its JSON text (older formats are migrated). */
export type ResponseInput = Response | string;
"#;

/// An instrument read and checked once, with the functions that use it: faster than the free
/// functions when one instrument scores many responses. Made by `prepare`; call `free()` (or
/// let it be garbage-collected) when done.
#[wasm_bindgen]
pub struct PreparedInstrument {
    instrument: Rc<core::Instrument>,
}

/// Reads and checks an instrument once (an object, its JSON text, or a built-in id such as
/// `"nhs-impact"`), for scoring many responses against it. Throws a `MaturityMatrixError`
/// listing every problem with its path.
#[wasm_bindgen(unchecked_return_type = "PreparedInstrument")]
pub fn prepare(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
) -> Result<PreparedInstrument, JsValue> {
    Ok(PreparedInstrument {
        instrument: js::instrument_from_js(&instrument)?,
    })
}

#[wasm_bindgen]
impl PreparedInstrument {
    /// The instrument, normalised (defaults filled in).
    #[wasm_bindgen(getter, unchecked_return_type = "Instrument")]
    pub fn instrument(&self) -> Result<JsValue, JsValue> {
        js::to_js(&*self.instrument)
    }

    /// Scores a response: per item, per component and overall.
    #[wasm_bindgen(unchecked_return_type = "ScoreReport")]
    pub fn score(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ResponseInput")] response: JsValue,
    ) -> Result<JsValue, JsValue> {
        let response = self.response(&response)?;
        js::to_js(&core::score(&self.instrument, &response))
    }

    /// Reads and checks a response, migrating older formats; returns it in the current format.
    #[wasm_bindgen(js_name = validateResponse, unchecked_return_type = "Response")]
    pub fn validate_response(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ResponseInput")] response: JsValue,
    ) -> Result<JsValue, JsValue> {
        js::to_js(&self.response(&response)?)
    }

    /// Combines several responses: per item the distribution, median, range and spread,
    /// disagreement flags at `threshold` levels (default 2) and the discussion order.
    #[wasm_bindgen(unchecked_return_type = "Aggregate")]
    pub fn aggregate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ResponseInput[]")] responses: JsValue,
        threshold: Option<u32>,
    ) -> Result<JsValue, JsValue> {
        js::to_js(&self.aggregate_of(&responses, threshold)?)
    }

    /// A draft agreed response from several responses: each item at its median level, the
    /// organisation they all name, and `agreed` saying how many people's ratings it combines
    /// and, when `today` (`YYYY-MM-DD`) is given, the day it was agreed.
    #[wasm_bindgen(js_name = agreedDraft, unchecked_return_type = "Response")]
    pub fn agreed_draft(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ResponseInput[]")] responses: JsValue,
        today: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let today = today.unwrap_or_default();
        if !today.is_empty() && !core::is_real_date(&today) {
            return Err(js::error_to_js(&core::Error::single(
                "today",
                format!("\"{today}\" is not a real date written as YYYY-MM-DD"),
            )));
        }
        let aggregate = self.aggregate_of(&responses, None)?;
        js::to_js(&core::agreed_draft(&self.instrument, &aggregate, &today))
    }

    /// Compares two responses (baseline, then current): per item and component, and the lists
    /// of improved, declined and unchanged items.
    #[wasm_bindgen(unchecked_return_type = "Comparison")]
    pub fn compare(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ResponseInput")] baseline: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ResponseInput")] current: JsValue,
    ) -> Result<JsValue, JsValue> {
        let baseline = self.response(&baseline)?;
        let current = self.response(&current)?;
        let comparison = core::compare(&self.instrument, &baseline, &current)
            .map_err(|e| js::error_to_js(&e))?;
        js::to_js(&comparison)
    }

    /// The action plan: every rated item below its target, in the plan's order.
    #[wasm_bindgen(js_name = actionPlan, unchecked_return_type = "ActionPlanEntry[]")]
    pub fn action_plan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ResponseInput")] response: JsValue,
    ) -> Result<JsValue, JsValue> {
        let response = self.response(&response)?;
        js::to_js(&core::action_plan(&self.instrument, &response))
    }

    /// A response as CSV (one row per item), safe to open in a spreadsheet.
    #[wasm_bindgen(js_name = responseCsv)]
    pub fn response_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ResponseInput")] response: JsValue,
    ) -> Result<String, JsValue> {
        let response = self.response(&response)?;
        Ok(core::response_csv(&self.instrument, &response))
    }

    /// How the plan is going on `today` (`YYYY-MM-DD`): each action's status, overdue ones
    /// first, the counts by status and a sentence for a board paper.
    #[wasm_bindgen(unchecked_return_type = "ProgressReport")]
    pub fn progress(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ResponseInput")] response: JsValue,
        today: &str,
    ) -> Result<JsValue, JsValue> {
        let response = self.response(&response)?;
        js::to_js(&core::progress(&self.instrument, &response, today))
    }

    /// Each component's score and the overall figure across assessments (oldest first), the
    /// items that moved most and those not rated in every assessment.
    #[wasm_bindgen(unchecked_return_type = "Trends")]
    pub fn trends(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ResponseInput[]")] responses: JsValue,
    ) -> Result<JsValue, JsValue> {
        let responses = js::responses_from_js(&responses, &self.instrument)?;
        js::to_js(&core::trends(&self.instrument, &responses))
    }

    /// An iCalendar (`.ics`) file with the next review and each open action's due date as
    /// all-day events. `now` is the file's timestamp (`2026-11-29T09:30:00Z`), `today` the day.
    #[wasm_bindgen(js_name = calendarIcs)]
    pub fn calendar_ics(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ResponseInput")] response: JsValue,
        now: &str,
        today: &str,
    ) -> Result<String, JsValue> {
        let response = self.response(&response)?;
        Ok(core::calendar_ics(&self.instrument, &response, now, today))
    }

    /// A board aggregation as CSV (one row per item).
    #[wasm_bindgen(js_name = aggregateCsv)]
    pub fn aggregate_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ResponseInput[]")] responses: JsValue,
        threshold: Option<u32>,
    ) -> Result<String, JsValue> {
        let aggregate = self.aggregate_of(&responses, threshold)?;
        Ok(core::aggregate_csv(&self.instrument, &aggregate))
    }

    /// Several organisations' agreed records side by side: each one's profile (organisations
    /// in alphabetical order, never ranked), the system's median and spread per component, and
    /// the items on which they differ most. A record made against another version of the
    /// instrument counts with the answers that fit.
    #[wasm_bindgen(js_name = systemView, unchecked_return_type = "SystemView")]
    pub fn system_view(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ResponseInput[]")] records: JsValue,
    ) -> Result<JsValue, JsValue> {
        js::to_js(&self.system_of(&records)?)
    }

    /// The system table as CSV: components, then items, one column per organisation (named,
    /// or "Organisation A, B, …" when `anonymous`), then the system median and spread.
    #[wasm_bindgen(js_name = systemCsv)]
    pub fn system_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ResponseInput[]")] records: JsValue,
        anonymous: Option<bool>,
    ) -> Result<String, JsValue> {
        let view = self.system_of(&records)?;
        Ok(core::system_csv(
            &self.instrument,
            &view,
            anonymous.unwrap_or(false),
        ))
    }
}

impl PreparedInstrument {
    fn system_of(&self, records: &JsValue) -> Result<core::SystemView, JsValue> {
        let records = js::records_from_js(records)?;
        core::system_view(&self.instrument, &records).map_err(|e| js::error_to_js(&e))
    }

    fn response(&self, value: &JsValue) -> Result<core::Response, JsValue> {
        js::response_from_js(value, &self.instrument)
    }

    fn aggregate_of(
        &self,
        responses: &JsValue,
        threshold: Option<u32>,
    ) -> Result<core::Aggregate, JsValue> {
        let responses = js::responses_from_js(responses, &self.instrument)?;
        let threshold = threshold.unwrap_or(core::DEFAULT_DISAGREEMENT_THRESHOLD);
        core::aggregate(&self.instrument, &responses, threshold).map_err(|e| js::error_to_js(&e))
    }
}

/// Validates an instrument (object, JSON text or built-in id) and returns it normalised, or
/// throws a `MaturityMatrixError` whose `problems` list every `{ path, message }`.
#[wasm_bindgen(js_name = validateInstrument, unchecked_return_type = "Instrument")]
pub fn validate_instrument(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
) -> Result<JsValue, JsValue> {
    prepare(instrument)?.instrument()
}

/// Scores a response against an instrument: per item, per component and overall.
#[wasm_bindgen(unchecked_return_type = "ScoreReport")]
pub fn score(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponseInput")] response: JsValue,
) -> Result<JsValue, JsValue> {
    prepare(instrument)?.score(response)
}

/// Reads and checks a response (object or JSON text) against an instrument, migrating older
/// formats, and returns it in the current format.
#[wasm_bindgen(js_name = validateResponse, unchecked_return_type = "Response")]
pub fn validate_response(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponseInput")] response: JsValue,
) -> Result<JsValue, JsValue> {
    prepare(instrument)?.validate_response(response)
}

/// Combines several responses to one instrument: per item the distribution, median, range and
/// spread, disagreement flags at `threshold` levels (default 2) and the discussion order.
#[wasm_bindgen(unchecked_return_type = "Aggregate")]
pub fn aggregate(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponseInput[]")] responses: JsValue,
    threshold: Option<u32>,
) -> Result<JsValue, JsValue> {
    prepare(instrument)?.aggregate(responses, threshold)
}

/// A draft agreed response from several responses: each item at its median level, the
/// organisation they all name, and `agreed` saying how many people's ratings it combines and,
/// when `today` (`YYYY-MM-DD`) is given, the day it was agreed.
#[wasm_bindgen(js_name = agreedDraft, unchecked_return_type = "Response")]
pub fn agreed_draft(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponseInput[]")] responses: JsValue,
    today: Option<String>,
) -> Result<JsValue, JsValue> {
    prepare(instrument)?.agreed_draft(responses, today)
}

/// Compares two responses (baseline, then current): per item and component, and the lists of
/// improved, declined and unchanged items.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponseInput")] baseline: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponseInput")] current: JsValue,
) -> Result<JsValue, JsValue> {
    prepare(instrument)?.compare(baseline, current)
}

/// The action plan: every rated item below its target, in the plan's order.
#[wasm_bindgen(js_name = actionPlan, unchecked_return_type = "ActionPlanEntry[]")]
pub fn action_plan(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponseInput")] response: JsValue,
) -> Result<JsValue, JsValue> {
    prepare(instrument)?.action_plan(response)
}

/// A response as CSV (one row per item), safe to open in a spreadsheet.
#[wasm_bindgen(js_name = responseCsv)]
pub fn response_csv(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponseInput")] response: JsValue,
) -> Result<String, JsValue> {
    prepare(instrument)?.response_csv(response)
}

/// A board aggregation as CSV (one row per item).
#[wasm_bindgen(js_name = aggregateCsv)]
pub fn aggregate_csv(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponseInput[]")] responses: JsValue,
    threshold: Option<u32>,
) -> Result<String, JsValue> {
    prepare(instrument)?.aggregate_csv(responses, threshold)
}

/// How the plan is going on `today` (`YYYY-MM-DD`): each action's status, overdue ones first,
/// the counts by status and a sentence for a board paper.
#[wasm_bindgen(unchecked_return_type = "ProgressReport")]
pub fn progress(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponseInput")] response: JsValue,
    today: &str,
) -> Result<JsValue, JsValue> {
    prepare(instrument)?.progress(response, today)
}

/// Each component's score and the overall figure across assessments (oldest first), the items
/// that moved most and those not rated in every assessment.
#[wasm_bindgen(unchecked_return_type = "Trends")]
pub fn trends(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponseInput[]")] responses: JsValue,
) -> Result<JsValue, JsValue> {
    prepare(instrument)?.trends(responses)
}

/// An iCalendar (`.ics`) file with the next review and each open action's due date.
#[wasm_bindgen(js_name = calendarIcs)]
pub fn calendar_ics(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponseInput")] response: JsValue,
    now: &str,
    today: &str,
) -> Result<String, JsValue> {
    prepare(instrument)?.calendar_ics(response, now, today)
}

/// Several organisations' agreed records side by side (see `PreparedInstrument.systemView`).
#[wasm_bindgen(js_name = systemView, unchecked_return_type = "SystemView")]
pub fn system_view(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponseInput[]")] records: JsValue,
) -> Result<JsValue, JsValue> {
    prepare(instrument)?.system_view(records)
}

/// The system table as CSV (see `PreparedInstrument.systemCsv`).
#[wasm_bindgen(js_name = systemCsv)]
pub fn system_csv(
    #[wasm_bindgen(unchecked_param_type = "InstrumentInput")] instrument: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponseInput[]")] records: JsValue,
    anonymous: Option<bool>,
) -> Result<String, JsValue> {
    prepare(instrument)?.system_csv(records, anonymous)
}

/// A built-in instrument by id, as a plain object.
#[wasm_bindgen(js_name = builtinInstrument, unchecked_return_type = "Instrument")]
pub fn builtin_instrument(id: &str) -> Result<JsValue, JsValue> {
    let instrument = core::builtin_named(id).map_err(|e| js::error_to_js(&e))?;
    js::to_js(&instrument)
}

/// The ids of the built-in instruments, default first.
#[wasm_bindgen(js_name = builtinInstrumentIds)]
pub fn builtin_instrument_ids() -> Vec<String> {
    core::builtin_ids().map(str::to_owned).collect()
}
