// The version has one source: `[workspace.package] version` in the repository's Cargo.toml,
// which the Rust crates inherit. The npm package must say the same; the build checks it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const www = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const repo = path.resolve(www, "..");

/** The workspace version from Cargo.toml. */
export function workspaceVersion() {
  const toml = readFileSync(path.join(repo, "Cargo.toml"), "utf8");
  const section = /^\[workspace\.package\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(toml)?.[1] ?? "";
  const version = /^version\s*=\s*"([^"]+)"/m.exec(section)?.[1];
  if (!version) throw new Error("Cargo.toml has no [workspace.package] version");
  return version;
}

/** Throws, saying what to change, unless www/package.json and its lockfile carry `version`. */
export function checkPackageVersion(version = workspaceVersion()) {
  const read = (name) => JSON.parse(readFileSync(path.join(www, name), "utf8"));
  const found = {
    "www/package.json": read("package.json").version,
    "www/package-lock.json": read("package-lock.json").packages?.[""]?.version,
  };
  const wrong = Object.entries(found).filter(([, v]) => v !== version);
  if (wrong.length > 0) {
    throw new Error(
      `The version is ${version} (Cargo.toml, [workspace.package]), but ${wrong.map(([f, v]) => `${f} says ${v}`).join(" and ")}. ` +
        `Run: (cd www && npm version --no-git-tag-version ${version})`,
    );
  }
  return version;
}
