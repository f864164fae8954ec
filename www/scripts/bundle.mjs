// Bundles the element and the wasm-bindgen glue into the files a page loads, and reports sizes.
// Run by scripts/build.sh after wasm-bindgen and wasm-opt have written build/.
import { build } from "esbuild";
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

const common = { bundle: true, minify: true, loader: { ".css": "text" }, target: "es2022", legalComments: "none", logLevel: "warning" };

// Each output carries one WebAssembly file: the widget's (the element and the functions), or the
// functions-only `api` build (a third of the size; it reads responses the quick way). The
// sources import its glue as "maturity-matrix:glue", and `MATURITY_MATRIX_WASM` becomes the
// file's address relative to the output: a string literal, so bundlers (webpack, Vite, Rollup,
// Parcel) see `new URL("…wasm", import.meta.url)` and copy the file.
function carrying(glue, wasm, above = false) {
  const resolveGlue = {
    name: "maturity-matrix-glue",
    setup(build) {
      build.onResolve({ filter: /^maturity-matrix:glue$/ }, () => ({ path: path.join(www, glue) }));
    },
  };
  return { plugins: [resolveGlue], define: { MATURITY_MATRIX_WASM: JSON.stringify(`${above ? ".." : "."}/${wasm}`) } };
}
const widget = (above) => carrying("build/pkg/maturity_widget.js", "maturity-matrix.wasm", above);
const functionsOnly = (above) => carrying("build/api-pkg/maturity_api.js", "maturity-matrix-api.wasm", above);

await build({ ...common, ...widget(), entryPoints: [path.join(www, "src/index.js")], format: "esm", outfile: path.join(dist, "maturity-matrix.js") });

await build({ ...common, ...functionsOnly(), entryPoints: [path.join(www, "src/node.js")], format: "esm", platform: "node", outfile: path.join(dist, "node.js") });

// Readable ES modules with source maps, for bundlers and Node (package.json's exports point
// here): the element's entry, the side-effect-free `api` entry and Node's.
const readable = { ...common, minify: false, sourcemap: true, format: "esm" };
await build({ ...readable, ...widget(true), entryPoints: [path.join(www, "src/index.js")], outfile: path.join(dist, "esm/maturity-matrix.js") });
await build({ ...readable, ...functionsOnly(true), entryPoints: [path.join(www, "src/api-entry.js")], outfile: path.join(dist, "esm/api.js") });
await build({ ...readable, ...functionsOnly(true), entryPoints: [path.join(www, "src/node.js")], platform: "node", outfile: path.join(dist, "esm/node.js") });

// The standalone script carries the wasm inside it, for servers that will not serve .wasm
// and pages opened from a shared drive (file://), where fetch cannot reach a sibling file.
await build({
  ...common,
  stdin: {
    contents: [
      `import { init, defineElement } from "./src/element.js";`,
      `import bytes from "./build/maturity-matrix.wasm";`,
      `// Start from the bytes inside this file before any element asks for the .wasm URL.`,
      `init({ module_or_path: bytes }).catch(() => {}); // each element reports a failure itself`,
      `defineElement();`,
      `export * from "./src/element.js";`,
    ].join("\n"),
    resolveDir: www,
    sourcefile: "standalone.js",
  },
  loader: { ...common.loader, ".wasm": "binary" },
  format: "iife",
  globalName: "MaturityMatrix",
  ...widget(),
  // import.meta.url is meaningless in a classic script; the bytes are passed instead.
  define: { ...widget().define, "import.meta.url": "document.baseURI" },
  outfile: path.join(dist, "maturity-matrix.standalone.js"),
});

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
const module = rows.filter((r) => r.name === "maturity-matrix.js" || r.name === "maturity-matrix.wasm");
console.log("module embed total".padEnd(36), kb(module.reduce((a, r) => a + r.raw, 0)), " ", kb(module.reduce((a, r) => a + r.gzip, 0)), kb(module.reduce((a, r) => a + r.brotli, 0)));
writeFileSync(path.join(www, "build/sizes.json"), JSON.stringify(rows, null, 2));
