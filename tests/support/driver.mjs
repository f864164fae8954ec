// The driver interface the journeys are written against: a page in one engine, and the widget
// inside it, used the way a person does (real clicks, real key presses, real file choosers and
// downloads). It is implemented once on W3C WebDriver; engines.mjs says how each engine's
// WebDriver server is started. Journeys use only standard WebDriver, so what passes here
// passes in Chromium, Firefox and WebKit alike; the one exception is emulating a touch screen,
// which only each engine's own commands offer (and WebKitGTK's not at all).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { startEngine, ENGINES } from "./engines.mjs";
import { serveJourneys } from "./journey-server.mjs";
import { waitUntil } from "./wait.mjs";

/** Starts one engine and the journey server; resolves to a `Page`. */
export async function openBrowser(engineName) {
  const [server, engine] = await Promise.allSettled([serveJourneys(), startEngine(engineName)]);
  if (engine.status === "rejected") {
    await server.value?.close();
    throw engine.reason;
  }
  // A desktop-sized window, tall enough to show the largest device frame (1024 px) whole.
  await engine.value.session.setWindowRect({ width: 1280, height: 1200 });
  return new Page(engineName, engine.value, server.value);
}

/** One browser window showing pages from the journey server. */
export class Page {
  #engine;
  #server;
  #downloadsSeen = new Set();

  constructor(engineName, engine, server) {
    this.engine = engineName;
    this.label = ENGINES[engineName].label;
    this.session = engine.session;
    this.#engine = engine;
    this.#server = server;
  }

  /** The address of `relative` on the journey server (the demo is at "", fixtures under
   * "build/fixtures/"). */
  address(relative = "") {
    return new URL(relative, this.#server.url).href;
  }

  async close() {
    await this.#engine.stop();
    await this.#server.close();
  }

  /** Opens `url` and waits until the document has loaded. */
  async open(url) {
    await this.session.navigate(url);
    await this.waitFor(() => document.readyState === "complete", [], { what: `${url} to load` });
  }

  async reload() {
    await this.session.refresh();
    await this.waitFor(() => document.readyState === "complete", [], { what: "the reload" });
  }

  url() {
    return this.session.currentUrl();
  }

  /** Empties the site's storage from a page with no widget on it (so none can write its state
   * back), and sets which platform features the page probe takes away from the next pages. */
  async freshStart({ without = [] } = {}) {
    await this.open(this.address("favicon.svg"));
    await this.evaluate((without) => {
      localStorage.clear();
      sessionStorage.clear();
      if (without.length) sessionStorage.setItem("probe:without", without.join(","));
    }, without);
  }

  /** Opens the demo page with nothing saved; resolves to its widget once it has rendered. */
  async openDemo(options) {
    await this.freshStart(options);
    await this.open(this.address());
    const widget = new Widget(this);
    await widget.waitFor(".mm-view-title");
    return widget;
  }

  /** Runs `fn` in the page with `args` (JSON values or element references) and resolves to its
   * result, awaiting a promise it returns. An exception in the page is rethrown here. */
  async evaluate(fn, ...args) {
    const outcome = await this.session.executeAsync(`
      const done = arguments[arguments.length - 1];
      const args = Array.prototype.slice.call(arguments, 0, -1);
      Promise.resolve().then(() => (${fn}).apply(null, args)).then(
        (value) => done({ value: value === undefined ? null : value }),
        (error) => done({ error: String((error && error.stack) || error) }));`, args);
    if (outcome.error) throw new Error(`in the page: ${outcome.error}`);
    return outcome.value;
  }

  /** Polls `fn(...args)` in the page until it returns something truthy, and returns that. */
  waitFor(fn, args = [], { what = String(fn), timeout = 15_000 } = {}) {
    return waitUntil(() => this.evaluate(fn, ...args), { what, timeout });
  }

  /** Clicks `element` as a person would: scrolled to the middle of the screen, once it holds
   * still. WebDriver clicks at the point where it found the element; if the layout is still
   * settling (a list filling in above a button), that point would land on something else.
   * Centring also keeps the element clear of the edges of a device frame taller than what the
   * window shows (MiniBrowser's downloads bar takes room from the page after a download). */
  async click(element) {
    await this.waitFor((element) => new Promise((resolve) => {
      element.scrollIntoView({ block: "center", inline: "nearest" });
      const where = () => JSON.stringify(element.getBoundingClientRect());
      const before = where();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(element.isConnected && where() === before)));
    }), [element], { what: "the element to hold still" });
    await this.session.click(element);
  }

  /** Presses keys (names such as "Tab", "ArrowDown", or plain text) as real key events. */
  keys(...sequence) {
    return this.session.keys(sequence);
  }

  /** Makes pages report a coarse primary pointer and no hover, as a tablet or phone does (or
   * stop, with `false`), where the engine can; resolves to false where it cannot. */
  async emulateTouchScreen(enabled = true) {
    const emulate = ENGINES[this.engine].emulateTouchScreen;
    if (!emulate) return false;
    await emulate(this.session, enabled);
    await this.waitFor((enabled) => matchMedia("(pointer: coarse)").matches === enabled, [enabled], { what: "the pointer emulation" });
    return true;
  }

  /** The widget's events the page has seen, oldest first (see page-probe.js). */
  events(type) {
    return this.evaluate((type) => window.__probe.events.filter((event) => !type || event.type === type), type ?? null);
  }

  /** Errors, rejections, console errors and policy violations the probe saw on this page. */
  problems() {
    return this.evaluate(() => [...window.__probe.errors, ...window.__probe.violations.map((v) => `policy violation: ${v}`)]);
  }

  /** Opens `relative` (the demo by default) inside a device frame of `width` × `height` CSS px
   * and moves into the frame: from here on everything runs inside it, until the next `open`. */
  async openInFrame(width, height, relative = "") {
    await this.open(this.address(`__frame.html?width=${width}&height=${height}&src=${encodeURIComponent(`/${relative}`)}`));
    await this.#enterFrame(width, height);
  }

  /** Gives the device frame a new size, keeping the page in it as it is. */
  async resizeFrame(width, height) {
    await this.session.command("POST", "frame/parent", {});
    await this.evaluate((width, height) => Object.assign(document.querySelector("iframe"), { width, height }), width, height);
    await this.#enterFrame(width, height);
  }

  async #enterFrame(width, height) {
    await this.session.command("POST", "frame", { id: await this.evaluate(() => document.querySelector("iframe")) });
    await this.waitFor((width, height) => document.readyState === "complete" && innerWidth === width && innerHeight === height,
      [width, height], { what: `a ${width} × ${height} frame` });
  }

  /** Runs `trigger` (which starts a download) and resolves to the file the browser saved. */
  async download(trigger) {
    const folder = this.#engine.downloads;
    await trigger();
    const unfinished = /\.(part|crdownload|download)$/;
    const name = await waitUntil(() => {
      if (!existsSync(folder)) return null;
      const names = readdirSync(folder).filter((n) => !n.startsWith(".")); // not a browser's own dot-folders
      const fresh = names.filter((n) => !this.#downloadsSeen.has(n) && !unfinished.test(n));
      return fresh.length === 1 && !names.some((n) => unfinished.test(n)) && readFileSync(path.join(folder, fresh[0])).length > 0 && fresh[0];
    }, { what: `${this.label} to save a download in ${folder}`, timeout: 15_000 });
    this.#downloadsSeen.add(name);
    return { name, text: readFileSync(path.join(folder, name), "utf8") };
  }
}

/** The `<maturity-matrix>` element on a page (the first, or the one `host` selects), reached
 * through its open shadow root. */
export class Widget {
  constructor(page, host = "maturity-matrix") {
    this.page = page;
    this.host = host;
  }

  /** The elements inside the widget matching `selector`, optionally only those whose text
   * (trimmed, or an ARIA label) equals `text` or matches it as a RegExp. */
  findAll(selector, text) {
    const matcher = text instanceof RegExp ? { source: text.source, flags: text.flags } : text;
    return this.page.evaluate((host, selector, matcher) => {
      const root = document.querySelector(host)?.shadowRoot;
      if (!root) return [];
      const matches = (value) => (matcher === undefined || matcher === null)
        || (typeof matcher === "string" ? value === matcher : new RegExp(matcher.source, matcher.flags).test(value));
      return [...root.querySelectorAll(selector)].filter((el) => matches(el.textContent.trim()) || matches(el.getAttribute("aria-label") ?? ""));
    }, this.host, selector, matcher);
  }

  /** The one element matching, waiting for it to appear. */
  async find(selector, text, { what } = {}) {
    const [element] = await waitUntil(async () => {
      const found = await this.findAll(selector, text);
      return found.length > 0 && found;
    }, { what: what ?? `${selector}${text === undefined ? "" : ` with text ${text}`} in the widget` });
    return element;
  }

  /** Waits until `selector` (optionally with `text`) is in the widget. */
  async waitFor(selector, text) {
    await this.find(selector, text);
  }

  /** Waits until nothing matches `selector` (with `text`, if given). */
  async waitForNone(selector, text) {
    await waitUntil(async () => (await this.findAll(selector, text)).length === 0, { what: `no ${selector} in the widget` });
  }

  /** The form control labelled `label` (the text of its <label>, at its start when a RegExp),
   * optionally within `scope` (a selector). */
  async field(label, scope) {
    const matcher = label instanceof RegExp ? { source: label.source, flags: label.flags } : label;
    return waitUntil(() => this.page.evaluate((host, matcher, scope) => {
      const root = document.querySelector(host)?.shadowRoot;
      const within = scope ? root?.querySelector(scope) : root;
      if (!within) return null;
      const wanted = (text) => typeof matcher === "string" ? text === matcher : new RegExp(matcher.source, matcher.flags).test(text);
      const label = [...within.querySelectorAll("label")].find((l) => wanted(l.textContent.trim()));
      return label?.control ?? null;
    }, this.host, matcher, scope ?? null), { what: `a field labelled ${label}` });
  }

  /** The text of the first element matching `selector`, or null. */
  text(selector) {
    return this.page.evaluate((host, selector) => document.querySelector(host).shadowRoot.querySelector(selector)?.textContent ?? null, this.host, selector);
  }

  /** The texts of every element matching `selector`. */
  texts(selector) {
    return this.page.evaluate((host, selector) => [...document.querySelector(host).shadowRoot.querySelectorAll(selector)].map((el) => el.textContent), this.host, selector);
  }

  /** Clicks the button (or element matching `selector`) with this text, as a person would. */
  async click(text, selector = "button") {
    await this.page.click(await this.find(selector, text));
  }

  /** Types `text` into the field labelled `label`, replacing what was there. */
  async fill(label, text, scope) {
    const field = await this.field(label, scope);
    await this.page.session.clear(field);
    // Line breaks are typed as Enter presses: WebKitWebDriver drops "\n" in element send keys.
    for (const [index, line] of text.split("\n").entries()) {
      if (index > 0) await this.page.keys("Enter");
      if (line) await this.page.session.sendKeys(field, line);
    }
  }

  /** Opens a view through the widget's navigation and waits for it. In a narrow column the
   * views sit behind one button ("Views: …"), which is pressed first, as a person would. */
  async openView(name) {
    const menu = await this.find(".mm-nav__toggle");
    const closed = await this.page.evaluate((menu) => menu.getClientRects().length > 0 && menu.getAttribute("aria-expanded") === "false", menu);
    if (closed) await this.page.click(menu);
    await this.page.click(await this.find(`.mm-nav__button[data-view="${name}"]`));
    await this.waitFor(`article[data-view="${name}"]`);
  }

  /** On the assess view, opens the component that holds item `id`. */
  async showItem(id) {
    if ((await this.findAll('article[data-view="assess"]')).length === 0) await this.openView("assess");
    const steps = await this.findAll(".mm-steps__button");
    for (const step of steps) {
      if ((await this.findAll(`[data-item="${id}"]`)).length > 0) return;
      await this.page.click(step);
    }
    await this.waitFor(`[data-item="${id}"]`);
  }

  /** Rates item `id` by clicking the label of its level (or special answer) `level`. */
  async rate(id, level) {
    await this.showItem(id);
    const label = await waitUntil(() => this.page.evaluate((host, id, level) => {
      const item = document.querySelector(host).shadowRoot.querySelector(`[data-item="${id}"]`);
      return [...(item?.querySelectorAll("label") ?? [])].find((l) => l.querySelector(".mm-option__level")?.textContent === level) ?? null;
    }, this.host, id, level), { what: `the option ${level} of ${id}` });
    await this.page.click(label);
    await this.page.waitFor((host, id, level) => {
      const item = document.querySelector(host).shadowRoot.querySelector(`[data-item="${id}"]`);
      const checked = item?.querySelector("input:checked");
      return checked?.labels[0]?.querySelector(".mm-option__level")?.textContent === level;
    }, [this.host, id, level], { what: `${id} to be rated ${level}` });
  }

  /** The overall score cell of the first score table on the view. */
  overall() {
    return this.text("tr[data-overall] td.mm-score");
  }
}
