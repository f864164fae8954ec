// How trusts embed the widget: the single-file build from file://, a strict CSP with zero
// violations, a policy that blocks WebAssembly, no network requests, text never run as code.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, repo, serveWww, watchErrors, www } from "../support/browser.mjs";
import { item, openView, overall, rate } from "../support/widget.mjs";

let server, browser;
before(async () => {
  // The CSP fixture is served from www/ so its module path is same-site.
  mkdirSync(path.join(www, "build/fixtures"), { recursive: true });
  copyFileSync(path.join(repo, "tests/fixtures/csp-no-wasm.html"), path.join(www, "build/fixtures/csp-no-wasm.html"));
  server = await serveWww();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the standalone script works from a file:// page with no other file", async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path.join(repo, "tests/fixtures/standalone.html")).href);
  const widget = page.locator("maturity-matrix");
  await openView(widget, "assess");
  assert.equal(await widget.locator(".mm-steps__title").count(), 6);
  await rate(widget, "lb-presence-visit", "Almost always");
  assert.equal(await overall(widget).textContent(), "4.00");
  // Only the page and the one script were loaded: no .wasm fetch.
  assert.deepEqual(requests.map((u) => path.basename(new URL(u).pathname)), ["standalone.html", "maturity-matrix.standalone.js"]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("under a strict CSP the demo runs with zero violations and makes no request after load", async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url);
  const widget = page.locator("maturity-matrix");
  await widget.locator(".mm-view-title").waitFor();
  const loaded = requests.length;
  for (const [id, label] of [["purpose-created", "Developing"], ["leaders-data", "Embedding"]]) await rate(widget, id, label);
  await item(widget, "leaders-data").getByLabel(/Evidence and notes/).fill("SPC charts in the IPR");
  await widget.locator(".mm-save-status", { hasText: "Saved" }).waitFor();
  // Every view renders under the policy too (the chart is SVG, styled by the stylesheet only).
  for (const view of ["results", "plan", "paper", "start"]) await openView(widget, view);
  assert.deepEqual(requests.slice(loaded), [], "no request after the files loaded");
  for (const url of requests) assert.equal(new URL(url).origin, new URL(server.url).origin, `same-site only: ${url}`);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(await page.context().cookies(), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a policy without 'wasm-unsafe-eval' gets an explanation and a maturity-error event, not a blank box", async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener("maturity-error", (e) => window.__errors.push(e.detail.message));
  });
  await page.goto(new URL("build/fixtures/csp-no-wasm.html", server.url).href);
  const alert = page.locator("maturity-matrix").getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /'wasm-unsafe-eval'/);
  assert.equal((await page.evaluate(() => window.__errors)).length, 1);
  await page.close();
});

test("markup and script in instrument and response text are shown as text, never run", async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"'&`;
  await page.evaluate(async (payload) => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init();
    const instrument = api.builtinInstrument("nhs-impact");
    instrument.title = payload;
    instrument.description = payload;
    instrument.source = payload;
    instrument.scale.levels[0].label = `L1 ${payload}`;
    instrument.scale.dontKnow.label = `DK ${payload}`;
    const c = instrument.components[0];
    c.title = c.description = payload;
    c.items[0].title = c.items[0].prompt = payload;
    c.items[0].levels[1] = payload;
    c.items[0].evidence = [payload];
    const host = document.createElement("div");
    document.querySelector("main").append(host);
    const element = document.createElement("maturity-matrix");
    element.setAttribute("instrument", JSON.stringify(instrument));
    element.setAttribute("storage-key", "xss");
    element.setAttribute("view", "assess");
    localStorage.setItem("maturity-matrix:nhs-impact:xss:response", JSON.stringify({
      formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" },
      answers: { [c.items[0].id]: { level: 2, notes: payload } },
    }));
    host.append(element);
  }, payload);
  const widget = page.locator("maturity-matrix").nth(1);
  await widget.locator("h2.mm-title").waitFor();
  assert.equal(await widget.locator("h2.mm-title").textContent(), payload);
  assert.equal(await widget.locator("textarea").first().inputValue(), payload);
  // Every view shows the same text: summary, chart labels, heat map, plan, board paper.
  for (const view of ["assess", "results", "plan", "paper", "start"]) {
    await openView(widget, view);
    assert.equal(await widget.locator("img").count(), 0, view);
    assert.equal(await widget.locator("script").count(), 0, view);
  }
  await openView(widget, "paper");
  assert.ok((await widget.locator(".mm-paper").textContent()).includes(payload));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});
