// The authoring page in the demo: problems listed with their paths as the JSON is written, a
// live preview in the widget, a template that validates, and no CSP violations or axe findings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { watchErrors, withDemo } from "../support/browser.mjs";
import { axeViolations } from "../support/widget.mjs";

const env = withDemo();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

test("writing a matrix: problems with paths, a live preview, a valid template, nothing blocked", async () => {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => (window.__violations ??= []).push(e.violatedDirective)));
  await page.goto(new URL("author.html", env.server.url).href);
  const check = page.locator("#check");
  await check.locator(".author-ok").waitFor();
  const preview = page.locator("maturity-matrix#preview");
  await preview.locator("h2.mm-title", { hasText: "Our local improvement matrix" }).waitFor();

  // Break it in three ways at once: every problem is listed with its path.
  const template = JSON.parse(await page.locator("#source").inputValue());
  template.scale.levels[2].value = 1;
  template.components[0].items[0].levels.pop();
  template.components.push({ id: "first-component", title: "", items: [] });
  await page.locator("#source").fill(JSON.stringify(template, null, 2));
  const problems = await check.locator("li").allTextContents();
  for (const path of ["scale.levels[2].value", "components[0].items[0].levels", "components[1].id", "components[1].title", "components[1].items"]) {
    assert.ok(problems.some((p) => p.startsWith(`${path}:`)), `${path} in:\n${problems.join("\n")}`);
  }
  assert.match(await check.locator(".author-problems-title").textContent(), /^There are \d+ problems to fix:$/);
  // Not even JSON: said plainly.
  await page.locator("#source").fill('{ "formatVersion": 1, ');
  assert.match(await check.textContent(), /not a readable data \(JSON\) file/);

  // Start from the default matrix, rename it: the preview follows.
  await page.getByRole("button", { name: "Start from the NHS IMPACT matrix" }).click();
  const edited = (await page.locator("#source").inputValue()).replace('"title": "NHS IMPACT improvement maturity self-assessment"', '"title": "Northfield variant"');
  await page.locator("#source").fill(edited);
  await preview.locator("h2.mm-title", { hasText: "Northfield variant" }).waitFor();
  assert.match(await check.textContent(), /No problems: 5 components, 20 items, 5 levels\./);

  // The template downloads and validates.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download a template" }).click();
  const file = await download;
  const text = readFileSync(await file.path(), "utf8");
  const valid = await page.evaluate(async (text) => {
    const api = await import("/dist/maturity-matrix.js");
    return api.validateInstrument(text).id;
  }, text);
  assert.equal(valid, "our-local-matrix");

  const { violations } = await axeViolations(page, axeSource);
  assert.deepEqual(violations, []);
  assert.deepEqual(await page.evaluate(() => window.__violations ?? []), []);
  assert.deepEqual(errors, []);
  await page.close();
});
