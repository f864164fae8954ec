// Why the WebAssembly could not start, in words: shared by every loader.
import { namedError } from "./errors.js";

/** A `MaturityMatrixError` explaining `error`, naming the policy directive when a Content
 * Security Policy blocked WebAssembly. */
export function explain(error) {
  const blocked = error instanceof WebAssembly.CompileError || /wasm-eval|WebAssembly/i.test(String(error?.message));
  const message = blocked
    ? "The assessment could not start because this page's Content Security Policy does not allow WebAssembly. " +
      "The site needs to add 'wasm-unsafe-eval' to the script-src directive."
    : `The assessment could not start: ${error?.message ?? error}`;
  return namedError(message, { cause: error });
}
