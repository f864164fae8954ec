// The board paper as a secretary hands it on: printed, with a running header on every page, the
// profile chart on the page of its summary, headings kept with what they introduce, and white
// paper whatever the host page's background.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDemo, withDemo } from "../support/browser.mjs";
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
        holds: [profile.querySelector("p")?.textContent.startsWith("7 of 20 items answered."), Boolean(profile.querySelector("svg.mm-radar__svg"))],
      },
      progress: { heading: style(heading).breakAfter, sentence: style(heading.nextElementSibling).breakAfter, then: heading.nextElementSibling.nextElementSibling.querySelector("table") !== null },
    };
  });
  assert.deepEqual(layout.running, { text: RUNNING_HEADER, display: "block", position: "fixed" });
  assert.deepEqual(layout.profile, { breakInside: "avoid", holds: [true, true] }, "the summary and its chart in one unbroken block");
  assert.deepEqual(layout.progress, { heading: "avoid", sentence: "avoid", then: true }, "no break between the heading, its sentence and the progress table");

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
