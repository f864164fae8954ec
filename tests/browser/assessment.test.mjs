// The assessment in a real browser: keyboard-only completion, autosave and restore, and what
// happens when storage is corrupt, disabled or full. Every answer must survive.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { watchErrors, withDemo } from "../support/browser.mjs";

const KEY = "maturity-matrix:nhs-impact:default:response";
const env = withDemo();

/** Opens the demo with nothing saved (tests share one browser profile). */
async function openDemo(initScript) {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url);
  await page.evaluate(() => localStorage.clear());
  if (initScript) await page.addInitScript(initScript);
  const errors = watchErrors(page);
  await page.reload();
  await page.locator("maturity-matrix h3.mm-component__title").first().waitFor();
  return { page, errors, widget: page.locator("maturity-matrix") };
}

const item = (widget, id) => widget.locator(`[data-item="${id}"]`);
const overall = (widget) => widget.locator("tr[data-overall] td.mm-score");

test("an assessment can be completed with the keyboard alone, and scores match the core", async () => {
  const { page, errors, widget } = await openDemo();
  const instrument = await page.evaluate(async () => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init();
    return api.builtinInstrument("nhs-impact");
  });
  const items = instrument.components.flatMap((c) => c.items);
  // Start sequential navigation from the page heading, as a keyboard user reading the page would.
  await page.locator("h1").click();
  const answers = {};
  for (const [index, { id }] of items.entries()) {
    await page.keyboard.press("Tab"); // into the item's radio group (the first radio)
    const moves = index % 5; // arrows move within the group and select as they go
    if (moves === 0) await page.keyboard.press("Space");
    for (let i = 0; i < moves; i++) await page.keyboard.press("ArrowDown");
    answers[id] = { level: instrument.scale.levels[moves].value };
    await page.keyboard.press("Tab"); // to the notes box
    if (index === 0) {
      await page.keyboard.type("Engagement report 2026");
      answers[id].notes = "Engagement report 2026";
    }
  }
  for (const { id } of items) {
    const checked = item(widget, id).getByRole("radio", { checked: true });
    assert.equal(await checked.count(), 1, `${id} has one level chosen`);
    assert.equal(Number((await checked.getAttribute("id")).split("-").at(-1)), answers[id].level, id);
  }
  const expected = await page.evaluate(async (answers) => {
    const api = await import("/dist/maturity-matrix.js");
    return api.score(api.builtinInstrument("nhs-impact"), { formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" }, answers });
  }, answers);
  assert.equal(await overall(widget).textContent(), expected.overall.toFixed(2));
  assert.equal(await widget.locator(".mm-results__progress").getAttribute("data-answered"), "20");
  assert.deepEqual(errors, []);
  await page.close();
});

test("answers, notes and scores are saved as they change and restored after a reload", async () => {
  const { page, errors, widget } = await openDemo();
  await item(widget, "purpose-lived").locator("label", { hasText: "Embedding" }).click();
  await item(widget, "leaders-data").locator("label", { hasText: "Don't know" }).click();
  await item(widget, "capability-method").locator("label", { hasText: "Emerging" }).click();
  await item(widget, "capability-method").getByLabel(/Evidence and notes/).fill("QSIR adopted in 2025; <b>not</b> everywhere");
  await widget.locator(".mm-save-status", { hasText: "Saved in this browser" }).waitFor();
  const before = await overall(widget).textContent();
  const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.equal(saved.formatVersion, 1);
  assert.deepEqual(saved.answers["leaders-data"], { special: "dontKnow" });
  assert.equal(saved.answers["capability-method"].notes, "QSIR adopted in 2025; <b>not</b> everywhere");

  await page.reload();
  await widget.locator(".mm-save-status", { hasText: "restored" }).waitFor();
  assert.equal(await item(widget, "purpose-lived").getByRole("radio", { checked: true }).getAttribute("id"), await item(widget, "purpose-lived").getByLabel(/^Embedding/).getAttribute("id"));
  assert.equal(await item(widget, "leaders-data").getByLabel("Don't know").isChecked(), true);
  assert.equal(await item(widget, "capability-method").getByLabel(/Evidence and notes/).inputValue(), "QSIR adopted in 2025; <b>not</b> everywhere");
  assert.equal(await overall(widget).textContent(), before);
  // Don't know is excluded from scores: two rated items, 4 and 2, give 3.00 overall.
  assert.equal(before, "3.00");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a corrupt saved record is kept aside, the person is told, and new answers still save", async () => {
  const { page, widget } = await openDemo();
  await page.evaluate((key) => localStorage.setItem(key, '{"formatVersion": 1, "answers": ['), KEY);
  await page.reload();
  const alert = widget.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be read.*kept aside/s);
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":unreadable:")));
  assert.equal(aside.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), aside[0]), '{"formatVersion": 1, "answers": [');
  await item(widget, "systems-daily").locator("label", { hasText: "Developing" }).click();
  await widget.locator(".mm-save-status", { hasText: "Saved in this browser" }).waitFor();
  assert.equal(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY)).answers["systems-daily"].level, 3);
  await page.close();
});

test("with storage disabled the widget works in memory and offers a download", async () => {
  const { page, widget } = await openDemo(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
  });
  await item(widget, "purpose-created").locator("label", { hasText: "Leading" }).click();
  assert.equal(await overall(widget).textContent(), "5.00");
  const alert = widget.getByRole("alert");
  assert.match(await alert.textContent(), /not letting the page save/);
  const download = page.waitForEvent("download");
  await alert.getByRole("button", { name: "Download my answers" }).click();
  const file = await download;
  const text = readFileSync(await file.path(), "utf8");
  assert.equal(JSON.parse(text).answers["purpose-created"].level, 5);
  await page.close();
});

test("with storage full the widget says so and keeps the answers in the page", async () => {
  const { page, widget } = await openDemo(() => {
    Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };
  });
  await item(widget, "purpose-created").locator("label", { hasText: "Emerging" }).click();
  await widget.getByRole("alert").waitFor();
  assert.match(await widget.getByRole("alert").textContent(), /storage is full/);
  assert.equal(await overall(widget).textContent(), "2.00");
  await page.close();
});

test("axe-core finds no WCAG 2.2 AA violations in the widget or the demo page", async () => {
  const { page, widget } = await openDemo();
  await item(widget, "purpose-created").locator("label", { hasText: "Emerging" }).click();
  const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource); // evaluated by the test harness, so the page's CSP is untouched
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }),
  );
  const violations = result.violations.map((v) => `${v.id}: ${v.nodes.length} nodes (${v.nodes[0].target.join(" ")})`);
  assert.deepEqual(violations, []);
  assert.ok(result.passes.length > 10, "axe ran its checks");
  await page.close();
});
