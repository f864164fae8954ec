// The board paper as a secretary hands it on: as a Word file for the trust's own template, read
// back by an independent reader (python-docx) and checked against the oracle's figures and the
// paper on the page; on the clipboard as HTML and text, by the clipboard interface or the older
// copy command; and printed, with a running header on every page, the profile chart on the page
// of its summary, headings kept with what they introduce, and white paper whatever the host
// page's background. The Word writer stays out of the rater's build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDemo, repo, withDemo, www } from "../support/browser.mjs";
import { openView, rate } from "../support/widget.mjs";

const env = withDemo();

const ORGANISATION = "Northfield Community Health NHS Trust";
const MEETING = "Board of Directors (public)";
const RUNNING_HEADER = `${ORGANISATION} · ${MEETING}, 14 January 2027 · Agenda item 7.2`;

/** A paper as a board tables it: named, some items rated, three priorities with an owner and
 * one action under way, and every field of the cover sheet filled in. Ends on the paper. */
async function tabledPaper(widget) {
  await widget.getByLabel("Name of this assessment").fill("Board self-assessment, winter 2026");
  await widget.getByLabel("Organisation").fill(ORGANISATION);
  for (const [id, label] of [
    ["purpose-created", "Developing"], ["purpose-lived", "Emerging"], ["purpose-aligned", "Leading"],
    ["culture-codesign", "Embedding"], ["leaders-data", "Not yet started"], ["capability-method", "Don't know"],
    ["systems-daily", "Emerging"],
  ]) await rate(widget, id, label);
  await openView(widget, "plan");
  await widget.getByRole("button", { name: "Make these the priorities" }).click();
  const first = widget.locator(".mm-plan__entry").first();
  await first.getByLabel(/^Action/).fill("Board development session on learning from data");
  await first.getByLabel(/^Owner/).fill("Medical Director");
  const item = await first.getAttribute("data-plan-item");
  await openView(widget, "progress");
  await widget.locator(`[data-progress-item="${item}"]`).getByLabel(/^Status/).selectOption("inProgress");
  await openView(widget, "paper");
  await widget.getByText("Cover sheet: meeting, date, agenda item, author, purpose").click();
  await widget.getByLabel("Meeting", { exact: true }).fill(MEETING);
  const date = widget.getByRole("group", { name: "Date of the meeting" });
  await date.getByLabel("Day").fill("14");
  await date.getByLabel("Month").fill("1");
  await date.getByLabel("Year").fill("2027");
  await widget.getByLabel("Agenda item", { exact: true }).fill("7.2");
  await widget.getByLabel("Author", { exact: true }).fill("Jo Bloggs, Head of Quality Improvement");
  await widget.getByLabel("Executive lead", { exact: true }).fill("Dr Sam Patel, Chief Medical Officer");
  await widget.getByLabel("Purpose of the paper").fill(
    "To present the board's self-assessment of improvement maturity against the five components, the gaps it shows, "
    + "and the priorities proposed for the coming year. Each member rated privately; the board agreed its view together.");
  await widget.getByLabel(/^The Board is asked to/).fill("Note the self-assessment and approve the three priorities.");
  await widget.locator(".mm-paper__running", { hasText: RUNNING_HEADER }).waitFor({ state: "attached" });
}

/** The text of each page of a PDF, as pdftotext lays it out. */
function pdfPages(pdf) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "mm-paper-")), "paper.pdf");
  writeFileSync(file, pdf);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))[1]);
  return Array.from({ length: count }, (_, n) =>
    execFileSync("pdftotext", ["-layout", "-f", String(n + 1), "-l", String(n + 1), file, "-"], { encoding: "utf8" }));
}

test("printed, the paper has a running header on every page, its profile beside its summary, headings with their tables, and white paper", async () => {
  const { page, errors, widget } = await openDemo(env);
  // A host page that transforms its content column (as some layouts do), which would pin a
  // fixed header to the first page, and whose grey background would print after the paper.
  await page.evaluate(() => document.querySelector("main").style.setProperty("transform", "translateX(0)"));
  await tabledPaper(widget);

  await page.emulateMedia({ media: "print" });
  const layout = await widget.locator(".mm-paper").evaluate((paper) => {
    const style = (element) => getComputedStyle(element);
    const profile = paper.querySelector(".mm-paper__profile");
    const heading = [...paper.querySelectorAll("h2, h3, h4, h5, h6")].find((h) => h.textContent === "Progress on actions");
    const running = paper.querySelector(".mm-paper__running");
    return {
      running: { text: running.textContent, display: style(running).display, position: style(running).position },
      profile: {
        breakInside: style(profile).breakInside,
        holds: [
          profile.querySelector("h2, h3, h4, h5, h6")?.textContent,
          profile.querySelector("p")?.textContent.startsWith("7 of 20 items answered."),
          Boolean(profile.querySelector("svg.mm-radar__svg")),
        ],
      },
      progress: {
        section: style(heading.closest("section")).breakInside,
        heading: style(heading).breakAfter,
        sentence: style(heading.nextElementSibling).breakAfter,
        then: heading.nextElementSibling.nextElementSibling.querySelector("table") !== null,
      },
    };
  });
  assert.deepEqual(layout.running, { text: RUNNING_HEADER, display: "block", position: "fixed" });
  assert.deepEqual(layout.profile, { breakInside: "avoid", holds: ["Summary and profile", true, true] }, "the heading, the summary and its chart in one unbroken block");
  assert.deepEqual(layout.progress, { section: "avoid", heading: "avoid", sentence: "avoid", then: true }, "no break between the heading, its sentence and the progress table");

  // Printing fires beforeprint, which sets the host page aside, background included.
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  const backgrounds = await page.evaluate(() => [document.documentElement, document.body, document.querySelector("main")].map((e) => getComputedStyle(e).backgroundColor));
  assert.deepEqual(backgrounds, ["rgb(255, 255, 255)", "rgb(255, 255, 255)", "rgb(255, 255, 255)"], "white paper behind the paper");
  const pages = pdfPages(await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true }));
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  await page.emulateMedia({ media: "screen" });

  assert.ok(pages.length >= 3, `a paper of several pages (${pages.length})`);
  pages.forEach((text, n) => {
    assert.equal(text.trim().split("\n")[0].trim(), RUNNING_HEADER, `page ${n + 1} starts with the running header`);
  });
  // The first page holds the whole cover sheet and, under it, the summary with its chart.
  assert.match(pages[0], /The Board is asked to/);
  assert.match(pages[0], /Summary and profile\s+7 of 20 items answered/);
  assert.match(pages[0], /Investing in/, "the chart's labels on the first page");
  assert.match(pages[0], /The centre is 1 Not yet started/, "and the note under the chart");
  const progress = pages.find((text) => text.includes("Progress on actions"));
  assert.match(progress, /Progress on actions[\s\S]*Latest progress[\s\S]*Board development session on learning from data/, "the progress table on the page of its heading");
  // Back on screen the host page's background returns.
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(240, 244, 245)");
  assert.deepEqual(errors, []);
  await page.close();
});

/** What the paper on the page shows, as a document keeps it: its headings (a table's shown
 * caption is one) and its tables (the cover sheet's facts are one), each cell's text laid out
 * line by line. Screen-reader-only captions and the print-only header are not shown. */
function shownPaper(widget) {
  return widget.locator(".mm-paper").evaluate((paper) => {
    const text = (element) => element.innerText.split("\n").map((line) => line.trim()).join("\n").trim();
    const shown = (element) => !element.closest(".mm-visually-hidden, .mm-paper__running");
    const headings = [...paper.querySelectorAll("h2, h3, h4, h5, h6, caption")].filter(shown).map(text);
    const tables = [...paper.querySelectorAll("table, dl")].map((table) => table.localName === "dl"
      ? [...table.querySelectorAll("dt")].map((term) => [text(term), text(term.nextElementSibling)])
      : [...table.querySelectorAll("tr")].map((row) => [...row.cells].map(text)));
    return { headings, tables };
  });
}

/** The page's answers, as the widget saved them. */
const savedResponse = (page) => page.evaluate(() => localStorage.getItem("maturity-matrix:nhs-impact:default:response"));

test("the paper downloads as a Word file that python-docx reads back: Word's headings, every table as the page shows it, the oracle's figures, the chart", async () => {
  const { page, errors, widget } = await openDemo(env);
  await tabledPaper(widget);
  const download = page.waitForEvent("download");
  await widget.getByRole("button", { name: "Download as Word (.docx)" }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), "Board-self-assessment--winter-2026.docx");
  await widget.getByRole("status").filter({ hasText: "Downloaded Board-self-assessment--winter-2026.docx: open it in Word" }).waitFor();

  const folder = mkdtempSync(path.join(tmpdir(), "mm-docx-"));
  const [paper, response, read] = ["paper.docx", "response.json", "read.json"].map((name) => path.join(folder, name));
  writeFileSync(paper, readFileSync(await file.path()));
  writeFileSync(response, await savedResponse(page));
  const readBack = (answers) => spawnSync(path.join(repo, "tests/.venv/bin/python"), [
    path.join(repo, "tests/oracle/read_docx.py"), paper,
    "--instrument", path.join(repo, "core/instruments/nhs-impact.json"), "--response", answers, "--read", read,
  ], { encoding: "utf8" });
  // The reader checks every figure against the oracle, line by line.
  const reader = readBack(response);
  assert.equal(reader.status, 0, `${reader.stdout}${reader.stderr}`);
  assert.match(reader.stdout, /\n19 passed, 0 failed\n$/);
  // It can fail: against answers with one rating changed, the scores and that rating differ.
  const changed = JSON.parse(readFileSync(response, "utf8"));
  changed.answers["purpose-created"].level = 4;
  const other = path.join(folder, "changed.json");
  writeFileSync(other, JSON.stringify(changed));
  const refused = readBack(other);
  assert.equal(refused.status, 1);
  assert.match(refused.stdout, /FAIL every component's score, band and count, and the overall figure, are the oracle's/);
  assert.match(refused.stdout, /FAIL Building a shared purpose and vision: each item's rating and notes/);

  // And what it read is the paper the page shows: the same headings, the same cells.
  const document = JSON.parse(readFileSync(read, "utf8"));
  const shown = await shownPaper(widget);
  const headings = document.blocks.filter((b) => /^Heading \d$/.test(b.style)).map((b) => b.text);
  assert.deepEqual(headings, shown.headings);
  assert.deepEqual(document.blocks.filter((b) => b.table).map((b) => b.table), shown.tables);
  assert.equal(document.header, RUNNING_HEADER);

  // A browser that will not hand the chart over as a PNG: the file comes all the same, saying
  // where the chart's figures are, and so does the line under the buttons.
  await page.evaluate(() => {
    HTMLCanvasElement.prototype.toBlob = function (callback) { callback(null); };
  });
  const again = page.waitForEvent("download");
  await widget.getByRole("button", { name: "Download as Word (.docx)" }).click();
  writeFileSync(paper, readFileSync(await (await again).path()));
  await widget.getByRole("status").filter({ hasText: "The chart could not be drawn in this browser, so the file says so where it would be." }).waitFor();
  readBack(response);
  const without = JSON.parse(readFileSync(read, "utf8")).blocks;
  assert.equal(without.filter((b) => b.picture).length, 0);
  const summary = without.findIndex((b) => b.text?.startsWith("7 of 20 items answered."));
  assert.equal(without[summary + 1].text, "The profile chart could not be drawn in this browser: the table \u201cScore by component\u201d gives its figures.");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Copy the paper puts its headings and tables on the clipboard as HTML, with text beside it, by the clipboard interface or else the copy command", async () => {
  const { page, errors, widget } = await openDemo(env);
  await env.browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
  await tabledPaper(widget);
  const shown = await shownPaper(widget);
  const clipboard = () => page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const html = await (await item.getType("text/html")).text();
    const text = await (await item.getType("text/plain")).text();
    const pasted = new DOMParser().parseFromString(html, "text/html");
    const cell = (element) => element.innerHTML.split("<br>").map((line) => new DOMParser().parseFromString(line, "text/html").body.textContent).join("\n");
    return {
      title: pasted.querySelector("h1")?.textContent,
      headings: [...pasted.querySelectorAll("h2, h3")].map((h) => h.textContent),
      tables: [...pasted.querySelectorAll("table")].map((table) => [...table.rows].map((row) => [...row.cells].map(cell))),
      pictures: pasted.querySelectorAll("img").length,
      text,
    };
  });
  const copy = widget.getByRole("button", { name: "Copy the paper" });
  const status = widget.getByRole("status").filter({ hasText: /clipboard|copy/ });

  await copy.click();
  await status.filter({ hasText: /^The paper is on the clipboard: paste it into Word or an email/ }).waitFor();
  const written = await clipboard();
  assert.equal(written.title, "Board self-assessment, winter 2026");
  assert.deepEqual(written.headings, shown.headings);
  assert.deepEqual(written.tables, shown.tables);
  assert.equal(written.pictures, 0, "the chart travels in the Word file, not pasted HTML");
  assert.match(written.text, /^Board self-assessment, winter 2026\n\nMeeting\tBoard of Directors \(public\)\n/);
  assert.match(written.text, /\nComponent\tScore\tBand\tAnswered\nBuilding a shared purpose and vision\t3\.33\tDeveloping\t3 of 4\n/);

  // A browser without ClipboardItem: the copy command carries both forms instead.
  await page.evaluate(async () => {
    await navigator.clipboard.writeText("");
    delete window.ClipboardItem;
  });
  await copy.click();
  await status.filter({ hasText: /^The paper is on the clipboard \(copied the older way this browser offers\)/ }).waitFor();
  const commanded = await clipboard();
  assert.deepEqual([commanded.title, commanded.headings, commanded.tables], [written.title, written.headings, written.tables]);
  assert.equal(commanded.text, written.text);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the Word writer, the canvas drawing and the clipboard are in the board's build only", () => {
  const wasm = (name) => readFileSync(path.join(www, "dist", name)).toString("latin1");
  for (const words of ["wordprocessingml", "Download as Word", "Copy the paper", "ClipboardItem"]) {
    assert.ok(wasm("maturity-matrix-board.wasm").includes(words) || readFileSync(path.join(www, "dist/maturity-matrix-board.js"), "utf8").includes(words), `the board's build has ${words}`);
    assert.ok(!wasm("maturity-matrix.wasm").includes(words) && !readFileSync(path.join(www, "dist/maturity-matrix-rater.js"), "utf8").includes(words), `the rater's build has no ${words}`);
  }
});
