// End to end on the demo page: the five components render, clicking ratings updates the
// results, and the figures shown are the ones the core computes for the same answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openDemo, withDemo } from "../support/browser.mjs";
import { openView, overall as overallCell, rate } from "../support/widget.mjs";

const env = withDemo();

/** The core's own answer, computed by the WebAssembly build inside the page. */
async function coreScore(page, response) {
  return page.evaluate(async (response) => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init();
    return api.score(api.builtinInstrument("nhs-impact"), response);
  }, response);
}

test("the demo renders the five NHS IMPACT components and scores clicks as the core does", async () => {
  const { page, errors, widget } = await openDemo(env);
  await openView(widget, "assess");
  const titles = widget.locator(".mm-steps__title");
  assert.deepEqual(await titles.allTextContents(), [
    "Building a shared purpose and vision",
    "Investing in people and culture",
    "Developing leadership behaviours",
    "Building improvement capability and capacity",
    "Embedding improvement into management systems and processes",
  ]);

  // Nothing answered: no score, 0 of 20.
  const overall = overallCell(widget);
  assert.equal(await overall.textContent(), "Not yet scored");
  assert.equal(await widget.locator(".mm-progress").getAttribute("data-answered"), "0");

  const instrument = await page.evaluate(async () => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init();
    return api.builtinInstrument("nhs-impact");
  });
  // Rate one or two items in each component with uneven levels, by clicking the level's label
  // inside the item's fieldset (opening its component first), as a person would.
  const picks = [
    ["purpose-created", 2], ["purpose-lived", 4], ["purpose-frontline", 5],
    ["culture-codesign", 1],
    ["leaders-practise", 3], ["leaders-data", 4],
    ["systems-daily", 2], ["systems-strategy", 3], ["systems-governance", 3],
  ];
  const answers = {};
  for (const [itemId, level] of picks) {
    const item = instrument.components.flatMap((c) => c.items).find((i) => i.id === itemId);
    const label = instrument.scale.levels.find((l) => l.value === level).label;
    await rate(widget, itemId, label);
    const fieldset = widget.locator("fieldset", { has: page.locator("legend", { hasText: item.title }) });
    assert.equal(await fieldset.getByRole("radio", { checked: true }).count(), 1);
    answers[itemId] = { level };
  }

  const expected = await coreScore(page, { formatVersion: 1, instrument: { id: "nhs-impact", version: instrument.version }, answers });
  const shown = (score) => (score === null ? "Not yet scored" : score.toFixed(2));
  for (const component of expected.components) {
    const row = widget.locator(`tr[data-component="${component.id}"]`);
    assert.equal(await row.locator("td.mm-score").textContent(), shown(component.score), component.id);
  }
  assert.equal(await overall.textContent(), shown(expected.overall));
  assert.equal(await widget.locator(".mm-progress").getAttribute("data-answered"), String(picks.length));
  // The capability component was left unanswered: excluded, not counted as zero.
  assert.equal(expected.components.find((c) => c.id === "capability").score, null);
  // Hand check of one figure: purpose is the mean of 2, 4 and 5.
  assert.equal(expected.components.find((c) => c.id === "purpose").score, 3.67);
  assert.deepEqual(errors, []);
  await page.close();
});
