// The functions' WebAssembly for the entries that carry its glue statically (`maturity-matrix/api`
// and Node): ready once the entry has instantiated it. Resolved as "maturity-matrix:functions"
// by www/scripts/bundle.mjs; the main entry's counterpart loads the glue lazily (loaders.js).
import * as glue from "maturity-matrix:glue";

let ready = false;

/** Marks the module as instantiated. */
export function markReady() {
  ready = true;
}

/** The functions, once instantiated; `undefined` before. */
export const loadedFunctions = () => (ready ? glue : undefined);
