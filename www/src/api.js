// The scoring functions, shared by every entry. Each one is the core compiled to WebAssembly:
// decode, call, encode. Errors are `Error` objects named `MaturityMatrixError` with `path` and
// `problems` ({ path, message }[]). This module has no side effects: nothing runs on import.
//
// "maturity-matrix:functions" says whether the functions-only WebAssembly is instantiated, and
// is chosen by www/scripts/bundle.mjs: its glue carried statically in `maturity-matrix/api` and
// Node (functions-static.js), loaded on init() in the main entry (loaders.js), so a page that
// shows the element and calls no function downloads none of them.
import { loadedFunctions } from "maturity-matrix:functions";

/** What every function throws when its input cannot be used, so callers can test
 * `error instanceof MaturityMatrixError`. The errors are made inside the WebAssembly as plain
 * `Error`s named "MaturityMatrixError"; `instanceof` recognises them by that name. */
export class MaturityMatrixError extends Error {
  static [Symbol.hasInstance](value) {
    return value instanceof Error && value.name === "MaturityMatrixError";
  }
}

const call = (name) => (...args) => {
  const functions = loadedFunctions();
  if (!functions) throw new Error(`maturity-matrix is still loading: await init() before calling ${name}().`);
  return functions[name](...args);
};

// Each function's documentation is generated from the Rust code with its signature
// (functions.d.ts), so it is written once, where the function is.
export const validateInstrument = call("validateInstrument");
export const validateResponse = call("validateResponse");
export const score = call("score");
export const aggregate = call("aggregate");
export const agreedDraft = call("agreedDraft");
export const compare = call("compare");
export const actionPlan = call("actionPlan");
export const responseCsv = call("responseCsv");
export const aggregateCsv = call("aggregateCsv");
export const builtinInstrument = call("builtinInstrument");
export const builtinInstrumentIds = call("builtinInstrumentIds");
export const prepare = call("prepare");
export const progress = call("progress");
export const trends = call("trends");
export const calendarIcs = call("calendarIcs");
export const systemView = call("systemView");
export const systemCsv = call("systemCsv");
