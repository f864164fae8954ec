// Bundles the element and the wasm-bindgen glue into the files a page loads, and reports sizes.
// Run by scripts/build.sh after wasm-bindgen and wasm-opt have written build/.
import { build as esbuild, transform } from "esbuild";

// Every output minifies the stylesheet it carries.
const build = (options) => esbuild({ ...options, plugins: [minifiedCss, ...(options.plugins ?? [])] });
import { copyFileSync, readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { gzipSync, brotliCompressSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { checkPackageVersion } from "./version.mjs";

const www = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// A package whose version differs from the crates' would misname every release: stop here.
checkPackageVersion();
const dist = path.join(www, "dist");
mkdirSync(dist, { recursive: true });

// The stylesheet travels inside the script as text (the element adopts it into its shadow root):
// minified first, since every page downloads it.
const minifiedCss = {
  name: "maturity-matrix-css",
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(readFileSync(args.path, "utf8"), { loader: "css", minify: true, target: "es2022" });
      return { contents: code, loader: "text" };
    });
  },
};
const common = { bundle: true, minify: true, target: "es2022", legalComments: "none", logLevel: "warning" };

// The virtual modules the sources import, resolved per output: "maturity-matrix:rater-glue",
// "maturity-matrix:board-glue" and "maturity-matrix:glue" (the functions') are wasm-bindgen's
// glue of each WebAssembly; "maturity-matrix:functions" is how api.js finds the functions,
// statically carried (functions-static.js) or loaded on init() (loaders.js).
function resolving(functions) {
  const modules = {
    "rater-glue": "build/rater-pkg/maturity_widget.js",
    "board-glue": "build/board-pkg/maturity_widget.js",
    glue: "build/api-pkg/maturity_api.js",
    functions,
  };
  return {
    name: "maturity-matrix-modules",
    setup(build) {
      build.onResolve({ filter: /^maturity-matrix:/ }, (args) => ({ path: path.join(www, modules[args.path.slice("maturity-matrix:".length)]) }));
    },
  };
}
// Each .wasm's address relative to the output that loads it: string literals, so bundlers
// (webpack, Vite, Rollup, Parcel) see `new URL("…wasm", import.meta.url)` and copy the file.
const wasmFiles = { RATER_WASM: "maturity-matrix.wasm", BOARD_WASM: "maturity-matrix-board.wasm", FUNCTIONS_WASM: "maturity-matrix-api.wasm" };
const located = (above) => Object.fromEntries(Object.entries(wasmFiles).map(([name, file]) => [name, JSON.stringify(`${above ? ".." : "."}/${file}`)]));

// The element's entry and the three files it loads when they are needed, split by esbuild: the
// rater's build, the board's and the functions, each with its glue.
const splitEntries = {
  "maturity-matrix": path.join(www, "src/index.js"),
  "maturity-matrix-rater": path.join(www, "src/builds/rater.js"),
  "maturity-matrix-board": path.join(www, "src/builds/board.js"),
  "maturity-matrix-functions": path.join(www, "src/builds/functions.js"),
};
const lazily = resolving("src/loaders.js");
const statically = resolving("src/functions-static.js");
await build({ ...common, entryPoints: splitEntries, splitting: true, format: "esm", outdir: dist, chunkNames: "maturity-matrix-[hash]", plugins: [lazily], define: located(false) });
await build({ ...common, entryPoints: [path.join(www, "src/node.js")], format: "esm", platform: "node", outfile: path.join(dist, "node.js"), plugins: [statically], define: located(false) });

// Readable ES modules with source maps, for bundlers and Node (package.json's exports point
// here): the element's entry with its lazily loaded files, the side-effect-free `api` entry and
// Node's.
const readable = { ...common, minify: false, sourcemap: true, format: "esm" };
await build({ ...readable, entryPoints: splitEntries, splitting: true, outdir: path.join(dist, "esm"), chunkNames: "maturity-matrix-[hash]", plugins: [lazily], define: located(true) });
await build({ ...readable, entryPoints: [path.join(www, "src/api-entry.js")], outfile: path.join(dist, "esm/api.js"), plugins: [statically], define: located(true) });
await build({ ...readable, entryPoints: [path.join(www, "src/node.js")], platform: "node", outfile: path.join(dist, "esm/node.js"), plugins: [statically], define: located(true) });

// The standalone scripts carry their WebAssembly inside them, for servers that will not serve
// .wasm and pages opened from a shared drive (file://), where fetch cannot reach a sibling file.
// maturity-matrix.standalone.js is the rater's build; when an element needs the board's, it
// loads maturity-matrix-board.standalone.js from beside itself (a script element: allowed
// wherever the first was, file:// included). The board's file also works on its own.
const standalone = (name, contents, globalName) => build({
  globalName,
  ...common,
  stdin: { contents: contents.join("\n"), resolveDir: www, sourcefile: `${name}.js` },
  loader: { ".wasm": "binary" },
  format: "iife",
  plugins: [statically],
  // import.meta.url is meaningless in a classic script; the bytes are passed instead.
  define: { ...located(false), "import.meta.url": "document.baseURI" },
  outfile: path.join(dist, `${name}.js`),
});
await standalone("maturity-matrix.standalone", [
  `import { defineElement } from "./src/element.js";`,
  `import { start } from "./src/builds/rater.js";`,
  `import { explain } from "./src/explain.js";`,
  `import bytes from "./build/maturity-matrix.wasm";`,
  `// Compile the rater's build from the bytes in this file at once; each element reports a failure itself.`,
  `const rater = start({ module_or_path: bytes }).catch((error) => { throw explain(error); });`,
  `rater.catch(() => {});`,
  `const here = document.currentScript?.src ?? document.baseURI;`,
  `let board;`,
  `// The board's file hands over its build with an event once it runs (it defines no element here).`,
  `const boardBeside = () => (board ??= new Promise((resolve, reject) => {`,
  `  document.addEventListener("maturity-matrix-board-build", (event) => resolve(event.detail()), { once: true });`,
  `  const script = document.createElement("script");`,
  `  script.src = new URL("maturity-matrix-board.standalone.js", here).href;`,
  `  script.onerror = () => { board = undefined; reject(new Error("The board's part of the tool (maturity-matrix-board.standalone.js) could not be loaded: it belongs in the same folder as maturity-matrix.standalone.js.")); };`,
  `  document.head.append(script);`,
  `}));`,
  `defineElement((kind) => (kind === "board" ? boardBeside() : rater));`,
  `export { MaturityMatrixElement } from "./src/element.js";`,
], "MaturityMatrix");
await standalone("maturity-matrix-board.standalone", [
  `import { defineElement } from "./src/element.js";`,
  `import { start } from "./src/builds/board.js";`,
  `import { explain } from "./src/explain.js";`,
  `import bytes from "./build/maturity-matrix-board.wasm";`,
  `let board;`,
  `const startBoard = () => (board ??= start({ module_or_path: bytes }).catch((error) => { board = undefined; throw explain(error); }));`,
  `if (customElements.get("maturity-matrix")) {`,
  `  // Loaded by maturity-matrix.standalone.js for a board screen: hand it this build.`,
  `  document.dispatchEvent(new CustomEvent("maturity-matrix-board-build", { detail: startBoard }));`,
  `} else {`,
  `  // On its own: every element on the page uses the board's build.`,
  `  startBoard().catch(() => {});`,
  `  defineElement(startBoard);`,
  `}`,
]);

// The licences travel with the package (npm pack takes them from the package's root).
for (const licence of ["LICENSE-MIT", "LICENSE-APACHE"]) copyFileSync(path.join(www, "..", licence), path.join(www, licence));

// Type declarations. The functions' signatures, their doc comments and the data types are
// wasm-bindgen's, written from the Rust code; what follows `InitInput` is the glue's own loader,
// which the entries wrap as init().
const generated = readFileSync(path.join(www, "build/api-pkg/maturity_api.d.ts"), "utf8");
const loader = generated.indexOf("export type InitInput");
if (loader < 0) throw new Error("the generated declarations no longer have InitInput: check where the glue's loader starts");
// `[Symbol.dispose]` is declared only from TypeScript's esnext.disposable library on, so a
// project compiling for ES2022 would fail to type-check the package: it is left out of the
// declarations (it still works where it exists; `free()` does the same everywhere).
const functions = generated.slice(0, loader).replace(/^\s*\[Symbol\.dispose\]\(\): void;\n/m, "\n").trimEnd();
writeFileSync(path.join(dist, "functions.d.ts"), `// Generated by wasm-bindgen from the Rust code of the maturity-api crate.\n${functions}\n`);
for (const [from, to] of [["api.d.ts", "api.d.ts"], ["api-entry.d.ts", "api-entry.d.ts"], ["node.d.ts", "node.d.ts"], ["index.d.ts", "maturity-matrix.d.ts"]]) {
  copyFileSync(path.join(www, "src", from), path.join(dist, to));
}

const built = [...readdirSync(dist), ...readdirSync(path.join(dist, "esm")).map((name) => `esm/${name}`)];
const rows = built.filter((name) => /\.(js|wasm)$/.test(name)).sort().map((name) => {
  const bytes = readFileSync(path.join(dist, name));
  return { name, raw: statSync(path.join(dist, name)).size, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
});
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log("file".padEnd(36), "raw KiB".padStart(8), "gzip KiB".padStart(9), "br KiB".padStart(8));
for (const r of rows) console.log(r.name.padEnd(36), kb(r.raw), " ", kb(r.gzip), kb(r.brotli));
const sum = (names) => rows.filter((r) => names.includes(r.name)).reduce((total, r) => ({ raw: total.raw + r.raw, gzip: total.gzip + r.gzip, brotli: total.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
// What each kind of page downloads, and the most it may (gzip KiB). Bytes are deterministic, so
// the build fails over budget: a feature that needs more makes room first.
const embeds = [
  { name: "rater's embed (script + wasm)", files: ["maturity-matrix.js", "maturity-matrix-rater.js", "maturity-matrix.wasm"], budget: 299 },
  { name: "board's embed (script + wasm)", files: ["maturity-matrix.js", "maturity-matrix-board.js", "maturity-matrix-board.wasm"], budget: 430 },
  { name: "functions-only wasm", files: ["maturity-matrix-api.wasm"], budget: 175 },
];
const over = [];
for (const embed of embeds) {
  const total = sum(embed.files);
  console.log(embed.name.padEnd(36), kb(total.raw), " ", kb(total.gzip), kb(total.brotli), `  budget ${embed.budget} KiB gzip`);
  if (total.gzip > embed.budget * 1024) over.push(`${embed.name}: ${(total.gzip / 1024).toFixed(1)} KiB gzip, over its budget of ${embed.budget} KiB`);
}
writeFileSync(path.join(www, "build/sizes.json"), JSON.stringify(rows, null, 2));
if (over.length) {
  console.error(`\nOver the byte budget:\n  ${over.join("\n  ")}\nMake room before adding bytes (see docs/benchmarks.md).`);
  process.exit(1);
}
