// A minimal WebDriver BiDi client over a WebSocket, offering the same methods as the classic
// client in webdriver.mjs, so the journeys run unchanged on an engine that speaks BiDi itself.
// Firefox does (its Remote Agent): it needs no driver program, so nothing has to be built or
// downloaded for it. Element references keep the classic form ({ [ELEMENT]: id }), holding
// BiDi's shared ids, so the journeys pass them around as they do with the classic client.
// https://www.w3.org/TR/webdriver-bidi/
import WebSocket from "ws";
import { ELEMENT, WebDriverError, keyActions } from "./webdriver.mjs";

/** The key that marks a shadow root reference in WebDriver's JSON. */
const SHADOW_ROOT = "shadow-6066-11e4-a52e-4f735466cecf";

/** How long a script may take before it fails, as classic WebDriver's default script timeout. */
const SCRIPT_TIMEOUT = 30_000;

/** One BiDi session on a browser listening at `address` (ws://host:port). */
export class BiDiSession {
  #socket;
  #pending = new Map();
  #nextId = 1;
  #closed = null;
  #top; // the tab's top-level browsing context
  #current; // the context scripts and input go to: the top, or a frame entered with "frame"

  constructor(socket) {
    this.#socket = socket;
    socket.on("message", (data) => {
      const message = JSON.parse(String(data));
      const pending = this.#pending.get(message.id);
      if (!pending) return; // an event: none is subscribed to
      this.#pending.delete(message.id);
      if (message.type === "error") pending.reject(new WebDriverError(message.error, message.message, pending.method));
      else pending.resolve(message.result);
    });
    // A failed connection is told as an error and then a close: the close ends every command.
    socket.on("error", (error) => {
      this.#closed ??= `the connection failed: ${error.message}`;
    });
    socket.once("close", () => {
      this.#closed ??= "the browser closed the connection";
      for (const { reject, method } of this.#pending.values()) reject(new WebDriverError("invalid session id", this.#closed, method));
      this.#pending.clear();
    });
  }

  /** Connects to the browser and opens a session in its first tab. */
  static async create(address) {
    const socket = new WebSocket(`${address.replace(/\/$/, "")}/session`);
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    const session = new BiDiSession(socket);
    const { sessionId, capabilities } = await session.send("session.new", { capabilities: {} });
    session.id = sessionId;
    session.capabilities = capabilities;
    const { contexts } = await session.send("browsingContext.getTree", { maxDepth: 0 });
    session.#top = session.#current = contexts[0].context;
    return session;
  }

  /** Sends one BiDi command; resolves to its result. */
  send(method, params = {}) {
    if (this.#closed) return Promise.reject(new WebDriverError("invalid session id", this.#closed, method));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, method });
      this.#socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** The classic commands the journeys' Page sends by path (entering and leaving a frame),
   * carried out here by choosing which browsing context later commands go to. */
  async command(method, path, body) {
    if (method === "POST" && path === "frame") {
      if (body.id === null) {
        this.#current = this.#top;
        return null;
      }
      const frame = await this.#call("function(frame) { return frame.contentWindow; }", [body.id], { raw: true });
      if (frame?.type !== "window") throw new WebDriverError("no such frame", "the element is not a frame", "POST frame");
      this.#current = frame.value.context;
      return null;
    }
    if (method === "POST" && path === "frame/parent") {
      const { contexts } = await this.send("browsingContext.getTree", { root: this.#current, maxDepth: 0 });
      this.#current = contexts[0].parent ?? this.#top;
      return null;
    }
    throw new WebDriverError("unknown command", "no WebDriver BiDi counterpart for this classic command here", `${method} ${path}`);
  }

  async navigate(url) {
    this.#current = this.#top;
    await this.send("browsingContext.navigate", { context: this.#top, url, wait: "complete" });
    return null;
  }

  async currentUrl() {
    const { contexts } = await this.send("browsingContext.getTree", { root: this.#top, maxDepth: 0 });
    return contexts[0].url;
  }

  async refresh() {
    this.#current = this.#top;
    await this.send("browsingContext.reload", { context: this.#top, wait: "complete" });
    return null;
  }

  /** Ends the session and closes the browser (as deleting a classic session does). */
  async close() {
    await this.send("browser.close").catch(() => {}); // the connection may close before the answer
    this.#socket.close();
    return null;
  }

  /** Runs `script` (a function body, reading `arguments`) in the page and resolves to its
   * result, awaiting a promise it returns, as classic execute/sync does. */
  execute(script, args = []) {
    return this.#call(`function() {\n${script}\n}`, args);
  }

  /** Like `execute`, for a body that calls `arguments[arguments.length - 1]` when done. */
  executeAsync(script, args = []) {
    return this.#call(`function() {
      const args = Array.prototype.slice.call(arguments);
      return new Promise((resolve) => {
        args.push(resolve);
        (function() {\n${script}\n}).apply(this, args);
      });
    }`, args);
  }

  /** Runs `script` (a function body) in the browser's own window, with access to its internals
   * (Services.prefs and the like). Firefox offers this only when started with system access
   * allowed; `moz:scope` is its extension for reaching its chrome windows. */
  async executeInBrowser(script, args = []) {
    const { contexts } = await this.send("browsingContext.getTree", { "moz:scope": "chrome", maxDepth: 0 });
    return this.#call(`function() {\n${script}\n}`, args, { context: contexts[0].context });
  }

  /** A mouse click at the centre of `element`, scrolled into view first if it is not, as the
   * classic Element Click does. */
  async click(element) {
    await this.#call(`function(element) {
      const box = element.getClientRects()[0] ?? element.getBoundingClientRect();
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) element.scrollIntoView({ block: "end", inline: "nearest" });
    }`, [element]);
    await this.#actions([{
      type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
      actions: [
        { type: "pointerMove", origin: this.#origin(element), x: 0, y: 0 },
        { type: "pointerDown", button: 0 },
        { type: "pointerUp", button: 0 },
      ],
    }], { release: false });
    return null;
  }

  /** Empties a field the way classic Element Clear does in Firefox: focus, empty, tell the page
   * (input and change events), blur. */
  clear(element) {
    return this.#call(`function(element) {
      if (element.value === "") return null;
      element.focus();
      element.value = "";
      element.dispatchEvent(new Event("input", { bubbles: true }));
      element.dispatchEvent(new Event("change", { bubbles: true }));
      element.blur();
      return null;
    }`, [element]);
  }

  /** Types `text` into `element` as real key presses, after focusing it with the caret at the
   * end (as classic Element Send Keys does). For a file input, `text` is the paths to choose,
   * one a line, and they become its selection as if picked in the file chooser. */
  async sendKeys(element, text) {
    const isFile = await this.#call(`function(element) {
      if (element.localName === "input" && element.type === "file") return true;
      if (element.ownerDocument.activeElement !== element) {
        element.focus();
        if (typeof element.setSelectionRange === "function" && typeof element.value === "string") {
          try { element.setSelectionRange(element.value.length, element.value.length); } catch { /* a type without a caret */ }
        }
      }
      return false;
    }`, [element]);
    if (isFile) {
      await this.send("input.setFiles", { context: this.#current, element: { sharedId: element[ELEMENT] }, files: text.split("\n") });
      return null;
    }
    const actions = [...text].flatMap((character) => [{ type: "keyDown", value: character }, { type: "keyUp", value: character }]);
    await this.#actions([{ type: "key", id: "keyboard", actions }], { release: false });
    return null;
  }

  /** The element's position on the page and size, in CSS px (as classic Get Element Rect). */
  rect(element) {
    return this.#call(`function(element) {
      const box = element.getBoundingClientRect();
      return { x: box.x + scrollX, y: box.y + scrollY, width: box.width, height: box.height };
    }`, [element]);
  }

  /** Real key presses: `keys` are names from KEYS or text. */
  async keys(sequence) {
    await this.#actions([keyActions(sequence)]);
  }

  /** A touch tap at the centre of `element` (a pointer action of type touch). */
  async tap(element) {
    await this.#actions([{
      type: "pointer", id: "finger", parameters: { pointerType: "touch" },
      actions: [
        { type: "pointerMove", origin: this.#origin(element), x: 0, y: 0 },
        { type: "pointerDown", button: 0 },
        { type: "pointerUp", button: 0 },
      ],
    }]);
  }

  /** The browser window's position and outer size. */
  async windowRect() {
    const window = await this.#window();
    return { x: window.x, y: window.y, width: window.width, height: window.height };
  }

  /** Sets the browser window's outer size (and position, if given). */
  async setWindowRect(rect) {
    const { clientWindow } = await this.#window();
    const window = await this.send("browser.setClientWindowState", { clientWindow, state: "normal", ...rect });
    return { x: window.x, y: window.y, width: window.width, height: window.height };
  }

  /** A PNG of the tab's viewport, base64-encoded. */
  async screenshot() {
    return (await this.send("browsingContext.captureScreenshot", { context: this.#top })).data;
  }

  async #window() {
    const [{ contexts }, { clientWindows }] = await Promise.all([
      this.send("browsingContext.getTree", { root: this.#top, maxDepth: 0 }),
      this.send("browser.getClientWindows"),
    ]);
    return clientWindows.find((w) => w.clientWindow === contexts[0].clientWindow);
  }

  #origin(element) {
    return { type: "element", element: { sharedId: element[ELEMENT] } };
  }

  /** Performs input actions in the current context; then, as classic Release Actions does,
   * lets go of every key and button unless `release` is false. */
  async #actions(actions, { release = true } = {}) {
    await this.send("input.performActions", { context: this.#current, actions });
    if (release) await this.send("input.releaseActions", { context: this.#current });
  }

  /** Calls `declaration` in `context` with `args` (JSON and element references) and returns
   * its result as JSON, with element references in place of elements; an exception in the
   * page is thrown here. With `raw`, returns BiDi's own description of the result. */
  async #call(declaration, args, { context = this.#current, raw = false } = {}) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new WebDriverError("script timeout", `no result after ${SCRIPT_TIMEOUT} ms`, "script.callFunction")), SCRIPT_TIMEOUT);
    });
    try {
      const outcome = await Promise.race([timeout, this.send("script.callFunction", {
        functionDeclaration: declaration,
        arguments: args.map(toLocalValue),
        target: { context },
        awaitPromise: true,
        resultOwnership: "none",
        serializationOptions: { maxDomDepth: 0, maxObjectDepth: null, includeShadowTree: "none" },
      })]);
      if (outcome.type === "exception") {
        const { text, exception } = outcome.exceptionDetails;
        throw new WebDriverError("javascript error", text ?? fromRemoteValue(exception), "script.callFunction");
      }
      return raw ? outcome.result : fromRemoteValue(outcome.result);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A JSON value (with element references) as a BiDi LocalValue. */
function toLocalValue(value) {
  if (value === null) return { type: "null" };
  if (value === undefined) return { type: "undefined" };
  switch (typeof value) {
    case "string": return { type: "string", value };
    case "boolean": return { type: "boolean", value };
    case "number":
      if (Number.isNaN(value)) return { type: "number", value: "NaN" };
      if (Object.is(value, -0)) return { type: "number", value: "-0" };
      if (!Number.isFinite(value)) return { type: "number", value: value > 0 ? "Infinity" : "-Infinity" };
      return { type: "number", value };
    default:
      break;
  }
  if (Array.isArray(value)) return { type: "array", value: value.map(toLocalValue) };
  if (typeof value[ELEMENT] === "string") return { sharedId: value[ELEMENT] };
  if (typeof value[SHADOW_ROOT] === "string") return { sharedId: value[SHADOW_ROOT] };
  return { type: "object", value: Object.entries(value).map(([key, item]) => [key, toLocalValue(item)]) };
}

/** A BiDi RemoteValue as JSON, with element references for elements (and null for what JSON
 * cannot hold, as classic WebDriver gives). */
function fromRemoteValue(remote, seen = new Map()) {
  const keep = (result) => {
    if (remote.internalId !== undefined) seen.set(remote.internalId, result);
    return result;
  };
  if (remote.type === "node" && remote.sharedId) return keep({ [remote.value?.nodeType === 11 ? SHADOW_ROOT : ELEMENT]: remote.sharedId });
  // An object met again further in (or inside itself): BiDi names it by its internal id only.
  if (remote.internalId !== undefined && remote.value === undefined) return seen.get(remote.internalId) ?? null;
  switch (remote.type) {
    case "undefined":
    case "null":
      return null;
    case "string":
    case "boolean":
      return remote.value;
    case "number":
      return typeof remote.value === "number" ? remote.value : remote.value === "-0" ? -0 : null;
    case "bigint":
      return Number(remote.value);
    case "date":
      return remote.value;
    case "array":
    case "set":
    case "nodelist":
    case "htmlcollection": {
      const result = keep([]);
      for (const item of remote.value ?? []) result.push(fromRemoteValue(item, seen));
      return result;
    }
    case "object":
    case "map": {
      const result = keep({});
      for (const [key, item] of remote.value ?? []) {
        result[typeof key === "string" ? key : String(fromRemoteValue(key, seen))] = fromRemoteValue(item, seen);
      }
      return result;
    }
    case "window":
      return { "window-fcc6-11e5-b4f8-330a88ab9d7f": remote.value.context };
    default:
      return null; // functions, errors, regexps, promises and the like: nothing JSON can hold
  }
}
