// The phone and the projector: at 320 px every view, full of what it can show, fits the screen
// (nothing wider than the widget but the tables' own scrolling regions; WCAG 1.4.10), every
// checkbox is at least 24 × 24 px (2.5.8), the views are one menu button, and axe finds
// nothing; at 1280 × 720 the room sees how people rated, the level chosen and the rationale
// being typed on one screen, in the page and full screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { openDemo, repo, withDemo } from "../support/browser.mjs";
import { writeFiles } from "../support/files.mjs";
import { axeViolations, focusLandsOn, item, openView, rate } from "../support/widget.mjs";

const env = withDemo();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// Words a narrow column cannot wrap: an address pasted into a note.
const ADDRESS = "https://intranet.example.nhs.uk/board/papers/2026/december/item-7-improvement-maturity.pdf";

/** Four board members who split on five items, with notes (one an address) to show. */
function respondents() {
  const split = {
    "purpose-created": [1, 3, 4, 2],
    "culture-codesign": [2, 4, 2, 2],
    "leaders-coaching": [1, 5, 3, 3],
    "capability-method": [3, 1, 3, 3],
    "systems-daily": [2, 2, 5, 3],
  };
  const names = ["Chair", "Chief Executive", "Medical Director", "Non-executive Director"];
  const notes = [`The papers: ${ADDRESS}`, "Coaching for all directors since the spring", "Some coaching, not yet for every team", "A coaching pilot in two divisions"];
  return names.map((name, i) => {
    const answers = { "purpose-lived": { level: 3 }, "leaders-data": { level: 2 }, "systems-strategy": { level: 4 } };
    for (const [id, levels] of Object.entries(split)) answers[id] = { level: levels[i], notes: notes[i] };
    return { formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" }, respondent: { name, role: "Board member" }, answers };
  });
}

/** Gathers the respondents on the board view. */
async function gather(widget) {
  await openView(widget, "board");
  await widget.locator("input[type=file][multiple]").setInputFiles(writeFiles(respondents().map((r, i) => [`member-${i + 1}.json`, r])));
  await widget.locator(".mm-board__messages li").first().waitFor();
}

/** The board view for the facilitator, from the respondents gathered. */
async function discussion(widget) {
  await openView(widget, "board");
  await widget.getByRole("button", { name: "Open the board view (facilitator)" }).click();
  await widget.locator(".mm-prompt").first().waitFor();
}

/** Measured in the page: how far it scrolls sideways, which of the widget's elements reach
 * past the widget's edges (a table's scrolling region may: it scrolls), and the checkboxes
 * smaller than 24 × 24 px. */
function fits() {
  const host = document.querySelector("maturity-matrix");
  const edge = host.getBoundingClientRect();
  const name = (el) => `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join("")}`;
  const outside = [];
  const beyond = (box) => box.width > 0 && (box.right > edge.right + 0.5 || box.left < edge.left - 0.5);
  for (const el of host.shadowRoot.querySelectorAll("*")) {
    if (el.closest(".mm-scroll")) continue;
    const box = el.getBoundingClientRect();
    if (beyond(box)) outside.push(`${name(el)} ${Math.round(box.left)}–${Math.round(box.right)} (${el.textContent.trim().slice(0, 30)})`);
    // Text too long for its line runs out of a box that itself fits (hidden text is clipped).
    if (el.closest(".mm-visually-hidden")) continue;
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const text = range.getBoundingClientRect();
      if (beyond(text)) outside.push(`text in ${name(el)} ${Math.round(text.left)}–${Math.round(text.right)} (${node.textContent.trim().slice(0, 30)})`);
    }
  }
  const small = [...host.shadowRoot.querySelectorAll("input[type=checkbox]")]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => [el.id, el.getBoundingClientRect()])
    .filter(([, box]) => box.width < 24 || box.height < 24)
    .map(([id, box]) => `${id} ${box.width}×${box.height}`);
  const root = document.documentElement;
  return { sideways: root.scrollWidth - root.clientWidth, widget: [edge.left, edge.right], outside: outside.slice(0, 6), small };
}

test("at 320 px no view is wider than the screen, every checkbox is 24 px or more, and axe finds nothing", async () => {
  const { page, errors, widget } = await openDemo(env);
  // Everything a view can show: a named assessment with ratings, notes, special answers and
  // targets; priorities with an action, owner and date; a second assessment (so the results
  // compare them); a board's ratings; and a system's four organisations.
  await widget.getByLabel("Name of this assessment").fill("Board self-assessment, winter 2026");
  await widget.getByLabel("Organisation").fill("Northfield Community Health NHS Trust");
  await rate(widget, "purpose-lived", "Emerging");
  await item(widget, "purpose-lived").getByLabel(/Evidence and notes/).fill(`Huddles in 12 of 30 wards; the minutes: ${ADDRESS}`);
  await item(widget, "purpose-lived").getByLabel(/Target level/).selectOption({ label: "Embedding" });
  for (const [id, level] of [["purpose-created", "Developing"], ["leaders-data", "Don't know"],
    ["culture-codesign", "Not applicable to us"], ["systems-daily", "Not yet started"]]) await rate(widget, id, level);
  await openView(widget, "plan");
  await widget.getByRole("button", { name: "Make these the priorities" }).click();
  const first = widget.locator(".mm-plan__entry").first();
  await first.getByLabel(/^Action/).fill("Quarterly vision conversations in every directorate");
  await first.getByLabel(/^Owner/).fill("Director of Strategy and Transformation");
  const due = first.getByRole("group", { name: /Due/ });
  for (const [box, value] of [["Day", "31"], ["Month", "3"], ["Year", "2027"]]) await due.getByLabel(box).fill(value);
  await openView(widget, "start");
  await widget.getByRole("button", { name: "Duplicate Board self-assessment, winter 2026" }).click();
  await widget.locator(".mm-library__notice", { hasText: "Copy of" }).waitFor();
  await gather(widget);

  await page.setViewportSize({ width: 320, height: 800 });
  const views = [
    ["start", () => openView(widget, "start")],
    ["assess", () => openView(widget, "assess")],
    ["results", async () => {
      await openView(widget, "results");
      await widget.locator(".mm-table--heat").waitFor();
    }],
    ["plan", () => openView(widget, "plan")],
    ["progress", () => openView(widget, "progress")],
    ["paper", () => openView(widget, "paper")],
    ["board (gathering)", () => openView(widget, "board")],
    ["board (facilitator)", () => discussion(widget)],
    // From the facilitator's board view, as the facilitator goes.
    ["facilitate", async () => {
      await widget.getByRole("button", { name: "Facilitate the discussion, item by item" }).click();
      await widget.locator(".mm-facilitate[data-item]").waitFor();
      await widget.getByText("Options and keyboard shortcuts").click();
      await widget.getByLabel("Show names beside notes").waitFor();
    }],
    // The system view keeps its records while it is open.
    ["system", async () => {
      await openView(widget, "system");
      const organisations = path.join(repo, "core/tests/cases/system-four-organisations/organisations");
      await widget.locator("input[type=file][multiple]").setInputFiles(readdirSync(organisations).sort().map((file) => path.join(organisations, file)));
      await widget.locator(".mm-multiples figure").first().waitFor();
    }],
  ];
  const found = [];
  for (const [view, open] of views) {
    await open();
    const { sideways, widget: [left, right], outside, small } = await page.evaluate(fits);
    assert.ok(right - left > 200 && right <= 320, `${view}: the widget is in the page's column (${left}–${right})`);
    if (sideways > 0) found.push(`${view}: the page scrolls ${sideways} px sideways`);
    for (const el of outside) found.push(`${view}: ${el} is outside the widget (${Math.round(left)}–${Math.round(right)})`);
    for (const box of small) found.push(`${view}: a checkbox of ${box}`);
    const { violations, passes } = await axeViolations(page, axeSource);
    for (const violation of violations) found.push(`${view}: ${violation}`);
    assert.ok(passes > 10, `${view}: axe ran its checks`);
  }
  assert.deepEqual(found, []);
  // What filled the views was there to measure: the results' tables and charts.
  await openView(widget, "results");
  assert.ok(await widget.locator(".mm-scroll table").count() >= 3, "the results' tables");
  assert.equal(await widget.locator("svg.mm-radar__svg").count(), 1, "the profile chart");
  assert.equal(await widget.locator(".mm-compare").count(), 1, "the comparison with the copy");
  assert.deepEqual(errors, []);
  await page.close();
});

test("in a narrow column the views are one button: it names the view, opens the list, and Escape closes it", async () => {
  const { page, errors, widget } = await openDemo(env);
  await page.setViewportSize({ width: 375, height: 800 });
  const menu = widget.getByRole("button", { name: "Views: Start" });
  const list = widget.locator(".mm-nav__list");
  assert.equal(await menu.getAttribute("aria-expanded"), "false");
  assert.equal(await menu.getAttribute("aria-controls"), await list.getAttribute("id"));
  assert.equal(await list.isVisible(), false, "the list is closed");
  const nav = await widget.locator(".mm-nav").boundingBox();
  assert.ok(nav.height < 80, `one row above the view, not three (${nav.height} px)`);
  // Keyboard: the button opens the list, a view is chosen from it, and the list closes.
  await menu.focus();
  await page.keyboard.press("Enter");
  assert.equal(await menu.getAttribute("aria-expanded"), "true");
  assert.equal(await widget.locator(".mm-nav__button").first().isVisible(), true);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await focusLandsOn(page, "Results", "Tab moves through the list");
  await page.keyboard.press("Enter");
  await widget.locator("article[data-view=results]").waitFor();
  await focusLandsOn(page, "Results", "the view's heading has focus");
  const results = widget.getByRole("button", { name: "Views: Results" });
  assert.equal(await results.getAttribute("aria-expanded"), "false");
  assert.equal(await list.isVisible(), false, "the list closed on choosing");
  // Escape closes the list from inside it and gives focus back to the button.
  await results.click();
  await widget.locator('.mm-nav__button[data-view="plan"]').focus();
  await page.keyboard.press("Escape");
  assert.equal(await results.getAttribute("aria-expanded"), "false");
  await focusLandsOn(page, "Views: Results", "focus is back on the button");
  // From 40em the list is the navigation, with no button.
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await results.isVisible(), false);
  assert.equal(await widget.locator('.mm-nav__button[data-view="plan"]').isVisible(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("at 1280 × 720 the room sees the ratings, the level chosen and the rationale together, in the page and full screen", async () => {
  const { page, errors, widget } = await openDemo(env);
  await page.setViewportSize({ width: 1280, height: 720 });
  await gather(widget);
  await discussion(widget);
  await widget.getByRole("button", { name: "Facilitate the discussion, item by item" }).click();
  const panel = widget.locator(".mm-facilitate[data-item]");
  /** What of the room's screen lies outside the window, after `panel`'s top is scrolled to
   * the top (the demo's intranet header is above it). */
  const offScreen = (parts) => panel.evaluate((panel, parts) => {
    const out = [];
    for (const [name, selector] of Object.entries(parts)) {
      const el = panel.querySelector(selector);
      const box = el?.getBoundingClientRect();
      if (!box || box.height === 0) out.push(`${name}: not shown`);
      else if (box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth) {
        out.push(`${name}: ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`);
      }
    }
    return out;
  }, parts);
  const parts = { distribution: ".mm-room-dist", "level chosen": "input:checked + label", rationale: "textarea" };
  const found = [];
  // Every item of the discussion: titles and questions differ in length.
  for (let step = 0; step < 5; step++) {
    await widget.locator(`.mm-facilitate[data-step="${step}"]`).waitFor();
    // A level by its shortcut (the chosen one lies in a different place each time), then the
    // rationale typed.
    const level = ["Emerging", "Developing", "Embedding", "Leading", "Not yet started"][step];
    await widget.locator(".mm-facilitate__title").focus();
    await page.keyboard.press(String(((step + 1) % 5) + 1));
    await panel.locator("input:checked + label .mm-option__level", { hasText: level }).waitFor();
    await widget.getByLabel(/^The board's rationale/).fill(`Agreed at step ${step + 1}: the evidence seen`);
    await panel.evaluate((el) => el.scrollIntoView({ block: "start" }));
    for (const problem of await offScreen(parts)) found.push(`item ${step + 1} in the page: ${problem}`);
    if (step < 4) await widget.getByRole("button", { name: "Next item" }).click();
  }
  // Full screen: the panel alone, and the notes heading and the buttons on screen too.
  await widget.getByRole("button", { name: "Full screen" }).click();
  await page.waitForFunction(() => document.fullscreenElement !== null);
  const full = await offScreen({ ...parts, "what people wrote": '[id$="-room-notes"]', "next": ".mm-facilitate__steps .mm-button:not(.mm-button--secondary)" });
  for (const problem of full) found.push(`full screen: ${problem}`);
  await page.evaluate(() => document.exitFullscreen());
  assert.deepEqual(found, []);
  assert.deepEqual(errors, []);
  await page.close();
});
