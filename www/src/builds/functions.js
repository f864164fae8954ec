// The scoring functions alone (the functions-only WebAssembly). A file of its own, loaded the
// first time a page calls init() in the package's main entry, so a page that only shows the
// element never downloads it. Its module is the functions: the glue's exports and start().
import initWasm from "maturity-matrix:glue";

export * from "maturity-matrix:glue";

/** Starts the WebAssembly from `source` (`{ module_or_path }`; by default the file beside
 * this one). */
export async function start(source) {
  await initWasm(source ?? { module_or_path: new URL(FUNCTIONS_WASM, import.meta.url) });
}
