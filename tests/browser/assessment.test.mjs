// The assessment in a real browser: keyboard-only completion, autosave and restore (answers and
// the place the person was), and what happens when storage is corrupt, disabled or full.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { openDemo, withDemo } from "../support/browser.mjs";
import { focused, item, openView, option, overall, rate, focusLandsOn } from "../support/widget.mjs";

const KEY = "maturity-matrix:nhs-impact:default:response";
const env = withDemo();


async function press(page, key, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

test("an assessment can be completed with the keyboard alone, and scores match the core", async () => {
  const { page, errors, widget } = await openDemo(env);
  const instrument = await page.evaluate(async () => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init();
    return api.builtinInstrument("nhs-impact");
  });
  // Start sequential navigation from the page heading, as a keyboard user reading the page would.
  await page.locator("h1").click();
  await press(page, "Tab", 2); // the widget's navigation: Start, then Assess
  await focusLandsOn(page, "Assess");
  await press(page, "Enter");
  await focusLandsOn(page, "Rate each item", "focus moves to the new view's heading");

  const answers = {};
  for (const [c, component] of instrument.components.entries()) {
    // From the heading: past the list of components (first component) or straight in.
    await press(page, "Tab", c === 0 ? instrument.components.length + 1 : 1);
    for (const [i, { id }] of component.items.entries()) {
      if (i > 0) await press(page, "Tab"); // from the previous item's target select
      assert.equal((await focused(page)).item, id, `focus is in ${id}'s radio group`);
      const moves = (c * 4 + i) % 5; // arrows move within the group and select as they go
      if (moves === 0) await press(page, "Space");
      await press(page, "ArrowDown", moves);
      answers[id] = { level: instrument.scale.levels[moves].value };
      await press(page, "Tab"); // to the notes box
      if (c === 0 && i === 0) {
        await page.keyboard.type("Engagement report 2026");
        answers[id].notes = "Engagement report 2026";
      }
      await press(page, "Tab"); // to the target level
    }
    // Past "Previous" (after the first component) to "Next" or "See the results".
    await press(page, "Tab", c === 0 ? 1 : 2);
    const last = c === instrument.components.length - 1;
    await focusLandsOn(page, last ? "See the results" : `Next: ${instrument.components[c + 1].title}`);
    await press(page, "Enter");
    if (!last) await focusLandsOn(page, instrument.components[c + 1].title, "focus moves to the component heading");
  }
  await focusLandsOn(page, "Results");
  const expected = await page.evaluate(async (answers) => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init();
    return api.score(api.builtinInstrument("nhs-impact"), { formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" }, answers });
  }, answers);
  assert.equal(await overall(widget).textContent(), expected.overall.toFixed(2));
  const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  for (const [id, answer] of Object.entries(answers)) assert.deepEqual(saved.answers[id], answer, id);
  assert.deepEqual(errors, []);
  await page.close();
});

test("answers, notes, the view and the component are saved as they change and restored after a reload", async () => {
  const { page, errors, widget } = await openDemo(env);
  await rate(widget, "purpose-lived", "Embedding");
  await rate(widget, "leaders-data", "Don't know");
  await rate(widget, "capability-method", "Emerging");
  await item(widget, "capability-method").getByLabel(/Evidence and notes/).fill("QSIR adopted in 2025; <b>not</b> everywhere");
  // The polite status line says it was kept, once changes pause.
  await widget.locator(".mm-save-status", { hasText: /^Saved in this browser at \d\d:\d\d\.$/ }).waitFor();
  const before = await overall(widget).textContent();
  const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.equal(saved.formatVersion, 2);
  assert.deepEqual(saved.answers["leaders-data"], { special: "dontKnow" });
  assert.equal(saved.answers["capability-method"].notes, "QSIR adopted in 2025; <b>not</b> everywhere");

  await page.reload();
  await widget.locator(".mm-save-status", { hasText: "restored" }).waitFor();
  // Back on the assess view, at the component last shown.
  assert.equal(await widget.locator("article").getAttribute("data-view"), "assess");
  assert.equal(await widget.locator(".mm-steps__button[aria-current]").locator(".mm-steps__title").textContent(), "Building improvement capability and capacity");
  assert.equal(await item(widget, "capability-method").getByLabel(/Evidence and notes/).inputValue(), "QSIR adopted in 2025; <b>not</b> everywhere");
  assert.equal(await item(widget, "capability-method").getByRole("radio", { name: /^Emerging/ }).isChecked(), true);
  await rate(widget, "purpose-lived", "Embedding"); // unchanged rating, found where it was left
  assert.equal(await item(widget, "purpose-lived").getByRole("radio", { checked: true }).getAttribute("id"), await option(widget, "purpose-lived", "Embedding").getAttribute("for"));
  await rate(widget, "leaders-data", "Don't know");
  assert.equal(await overall(widget).textContent(), before);
  // Don't know is excluded from scores: two rated items, 4 and 2, give 3.00 overall.
  assert.equal(before, "3.00");
  await openView(widget, "results");
  await page.reload();
  await widget.locator("article[data-view=results]").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("a corrupt saved record is kept aside, the person is told, and new answers still save", async () => {
  const { page, widget } = await openDemo(env);
  await page.evaluate((key) => localStorage.setItem(key, '{"formatVersion": 1, "answers": ['), KEY);
  await page.reload();
  const alert = widget.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be read.*kept aside/s);
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":unreadable:")));
  assert.equal(aside.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), aside[0]), '{"formatVersion": 1, "answers": [');
  await rate(widget, "systems-daily", "Developing");
  await widget.locator(".mm-save-status", { hasText: "Saved in this browser" }).waitFor();
  assert.equal(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY)).answers["systems-daily"].level, 3);
  await page.close();
});

test("with storage disabled the widget works in memory and offers a download", async () => {
  const { page, widget } = await openDemo(env, () => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
  });
  await rate(widget, "purpose-created", "Leading");
  assert.equal(await overall(widget).textContent(), "5.00");
  const alert = widget.getByRole("alert");
  assert.match(await alert.textContent(), /not letting the page save/);
  // Every view still works in memory.
  for (const view of ["results", "plan", "paper", "start"]) await openView(widget, view);
  const download = page.waitForEvent("download");
  await alert.getByRole("button", { name: "Download my answers" }).click();
  const file = await download;
  const text = readFileSync(await file.path(), "utf8");
  assert.equal(JSON.parse(text).answers["purpose-created"].level, 5);
  await page.close();
});

test("with storage full the widget says so and keeps the answers in the page", async () => {
  const { page, widget } = await openDemo(env, () => {
    Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };
  });
  await rate(widget, "purpose-created", "Emerging");
  await widget.getByRole("alert").waitFor();
  assert.match(await widget.getByRole("alert").textContent(), /storage is full/);
  assert.equal(await overall(widget).textContent(), "2.00");
  await rate(widget, "purpose-lived", "Leading");
  assert.equal(await overall(widget).textContent(), "3.50");
  await page.close();
});
