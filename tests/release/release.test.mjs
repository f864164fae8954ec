// The release as an intranet editor receives it: the zip is assembled from the built files,
// unpacked into an empty folder, and each page in it is opened over http and from file://
// with nothing else present. The npm tarball beside it carries the same version.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "../../scripts/serve.mjs";
import { assembleRelease, listFiles } from "../../www/scripts/release.mjs";
import { workspaceVersion } from "../../www/scripts/version.mjs";
import { launch, repo, watchErrors } from "../support/browser.mjs";
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

test("the zip holds one versioned folder with both builds, their examples, the authoring page, the guides, the licences, the sign-off pack and checksums", () => {
  assert.equal(path.basename(release.zip), `${name}.zip`);
  assert.deepEqual(listFiles(unpacked), [
    "LICENSE-APACHE", "LICENSE-MIT", "README.txt", "SECURITY.md", "SHA256SUMS", "author.html", "embedding.html",
    "information-governance.html", "instrument-format.html", "instrument.schema.json", "module/example.html",
    "module/maturity-matrix-api.wasm", "module/maturity-matrix-board.js", "module/maturity-matrix-board.wasm",
    "module/maturity-matrix-functions.js", "module/maturity-matrix-rater.js", "module/maturity-matrix.js",
    "module/maturity-matrix.wasm", "own-matrix.html", "sbom/LICENSES.txt", "sbom/npm.cdx.json", "sbom/rust.cdx.json",
    "security.html", "sharepoint.html", "standalone/example.html",
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

  // A board screen asked for: the rater's file loads the board's from beside itself, file:// too.
  const board = await open(fileUrl("standalone/example.html"));
  await rateOne(board.page);
  await board.page.evaluate(() => document.querySelector("maturity-matrix").setAttribute("view", "board"));
  await board.page.locator('maturity-matrix .mm-root[data-build="board"] article[data-view="board"]').waitFor();
  assert.deepEqual(board.requests.map((u) => path.basename(u)), ["example.html", "maturity-matrix.standalone.js", "maturity-matrix-board.standalone.js"]);
  assert.deepEqual(await board.violations(), []);
  assert.deepEqual(board.errors, []);
  await board.page.close();

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

// The sign-off pack: the bills of materials are checked against sources that did not write them
// (the CycloneDX schema, cargo's own build plan, Cargo.lock, the shipped .wasm files and the
// bundles' source maps), and the security notes against the example pages they describe.

const cyclonedxSchemas = path.join(repo, "tests/node_modules/@cyclonedx/cyclonedx-library/res/schema");
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
const sbom = (file) => readJson(path.join(folder, "sbom", file));
const crate = (name, version) => `${name} v${version}`;

/** The SPDX licence and exception identifiers the CycloneDX schema knows. */
const spdxIds = () => new Set(readJson(path.join(cyclonedxSchemas, "spdx.SNAPSHOT.schema.json")).enum);

/** The identifiers in an SPDX licence expression ("(MIT OR Apache-2.0) AND Unicode-3.0"). */
const licenceIds = (expression) => expression.split(/[()\s]+/).filter((word) => word && !["AND", "OR", "WITH"].includes(word));

test("the bills of materials are valid CycloneDX 1.5, written by the tools they name", () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // The two formats ajv-formats lacks: an IRI is a URI that may hold non-ASCII characters.
  const { fullFormats } = createRequire(import.meta.url)("ajv-formats/dist/formats");
  const ascii = (text) => text.replace(/[^\x00-\x7f]/gu, (c) => encodeURIComponent(c));
  ajv.addFormat("iri-reference", (text) => fullFormats["uri-reference"].test(ascii(text)));
  ajv.addFormat("idn-email", (text) => fullFormats.email.test(ascii(text)));
  // Under the addresses the BOM schema's references resolve to.
  for (const file of ["spdx.SNAPSHOT.schema.json", "jsf-0.82.SNAPSHOT.schema.json"]) {
    ajv.addSchema(readJson(path.join(cyclonedxSchemas, file)), `http://cyclonedx.org/schema/${file}`);
  }
  const validate = ajv.compile(readJson(path.join(cyclonedxSchemas, "bom-1.5.SNAPSHOT.schema.json")));
  for (const [file, tool] of [["rust.cdx.json", "cargo-cyclonedx"], ["npm.cdx.json", "cyclonedx-npm"]]) {
    const bom = sbom(file);
    assert.ok(validate(bom), `${file}: ${JSON.stringify(validate.errors, null, 1)}`);
    assert.equal(bom.specVersion, "1.5");
    assert.deepEqual([bom.metadata.component.name, bom.metadata.component.version], ["maturity-matrix", version], file);
    const tools = bom.metadata.tools.components ?? bom.metadata.tools;
    assert.ok(tools.some((t) => t.name === tool), `${file} names ${tool} among its tools`);
    // Nothing of the machine that made it: no folder of the build.
    assert.ok(!JSON.stringify(bom).includes(repo), `${file} does not name ${repo}`);
  }
});

/** What one `cargo build` line of scripts/build.sh compiles, from cargo's own plan of that build
 * (`--unit-graph`, which compiles nothing; unstable, so RUSTC_BOOTSTRAP lets the stable cargo
 * print it): the crates compiled for wasm32, and the host crates (procedural macros and what
 * they use) the build runs. Build scripts and their dependencies are followed no further. */
function buildPlan(args) {
  const plan = JSON.parse(execFileSync("cargo", [...args, "-Z", "unstable-options", "--unit-graph"], {
    cwd: repo, encoding: "utf8", env: { ...process.env, RUSTC_BOOTSTRAP: "1" }, maxBuffer: 64 << 20,
  }));
  assert.equal(plan.version, 1, "cargo's unit graph is in the format this test reads");
  const [wasm, host] = [new Set(), new Set()];
  const seen = new Set();
  const stack = [...plan.roots];
  while (stack.length) {
    const index = stack.pop();
    const unit = plan.units[index];
    if (seen.has(index) || unit.target.kind.includes("custom-build")) continue;
    seen.add(index);
    const [, name, crateVersion] = /([^#/]+)@([^@]+)$/.exec(unit.pkg_id);
    (unit.platform === "wasm32-unknown-unknown" ? wasm : host).add(crate(name, crateVersion));
    stack.push(...unit.dependencies.map((d) => d.index));
  }
  return { wasm, host };
}

test("the Rust bill lists every crate the three WebAssembly builds compile, as Cargo.lock has it, and nothing else", () => {
  // The builds exactly as scripts/build.sh runs them.
  const builds = [...readFileSync(path.join(repo, "scripts/build.sh"), "utf8").matchAll(/^cargo (build .*--target wasm32-unknown-unknown.*)$/gm)]
    .map(([, line]) => line.split(/\s+/));
  assert.equal(builds.length, 3, "the rater's, the board's and the functions' builds");
  const inWasm = new Set();
  const host = new Set();
  for (const args of builds) {
    const plan = buildPlan(args);
    for (const c of plan.wasm) inWasm.add(c);
    for (const c of plan.host) host.add(c);
  }
  const compileTime = new Set([...host].filter((c) => !inWasm.has(c)));

  const bom = sbom("rust.cdx.json");
  const listed = (scope) => new Set(bom.components.filter((c) => c.scope === scope).map((c) => crate(c.name, c.version)));
  assert.deepEqual([...listed("required")].sort(), [...inWasm].sort(), "compiled into the WebAssembly (scope required)");
  assert.deepEqual([...listed("excluded")].sort(), [...compileTime].sort(), "run only while compiling (scope excluded)");
  assert.equal(bom.components.length, inWasm.size + compileTime.size);
  for (const ours of ["maturity-core", "maturity-widget", "maturity-api"]) assert.ok(inWasm.has(crate(ours, version)), ours);

  // Each crate from crates.io at the version and with the source checksum Cargo.lock records.
  const lock = new Map(readFileSync(path.join(repo, "Cargo.lock"), "utf8").split("[[package]]").slice(1).map((entry) => {
    const field = (key) => new RegExp(`^${key} = "([^"]*)"`, "m").exec(entry)?.[1];
    return [crate(field("name"), field("version")), field("checksum")];
  }));
  for (const component of bom.components) {
    const key = crate(component.name, component.version);
    assert.ok(lock.has(key), `${key} is in Cargo.lock`);
    const hash = component.hashes?.find((h) => h.alg === "SHA-256")?.content;
    assert.equal(hash, lock.get(key), `${key}: the source checksum`);
  }

  // The shipped .wasm files name the source files of crates that can panic: each is listed.
  for (const file of ["module/maturity-matrix.wasm", "module/maturity-matrix-board.wasm", "module/maturity-matrix-api.wasm"]) {
    const text = readFileSync(path.join(folder, file)).toString("latin1");
    const named = new Set([...text.matchAll(/registry\/src\/[^/]+\/([A-Za-z0-9_-]+)-(\d+\.\d+\.\d+[^/]*)\/src\//g)].map(([, n, v]) => crate(n, v)));
    assert.ok(named.size > 0, `${file} names some crates' sources`);
    for (const c of named) assert.ok(listed("required").has(c), `${c}, whose code is in ${file}, is listed as compiled in`);
  }
});

test("the npm bill lists the npm packages bundled into the JavaScript, which hold only our sources and wasm-bindgen's glue: none", () => {
  // The readable bundles' source maps list every file esbuild put in them (the minified bundles
  // and the standalone scripts come from the same entries).
  const bundled = new Set();
  const maps = readdirSync(path.join(repo, "www/dist/esm")).filter((f) => f.endsWith(".map"));
  assert.ok(maps.length >= 5, "the bundles have source maps");
  for (const map of maps) {
    for (const source of readJson(path.join(repo, "www/dist/esm", map)).sources) {
      const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
      if (npm) bundled.add(npm);
      else assert.match(source, /^\.\.\/\.\.\/(src|build\/(rater|board|api)-pkg)\//, `${map}: ${source} is ours or wasm-bindgen's glue`);
    }
  }
  const bom = sbom("npm.cdx.json");
  assert.deepEqual(bom.components.map((c) => (c.group ? `${c.group}/${c.name}` : c.name)).sort(), [...bundled].sort());
  assert.deepEqual(bundled, new Set(), "no npm package is bundled today");
  assert.match(readFileSync(path.join(folder, "sbom/LICENSES.txt"), "utf8"), /^npm packages bundled into the JavaScript: none$/m);
});

test("the licence list names every crate in the bill, each under SPDX licence identifiers, none unknown", () => {
  const known = spdxIds();
  const text = readFileSync(path.join(folder, "sbom/LICENSES.txt"), "utf8");
  const rows = [...text.matchAll(/^ {2}(\S+) +(\d+\.\d+\.\d+\S*) +(.+)$/gm)].map(([, n, v, licence]) => ({ key: crate(n, v), licence }));
  const bom = sbom("rust.cdx.json");
  assert.deepEqual(rows.map((r) => r.key).sort(), bom.components.map((c) => crate(c.name, c.version)).sort());
  for (const { key, licence } of rows) {
    const ids = licenceIds(licence);
    assert.ok(ids.length > 0, `${key} has a licence`);
    for (const id of ids) assert.ok(known.has(id), `${key}: "${id}" is an SPDX licence identifier`);
  }
  for (const component of bom.components) {
    const expressions = component.licenses.map((l) => l.expression ?? l.license.id);
    for (const id of expressions.flatMap(licenceIds)) assert.ok(known.has(id), `${component.name}: "${id}" in rust.cdx.json`);
  }
});

test("the security notes give the policy the example pages carry, and the sign-off pages are readable and pass axe", async () => {
  const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(path.join(folder, "module/example.html"), "utf8"))[1];
  assert.equal(/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(path.join(folder, "standalone/example.html"), "utf8"))[1], policy);
  assert.ok(readFileSync(path.join(folder, "SECURITY.md"), "utf8").includes(policy), `SECURITY.md quotes ${policy}`);
  for (const [page, heading] of [["security.html", "Security notes for IT security"], ["information-governance.html", "Information governance: what the self-assessment stores, and where"]]) {
    const { page: tab, errors, requests } = await open(fileUrl(page));
    assert.equal(await tab.locator("h1").textContent(), heading);
    if (page === "security.html") assert.ok((await tab.locator("pre").allTextContents()).some((text) => text.trim() === policy), `${page} quotes ${policy}`);
    assert.deepEqual(requests, [fileUrl(page)]);
    assert.deepEqual((await axeViolations(tab, axeSource)).violations, [], page);
    assert.deepEqual(errors, []);
    await tab.close();
  }
});
