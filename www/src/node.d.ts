// The Node entry: the scoring functions, ready as soon as the module is imported.
export * from "./api.js";
/** Already initialised in Node; kept so code can `await init()` in both environments. */
export function init(): Promise<void>;
