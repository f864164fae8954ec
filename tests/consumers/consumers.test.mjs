// The package as developers receive it: `npm pack` of www/, unpacked into a fresh project, then
// used four ways (a plain page with one script tag, an ES-module import in a page, a Vite app,
// a Node script) and type-checked with `tsc --noEmit` over typed examples. The bundlers and
// frameworks (webpack, esbuild, the Vite dev server, Node's module systems, Next.js) are in
// bundlers.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve } from "../../scripts/serve.mjs";
import { launch, repo, watchErrors, www } from "../support/browser.mjs";
import { overall, rate } from "../support/widget.mjs";

const require = createRequire(import.meta.url);
let work, server, browser, packed;

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), "mm-consumer-"));
  const output = execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: www, encoding: "utf8" });
  packed = JSON.parse(output)[0];
  const modules = path.join(work, "node_modules");
  mkdirSync(modules);
  execFileSync("tar", ["-xzf", path.join(work, packed.filename), "-C", modules]);
  execFileSync("mv", [path.join(modules, "package"), path.join(modules, "maturity-matrix")]);
  writeFileSync(path.join(work, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  server = await serve(work, 0);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the tarball holds the built files, the types, the README and the licences, and nothing else", () => {
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    "LICENSE-APACHE", "LICENSE-MIT", "README.md",
    "dist/api-entry.d.ts", "dist/api.d.ts",
    "dist/esm/api.js", "dist/esm/api.js.map",
    "dist/esm/maturity-matrix-board.js", "dist/esm/maturity-matrix-board.js.map",
    "dist/esm/maturity-matrix-functions.js", "dist/esm/maturity-matrix-functions.js.map",
    "dist/esm/maturity-matrix-rater.js", "dist/esm/maturity-matrix-rater.js.map",
    "dist/esm/maturity-matrix.js", "dist/esm/maturity-matrix.js.map",
    "dist/esm/node.js", "dist/esm/node.js.map", "dist/functions.d.ts",
    "dist/maturity-matrix-api.wasm", "dist/maturity-matrix-board.js", "dist/maturity-matrix-board.standalone.js",
    "dist/maturity-matrix-board.wasm", "dist/maturity-matrix-functions.js", "dist/maturity-matrix-rater.js",
    "dist/maturity-matrix.d.ts", "dist/maturity-matrix.js", "dist/maturity-matrix.standalone.js",
    "dist/maturity-matrix.wasm", "dist/node.d.ts", "dist/node.js",
    "package.json",
  ]);
});

/** Opens a page of the consumer project and rates one item in its widget. */
async function useWidget(url) {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  const widget = page.locator("maturity-matrix");
  await widget.locator(".mm-view-title").waitFor();
  await rate(widget, "purpose-created", "Embedding");
  assert.equal(await overall(widget).textContent(), "4.00");
  return { page, errors };
}

test("(a) a plain HTML page with one script tag", async () => {
  mkdirSync(path.join(work, "plain"));
  writeFileSync(path.join(work, "plain/index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain</title></head>
<body><main><h1>Plain</h1><maturity-matrix storage-key="plain"></maturity-matrix></main>
<script src="../node_modules/maturity-matrix/dist/maturity-matrix.standalone.js"></script></body></html>`);
  const { page, errors } = await useWidget(new URL("plain/index.html", server.url).href);
  assert.equal(await page.evaluate(() => typeof window.MaturityMatrix.MaturityMatrixElement), "function", "the script exposes the element's class");
  assert.deepEqual(errors, []);
  await page.close();
});

test("(b) an ES-module import in a browser page", async () => {
  mkdirSync(path.join(work, "esm"));
  writeFileSync(path.join(work, "esm/index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ESM</title></head>
<body><main><h1>ESM</h1><p id="figure"></p><maturity-matrix storage-key="esm"></maturity-matrix></main>
<script type="module" src="app.js"></script></body></html>`);
  writeFileSync(path.join(work, "esm/app.js"), `import { init, score, builtinInstrument } from "../node_modules/maturity-matrix/dist/maturity-matrix.js";
await init();
const instrument = builtinInstrument("nhs-impact");
const report = score(instrument, { formatVersion: 1, instrument: { id: "nhs-impact", version: instrument.version }, answers: { "purpose-created": { level: 2 } } });
document.getElementById("figure").textContent = String(report.overall);`);
  const { page, errors } = await useWidget(new URL("esm/index.html", server.url).href);
  assert.equal(await page.locator("#figure").textContent(), "2");
  assert.deepEqual(errors, []);
  await page.close();
});

test("(c) a Vite app that imports the package", async () => {
  const app = path.join(work, "vite-app");
  mkdirSync(app);
  writeFileSync(path.join(app, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vite</title></head>
<body><main><h1>Vite</h1><p id="figure"></p><maturity-matrix storage-key="vite"></maturity-matrix></main>
<script type="module" src="/main.js"></script></body></html>`);
  writeFileSync(path.join(app, "main.js"), `import { init, score, builtinInstrument } from "maturity-matrix";
await init();
const instrument = builtinInstrument("nhs-impact");
document.getElementById("figure").textContent = String(score(instrument, { formatVersion: 1, instrument: { id: "nhs-impact", version: instrument.version }, answers: { "purpose-lived": { level: 5 } } }).overall);`);
  execFileSync(process.execPath, [path.join(repo, "tests/node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn", "--base", "./"], { cwd: app, stdio: "pipe" });
  const built = readdirSync(path.join(app, "dist/assets"));
  assert.ok(built.some((f) => f.endsWith(".wasm")), `Vite copied the .wasm: ${built.join(", ")}`);
  const { page, errors } = await useWidget(new URL("vite-app/dist/index.html", server.url).href);
  assert.equal(await page.locator("#figure").textContent(), "5");
  assert.deepEqual(errors, []);
  await page.close();
});

test("(d) a Node script scores a response and reads a validation error", () => {
  writeFileSync(path.join(work, "check.mjs"), `import { score, builtinInstrument, validateInstrument } from "maturity-matrix";
const instrument = builtinInstrument("nhs-impact");
const report = score(instrument, { formatVersion: 1, instrument: { id: "nhs-impact", version: instrument.version }, answers: { "purpose-created": { level: 3 }, "purpose-lived": { level: 4 } } });
let error;
try { validateInstrument({ ...instrument, scale: { levels: [] } }); } catch (e) { error = e; }
console.log(JSON.stringify({ overall: report.overall, isError: error instanceof Error, name: error.name, path: error.path, problems: error.problems.length }));`);
  const result = JSON.parse(execFileSync(process.execPath, ["check.mjs"], { cwd: work, encoding: "utf8" }));
  assert.equal(result.overall, 3.5);
  assert.equal(result.isError, true);
  assert.equal(result.name, "MaturityMatrixError");
  assert.equal(result.path, "scale.levels");
  assert.ok(result.problems >= 1);
});

test("the typed examples compile with tsc --noEmit against the package's declarations (bundler and Node resolution, both entries)", () => {
  const project = path.join(work, "ts");
  mkdirSync(project);
  const files = ["typed-example.ts", "api-example.ts", "node-example.mts", "tsconfig.json", "tsconfig.node.json"];
  for (const file of files) cpSync(path.join(repo, "tests/consumers", file), path.join(project, file));
  for (const config of ["tsconfig.json", "tsconfig.node.json"]) {
    try {
      execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(project, config)], { cwd: project, encoding: "utf8" });
    } catch (error) {
      assert.fail(`tsc -p ${config} reported:\n${error.stdout}${error.stderr}`);
    }
  }
});
