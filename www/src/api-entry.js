// `maturity-matrix/api` in browsers and bundlers: the scoring functions and init(), with no
// element and no stylesheet. Importing it has no side effects.
export * from "./api.js";
export { init } from "./init.js";
