// The <maturity-matrix> custom element: a small JS class, because wasm-bindgen cannot extend
// HTMLElement. It owns the shadow root and the stylesheet; the Rust app owns everything inside.
import initWasm, { mount } from "../build/pkg/maturity_widget.js";
import { markReady } from "./api.js";
import css from "./maturity-matrix.css";

let loading;

/**
 * Loads and starts the WebAssembly module once per page. Resolves when the scoring functions
 * and the element are ready; rejects with an explanation if the page's policy blocks it.
 * @param {{ module_or_path?: any }} [source] where the `.wasm` is, or its bytes.
 */
export function init(source) {
  loading ??= initWasm(source ?? { module_or_path: wasmLocation() }).then(markReady, (error) => {
    loading = undefined;
    throw explain(error);
  });
  return loading;
}

// Overridden by the standalone build, which carries the bytes instead of a location.
function wasmLocation() {
  return new URL("./maturity-matrix.wasm", import.meta.url);
}

function explain(error) {
  const blocked = error instanceof WebAssembly.CompileError || /wasm-eval|WebAssembly/i.test(String(error?.message));
  const message = blocked
    ? "The assessment could not start because this page's Content Security Policy does not allow WebAssembly. " +
      "The site needs to add 'wasm-unsafe-eval' to the script-src directive."
    : `The assessment could not start: ${error?.message ?? error}`;
  const explained = new Error(message, { cause: error });
  explained.name = "MaturityMatrixError";
  return explained;
}

let sharedSheet;
function stylesheet() {
  // A constructable stylesheet applies under `style-src 'self'`; a <style> element would not.
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(css);
  }
  return sharedSheet;
}

export class MaturityMatrixElement extends HTMLElement {
  static observedAttributes = ["instrument", "storage-key", "view"];

  #container;
  #handle;

  connectedCallback() {
    if (!this.#container) {
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      shadow.adoptedStyleSheets = [stylesheet()];
      this.#container = document.createElement("div");
      this.#container.className = "mm-host";
      shadow.replaceChildren(this.#container);
    }
    this.#render();
  }

  disconnectedCallback() {
    this.#handle?.destroy();
    this.#handle = undefined;
  }

  attributeChangedCallback() {
    if (this.#container && this.isConnected) this.#render();
  }

  #render() {
    init().then(
      () => {
        if (!this.isConnected) return;
        this.#handle?.destroy();
        this.#handle = mount(this.#container, {
          instrument: this.getAttribute("instrument") ?? undefined,
          storageKey: this.getAttribute("storage-key") ?? undefined,
          view: this.getAttribute("view") ?? undefined,
        });
      },
      (error) => this.#fail(error),
    );
  }

  #fail(error) {
    const alert = document.createElement("p");
    alert.className = "mm-error";
    alert.setAttribute("role", "alert");
    alert.textContent = error.message;
    this.#container.replaceChildren(alert);
    this.dispatchEvent(new CustomEvent("maturity-error", { bubbles: true, composed: true, detail: { message: error.message, error } }));
  }
}

/** Defines `<maturity-matrix>` (once per page). Entries call it after choosing how to load. */
export function defineElement() {
  if (!customElements.get("maturity-matrix")) {
    customElements.define("maturity-matrix", MaturityMatrixElement);
  }
}

export * from "./api.js";
