// What the package's main entry loads, and when: the rater's build of the widget for an element
// that needs no board screen, the board's build when one does, and the functions-only
// WebAssembly when a page calls init(). Each is a file of its own (the glue in a small .js, the
// .wasm beside it), fetched the first time it is needed and then shared by every element.
import { explain } from "./explain.js";

let directory; // set by setWasmDirectory(); otherwise each file is found beside the script
const loading = new Map();
let functions; // the functions, once init() has loaded them
let boardMount; // the board build's mount(), once init() has loaded it

/** For bundlers that do not copy the `.wasm` files (esbuild, Rollup without an asset plugin):
 * the address of the directory they are served from. Call it before any element starts, in the
 * module that imports the package statically. */
export function setWasmDirectory(address) {
  directory = new URL(address, globalThis.document?.baseURI);
  if (!directory.pathname.endsWith("/")) directory.pathname += "/";
}

const sourceOf = (file) => (directory ? { module_or_path: new URL(file, directory) } : undefined);

// Each build's .wasm, beside this script (string literals, so bundlers copy the files).
const wasmOf = { rater: () => new URL(RATER_WASM, import.meta.url), board: () => new URL(BOARD_WASM, import.meta.url) };
const fileOf = { rater: "maturity-matrix.wasm", board: "maturity-matrix-board.wasm" };

/** The build's .wasm, its download started now: it arrives while the build's small script
 * loads, not after it (one round trip instead of two), and compiles as it streams in. */
const wasmFetch = (kind) => ({ module_or_path: fetch(directory ? new URL(fileOf[kind], directory) : wasmOf[kind]()) });

function once(name, start) {
  if (!loading.has(name)) {
    loading.set(name, start().catch((error) => {
      loading.delete(name); // a later attempt (a reconnect, a retry) starts afresh
      throw explain(error);
    }));
  }
  return loading.get(name);
}

/** Resolves to the `mount` of the build `kind` ("rater" or "board"), loading it once. */
export function loadBuild(kind) {
  return kind === "board"
    ? once("board", () => {
      const wasm = wasmFetch("board");
      return import("./builds/board.js").then((build) => build.start(wasm));
    })
    : once("rater", () => {
      const wasm = wasmFetch("rater");
      return import("./builds/rater.js").then((build) => build.start(wasm));
    });
}

/**
 * Loads the scoring functions and the board's build of the widget, for `mount()` (the element
 * needs neither: it loads the build it needs itself). Resolves when both are ready; rejects with
 * an explanation if the page's policy blocks WebAssembly.
 * @param {{ module_or_path?: any }} [source] where the functions' `.wasm` is, or its bytes.
 */
export function init(source) {
  const loadFunctions = once("functions", async () => {
    const loaded = await import("./builds/functions.js");
    await loaded.start(source ?? sourceOf("maturity-matrix-api.wasm"));
    return loaded;
  });
  return Promise.all([loadFunctions, loadBuild("board")]).then(([loaded, mount]) => {
    functions = loaded;
    boardMount = mount;
  });
}

/** The functions, once init() has loaded them (read by api.js as "maturity-matrix:functions"). */
export const loadedFunctions = () => functions;

/** Mounts the widget into an element (browsers only); returns `{ update, reset, destroy }`. */
export function mount(element, options) {
  if (!boardMount) throw new Error("maturity-matrix is still loading: await init() before calling mount().");
  return boardMount(element, options);
}
