// The package in the bundlers and frameworks developers use. One fresh project gets its tools
// from tests/consumers/project's lockfile, installed offline (`npm ci --offline`, from the npm
// cache `scripts/setup.sh test` fills), and the package from the packed tarball; then: webpack 5
// (browser and node targets), esbuild (and that the `api` entry is free of side effects), the
// Vite dev server, Node (ESM, `require` from CommonJS, the browser entry imported outside a DOM)
// and a Next.js app (`next build` with Turbopack and with webpack).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve } from "../../scripts/serve.mjs";
import { launch, repo, watchErrors, www } from "../support/browser.mjs";
import { overall, rate } from "../support/widget.mjs";

const project = path.join(repo, "tests/consumers/project");
let work, app, server, browser;

/** Runs a command in the consumer project, failing the test with its output. */
function run(command, args, options = {}) {
  try {
    return execFileSync(command, args, { cwd: app, encoding: "utf8", stdio: "pipe", ...options });
  } catch (error) {
    throw new Error(`${[command, ...args].join(" ")} failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`, { cause: error });
  }
}

/** Writes files (path → text) under `dir`, making folders as needed. */
function write(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), "mm-bundlers-"));
  app = path.join(work, "consumer");
  mkdirSync(app);
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: www, encoding: "utf8" }));
  if (!packed.files.some((file) => file.path === "dist/esm/maturity-matrix.js")) throw new Error("www/dist is not built: run scripts/build.sh first.");
  for (const file of ["package.json", "package-lock.json"]) copyFileSync(path.join(project, file), path.join(app, file));
  try {
    run("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--loglevel=error"]);
  } catch (error) {
    throw new Error(`${error.message}\nThe consumer tools install from the npm cache: run scripts/setup.sh test once first ` +
      "(if the cache was cleared since, delete tests/consumers/project/node_modules before it).");
  }
  run("npm", ["install", "--offline", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", path.join(work, packed.filename)]);
  server = await serve(work, 0);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Builds `dir`/webpack.config.cjs with webpack's Node API; any error or warning fails. */
function webpack(dir) {
  run(process.execPath, ["-e", `require("webpack")(require("./${dir}/webpack.config.cjs"), (error, stats) => {
    if (error || stats.hasErrors() || stats.hasWarnings()) { console.error(error ?? stats.toString("errors-warnings")); process.exit(1); }
  });`]);
}

const response = (level) => `{ formatVersion: 1, instrument: { id: "nhs-impact", version: builtinInstrument("nhs-impact").version }, answers: { "purpose-created": { level: ${level} } } }`;

/** Opens a page, waits for the figure the page's script computed, then rates one item in its widget. */
async function useWidget(url, figure) {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  // A page that never shows its figure says why: its console errors and failed requests.
  await page.locator(`#figure:text-is("${figure}")`).waitFor().catch((error) => {
    throw new Error(`${error.message}\npage errors: ${errors.join("\n") || "none"}`);
  });
  const widget = page.locator("maturity-matrix");
  await widget.locator(".mm-view-title").waitFor();
  await rate(widget, "purpose-created", "Embedding");
  assert.equal(await overall(widget).textContent(), "4.00");
  assert.deepEqual(errors, []);
  await page.close();
}

const page = (title, script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1><p id="figure"></p><maturity-matrix storage-key="${title.toLowerCase().replace(/\W+/g, "-")}"></maturity-matrix></main>
${script}</body></html>`;

test("webpack 5, browser target: the bundle copies every .wasm, scores through the api entry and renders the element", () => {
  write(app, {
    "webpack-web/src/index.js": `import { init } from "maturity-matrix";
import * as api from "maturity-matrix/api";
const { builtinInstrument } = api;
await Promise.all([init(), api.init()]);
document.getElementById("figure").textContent = String(api.score(builtinInstrument("nhs-impact"), ${response(2)}).overall);`,
    "webpack-web/webpack.config.cjs": `module.exports = { mode: "production", target: "web", context: __dirname, entry: "./src/index.js", output: { path: __dirname + "/dist", clean: true }, performance: { hints: false } };`,
  });
  webpack("webpack-web");
  const built = readdirSync(path.join(app, "webpack-web/dist"));
  assert.equal(built.filter((f) => f.endsWith(".wasm")).length, 3, `webpack emitted the rater's, the board's and the functions' .wasm: ${built.join(", ")}`);
  writeFileSync(path.join(app, "webpack-web/dist/index.html"), page("webpack", `<script src="main.js"></script>`));
  return useWidget(new URL("consumer/webpack-web/dist/index.html", server.url).href, "2");
});

test("webpack 5, node target: the bundle runs in Node and scores, through the free functions and a prepared instrument", () => {
  write(app, {
    "webpack-node/src/index.js": `import { score, prepare, builtinInstrument } from "maturity-matrix";
import * as api from "maturity-matrix/api";
const prepared = prepare("nhs-impact");
console.log(JSON.stringify({ free: score("nhs-impact", ${response(3)}).overall, prepared: prepared.score(${response(5)}).overall, shared: api.score === score }));`,
    "webpack-node/webpack.config.cjs": `module.exports = { mode: "production", target: "node", context: __dirname, entry: "./src/index.js", output: { path: __dirname + "/dist", filename: "main.cjs", clean: true } };`,
  });
  webpack("webpack-node");
  // Run from elsewhere: the bundle finds its .wasm beside itself, not from the working directory.
  const result = JSON.parse(run(process.execPath, [path.join(app, "webpack-node/dist/main.cjs")], { cwd: work }));
  assert.deepEqual(result, { free: 3, prepared: 5, shared: true });
});

test("esbuild: each entry loads its .wasm from where the app put it: the element's, and the api's for scoring", () => {
  write(app, {
    "esbuild/src/app.js": `import { setWasmDirectory } from "maturity-matrix";
import { init, score, builtinInstrument } from "maturity-matrix/api";
// esbuild does not copy files named by new URL(…, import.meta.url): the .wasm files are copied
// beside the bundle, and the element told their directory, the api its file, as the modules load.
setWasmDirectory(new URL("./", import.meta.url));
await init({ module_or_path: new URL("./maturity-matrix-api.wasm", import.meta.url) });
document.getElementById("figure").textContent = String(score(builtinInstrument("nhs-impact"), ${response(1)}).overall);`,
  });
  run(process.execPath, ["-e", `require("esbuild").buildSync({ entryPoints: ["esbuild/src/app.js"], bundle: true, format: "esm", minify: true, outfile: "esbuild/dist/app.js", logLevel: "warning" })`]);
  for (const wasm of ["maturity-matrix.wasm", "maturity-matrix-board.wasm", "maturity-matrix-api.wasm"]) {
    copyFileSync(path.join(app, "node_modules/maturity-matrix/dist", wasm), path.join(app, "esbuild/dist", wasm));
  }
  writeFileSync(path.join(app, "esbuild/dist/index.html"), page("esbuild", `<script type="module" src="app.js"></script>`));
  return useWidget(new URL("consumer/esbuild/dist/index.html", server.url).href, "1");
});

test("esbuild: the api entry is free of side effects and brings neither the element nor the stylesheet", () => {
  write(app, {
    "pure/unused.js": `import "maturity-matrix/api";\nconsole.log("nothing else");`,
    "pure/score.js": `import { score } from "maturity-matrix/api";\nconsole.log(score);`,
  });
  const bundle = (entry) => run(process.execPath, ["-e", `process.stdout.write(require("esbuild").buildSync({ entryPoints: ["${entry}"], bundle: true, format: "esm", write: false, logLevel: "warning" }).outputFiles[0].text)`]);
  assert.equal(bundle("pure/unused.js").trim(), `// pure/unused.js\nconsole.log("nothing else");`);
  const scoring = bundle("pure/score.js");
  assert.match(scoring, /preparedinstrument_score/, "the scoring glue is there");
  for (const absent of ["customElements", "mm-host", "adoptedStyleSheets"]) assert.ok(!scoring.includes(absent), `no ${absent} in a bundle of the api entry`);
});

test("the Vite dev server serves a page that scores and renders the element", async () => {
  const root = path.join(app, "vite-dev");
  write(root, {
    "index.html": page("Vite dev", `<script type="module" src="/main.js"></script>`),
    "main.js": `import { init, score, builtinInstrument } from "maturity-matrix";
await init();
document.getElementById("figure").textContent = String(score(builtinInstrument("nhs-impact"), ${response(3)}).overall);`,
  });
  const { createServer } = await import(path.join(repo, "tests/node_modules/vite/dist/node/index.js"));
  const vite = await createServer({ root, configFile: false, logLevel: "warn", server: { port: 0, host: "127.0.0.1" } });
  await vite.listen();
  try {
    await useWidget(vite.resolvedUrls.local[0], "3");
  } finally {
    await vite.close();
  }
});

test("Node: ESM import of both entries, require() from CommonJS, and the browser entry imported outside a DOM", () => {
  write(app, {
    "node/esm.mjs": `import * as main from "maturity-matrix";
import * as api from "maturity-matrix/api";
import * as browser from "maturity-matrix/maturity-matrix.js";
// The readable browser entry, as edge runtimes and browser-condition server bundles get it.
import * as readable from "../node_modules/maturity-matrix/dist/esm/maturity-matrix.js";
const report = main.score("nhs-impact", ${response(4).replace(/builtinInstrument/g, "main.builtinInstrument")});
browser.defineElement(); // no customElements here: nothing to define, nothing thrown
readable.defineElement();
console.log(JSON.stringify({
  overall: report.overall,
  sameFunctions: api.score === main.score,
  markReady: ["markReady" in main, "markReady" in api, "markReady" in browser, "markReady" in readable],
  browserEntryExports: [typeof browser.MaturityMatrixElement, typeof readable.MaturityMatrixElement],
}));`,
    "node/require.cjs": `const mm = require("maturity-matrix");
const api = require("maturity-matrix/api");
const prepared = mm.prepare("nhs-impact");
console.log(JSON.stringify({ overall: prepared.score({ formatVersion: 1, instrument: { id: "nhs-impact", version: prepared.instrument.version }, answers: { "purpose-created": { level: 2 } } }).overall, same: api.score === mm.score }));`,
    "node/import.cjs": `import("maturity-matrix").then((mm) => console.log(JSON.stringify({ ids: mm.builtinInstrumentIds() })));`,
  });
  assert.deepEqual(JSON.parse(run(process.execPath, ["node/esm.mjs"])), {
    overall: 4, sameFunctions: true, markReady: [false, false, false, false], browserEntryExports: ["function", "function"],
  });
  assert.deepEqual(JSON.parse(run(process.execPath, ["node/require.cjs"])), { overall: 2, same: true });
  assert.deepEqual(JSON.parse(run(process.execPath, ["node/import.cjs"])).ids, ["nhs-impact", "board-improvement-leadership"]);
});

test("Next.js, with Turbopack and with webpack: next build renders a score on the server through the api entry; a client component loads the element", async () => {
  const level = (n) => response(n).replace('version: builtinInstrument("nhs-impact").version', "version: instrument.version");
  write(app, {
    // Turbopack turns new URL(…, import.meta.url) on the server into a web address, which Node
    // cannot read the .wasm from: the package is left to Node (as the README's recipe says).
    "next.config.mjs": `export default { output: "export", serverExternalPackages: ["maturity-matrix"] };`,
    "app/layout.js": `export const metadata = { title: "Next" };
export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }`,
    "app/page.js": `import { builtinInstrument, score } from "maturity-matrix/api";
import Matrix from "./matrix.js";
export default function Page() {
  const instrument = builtinInstrument("nhs-impact");
  return <main><h1>Next</h1><p id="server-score">{String(score(instrument, ${level(2)}).overall)}</p><Matrix /></main>;
}`,
  });
  const client = (key) => `"use client";
import { useEffect, useState } from "react";
export default function Matrix() {
  const [figure, setFigure] = useState("");
  useEffect(() => {
    // The element's entry is loaded in the browser only: it defines <maturity-matrix> there.
    import("maturity-matrix").then(async ({ init, builtinInstrument, score }) => {
      await init();
      const instrument = builtinInstrument("nhs-impact");
      setFigure(String(score(instrument, ${level(5)}).overall));
    });
  }, []);
  return <><p id="figure">{figure}</p><maturity-matrix storage-key="${key}"></maturity-matrix></>;
}`;
  for (const bundler of ["--turbopack", "--webpack"]) {
    // Each build its own saved answers: the two sites may be served at the same address.
    write(app, { "app/matrix.js": client(`next${bundler}`) });
    run(process.execPath, ["node_modules/next/dist/bin/next", "build", bundler], { env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
    const out = path.join(app, "out");
    assert.match(readFileSync(path.join(out, "index.html"), "utf8"), /<p id="server-score">2<\/p>/, `the server rendered the score (${bundler})`);
    const site = await serve(out, 0);
    try {
      await useWidget(site.url, "5");
    } finally {
      await site.close();
    }
  }
});
