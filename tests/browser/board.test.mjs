// Board mode end to end: import five respondents (and bad files, rejected one by one), check
// the distribution and the disagreement list against the core, agree levels and see the action
// plan follow, rate in turns on one device, compare two dated assessments, and share by link.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { createRequire } from "node:module";
import { openDemo, withDemo } from "../support/browser.mjs";
import { writeFiles } from "../support/files.mjs";
import { axeViolations, focused, item, openView, option, overall, rate, focusLandsOn } from "../support/widget.mjs";

const env = withDemo();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Five board members' responses: they agree on most items and split sharply on two. */
function respondents() {
  const names = ["Chair", "Chief Executive", "Medical Director", "Chief Nurse", "Non-executive"];
  const base = { "purpose-created": 3, "purpose-lived": 2, "culture-codesign": 3, "leaders-data": 2, "capability-method": 4 };
  return names.map((name, i) => {
    const answers = {};
    for (const [id, level] of Object.entries(base)) answers[id] = { level };
    answers["purpose-lived"] = { level: [1, 1, 5, 4, 5][i], notes: `${name}: ${["no evidence", "only in papers", "we see it daily", "wards talk about it", "visits show it"][i]}` };
    answers["leaders-data"] = { level: [2, 4, 1, 2, 2][i] };
    if (i === 4) answers["capability-method"] = { special: "dontKnow" };
    return { formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" }, respondent: { name, role: "Board member" }, answers };
  });
}


test("import five respondents; bad files are rejected one by one; the board view matches the core", async () => {
  const { page, errors, widget } = await openDemo(env);
  const responses = respondents();
  await openView(widget, "board");
  const files = writeFiles([
    ...responses.map((r, i) => [`member-${i + 1}.json`, r]),
    ["broken.json", "{ not json"],
    ["other-matrix.json", { formatVersion: 1, instrument: { id: "another", version: "1" }, answers: {} }],
  ]);
  await widget.locator("input[type=file][multiple]").setInputFiles(files);
  const messages = widget.locator(".mm-board__messages li");
  await messages.first().waitFor();
  const said = await messages.allTextContents();
  assert.equal(said[0], "5 responses added.");
  assert.ok(said.some((m) => m.startsWith("broken.json was not added.") && /not a readable data \(JSON\) file/.test(m)), said.join("\n"));
  assert.ok(said.some((m) => m.startsWith("other-matrix.json was not added.") && m.includes("instrument.id")), said.join("\n"));
  assert.equal(await widget.locator(".mm-library__entry").count(), 5);
  // While collecting, nobody's ratings are on screen.
  assert.equal(await widget.locator(".mm-prompt, .mm-distribution").count(), 0);

  await widget.getByRole("button", { name: "Open the board view (facilitator)" }).click();
  await focusLandsOn(page, /^5 respondents\./, "focus moves to the board's summary");
  const expected = await page.evaluate(async (responses) => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init();
    return api.aggregate(api.builtinInstrument("nhs-impact"), responses, 2);
  }, responses);
  const summary = widget.locator(".mm-summary");
  assert.equal(await summary.getAttribute("data-respondents"), "5");
  const flagged = expected.discussionOrder.filter((id) => expected.items.find((i) => i.id === id).disagreement);
  assert.deepEqual(flagged, ["purpose-lived", "leaders-data"], "the core flags the two split items, widest first");
  assert.deepEqual(await widget.locator("[data-discuss]").evaluateAll((els) => els.map((e) => e.dataset.discuss)), flagged);
  // Distribution text for the most disputed item, and everyone's notes side by side, names hidden.
  const first = widget.locator('[data-discuss="purpose-lived"]');
  assert.equal(await first.locator(".mm-distribution__text").textContent(), "Not yet started 2 · Embedding 1 · Leading 2");
  assert.match(await first.textContent(), new RegExp(`Median ${expected.items.find((i) => i.id === "purpose-lived").median.toFixed(2)}`));
  const rows = first.locator("tbody tr");
  assert.equal(await rows.count(), 5);
  assert.deepEqual(await rows.nth(2).locator("th, td").allTextContents(), ["Respondent 3", "Leading", "Medical Director: we see it daily"]);
  await widget.getByLabel("Show names beside ratings").check();
  assert.equal(await rows.nth(2).locator("th").textContent(), "Medical Director");
  // Every item's and component's figures against the core's: the native render tests.
  // A looser threshold flags fewer items.
  await widget.getByLabel(/at least this many levels apart/).selectOption("4");
  assert.equal(await summary.getAttribute("data-flagged"), "1");
  const { violations } = await axeViolations(page, axeSource);
  assert.deepEqual(violations, []);
  // In a 320 px column the board view fits without sideways scrolling.
  await page.setViewportSize({ width: 320, height: 800 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  assert.deepEqual((await axeViolations(page, axeSource)).violations, []);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The CSV of the board.
  const download = page.waitForEvent("download");
  await widget.getByRole("button", { name: "Download the board's ratings (CSV)" }).click();
  const csv = readFileSync(await (await download).path(), "utf8");
  assert.equal(csv.trim().split("\r\n").length, 21);

  // Agree: the record starts from the medians and is an assessment like any other.
  await widget.getByRole("button", { name: "Start the agreed record from the medians" }).click();
  await widget.locator("article[data-view=assess]").waitFor();
  await rate(widget, "purpose-lived", "Developing");
  await item(widget, "purpose-lived").getByLabel(/Evidence and notes/).fill("Agreed: visible in some wards, not yet across the trust");
  await openView(widget, "plan");
  const plan = await page.evaluate(async () => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init();
    const key = Object.keys(localStorage).find((k) => k.startsWith("maturity-matrix:nhs-impact:default:response:"));
    return api.actionPlan(api.builtinInstrument("nhs-impact"), JSON.parse(localStorage.getItem(key)));
  });
  // Priorities (none chosen yet) and the rest, in the plan's order.
  assert.deepEqual(await widget.locator("[data-plan-item]").evaluateAll((els) => els.map((e) => e.dataset.planItem)), plan.map((e) => e.itemId));
  assert.ok(plan.some((e) => e.itemId === "purpose-lived" && e.current.label === "Developing"));
  // Back in the board view the agreed level shows beside the discussion.
  await openView(widget, "board");
  await widget.getByRole("button", { name: "Open the board view (facilitator)" }).click();
  assert.match(await widget.locator('[data-discuss="purpose-lived"]').textContent(), /agreed: Developing/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("respondents take turns on one device without seeing each other's answers", async () => {
  const { page, errors, widget } = await openDemo(env);
  await openView(widget, "board");
  for (const [name, level] of [["Alex", "Emerging"], ["Sam", "Leading"]]) {
    await widget.getByLabel(/name of the next person/).fill(name);
    await widget.getByRole("button", { name: "Start their rating" }).click();
    await widget.locator(".mm-turn").waitFor();
    assert.match(await widget.locator(".mm-turn .mm-privacy").textContent(), new RegExp(`Rating by ${name}`));
    await option(widget, "purpose-created", level).click();
    await widget.getByRole("button", { name: "Finish and hand over" }).last().click();
    await widget.locator(".mm-board__messages", { hasText: "Hand the device to the next person" }).waitFor();
    await focusLandsOn(page, /Hand the device to the next person/, "focus lands on what happened");
    // The hand-over screen lists who has rated, never what they said.
    assert.equal(await widget.locator(".mm-prompt, .mm-distribution, .mm-turn").count(), 0);
  }
  assert.deepEqual(await widget.locator(".mm-library__name").allTextContents(), ["Alex", "Sam"]);
  // Nothing of theirs went into the open assessment.
  assert.equal(await page.evaluate(() => localStorage.getItem("maturity-matrix:nhs-impact:default:response")), null);
  await widget.getByRole("button", { name: "Open the board view (facilitator)" }).click();
  assert.equal(await widget.locator('tr[data-board-item="purpose-created"] td').nth(2).textContent(), "3");
  // The board survives a reload.
  await page.reload();
  await openView(widget, "board");
  assert.equal(await widget.locator(".mm-library__entry").count(), 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test("two dated assessments compare: both profiles overlaid, improved, declined and unchanged items", async () => {
  const { page, errors, widget } = await openDemo(env);
  await widget.getByLabel("Name of this assessment").fill("Baseline 2026");
  for (const [id, level] of [["purpose-created", "Emerging"], ["purpose-lived", "Embedding"], ["culture-codesign", "Developing"]]) await rate(widget, id, level);
  await openView(widget, "start");
  await widget.getByRole("button", { name: "Duplicate Baseline 2026" }).click();
  await widget.getByRole("button", { name: "Open Copy of Baseline 2026" }).click();
  await rate(widget, "purpose-created", "Embedding");
  await rate(widget, "purpose-lived", "Emerging");
  await openView(widget, "results");
  await widget.getByLabel("Compare with").selectOption({ index: 1 });
  const summary = widget.locator(".mm-compare .mm-summary");
  assert.match(await summary.textContent(), /1 item improved, 1 declined, 1 unchanged/);
  assert.equal(await widget.locator(".mm-compare svg .mm-radar__profile").count(), 2, "both profiles drawn");
  assert.deepEqual(await widget.locator(".mm-compare .mm-radar__key").allTextContents(), [await widget.locator(".mm-compare .mm-radar__key").first().textContent(), "This assessment"]);
  assert.match(await widget.locator(".mm-change--improved").textContent(), /How the vision was created: Emerging → Embedding/);
  assert.match(await widget.locator(".mm-change--declined").textContent(), /The vision in daily work: Embedding → Emerging/);
  const purpose = await widget.locator('tr[data-compare-component="purpose"] td').allTextContents();
  assert.deepEqual(purpose, ["3.00", "3.00", "0.00"]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("share by link: the answers ride in the fragment; opening shows them read-only; save a copy; damaged links explain", async () => {
  const { page, errors, widget } = await openDemo(env);
  const requests = [];
  await widget.getByLabel("Name of this assessment").fill("Shared view");
  await rate(widget, "purpose-created", "Leading");
  await item(widget, "purpose-created").getByLabel(/Evidence and notes/).fill("Vision co-written with 300 staff");
  await openView(widget, "results");
  await widget.getByRole("button", { name: "Make a share link" }).click();
  const link = await widget.getByLabel("Share link").inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#maturity-matrix=1\.[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 2000, `a short response gives a short link (${link.length})`);

  // Someone else opens it: a fresh browser context, nothing saved.
  const reader = await env.browser.context.newPage();
  await reader.goto(new URL("favicon.svg", env.server.url).href);
  await reader.evaluate(() => localStorage.clear());
  reader.on("request", (r) => requests.push(r.url()));
  await reader.goto(link);
  const shared = reader.locator("maturity-matrix article[data-view=shared]");
  await shared.locator(".mm-paper").waitFor();
  assert.match(await shared.locator(".mm-paper__title").textContent(), /Shared view/);
  assert.match(await shared.textContent(), /Vision co-written with 300 staff/);
  assert.deepEqual((await axeViolations(reader, axeSource)).violations, []);
  // Only the page's own files were fetched: the answers came from the link, not a server. A
  // share link is opened by whoever collects the answers: the board's build, straight away.
  for (const url of requests) assert.match(new URL(url).pathname, /^\/(|index\.html|demo\.css|favicon\.svg|dist\/maturity-matrix\.js|dist\/maturity-matrix-board\.(js|wasm))$/, url);
  await shared.getByRole("button", { name: "Save a copy" }).click();
  const restored = reader.locator("maturity-matrix article[data-view=results]");
  await restored.waitFor();
  assert.equal(await overall(reader.locator("maturity-matrix")).textContent(), "5.00");
  assert.equal(new URL(reader.url()).hash, "", "the link is taken out of the address");
  // A damaged link says so instead of showing nothing.
  await reader.goto(`${link.slice(0, -6)}!!!`);
  await reader.reload();
  const alert = reader.locator("maturity-matrix").getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be opened.*damaged/s);
  await reader.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test("share links that are too long, or for another instrument, say so", async () => {
  const { page, errors, widget } = await openDemo(env);
  // Twenty items of long, varied notes: too much for a link even compressed.
  await page.evaluate(async () => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init();
    const items = api.builtinInstrument("nhs-impact").components.flatMap((c) => c.items);
    let seed = 7;
    const noise = () => Array.from({ length: 600 }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join("");
    const answers = Object.fromEntries(items.map((item) => [item.id, { level: 3, notes: noise() }]));
    localStorage.setItem("maturity-matrix:nhs-impact:default:response", JSON.stringify({ formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" }, answers, updated: "2026-11-28T10:00:00Z" }));
    localStorage.setItem("maturity-matrix:nhs-impact:default:ui", JSON.stringify({ slot: 1, view: "results", component: 0 }));
  });
  await page.reload();
  await widget.getByRole("button", { name: "Make a share link" }).click();
  const refused = widget.locator(".mm-share").getByRole("alert");
  await refused.waitFor();
  assert.match(await refused.textContent(), /No link was made: the link would be \d+ characters long, more than browsers and email reliably carry \(8000\)\. Download the answers as a file instead\./);

  // A link holding answers for an instrument this page does not show.
  const foreign = JSON.stringify({ formatVersion: 1, instrument: { id: "board-improvement-leadership", version: "1.0.0" }, answers: {} });
  const fragment = `maturity-matrix=1.${deflateRawSync(Buffer.from(foreign)).toString("base64url")}`;
  await page.goto(`${env.server.url}#${fragment}`);
  await page.reload();
  const alert = widget.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be opened.*board-improvement-leadership.*instrument\.id/s);
  await widget.getByRole("button", { name: "Close" }).click();
  await widget.locator("article[data-view=results]").waitFor();
  assert.equal(new URL(page.url()).hash, "");
  assert.deepEqual(errors, []);
  await page.close();
});

test("response files dropped on the board are added like chosen ones", async () => {
  const { page, errors, widget } = await openDemo(env);
  await openView(widget, "board");
  await page.evaluate((response) => {
    const zone = document.querySelector("maturity-matrix").shadowRoot.querySelector(".mm-drop");
    const transfer = new DataTransfer();
    transfer.items.add(new File([JSON.stringify(response)], "chair.json", { type: "application/json" }));
    transfer.items.add(new File(["not json at all"], "notes.json", { type: "application/json" }));
    zone.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: transfer }));
    zone.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, respondents()[0]);
  const messages = widget.locator(".mm-board__messages li");
  await messages.first().waitFor();
  const said = await messages.allTextContents();
  assert.equal(said[0], "1 response added.");
  assert.match(said[1], /^notes\.json was not added\./);
  assert.deepEqual(await widget.locator(".mm-library__name").allTextContents(), ["Chair"]);
  assert.deepEqual(errors, []);
  await page.close();
});
