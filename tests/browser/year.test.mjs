// The board's year: actions updated with the keyboard alone and kept after a reload, overdue
// actions first and said in words, progress in the board paper, trends across three
// assessments, and the calendar file read back by a real iCalendar parser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import { openDemo, withDemo } from "../support/browser.mjs";
import { axeViolations, focused, openView, rate, focusLandsOn } from "../support/widget.mjs";

const env = withDemo();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Today as the page sees it, and in words as the widget writes dates. */
async function today(page) {
  return page.evaluate(() => {
    const d = new Date();
    const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    return { iso, words: d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }) };
  });
}

/** An assessment with three priorities, the first due a year ago (so overdue). */
async function threePriorities(widget) {
  await widget.getByLabel("Name of this assessment").fill("Winter 2026");
  for (const [id, level] of [["purpose-lived", "Emerging"], ["leaders-data", "Not yet started"], ["systems-daily", "Developing"]]) {
    await rate(widget, id, level);
  }
  await openView(widget, "plan");
  await widget.getByRole("button", { name: "Make these the priorities" }).click();
  const first = widget.locator(".mm-plan__entry").first();
  await first.getByLabel(/^Action/).fill("Board development session on learning from data");
  await first.getByLabel(/^Owner/).fill("Medical Director");
  const due = first.getByRole("group", { name: /Due/ });
  const lastYear = new Date().getFullYear() - 1;
  await due.getByLabel("Day").fill("31");
  await due.getByLabel("Month").fill("10");
  await due.getByLabel("Year").fill(String(lastYear));
  return { overdueItem: await first.getAttribute("data-plan-item"), due: `${lastYear}-10-31` };
}

test("an action's status and a progress note are updated with the keyboard alone, said, and kept after a reload", async () => {
  const { page, errors, widget } = await openDemo(env);
  const { overdueItem } = await threePriorities(widget);
  await openView(widget, "progress");
  assert.equal(await widget.locator(".mm-tracking > .mm-summary").textContent(), "3 actions: 3 not started; 1 overdue.");
  // Overdue first, said in words.
  const first = widget.locator(".mm-progress__action").first();
  assert.equal(await first.getAttribute("data-progress-item"), overdueItem);
  assert.match(await first.locator(".mm-tag--overdue").textContent(), /^Overdue: it was due on 31 October \d{4}$/);
  // The keyboard alone: the status select, then the note and its button.
  await first.getByLabel(/^Status/).focus();
  await page.keyboard.press("ArrowDown");
  await first.locator("[role=status]", { hasText: /now in progress\.$/ }).waitFor();
  await page.keyboard.press("Tab");
  assert.match((await focused(page)).tag, /textarea/);
  await page.keyboard.type("Session booked for the December board");
  await page.keyboard.press("Tab");
  await focusLandsOn(page, /^Add the note/);
  await page.keyboard.press("Enter");
  await first.locator("[role=status]", { hasText: "Note added." }).waitFor();
  const { words } = await today(page);
  const latest = () => widget.locator(`[data-progress-item="${overdueItem}"] dd`, { hasText: "Session booked" }).textContent();
  assert.equal(await latest(), `${words}: Session booked for the December board`);
  assert.equal(await widget.locator(".mm-tracking > .mm-summary").textContent(), "3 actions: 1 in progress, 2 not started; 1 overdue.");
  await page.reload();
  await openView(widget, "progress");
  assert.equal(await latest(), `${words}: Session booked for the December board`);
  assert.equal(await widget.locator(`[data-progress-item="${overdueItem}"]`).getByLabel(/^Status/).inputValue(), "inProgress");
  // The plan CSV carries the status and the latest progress line.
  assert.deepEqual(errors, []);
  await page.close();
});

test("the board paper reports progress on actions once some is recorded, overdue marked in words", async () => {
  const { page, errors, widget } = await openDemo(env);
  const { overdueItem } = await threePriorities(widget);
  await openView(widget, "paper");
  // A first paper lists the actions once, in the plan: nothing has happened on them yet.
  await widget.locator(".mm-paper").waitFor();
  assert.equal(await widget.getByRole("heading", { name: "Progress on actions" }).count(), 0);
  await openView(widget, "progress");
  await widget.locator(`[data-progress-item="${overdueItem}"]`).getByLabel(/^Status/).selectOption("inProgress");
  await openView(widget, "paper");
  const section = widget.locator("section", { has: page.getByRole("heading", { name: "Progress on actions" }) });
  const { words } = await today(page);
  assert.equal(await section.locator("p").first().textContent(), `3 actions: 1 in progress, 2 not started; 1 overdue. As at ${words}.`);
  const rows = section.locator("tbody tr");
  assert.equal(await rows.count(), 3);
  assert.deepEqual((await rows.first().locator("td").allTextContents()).slice(0, 2), ["In progress, overdue", "Medical Director"]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the calendar file holds the next review and each open action's due date, read back by ical.js, with stable UIDs", async () => {
  const { page, errors, widget } = await openDemo(env);
  const { due } = await threePriorities(widget);
  await openView(widget, "progress");
  const review = widget.getByRole("group", { name: "Date of the next review" });
  const nextYear = new Date().getFullYear() + 1;
  await review.getByLabel("Day").fill("5");
  await review.getByLabel("Month").fill("3");
  await review.getByLabel("Year").fill(String(nextYear));
  const download = async () => {
    const event = page.waitForEvent("download");
    await widget.getByRole("button", { name: "Download the dates (calendar file)" }).click();
    const file = await event;
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
  };
  const first = await download();
  assert.equal(first.name, "maturity-matrix-dates.ics");
  assert.ok(first.text.split("\n").every((line) => line === "" || line.endsWith("\r")), "CRLF line ends");
  assert.ok(first.text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75), "lines folded at 75 octets");
  const events = (text) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  const parsed = events(first.text);
  // The review and the one action with a due date.
  assert.equal(parsed.length, 2);
  const [reviewEvent, action] = parsed;
  assert.equal(reviewEvent.startDate.toString(), `${nextYear}-03-05`);
  assert.equal(reviewEvent.startDate.isDate, true, "an all-day event");
  assert.equal(reviewEvent.summary, "Review the self-assessment: Winter 2026");
  assert.equal(action.startDate.toString(), due);
  assert.equal(action.summary, "Due: Board development session on learning from data (Using data to learn, not to blame)");
  assert.match(action.description, /Status: Not started\. Overdue\. Owner: Medical Director\./);
  // Changed and downloaded again: the same UIDs, so calendars update rather than duplicate.
  await openView(widget, "plan");
  await widget.locator(".mm-plan__entry").first().getByLabel(/^Owner/).fill("Medical Director; Chief Nurse");
  await openView(widget, "progress");
  const again = events((await download()).text);
  assert.deepEqual(again.map((e) => e.uid), parsed.map((e) => e.uid));
  assert.equal(new Set(parsed.map((e) => e.uid)).size, 2);
  assert.match(again[1].description, /Owner: Medical Director; Chief Nurse\./, "text escaped and read back");
  assert.deepEqual(errors, []);
  await page.close();
});

test("trends across three assessments: a line per component, a table, movers and gaps in words", async () => {
  const { page, errors, widget } = await openDemo(env);
  await widget.getByLabel("Name of this assessment").fill("Winter 2026");
  await rate(widget, "purpose-created", "Embedding");
  await rate(widget, "purpose-lived", "Developing");
  const folder = mkdtempSync(path.join(tmpdir(), "mm-trend-"));
  const file = (name, updated, answers) => {
    const where = path.join(folder, `${name}.json`);
    writeFileSync(where, JSON.stringify({ formatVersion: 2, instrument: { id: "nhs-impact", version: "1.0.0" }, title: name, created: updated, updated, answers }));
    return where;
  };
  const input = widget.locator("input[type=file]").first();
  await openView(widget, "start");
  await input.setInputFiles(file("Spring 2026", "2026-03-04T10:00:00Z", { "purpose-created": { level: 2 }, "purpose-lived": { level: 1 }, "leaders-data": { level: 2 } }));
  await widget.locator("article[data-view=results]").waitFor();
  await openView(widget, "start");
  await input.setInputFiles(file("Summer 2026", "2026-07-15T10:00:00Z", { "purpose-created": { level: 3 }, "purpose-lived": { level: 2 } }));
  await widget.locator("article[data-view=results]").waitFor();
  const trends = widget.locator(".mm-trends");
  await trends.locator(".mm-trend__svg").waitFor();
  const chosen = await trends.locator("input[type=checkbox]:checked").count();
  const summary = await trends.locator(".mm-summary").textContent();
  assert.match(summary, new RegExp(`^Across ${chosen} assessments, from 4 March 2026 to `));
  assert.match(summary, /Moved most: How the vision was created \(Emerging to Embedding, up 2 levels\)/);
  assert.match(summary, /Not rated in every assessment, so not compared across all: .*Using data to learn, not to blame/);
  // The table: a column per assessment, oldest first; a missing score is words, not zero.
  const head = await trends.locator("thead th").allTextContents();
  assert.equal(head.length, chosen + 1);
  assert.match(head[1], /^Spring 2026 \(4 March 2026\)$/);
  // Building a shared purpose: the mean of its rated items (levels 2 and 1, then 3 and 2).
  const purpose = await trends.locator("tbody tr").first().locator("td").allTextContents();
  assert.deepEqual(purpose.slice(0, 2), ["1.50", "2.50"]);
  const leadership = await trends.locator("tbody tr").nth(2).locator("td").allTextContents();
  assert.equal(leadership[1], "not scored");
  // The chart: a line for the components scored more than once, and no point at zero.
  assert.ok(await trends.locator(".mm-trend__component polyline").count() >= 1);
  // Untick down to two: the chart goes, and the panel says why.
  const boxes = trends.locator("input[type=checkbox]");
  for (let i = 0; i < chosen - 2; i++) await boxes.nth(i).uncheck();
  await trends.getByText("Choose three or more assessments to see their trends.").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("axe finds nothing on the progress view and the trends, at 320 and 1280 px", async () => {
  const { page, errors, widget } = await openDemo(env);
  await threePriorities(widget);
  // Three saved assessments, so the results show the trends.
  await openView(widget, "start");
  await widget.getByRole("button", { name: "Duplicate Winter 2026" }).click();
  await widget.locator(".mm-library__name", { hasText: /^Copy of Winter 2026/ }).waitFor();
  await widget.getByRole("button", { name: "Duplicate Winter 2026" }).first().click();
  await widget.locator(".mm-library__entry").nth(2).waitFor();
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await openView(widget, "progress");
    const { violations } = await axeViolations(page, axeSource);
    assert.deepEqual(violations, [], `progress at ${width} px`);
    await openView(widget, "paper");
    assert.deepEqual((await axeViolations(page, axeSource)).violations, [], `paper at ${width} px`);
    await openView(widget, "results");
    await widget.locator(".mm-trend__svg").waitFor();
    assert.deepEqual((await axeViolations(page, axeSource)).violations, [], `results with trends at ${width} px`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
