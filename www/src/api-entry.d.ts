// `maturity-matrix/api` in browsers and bundlers: the scoring functions and init(), with no
// element and no stylesheet. Importing it has no side effects.
export * from "./api.js";

/** Where the WebAssembly is, or its bytes (by default the `.wasm` beside the package's files). */
export interface InitSource {
  module_or_path?: RequestInfo | URL | globalThis.Response | BufferSource | WebAssembly.Module;
}

/** Loads the WebAssembly module (once per page). Await it before calling the functions. */
export function init(source?: InitSource): Promise<void>;
