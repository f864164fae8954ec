// The scoring functions, shared by the browser and Node entries. Each one is the core
// compiled to WebAssembly: decode, call, encode. Errors are `Error` objects named
// `MaturityMatrixError` with `path` and `problems` ({ path, message }[]).
import * as wasm from "../build/pkg/maturity_widget.js";

let ready = false;
/** Marks the module as initialised; called by the entry that loaded the WebAssembly. */
export function markReady() {
  ready = true;
}

const call = (name) => (...args) => {
  if (!ready) throw new Error(`maturity-matrix is still loading: await init() before calling ${name}().`);
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
/** A draft agreed response from several responses (each item at its median level). */
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
/** Mounts the widget into an element (browsers only); returns `{ update, reset, destroy }`. */
export const mount = call("mount");
