// The authoring page in the demo: a form editor (driven here by the keyboard alone), the JSON
// text as a second mode, problems told in words counted from 1 with links to their fields and
// the technical path as detail, a spreadsheet import that names rows and columns, a live
// preview that says when it shows the last valid version, downloads that validate, and no CSP
// violations or axe findings. Without traps: the steps up go through the form, the JSON and
// the spreadsheet and back, examples are placeholders and the Check names example wording left
// in place, ids follow titles only while nobody can have used them, finished items fold away,
// and the draft survives a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { repo, watchErrors, withDemo } from "../support/browser.mjs";
import { axeViolations, openView, overall, rate } from "../support/widget.mjs";

const env = withDemo();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** The worked example of docs/instrument-format.md: the first JSON block there. */
const workedExample = JSON.parse(/```json\n([\s\S]*?)```/.exec(readFileSync(path.join(repo, "docs/instrument-format.md"), "utf8"))[1]);

/** Opens the authoring page with nothing saved, watching for errors and policy violations. */
async function openAuthoring({ width = 1280 } = {}) {
  const page = await env.browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  // The tests share a browser profile: a draft another test left is cleared from a page of the
  // same origin that keeps none.
  await page.goto(new URL("favicon.svg", env.server.url).href);
  await page.evaluate(() => localStorage.clear());
  const errors = watchErrors(page);
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => (window.__violations ??= []).push(e.violatedDirective)));
  await page.goto(new URL("author.html", env.server.url).href);
  await page.locator("#check-status", { hasText: "No problems" }).waitFor();
  await page.locator("maturity-matrix#preview h2.mm-title", { hasText: "Our local improvement matrix" }).waitFor();
  return { page, errors, preview: page.locator("maturity-matrix#preview") };
}

/** Validates text with the page's own copy of the core. */
const validate = (page, text) => page.evaluate(async (text) => {
  const api = await import("/dist/maturity-matrix.js");
  await api.init();
  try {
    return { ok: api.validateInstrument(text) };
  } catch (error) {
    return { problems: error.problems };
  }
}, text);

async function downloaded(page, press) {
  const download = page.waitForEvent("download");
  await press();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

const problemTexts = (page) => page.locator("#check .author-problems > li > a").allTextContents();

test("JSON mode: problems in words with their technical paths, a live preview, a valid template, nothing blocked", async () => {
  const { page, errors, preview } = await openAuthoring();
  await page.getByRole("radio", { name: "JSON text" }).check();
  await page.locator("#source").waitFor();

  // Break it in three ways at once: every problem is listed in words, its path as detail.
  const template = JSON.parse(await page.locator("#source").inputValue());
  template.scale.levels[2].value = 1;
  template.components[0].items[0].levels = ["Rarely.", "Sometimes.", "Always."];
  template.components.push({ id: "first-component", title: "", items: [] });
  await page.locator("#source").fill(JSON.stringify(template, null, 2));
  assert.deepEqual(await problemTexts(page), [
    "Level 3, value: 1 must be greater than the level before it (2); list levels lowest first",
    "Component 1, item 1, levels: 3 descriptors, the scale has 4 levels",
    "Component 2, short id: \"first-component\" is used by another component",
    "Component 2: the title is missing",
    "Component 2: no items yet; a component needs at least one item",
  ], "words counted from 1");
  const technical = await page.locator("#check .author-technical code").allTextContents();
  for (const path of ["scale.levels[2].value", "components[0].items[0].levels", "components[1].id", "components[1].title", "components[1].items"]) {
    assert.ok(technical.some((p) => p.startsWith(`${path}:`)), `${path} in:\n${technical.join("\n")}`);
  }
  assert.equal(await page.locator("#check-status").textContent(), "There are 5 problems to fix. 3 fields still hold example or placeholder wording.");
  await page.locator("#preview-status", { hasText: "shows the last version without problems" }).waitFor();
  // Not even JSON: said plainly, with where it breaks; the link puts the caret there.
  await page.locator("#source").fill('{ "formatVersion": 1, ');
  const [syntax] = await problemTexts(page);
  assert.match(syntax, /^The JSON text, line 1, column \d+: it is not a readable data \(JSON\) file/);
  await page.locator("#check .author-problems a").first().click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "source");
  // The form cannot show unreadable JSON, and says so instead of losing it.
  await page.getByRole("radio", { name: "A form" }).click();
  assert.match(await page.locator("#mode-message").textContent(), /once the JSON text can be read/);
  assert.equal(await page.getByRole("radio", { name: "JSON text" }).isChecked(), true);

  // Start from the default matrix, rename it: the preview follows.
  await page.getByRole("button", { name: "Start from the NHS IMPACT matrix" }).click();
  const edited = (await page.locator("#source").inputValue()).replace('"title": "NHS IMPACT improvement maturity self-assessment"', '"title": "Northfield variant"');
  await page.locator("#source").fill(edited);
  await preview.locator("h2.mm-title", { hasText: "Northfield variant" }).waitFor();
  assert.match(await page.locator("#check-status").textContent(), /No problems: 5 components, 20 items, 5 levels\./);
  assert.equal(await page.locator("#preview-status").textContent(), "The preview shows the matrix as it stands.");

  // The template downloads and validates.
  const { text } = await downloaded(page, () => page.getByRole("button", { name: "Download a JSON template" }).click());
  assert.equal((await validate(page, text)).ok.id, "our-local-matrix");

  assert.deepEqual(await page.evaluate(() => window.__violations ?? []), []);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Presses Tab (Shift+Tab with `back`) until the focused element matches `selector`. */
async function tabTo(page, selector, { back = false } = {}) {
  for (let presses = 0; presses < 400; presses++) {
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, selector)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Tabs to the field for `path` and replaces its text by typing. */
async function typeInto(page, path, text) {
  await tabTo(page, `[data-path="${path}"]`);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    if (index > 0) await page.keyboard.press("Enter");
    await page.keyboard.type(line);
  }
}

test("the form editor builds the worked example of the format guide with the keyboard only, and its download validates", async () => {
  const { page, errors, preview } = await openAuthoring();
  const example = workedExample;
  await page.locator("body").focus();
  await tabTo(page, "#mode-form");

  for (const key of ["title", "id", "version", "description", "source"]) await typeInto(page, key, example[key]);
  for (const [index, level] of example.scale.levels.entries()) {
    await typeInto(page, `scale.levels[${index}].label`, level.label);
    await typeInto(page, `scale.levels[${index}].value`, String(level.value));
    await typeInto(page, `scale.levels[${index}].description`, level.description);
  }
  // The template has a fourth level: remove it (its descriptor goes from every item too).
  await tabTo(page, '#group-scale-levels-3 [data-action="remove"]');
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#announce").textContent(), "Level 4 removed.");
  await typeInto(page, "scale.notApplicable.label", example.scale.notApplicable.label);
  await typeInto(page, "scale.dontKnow.label", example.scale.dontKnow.label);

  await tabTo(page, '[data-path="scoring.overall"]');
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.locator('[data-path="scoring.overall"]').inputValue(), "minimum");
  for (const [index, band] of example.scoring.bands.entries()) {
    await tabTo(page, '[data-add="scoring.bands"]');
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), `scoring.bands[${index}].from`, "focus moves to the new band");
    await typeInto(page, `scoring.bands[${index}].from`, String(band.from));
    await typeInto(page, `scoring.bands[${index}].label`, band.label);
  }

  const [component] = example.components;
  const [item] = component.items;
  await typeInto(page, "components[0].title", component.title);
  await typeInto(page, "components[0].id", component.id);
  await typeInto(page, "components[0].description", component.description);
  await typeInto(page, "components[0].weight", String(component.weight));
  for (const key of ["title", "id", "prompt"]) await typeInto(page, `components[0].items[0].${key}`, item[key]);
  for (const [index, text] of item.levels.entries()) await typeInto(page, `components[0].items[0].levels[${index}]`, text);
  for (const [index, text] of item.moveUp.entries()) await typeInto(page, `components[0].items[0].moveUp[${index}]`, text);
  await typeInto(page, "components[0].items[0].evidence", item.evidence.join("\n"));
  await typeInto(page, "components[0].items[0].weight", String(item.weight));

  await page.locator("#check-status", { hasText: "No problems: 1 component, 1 item, 3 levels." }).waitFor();
  await preview.locator("h2.mm-title", { hasText: example.title }).waitFor();
  await tabTo(page, "#download");
  const { name, text } = await downloaded(page, () => page.keyboard.press("Enter"));
  assert.equal(name, "ward-qi.json");
  assert.deepEqual(JSON.parse(text), example);
  assert.equal((await validate(page, text)).ok.id, "ward-qi");
  // The preview scores it as the guide says: level 2 gives 2.00, band "Growing".
  await rate(preview, "huddle-routine", "Growing");
  assert.equal(await overall(preview).textContent(), "2.00");
  // The step up typed in the form reaches the results, beside the gap.
  await openView(preview, "results");
  assert.equal(await preview.locator(".mm-move-up").textContent(), `To reach Established: ${item.moveUp[1]}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the form: problems next to their fields in words, links that move focus, reordering, and the preview kept at the last valid version", async () => {
  const { page, errors, preview } = await openAuthoring();
  await page.getByRole("button", { name: "Add a component" }).click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "components[1].title", "focus is on the new component's title");
  assert.equal(await page.locator("#announce").textContent(), "Component 2 added, with one item.");
  assert.deepEqual(await problemTexts(page), ["Component 2: the title is missing", "Component 2, item 1: the title is missing"]);
  await page.locator("#preview-status", { hasText: "While there are problems, the preview shows the last version without problems." }).waitFor();
  // Next to the field, and described by it.
  const title = page.locator('[data-path="components[1].items[0].title"]');
  assert.equal(await title.getAttribute("aria-invalid"), "true");
  assert.match(await page.locator(`#${await title.getAttribute("id")}-error`).textContent(), /^Problem: The title is missing\.$/);
  assert.match(await title.getAttribute("aria-describedby"), /-error$/);
  // The link moves focus to the field; the technical path stays in a details element.
  await page.getByRole("link", { name: "Component 2, item 1: the title is missing" }).click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "components[1].items[0].title");
  assert.equal(await page.locator("#check details code").nth(1).textContent(), "components[1].items[0].title: empty; write some text here");

  await page.keyboard.type("Second item");
  await page.locator('[data-path="components[1].title"]').fill("Second component");
  await page.locator("#check-status", { hasText: "No problems: 2 components, 2 items" }).waitFor();
  await preview.locator(".mm-steps__title", { hasText: "Second component" }).waitFor();
  assert.equal(await title.getAttribute("aria-invalid"), null);

  // Reorder: component 2 moves up; focus stays on its button, now the first component's.
  await page.getByRole("button", { name: "Move up component 2" }).click();
  assert.equal(await page.locator("#announce").textContent(), "Component 2 moved up: it is now component 1.");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Move down component 1");
  assert.equal(await page.locator('[data-path="components[0].title"]').inputValue(), "Second component");
  await preview.locator(".mm-steps__title").first().filter({ hasText: "Second component" }).waitFor();
  // Remove it: focus goes to what takes its place.
  await page.getByRole("button", { name: "Remove component 1" }).click();
  assert.equal(await page.locator("#announce").textContent(), "Component 1 removed.");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "components[0].title");
  assert.equal(await page.locator('[data-path="components[0].title"]').inputValue(), "The first component");
  assert.deepEqual(errors, []);
  await page.close();
});

const SPREADSHEET = [
  "Component,Item,Starting,Growing,Established",
  "Daily huddles,A regular huddle,We do not hold huddles.,\"On some days, mostly to pass on information.\",Every day at a set time.",
  ",Actions followed up,Rarely.,Sometimes.,Always.",
  "Learning,Teams share what worked,Rarely.,At annual events.,\"Every month, across sites.\"",
  ",Safety huddles,,,",
].join("\r\n");

test("a spreadsheet with two mistakes is refused naming row and column; fixed, it imports and shows how the rows were read", async () => {
  const { page, errors, preview } = await openAuthoring();
  // Row 3 lacks its item's title; row 4 has a level description missing.
  const broken = SPREADSHEET.replace(",Actions followed up,", ",,").replace("Rarely.,At annual events.", "Rarely.,");
  const folder = mkdtempSync(path.join(tmpdir(), "mm-csv-"));
  writeFileSync(path.join(folder, "ward-matrix.csv"), broken);
  await page.locator("#csv-file").setInputFiles(path.join(folder, "ward-matrix.csv"));
  const result = page.locator("#csv-result");
  await result.locator("h3", { hasText: "How the rows of ward-matrix.csv were read" }).waitFor();
  assert.deepEqual(await result.locator(".author-problems li").allTextContents(), [
    "Row 3, column 2: the item\u2019s title is missing (Item)",
    "Row 4, column 4: the description for \u201cGrowing\u201d is missing; fill in every level, or leave them all empty to use the scale\u2019s own descriptions",
  ]);
  assert.equal(await result.getByRole("button", { name: "Create the matrix from these rows" }).count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "How the rows of ward-matrix.csv were read");

  // Pasted cells: a comma without quotes makes a cell too many, named by its column.
  await page.locator("#csv-text").fill(SPREADSHEET.replace("Sometimes.", "Sometimes, in the week."));
  await page.getByRole("button", { name: "Read the pasted rows" }).click();
  assert.deepEqual(await result.locator(".author-problems li").allTextContents(), [
    "Row 3, column 6: this cell is beyond the last column (Established, column 5); a cell holding a comma needs quotes",
  ]);

  // Fixed: the rows as read, then the matrix.
  await page.locator("#csv-text").fill(SPREADSHEET);
  await page.getByRole("button", { name: "Read the pasted rows" }).click();
  assert.match(await result.textContent(), /4 items in 2 components, on a scale of 3 levels: Starting, Growing, Established\./);
  assert.deepEqual(await result.locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent))), [
    ["2", "Daily huddles", "A regular huddle", "all 3", "none"],
    ["3", "Daily huddles", "Actions followed up", "all 3", "none"],
    ["4", "Learning", "Teams share what worked", "all 3", "none"],
    ["5", "Learning", "Safety huddles", "none: the scale\u2019s own are shown", "none"],
  ]);
  await result.getByRole("button", { name: "Create the matrix from these rows" }).click();
  await page.locator("#check-status", { hasText: "No problems: 2 components, 4 items, 3 levels." }).waitFor();
  assert.equal(await page.locator('[data-path="components[0].items[0].levels[1]"]').inputValue(), "On some days, mostly to pass on information.");
  assert.equal(await page.locator('[data-path="components[1].items[0].id"]').inputValue(), "teams-share-what-worked");
  await preview.locator(".mm-steps__title", { hasText: "Learning" }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("a file too large to be a matrix's is refused unread, and a sheet of 10,000 rows is refused by its count at once", async () => {
  const { page, errors } = await openAuthoring();
  // Reading a chosen file's text would now fail: a refusal that appears was made unread.
  await page.evaluate(() => {
    Blob.prototype.text = () => Promise.reject(new Error("the file was read"));
  });
  const result = page.locator("#csv-result");
  await page.locator("#csv-file").setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.alloc(3 * 1024 * 1024, "a,b\n") });
  await result.locator("h3", { hasText: "The rows of export.csv were not read" }).waitFor();
  assert.equal(await result.locator("p").textContent(),
    "export.csv is 3 MB; a spreadsheet for a matrix can be at most 2 MB, so it was not read. Check that this is the right spreadsheet.");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "The rows of export.csv were not read");
  await page.locator("#open").setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(1024 * 1024 + 1, " ") });
  await page.locator("#start-message", { hasText: "huge.json is 1.1 MB; a matrix file can be at most 1 MB, so it was not opened." }).waitFor();

  // Ten thousand rows (pasted as a spreadsheet's cells are): the limit and the excess, nothing offered.
  const rows = ["Component\tItem\tLow\tHigh", ...Array.from({ length: 10_000 }, (_, i) => `Huddles\tItem ${i + 1}\tRarely.\tDaily.`)];
  await page.evaluate((text) => (document.getElementById("csv-text").value = text), rows.join("\n"));
  await page.getByRole("button", { name: "Read the pasted rows" }).click();
  await result.locator("h3", { hasText: "How the rows of the pasted text were read" }).waitFor();
  assert.deepEqual(await result.locator(".author-problems li").allTextContents(), [
    "Row 502: the sheet has 10,000 item rows; a matrix can have at most 500 items: 9,500 too many (this row and those after it)",
  ]);
  assert.equal(await result.getByRole("button", { name: "Create the matrix from these rows" }).count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a page with the matrix inside downloads, and works opened from a shared drive (file://)", async () => {
  const { page, errors } = await openAuthoring();
  await page.locator('[data-path="title"]').fill("Drive matrix");
  await page.locator("#check-status", { hasText: "No problems" }).waitFor();
  const { name, text } = await downloaded(page, () => page.getByRole("button", { name: "Download a page with this matrix inside" }).click());
  assert.equal(name, "drive-matrix.html", "named by the id the title made");
  const folder = mkdtempSync(path.join(tmpdir(), "mm-page-"));
  writeFileSync(path.join(folder, name), text);
  const drive = await env.browser.context.newPage();
  const driveErrors = watchErrors(drive);
  const requests = [];
  drive.on("request", (r) => requests.push(r.url()));
  await drive.goto(pathToFileURL(path.join(folder, name)).href);
  const widget = drive.locator("maturity-matrix");
  await widget.locator("h2.mm-title", { hasText: "Drive matrix" }).waitFor();
  await rate(widget, "first-item", "Developing");
  assert.equal(await overall(widget).textContent(), "3.00");
  assert.equal(requests.length, 1, `only the page itself: ${requests.join(", ")}`);
  // With problems, no page is made, and the reason is given.
  await page.locator('[data-path="title"]').fill("");
  await page.getByRole("button", { name: "Download a page with this matrix inside" }).click();
  assert.match(await page.locator("#save-message").textContent(), /Fix the 1 problem listed under Check first/);
  assert.deepEqual([...errors, ...driveErrors], []);
  await drive.close();
  await page.close();
});

/** The input for a JSON path. */
const fieldFor = (page, path) => page.locator(`[data-path="${path}"]`);

/** A sheet with every kind of column, as the page writes one (a byte order mark for Excel,
 * CRLF line ends, the component on every row). */
const FULL_SHEET = `\uFEFF${[
  "Component,Item,Starting,Growing,Established,How to move up from Starting,How to move up from Growing,Component id,Item id",
  "Daily huddles,A regular huddle,We do not hold huddles.,\"On some days, mostly to pass on information.\",Every day at a set time.,Try a short huddle each morning.,\"Fix a time, and agree actions.\",huddles,huddle-routine",
  "Daily huddles,Actions followed up,Rarely.,Sometimes.,Always.,,,huddles,actions",
  "Learning,Teams share what worked,,,,Share one story a month.,Share across sites.,learning,sharing",
  "",
].join("\r\n")}`;

test("how to move up goes from the form to the JSON and back, and from a spreadsheet to the JSON and back, losing nothing", async () => {
  const { page, errors } = await openAuthoring();
  const source = page.locator("#source");
  // Form → JSON: every step or none; a missing one is named by its levels.
  const steps = ["Agree to try it.", "Try it in one team.", "Make it the usual way."];
  await fieldFor(page, "components[0].items[0].moveUp[0]").fill(steps[0]);
  assert.deepEqual(await problemTexts(page), [
    "Component 1, item 1: the step up from level 2 (Emerging) is missing",
    "Component 1, item 1: the step up from level 3 (Developing) is missing",
  ]);
  await fieldFor(page, "components[0].items[0].moveUp[1]").fill(steps[1]);
  await fieldFor(page, "components[0].items[0].moveUp[2]").fill(steps[2]);
  await page.locator("#check-status", { hasText: "No problems" }).waitFor();
  await page.getByRole("radio", { name: "JSON text" }).check();
  const json = JSON.parse(await source.inputValue());
  assert.deepEqual(json.components[0].items[0].moveUp, steps);
  // JSON → form.
  json.components[0].items[0].moveUp[1] = "Try it in two teams.";
  await source.fill(JSON.stringify(json, null, 2));
  await page.getByRole("radio", { name: "A form" }).check();
  const formSteps = await Promise.all([0, 1, 2].map((k) => fieldFor(page, `components[0].items[0].moveUp[${k}]`).inputValue()));
  assert.deepEqual(formSteps, [steps[0], "Try it in two teams.", steps[2]]);

  // CSV → JSON → CSV: the same sheet comes back, byte for byte.
  await page.locator("#csv-file").setInputFiles({ name: "ward.csv", mimeType: "text/csv", buffer: Buffer.from(FULL_SHEET) });
  const result = page.locator("#csv-result");
  await result.locator("h3", { hasText: "How the rows of ward.csv were read" }).waitFor();
  assert.deepEqual(await result.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.cells[4].textContent)), ["all 2", "none", "all 2"]);
  await result.getByRole("button", { name: "Create the matrix from these rows" }).click();
  await page.locator("#check-status", { hasText: "No problems: 2 components, 3 items, 3 levels." }).waitFor();
  await page.getByRole("radio", { name: "JSON text" }).check();
  const imported = JSON.parse(await source.inputValue());
  assert.deepEqual(imported.components.map((c) => [c.id, c.items.map((i) => [i.id, i.moveUp])]), [
    ["huddles", [["huddle-routine", ["Try a short huddle each morning.", "Fix a time, and agree actions."]], ["actions", undefined]]],
    ["learning", [["sharing", ["Share one story a month.", "Share across sites."]]]],
  ]);
  const sheet = await downloaded(page, () => page.getByRole("button", { name: "Download as a spreadsheet (CSV)" }).click());
  assert.equal(sheet.name, "our-local-matrix.csv");
  assert.equal(sheet.text, FULL_SHEET);

  // JSON → CSV → JSON: the built-in matrix, out to a sheet and back, is the same matrix: what a
  // sheet does not hold (questions, evidence, descriptions) is kept by id.
  await page.getByRole("button", { name: "Start from the NHS IMPACT matrix" }).click();
  const before = JSON.parse(await source.inputValue());
  assert.ok(before.components[0].items[0].moveUp.length > 0);
  const out = await downloaded(page, () => page.getByRole("button", { name: "Download as a spreadsheet (CSV)" }).click());
  await page.locator("#csv-file").setInputFiles({ name: out.name, mimeType: "text/csv", buffer: Buffer.from(out.text) });
  await result.locator("h3", { hasText: `How the rows of ${out.name} were read` }).waitFor();
  await result.getByRole("button", { name: "Create the matrix from these rows" }).click();
  await page.locator("#check-status", { hasText: "No problems: 5 components, 20 items, 5 levels." }).waitFor();
  assert.deepEqual(JSON.parse(await source.inputValue()), before);
  assert.deepEqual(errors, []);
  await page.close();
});

/** The example wording the Check names, as its links read. */
const wordingTexts = (page) => page.locator("#check .author-wording > li > a").allTextContents();
/** The text selected in the JSON text. */
const selectedSource = (page) => page.evaluate(() => {
  const source = document.getElementById("source");
  return source.value.slice(source.selectionStart, source.selectionEnd);
});

/** The heading's button that opens and folds the component or item at `path`. */
const foldOf = (page, path) => page.locator(`[data-path="${path}"] > .author-fold-head .author-fold-button`);

/** A matrix made with the template as it was, its examples held as values and never replaced. */
const OLD_TEMPLATE_FILE = {
  formatVersion: 1, id: "our-local-matrix", version: "1.0.0", title: "Our local improvement matrix",
  description: "What this matrix is for, in a sentence or two.",
  scale: { levels: [{ value: 1, label: "Not yet started" }, { value: 2, label: "Emerging" }, { value: 3, label: "Developing" }, { value: 4, label: "Embedding" }] },
  components: [{
    id: "first-component", title: "Huddles",
    items: [{
      id: "first-item", title: "A regular huddle", prompt: "The question people answer for this item?",
      levels: ["We do not hold huddles.", "On some days.", "Most days.", "Every day."],
      evidence: ["An example of evidence", "Another example"],
    }],
  }],
};

test("examples are placeholders, never values; the Check names example wording left in place and links to each", async () => {
  const { page, errors } = await openAuthoring();
  for (const path of ["description", "source", "components[0].description", "components[0].items[0].prompt", "components[0].items[0].guidance", "components[0].items[0].evidence"]) {
    assert.equal(await fieldFor(page, path).inputValue(), "", `${path} holds nothing`);
    assert.match(await fieldFor(page, path).getAttribute("placeholder"), /^For example:/, `${path} shows an example`);
  }
  // The titles a matrix cannot do without are the template's: named, each next to its field.
  await page.locator("#check-status", { hasText: "No problems: 1 component, 1 item, 4 levels. 3 fields still hold example or placeholder wording." }).waitFor();
  assert.deepEqual(await wordingTexts(page), [
    "The matrix, title: \u201cOur local improvement matrix\u201d is example wording; write your own",
    "Component 1, title: \u201cThe first component\u201d is example wording; write your own",
    "Component 1, item 1, title: \u201cThe first item\u201d is example wording; write your own",
  ]);
  const itemTitle = fieldFor(page, "components[0].items[0].title");
  assert.equal(await page.locator(`#${await itemTitle.getAttribute("id")}-error`).textContent(), "Problem: \u201cThe first item\u201d is example wording; write your own.");
  // The link opens the item, folded away meanwhile, and puts focus on the field.
  await foldOf(page, "components[0].items[0]").click();
  assert.equal(await itemTitle.isVisible(), false);
  await page.getByRole("link", { name: "Component 1, item 1, title: \u201cThe first item\u201d is example wording; write your own" }).click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "components[0].items[0].title");
  assert.equal(await foldOf(page, "components[0].items[0]").getAttribute("aria-expanded"), "true");
  await itemTitle.fill("A regular huddle");
  // Text that stands in for text still to write is named too.
  await fieldFor(page, "components[0].items[0].guidance").fill("TBC");
  await page.locator("#check-status", { hasText: "3 fields still hold" }).waitFor();
  assert.deepEqual((await wordingTexts(page)).slice(-1), ["Component 1, item 1, guidance: \u201cTBC\u201d stands in for text still to write"]);
  // Saving is not stopped, but says what goes with it.
  const { name } = await downloaded(page, () => page.getByRole("button", { name: "Download this matrix (JSON)" }).click());
  assert.equal(await page.locator("#save-message").textContent(), `Downloaded ${name}. Note: 3 fields still hold example or placeholder wording. See Check.`);

  // A matrix made with the template as it was: each example it still holds is named.
  await page.locator("#open").setInputFiles({ name: "ward.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(OLD_TEMPLATE_FILE)) });
  await page.locator("#start-message", { hasText: "Opened ward.json." }).waitFor();
  assert.deepEqual(await wordingTexts(page), [
    "The matrix, title: \u201cOur local improvement matrix\u201d is example wording; write your own",
    "The matrix, description: \u201cWhat this matrix is for, in a sentence or two.\u201d is example wording; write your own",
    "Component 1, item 1, question: \u201cThe question people answer for this item?\u201d is example wording; write your own",
    "Component 1, item 1, evidence example 1: \u201cAn example of evidence\u201d is example wording; write your own",
    "Component 1, item 1, evidence example 2: \u201cAnother example\u201d is example wording; write your own",
  ]);
  // In the JSON text, the link selects the words.
  await page.getByRole("radio", { name: "JSON text" }).check();
  await page.getByRole("link", { name: /evidence example 2/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "source");
  assert.equal(await selectedSource(page), "Another example");
  assert.deepEqual(errors, []);
  await page.close();
});

test("ids are made from titles, unique, and stay as they are once typed by hand or opened from a file", async () => {
  const { page, errors } = await openAuthoring();
  const id = (holder) => fieldFor(page, holder ? `${holder}.id` : "id").inputValue();
  await fieldFor(page, "title").fill("Ward QI: 2026");
  await fieldFor(page, "components[0].title").fill("R\u00e9unions d\u2019\u00e9quipe");
  await fieldFor(page, "components[0].items[0].title").fill("A regular huddle");
  assert.deepEqual([await id(""), await id("components[0]"), await id("components[0].items[0]")], ["ward-qi-2026", "reunions-d-equipe", "a-regular-huddle"]);
  const idField = fieldFor(page, "components[0].items[0].id");
  assert.match(await page.locator(`#${await idField.getAttribute("aria-describedby")}`).textContent(),
    /Made from the title until you change it here\. A matrix opened from a file keeps its ids, as answers are saved under them\.$/);
  // Titles used twice: the second id takes "-2" (item ids are unique across the matrix).
  await page.getByRole("button", { name: "Add a component" }).click();
  await fieldFor(page, "components[1].title").fill("R\u00e9unions d\u2019\u00e9quipe");
  await fieldFor(page, "components[1].items[0].title").fill("A regular huddle");
  assert.deepEqual([await id("components[1]"), await id("components[1].items[0]")], ["reunions-d-equipe-2", "a-regular-huddle-2"]);
  await page.locator("#check-status", { hasText: "No problems: 2 components, 2 items" }).waitFor();
  // Typed by hand, an id is the editor's: its title no longer moves it. (The component,
  // finished, folded away when the form was drawn anew for the new one.)
  await foldOf(page, "components[0]").click();
  await foldOf(page, "components[0].items[0]").click();
  await idField.fill("huddle-routine");
  await fieldFor(page, "components[0].items[0].title").fill("A daily huddle");
  assert.equal(await id("components[0].items[0]"), "huddle-routine");
  // Through the JSON text and back, ids still follow their titles, except one changed there.
  await page.getByRole("radio", { name: "JSON text" }).check();
  await page.locator("#source").fill((await page.locator("#source").inputValue()).replace('"id": "a-regular-huddle-2"', '"id": "second-huddle"'));
  await page.getByRole("radio", { name: "A form" }).check();
  await foldOf(page, "components[1]").click();
  await fieldFor(page, "components[1].title").fill("Learning");
  await foldOf(page, "components[1].items[0]").click();
  await fieldFor(page, "components[1].items[0].title").fill("Sharing what worked");
  assert.deepEqual([await id("components[1]"), await id("components[1].items[0]")], ["learning", "second-huddle"]);

  // A matrix opened from a file may be in use: none of its ids follow a title.
  await page.locator("#open").setInputFiles({ name: "ward-qi.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(workedExample)) });
  await page.locator("#start-message", { hasText: "Opened ward-qi.json." }).waitFor();
  await fieldFor(page, "title").fill("Ward improvement, revised");
  await foldOf(page, "components[0]").click();
  await fieldFor(page, "components[0].title").fill("Huddles, revised");
  await foldOf(page, "components[0].items[0]").click();
  await fieldFor(page, "components[0].items[0].title").fill("A huddle, revised");
  assert.deepEqual([await id(""), await id("components[0]"), await id("components[0].items[0]")], ["ward-qi", "huddles", "huddle-routine"]);
  // Nor does the built-in matrix's.
  await page.getByRole("button", { name: "Start from the NHS IMPACT matrix" }).click();
  const builtinId = await id("components[0]");
  await foldOf(page, "components[0]").click();
  await fieldFor(page, "components[0].title").fill("Purpose, revised");
  assert.equal(await id("components[0]"), builtinId);
  assert.deepEqual(errors, []);
  await page.close();
});

test("finished components and items fold to their headings, so 3 components of 5 items make a short page; headings open them by keyboard", async () => {
  const { page, errors } = await openAuthoring();
  const rows = ["Component\tItem\tLow\tMiddle\tHigh\tHow to move up from Low\tHow to move up from Middle"];
  for (let c = 1; c <= 3; c++) {
    for (let i = 1; i <= 5; i++) {
      rows.push([`Component ${c}`, `Item ${c}.${i}`, "Rarely, in a few teams.", "Often, in most teams.", "Always, everywhere.",
        "Start in one team and share what happens.", "Make it part of every team\u2019s routine."].join("\t"));
    }
  }
  await page.locator("#csv-text").fill(rows.join("\n"));
  await page.getByRole("button", { name: "Read the pasted rows" }).click();
  await page.getByRole("button", { name: "Create the matrix from these rows" }).click();
  await page.locator("#check-status", { hasText: "No problems: 3 components, 15 items, 3 levels." }).waitFor();
  const expanded = () => page.locator(".author-fold-button").evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-expanded")));
  assert.deepEqual(await expanded(), Array(3 + 15).fill("false"));
  const height = () => page.locator("#form-mode").evaluate((form) => Math.round(form.getBoundingClientRect().height));
  const folded = await height();
  assert.ok(folded < 6000, `folded, the form is ${folded} px`);

  // For a screen reader: a heading holding a button that says whether it is open, in a group
  // the heading names. By keyboard: Enter opens it, and what it holds comes next in the tab order.
  const component = "Component 2: Component 2";
  assert.equal(await page.getByRole("heading", { level: 4, name: component }).getByRole("button", { name: component, expanded: false }).getAttribute("aria-controls"), "group-components-1-fields");
  assert.ok(await page.getByRole("group", { name: component }).isVisible());
  await tabTo(page, "#group-components-1 > .author-fold-head .author-fold-button");
  await page.keyboard.press("Enter");
  const name = "Component 2, item 3: Item 2.3";
  assert.equal(await page.getByRole("heading", { level: 5, name }).getByRole("button", { name, expanded: false }).getAttribute("aria-controls"), "group-components-1-items-2-fields");
  await tabTo(page, "#group-components-1-items-2 .author-fold-button");
  await page.keyboard.press("Enter");
  assert.equal(await foldOf(page, "components[1].items[2]").getAttribute("aria-expanded"), "true");
  await tabTo(page, '[data-path="components[1].items[2].title"]');
  assert.equal(await fieldFor(page, "components[1].items[2].title").inputValue(), "Item 2.3");
  await tabTo(page, "#group-components-1-items-2 .author-fold-button", { back: true });
  await page.keyboard.press("Space");
  assert.equal(await fieldFor(page, "components[1].items[2].title").isVisible(), false);

  // A new item opens, and stays open while it is written; once finished, it folds the next
  // time the form is drawn anew. What the editor opened stays open.
  await foldOf(page, "components[0]").click();
  await page.getByRole("button", { name: "Add an item to component 1" }).click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "components[0].items[5].title");
  await page.keyboard.type("Item 1.6");
  assert.equal(await foldOf(page, "components[0].items[5]").getAttribute("aria-expanded"), "true");
  await page.getByRole("button", { name: "Add an item to component 2" }).click();
  assert.deepEqual([await foldOf(page, "components[0].items[5]").getAttribute("aria-expanded"), await foldOf(page, "components[1].items[5]").getAttribute("aria-expanded")], ["false", "true"]);
  await page.getByRole("button", { name: "Remove item 6 of component 2" }).click();

  // A level added leaves every described item something to fix: drawn anew, they open; the one
  // the editor folded stays folded, saying what is to fix, and its problem's link opens it.
  await page.getByRole("button", { name: "Add a level" }).click();
  await fieldFor(page, "scale.levels[3].label").fill("Leading");
  assert.deepEqual((await expanded()).filter((state) => state === "false").length, 2, "item 1.6, undescribed, and item 2.3; every component");
  assert.equal(await foldOf(page, "components[1].items[2]").textContent(), "Component 2, item 3: Item 2.3 (2 things to fix)");
  await page.getByRole("link", { name: "Component 2, item 3: the description of level 4 (Leading) is missing" }).click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "components[1].items[2].levels[3]");
  assert.equal(await foldOf(page, "components[1].items[2]").getAttribute("aria-expanded"), "true");
  const opened = await height();
  assert.ok(opened > 2 * folded, `opened, the form is ${opened} px; folded, it was ${folded} px`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the draft survives a reload, says so, and can be discarded and brought back; no cookies", async () => {
  const { page, errors } = await openAuthoring();
  const kept = () => page.evaluate(() => localStorage.getItem("maturity-matrix-authoring:draft"));
  const note = page.locator("#draft-note");
  // The template as it comes is no draft.
  assert.equal(await kept(), null);
  assert.equal(await note.textContent(), "");
  await fieldFor(page, "components[0].title").fill("Daily huddles");
  await fieldFor(page, "components[0].items[0].id").fill("huddle-routine");
  await fieldFor(page, "components[0].items[0].title").fill("A regular huddle");
  const keptAt = JSON.parse(await kept()).savedAt;
  await page.reload();
  await note.locator("p", { hasText: "Draft restored" }).waitFor();
  assert.equal(JSON.parse(await kept()).savedAt, keptAt, "restoring is no change");
  assert.match(await note.locator("p").textContent(),
    /^Draft restored: the matrix you were writing in this browser, last changed \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}\. It is kept here as you work, until you discard it\.$/);
  assert.equal(await fieldFor(page, "components[0].title").inputValue(), "Daily huddles");
  // Which ids follow their titles is kept with it.
  await foldOf(page, "components[0]").click();
  await fieldFor(page, "components[0].title").fill("Huddles");
  await foldOf(page, "components[0].items[0]").click();
  await fieldFor(page, "components[0].items[0].title").fill("A daily huddle");
  assert.deepEqual([await fieldFor(page, "components[0].id").inputValue(), await fieldFor(page, "components[0].items[0].id").inputValue()], ["huddles", "huddle-routine"]);

  // JSON text that cannot be read yet comes back as it was typed, in the JSON mode.
  await page.getByRole("radio", { name: "JSON text" }).check();
  const source = page.locator("#source");
  const typed = (await source.inputValue()).replace(/\}\s*$/, "");
  await source.fill(typed);
  await page.reload();
  await note.locator("p", { hasText: "Draft restored" }).waitFor();
  assert.equal(await page.getByRole("radio", { name: "JSON text" }).isChecked(), true);
  assert.equal(await source.inputValue(), typed);

  // Discarded: the template again, nothing kept; until the page is left, it can be brought back.
  await page.getByRole("button", { name: "Discard the draft and start from the template" }).click();
  await note.locator("p", { hasText: "Draft discarded: the template is being edited again." }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Bring the draft back");
  assert.equal(JSON.parse(await source.inputValue()).title, "Our local improvement matrix");
  assert.equal(await kept(), null);
  await page.getByRole("button", { name: "Bring the draft back" }).click();
  assert.equal(await source.inputValue(), typed);
  assert.equal(JSON.parse(await kept()).text, typed);
  await page.getByRole("button", { name: "Start from the template" }).click();
  await page.reload();
  await page.locator("#check-status", { hasText: "No problems" }).waitFor();
  assert.equal(await note.textContent(), "");

  assert.equal(await page.evaluate(() => document.cookie), "");
  assert.deepEqual(await env.browser.context.cookies(), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("axe finds nothing on the authoring page, in both modes, with items folded and a draft restored, at 320 and 1280 px", async () => {
  for (const width of [320, 1280]) {
    const { page } = await openAuthoring({ width });
    // Problems shown, so their markup is checked too.
    await page.locator('[data-path="components[0].items[0].title"]').fill("");
    await page.locator("#check-status", { hasText: "1 problem" }).waitFor();
    await page.locator("#csv-text").fill("Component,Item,Low,High\nA,,x,y");
    await page.getByRole("button", { name: "Read the pasted rows" }).click();
    await page.locator("#csv-result li").waitFor();
    // Example wording still in place, and a folded item saying what is to fix inside, too.
    await page.locator("#check .author-wording li").first().waitFor();
    await foldOf(page, "components[0].items[0]").click();
    assert.deepEqual((await axeViolations(page, axeSource)).violations, [], `form mode at ${width} px`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(sideways, 0, `no sideways scrolling at ${width} px`);
    await page.getByRole("radio", { name: "JSON text" }).check();
    await page.locator("#source").waitFor();
    assert.deepEqual((await axeViolations(page, axeSource)).violations, [], `JSON mode at ${width} px`);
    // And the note about the draft kept in this browser.
    await page.reload();
    await page.locator("#draft-note p", { hasText: "Draft restored" }).waitFor();
    assert.deepEqual((await axeViolations(page, axeSource)).violations, [], `with a draft restored at ${width} px`);
    await page.close();
  }
});

test("the demo's authoring page opened from the source folder (file://) says why it cannot start, rather than being a dead page", async () => {
  const page = await env.browser.context.newPage();
  await page.goto(pathToFileURL(path.join(repo, "www/author.html")).href);
  const alert = page.getByRole("alert");
  assert.match(await alert.textContent(), /open the\s+author\.html that comes in the release zip instead/);
  assert.ok(await alert.isVisible());
  await page.close();
});
