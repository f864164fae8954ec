// The Node entry (`maturity-matrix` and `maturity-matrix/api` under Node): the same functions as
// the browser build, with the functions-only WebAssembly loaded synchronously from the file
// beside this one. No DOM is needed.
import { readFileSync } from "node:fs";
import { initSync } from "maturity-matrix:glue";
import { markReady } from "maturity-matrix:functions";

initSync({ module: readFileSync(new URL(FUNCTIONS_WASM, import.meta.url)) });
markReady();

export * from "./api.js";
/** Already initialised in Node; kept so code can `await init()` in both environments. */
export const init = async () => {};
