// Loading the functions' WebAssembly in browsers for `maturity-matrix/api`. The location of the
// .wasm is always passed to the wasm-bindgen glue, which is built without a default path of its own.
import initWasm from "maturity-matrix:glue";
import { markReady } from "maturity-matrix:functions";
import { explain } from "./explain.js";

let loading;

/**
 * Loads and starts the WebAssembly module once per page. Resolves when the scoring functions
 * are ready; rejects with an explanation if the page's policy blocks it.
 * @param {{ module_or_path?: any }} [source] where the `.wasm` is, or its bytes.
 */
export function init(source) {
  loading ??= initWasm(source ?? { module_or_path: new URL(FUNCTIONS_WASM, import.meta.url) }).then(markReady, (error) => {
    loading = undefined;
    throw explain(error);
  });
  return loading;
}
