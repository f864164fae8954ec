// The SharePoint web part, loaded as far as can be done without a tenant the way SharePoint
// loads it: the .sppkg is unpacked into a site's ClientSideAssets folder, a modern page served
// with SharePoint Online's Content Security Policy (no inline script; script-src with
// 'unsafe-eval', the page's own origin and a nonce, no 'wasm-unsafe-eval'; the .wasm served as
// application/octet-stream) runs a stand-in for SharePoint's loader (tests/fixtures/sharepoint/
// spfx-standin.js), which loads the web part's AMD bundle named in the package's own component
// manifest, gives it the framework modules and creates the web part on each placeholder.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve } from "../../scripts/serve.mjs";
import { launch, repo, watchErrors } from "../support/browser.mjs";
import { builtSppkg, componentManifests, unpackSppkg } from "../support/sharepoint.mjs";
import { item, overall, rate, showItem } from "../support/widget.mjs";
import { waitUntil } from "../support/wait.mjs";

const solutionId = "c24c9eb6-cdc8-4239-9ca5-3fde104420db";
const assets = `sites/appcatalog/ClientSideAssets/${solutionId}/`;
const pagesList = "8a1b6f4e-4c1d-4b8e-9a51-0c6d2f3e7b10";
let root, manifest, tenant, cdn, browser;

before(async () => {
  root = mkdtempSync(path.join(tmpdir(), "mm-sharepoint-"));
  const unpacked = unpackSppkg(builtSppkg(), path.join(root, "unpacked"));
  [manifest] = componentManifests(unpacked);
  // SharePoint deploys the package's ClientSideAssets folder to the app catalog site.
  cpSync(path.join(unpacked, "ClientSideAssets"), path.join(root, assets), { recursive: true });
  mkdirSync(path.join(root, "_layouts/15/standin"), { recursive: true });
  copyFileSync(path.join(repo, "tests/fixtures/sharepoint/spfx-standin.js"), path.join(root, "_layouts/15/standin/spfx-standin.js"));
  mkdirSync(path.join(root, "sites/quality/SitePages"), { recursive: true });
  mkdirSync(path.join(root, "sites/quality/Shared Documents"), { recursive: true });
  copyFileSync(path.join(repo, "tests/fixtures/local-instrument.json"), path.join(root, "sites/quality/Shared Documents/local-matrix.json"));

  // A second origin serving the same folder, as the Microsoft 365 public CDN does where a tenant
  // turns it on: it sends no CORS headers, so a fetch or a module script from it is refused,
  // while a classic script loads.
  cdn = await serve(root, 0);
  const types = { ".wasm": "application/octet-stream", ".aspx": "text/html; charset=utf-8" };
  // SharePoint Online's policy, in its shape: the tenant, its trusted sources (here the CDN), a
  // nonce no script here carries, 'unsafe-eval'; never 'unsafe-inline' nor 'wasm-unsafe-eval'.
  const policy = `script-src 'unsafe-eval' 'self' ${new URL(cdn.url).origin} 'nonce-c3RhbmQtaW4'; object-src 'none'; base-uri 'self'`;
  tenant = await serve(root, 0, { headers: { "content-security-policy": policy }, types });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await tenant?.close();
  await cdn?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Writes the component manifest as SharePoint serves it to the page: its asset addresses in
 * place of the package's placeholder (HTTPS://SPCLIENTSIDEASSETLIBRARY/). */
function writeManifest(name, bases) {
  const served = structuredClone(manifest);
  served.loaderConfig.internalModuleBaseUrls = bases;
  writeFileSync(path.join(root, "_layouts/15/standin", name), JSON.stringify(served));
  return `/_layouts/15/standin/${name}`;
}

const attribute = (value) => JSON.stringify(value).replace(/&/g, "&amp;").replace(/'/g, "&#39;");

/** Writes a modern page with the given web parts (no script but the stand-in's file). */
function writePage(name, parts, { bases = [new URL(assets, tenant.url).href] } = {}) {
  const manifestUrl = writeManifest(`${name}.manifest.json`, bases);
  const placeholders = parts.map((part) =>
    `<div data-sp-webpart data-manifest="${manifestUrl}" data-instance="${part.instance}"` +
    ` data-page='${attribute(part.page ?? { listId: pagesList, itemId: 7, path: `/sites/quality/SitePages/${name}.aspx` })}'` +
    (part.properties ? ` data-properties='${attribute(part.properties)}'` : "") +
    (part.theme ? ` data-theme='${attribute(part.theme)}'` : "") +
    "></div>").join("\n    ");
  writeFileSync(path.join(root, `sites/quality/SitePages/${name}.aspx`), `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${name}</title></head>
<body>
  <main>
    <h1>Board development</h1>
    ${placeholders}
  </main>
  <script src="/_layouts/15/standin/spfx-standin.js"></script>
</body>
</html>
`);
  return new URL(`sites/quality/SitePages/${name}.aspx`, tenant.url).href;
}

/** Opens `url` in a new tab, watching errors, policy violations, requests and the console. */
async function open(url) {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  const warnings = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => (window.__violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto(url);
  await page.locator("html[data-standin=started]").waitFor();
  const violations = () => page.evaluate(() => window.__violations ?? []);
  return { page, errors, requests, warnings, violations };
}

/** The level label chosen for `id`, or null. */
async function answer(widget, id) {
  await showItem(widget, id);
  const chosen = item(widget, id).locator(".mm-option__input:checked + .mm-option__label .mm-option__level");
  return (await chosen.count()) ? chosen.textContent() : null;
}

const storageKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("maturity-matrix:")).sort());
const fetched = (requests, file) => requests.filter((u) => new URL(u).pathname.endsWith(`/${file}`));

test("added to a page with no settings, the web part starts from the package's module build under SharePoint's policy; the .wasm served as application/octet-stream compiles from its bytes; a rating survives a reload", async () => {
  const instance = "3f0c7a56-2b1e-4d44-9a4e-6d5b0f1c2a01";
  const url = writePage("plain", [{ instance }]);
  const { page, errors, requests, warnings, violations } = await open(url);
  const widget = page.locator("maturity-matrix");
  await widget.locator(".mm-view-title").waitFor();
  assert.equal(await widget.getAttribute("instrument"), "nhs-impact");
  assert.equal(await widget.getAttribute("heading-level"), "2");

  // Loaded from the package's folder on the tenant's own origin: the bundle, the module build's
  // entry and the rater's build; the .wasm (probed, then compiled); nothing else, nowhere else.
  for (const url of requests) assert.ok(url.startsWith(tenant.url), `on the tenant's origin: ${url}`);
  const base = new URL(assets, tenant.url).href;
  const scripts = requests.filter((u) => u.endsWith(".js")).map((u) => new URL(u).pathname);
  assert.deepEqual(scripts.sort(), [
    "/_layouts/15/standin/spfx-standin.js",
    `/${assets}${manifest.loaderConfig.scriptResources[manifest.loaderConfig.entryModuleId].path}`,
    `/${assets}maturity-matrix-rater.js`,
    `/${assets}maturity-matrix.js`,
  ].sort());
  assert.ok(fetched(requests, "maturity-matrix.wasm").length >= 1);
  assert.equal(fetched(requests, "maturity-matrix.standalone.js").length, 0);
  // The glue's own account of the fallback: instantiateStreaming refused the type, the bytes compiled.
  const wasm = await (await page.request.get(new URL("maturity-matrix.wasm", base).href)).headersArray();
  assert.equal(wasm.find((h) => h.name.toLowerCase() === "content-type").value, "application/octet-stream");
  assert.ok(warnings.some((w) => w.includes("application/wasm") && w.includes("Falling back to `WebAssembly.instantiate`")), warnings.join("\n"));

  await rate(widget, "purpose-created", "Embedding");
  assert.equal(await overall(widget).textContent(), "4.00");
  const keys = await storageKeys(page);
  assert.ok(keys.length > 0);
  for (const key of keys) assert.ok(key.startsWith(`maturity-matrix:nhs-impact:page:${pagesList}:7:${instance}:default:`), `under the page and the web part: ${key}`);

  await page.reload();
  await page.locator("html[data-standin=started]").waitFor();
  await widget.locator(".mm-view-title").waitFor();
  assert.equal(await answer(widget, "purpose-created"), "Embedding");
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("two web parts on one page keep separate answers, load the element once, and a copy of the page starts afresh", async () => {
  const [first, second] = ["0b6d2e1a-7c3f-4f0e-8a2b-1d4c5e6f7a02", "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c03"];
  const url = writePage("two", [{ instance: first }, { instance: second }]);
  const { page, errors, requests, violations } = await open(url);
  const [a, b] = [page.locator("maturity-matrix").nth(0), page.locator("maturity-matrix").nth(1)];
  await a.locator(".mm-view-title").waitFor();
  await b.locator(".mm-view-title").waitFor();
  assert.notEqual(await a.getAttribute("storage-key"), await b.getAttribute("storage-key"));
  assert.equal(fetched(requests, "maturity-matrix.js").length, 1, "one load of the element for both");

  await rate(a, "purpose-created", "Embedding");
  await rate(b, "purpose-created", "Emerging");
  await rate(b, "purpose-lived", "Leading");
  await page.reload();
  await page.locator("html[data-standin=started]").waitFor();
  await a.locator(".mm-view-title").waitFor();
  await b.locator(".mm-view-title").waitFor();
  assert.equal(await answer(a, "purpose-created"), "Embedding");
  assert.equal(await answer(a, "purpose-lived"), null);
  assert.equal(await answer(b, "purpose-created"), "Emerging");
  assert.equal(await answer(b, "purpose-lived"), "Leading");
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  await page.close();

  // A copy of the page keeps its web parts' instance ids, but it is another item of the library.
  const copy = await open(writePage("two-copy", [{ instance: first, page: { listId: pagesList, itemId: 8, path: "/sites/quality/SitePages/two-copy.aspx" } }]));
  const widget = copy.page.locator("maturity-matrix");
  await widget.locator(".mm-view-title").waitFor();
  assert.equal(await answer(widget, "purpose-created"), null);
  assert.deepEqual(copy.errors, []);
  await copy.page.close();
});

test("where the package's folder is on an origin that refuses fetches (the Microsoft 365 CDN without CORS), the standalone build in the package starts the element; where SharePoint also lists the site's own folder, the module build comes from there; where nothing loads, the web part says whom to ask", async () => {
  const onCdn = new URL(assets, cdn.url).href;
  const onTenant = new URL(assets, tenant.url).href;

  const only = await open(writePage("cdn-only", [{ instance: "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b04" }], { bases: [onCdn] }));
  let widget = only.page.locator("maturity-matrix");
  await widget.locator(".mm-view-title").waitFor();
  assert.equal(fetched(only.requests, "maturity-matrix.js").length, 0, "no module script is tried once the .wasm was refused");
  assert.deepEqual(fetched(only.requests, "maturity-matrix.standalone.js"), [`${onCdn}maturity-matrix.standalone.js`]);
  await rate(widget, "purpose-created", "Developing");
  assert.equal(await overall(widget).textContent(), "3.00");
  assert.deepEqual(await only.violations(), []);
  // The refused probe of the .wasm is the only complaint (the browser reports the missing header).
  assert.equal(only.errors.length, 1, only.errors.join("\n"));
  assert.match(only.errors[0], /maturity-matrix\.wasm.*blocked by CORS policy/);
  await only.page.close();

  const both = await open(writePage("cdn-then-site", [{ instance: "6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c05" }], { bases: [onCdn, onTenant] }));
  widget = both.page.locator("maturity-matrix");
  await widget.locator(".mm-view-title").waitFor();
  assert.deepEqual(fetched(both.requests, "maturity-matrix.js"), [`${onTenant}maturity-matrix.js`]);
  assert.equal(fetched(both.requests, "maturity-matrix.standalone.js").length, 0);
  assert.deepEqual(await both.violations(), []);
  await both.page.close();

  // A folder with the web part's bundle and none of the element's files: the web part says so,
  // and what to ask for, instead of staying blank.
  const bundle = manifest.loaderConfig.scriptResources[manifest.loaderConfig.entryModuleId].path;
  mkdirSync(path.join(root, "sites/appcatalog/ClientSideAssets/partial"), { recursive: true });
  copyFileSync(path.join(root, assets, bundle), path.join(root, "sites/appcatalog/ClientSideAssets/partial", bundle));
  const none = await open(writePage("no-files", [{ instance: "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c08" }], { bases: [new URL("sites/appcatalog/ClientSideAssets/partial/", tenant.url).href] }));
  const alert = none.page.locator("[data-sp-webpart] > p[role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be loaded from this app's package.*app catalog/);
  assert.equal(await none.page.getByText("The self-assessment is loading…").isVisible(), true);
  await none.page.close();
});

test("the property pane's settings reach the element: board mode (the board's build), heading level, hidden title, a matrix file in the same tenant, a file elsewhere refused, a new round's name", async () => {
  const instance = "7f6e5d4c-3b2a-4f1e-8d0c-9b8a7f6e5d06";
  const url = writePage("settings", [{ instance, properties: { board: true, headingLevel: 3, hideTitle: true } }]);
  const { page, errors, requests, violations } = await open(url);
  const widget = page.locator("maturity-matrix");
  await widget.locator(".mm-view-title").waitFor();
  assert.equal(await widget.getAttribute("board"), "");
  assert.equal(await widget.getAttribute("heading-level"), "3");
  assert.equal(await widget.getAttribute("hide-title"), "");
  assert.equal(fetched(requests, "maturity-matrix-board.wasm").length >= 1, true, "the board's build");
  assert.equal(await widget.locator("h3.mm-title").count(), 1);

  const pane = await page.evaluate(() => window.spfxStandin.propertyPane(0));
  const fields = pane.pages[0].groups.flatMap((g) => g.groupFields.map((f) => f.targetProperty));
  assert.deepEqual(fields, ["instrument", "instrumentSrc", "board", "headingLevel", "hideTitle", "storageKey"]);

  // A matrix file in a library of this SharePoint.
  await page.evaluate(() => {
    window.spfxStandin.setProperty(0, "instrumentSrc", "/sites/quality/Shared Documents/local-matrix.json");
    window.spfxStandin.setProperty(0, "instrument", "file");
  });
  await widget.locator(".mm-title", { hasText: "Northfield local improvement matrix" }).waitFor({ state: "attached" });
  assert.equal(await widget.getAttribute("instrument"), null);

  // A file on another site is refused with a reason, and never fetched.
  await page.evaluate((elsewhere) => window.spfxStandin.setProperty(0, "instrumentSrc", elsewhere), new URL("elsewhere.json", cdn.url).href);
  const alert = page.locator("[data-sp-webpart] > p[role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /must be in this SharePoint/);
  assert.equal(await widget.getAttribute("instrument-src"), null);
  assert.equal(requests.filter((u) => u.includes("elsewhere.json")).length, 0);

  // A new round's name: a fresh assessment under its own key.
  await page.evaluate(() => {
    window.spfxStandin.setProperty(0, "instrument", "nhs-impact");
    window.spfxStandin.setProperty(0, "storageKey", "board-2027");
  });
  await waitUntil(async () => (await widget.getAttribute("storage-key"))?.endsWith(`:${instance}:board-2027`), { what: "the round's key" });
  assert.equal(await alert.isHidden(), true);
  await page.evaluate(() => window.spfxStandin.setProperty(0, "storageKey", "board 2027!"));
  await waitUntil(async () => /letters, digits and dashes/.test(await alert.textContent()), { what: "the name refused" });
  assert.ok((await widget.getAttribute("storage-key")).endsWith(`:${instance}:default`));

  // Removed from the page: the element goes with it.
  await page.evaluate(() => window.spfxStandin.remove(0));
  assert.equal(await page.locator("maturity-matrix").count(), 0);
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the section's theme colours the element where they keep 4.5:1 for text, and are dropped where they do not", async () => {
  // SharePoint's default blue is 4.5:1 on white but not on the widget's grey panels.
  const theme = { palette: { themePrimary: "#0078d4" }, semanticColors: { bodyBackground: "#ffffff", bodyText: "#000000", bodySubtext: "#3b3a39", bodyDivider: "#c8c6c4" } };
  const url = writePage("theme", [{ instance: "8a7f6e5d-4c3b-4a2f-9e1d-0c9b8a7f6e07", theme }]);
  const { page, errors } = await open(url);
  const widget = page.locator("maturity-matrix");
  await widget.locator(".mm-view-title").waitFor();
  const colours = () => widget.evaluate((element) => Object.fromEntries(
    ["primary", "text", "secondary-text", "background", "border"].map((name) => [name, element.style.getPropertyValue(`--maturity-matrix-${name}`)])));
  assert.deepEqual(await colours(), { primary: "", text: "#000000", "secondary-text": "#3b3a39", background: "#ffffff", border: "#c8c6c4" });
  // The title is drawn in the theme's text colour, inside the shadow root.
  assert.equal(await widget.locator(".mm-view-title").evaluate((h) => getComputedStyle(h).color), "rgb(0, 0, 0)");

  // A dark section: white text would fail on the widget's light panels, and the widget's own
  // dark text on the dark background, so neither is taken.
  await page.evaluate(() => window.spfxStandin.setTheme(0, { palette: { themePrimary: "#2b88d8" }, semanticColors: { bodyBackground: "#1b1a19", bodyText: "#ffffff", bodySubtext: "#d2d0ce", bodyDivider: "#484644" } }));
  assert.deepEqual(await colours(), { primary: "", text: "", "secondary-text": "", background: "", border: "#484644" });
  assert.deepEqual(errors, []);
  await page.close();
});
