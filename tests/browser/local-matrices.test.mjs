// Local matrices load where they live: instrument-src relative to the page (as every address in
// HTML is), errors that show the full address tried and the server's answer, and a matrix
// written inside the element, which needs no fetch (shared drives) and runs under a strict CSP.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { repo, watchErrors, withDemo, www } from "../support/browser.mjs";
import { overall, rate } from "../support/widget.mjs";

const env = withDemo();
const FIXTURES = ["local-instrument.json", "quality/board.html", "inline-csp.html"];
before(() => {
  mkdirSync(path.join(www, "build/fixtures/quality"), { recursive: true });
  for (const name of FIXTURES) copyFileSync(path.join(repo, "tests/fixtures", name), path.join(www, "build/fixtures", name));
  copyFileSync(path.join(repo, "tests/fixtures/local-instrument.json"), path.join(www, "build/fixtures/quality/local-instrument.json"));
});

test("relative instrument-src addresses resolve against the page in its subfolder, not the script", async () => {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on("request", (r) => r.url().endsWith(".json") && requests.push(new URL(r.url()).pathname));
  const pageUrl = new URL("build/fixtures/quality/board.html", env.server.url).href;
  await page.goto(pageUrl);
  for (const id of ["beside-page", "parent-folder", "site-root"]) {
    const widget = page.locator(`maturity-matrix#${id}`);
    await widget.locator("h2.mm-title", { hasText: "Northfield local improvement matrix" }).waitFor();
  }
  assert.deepEqual(requests.sort(), [
    "/build/fixtures/local-instrument.json",
    "/build/fixtures/local-instrument.json",
    "/build/fixtures/quality/local-instrument.json",
    "/build/fixtures/quality/our-matrix.json",
  ]);
  // A file uploaded beside the script is looked for beside the page: the message says where.
  const alert = page.locator("maturity-matrix#beside-script").getByRole("alert");
  await alert.waitFor();
  const tried = new URL("our-matrix.json", pageUrl).href;
  assert.equal(
    await alert.textContent(),
    `The matrix at ${tried} could not be loaded: the server answered 404 Not Found. ` +
      `Check that the file is uploaded at that address; a relative address is taken from the page's own address (${pageUrl}).`,
  );
  assert.deepEqual(errors.filter((e) => !e.includes("our-matrix.json")), []);
  await page.close();
});

test("a matrix inside the element works from a shared drive (file://), with the script in the head", async () => {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on("request", (r) => requests.push(path.basename(new URL(r.url()).pathname)));
  await page.goto(pathToFileURL(path.join(repo, "tests/fixtures/inline-matrix.html")).href);
  const widget = page.locator("maturity-matrix");
  await widget.locator("h2.mm-title", { hasText: "Ward matrix carried in the page" }).waitFor();
  // The descriptor carried an escaped </script> and reads as written.
  await widget.getByText("No huddles </script> yet.").waitFor();
  await rate(widget, "huddle-routine", "Growing");
  assert.equal(await overall(widget).textContent(), "2.00");
  assert.deepEqual(requests, ["inline-matrix.html", "maturity-matrix.standalone.js"], "nothing fetched");
  assert.deepEqual(errors, []);
  await page.close();
});

test("an inline matrix wins over instrument-src, runs under a strict CSP, and follows changes to its text", async () => {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => (window.__violations ??= []).push(e.violatedDirective)));
  const requests = [];
  page.on("request", (r) => requests.push(path.basename(new URL(r.url()).pathname)));
  await page.goto(new URL("build/fixtures/inline-csp.html", env.server.url).href);
  const widget = page.locator("maturity-matrix#inline");
  await widget.locator("h2.mm-title", { hasText: "Matrix inside a strict page" }).waitFor();
  assert.ok(!requests.includes("never-fetched.json"), requests.join(", "));

  // A host page that rewrites the matrix sees the widget follow; a broken one is explained.
  await page.evaluate(() => {
    const data = document.querySelector("#inline > script");
    const matrix = JSON.parse(data.textContent);
    matrix.title = "Rewritten in place";
    data.textContent = JSON.stringify(matrix);
  });
  await widget.locator("h2.mm-title", { hasText: "Rewritten in place" }).waitFor();
  await page.evaluate(() => (document.querySelector("#inline > script").textContent = '{ "formatVersion": 1, "id": "x" }'));
  const alert = widget.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /version/);
  assert.deepEqual(await page.evaluate(() => window.__violations ?? []), []);
  assert.deepEqual(errors, []);
  await page.close();
});
