// The release files that go into the .sppkg beside the web part's own bundle, and the version
// check. build.sh runs it; the release tests import it.
//   node package-files.mjs check-version   stops unless the versions agree with Cargo.toml
//   node package-files.mjs copy DIR        copies the release files from www/dist into DIR
//                                          (stops, naming them, if some are not built)
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { repo, workspaceVersion } from "../www/scripts/version.mjs";

export const sharepoint = path.dirname(fileURLToPath(import.meta.url));
export const dist = path.join(repo, "www/dist");
export const sppkgPath = path.join(sharepoint, "solution/maturity-matrix.sppkg");

/** What the web part loads at run time (loadElement.ts): the module build (the entry, the
 * rater's and the board's builds with their .wasm) and, where that cannot be fetched, the
 * standalone build. Byte for byte the files in www/dist; the functions-only files are left out
 * (the element never loads them). */
export const releaseFiles = [
  "maturity-matrix.js",
  "maturity-matrix-rater.js", "maturity-matrix.wasm",
  "maturity-matrix-board.js", "maturity-matrix-board.wasm",
  "maturity-matrix.standalone.js", "maturity-matrix-board.standalone.js",
];

/** SharePoint wants four parts: 0.1.0 is 0.1.0.0. */
export const solutionVersion = (version) => `${version}.0`;

/** Throws, saying what to change, unless every version in sharepoint/ is Cargo.toml's. */
export function checkVersions(version = workspaceVersion()) {
  const read = (name) => JSON.parse(readFileSync(path.join(sharepoint, name), "utf8"));
  const solution = read("config/package-solution.json").solution;
  const found = {
    "sharepoint/package.json": [read("package.json").version, version],
    "sharepoint/package-lock.json": [read("package-lock.json").packages?.[""]?.version, version],
    "sharepoint/config/package-solution.json (solution)": [solution.version, solutionVersion(version)],
    ...Object.fromEntries((solution.features ?? []).map((f) => [`sharepoint/config/package-solution.json (feature ${f.id})`, [f.version, solutionVersion(version)]])),
  };
  const wrong = Object.entries(found).filter(([, [have, want]]) => have !== want);
  if (wrong.length > 0) {
    throw new Error(
      `The version is ${version} (Cargo.toml, [workspace.package]), but ${wrong.map(([file, [have, want]]) => `${file} says ${have} (should be ${want})`).join(", ")}.`,
    );
  }
  return version;
}

export function copyReleaseFiles(into) {
  const missing = releaseFiles.filter((file) => !existsSync(path.join(dist, file)));
  if (missing.length > 0) throw new Error(`www/dist lacks ${missing.join(", ")}: run scripts/build.sh first.`);
  mkdirSync(into, { recursive: true });
  for (const file of releaseFiles) copyFileSync(path.join(dist, file), path.join(into, file));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, dir] = process.argv.slice(2);
  if (command === "check-version") console.log(`maturity-matrix ${checkVersions()}`);
  else if (command === "copy" && dir) copyReleaseFiles(path.resolve(dir));
  else {
    console.error("usage: node package-files.mjs check-version | copy DIR");
    process.exit(2);
  }
}
