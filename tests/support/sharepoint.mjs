// The SharePoint web part's package for the tests: built by sharepoint/build.sh (scripts/test.sh
// runs it in its own phase; here it is built again only when missing or older than what it is
// made from), unpacked as SharePoint unpacks it, and its component manifest read back.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { releaseFiles, sharepoint, sppkgPath } from "../../sharepoint/package-files.mjs";
import { repo } from "./paths.mjs";

export { releaseFiles, sharepoint, sppkgPath };

/** Every file the package is made from: the web part's sources and configuration, and the
 * release files it carries. */
function inputs() {
  const walk = (dir) => readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  return [
    ...walk(path.join(sharepoint, "src")), ...walk(path.join(sharepoint, "config")), ...walk(path.join(sharepoint, "teams")),
    ...["package.json", "package-lock.json", "package-files.mjs", "build.sh"].map((f) => path.join(sharepoint, f)),
    ...releaseFiles.map((f) => path.join(repo, "www/dist", f)),
  ];
}

/** The path of a .sppkg made from the files as they are now, building it if needed. */
export function builtSppkg() {
  const stale = !existsSync(sppkgPath) || inputs().some((file) => statSync(file).mtimeMs > statSync(sppkgPath).mtimeMs);
  if (stale) execFileSync(path.join(sharepoint, "build.sh"), { stdio: ["ignore", "inherit", "inherit"] });
  return sppkgPath;
}

/** Unzips the package (an Open Packaging Conventions zip) into `dir`. */
export function unpackSppkg(sppkg, dir) {
  execFileSync("unzip", ["-q", "-o", sppkg, "-d", dir]);
  return dir;
}

const unescapeXml = (text) => text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The web part's component manifest, as the package gives it to SharePoint (the
 * ComponentManifest attribute of the feature's WebPart_<id>.xml). */
export function componentManifests(unpacked) {
  const manifests = [];
  for (const feature of readdirSync(unpacked, { withFileTypes: true }).filter((e) => e.isDirectory() && /^[0-9a-f-]{36}$/.test(e.name))) {
    for (const file of readdirSync(path.join(unpacked, feature.name)).filter((f) => /^WebPart_.*\.xml$/.test(f))) {
      const xml = readFileSync(path.join(unpacked, feature.name, file), "utf8");
      for (const [, attribute] of xml.matchAll(/ComponentManifest="([^"]*)"/g)) manifests.push(JSON.parse(unescapeXml(attribute)));
    }
  }
  return manifests;
}

/** The attributes of the first element named `name` in an XML text (enough for the package's
 * flat manifests). */
export function xmlAttributes(xml, name) {
  const tag = new RegExp(`<${name}\\b([^>]*)>`).exec(xml)?.[1];
  if (tag === undefined) return undefined;
  return Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map(([, key, value]) => [key, unescapeXml(value)]));
}
