// The ES-module entry: defines <maturity-matrix>, which loads the build of the widget it needs
// from beside this file, and offers the scoring functions, which load on init().
import { defineElement as define } from "./element.js";
import { loadBuild } from "./loaders.js";

/** Defines `<maturity-matrix>` (done on import; safe to call again). */
export const defineElement = () => define(loadBuild);
defineElement();

export { MaturityMatrixElement, styles } from "./element.js";
export { init, mount, setWasmDirectory } from "./loaders.js";
export * from "./api.js";
