// The errors every entry throws. A module of its own, with no imports, so code that needs only
// this (fetch-matrix.js) can be loaded without the WebAssembly's glue.

/** An `Error` named `MaturityMatrixError`, as every function throws. */
export function namedError(message, options) {
  const error = new Error(message, options);
  error.name = "MaturityMatrixError";
  return error;
}
