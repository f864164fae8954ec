// The board's build of the widget: everything, the board's screens included. Its wasm-bindgen glue is
// in this file alone, loaded when an element first needs this build (www/src/element.js).
import initWasm, { mount } from "maturity-matrix:board-glue";

/** Starts the WebAssembly from `source` (`{ module_or_path }`; by default the file beside
 * this one) and resolves to its `mount`. */
export async function start(source) {
  await initWasm(source ?? { module_or_path: new URL(BOARD_WASM, import.meta.url) });
  return mount;
}
