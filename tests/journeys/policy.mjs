// The widget under a strict Content Security Policy: the demo page carries
// `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`, and a policy
// without 'wasm-unsafe-eval' gets an explanation instead of a blank box.
import assert from "node:assert/strict";

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export const journeys = [
  {
    name: "under the demo's strict policy every view works with zero violations and no request after load",
    chromiumCoveredBy: "tests/browser/embedding.test.mjs",
    async run(page) {
      const widget = await page.openDemo();
      assert.equal(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content), STRICT);
      const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
      await widget.rate("purpose-created", "Developing");
      await widget.rate("leaders-data", "Embedding");
      await widget.fill(/^Evidence and notes/, "SPC charts in the IPR", '[data-item="leaders-data"]');
      await widget.waitFor(".mm-save-status", /^Saved/);
      // Every view renders under the policy (the chart is SVG styled by the stylesheet only).
      for (const view of ["results", "plan", "progress", "paper", "board", "start"]) await widget.openView(view);
      const after = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
      assert.deepEqual(after.slice(loaded.length), [], "no request after the files loaded");
      for (const url of after) assert.equal(new URL(url).origin, new URL(page.address()).origin, url);
      // The styles applied (a blocked stylesheet would leave the title at the page's size).
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("maturity-matrix").shadowRoot.querySelector("h2.mm-title")).fontSize), "24px");
      assert.deepEqual(await page.problems(), [], "no errors and no policy violations");
    },
  },
  {
    name: "a policy without 'wasm-unsafe-eval' gets an explanation and a maturity-error event",
    chromiumCoveredBy: "tests/browser/embedding.test.mjs",
    async run(page) {
      await page.freshStart();
      await page.open(page.address("build/fixtures/csp-no-wasm.html"));
      const alert = await page.waitFor(() => document.querySelector("maturity-matrix").shadowRoot.querySelector("[role=alert]")?.textContent, [], { what: "the explanation" });
      assert.match(alert, /'wasm-unsafe-eval'/);
      assert.equal((await page.events("maturity-error")).length, 1);
    },
  },
];
