// The board in the room and the system: the facilitation view driven by the keyboard alone
// through five disagreements to an agreed record equal to the expected one, resumed after a
// reload and after leaving; made for a projector (text of at least 24 px at 1280×720); and the
// system view of four organisations, names shown and hidden, with bad files refused by name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { openDemo, repo, withDemo } from "../support/browser.mjs";
import { writeFiles } from "../support/files.mjs";
import { axeViolations, focused, openView, focusLandsOn } from "../support/widget.mjs";

const env = withDemo();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Four board members who agree on three items and split on five, by different margins. */
function respondents() {
  const split = {
    "purpose-created": [1, 3, 4, 2],
    "culture-codesign": [2, 4, 2, 2],
    "leaders-coaching": [1, 5, 3, 3],
    "capability-method": [3, 1, 3, 3],
    "systems-daily": [2, 2, 5, 3],
  };
  const names = ["Chair", "Chief Executive", "Medical Director", "Non-executive"];
  return names.map((name, i) => {
    const answers = { "purpose-lived": { level: 3 }, "leaders-data": { level: 2 }, "systems-strategy": { level: 4 } };
    for (const [id, levels] of Object.entries(split)) answers[id] = { level: levels[i] };
    answers["leaders-coaching"].notes = `${name}: ${["no coaching offer", "coaching for all directors", "some coaching", "coaching pilot"][i]}`;
    return { formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" }, respondent: { name, role: "Board member" }, answers };
  });
}

/** What the core says: the flagged items in discussion order, and the medians draft. */
async function expectedBoard(page, responses) {
  return page.evaluate(async (responses) => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init();
    const board = api.aggregate("nhs-impact", responses, 2);
    return {
      flagged: board.discussionOrder.filter((id) => board.items.find((i) => i.id === id).disagreement),
      draft: api.agreedDraft("nhs-impact", responses),
    };
  }, responses);
}

/** Gathers the respondents on the board view and opens the facilitation view with the keyboard. */
async function startFacilitation(env) {
  const opened = await openDemo(env);
  const { page, widget } = opened;
  await page.setViewportSize({ width: 1280, height: 720 });
  await openView(widget, "board");
  const responses = respondents();
  await widget.locator("input[type=file][multiple]").setInputFiles(writeFiles(responses.map((r, i) => [`member-${i + 1}.json`, r])));
  await widget.locator(".mm-board__messages li").first().waitFor();
  const press = async (name) => {
    await widget.getByRole("button", { name }).focus();
    await page.keyboard.press("Enter");
  };
  await press("Open the board view (facilitator)");
  await press("Facilitate the discussion, item by item");
  await widget.locator('article[data-view="facilitate"] .mm-facilitate[data-item]').waitFor();
  return { ...opened, responses, expected: await expectedBoard(page, responses) };
}

const step = (widget) => widget.locator(".mm-facilitate[data-item]");

test("keyboard-only facilitation of five disagreements ends in the expected agreed record", async () => {
  const { page, errors, widget, expected } = await startFacilitation(env);
  assert.equal(expected.flagged.length, 5, "the core flags five items");
  await focusLandsOn(page, "The board's discussion, item by item", "focus starts on the view's heading");
  // Into the panel: the first thing in it is the options and shortcuts.
  await page.keyboard.press("Tab");
  await focusLandsOn(page, /Options and keyboard shortcuts/);
  const agreed = [4, 2, 3, 3, 2];
  for (const [index, id] of expected.flagged.entries()) {
    assert.equal(await step(widget).getAttribute("data-item"), id, `item ${index + 1} is the next in the discussion order`);
    assert.match(await widget.locator(".mm-facilitate__count").textContent(), new RegExp(`^Item ${index + 1} of 5`));
    // Typing a digit chooses the level; Tab reaches the level and then the rationale.
    await page.keyboard.press(String(agreed[index]));
    await page.keyboard.press("Tab");
    const radio = await focused(page);
    assert.equal(radio.tag, "input", "the level chosen is the radio group's tab stop");
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).tag, "textarea");
    // N typed into the rationale is text, not a shortcut.
    await page.keyboard.type(`Noted ${index + 1}: evidence seen`);
    assert.equal(await step(widget).getAttribute("data-item"), id, "typing N in the rationale stays on the item");
    await page.keyboard.press("Tab");
    await page.keyboard.press("n");
    if (index < 4) await focusLandsOn(page, () => widget.locator(".mm-facilitate__title").textContent(), "focus moves to the next item's title");
  }
  const end = widget.locator("[data-end]");
  await end.waitFor();
  const rows = end.locator("[data-agreed-table] tbody tr");
  assert.equal(await rows.count(), 5);
  // Each row: the item, its median in words, the level agreed and the rationale.
  const cells = await rows.nth(0).locator("th, td").allTextContents();
  assert.match(cells[1], /^\d\.\d\d \((between )?[A-Z]/);
  assert.deepEqual(cells.slice(2), ["Embedding", "Noted 1: evidence seen"]);
  const firstTitle = await page.evaluate(async (id) => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init();
    return api.builtinInstrument("nhs-impact").components.flatMap((c) => c.items).find((i) => i.id === id).title;
  }, expected.flagged[0]);
  assert.equal(cells[0], firstTitle);
  await focusLandsOn(page, "The agreed profile", "focus moves to the end's heading");
  // The agreed record: everyone's medians, with the board's five decisions.
  const wanted = structuredClone(expected.draft.answers);
  for (const [index, id] of expected.flagged.entries()) wanted[id] = { level: agreed[index], notes: `Noted ${index + 1}: evidence seen` };
  const record = await widget.evaluate((element) => element.exportResponse());
  const levelsAndNotes = (answers) => Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, { level: a.level ?? null, special: a.special ?? null, notes: a.notes ?? "" }]));
  assert.deepEqual(levelsAndNotes(record.answers), levelsAndNotes(wanted));
  assert.match(record.title, /^Agreed board view, \d{4}-\d\d-\d\d$/);
  // The board view's agreed record is the same saved assessment.
  await openView(widget, "board");
  await widget.getByRole("button", { name: "Open the board view (facilitator)" }).click();
  const prompt = widget.locator(`[data-discuss="${expected.flagged[0]}"]`);
  assert.match(await prompt.textContent(), /agreed: Embedding/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the facilitation resumes on the same item after a reload, and after leaving and coming back", async () => {
  const { page, errors, widget, expected, responses } = await startFacilitation(env);
  await widget.locator(".mm-facilitate__title").focus();
  await page.keyboard.press("n");
  await page.keyboard.press("n");
  assert.equal(await step(widget).getAttribute("data-item"), expected.flagged[2]);
  await page.keyboard.press("5");
  await page.reload();
  await widget.locator('article[data-view="facilitate"] .mm-facilitate[data-item]').waitFor();
  assert.equal(await step(widget).getAttribute("data-step"), "2");
  assert.equal(await step(widget).getAttribute("data-item"), expected.flagged[2]);
  assert.equal(await widget.locator(".mm-item input[type=radio]:checked + label .mm-option__level").textContent(), "Leading", "the level chosen before the reload is kept");
  // Away to the board view and back again.
  await widget.getByRole("button", { name: "Back to the board view" }).click();
  await widget.getByRole("button", { name: "Open the board view (facilitator)" }).click();
  await widget.getByRole("button", { name: "Facilitate the discussion, item by item" }).click();
  await widget.locator('article[data-view="facilitate"] .mm-facilitate[data-item]').waitFor();
  assert.equal(await step(widget).getAttribute("data-item"), expected.flagged[2]);
  // The threshold chosen in the board view is the facilitation's too.
  await widget.getByRole("button", { name: "Back to the board view" }).click();
  await widget.getByRole("button", { name: "Open the board view (facilitator)" }).click();
  await widget.getByLabel("Discuss items whose ratings are at least this many levels apart").selectOption("3");
  const wider = await page.evaluate(async (responses) => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init();
    return api.aggregate("nhs-impact", responses, 3).items.filter((i) => i.disagreement).length;
  }, responses);
  await widget.getByRole("button", { name: "Facilitate the discussion, item by item" }).click();
  await widget.locator(".mm-facilitate__count").waitFor();
  assert.match(await widget.locator(".mm-facilitate__count").textContent(), new RegExp(`^Item \\d+ of ${wider} `));
  assert.deepEqual(errors, []);
  await page.close();
});

test("made for a projector: at 1280×720 no text in the panel is under 24 px; axe finds nothing there, at 320 px or at the end", async () => {
  const { page, errors, widget } = await startFacilitation(env);
  await widget.locator("summary").click();
  await widget.getByLabel("Time for each item").selectOption("5");
  await widget.locator(".mm-timer").waitFor();
  assert.match(await widget.locator("[role=timer]").textContent(), /^[45]:\d\d left for this item/);
  const smallest = await widget.evaluate((element) => {
    const sizes = [];
    for (const node of element.shadowRoot.querySelector(".mm-facilitate").querySelectorAll("*")) {
      const text = [...node.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent.trim());
      if (!text || node.closest(".mm-visually-hidden") || node.getClientRects().length === 0) continue;
      sizes.push([Number.parseFloat(getComputedStyle(node).fontSize), node.textContent.trim().slice(0, 30)]);
    }
    return sizes.sort((a, b) => a[0] - b[0])[0];
  });
  assert.ok(smallest[0] >= 24, `smallest text ${smallest[0]} px: ${smallest[1]}`);
  assert.deepEqual((await axeViolations(page, axeSource)).violations, [], "axe at 1280×720");
  await page.setViewportSize({ width: 320, height: 720 });
  assert.deepEqual((await axeViolations(page, axeSource)).violations, [], "axe at 320 px");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 320 px (overflow ${overflow})`);
  // The end of the discussion: the agreed profile and the plan.
  await page.setViewportSize({ width: 1280, height: 720 });
  await widget.getByRole("button", { name: "Next item" }).click();
  for (let i = 1; i < 4; i++) await widget.getByRole("button", { name: "Next item" }).click();
  await widget.getByRole("button", { name: "See the agreed profile" }).click();
  await widget.locator("[data-end] .mm-radar").waitFor();
  assert.ok(await widget.locator("[data-end] .mm-plan, [data-end] table").count() >= 2, "scores and the plan are shown");
  assert.deepEqual((await axeViolations(page, axeSource)).violations, [], "axe on the end of the discussion");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the system view: four organisations side by side, names shown and hidden, bad files refused by name", async () => {
  const { page, errors, widget } = await openDemo(env);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openView(widget, "system");
  const dir = path.join(repo, "core/tests/cases/system-four-organisations/organisations");
  const records = readdirSync(dir).sort().map((file) => [file, readFileSync(path.join(dir, file), "utf8")]);
  const files = writeFiles([
    ...records,
    ["northgate-again.json", records[1][1]],
    ["broken.json", "{ not json"],
    ["other-matrix.json", { formatVersion: 1, instrument: { id: "another", version: "1" }, answers: {} }],
  ]);
  await widget.locator("input[type=file][multiple]").setInputFiles(files);
  const messages = widget.locator(".mm-board__messages li");
  await messages.first().waitFor();
  const said = await messages.allTextContents();
  assert.equal(said[0], "4 records added.");
  assert.ok(said.some((m) => m.startsWith("4-westfield.json: added, made against version 0.9.0")), said.join("\n"));
  // Westfield's file is not marked as a board's agreed record: added, and flagged.
  assert.ok(said.some((m) => m.startsWith("4-westfield.json: added, but it is not marked as a board's agreed record")), said.join("\n"));
  assert.ok(said.some((m) => m.startsWith("northgate-again.json was not added: a record for Northgate Hospitals NHS Foundation Trust is already loaded")), said.join("\n"));
  assert.ok(said.some((m) => m.startsWith("broken.json was not added.")), said.join("\n"));
  assert.ok(said.some((m) => m.startsWith("other-matrix.json was not added.") && m.includes("instrument.id")), said.join("\n"));

  const expected = JSON.parse(readFileSync(path.join(dir, "../expected.json"), "utf8"));
  const names = expected.system.organisations.map((o) => o.name);
  assert.deepEqual(await widget.locator(".mm-multiples figcaption").allTextContents(), names, "one chart each, alphabetical");
  assert.deepEqual(names, [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  assert.equal(await widget.locator(".mm-multiples .mm-radar__profile--2").count(), 0, "no chart overlays more than two outlines");
  const table = widget.locator("[data-system-table]");
  assert.deepEqual(await table.locator("tbody th").allTextContents(), names);
  // The medians, ranges and differences against the core: the native render tests.
  assert.equal(await table.locator("thead th").count(), 1 + expected.system.components.length, "no overall figure per organisation");
  assert.match(await widget.locator(".mm-summary").textContent(), /for learning together/);
  assert.match(await widget.locator(".mm-summary").textContent(), /Not marked as a board's agreed record \(it may be one person's ratings\): Westfield Teaching Hospitals\./);
  const { violations } = await axeViolations(page, axeSource);
  assert.deepEqual(violations, [], "axe at 1280 px");

  // Names hidden: nothing on screen names an organisation (the messages about the files go
  // too), organisations are listed by letter, and the CSV follows.
  await widget.getByLabel("Hide the organisations' names (Organisation A, B, …)").check();
  assert.deepEqual(await widget.locator(".mm-multiples figcaption").allTextContents(), ["Organisation A", "Organisation B", "Organisation C", "Organisation D"]);
  assert.deepEqual(await table.locator("tbody th").allTextContents(), ["Organisation A", "Organisation B", "Organisation C", "Organisation D"]);
  assert.notDeepEqual(expected.system.organisations.map((o) => o.alias), ["Organisation A", "Organisation B", "Organisation C", "Organisation D"], "the letters do not follow the names' alphabetical order");
  const text = await widget.locator(".mm-system").textContent();
  for (const name of names) assert.ok(!text.includes(name), `${name} is hidden`);
  const download = page.waitForEvent("download");
  await widget.getByRole("button", { name: "Download the system table (CSV)" }).click();
  const csv = readFileSync(await (await download).path(), "utf8");
  assert.equal(csv, expected.systemCsvAnonymous);

  await page.setViewportSize({ width: 320, height: 800 });
  const narrow = await axeViolations(page, axeSource);
  assert.deepEqual(narrow.violations, [], "axe at 320 px");
  const overflow = await widget.evaluate((element) => element.scrollWidth - element.clientWidth);
  assert.ok(overflow <= 0, `the widget fits 320 px (overflows by ${overflow})`);
  assert.deepEqual(errors, []);
  await page.close();
});
