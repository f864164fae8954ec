// The benchmark suite (run by scripts/bench.sh after a release build; not part of the tests).
// Measures what an embed costs: bytes, load to interactive beside a plain-HTML floor, rating
// click to updated results, memory, and the core natively and in WebAssembly. Prints a table
// and writes docs/benchmarks.md, keeping its hand-written "History" section.
//
//   node tests/bench/run.mjs [--runs 15] [--clicks 100] [--native <cargo bench output file>]
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from "node:fs";
import { gzipSync, brotliCompressSync } from "node:zlib";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { serve } from "../../scripts/serve.mjs";
import { repo, www } from "../support/paths.mjs";

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const RUNS = Number(option("runs", 15));
const CLICKS = Number(option("clicks", 100));
const NATIVE_OUTPUT = option("native", null);
// The rater's embed budget is also enforced by the build (www/scripts/bundle.mjs); the load and
// click ratios are against the plain-HTML floor measured in the same run.
const BUDGET = { raterEmbedGzipKiB: 280, loadRatio: 3, clickRatio: 3, frameMs: 16, aggregateMs: 5 };

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
const fixed = (n, digits = 1) => n.toFixed(digits);
const kib = (n) => (n / 1024).toFixed(1);

// ---------------------------------------------------------------------------------------------
// Bytes
function sizes() {
  const dist = path.join(www, "dist");
  // The files a page can load: not the declarations, the source maps or the readable ESM folder.
  const files = readdirSync(dist, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  const rows = files.filter((name) => !name.endsWith(".d.ts") && !name.endsWith(".map")).sort().map((name) => {
    const bytes = readFileSync(path.join(dist, name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
  });
  const total = (names) => {
    const files = rows.filter((r) => names.includes(r.name));
    return Object.fromEntries(["raw", "gzip", "brotli"].map((key) => [key, files.reduce((sum, r) => sum + r[key], 0)]));
  };
  // What a rater's page and a board's page download (the stylesheet is inside the script).
  return {
    rows,
    embed: total(["maturity-matrix.js", "maturity-matrix-rater.js", "maturity-matrix.wasm"]),
    board: total(["maturity-matrix.js", "maturity-matrix-board.js", "maturity-matrix-board.wasm"]),
  };
}

// ---------------------------------------------------------------------------------------------
// Pages: the widget and the plain-HTML floor for the default and a generated 200-item instrument.
const WORDS = "staff patients board teams improvement data learning quality daily leaders measure review plan change safety flow vision culture method time".split(" ");
const phrase = (seed, length) => Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(" ");

/** 200 items in 5 components of 40, with descriptors as long as the default instrument's. */
function generatedInstrument() {
  const levels = ["Not yet started", "Emerging", "Developing", "Embedding", "Leading"];
  return {
    formatVersion: 1, id: "bench-200", version: "1.0.0", title: "Generated 200-item matrix",
    scale: { levels: levels.map((label, i) => ({ value: i + 1, label })), notApplicable: { label: "Not applicable" }, dontKnow: { label: "Don't know" } },
    components: Array.from({ length: 5 }, (_, c) => ({
      id: `c${c}`, title: `Component ${c + 1}: ${phrase(c, 4)}`,
      items: Array.from({ length: 40 }, (_, i) => ({
        id: `c${c}-i${i}`, title: `Item ${i + 1}: ${phrase(c * 40 + i, 5)}`, prompt: `How far ${phrase(i, 12)}?`,
        levels: levels.map((_, l) => `${phrase(c + i + l, 22)}.`),
        evidence: [phrase(i + 1, 6), phrase(i + 2, 6)],
      })),
    })),
  };
}

const escapeHtml = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Optional lines for a rater's page head (docs/embedding.md): fetch its three files at once. */
const PRELOAD = `<link rel="modulepreload" href="../../dist/maturity-matrix.js">
<link rel="modulepreload" href="../../dist/maturity-matrix-rater.js">
<link rel="preload" href="../../dist/maturity-matrix.wasm" as="fetch" type="application/wasm" crossorigin>`;

function widgetPage(attributes, head = "") {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Widget</title>
<script src="hooks.js"></script>${head}</head><body><main><h1>Self-assessment</h1>
<maturity-matrix ${attributes} view="assess" storage-key="bench"></maturity-matrix>
<script type="module" src="../../dist/maturity-matrix.js"></script></main></body></html>`;
}

/** The same text the widget's assess view shows, as static HTML with native radios. */
function floorPage(instrument) {
  const component = instrument.components[0];
  const scale = instrument.scale;
  const items = component.items.map((item) => `<fieldset><legend>${escapeHtml(item.title)} ${escapeHtml(item.prompt ?? "")}</legend>
${scale.levels.map((level, l) => `<label><input type="radio" name="${item.id}"> ${escapeHtml(level.label)} ${escapeHtml(item.levels?.[l] ?? "")}</label><br>`).join("\n")}
<label><input type="radio" name="${item.id}"> Not applicable</label> <label><input type="radio" name="${item.id}"> Don't know</label>
<br><label>Evidence and notes <textarea></textarea></label></fieldset>`).join("\n");
  const steps = instrument.components.map((c) => `<li><button type="button">${escapeHtml(c.title)}</button></li>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body><main>
<h1>Self-assessment</h1><h2>${escapeHtml(instrument.title)}</h2><ol>${steps}</ol><h3>${escapeHtml(component.title)}</h3>
${items}
<table class="results"><tr><th>Component</th><th>Score</th></tr>${instrument.components.map((c) => `<tr><td>${escapeHtml(c.title)}</td><td>Not yet scored</td></tr>`).join("")}</table>
</main><script>window.__interactive = performance.now();
// The plain page's own scoring: count the checked radios and show it, as hand-written script would.
document.addEventListener("change", () => {
  document.querySelector(".results td + td").textContent = String(document.querySelectorAll("input:checked").length);
});</script></body></html>`;
}

// Runs first in the widget pages: notes when the first radio appears in the shadow root, and
// keeps the WebAssembly memory so it can be measured.
const HOOKS = `
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attach.call(this, init);
  const observer = new MutationObserver(() => {
    if (window.__interactive === undefined && root.querySelector(".mm-option__input")) {
      window.__interactive = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  return root;
};
window.__instantiate = [];
for (const name of ["instantiate", "instantiateStreaming"]) {
  const original = WebAssembly[name];
  WebAssembly[name] = async function (...args) {
    const started = performance.now();
    const result = await original.apply(this, args);
    // Streaming compiles while the bytes arrive: its span covers the download too.
    window.__instantiate.push({ name, started, ended: performance.now() });
    window.__wasmMemory = (result.instance ?? result).exports.memory;
    return result;
  };
}`;

function writePages() {
  const dir = path.join(www, "build/bench");
  mkdirSync(dir, { recursive: true });
  const builtin = JSON.parse(readFileSync(path.join(repo, "core/instruments/nhs-impact.json"), "utf8"));
  const generated = generatedInstrument();
  writeFileSync(path.join(dir, "hooks.js"), HOOKS);
  writeFileSync(path.join(dir, "widget-default.html"), widgetPage(`instrument="nhs-impact"`));
  writeFileSync(path.join(dir, "widget-preload.html"), widgetPage(`instrument="nhs-impact"`, PRELOAD));
  // A facilitator's page: the board view's tab shows only where the host asks for it.
  writeFileSync(path.join(dir, "widget-board.html"), widgetPage(`instrument="nhs-impact" board`));
  writeFileSync(path.join(dir, "widget-200.html"), widgetPage(`instrument="${escapeHtml(JSON.stringify(generated))}"`));
  writeFileSync(path.join(dir, "floor-default.html"), floorPage(builtin));
  writeFileSync(path.join(dir, "floor-200.html"), floorPage(generated));
  return { builtin, generated };
}

// ---------------------------------------------------------------------------------------------
// In the browser
async function loadTime(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__interactive !== undefined);
  const time = await page.evaluate(() => window.__interactive);
  await context.close();
  return time;
}

/** Where a cold load's time goes, from the browser's own timeline: each file's arrival
 * (resource timing), the WebAssembly's instantiation, and the first radio in the DOM. */
async function loadTimeline(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__interactive !== undefined);
  const timeline = await page.evaluate(() => {
    const arrived = (suffix) => performance.getEntriesByType("resource").find((e) => e.name.endsWith(suffix))?.responseEnd ?? null;
    const wasm = window.__instantiate[0];
    return {
      html: performance.getEntriesByType("navigation")[0].responseEnd,
      script: arrived("/maturity-matrix.js"),
      build: arrived("/maturity-matrix-rater.js"),
      wasm: arrived("/maturity-matrix.wasm"),
      instantiateStarted: wasm?.started ?? null,
      instantiated: wasm?.ended ?? null,
      interactive: window.__interactive,
    };
  });
  await context.close();
  return timeline;
}

/** A repeat visit: the same browser profile loads the page a second time, with the files in
 * its HTTP cache (and, for the WebAssembly, the compiled code V8 keeps beside it). */
async function warmLoadTime(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__interactive !== undefined);
  // Give V8 a moment to finish optimising and write its code cache, as a reader would.
  await page.waitForTimeout(1500);
  await page.goto(url);
  await page.waitForFunction(() => window.__interactive !== undefined);
  const time = await page.evaluate(() => window.__interactive);
  await context.close();
  return time;
}

async function openWidget(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__interactive !== undefined);
  return { context, page };
}

/** Times `CLICKS` clicks, each changing an answer, from the click to the DOM mutation of what
 * shows the result and the layout it needs. The widget: levels on the shown component's items,
 * its results table. The floor (`floor`): its radios, the cell its own script writes. */
async function clickTimes(browser, url, { floor = false } = {}) {
  const { context, page } = await openWidget(browser, url);
  const times = await page.evaluate(async ({ clicks, floor }) => {
    const root = floor ? document : document.querySelector("maturity-matrix").shadowRoot;
    const shown = root.querySelector(floor ? ".results td + td" : ".mm-results");
    const items = [...root.querySelectorAll(".mm-item")];
    const radios = [...root.querySelectorAll("input[type=radio]")];
    const pick = floor
      // A repeated click on a checked radio fires no change: each click unchecks one first.
      ? (i) => Object.assign(radios[(i * 7 + (i % 2)) % radios.length], { checked: false })
      : (i) => items[i % items.length].querySelectorAll(".mm-options__levels input")[Math.floor(i / items.length) % 2 === 0 ? 1 : 3];
    const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const out = [];
    for (let i = 0; i < clicks; i++) {
      const radio = pick(i);
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          // The update's style and layout, which the browser does before anyone sees it.
          void document.body.offsetHeight;
          resolve(performance.now());
        });
        observer.observe(shown, { subtree: true, childList: true, characterData: true });
      });
      const start = performance.now();
      radio.click();
      out.push((await changed) - start);
      await settle();
    }
    return out;
  }, { clicks: CLICKS, floor });
  await context.close();
  return times;
}

async function memory(browser, url) {
  const { context, page } = await openWidget(browser, url);
  const measure = () => page.evaluate(() => {
    window.gc();
    return { js: performance.memory.usedJSHeapSize, wasm: window.__wasmMemory?.buffer.byteLength ?? 0 };
  });
  const loaded = await measure();
  // Complete the assessment: every item of every component gets a level.
  await page.evaluate(async () => {
    const root = document.querySelector("maturity-matrix").shadowRoot;
    const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const steps = root.querySelectorAll(".mm-steps__button").length;
    for (let s = 0; s < steps; s++) {
      root.querySelectorAll(".mm-steps__button")[s].click();
      await settle();
      for (const item of root.querySelectorAll(".mm-item")) {
        item.querySelectorAll(".mm-options__levels input")[2].click();
        await settle();
      }
    }
  });
  const completed = await measure();
  const answered = await page.evaluate(() => document.querySelector("maturity-matrix").shadowRoot.querySelector(".mm-progress").dataset.answered);
  await context.close();
  return { loaded, completed, answered: Number(answered) };
}

/** The system view: `files` agreed records chosen at once. Time from the file input's change
 * event to the system view's figures in the DOM: reading and checking every file, the core's
 * figures, and the first render of every organisation's chart and row. */
async function systemImport(browser, url, files) {
  const { context, page } = await openWidget(browser, url);
  const widget = page.locator("maturity-matrix");
  await widget.locator('.mm-nav__button[data-view="system"]').click();
  await widget.locator("input[type=file][multiple]").waitFor({ state: "attached" });
  await page.evaluate(() => {
    const root = document.querySelector("maturity-matrix").shadowRoot;
    root.querySelector("input[type=file][multiple]").addEventListener("change", () => { window.__importStart = performance.now(); });
    new MutationObserver(() => {
      if (window.__importDone === undefined && root.querySelector(".mm-summary[data-organisations]")) window.__importDone = performance.now();
    }).observe(root, { subtree: true, childList: true });
  });
  await widget.locator("input[type=file][multiple]").setInputFiles(files);
  await page.waitForFunction(() => window.__importDone !== undefined);
  const shown = Number(await widget.locator(".mm-summary[data-organisations]").getAttribute("data-organisations"));
  const charts = await widget.locator(".mm-multiples figure").count();
  const took = await page.evaluate(() => window.__importDone - window.__importStart);
  await context.close();
  return { files: files.length, shown, charts, took };
}

/** Board mode: 750 response files chosen at once, then the board view opened. Times from the
 * file input's change event to the list of respondents in the DOM, and from the click to the
 * board view's figures in the DOM. */
async function boardImport(browser, url, files) {
  const { context, page } = await openWidget(browser, url);
  const widget = page.locator("maturity-matrix");
  await widget.locator('.mm-nav__button[data-view="board"]').click();
  await widget.locator("input[type=file][multiple]").waitFor({ state: "attached" });
  await page.evaluate(() => {
    const root = document.querySelector("maturity-matrix").shadowRoot;
    root.querySelector("input[type=file][multiple]").addEventListener("change", () => { window.__importStart = performance.now(); });
    new MutationObserver(() => {
      const said = root.querySelector(".mm-board__messages li");
      if (window.__importDone === undefined && said && /responses? added/.test(said.textContent)) window.__importDone = performance.now();
    }).observe(root, { subtree: true, childList: true, characterData: true });
  });
  await widget.locator("input[type=file][multiple]").setInputFiles(files);
  await page.waitForFunction(() => window.__importDone !== undefined);
  // (Beyond 30 respondents the list is built only when opened: the message gives the count.)
  const added = Number((await widget.locator(".mm-board__messages li").first().textContent()).match(/^(\d+) responses? added/)[1]);
  const opened = await page.evaluate(() => new Promise((resolve) => {
    const root = document.querySelector("maturity-matrix").shadowRoot;
    const button = [...root.querySelectorAll("button")].find((b) => b.textContent.startsWith("Open the board view"));
    const observer = new MutationObserver(() => {
      if (root.querySelector(".mm-summary[data-respondents]")) {
        observer.disconnect();
        resolve(performance.now() - start);
      }
    });
    observer.observe(root, { subtree: true, childList: true });
    const start = performance.now();
    button.click();
  }));
  const imported = await page.evaluate(() => window.__importDone - window.__importStart);
  await context.close();
  return { files: files.length, added, imported, opened };
}

// ---------------------------------------------------------------------------------------------
// The core: native (from the Rust benchmark) and WebAssembly in Node.
/** `n` responses to `instrument` with names, as a board's members would send them. */
function boardResponses(instrument, n) {
  const require = createRequire(import.meta.url);
  const pure = require(path.join(repo, "target/bench-core-release/maturity_bench_wasm.js"));
  pure.prepare(JSON.stringify(instrument), n);
  return JSON.parse(pure.prepared_json()).map((response, i) => ({ ...response, respondent: { name: `Member ${i + 1}` } }));
}

function timeMicros(fn, runs) {
  for (let i = 0; i < Math.min(runs, 10); i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return median(times);
}

function nativeTimes() {
  const text = NATIVE_OUTPUT
    ? readFileSync(NATIVE_OUTPUT, "utf8")
    : execFileSync("cargo", ["bench", "-q", "-p", "maturity-core", "--features", "sample", "--bench", "core"], { cwd: repo, encoding: "utf8" });
  const find = (label) => Number(text.match(new RegExp(`${label}.*?median\\s+([\\d.]+) µs`))[1]);
  return {
    validate: find("validate the default instrument"),
    score: find("score one response"),
    aggregate: find("aggregate 1,000 responses"),
  };
}

async function wasmTimes(builtinText) {
  const require = createRequire(import.meta.url);
  // The core alone, built as the widget is (opt-level "z") and as the api is (opt-level 3).
  const pure = require(path.join(repo, "target/bench-core-release/maturity_bench_wasm.js"));
  const pureFast = require(path.join(repo, "target/bench-core-api/maturity_bench_wasm.js"));
  pure.prepare(builtinText, 1000);
  pureFast.prepare(builtinText, 1000);
  const api = await import(path.join(www, "dist/node.js"));
  const instrument = JSON.parse(builtinText);
  // The same 1,000 responses, as the objects a developer would pass in.
  const responses = JSON.parse(pure.prepared_json());
  const tenThousand = Array.from({ length: 10_000 }, (_, n) => responses[n % responses.length]);
  const prepared = api.prepare(instrument);
  let i = 0;
  return {
    pure: {
      validate: timeMicros(() => pure.validate(builtinText), 2000),
      score: timeMicros(() => pure.score_one(i++), 20000),
      aggregate: timeMicros(() => pure.aggregate_all(), 200),
    },
    pureFast: {
      validate: timeMicros(() => pureFast.validate(builtinText), 2000),
      score: timeMicros(() => pureFast.score_one(i++), 20000),
      aggregate: timeMicros(() => pureFast.aggregate_all(), 200),
    },
    api: {
      validate: timeMicros(() => api.validateInstrument(builtinText), 1000),
      score: timeMicros(() => api.score(instrument, responses[i++ % responses.length]), 5000),
      aggregate: timeMicros(() => api.aggregate(instrument, responses), 50),
      aggregateTenThousand: timeMicros(() => api.aggregate(instrument, tenThousand), 5),
    },
    // An instrument prepared once (read and checked), then used for every call.
    prepared: {
      validate: timeMicros(() => api.prepare(builtinText).free(), 1000),
      score: timeMicros(() => prepared.score(responses[i++ % responses.length]), 5000),
      aggregate: timeMicros(() => prepared.aggregate(responses), 50),
      aggregateTenThousand: timeMicros(() => prepared.aggregate(tenThousand), 5),
    },
  };
}

// ---------------------------------------------------------------------------------------------
async function main() {
  const { builtin, generated } = writePages();
  const itemCounts = { default: builtin.components.flatMap((c) => c.items).length, big: generated.components.flatMap((c) => c.items).length };
  const bytes = sizes();
  // Cacheable, as a real intranet serves static files; cold loads use fresh contexts.
  const server = await serve(www, 0, { headers: { "cache-control": "max-age=3600" } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--enable-precise-memory-info", "--js-flags=--expose-gc", "--disable-background-networking", "--disable-component-update"],
  });
  const chromiumVersion = browser.version();
  const url = (name) => new URL(`build/bench/${name}.html`, server.url).href;
  const pages = ["floor-default", "widget-default", "widget-preload", "floor-200", "widget-200"];
  const load = Object.fromEntries(pages.map((p) => [p, []]));
  for (const p of pages) await loadTime(browser, url(p)); // one warm-up each: the OS file cache
  for (let run = 0; run < RUNS; run++) {
    // Interleaved, so drift on a shared machine affects every page alike.
    for (const p of pages) load[p].push(await loadTime(browser, url(p)));
  }
  const warm = { floor: [], widget: [] };
  for (let run = 0; run < Math.min(RUNS, 7); run++) {
    warm.floor.push(await warmLoadTime(browser, url("floor-default")));
    warm.widget.push(await warmLoadTime(browser, url("widget-default")));
  }
  const clicks = {
    default: await clickTimes(browser, url("widget-default")),
    big: await clickTimes(browser, url("widget-200")),
    floor: await clickTimes(browser, url("floor-default"), { floor: true }),
  };
  const timelines = [];
  for (let run = 0; run < Math.min(RUNS, 7); run++) timelines.push(await loadTimeline(browser, url("widget-default")));
  const boardFiles = boardResponses(builtin, 750).map((response, i) => ({ name: `respondent-${i + 1}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(response, null, 2)) }));
  const board = [];
  for (let run = 0; run < 5; run++) board.push(await boardImport(browser, url("widget-board"), boardFiles));
  // Fifty organisations' agreed records, each named, as an ICB would gather them.
  const systemFiles = boardResponses(builtin, 50).map(({ respondent, ...record }, i) => ({ name: `organisation-${i + 1}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...record, organisation: `Organisation ${String(i + 1).padStart(2, "0")} NHS Trust` }, null, 2)) }));
  const system = [];
  for (let run = 0; run < 5; run++) system.push(await systemImport(browser, url("widget-board"), systemFiles));
  const mem = { default: await memory(browser, url("widget-default")), big: await memory(browser, url("widget-200")) };
  await browser.close();
  await server.close();

  const native = nativeTimes();
  const wasm = await wasmTimes(readFileSync(path.join(repo, "core/instruments/nhs-impact.json"), "utf8"));

  const loadMedian = Object.fromEntries(pages.map((p) => [p, median(load[p])]));
  const results = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    chromium: chromiumVersion,
    node: process.version,
    bytes, itemCounts, loadMedian, clicks, mem, native, wasm, board, system, timelines,
    warm: { floor: median(warm.floor), widget: median(warm.widget), runs: warm.floor.length },
  };
  const report = render(results);
  console.log(report.table);
  const docPath = path.join(repo, "docs/benchmarks.md");
  const history = existsSync(docPath) ? (readFileSync(docPath, "utf8").split(/^## History$/m)[1] ?? "") : "";
  writeFileSync(docPath, `${report.markdown}\n## History${history || "\n\nChanges that mattered, with the figures before and after.\n"}`);
  console.log(`\nwrote ${path.relative(repo, docPath)}`);
}

function render(r) {
  const lines = [];
  const push = (...xs) => lines.push(...xs);
  const kb = (n) => (n / 1000).toFixed(1);
  const loadRatio = r.loadMedian["widget-default"] / r.loadMedian["floor-default"];
  const clickRatio = quantile(r.clicks.default, 0.5) / quantile(r.clicks.floor, 0.5);
  const step = (key) => median(r.timelines.map((t) => t[key]));
  const growth = r.loadMedian["widget-200"] / r.loadMedian["widget-default"];
  const itemGrowth = r.itemCounts.big / r.itemCounts.default;
  const p = (xs, q) => quantile(xs, q);
  const met = (ok) => (ok ? "met" : "**not met**");
  push(
    "# Benchmarks",
    "",
    `Measured ${r.date} by \`scripts/bench.sh\` on ${r.machine}; Chromium ${r.chromium} headless; Node ${r.node}.`,
    "Absolute times on a shared machine are noisy: comparisons use ratios measured in the same run.",
    "",
    "## Budgets",
    "",
    "| budget | measured | |",
    "|---|---|---|",
    `| rater's embed ≤ ${BUDGET.raterEmbedGzipKiB} KiB gzip (enforced by the build) | ${kib(r.bytes.embed.gzip)} KiB | ${met(r.bytes.embed.gzip <= BUDGET.raterEmbedGzipKiB * 1024)} |`,
    `| load ≤ ${BUDGET.loadRatio}× plain-HTML floor (default instrument, rater's build) | ${fixed(loadRatio, 2)}× (${fixed(r.loadMedian["widget-preload"] / r.loadMedian["floor-default"], 2)}× with preload lines) | ${met(loadRatio <= BUDGET.loadRatio)} |`,
    `| click → DOM ≤ ${BUDGET.clickRatio}× plain-HTML floor (medians) | ${fixed(clickRatio, 2)}× (${fixed(p(r.clicks.default, 0.5), 2)} ms ÷ ${fixed(p(r.clicks.floor, 0.5), 2)} ms) | ${met(clickRatio <= BUDGET.clickRatio)} |`,
    `| load growth to 200 items no worse than linear (${fixed(itemGrowth, 0)}× the items) | ${fixed(growth, 2)}× | ${met(growth <= itemGrowth)} |`,
    `| click → results p95 ≤ ${BUDGET.frameMs} ms, default | ${fixed(p(r.clicks.default, 0.95))} ms | ${met(p(r.clicks.default, 0.95) <= BUDGET.frameMs)} |`,
    `| click → results p95 ≤ ${BUDGET.frameMs} ms, 200 items | ${fixed(p(r.clicks.big, 0.95))} ms | ${met(p(r.clicks.big, 0.95) <= BUDGET.frameMs)} |`,
    `| aggregate 1,000 responses in WebAssembly < ${BUDGET.aggregateMs} ms (core) | ${fixed(r.wasm.pure.aggregate / 1000, 2)} ms | ${met(r.wasm.pure.aggregate / 1000 < BUDGET.aggregateMs)} |`,
    `| … through the JavaScript API, JSON in and out | ${fixed(r.wasm.api.aggregate / 1000, 2)} ms | ${met(r.wasm.api.aggregate / 1000 < BUDGET.aggregateMs)} |`,
    `| board: import ${r.board[0].files} response files (50 organisations × 15 members) and open the board view < 1 s (median of ${r.board.length}) | ${fixed(median(r.board.map((b) => b.imported + b.opened)), 0)} ms | ${met(median(r.board.map((b) => b.imported + b.opened)) < 1000)} |`,
    `| system: import ${r.system[0].files} organisations' agreed records and show the system view < 1 s (median of ${r.system.length}) | ${fixed(median(r.system.map((s) => s.took)), 0)} ms | ${met(median(r.system.map((s) => s.took)) < 1000)} |`,
    "",
    "## Bytes",
    "",
    "Every file in `www/dist/`. A rater's page (module build) loads `maturity-matrix.js`, `maturity-matrix-rater.js` and `maturity-matrix.wasm` (the stylesheet is inside the script); a board's page `maturity-matrix.js`, `maturity-matrix-board.js` and `maturity-matrix-board.wasm`; the standalone build its one file (and the board's standalone file when a board screen opens).",
    "",
    "| file | raw KiB | gzip KiB | brotli KiB |",
    "|---|---:|---:|---:|",
    ...r.bytes.rows.map((f) => `| ${f.name} | ${kib(f.raw)} | ${kib(f.gzip)} | ${kib(f.brotli)} |`),
    `| **rater's embed total** | ${kib(r.bytes.embed.raw)} | ${kib(r.bytes.embed.gzip)} | ${kib(r.bytes.embed.brotli)} |`,
    `| **board's embed total** | ${kib(r.bytes.board.raw)} | ${kib(r.bytes.board.gzip)} | ${kib(r.bytes.board.brotli)} |`,
    "",
    "## Load to interactive",
    "",
    `Navigation start to the first radio button in the DOM, median of ${RUNS} cold loads (a new browser context each, no HTTP cache), pages interleaved. The floor is a static page with the same text the widget's assess view shows (the first component's items, the list of components and a score table) as native radios, no script and no styles.`,
    "",
    "| instrument | items | floor ms | widget ms | widget ÷ floor |",
    "|---|---:|---:|---:|---:|",
    `| default (NHS IMPACT) | ${r.itemCounts.default} | ${fixed(r.loadMedian["floor-default"])} | ${fixed(r.loadMedian["widget-default"])} | ${fixed(loadRatio, 2)} |`,
    `| default, with the two preload lines in the page's head | ${r.itemCounts.default} | ${fixed(r.loadMedian["floor-default"])} | ${fixed(r.loadMedian["widget-preload"])} | ${fixed(r.loadMedian["widget-preload"] / r.loadMedian["floor-default"], 2)} |`,
    `| default, repeat visit (files cached; median of ${r.warm.runs}) | ${r.itemCounts.default} | ${fixed(r.warm.floor)} | ${fixed(r.warm.widget)} | ${fixed(r.warm.widget / r.warm.floor, 2)} |`,
    `| generated | ${r.itemCounts.big} | ${fixed(r.loadMedian["floor-200"])} | ${fixed(r.loadMedian["widget-200"])} | ${fixed(r.loadMedian["widget-200"] / r.loadMedian["floor-200"], 2)} |`,
    "",
    "### Where the time goes",
    "",
    `Medians of ${r.timelines.length} cold loads of the default instrument (rater's build), from the browser's own timeline: navigation start to each file's last byte (resource timing), the WebAssembly's instantiation (streaming: it compiles while the bytes arrive), and the first radio in the DOM.`,
    "",
    "| step | at ms |",
    "|---|---:|",
    `| the page's HTML arrived | ${fixed(step("html"))} |`,
    `| maturity-matrix.js arrived | ${fixed(step("script"))} |`,
    `| maturity-matrix-rater.js arrived (asked for by the element) | ${fixed(step("build"))} |`,
    `| instantiation started | ${fixed(step("instantiateStarted"))} |`,
    `| maturity-matrix.wasm arrived | ${fixed(step("wasm"))} |`,
    `| instantiated (compiled and started) | ${fixed(step("instantiated"))} |`,
    `| first radio in the DOM (instrument read, first render) | ${fixed(step("interactive"))} |`,
    "",
    "## Rating click to updated results",
    "",
    `${CLICKS} clicks per instrument, each changing a rating on the shown component; time from \`click()\` to the results table's DOM mutation and the layout it needs (read by forcing layout in the mutation's callback). The floor is the plain page with a few lines of its own script that write a count into its score table on each change.`,
    "",
    "| instrument | p50 ms | p95 ms | max ms |",
    "|---|---:|---:|---:|",
    `| default | ${fixed(p(r.clicks.default, 0.5), 2)} | ${fixed(p(r.clicks.default, 0.95), 2)} | ${fixed(Math.max(...r.clicks.default), 2)} |`,
    `| 200 items | ${fixed(p(r.clicks.big, 0.5), 2)} | ${fixed(p(r.clicks.big, 0.95), 2)} | ${fixed(Math.max(...r.clicks.big), 2)} |`,
    `| plain-HTML floor (its own script updates a cell) | ${fixed(p(r.clicks.floor, 0.5), 2)} | ${fixed(p(r.clicks.floor, 0.95), 2)} | ${fixed(Math.max(...r.clicks.floor), 2)} |`,
    "",
    "## Memory",
    "",
    "After a forced garbage collection: the page's JavaScript heap, and the WebAssembly linear memory (which only grows).",
    "",
    "| instrument | JS heap after load | wasm after load | JS heap completed | wasm completed | items answered |",
    "|---|---:|---:|---:|---:|---:|",
    ...[["default", r.mem.default], ["200 items", r.mem.big]].map(([name, m]) =>
      `| ${name} | ${kib(m.loaded.js)} KiB | ${kib(m.loaded.wasm)} KiB | ${kib(m.completed.js)} KiB | ${kib(m.completed.wasm)} KiB | ${m.answered} |`),
    "",
    `## Board mode: ${r.board[0].files} response files`,
    "",
    `The default instrument; ${r.board[0].files} files (pretty-printed JSON, as downloaded) chosen at once in the board view's file input, ${r.board.length} runs. Import: from the input's change event to the message that ${r.board[0].added} responses were added (reading every file, checking each against the instrument, saving the board). Open: from the click on "Open the board view" to the aggregated figures in the DOM.`,
    "",
    "| | median ms | slowest ms |",
    "|---|---:|---:|",
    `| import | ${fixed(median(r.board.map((b) => b.imported)), 0)} | ${fixed(Math.max(...r.board.map((b) => b.imported)), 0)} |`,
    `| open the board view | ${fixed(median(r.board.map((b) => b.opened)), 0)} | ${fixed(Math.max(...r.board.map((b) => b.opened)), 0)} |`,
    `| total | ${fixed(median(r.board.map((b) => b.imported + b.opened)), 0)} | ${fixed(Math.max(...r.board.map((b) => b.imported + b.opened)), 0)} |`,
    "",
    `## System view: ${r.system[0].files} organisations`,
    "",
    `The default instrument; ${r.system[0].files} agreed records (pretty-printed JSON, each naming its organisation) chosen at once in the system view's file input, ${r.system.length} runs. From the input's change event to the system view in the DOM: reading and checking every file, the core's figures, and the first render of ${r.system[0].charts} profile charts and every table row (${r.system[0].shown} organisations shown).`,
    "",
    "| | median ms | slowest ms |",
    "|---|---:|---:|",
    `| import and first render | ${fixed(median(r.system.map((s) => s.took)), 0)} | ${fixed(Math.max(...r.system.map((s) => s.took)), 0)} |`,
    "",
    "## Core: native and WebAssembly",
    "",
    "Medians. Native: `cargo bench -p maturity-core --features sample` (release). WebAssembly (core): the same operations compiled to wasm32 and called from Node with data already in wasm memory, built as the widget is (opt-level \"z\") and as the functions-only build is (opt-level 3). Through the API: `maturity-matrix/api` and Node (the quick reader, built for speed), which also convert JSON in and out. (The widget's WebAssembly no longer carries the functions: the main entry loads the functions-only build on `init()`.)",
    "",
    "| operation | native µs | wasm (core, \"z\") µs | wasm (core, 3) µs | free function µs | prepared instrument µs |",
    "|---|---:|---:|---:|---:|---:|",
    ...[["validate the default instrument", "validate"], ["score one response", "score"], ["aggregate 1,000 responses", "aggregate"]].map(([label, key]) =>
      `| ${label} | ${fixed(r.native[key], 2)} | ${fixed(r.wasm.pure[key], 2)} | ${fixed(r.wasm.pureFast[key], 2)} | ${fixed(r.wasm.api[key], 2)} | ${fixed(r.wasm.prepared[key], 2)} |`),
    `| aggregate 10,000 responses | | | | ${fixed(r.wasm.api.aggregateTenThousand, 0)} | ${fixed(r.wasm.prepared.aggregateTenThousand, 0)} |`,
    "",
    "The API's targets, in Node, through a prepared instrument: score one response ≤ 20 µs: " +
      `${fixed(r.wasm.prepared.score, 1)} µs (${met(r.wasm.prepared.score <= 20)}; the core's own scoring takes ${fixed(r.wasm.pureFast.score, 1)} µs of it on this machine); ` +
      `aggregate 1,000 ≤ 3× the core's own time in wasm (built the same way): ` +
      `${fixed(r.wasm.prepared.aggregate / r.wasm.pureFast.aggregate, 1)}× (${met(r.wasm.prepared.aggregate <= 3 * r.wasm.pureFast.aggregate)}); aggregate 10,000 ≤ 100 ms: ` +
      `${fixed(r.wasm.prepared.aggregateTenThousand / 1000, 0)} ms (${met(r.wasm.prepared.aggregateTenThousand <= 100_000)}).`,
    "",
  );
  const markdown = lines.join("\n");
  return { markdown, table: markdown };
}

await main();
