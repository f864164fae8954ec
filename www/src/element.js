// The <maturity-matrix> custom element: a small JS class, because wasm-bindgen cannot extend
// HTMLElement. It owns the shadow root, the stylesheet, the attributes, properties and events,
// and which build of the widget runs inside; the Rust app owns everything inside.
//
// The widget comes in two builds: the rater's (what a person rating on their own uses) and the
// board's (everything). An element starts with the board's when its page or this browser is a
// board's, otherwise with the rater's, and moves to the board's when the rater's asks for it
// (a board screen opened, responses collected on this device): the app remounts on the same
// place from the same stored answers, and focus goes back where it was.
import { fetchMatrix } from "./fetch-matrix.js";
import css from "./maturity-matrix.css";

// The loader of the entry that defined the element: resolves a build's `mount` by kind.
let loadBuild;

// The views only the board's build has (the Rust `View::needs_board_build` keeps the same list).
const BOARD_VIEWS = ["progress", "board", "facilitate", "system"];
// How long a switch to the board's build may take before the person is told it is loading.
const PATIENCE_MS = 300;

/** Which build an element starts with: the board's when the host asks for the board, opens on
 * a board screen, the page's address holds a share link (which whoever collects the answers
 * opens), or this browser already keeps a board's record under the element's storage key. */
function firstBuild(element) {
  if (element.hasAttribute("board") || BOARD_VIEWS.includes(element.getAttribute("view"))) return "board";
  if (location.hash.includes("maturity-matrix=")) return "board";
  const key = element.getAttribute("storage-key") || "default";
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const name = localStorage.key(i);
      if (name.startsWith("maturity-matrix:") && name.endsWith(`:${key}:board`)) return "board";
    }
  } catch {
    // Storage blocked: the rater's build starts, and asks for the board's if it is needed.
  }
  return "rater";
}

/** The widget's stylesheet, for pages that call `mount()` themselves (the element adopts it
 * into its shadow root): scope it to your container, which should have the class `mm-host`. */
export const styles = css;

let sharedSheet;
function stylesheet() {
  // A constructable stylesheet applies under `style-src 'self'`; a <style> element would not.
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(css);
  }
  return sharedSheet;
}

/** Styles `shadow` and returns what goes before the app's container in it. Engines without
 * adoptable stylesheets (Safari and iPadOS before 16.4) get a <style> element instead. A page
 * policy that does not allow inline styles blocks that element: the widget then works
 * unstyled, and says so rather than looking broken. */
function styleNodes(shadow) {
  if ("adoptedStyleSheets" in shadow) {
    shadow.adoptedStyleSheets = [stylesheet()];
    return [];
  }
  const style = document.createElement("style");
  style.textContent = css;
  return [style];
}

/** After the nodes are in the shadow root: a <style> the page's policy blocked has no sheet. */
function unstyledNotice(nodes) {
  if (!nodes.some((node) => node.localName === "style" && node.sheet === null)) return [];
  const notice = document.createElement("p");
  notice.className = "mm-unstyled";
  notice.setAttribute("role", "note");
  notice.textContent = "This browser is too old to apply the assessment's layout on this page, so it is shown plainly. "
    + "Everything still works; updating the browser restores the layout.";
  return [notice];
}

// Outside a DOM (server rendering, edge runtimes, Node) there is no HTMLElement: the class is
// still defined, so importing this module never throws, and defineElement() does nothing there.
const ElementBase = globalThis.HTMLElement ?? class {};

export class MaturityMatrixElement extends ElementBase {
  static observedAttributes = ["instrument", "instrument-src", "storage-key", "view", "readonly", "board", "heading-level", "hide-title"];

  #container;
  #handle;
  #instrument; // set through the property: wins over the attributes
  #response; // set through the property: the host owns the answers
  #current = null; // the answers as the widget last reported them
  #complete = false;
  #fetched = { src: null, text: null };
  #inlineUsed; // the inline matrix text the widget was last given
  #childWatch; // re-renders when the inline matrix changes
  #renders = 0;
  #build; // "rater" or "board": the build running, or to start
  #mounted; // the build the handle belongs to
  #uid; // the app's id prefix, kept when the app moves to the board's build
  #reopen; // the view to reopen on after moving to the board's build
  #status; // says that more of the tool is loading, when it takes a while

  constructor() {
    super();
    // Properties set on the element before this class was defined sit on the instance and
    // would hide the accessors: take them over.
    for (const name of ["instrument", "response"]) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  /** The instrument object set through this property, or `null` when the attributes decide. */
  get instrument() {
    return this.#instrument ?? null;
  }

  set instrument(value) {
    this.#instrument = value ?? undefined;
    this.#render();
  }

  /** The answers as they stand (a copy), or `null` before the widget has opened. Setting it
   * hands the answers to the widget: it starts from them, reports every change in
   * `maturity-change` events and never uses browser storage. Set `null` to give control back. */
  get response() {
    return this.exportResponse();
  }

  set response(value) {
    this.#response = value ?? undefined;
    this.#render();
  }

  /** A copy of the answers as they stand, in the versioned response format. */
  exportResponse() {
    return this.#current === null ? null : structuredClone(this.#current);
  }

  /** Clears the open assessment and starts afresh. */
  reset() {
    this.#complete = false;
    if (this.#handle) this.#handle.reset();
  }

  connectedCallback() {
    if (!this.#container) {
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      const styles = styleNodes(shadow);
      this.#container = document.createElement("div");
      this.#container.className = "mm-host";
      this.#status = document.createElement("p");
      this.#status.className = "mm-loading";
      this.#status.setAttribute("role", "status");
      shadow.replaceChildren(...styles, this.#status, this.#container);
      this.#container.before(...unstyledNotice(styles));
    }
    this.#childWatch ??= new MutationObserver(() => {
      if (this.#inlineInstrument() !== this.#inlineUsed) this.#render();
    });
    this.#childWatch.observe(this, { childList: true, subtree: true, characterData: true });
    addEventListener("beforeprint", this.#beforePrint);
    addEventListener("afterprint", this.#afterPrint);
    this.#render();
  }

  disconnectedCallback() {
    removeEventListener("beforeprint", this.#beforePrint);
    removeEventListener("afterprint", this.#afterPrint);
    this.#childWatch?.disconnect();
    this.#handle?.destroy();
    this.#handle = undefined;
  }

  attributeChangedCallback() {
    this.#render();
  }

  // Printing the board paper prints the paper alone, whatever the host page: its header,
  // sidebars and footer are set aside for the print and put back after it.
  #restore = null;
  #beforePrint = () => {
    const paper = this.#container?.querySelector('[data-view="paper"], [data-view="shared"]');
    if (paper && !this.#restore) this.#restore = printAlone(this);
  };
  #afterPrint = () => {
    this.#restore?.();
    this.#restore = null;
  };

  async #render() {
    if (!this.#container || !this.isConnected) return;
    const render = ++this.#renders; // a later change supersedes this one
    try {
      await pageInitFirst();
      this.#build ??= firstBuild(this);
      const build = this.#build;
      const mount = await loadBuild(build);
      await documentParsed();
      const inline = this.#inlineInstrument();
      const instrument = this.#instrument ?? inline ?? (await this.#instrumentFromSource()) ?? this.getAttribute("instrument") ?? undefined;
      if (render !== this.#renders || !this.isConnected) return;
      this.#inlineUsed = inline;
      const options = {
        instrument,
        storageKey: this.getAttribute("storage-key") ?? undefined,
        view: this.#reopen ?? this.getAttribute("view") ?? undefined, // unknown names are ignored by the app
        readonly: this.hasAttribute("readonly"),
        board: this.hasAttribute("board"),
        headingLevel: Number(this.getAttribute("heading-level")) || undefined,
        hideTitle: this.hasAttribute("hide-title"),
        response: this.#response,
        onResponse: (response, score, changed) => this.#answered(response, score, changed),
        onError: (error) => this.#emitError(error),
        onBoardNeeded: (view) => this.#moveToBoard(view),
        uid: this.#uid,
      };
      this.#reopen = undefined;
      if (this.#handle && this.#mounted === build) this.#handle.update(options);
      else {
        const focus = this.#focusNow();
        this.#handle?.destroy();
        // Whatever stood in for the widget (the loading line, an earlier error) goes.
        this.#container.replaceChildren();
        this.#handle = mount(this.#container, options);
        this.#mounted = build;
        this.#uid = this.#handle.uid;
        if (focus) this.#focusAgain(focus);
      }
      this.#status.textContent = "";
    } catch (error) {
      if (render === this.#renders) this.#fail(error);
    }
  }

  /** The rater's build asks for the board's: load it, telling the person if it takes a while,
   * and remount on `view`. The answers are in storage (or with the host) already. */
  #moveToBoard(view) {
    if (this.#build === "board") return;
    this.#build = "board";
    this.#reopen = view;
    const patience = setTimeout(() => {
      this.#status.textContent = "More of the assessment is loading…";
    }, PATIENCE_MS);
    // The status stays until the board's build has mounted (or failed, and says why).
    const done = () => clearTimeout(patience);
    this.#render().then(done, done);
  }

  /** Where focus is inside the widget, to put it back after a remount. */
  #focusNow() {
    const active = this.shadowRoot?.activeElement;
    if (!active || !this.#container.contains(active)) return null;
    return { id: active.id, start: active.selectionStart, end: active.selectionEnd };
  }

  /** Puts focus back on the element with the same id once the remounted app has rendered
   * (yew renders after the current task), or on the view's heading if it is gone. */
  #focusAgain({ id, start, end }) {
    const settle = new MutationObserver(() => {
      const heading = this.#container.querySelector(".mm-view-title");
      if (!heading && !this.#container.querySelector(".mm-error")) return;
      settle.disconnect();
      const target = (id && this.shadowRoot.getElementById(id)) || heading;
      if (!target) return;
      target.focus();
      if (target.id === id && typeof start === "number" && "setSelectionRange" in target) {
        try {
          target.setSelectionRange(start, end);
        } catch {
          // Not a text field after all (radio buttons have no selection).
        }
      }
    });
    settle.observe(this.#container, { childList: true, subtree: true });
  }

  /** The text of a matrix written inside the element as `<script type="application/json">`.
   * The browser treats it as data and never runs it, so it is allowed under a strict policy,
   * and it needs no fetch, which pages opened from a shared drive (file://) cannot make. */
  #inlineInstrument() {
    return this.querySelector(':scope > script[type="application/json"]')?.textContent ?? undefined;
  }

  /** The text of the instrument at `instrument-src`, fetched once per address. Relative
   * addresses resolve against the page, as every address in HTML does. */
  async #instrumentFromSource() {
    const src = this.getAttribute("instrument-src");
    if (!src) return undefined;
    const url = new URL(src, document.baseURI).href;
    if (this.#fetched.src !== url) {
      const status = document.createElement("p");
      status.setAttribute("role", "status");
      status.textContent = "Loading the matrix…";
      this.#container.replaceChildren(status);
      this.#handle?.destroy();
      this.#handle = undefined;
      this.#fetched = { src: url, text: await fetchMatrix(url) };
    }
    return this.#fetched.text;
  }

  #answered(response, score, changed) {
    this.#current = response;
    // Host-owned answers live here between remounts (an attribute change remounts the app).
    if (this.#response !== undefined) this.#response = response;
    const detail = () => ({ response: structuredClone(response), score });
    const complete = score.counts.total > 0 && score.counts.unanswered === 0;
    if (changed) {
      this.dispatchEvent(new CustomEvent("maturity-change", { bubbles: true, composed: true, detail: detail() }));
      if (complete && !this.#complete) {
        this.dispatchEvent(new CustomEvent("maturity-complete", { bubbles: true, composed: true, detail: detail() }));
      }
    }
    this.#complete = complete;
  }

  #emitError(error) {
    this.dispatchEvent(new CustomEvent("maturity-error", {
      bubbles: true,
      composed: true,
      detail: { message: error.message, problems: error.problems ?? [], error },
    }));
  }

  #fail(error) {
    this.#handle?.destroy();
    this.#handle = undefined;
    this.#status.textContent = "";
    const alert = document.createElement("p");
    alert.className = "mm-error";
    alert.setAttribute("role", "alert");
    alert.textContent = error.message;
    this.#container.replaceChildren(alert);
    this.#emitError(error);
  }
}

/** Hides everything on the page but `element` for a print, through the CSSOM (allowed under a
 * strict style policy, unlike style attributes): every sibling of the element and of each of
 * its ancestors, and the ancestors' own boxes (margins, columns) that would squeeze the paper.
 * The page's background goes too (a grey page would print around and after the paper when
 * background graphics are on), and so do transforms and filters, which would pin the paper's
 * running header to the first page instead of every page. Adds page numbers for the print.
 * Returns the function that puts everything back. */
function printAlone(element) {
  const saved = [];
  const set = (node, properties) => {
    saved.push([node, node.style.cssText]);
    for (const [name, value] of Object.entries(properties)) node.style.setProperty(name, value, "important");
  };
  for (let node = element; node && node !== document.documentElement; node = node.parentElement) {
    for (const sibling of node.parentElement?.children ?? []) {
      if (sibling !== node && !["SCRIPT", "STYLE", "LINK", "META", "TITLE"].includes(sibling.tagName)) set(sibling, { display: "none" });
    }
    if (node !== element) {
      set(node, { display: "block", width: "auto", "max-width": "none", margin: "0", padding: "0", border: "0", "box-shadow": "none", float: "none", position: "static", background: "#fff", transform: "none", filter: "none" });
    }
  }
  set(document.documentElement, { background: "#fff" });
  const numbered = "adoptedStyleSheets" in document;
  const before = numbered ? document.adoptedStyleSheets : [];
  if (numbered) {
    const pages = new CSSStyleSheet();
    pages.replaceSync('@page { margin: 16mm 15mm 18mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; } }');
    document.adoptedStyleSheets = [...before, pages];
  }
  return () => {
    for (const [node, cssText] of saved.reverse()) node.style.cssText = cssText;
    if (numbered) document.adoptedStyleSheets = before;
  };
}

/** Resolves once the parser has read the whole page. A script in the page's head defines the
 * element before its children exist; an inline matrix must be read only when it is there. */
function documentParsed() {
  if (document.readyState !== "loading") return undefined;
  return new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
}

/** Defines `<maturity-matrix>` (once per page), with `load(kind)` resolving the `mount` of the
 * rater's or the board's build: each entry passes the loader fitting how it ships the files. */
// A page whose bundler does not copy the .wasm files gives their directory with
// setWasmDirectory() in a module that imports this one statically: that code runs before any
// promise settles, so waiting for one settled promise is enough for the element to see that call
// before loading a file from beside the script itself (a task would also wait behind the page's
// parsing, and delay every widget's start).
const pageInitFirst = () => Promise.resolve();

export function defineElement(load) {
  if (typeof customElements === "undefined") return; // no DOM here: nothing to define
  loadBuild ??= load;
  if (!customElements.get("maturity-matrix")) {
    customElements.define("maturity-matrix", MaturityMatrixElement);
  }
}

