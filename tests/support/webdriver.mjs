// A minimal W3C WebDriver (classic) client over fetch: the part of the protocol the journeys
// use. ChromeDriver and WebKitWebDriver both speak it, so one client drives both engines and the
// per-engine code is only how to start the driver (see engines.mjs). Firefox is driven over
// WebDriver BiDi instead (bidi.mjs), through the same methods.
// https://www.w3.org/TR/webdriver2/

/** The key that marks an element reference in WebDriver's JSON. */
export const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** WebDriver's code points for the keys the journeys press (the spec's "normalised key"). */
export const KEYS = {
  Tab: "\uE004", Enter: "\uE007", Space: " ", Escape: "\uE00C", Backspace: "\uE003",
  ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015",
  Home: "\uE011", End: "\uE010", Shift: "\uE008", Control: "\uE009",
};

/** The key input source's actions that press and release each key of `sequence` (names from
 * KEYS, or text typed character by character): the same in classic WebDriver and in BiDi. */
export function keyActions(sequence) {
  const actions = [];
  for (const key of sequence) {
    const value = KEYS[key] ?? key;
    for (const character of KEYS[key] ? [value] : [...value]) {
      actions.push({ type: "keyDown", value: character }, { type: "keyUp", value: character });
    }
  }
  return { type: "key", id: "keyboard", actions };
}

export class WebDriverError extends Error {
  constructor(error, message, command) {
    super(`${command}: ${error}: ${message}`);
    this.name = "WebDriverError";
    this.error = error;
  }
}

/** One browser session on a running WebDriver server. */
export class WebDriverSession {
  #base;

  constructor(driverUrl, sessionId, capabilities) {
    this.#base = new URL(`session/${sessionId}/`, driverUrl);
    this.id = sessionId;
    this.capabilities = capabilities;
  }

  /** Opens a session; `capabilities` goes into `alwaysMatch`. */
  static async create(driverUrl, capabilities) {
    const value = await request("POST", new URL("session", driverUrl), { capabilities: { alwaysMatch: capabilities } }, "new session");
    return new WebDriverSession(driverUrl, value.sessionId, value.capabilities);
  }

  command(method, path, body) {
    return request(method, new URL(path, this.#base), body, `${method} ${path || "/"}`);
  }

  navigate(url) { return this.command("POST", "url", { url }); }
  currentUrl() { return this.command("GET", "url"); }
  refresh() { return this.command("POST", "refresh", {}); }
  close() { return this.command("DELETE", ""); }

  /** Runs `script` (a function body) in the page; element references in `args` and in the
   * result are converted both ways by the driver. */
  execute(script, args = []) { return this.command("POST", "execute/sync", { script, args }); }

  /** Like `execute`, for a body that calls `arguments[arguments.length - 1]` when done. */
  executeAsync(script, args = []) { return this.command("POST", "execute/async", { script, args }); }

  click(element) { return this.command("POST", `element/${element[ELEMENT]}/click`, {}); }
  clear(element) { return this.command("POST", `element/${element[ELEMENT]}/clear`, {}); }
  sendKeys(element, text) { return this.command("POST", `element/${element[ELEMENT]}/value`, { text }); }
  rect(element) { return this.command("GET", `element/${element[ELEMENT]}/rect`); }

  /** Real key presses through the driver's input source: `keys` are names from KEYS or text. */
  async keys(sequence) {
    await this.command("POST", "actions", { actions: [keyActions(sequence)] });
    await this.command("DELETE", "actions");
  }

  /** A touch tap at the centre of `element` (a pointer action of type touch). */
  async tap(element) {
    await this.command("POST", "actions", {
      actions: [{
        type: "pointer", id: "finger", parameters: { pointerType: "touch" },
        actions: [
          { type: "pointerMove", origin: element, x: 0, y: 0 },
          { type: "pointerDown", button: 0 },
          { type: "pointerUp", button: 0 },
        ],
      }],
    });
    await this.command("DELETE", "actions");
  }

  windowRect() { return this.command("GET", "window/rect"); }
  setWindowRect(rect) { return this.command("POST", "window/rect", rect); }
  screenshot() { return this.command("GET", "screenshot"); }
}

async function request(method, url, body, what) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WebDriverError("invalid response", `${response.status} ${text.slice(0, 200)}`, what);
  }
  const value = json.value ?? null;
  if (!response.ok || value?.error) throw new WebDriverError(value?.error ?? response.status, value?.message ?? text.slice(0, 200), what);
  return value;
}
