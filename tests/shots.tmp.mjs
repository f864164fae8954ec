import { openDemo, withDemo } from "./support/browser.mjs";
import { item, openView, rate } from "./support/widget.mjs";
import { test } from "node:test";
import { writeFileSync, mkdtempSync } from "node:fs";
import path from "node:path"; import { tmpdir } from "node:os";
const env = withDemo();
test("shots", async () => {
  const { page, widget } = await openDemo(env);
  await widget.getByLabel("Name of this assessment").fill("Board self-assessment, winter 2026");
  await widget.getByLabel("Organisation").fill("Northfield Community Health NHS Trust");
  for (const [id, l] of [["purpose-created", "Developing"], ["purpose-lived", "Emerging"], ["purpose-aligned", "Leading"], ["culture-codesign", "Embedding"], ["leaders-data", "Not yet started"], ["capability-method", "Don't know"], ["systems-daily", "Emerging"]]) await rate(widget, id, l);
  await item(widget, "systems-daily").getByLabel(/Evidence and notes/).fill("Huddles in 12 of 30 wards");
  await openView(widget, "plan");
  await widget.getByRole("button", { name: "Make these the priorities" }).click();
  const folder = mkdtempSync(path.join(tmpdir(), "mm-s-"));
  const files = ["Chair", "Chief Executive", "Medical Director", "Chief Nurse", "Non-executive"].map((name, i) => {
    const answers = { "purpose-created": { level: 1 + (i % 5) }, "purpose-lived": { level: 5 - (i % 3) }, "leaders-data": { level: 2 }, "systems-daily": { level: 3 } };
    const f = path.join(folder, `m${i}.json`); writeFileSync(f, JSON.stringify({ formatVersion: 2, instrument: { id: "nhs-impact", version: "1.0.0" }, respondent: { name }, answers })); return f; });
  await openView(widget, "board");
  await widget.locator("input[type=file][multiple]").setInputFiles(files);
  await widget.locator(".mm-board__messages", { hasText: "5 responses added." }).waitFor();
  for (const w of [375, 1280]) {
    await page.setViewportSize({ width: w, height: 900 });
    for (const v of ["start", "assess", "results", "plan", "paper", "board"]) {
      await openView(widget, v);
      await page.screenshot({ path: `/tmp/shots/${v}-${w}.png`, fullPage: true });
      if (v === "results") {
        await widget.locator(".mm-radar").first().screenshot({ path: `/tmp/shots/radar-${w}.png` });
        await widget.locator(".mm-results").first().screenshot({ path: `/tmp/shots/scores-${w}.png` });
        await widget.locator(".mm-heat-map").first().screenshot({ path: `/tmp/shots/heat-${w}.png` });
      }
    }
    await widget.getByRole("button", { name: "Open the board view (facilitator)" }).click();
    await widget.locator(".mm-distribution").first().waitFor();
    await page.screenshot({ path: `/tmp/shots/facilitator-${w}.png`, fullPage: true });
    await widget.locator(".mm-radar").first().screenshot({ path: `/tmp/shots/facradar-${w}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await openView(widget, "paper");
  await widget.getByText("Cover sheet: meeting, date, agenda item, author, purpose").click();
  await widget.getByLabel("Meeting", { exact: true }).fill("Board of Directors (public)");
  await widget.getByLabel(/^The Board is asked to/).fill("Note the self-assessment and approve the three priorities.");
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  writeFileSync("/tmp/shots/paper.pdf", await page.pdf({ format: "A4", preferCSSPageSize: true }));
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  await page.emulateMedia({ forcedColors: "active" });
  await openView(widget, "assess");
  await page.screenshot({ path: `/tmp/shots/forced-assess.png` });
  await openView(widget, "results");
  await page.screenshot({ path: `/tmp/shots/forced-results.png`, fullPage: true });
});
