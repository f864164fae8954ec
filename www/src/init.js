// Loading the WebAssembly in browsers (and bundlers' browser builds). The location of the .wasm
// is always passed to the wasm-bindgen glue, which is built without a default path of its own.
// The glue of this output's WebAssembly (see api.js).
import initWasm from "maturity-matrix:glue";
import { markReady } from "./ready.js";
import { namedError } from "./errors.js";

export { namedError };

let loading;

/**
 * Loads and starts the WebAssembly module once per page. Resolves when the scoring functions
 * and the element are ready; rejects with an explanation if the page's policy blocks it.
 * @param {{ module_or_path?: any }} [source] where the `.wasm` is, or its bytes.
 */
export function init(source) {
  loading ??= initWasm(source ?? { module_or_path: wasmLocation() }).then(markReady, (error) => {
    loading = undefined;
    throw explain(error);
  });
  return loading;
}

// The .wasm beside the built file. `MATURITY_MATRIX_WASM` is replaced by the build with the
// file's address relative to each output (a literal, so bundlers see and copy the file).
function wasmLocation() {
  return new URL(MATURITY_MATRIX_WASM, import.meta.url);
}

function explain(error) {
  const blocked = error instanceof WebAssembly.CompileError || /wasm-eval|WebAssembly/i.test(String(error?.message));
  const message = blocked
    ? "The assessment could not start because this page's Content Security Policy does not allow WebAssembly. " +
      "The site needs to add 'wasm-unsafe-eval' to the script-src directive."
    : `The assessment could not start: ${error?.message ?? error}`;
  return namedError(message, { cause: error });
}
