// The software bill of materials of a release, for the IT security officer who signs it off:
//   <folder>/sbom/rust.cdx.json   the Rust crates the WebAssembly builds compile (CycloneDX 1.5,
//                                 written by cargo-cyclonedx)
//   <folder>/sbom/npm.cdx.json    the npm packages bundled into the JavaScript (CycloneDX 1.5,
//                                 written by @cyclonedx/cyclonedx-npm)
//   <folder>/sbom/LICENSES.txt    every crate and package shipped, its version and licence
//   node www/scripts/sbom.mjs <folder>
// scripts/setup.sh release installs both tools; assembleRelease (release.mjs) calls writeSbom.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { repo, workspaceVersion } from "./version.mjs";

const TARGET = "wasm32-unknown-unknown";
const SPEC = "1.5"; // the newest CycloneDX version cargo-cyclonedx writes; both files use it
// scripts/setup.sh installs exactly this version: keep the two in step.
export const CARGO_CYCLONEDX_VERSION = "0.5.9";

/** The WebAssembly builds, as scripts/build.sh makes them: each package with its cargo options.
 * The crates they compile are computed per build, because cargo resolves features per build. */
export const wasmBuilds = [
  ["-p", "maturity-widget", "--no-default-features"], // the rater's
  ["-p", "maturity-widget"], // the board's
  ["-p", "maturity-api", "--features", "quick-read"], // the functions
];

const run = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20, ...options });

/** Writes `folder/sbom/` (rust.cdx.json, npm.cdx.json, LICENSES.txt); returns the files'
 * paths relative to `folder`. */
export function writeSbom(folder) {
  const out = path.join(folder, "sbom");
  mkdirSync(out, { recursive: true });
  const rust = rustBom();
  const npm = npmBom(path.join(out, "npm.cdx.json"));
  writeFileSync(path.join(out, "rust.cdx.json"), `${JSON.stringify(rust, null, 2)}\n`);
  writeFileSync(path.join(out, "LICENSES.txt"), licenceList(rust, npm));
  return ["sbom/LICENSES.txt", "sbom/npm.cdx.json", "sbom/rust.cdx.json"];
}

/** "name vX.Y.Z" for every crate that `cargo tree` prints with these options. */
function cargoTree(edges, build) {
  const text = run("cargo", ["tree", "--locked", "--target", TARGET, "-e", edges, "--prefix", "none", "-f", "{p}", ...build]);
  return new Set(text.split("\n").filter(Boolean).map((line) => /^(\S+ v\S+)/.exec(line)[1]));
}

/** What the WebAssembly builds compile: `inWasm`, the crates compiled into a .wasm, and
 * `compileTime`, the procedural macros and the crates only they use, which run during the
 * build and leave none of their own code in the files. Build scripts' dependencies are neither.
 * `cargo tree` resolves features as the build does (a feature that only a dev-dependency turns
 * on is not in it); `cargo metadata`, which cargo-cyclonedx reads, unifies them with the tests'. */
export function compiledCrates() {
  const inWasm = new Set();
  const all = new Set();
  for (const build of wasmBuilds) {
    for (const crate of cargoTree("normal,no-proc-macro", build)) inWasm.add(crate);
    for (const crate of cargoTree("normal", build)) all.add(crate);
  }
  return { inWasm, compileTime: new Set([...all].filter((crate) => !inWasm.has(crate))) };
}

/** The CycloneDX BOM of the crates, from cargo-cyclonedx's BOMs of maturity-widget and
 * maturity-api: merged into one for the release, narrowed to the crates the builds compile
 * (cargo-cyclonedx also lists what the widget's test-only features bring in), each marked as
 * in the WebAssembly (scope "required") or run only while compiling ("excluded"). */
function rustBom() {
  const version = workspaceVersion();
  const have = run("cargo", ["cyclonedx", "--version"], { stdio: ["ignore", "pipe", "ignore"] }).trim().split(" ").pop();
  if (have !== CARGO_CYCLONEDX_VERSION) {
    throw new Error(`the SBOM needs cargo-cyclonedx ${CARGO_CYCLONEDX_VERSION} (found ${have || "none"}): run scripts/setup.sh release`);
  }
  const members = JSON.parse(run("cargo", ["metadata", "--locked", "--no-deps", "--format-version", "1"])).packages;
  const dirOf = (name) => path.dirname(members.find((p) => p.name === name).manifest_path);
  // cargo-cyclonedx writes one file beside every workspace member's Cargo.toml, under a name
  // of our choosing; each is read and removed at once.
  const name = `maturity-matrix-sbom-${process.pid}`;
  const boms = {};
  try {
    run("cargo", ["cyclonedx", "--manifest-path", path.join(repo, "Cargo.toml"), "--format", "json", "--target", TARGET,
      "--no-build-deps", "--spec-version", SPEC, "--override-filename", name, "-q"], {
      // Dated at the last commit, as the zip's entries are, so that the same sources give the same file.
      env: { ...process.env, SOURCE_DATE_EPOCH: run("git", ["log", "-1", "--format=%ct"]).trim() },
    });
    for (const crate of ["maturity-widget", "maturity-api"]) boms[crate] = JSON.parse(readFileSync(path.join(dirOf(crate), `${name}.json`), "utf8"));
  } finally {
    for (const member of members) rmSync(path.join(path.dirname(member.manifest_path), `${name}.json`), { force: true });
  }

  const { inWasm, compileTime } = compiledCrates();
  const key = (component) => `${component.name} v${component.version}`;
  const components = new Map();
  for (const bom of Object.values(boms)) {
    // The two packages themselves, without the cargo targets cargo-cyclonedx nests in them.
    const { components: _targets, ...self } = bom.metadata.component;
    for (const component of [self, ...bom.components]) {
      if (components.has(component["bom-ref"]) || !(inWasm.has(key(component)) || compileTime.has(key(component)))) continue;
      const entry = { ...component, scope: inWasm.has(key(component)) ? "required" : "excluded" };
      if (entry.scope === "excluded") {
        entry.properties = [...(entry.properties ?? []), { name: "maturity-matrix:compiled-into", value: "nothing shipped: it runs while compiling (a procedural macro, or a crate one uses)" }];
      }
      for (const licence of entry.licenses ?? []) if (licence.expression) licence.expression = licence.expression.replace(/\s+/g, " ").trim();
      components.set(component["bom-ref"], entry);
    }
  }
  const listed = new Set([...components.values()].map(key));
  const missing = [...inWasm, ...compileTime].filter((crate) => !listed.has(crate));
  if (missing.length) throw new Error(`cargo-cyclonedx did not list crates the WebAssembly builds compile: ${missing.join(", ")}`);
  const unlicensed = [...components.values()].filter((c) => !c.licenses?.some((l) => l.expression || l.license?.id)).map(key);
  if (unlicensed.length) throw new Error(`crates with no licence expression in their Cargo.toml (find and add each licence before releasing): ${unlicensed.join(", ")}`);

  const root = `maturity-matrix@${version}`;
  const dependencies = new Map([[root, new Set(Object.values(boms).map((bom) => bom.metadata.component["bom-ref"]))]]);
  for (const bom of Object.values(boms)) {
    for (const { ref, dependsOn = [] } of bom.dependencies) {
      if (!components.has(ref)) continue;
      const set = dependencies.get(ref) ?? new Set();
      for (const target of dependsOn) if (components.has(target)) set.add(target);
      dependencies.set(ref, set);
    }
  }
  const widget = boms["maturity-widget"];
  const bom = {
    $schema: `http://cyclonedx.org/schema/bom-${SPEC}.schema.json`,
    bomFormat: "CycloneDX",
    specVersion: SPEC,
    version: 1,
    metadata: {
      timestamp: widget.metadata.timestamp,
      tools: widget.metadata.tools,
      component: {
        type: "application",
        "bom-ref": root,
        name: "maturity-matrix",
        version,
        description: "The WebAssembly of the maturity-matrix release: maturity-matrix.wasm (the rater's build of maturity-widget), maturity-matrix-board.wasm (the board's) and maturity-matrix-api.wasm (maturity-api), also inside the standalone scripts.",
        licenses: [{ expression: "MIT OR Apache-2.0" }],
      },
      properties: widget.metadata.properties,
    },
    components: [...components.values()].sort(byNameAndVersion),
    dependencies: [...dependencies].map(([ref, on]) => (on.size ? { ref, dependsOn: [...on].sort() } : { ref })).sort((a, b) => a.ref.localeCompare(b.ref)),
  };
  // Local crates' references name the folder they were built in: say the repository instead.
  const text = JSON.stringify(bom).replaceAll(pathToFileURL(repo).href, "file://.");
  return JSON.parse(text);
}

const byNameAndVersion = (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version, "en", { numeric: true });

/** The CycloneDX BOM of the npm packages bundled into the JavaScript, written to `file`: the
 * package's production dependencies as its lockfile records them (none: the bundles hold our
 * own sources and wasm-bindgen's glue). Read from the lockfile rather than node_modules, which
 * also holds the build tools' platform binaries. */
function npmBom(file) {
  // A direct devDependency of the tests, so npm puts it at the top of tests/node_modules.
  const home = path.join(repo, "tests/node_modules/@cyclonedx/cyclonedx-npm");
  if (!existsSync(path.join(home, "package.json"))) {
    throw new Error("the SBOM needs @cyclonedx/cyclonedx-npm (tests/package.json): run scripts/setup.sh release");
  }
  const cli = path.join(home, JSON.parse(readFileSync(path.join(home, "package.json"), "utf8")).bin["cyclonedx-npm"]);
  run(process.execPath, [cli, "--omit", "dev", "--package-lock-only", "--spec-version", SPEC, "--output-reproducible",
    "--output-format", "JSON", "--output-file", file, path.join(repo, "www/package.json")]);
  return JSON.parse(readFileSync(file, "utf8"));
}

const licenceOf = (component) => component.licenses?.map((l) => l.expression ?? l.license?.id ?? l.license?.name).join(" AND ") ?? "unknown";

/** LICENSES.txt: every component shipped, its version and licence, for people who read the
 * licences rather than the BOMs. */
function licenceList(rust, npm) {
  const version = rust.metadata.component.version;
  const table = (components) => {
    const rows = components.map((c) => [c.group ? `${c.group}/${c.name}` : c.name, c.version, licenceOf(c)]);
    const widths = [0, 1].map((i) => Math.max(...rows.map((row) => row[i].length), 8));
    return rows.map(([name, v, licence]) => `  ${name.padEnd(widths[0])}  ${v.padEnd(widths[1])}  ${licence}`).join("\n");
  };
  const inWasm = rust.components.filter((c) => c.scope === "required");
  const compileTime = rust.components.filter((c) => c.scope === "excluded");
  const ours = inWasm.filter((c) => c.purl?.includes("download_url=file"));
  const counts = new Map();
  for (const c of [...inWasm, ...npm.components]) counts.set(licenceOf(c), (counts.get(licenceOf(c)) ?? 0) + 1);
  const rustc = run("rustc", ["--version"]).trim();
  const wasmBindgen = inWasm.find((c) => c.name === "wasm-bindgen");
  const heading = (text) => `${text}\n${"-".repeat(text.length)}`;
  return `maturity-matrix ${version}: what the release is made of, and the licences
${"=".repeat(`maturity-matrix ${version}: what the release is made of, and the licences`.length)}

Our own code is under MIT OR Apache-2.0, at your choice (LICENSE-MIT, LICENSE-APACHE): the crates
${ours.map((c) => c.name).join(", ")}, and the JavaScript in module/ and standalone/.
The same lists, machine-readable, are rust.cdx.json and npm.cdx.json beside this file
(CycloneDX ${rust.specVersion}).

${heading(`Compiled into the WebAssembly (.wasm, and inside the standalone scripts): ${inWasm.length} crates, ${ours.length} of them ours`)}
${table(inWasm)}

The Rust standard library (core, alloc, std and the crates it is built from) is compiled in too,
from the Rust toolchain that built the release (here ${rustc}). The Rust project
licenses it under MIT OR Apache-2.0 (its COPYRIGHT file names the few parts under other
permissive terms). It is not in Cargo.lock, so rust.cdx.json does not list it.

${heading(`Used only while compiling: ${compileTime.length} crates`)}
Procedural macros, and the crates they use, run during the build to write code; none of their own
code is in the files. Listed for completeness (scope "excluded" in rust.cdx.json).
${table(compileTime)}

${heading(`npm packages bundled into the JavaScript: ${npm.components.length || "none"}`)}
${npm.components.length ? table(npm.components) : `The package has no runtime npm dependencies: the JavaScript bundles only our own sources
and the glue that wasm-bindgen (the crate above, ${wasmBindgen ? `version ${wasmBindgen.version}, ` : ""}MIT OR Apache-2.0) writes for the
WebAssembly. The build tools (esbuild, binaryen) are not shipped.`}

${heading("Licences of what is shipped, and how many crates or packages use each")}
${[...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([licence, n]) => `  ${String(n).padStart(3)}  ${licence}`).join("\n")}
`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.argv[2]) throw new Error("usage: node www/scripts/sbom.mjs <folder>");
  const started = performance.now();
  const files = writeSbom(path.resolve(process.argv[2]));
  console.log(`${files.join(", ")} in ${path.resolve(process.argv[2])} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
