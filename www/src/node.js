// The Node entry: the same functions as the browser build, with the WebAssembly loaded
// synchronously from the file beside this one. No DOM is needed.
import { readFileSync } from "node:fs";
import { initSync } from "../build/pkg/maturity_widget.js";
import { markReady } from "./api.js";

initSync({ module: readFileSync(new URL("./maturity-matrix.wasm", import.meta.url)) });
markReady();

export * from "./api.js";
/** Already initialised in Node; kept so code can `await init()` in both environments. */
export const init = async () => {};
