// The <maturity-matrix> element as a host page uses it: attributes, properties (also when set
// before the element is defined), methods, events, several elements on a page, removal, and
// style isolation from a hostile page stylesheet in both directions.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { repo, watchErrors, withDemo, www } from "../support/browser.mjs";
import { item, openView, overall, rate } from "../support/widget.mjs";

const env = withDemo();
const FIXTURES = ["blank.html", "local-instrument.json", "hostile.html", "hostile.css", "late-definition.html", "late-definition.js"];
before(() => {
  mkdirSync(path.join(www, "build/fixtures"), { recursive: true });
  for (const name of FIXTURES) copyFileSync(path.join(repo, "tests/fixtures", name), path.join(www, "build/fixtures", name));
});

/** A page on the demo's origin with the module and its WebAssembly loaded, no widget yet and
 * nothing saved. */
async function blankPage() {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL("build/fixtures/blank.html", env.server.url).href);
  await page.evaluate(async () => {
    await (await import("/dist/maturity-matrix.js")).init(); // the functions and the board's build, loaded
    localStorage.clear();
    window.events = [];
    for (const type of ["maturity-change", "maturity-complete", "maturity-error"]) {
      // Listening on the document: the events bubble out of the shadow root.
      document.addEventListener(type, (event) => window.events.push({ type, target: event.target.id, detail: JSON.parse(JSON.stringify({ ...event.detail, error: undefined })) }));
    }
  });
  return { page, errors };
}

async function addElement(page, attributes, properties = {}) {
  await page.evaluate(async ({ attributes, properties }) => {
    await customElements.whenDefined("maturity-matrix");
    const element = document.createElement("maturity-matrix");
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    Object.assign(element, properties);
    document.querySelector("main").append(element);
  }, { attributes, properties });
  const element = page.locator(`maturity-matrix#${attributes.id}`);
  await element.locator(".mm-view-title, .mm-error").first().waitFor();
  return element;
}

const events = (page, type) => page.evaluate((type) => window.events.filter((e) => !type || e.type === type), type);

test("instrument-src loads a local matrix from the same site; view and storage-key attributes apply", async () => {
  const { page, errors } = await blankPage();
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  const widget = await addElement(page, { id: "local", "instrument-src": "local-instrument.json", "storage-key": "local", view: "assess" });
  assert.equal(await widget.locator("h2.mm-title").textContent(), "Northfield local improvement matrix");
  assert.deepEqual(await widget.locator(".mm-steps__title").allTextContents(), ["Patient voice", "Learning system"]);
  await rate(widget, "voice-panels", "Thriving");
  await rate(widget, "voice-feedback", "Not sure");
  assert.equal(await overall(widget).textContent(), "3.00");
  assert.deepEqual(requests.filter((r) => !r.startsWith("/dist/")), ["/build/fixtures/local-instrument.json"], "the only request beyond the package's files is instrument-src");
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.includes("maturity-matrix:northfield-local:local:response"), keys.join(", "));
  // The board view can be the one a page opens on; a view name the widget does not have is ignored.
  const board = await addElement(page, { id: "board", "storage-key": "board", view: "board" });
  await board.locator("article[data-view=board]").waitFor();
  const unknown = await addElement(page, { id: "unknown-view", "storage-key": "unknown-view", view: "dashboard" });
  await unknown.locator("article[data-view=start]").waitFor();
  // A missing file is explained in place and reported.
  const missing = await addElement(page, { id: "missing", "instrument-src": "no-such-file.json" });
  assert.match(await missing.getByRole("alert").textContent(), /no-such-file\.json could not be loaded: the server answered 404/);
  assert.equal((await events(page, "maturity-error")).filter((e) => e.target === "missing").length, 1);
  assert.deepEqual(errors.filter((e) => !e.includes("no-such-file")), []);
  await page.close();
});

test("change and complete events carry the answers and the score; exportResponse and reset", async () => {
  const { page, errors } = await blankPage();
  const widget = await addElement(page, { id: "events", "instrument-src": "local-instrument.json", "storage-key": "events", view: "assess" });
  assert.deepEqual(await events(page), [], "opening is not a change");
  await rate(widget, "voice-panels", "Growing");
  let changes = await events(page, "maturity-change");
  assert.equal(changes.length, 1);
  assert.equal(changes[0].target, "events");
  assert.deepEqual(changes[0].detail.response.answers, { "voice-panels": { level: 2 } });
  assert.equal(changes[0].detail.score.counts.rated, 1);
  await rate(widget, "voice-feedback", "Starting");
  assert.equal((await events(page, "maturity-complete")).length, 0, "not complete yet");
  await rate(widget, "learning-share", "Thriving");
  const complete = await events(page, "maturity-complete");
  assert.equal(complete.length, 1);
  assert.equal(complete[0].detail.score.counts.unanswered, 0);
  assert.equal(complete[0].detail.score.overall, 2.25);
  await rate(widget, "learning-share", "Growing");
  assert.equal((await events(page, "maturity-complete")).length, 1, "fires once, when the last item is answered");
  const exported = await page.evaluate(() => document.getElementById("events").exportResponse());
  assert.deepEqual(exported.answers, { "voice-panels": { level: 2 }, "voice-feedback": { level: 1 }, "learning-share": { level: 2 } });
  assert.deepEqual(await page.evaluate(() => document.getElementById("events").response), exported);

  await page.evaluate(() => document.getElementById("events").reset());
  await widget.locator(".mm-progress[data-answered='0']").waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("maturity-matrix:northfield-local:events:response")), null);
  assert.deepEqual((await page.evaluate(() => document.getElementById("events").exportResponse())).answers, {});
  assert.deepEqual(errors, []);
  await page.close();
});

test("instrument and response properties: host-owned answers never touch storage; bad input is reported with paths", async () => {
  const { page, errors } = await blankPage();
  const instrument = JSON.parse(readFileSync(path.join(repo, "tests/fixtures/local-instrument.json"), "utf8"));
  const response = { formatVersion: 1, instrument: { id: "northfield-local", version: "2027.1" }, answers: { "voice-panels": { level: 3, notes: "Panel minutes" } } };
  const widget = await addElement(page, { id: "hosted", view: "assess" }, { instrument, response });
  assert.equal(await widget.locator("h2.mm-title").textContent(), "Northfield local improvement matrix");
  assert.equal(await item(widget, "voice-panels").getByRole("radio", { name: /^Thriving/ }).isChecked(), true);
  await rate(widget, "voice-feedback", "Growing");
  const [change] = await events(page, "maturity-change");
  assert.deepEqual(change.detail.response.answers, { "voice-panels": { level: 3, notes: "Panel minutes" }, "voice-feedback": { level: 2 } });
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], "nothing stored: the host owns these answers");
  // Changing attributes remounts in place: one app, never a second stacked under it.
  await page.evaluate(() => {
    const element = document.getElementById("hosted");
    element.setAttribute("view", "results");
    element.setAttribute("view", "plan");
  });
  await widget.locator("article[data-view=plan]").waitFor();
  assert.equal(await widget.locator("h2.mm-title").count(), 1);
  assert.deepEqual(Object.keys((await page.evaluate(() => document.getElementById("hosted").exportResponse())).answers), ["voice-feedback", "voice-panels"], "the change survived the remount");
  // An instrument property with problems: the widget explains, the event lists the paths.
  const broken = structuredClone(instrument);
  broken.scale.levels[1].value = 1;
  delete broken.components[0].title;
  const bad = await addElement(page, { id: "bad" }, { instrument: broken });
  assert.match(await bad.getByRole("alert").textContent(), /could not be loaded/);
  const [error] = (await events(page, "maturity-error")).filter((e) => e.target === "bad");
  const paths = error.detail.problems.map((p) => p.path);
  assert.ok(paths.includes("scale.levels[1].value"), paths.join(", "));
  assert.ok(paths.includes("components[0].title"), paths.join(", "));
  // A response for another instrument is refused and reported; the widget still opens.
  await addElement(page, { id: "mismatch", view: "assess" }, { response: { ...response } });
  const [mismatch] = (await events(page, "maturity-error")).filter((e) => e.target === "mismatch");
  assert.equal(mismatch.detail.problems[0].path, "instrument.id");
  assert.deepEqual(errors, []);
  await page.close();
});

test("readonly shows the answers with every control disabled and saves nothing", async () => {
  const { page, errors } = await blankPage();
  const response = { formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" }, answers: { "purpose-created": { level: 4, notes: "Board minutes", action: "Refresh the vision" } } };
  const widget = await addElement(page, { id: "readonly", view: "assess", readonly: "" }, { response });
  const radios = item(widget, "purpose-created").getByRole("radio");
  assert.equal(await radios.count(), 7);
  for (const radio of await radios.all()) assert.equal(await radio.isDisabled(), true);
  assert.equal(await item(widget, "purpose-created").getByRole("radio", { name: /^Embedding/ }).isChecked(), true);
  assert.notEqual(await item(widget, "purpose-created").getByLabel(/Evidence and notes/).getAttribute("readonly"), null);
  await openView(widget, "plan");
  assert.notEqual(await widget.getByLabel(/^Action/).first().getAttribute("readonly"), null);
  await openView(widget, "start");
  assert.equal(await widget.locator(".mm-library").count(), 0);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("properties set before the element is defined are honoured; elements are independent; removal releases the app", async () => {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL("favicon.svg", env.server.url).href);
  await page.evaluate(() => localStorage.clear());
  await page.goto(new URL("build/fixtures/late-definition.html", env.server.url).href);
  const first = page.locator("maturity-matrix#first");
  const second = page.locator("maturity-matrix#second");
  await first.locator("article[data-view=results]").waitFor();
  // 4 and 2 in the first component: the property set before definition was used.
  assert.equal(await first.locator('tr[data-component="purpose"] td.mm-score').first().textContent(), "3.00");
  await second.locator("article[data-view=assess]").waitFor();
  await rate(second, "lb-presence-visit", "Almost always");
  assert.equal(await overall(second).textContent(), "4.00");
  assert.equal(await first.locator('tr[data-component="purpose"] td.mm-score').first().textContent(), "3.00", "the other widget is untouched");
  const ids = await page.evaluate(() => [...document.querySelectorAll("maturity-matrix")].map((e) => e.shadowRoot.querySelector("article").getAttribute("aria-labelledby")));
  assert.notEqual(ids[0], ids[1], "ids inside each widget are unique");
  // Removing an element unmounts its app (yew tears down on its scheduler): its shadow
  // content goes and the first widget keeps working.
  await page.evaluate(() => {
    window.removed = document.getElementById("second");
    window.removed.remove();
  });
  await page.waitForFunction(() => window.removed.shadowRoot.querySelector(".mm-host").childElementCount === 0);
  await openView(first, "assess");
  await rate(first, "purpose-created", "Leading");
  assert.equal(await first.locator('tr[data-component="purpose"] td.mm-score').first().textContent(), "3.50");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a hostile page stylesheet does not break the widget, and the widget's styles stay inside it", async () => {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  const violations = [];
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => (window.__violations ??= []).push(e.violatedDirective)));
  await page.goto(new URL("build/fixtures/hostile.html", env.server.url).href);
  const widget = page.locator("maturity-matrix");
  await widget.locator("article[data-view=assess]").waitFor();
  const style = (locator, properties) => locator.evaluate((el, properties) => {
    const computed = getComputedStyle(el);
    return Object.fromEntries(properties.map((p) => [p, computed.getPropertyValue(p)]));
  }, properties);
  assert.equal((await style(widget, ["display"])).display, "block");
  const title = await style(widget.locator("h2.mm-title"), ["font-size", "color", "text-transform", "letter-spacing", "font-family"]);
  assert.equal(title["font-size"], "24px");
  assert.equal(title.color, "rgb(33, 43, 50)");
  assert.equal(title["text-transform"], "none");
  assert.equal(title["letter-spacing"], "normal");
  assert.match(title["font-family"], /Arial/);
  const radio = widget.locator(".mm-option__input").first();
  const box = await radio.boundingBox();
  assert.ok(box.width === 40 && box.height === 40, `radios keep their 40px target (${box.width}×${box.height})`);
  await rate(widget, "purpose-created", "Leading");
  assert.equal(await overall(widget).textContent(), "5.00");
  // The page's own .mm-button keeps the page's styles, not the widget's green button.
  const hostButton = await style(page.locator("#host-button"), ["background-color", "box-shadow"]);
  assert.equal(hostButton["background-color"], "rgb(255, 0, 0)");
  assert.equal(hostButton["box-shadow"], "none");
  const pageHeadings = await page.locator("h1, #after").evaluateAll((els) => els.map((el) => getComputedStyle(el).fontSize));
  assert.equal(pageHeadings[0], pageHeadings[1], "the page's headings keep the page's rules");
  assert.notEqual(pageHeadings[1], "24px");
  assert.deepEqual(await page.evaluate(() => window.__violations ?? []), violations);
  assert.deepEqual(errors, []);
  await page.close();
});
