// Internal: whether the WebAssembly module has been instantiated. Set by the entry that loads it
// (init() in browsers, node.js at import); never exported from a public entry.
let ready = false;

/** Marks the module as initialised. */
export function markReady() {
  ready = true;
}

/** Whether the module has been initialised. */
export function isReady() {
  return ready;
}
