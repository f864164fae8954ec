// The views after rating: results, action plan, board paper; several named assessments; JSON
// export and import; CSV content; axe-core on every view at desktop width and in a 320 px column.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDemo, withDemo } from "../support/browser.mjs";
import { waitUntil } from "../support/wait.mjs";
import { axeViolations, focused, item, openView, overall, rate, focusLandsOn } from "../support/widget.mjs";

const env = withDemo();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const PREFIX = "maturity-matrix:nhs-impact:default:";


/** The core's figures for the widget's saved answers, from the built package in the page. */
function core(page, fn, key = `${PREFIX}response`) {
  return page.evaluate(async ({ fn, key }) => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init();
    const instrument = api.builtinInstrument("nhs-impact");
    return api[fn](instrument, JSON.parse(localStorage.getItem(key)));
  }, { fn, key });
}

async function download(page, click) {
  const event = page.waitForEvent("download");
  await click();
  const file = await event;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

const RATINGS = [
  ["purpose-created", "Developing"], ["purpose-lived", "Emerging"], ["purpose-aligned", "Leading"],
  ["culture-codesign", "Embedding"], ["leaders-data", "Not yet started"], ["capability-method", "Don't know"],
  ["systems-daily", "Emerging"],
];

async function rateSome(widget) {
  for (const [id, label] of RATINGS) await rate(widget, id, label);
}

test("results show the profile chart, its table, a summary, the heat map, strengths and gaps, as the core computes", async () => {
  const { page, errors, widget } = await openDemo(env);
  await rateSome(widget);
  await openView(widget, "results");
  await focusLandsOn(page, "Results", "focus on the view heading");
  // Each component's cell and the summary against the core: the native render tests
  // (widget/src/views/render_tests). Here, what clicking in a browser gives.
  const report = await core(page, "score");
  assert.equal(await overall(widget).textContent(), report.overall.toFixed(2));
  // The chart: an image described by the summary. One dot per scored component; the outline
  // breaks at the unscored one (capability: its only answer is "Don't know") rather than
  // dropping to the centre, and that axis says "not rated".
  const svg = widget.locator("svg.mm-radar__svg");
  assert.equal(await svg.getAttribute("role"), "img");
  assert.equal(await svg.getAttribute("aria-describedby"), await widget.locator(".mm-summary").getAttribute("id"));
  const scored = report.components.filter((c) => c.score !== null);
  assert.equal(scored.length, 4);
  assert.equal(await svg.locator(".mm-radar__dot").count(), 4);
  assert.equal(await svg.locator(".mm-radar__line").count(), 3, "four scored in a row of five: three segments, none through the gap");
  const notRated = await svg.locator("text", { hasText: "not rated" }).count();
  assert.equal(notRated, 1);
  // Heat map: per component, the count of items at each level (the purpose row: 0,1,1,0,1 then NA, DK, unanswered).
  const purposeRow = widget.locator(".mm-table--heat tbody tr").first();
  assert.deepEqual(await purposeRow.locator("td").allTextContents(), ["0", "1", "1", "0", "1", "0", "0", "1"]);
  // Every shaded cell, one item's too, stands out from the page by 3:1 or more (WCAG 1.4.11);
  // not applicable, don't know and not answered are not levels, and are not shaded.
  const cells = await widget.locator(".mm-table--heat").evaluate((table) => {
    const channels = (colour) => colour.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255);
    const luminance = (colour) => channels(colour).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const page = luminance(getComputedStyle(table.closest(".mm-host")).backgroundColor);
    const levels = table.querySelectorAll("thead th").length - 4;
    return [...table.querySelectorAll("tbody td")].map((cell) => {
      const [light, dark] = [luminance(getComputedStyle(cell).backgroundColor), page].sort((a, b) => b - a);
      return { level: cell.cellIndex <= levels, count: Number(cell.textContent), contrast: (light + 0.05) / (dark + 0.05) };
    });
  });
  assert.ok(cells.some((c) => c.level && c.count === 1) && cells.some((c) => !c.level && c.count === 1), "counts of one, at a level and not");
  assert.deepEqual(cells.filter((c) => c.level && c.count > 0 && c.contrast < 3), []);
  assert.deepEqual(cells.filter((c) => !c.level && c.contrast !== 1), []);
  // Strengths are the highest-rated items, gaps the lowest.
  const strengths = await widget.locator("section", { has: page.locator("h4", { hasText: "Strengths" }) }).locator("li").allTextContents();
  const gaps = await widget.locator("section", { has: page.locator("h4", { hasText: "Biggest gaps" }) }).locator("li").allTextContents();
  assert.match(strengths[0], /^Improvement work aligned to the vision.*Leading$/);
  assert.match(gaps[0], /^Using data to learn, not to blame.*Not yet started → Emerging, gap: 1 level\./);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the action plan follows the core: the board chooses its priorities, and their actions, owners and dates are saved", async () => {
  const { page, errors, widget } = await openDemo(env);
  await rateSome(widget);
  // A target two levels up on one item, chosen while rating.
  await rate(widget, "purpose-lived", "Emerging");
  await item(widget, "purpose-lived").getByLabel(/Target level/).selectOption({ label: "Embedding" });
  await openView(widget, "plan");
  const plan = await core(page, "actionPlan");
  // Nothing is prioritised yet: every item is listed in the core's order, the widest gap first,
  // and the three biggest gaps are suggested.
  const listed = widget.locator("[data-plan-item]");
  assert.deepEqual(await listed.evaluateAll((els) => els.map((e) => e.dataset.planItem)), plan.map((e) => e.itemId));
  assert.equal(plan[0].itemId, "purpose-lived", "the biggest gap comes first");
  assert.equal(plan[0].gap, 2);
  assert.match(await widget.locator(".mm-suggestion").textContent(), new RegExp(`Suggested, from the biggest gaps: ${plan[0].itemTitle}; ${plan[1].itemTitle}; ${plan[2].itemTitle}\\.`));
  await widget.locator('[data-plan-item="purpose-lived"]').getByRole("button", { name: "Make this a priority" }).click();
  const first = widget.locator('.mm-plan__entry[data-plan-item="purpose-lived"]');
  assert.equal(await first.getByRole("heading").textContent(), "Priority 1: The vision in daily work");
  assert.match(await first.textContent(), /How to get to Developing: /, "the instrument's guidance on moving up");
  assert.match(await widget.getByRole("heading", { name: /^Not prioritised now/ }).textContent(), new RegExp(`\\(${plan.length - 1}\\)`));
  await first.getByLabel(/^Action/).fill("Quarterly vision conversations in every directorate");
  await first.getByLabel(/^Owner/).fill("Director of Strategy");
  await first.getByLabel("Day").fill("31");
  await first.getByLabel("Month").fill("3");
  await first.getByLabel("Year").fill("2027");
  await widget.locator(".mm-save-status", { hasText: "Saved" }).waitFor();
  const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), `${PREFIX}response`));
  assert.deepEqual(saved.answers["purpose-lived"], {
    level: 2, target: 4, prioritised: true,
    action: "Quarterly vision conversations in every directorate", owner: "Director of Strategy", due: "2027-03-31",
  });
  // A date that does not exist is said so, in words and in the boxes' red borders, and the
  // earlier date is not kept behind it as if it were still the entry.
  await first.getByLabel("Day").fill("31");
  await first.getByLabel("Month").fill("2");
  assert.equal(await first.locator(".mm-date__error").textContent(), "Error: Due date must be a real date: check the day, month and year. Until it is, no date is saved.");
  const day = first.getByLabel("Day");
  assert.equal(await day.getAttribute("aria-invalid"), "true");
  assert.deepEqual(await day.evaluate((box) => [getComputedStyle(box).borderTopColor, getComputedStyle(box).borderTopWidth]), ["rgb(213, 40, 27)", "4px"]);
  await waitUntil(async () => {
    const answer = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), `${PREFIX}response`)).answers["purpose-lived"];
    return answer.action && !("due" in answer);
  }, { what: "the earlier date to leave the saved answers" });
  // Put right, the date is saved again.
  await first.getByLabel("Month").fill("3");
  assert.equal(await first.locator(".mm-date__error").count(), 0);
  await waitUntil(async () => JSON.parse(await page.evaluate((key) => localStorage.getItem(key), `${PREFIX}response`)).answers["purpose-lived"].due === "2027-03-31",
    { what: "the date put right to be saved" });
  // The CSV carries the plan with the ratings.
  const csv = await download(page, () => widget.getByRole("button", { name: "Download the plan (CSV)" }).click());
  const lines = csv.text.trim().split("\r\n");
  assert.equal(lines.length, 21, "a header and one row per item");
  assert.equal(lines[0], "Component,Item,Level,Level label,Special answer,Notes,Target,Target label,Priority now,Action,Owner,Due,Status,Latest progress");
  assert.ok(lines.includes("Building a shared purpose and vision,The vision in daily work,2,Emerging,,,4,Embedding,Yes,Quarterly vision conversations in every directorate,Director of Strategy,2027-03-31,Not started,"), csv.text);
  assert.ok(lines.includes("Building improvement capability and capacity,A shared improvement method,,,Don't know,,,,,,,,,"), csv.text);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the board paper has the title, organisation, date, respondent, profile, ratings with notes and the plan, and prints without the controls", async () => {
  const { page, errors, widget } = await openDemo(env);
  await widget.getByLabel("Name of this assessment").fill("Board self-assessment, winter 2026");
  await widget.getByLabel("Organisation").fill("Northfield Community Health NHS Trust");
  await widget.getByLabel("Your name (optional)").fill("A. Chair");
  await rateSome(widget);
  await item(widget, "systems-daily").getByLabel(/Evidence and notes/).fill("Huddles in 12 of 30 wards");
  await openView(widget, "plan");
  await widget.locator('[data-plan-item="systems-daily"]').getByRole("button", { name: "Make this a priority" }).click();
  await widget.locator('.mm-plan__entry[data-plan-item="systems-daily"]').getByLabel(/^Owner/).fill("Chief Nurse");
  await openView(widget, "paper");
  // The cover sheet sits behind a disclosure so the paper stays the first thing seen.
  await widget.getByText("Cover sheet: meeting, date, agenda item, author, purpose").click();
  await widget.getByLabel("Meeting", { exact: true }).fill("Board of Directors (public)");
  const meetingDate = widget.getByRole("group", { name: "Date of the meeting" });
  await meetingDate.getByLabel("Day").fill("3");
  await meetingDate.getByLabel("Month").fill("12");
  await meetingDate.getByLabel("Year").fill("2026");
  await widget.getByLabel(/^The Board is asked to/).fill("Note the self-assessment and approve the priorities.");
  const paper = widget.locator(".mm-paper");
  assert.equal(await paper.locator(".mm-paper__title").textContent(), "Board self-assessment, winter 2026");
  const facts = await paper.locator(".mm-paper__cover dl").textContent();
  assert.match(facts, /Meeting\s*Board of Directors \(public\)/);
  assert.match(facts, /Date of meeting\s*3 December 2026/);
  assert.match(await paper.textContent(), /The Board is asked to\s*Note the self-assessment and approve the priorities\./);
  assert.match(facts, /Organisation\s*Northfield Community Health NHS Trust/);
  const today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  assert.match(facts, new RegExp(`Date of the assessment\\s*${today}`));
  assert.match(facts, /Assessment\s*One person's ratings: A\. Chair/);
  assert.match(await paper.locator(".mm-paper__footer").textContent(), /^Produced with maturity-matrix \d+\.\d+\.\d+/);
  assert.equal(await paper.locator("svg.mm-radar__svg").count(), 1);
  assert.equal(await paper.locator(".mm-paper__ratings").count(), 5);
  const daily = paper.locator(".mm-paper__ratings tr", { hasText: "Daily management" });
  assert.deepEqual(await daily.locator("td").allTextContents(), ["Emerging", "Huddles in 12 of 30 wards"]);
  const plan = await core(page, "actionPlan");
  const priorities = paper.locator("section", { has: page.getByRole("heading", { name: "Priorities and actions" }) });
  assert.equal(await priorities.locator("tbody tr").count(), 1, "only the chosen priority");
  assert.match(await priorities.locator("tbody tr").textContent(), /Daily management.*Chief Nurse/);
  assert.match(await priorities.textContent(), new RegExp(`${plan.length - 1} other items below their target are not prioritised now\\.`));
  // In print, only the paper is shown: no navigation, buttons or status line.
  await page.emulateMedia({ media: "print" });
  for (const selector of [".mm-nav", ".mm-save-status", ".mm-paper-view > .mm-actions", ".mm-disclosure"]) {
    assert.equal(await widget.locator(selector).first().evaluate((el) => getComputedStyle(el).display), "none", selector);
  }
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 10_000, "the page renders to PDF");
  await page.emulateMedia({ media: "screen" });
  assert.deepEqual(errors, []);
  await page.close();
});

test("export JSON, delete, import the file and get the same assessment back; bad files explain themselves", async () => {
  const { page, errors, widget } = await openDemo(env);
  await widget.getByLabel("Name of this assessment").fill("Round trip");
  await rateSome(widget);
  await item(widget, "systems-daily").getByLabel(/Evidence and notes/).fill("Line one\nLine two, with \"quotes\"");
  await openView(widget, "results");
  const exported = await download(page, () => widget.getByRole("button", { name: "Download answers (JSON)" }).click());
  assert.equal(exported.name, "Round-trip.json");
  await openView(widget, "start");
  await widget.getByRole("button", { name: "Delete Round trip" }).click();
  await widget.getByRole("button", { name: "Yes, delete it" }).click();
  await widget.locator(".mm-library__name", { hasText: "Untitled assessment" }).waitFor();
  assert.equal(await page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(`${p}response`)).length, PREFIX), 0);

  const folder = mkdtempSync(path.join(tmpdir(), "mm-import-"));
  const files = {
    good: path.join(folder, "round-trip.json"),
    broken: path.join(folder, "broken.json"),
    other: path.join(folder, "other.json"),
  };
  writeFileSync(files.good, exported.text);
  writeFileSync(files.broken, JSON.stringify({ formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" }, answers: { "purpose-created": { level: 9 }, "no-such-item": { level: 1 } } }));
  writeFileSync(files.other, JSON.stringify({ formatVersion: 1, instrument: { id: "another-matrix", version: "1" }, answers: {} }));
  const input = widget.locator("input[type=file]");
  await input.setInputFiles(files.broken);
  const problem = widget.locator(".mm-error", { hasText: "That file could not be imported" });
  await problem.waitFor();
  const listed = await problem.locator("li").allTextContents();
  // Each problem names the item in words; its path is in the technical detail.
  assert.ok(listed.some((t) => /^“.+”: 9 is not a level of this scale/.test(t) && t.includes("answers.purpose-created.level")), listed.join("\n"));
  assert.ok(listed.some((t) => t.includes("has no item \"no-such-item\"") && t.includes("answers.no-such-item")), listed.join("\n"));
  await input.setInputFiles(files.other);
  await problem.locator("li", { hasText: /another-matrix/ }).waitFor();
  await input.setInputFiles(files.good);
  await widget.locator("article[data-view=results]").waitFor();
  const slotKeys = await page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(`${p}response`)), PREFIX);
  assert.equal(slotKeys.length, 1);
  assert.deepEqual(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), slotKeys[0])), JSON.parse(exported.text));
  assert.deepEqual(errors, []);
  await page.close();
});

test("several named assessments: start, rename, duplicate, switch and delete with confirmation", async () => {
  const { page, errors, widget } = await openDemo(env);
  await widget.getByLabel("Name of this assessment").fill("Spring");
  await rate(widget, "purpose-created", "Leading");
  await openView(widget, "start");
  await widget.getByRole("button", { name: "Duplicate Spring" }).click();
  await widget.locator(".mm-library__notice", { hasText: "Copy of Spring" }).waitFor();
  await widget.getByRole("button", { name: "Rename Copy of Spring" }).click();
  await widget.getByLabel("New name for Copy of Spring").fill("Autumn");
  await widget.getByRole("button", { name: "Save name" }).click();
  await widget.getByRole("button", { name: "Open Autumn" }).click();
  await widget.locator("article[data-view=assess]").waitFor();
  await focusLandsOn(page, "Rate each item", "opening moves focus to the heading");
  // The copy carries the answers; changing it leaves the original alone.
  assert.equal(await overall(widget).textContent(), "5.00");
  await rate(widget, "purpose-created", "Emerging");
  await openView(widget, "start");
  const names = await widget.locator(".mm-library__name").allTextContents();
  assert.deepEqual(names, ["AutumnOpen now", "Spring"]);
  await widget.getByRole("button", { name: "Open Spring" }).click();
  assert.equal(await overall(widget).textContent(), "5.00");
  // Delete asks first; cancel keeps it.
  await openView(widget, "start");
  await widget.getByRole("button", { name: "Delete Autumn" }).click();
  await widget.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await widget.locator(".mm-library__entry").count(), 2);
  await widget.getByRole("button", { name: "Delete Autumn" }).click();
  await widget.getByRole("button", { name: "Yes, delete it" }).click();
  await widget.locator(".mm-library__entry").nth(1).waitFor({ state: "detached" });
  assert.deepEqual(await widget.locator(".mm-library__name").allTextContents(), ["SpringOpen now"]);
  // A new one starts empty, and the choice of assessment survives a reload.
  await widget.getByRole("button", { name: "Start a new assessment" }).click();
  await widget.getByLabel("Name of this assessment").fill("Winter");
  await page.reload();
  await widget.locator(".mm-library__name", { hasText: "WinterOpen now" }).waitFor();
  assert.equal(await widget.locator(".mm-library__entry").count(), 2);
  // Restored from storage on the reload, it says so; another assessment opened after that
  // never left the page, and nothing is said.
  await widget.locator(".mm-save-status", { hasText: "Your earlier answers have been restored." }).waitFor();
  await widget.getByRole("button", { name: "Open Spring" }).click();
  await focusLandsOn(page, "Rate each item", "opening moves focus to the heading");
  assert.equal(await widget.locator(".mm-save-status").textContent(), "");
  assert.deepEqual(errors, []);
  await page.close();
});

test("axe-core finds no WCAG 2.2 AA violations on any view, wide or in a 320 px column", async () => {
  const { page, errors, widget } = await openDemo(env);
  await rateSome(widget);
  await item(widget, "systems-daily").getByLabel(/Target level/).selectOption({ label: "Embedding" });
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    for (const view of ["start", "assess", "results", "plan", "progress", "paper", "board", "system"]) {
      await openView(widget, view);
      const { violations, passes } = await axeViolations(page, axeSource);
      assert.deepEqual(violations, [], `${view} at ${width}px`);
      assert.ok(passes > 10, "axe ran its checks");
    }
  }
  // Narrow: the matrix is stacked and no view scrolls sideways (wide tables scroll inside
  // their own region).
  for (const view of ["start", "assess", "results", "plan", "progress", "paper", "board", "system"]) {
    await openView(widget, view);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 320px on ${view} (overflow ${overflow}px)`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
