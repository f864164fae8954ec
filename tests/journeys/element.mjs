// The <maturity-matrix> element as a host page uses it: its attributes, properties, methods
// and events, on a page that has loaded the module and has no widget yet.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Widget } from "../support/driver.mjs";
import { repo } from "../support/paths.mjs";

const localInstrument = () => JSON.parse(readFileSync(path.join(repo, "tests/fixtures/local-instrument.json"), "utf8"));

/** The blank fixture page with the module and its WebAssembly loaded and nothing saved. */
async function blankPage(page) {
  await page.freshStart();
  await page.open(page.address("build/fixtures/blank.html"));
  await page.evaluate(async () => {
    await (await import("/dist/maturity-matrix.js")).init();
    await customElements.whenDefined("maturity-matrix");
  });
}

/** Adds an element with these attributes and properties; resolves to its Widget once it shows
 * a view or an error. */
async function addElement(page, attributes, properties = {}) {
  await page.evaluate((attributes, properties) => {
    const element = document.createElement("maturity-matrix");
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    Object.assign(element, properties);
    document.querySelector("main").append(element);
  }, attributes, properties);
  const widget = new Widget(page, `maturity-matrix#${attributes.id}`);
  await widget.waitFor(".mm-view-title, .mm-error");
  return widget;
}

const call = (page, id, method) => page.evaluate((id, method) => document.getElementById(id)[method](), id, method);

export const journeys = [
  {
    name: "element attributes: instrument-src, storage-key and view apply; a missing file is explained and reported",
    chromiumCoveredBy: "tests/browser/element.test.mjs",
    async run(page) {
      await blankPage(page);
      const local = await addElement(page, { id: "local", "instrument-src": "local-instrument.json", "storage-key": "local", view: "assess" });
      assert.equal(await local.text("h2.mm-title"), "Northfield local improvement matrix");
      assert.deepEqual(await local.texts(".mm-steps__title"), ["Patient voice", "Learning system"]);
      await local.rate("voice-panels", "Thriving");
      await local.rate("voice-feedback", "Not sure");
      assert.equal(await local.overall(), "3.00");
      assert.ok((await page.evaluate(() => Object.keys(localStorage))).includes("maturity-matrix:northfield-local:local:response"));
      // Attribute changes take effect in place: the view attribute opens another view.
      await page.evaluate(() => document.getElementById("local").setAttribute("view", "plan"));
      await local.waitFor('article[data-view="plan"]');
      assert.equal((await local.findAll("h2.mm-title")).length, 1, "one app, never a second stacked under it");

      const missing = await addElement(page, { id: "missing", "instrument-src": "no-such-file.json" });
      assert.match(await missing.text("[role=alert]"), /no-such-file\.json could not be loaded: the server answered 404/);
      assert.equal((await page.events("maturity-error")).filter((e) => e.target === "missing").length, 1);
      assert.deepEqual(await page.problems(), []);
    },
  },
  {
    name: "element properties, methods and events: host-owned answers, change and complete events, exportResponse, reset, errors with paths",
    chromiumCoveredBy: "tests/browser/element.test.mjs",
    async run(page) {
      await blankPage(page);
      const instrument = localInstrument();
      const response = { formatVersion: 1, instrument: { id: "northfield-local", version: "2027.1" }, answers: { "voice-panels": { level: 3, notes: "Panel minutes" } } };
      const hosted = await addElement(page, { id: "hosted", view: "assess" }, { instrument, response });
      assert.deepEqual(await page.events(), [], "opening is not a change");
      assert.equal(await page.evaluate(() => document.getElementById("hosted").shadowRoot.querySelector('[data-item="voice-panels"] input:checked').labels[0].querySelector(".mm-option__level").textContent), "Thriving");
      await hosted.rate("voice-feedback", "Growing");
      const [change] = await page.events("maturity-change");
      assert.equal(change.target, "hosted");
      assert.deepEqual(change.detail.response.answers, { "voice-panels": { level: 3, notes: "Panel minutes" }, "voice-feedback": { level: 2 } });
      assert.equal(change.detail.score.counts.rated, 2);
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], "the host owns these answers: nothing stored");
      await hosted.rate("learning-share", "Thriving");
      const complete = await page.events("maturity-complete");
      assert.equal(complete.length, 1, "complete when the last item is answered");
      assert.equal(complete[0].detail.score.counts.unanswered, 0);
      const exported = await call(page, "hosted", "exportResponse");
      assert.deepEqual(Object.keys(exported.answers).sort(), ["learning-share", "voice-feedback", "voice-panels"]);
      assert.deepEqual(await page.evaluate(() => document.getElementById("hosted").response), exported);
      await call(page, "hosted", "reset");
      await hosted.waitFor(".mm-progress[data-answered='0']");
      assert.deepEqual((await call(page, "hosted", "exportResponse")).answers, {});

      // Read-only: every control disabled, nothing saved.
      const readonly = await addElement(page, { id: "readonly", view: "assess", readonly: "", "storage-key": "ro" }, { instrument, response });
      assert.equal(await page.evaluate(() => [...document.getElementById("readonly").shadowRoot.querySelectorAll("input[type=radio]")].every((r) => r.disabled)), true);
      assert.equal((await readonly.findAll("textarea[readonly]")).length > 0, true);

      // An instrument with problems: the widget explains, the event lists the JSON paths.
      const broken = structuredClone(instrument);
      broken.scale.levels[1].value = 1;
      delete broken.components[0].title;
      const bad = await addElement(page, { id: "bad" }, { instrument: broken });
      assert.match(await bad.text("[role=alert]"), /could not be loaded/);
      const [error] = (await page.events("maturity-error")).filter((e) => e.target === "bad");
      const paths = error.detail.problems.map((p) => p.path);
      assert.ok(paths.includes("scale.levels[1].value") && paths.includes("components[0].title"), paths.join(", "));
      assert.deepEqual(await page.problems(), []);
    },
  },
];
