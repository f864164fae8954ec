// The release as an intranet editor receives it: the zip is assembled from the built files,
// unpacked into an empty folder, and each page in it is opened over http and from file://
// with nothing else present. The npm tarball beside it carries the same version.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "../../scripts/serve.mjs";
import { assembleRelease, listFiles } from "../../www/scripts/release.mjs";
import { workspaceVersion } from "../../www/scripts/version.mjs";
import { launch, watchErrors } from "../support/browser.mjs";
import { builtSppkg } from "../support/sharepoint.mjs";
import { axeViolations, overall, rate } from "../support/widget.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const version = workspaceVersion();
const name = `maturity-matrix-${version}`;
let out, unpacked, folder, release, server, browser;

before(async () => {
  out = mkdtempSync(path.join(tmpdir(), "mm-release-"));
  release = await assembleRelease(out, { sppkg: builtSppkg() });
  unpacked = mkdtempSync(path.join(tmpdir(), "mm-unzipped-"));
  execFileSync("unzip", ["-q", release.zip, "-d", unpacked]);
  folder = path.join(unpacked, name);
  server = await serve(unpacked, 0);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of [out, unpacked]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the zip holds one versioned folder with both builds, their examples, the authoring page, the guides, the licences and checksums", () => {
  assert.equal(path.basename(release.zip), `${name}.zip`);
  assert.deepEqual(listFiles(unpacked), [
    "LICENSE-APACHE", "LICENSE-MIT", "README.txt", "SHA256SUMS", "author.html", "embedding.html",
    "instrument-format.html", "instrument.schema.json", "module/example.html",
    "module/maturity-matrix-api.wasm", "module/maturity-matrix-board.js", "module/maturity-matrix-board.wasm",
    "module/maturity-matrix-functions.js", "module/maturity-matrix-rater.js", "module/maturity-matrix.js",
    "module/maturity-matrix.wasm", "own-matrix.html", "sharepoint.html", "standalone/example.html",
    "standalone/maturity-matrix-board.standalone.js", "standalone/maturity-matrix.standalone.js",
  ].map((file) => `${name}/${file}`));
  const sums = readFileSync(path.join(folder, "SHA256SUMS"), "utf8").trim().split("\n").map((line) => line.split("  "));
  assert.deepEqual(sums.map(([, file]) => file), listFiles(folder).filter((file) => file !== "SHA256SUMS"));
  for (const [hash, file] of sums) assert.equal(createHash("sha256").update(readFileSync(path.join(folder, file))).digest("hex"), hash, file);
  assert.match(readFileSync(path.join(folder, "README.txt"), "utf8"), new RegExp(`^maturity-matrix ${version.replace(/\./g, "\\.")}\\n`));
  // The npm package beside it, at the same version.
  assert.equal(path.basename(release.tarball), `${name}.tgz`);
  const manifest = JSON.parse(execFileSync("tar", ["-xzOf", release.tarball, "package/package.json"], { encoding: "utf8" }));
  assert.equal(manifest.version, version);
  // The SharePoint package beside them, under the name the app catalog replaces on an update
  // (its version is inside it: tests/release/sharepoint.test.mjs).
  assert.equal(release.sppkg, path.join(path.dirname(release.zip), "maturity-matrix.sppkg"));
  assert.ok(readFileSync(release.sppkg).equals(readFileSync(builtSppkg())));
});

/** Opens `url` watching for errors, policy violations and every request made. */
async function open(url) {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => (window.__violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto(url);
  const violations = () => page.evaluate(() => window.__violations ?? []);
  return { page, errors, requests, violations };
}

const httpUrl = (file) => new URL(`${name}/${file}`, server.url).href;
const fileUrl = (file) => pathToFileURL(path.join(folder, file)).href;

/** Rates one item of the example's NHS IMPACT widget and reads the overall score. */
async function rateOne(page) {
  const widget = page.locator("maturity-matrix");
  await widget.locator(".mm-view-title").waitFor();
  await rate(widget, "purpose-created", "Embedding");
  assert.equal(await overall(widget).textContent(), "4.00");
}

for (const build of ["module", "standalone"]) {
  test(`${build}/example.html works over http with only the files of the zip, under its strict policy`, async () => {
    const { page, errors, requests, violations } = await open(httpUrl(`${build}/example.html`));
    await rateOne(page);
    for (const url of requests) assert.ok(url.startsWith(httpUrl(`${build}/`)), `inside the build's folder: ${url}`);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("from file://, standalone/example.html works; module/example.html says it needs a web server instead of staying blank", async () => {
  const standalone = await open(fileUrl("standalone/example.html"));
  await rateOne(standalone.page);
  assert.deepEqual(standalone.requests.map((u) => path.basename(u)), ["example.html", "maturity-matrix.standalone.js"]);
  assert.deepEqual(await standalone.violations(), []);
  assert.deepEqual(standalone.errors, []);
  await standalone.page.close();

  // Browsers do not load module scripts from file://: the text inside the element stays.
  const module = await open(fileUrl("module/example.html"));
  await module.page.getByText("This build needs a web server").waitFor();
  assert.ok(await module.page.getByText("use the standalone build instead").isVisible());
  await module.page.close();
});

for (const where of ["file", "http"]) {
  test(`author.html is one file that works from ${where === "file" ? "a shared drive (file://)" : "a web server"}: form, preview, and a page with the matrix inside`, async () => {
    const { page, errors, requests, violations } = await open(where === "file" ? fileUrl("author.html") : httpUrl("author.html"));
    await page.locator("#check-status", { hasText: "No problems" }).waitFor();
    const preview = page.locator("maturity-matrix#preview");
    await preview.locator("h2.mm-title", { hasText: "Our local improvement matrix" }).waitFor();
    await page.locator('[data-path="title"]').fill("Shared drive matrix");
    await preview.locator("h2.mm-title", { hasText: "Shared drive matrix" }).waitFor();
    assert.equal(await page.locator("header, footer").count(), 0, "the demo intranet's header and footer are left out");
    assert.deepEqual(requests.map((u) => path.basename(new URL(u).pathname)), ["author.html"], "one file, nothing fetched");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download a page with this matrix inside" }).click();
    const file = await download;
    const saved = path.join(mkdtempSync(path.join(out, "drive-")), file.suggestedFilename());
    writeFileSync(saved, readFileSync(await file.path()));
    const drive = await open(pathToFileURL(saved).href);
    const widget = drive.page.locator("maturity-matrix");
    await widget.locator("h2.mm-title", { hasText: "Shared drive matrix" }).waitFor();
    await rate(widget, "first-item", "Emerging");
    assert.equal(await overall(widget).textContent(), "2.00");
    assert.deepEqual(drive.errors, []);
    await drive.page.close();

    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("the guides are readable pages that link to each other, request nothing else, and pass axe", async () => {
  const { page, errors, requests } = await open(fileUrl("embedding.html"));
  assert.equal(await page.locator("h1").textContent(), "Putting the self-assessment on your intranet");
  const steps = page.locator('h2:text-is("Five steps from the zip to a working page") + ol > li');
  assert.equal(await steps.count(), 5);
  assert.deepEqual(requests, [fileUrl("embedding.html")]);
  assert.deepEqual((await axeViolations(page, axeSource)).violations, []);
  await page.getByRole("link", { name: "instrument-format.md" }).first().click();
  await page.locator("h1", { hasText: "Instrument format, version 1" }).waitFor();
  assert.equal(page.url(), fileUrl("instrument-format.html"));
  // The SharePoint administrator's guide, reached from the embedding guide.
  await page.goto(fileUrl("embedding.html"));
  await page.getByRole("link", { name: "sharepoint.md" }).click();
  await page.locator("h1", { hasText: "The self-assessment in SharePoint Online and Microsoft Teams" }).waitFor();
  assert.deepEqual((await axeViolations(page, axeSource)).violations, []);
  assert.deepEqual(errors, []);
  await page.close();
});
