// The scoring functions, shared by every entry. Each one is the core compiled to WebAssembly:
// decode, call, encode. Errors are `Error` objects named `MaturityMatrixError` with `path` and
// `problems` ({ path, message }[]). This module has no side effects: nothing runs on import.
//
// "maturity-matrix:glue" is the wasm-bindgen glue of the WebAssembly an output carries, chosen
// by www/scripts/bundle.mjs: the widget's in the element's entry (one file for the element and
// the functions), the smaller functions-only build in `maturity-matrix/api` and Node.
import * as wasm from "maturity-matrix:glue";
import { isReady } from "./ready.js";

/** What every function throws when its input cannot be used, so callers can test
 * `error instanceof MaturityMatrixError`. The errors are made inside the WebAssembly as plain
 * `Error`s named "MaturityMatrixError"; `instanceof` recognises them by that name. */
export class MaturityMatrixError extends Error {
  static [Symbol.hasInstance](value) {
    return value instanceof Error && value.name === "MaturityMatrixError";
  }
}

const call = (name) => (...args) => {
  if (!isReady()) throw new Error(`maturity-matrix is still loading: await init() before calling ${name}().`);
  return wasm[name](...args);
};

/** Validates an instrument (object or JSON text); returns it normalised or throws. */
export const validateInstrument = call("validateInstrument");
/** Reads and checks a response against an instrument; returns it in the current format. */
export const validateResponse = call("validateResponse");
/** Scores a response: per item, per component and overall. */
export const score = call("score");
/** Combines several responses: distributions, medians, spread, disagreement, discussion order. */
export const aggregate = call("aggregate");
/** A draft agreed response from several responses: each item whose median is a level at that
 * level (a median between two levels is left for the board), the organisation they all name,
 * and `agreed` (how many people's ratings, and the day given as `today`, `YYYY-MM-DD`). */
export const agreedDraft = call("agreedDraft");
/** Compares a baseline response with a current one. */
export const compare = call("compare");
/** The action plan for a response, highest priority first. */
export const actionPlan = call("actionPlan");
/** A response as CSV text. */
export const responseCsv = call("responseCsv");
/** A board aggregation as CSV text. */
export const aggregateCsv = call("aggregateCsv");
/** A built-in instrument by id. */
export const builtinInstrument = call("builtinInstrument");
/** The ids of the built-in instruments, default first. */
export const builtinInstrumentIds = call("builtinInstrumentIds");
/** Reads and checks an instrument once; returns a handle whose methods score against it. */
export const prepare = call("prepare");
/** How the plan is going on a day (`YYYY-MM-DD`): each action's status, overdue ones first. */
export const progress = call("progress");
/** Each component's score across three or more assessments, the movers and the gaps. */
export const trends = call("trends");
/** An iCalendar (`.ics`) text of the next review and each open action's due date. */
export const calendarIcs = call("calendarIcs");
/** Several organisations' agreed records side by side: profiles (alphabetical, never ranked),
 * the system median and spread per component, and the items on which they differ most. */
export const systemView = call("systemView");
/** The system table as CSV text; `anonymous` names organisations "Organisation A, B, …". */
export const systemCsv = call("systemCsv");
