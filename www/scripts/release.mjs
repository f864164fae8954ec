// Assembles a release from the built files in www/dist/ (scripts/release.sh builds them first):
//   <out>/maturity-matrix-<version>/      the folder an intranet editor unzips
//   <out>/maturity-matrix-<version>.zip   that folder, zipped
//   <out>/maturity-matrix-<version>.tgz   the npm package (npm pack of www/)
//   <out>/maturity-matrix.sppkg           the SharePoint web part's package, when given (the
//                                         command line gives sharepoint/build.sh's)
//   node www/scripts/release.mjs [out]    (default: target/distrib)
import { build } from "esbuild";
import { Marked } from "marked";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { writeSbom } from "./sbom.mjs";
import { checkPackageVersion, repo, www } from "./version.mjs";

const templates = path.join(www, "release");
const dist = path.join(www, "dist");

/** The module build, as a page loads it: the script, the rater's and the board's builds (each a
 * small script and its .wasm, fetched only when an element needs it), and the functions for pages
 * that call init(). */
export const moduleFiles = [
  "maturity-matrix.js",
  "maturity-matrix-rater.js", "maturity-matrix.wasm",
  "maturity-matrix-board.js", "maturity-matrix-board.wasm",
  "maturity-matrix-functions.js", "maturity-matrix-api.wasm",
];
/** The standalone build: the rater's, which loads the board's from beside itself when needed. */
export const standaloneFiles = ["maturity-matrix.standalone.js", "maturity-matrix-board.standalone.js"];

/** Builds the release folder, its zip and the npm tarball in `out`, and copies the SharePoint
 * package `sppkg` beside them when given; returns their paths. The .sppkg keeps its name from
 * one version to the next: the app catalog replaces a package by uploading one of the same name. */
export async function assembleRelease(out = path.join(repo, "target/distrib"), { sppkg } = {}) {
  const version = checkPackageVersion();
  const name = `maturity-matrix-${version}`;
  const folder = path.join(out, name);
  const zip = `${folder}.zip`;
  rmSync(folder, { recursive: true, force: true });
  rmSync(zip, { force: true });
  mkdirSync(path.join(folder, "module"), { recursive: true });
  mkdirSync(path.join(folder, "standalone"));

  const fill = (text, values) => text.replace(/\{\{(\w+)\}\}/g, (_, key) => values[key]);
  const template = (file) => readFileSync(path.join(templates, file), "utf8");

  for (const file of moduleFiles) copyFileSync(path.join(dist, file), path.join(folder, "module", file));
  for (const file of standaloneFiles) copyFileSync(path.join(dist, file), path.join(folder, "standalone", file));
  writeFileSync(path.join(folder, "module/example.html"), fill(template("module-example.html"), { version }));
  writeFileSync(path.join(folder, "standalone/example.html"), fill(template("standalone-example.html"), { version }));
  writeFileSync(path.join(folder, "author.html"), await singleFileAuthorPage(version));
  const docs = {
    "embedding.md": "embedding.html", "instrument-format.md": "instrument-format.html", "own-matrix.md": "own-matrix.html",
    "sharepoint.md": "sharepoint.html", "security.md": "security.html", "information-governance.md": "information-governance.html",
  };
  for (const [source, page] of Object.entries(docs)) {
    writeFileSync(path.join(folder, page), docPage(readFileSync(path.join(repo, "docs", source), "utf8"), version, docs));
  }
  copyFileSync(path.join(repo, "docs/instrument.schema.json"), path.join(folder, "instrument.schema.json"));
  for (const licence of ["LICENSE-MIT", "LICENSE-APACHE"]) copyFileSync(path.join(repo, licence), path.join(folder, licence));
  // For the sign-off: SECURITY.md where security reviewers look for it, and the bills of materials.
  copyFileSync(path.join(repo, "SECURITY.md"), path.join(folder, "SECURITY.md"));
  writeSbom(folder);
  writeFileSync(path.join(folder, "README.txt"), fill(template("README.txt"), { version }));
  writeFileSync(path.join(folder, "SHA256SUMS"), checksums(folder));
  for (const link of brokenLinks(folder)) throw new Error(`a page in the release links to a file it does not hold: ${link}`);

  zipFolder(out, name);
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", out], { cwd: www, encoding: "utf8" }))[0];
  const result = { version, folder, zip, tarball: path.join(out, packed.filename) };
  if (sppkg) {
    result.sppkg = path.join(out, "maturity-matrix.sppkg");
    copyFileSync(sppkg, result.sppkg);
  }
  return result;
}

/** The CSP source that allows exactly this inline script or style. */
const hashSource = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** Text safe to place between <script> and </script>: the HTML parser ends the element at the
 * first "</script", and "<!--" changes how it reads the rest. */
function scriptText(text, what) {
  if (/<\/script|<!--/i.test(text)) throw new Error(`${what} cannot be inlined: it contains "</script" or "<!--"`);
  return text;
}

/** author.html as one file that works opened from a shared drive: its stylesheet, the
 * standalone widget (which the page also copies into "a page with this matrix inside") and
 * the page's own script inline, allowed by their hashes under the same strict policy. */
async function singleFileAuthorPage(version) {
  const standalone = scriptText(readFileSync(path.join(dist, "maturity-matrix.standalone.js"), "utf8").trim(), "the standalone build");
  const author = scriptText(await authorScriptForStandalone(), "author.js");
  const style = readFileSync(path.join(www, "demo.css"), "utf8");
  const policy = `default-src 'self'; script-src ${hashSource(standalone)} ${hashSource(author)} 'wasm-unsafe-eval'; style-src ${hashSource(style)}; img-src 'self' data:`;
  let html = readFileSync(path.join(www, "author.html"), "utf8");
  const replaceOnce = (pattern, replacement) => {
    const matches = html.match(new RegExp(pattern.source, "g")) ?? [];
    if (matches.length !== 1) throw new Error(`author.html: expected one ${pattern}, found ${matches.length}`);
    html = html.replace(pattern, () => replacement);
  };
  // The demo intranet's header, links and footer are not part of the tool.
  html = html.replace(/[ \t]*<!-- demo-only -->[\s\S]*?<!-- \/demo-only -->\n?/g, "");
  replaceOnce(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${policy}">`);
  replaceOnce(/<link rel="stylesheet" href="demo.css">/, `<style>${style}</style>`);
  replaceOnce(/<title>[^<]*<\/title>/, `<title>Write a local matrix - maturity-matrix ${version}</title>`);
  // Last, so that nothing in the scripts' text is taken for the page's markup.
  replaceOnce(/<script type="module" src="author.js"><\/script>/,
    `<script id="maturity-matrix-standalone">${standalone}</script>\n<script>${author}</script>`);
  return html;
}

/** author.js as a classic script carrying the functions it calls (validating and the built-in
 * matrices) with their WebAssembly inside, instead of importing the module build. The rater's
 * standalone build beside it shows the preview. */
async function authorScriptForStandalone() {
  const result = await build({
    entryPoints: [path.join(www, "author.js")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2022",
    legalComments: "none",
    write: false,
    logLevel: "warning",
    loader: { ".wasm": "binary" },
    plugins: [{
      name: "functions-inside",
      setup(plugin) {
        // The element comes from the standalone script inlined beside this one.
        plugin.onResolve({ filter: /\/dist\/maturity-matrix\.js$/ }, () => ({ path: "element", namespace: "element" }));
        plugin.onLoad({ filter: /.*/, namespace: "element" }, () => ({ contents: "", loader: "js" }));
        plugin.onResolve({ filter: /\/dist\/esm\/api\.js$/ }, () => ({ path: "functions", namespace: "functions" }));
        plugin.onLoad({ filter: /.*/, namespace: "functions" }, () => ({
          resolveDir: www,
          loader: "js",
          contents: [
            `import initWasm from "./build/api-pkg/maturity_api.js";`,
            `import bytes from "./build/maturity-matrix-api.wasm";`,
            `export { builtinInstrument, validateInstrument } from "./build/api-pkg/maturity_api.js";`,
            `export const init = () => initWasm({ module_or_path: bytes });`,
          ].join("\n"),
        }));
      },
    }],
  });
  return result.outputFiles[0].text.trim();
}

/** A markdown guide as a plain, readable page with no requests to other sites. Links to the
 * other guides in the release point at their pages. */
function docPage(markdown, version, pages) {
  const slugs = new Map();
  const marked = new Marked({
    gfm: true,
    walkTokens(token) {
      if (token.type === "link" && pages[token.href.split("#")[0]]) {
        const [file, anchor] = token.href.split("#");
        token.href = pages[file] + (anchor ? `#${anchor}` : "");
      }
    },
    renderer: {
      // Headings carry GitHub's ids, so a link to a section works in the release as in the repo.
      heading({ tokens, depth, text }) {
        const base = text.toLowerCase().replace(/<[^>]*>|[^\p{L}\p{N}\s-]/gu, "").trim().replace(/\s/g, "-");
        const count = slugs.get(base) ?? 0;
        slugs.set(base, count + 1);
        return `<h${depth} id="${count ? `${base}-${count}` : base}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
  });
  const body = marked.parse(markdown);
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? "maturity-matrix";
  const style = readFileSync(path.join(templates, "doc.css"), "utf8");
  const values = { body, title: title.replace(/[<>&"]/g, ""), version, style, policy: `default-src 'none'; style-src ${hashSource(style)}` };
  return readFileSync(path.join(templates, "doc.html"), "utf8").replace(/\{\{(\w+)\}\}/g, (_, key) => values[key]);
}

/** Every file under `dir`, relative to it, in a stable order. */
export function listFiles(dir, under = "") {
  return readdirSync(path.join(dir, under), { withFileTypes: true })
    .flatMap((entry) => entry.isDirectory() ? listFiles(dir, path.posix.join(under, entry.name)) : [path.posix.join(under, entry.name)])
    .sort();
}

/** The sha256sum format: "<hex>  <path>" for every file, so `sha256sum -c SHA256SUMS` checks. */
function checksums(folder) {
  return listFiles(folder).map((file) => `${createHash("sha256").update(readFileSync(path.join(folder, file))).digest("hex")}  ${file}\n`).join("");
}

/** Relative href and src values in the release's pages that name no file in it. */
function brokenLinks(folder) {
  const broken = [];
  for (const page of listFiles(folder).filter((f) => f.endsWith(".html"))) {
    // The markup only: inline scripts are code, whose strings are not links.
    const html = readFileSync(path.join(folder, page), "utf8").replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
    for (const [, target] of html.matchAll(/(?:href|src)="([^"#?]+)[^"]*"/g)) {
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) continue; // another site: none expected
      if (!existsSync(path.join(folder, path.dirname(page), target))) broken.push(`${page} -> ${target}`);
    }
    for (const [, target] of html.matchAll(/href="((?:https?:)?\/\/[^"]+)"/g)) broken.push(`${page} -> ${target} (another site)`);
  }
  return broken;
}

/** Zips `out/name` as `out/name.zip`, every entry dated at the last commit so that the same
 * sources give the same zip. */
function zipFolder(out, name) {
  const commitTime = Number(execFileSync("git", ["log", "-1", "--format=%ct"], { cwd: repo, encoding: "utf8" }).trim());
  const when = new Date(commitTime * 1000);
  const files = listFiles(path.join(out, name)).map((f) => path.posix.join(name, f));
  const folders = [...new Set(files.map((f) => path.posix.dirname(f)))];
  const entries = [...folders, ...files].sort();
  for (const entry of entries) utimesSync(path.join(out, entry), when, when);
  execFileSync("zip", ["-q", "-X", "-9", `${name}.zip`, ...entries], { cwd: out, env: { ...process.env, TZ: "UTC" } });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Built by sharepoint/build.sh, which scripts/release.sh runs first.
  const sppkg = path.join(repo, "sharepoint/solution/maturity-matrix.sppkg");
  if (!existsSync(sppkg)) throw new Error(`${sppkg} is missing: run sharepoint/build.sh (scripts/release.sh does).`);
  const result = await assembleRelease(process.argv[2] ? path.resolve(process.argv[2]) : undefined, { sppkg });
  const size = (file) => `${(statSync(file).size / 1024).toFixed(0).padStart(6)} KiB`;
  console.log(`maturity-matrix ${result.version}`);
  for (const file of listFiles(result.folder)) console.log(`  ${size(path.join(result.folder, file))}  ${path.basename(result.folder)}/${file}`);
  console.log(`${size(result.zip)}  ${path.relative(process.cwd(), result.zip)}`);
  console.log(`${size(result.tarball)}  ${path.relative(process.cwd(), result.tarball)}`);
  console.log(`${size(result.sppkg)}  ${path.relative(process.cwd(), result.sppkg)}`);
}
