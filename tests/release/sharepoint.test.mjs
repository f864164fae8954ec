// The SharePoint package (maturity-matrix.sppkg) as an administrator uploads it: unpacked (it is
// an Open Packaging Conventions zip), its manifests read as SharePoint reads them, and every file
// it would deploy to ClientSideAssets accounted for. How it runs is tests/browser/sharepoint.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { workspaceVersion } from "../../www/scripts/version.mjs";
import { repo } from "../support/paths.mjs";
import { builtSppkg, componentManifests, releaseFiles, unpackSppkg, xmlAttributes } from "../support/sharepoint.mjs";

const version = workspaceVersion();
const solutionId = "c24c9eb6-cdc8-4239-9ca5-3fde104420db";
const componentId = "697e6e8f-d9c8-4ccc-96fa-61ff6a85e926";
// The framework's own components, which SharePoint serves to every page.
const framework = {
  "@microsoft/sp-core-library": "7263c7d0-1d6a-45ec-8d85-d4d1d234171b",
  "@microsoft/sp-property-pane": "f9e737b7-f0df-4597-ba8c-3060f82380db",
  "@microsoft/sp-webpart-base": "974a7777-0990-4136-8fa6-95d80114c2e0",
};
let unpacked;

before(() => {
  unpacked = unpackSppkg(builtSppkg(), mkdtempSync(path.join(tmpdir(), "mm-sppkg-")));
});

after(() => {
  if (unpacked) rmSync(unpacked, { recursive: true, force: true });
});

const read = (file) => readFileSync(path.join(unpacked, file), "utf8");
const assets = () => readdirSync(path.join(unpacked, "ClientSideAssets")).sort();
const bundleName = () => assets().find((file) => /^maturity-matrix-web-part_[0-9a-f]+\.js$/.test(file));

test("the package is a SharePoint app package of this version: one solution, tenant-wide deployable, client-side, not domain-isolated", () => {
  for (const part of ["[Content_Types].xml", "_rels/.rels", "AppManifest.xml", "ClientSideAssets.xml"]) assert.ok(existsSync(path.join(unpacked, part)), part);
  const app = xmlAttributes(read("AppManifest.xml"), "App");
  assert.equal(app.ProductID, solutionId);
  assert.equal(app.Version, `${version}.0`, "Cargo.toml's version in SharePoint's four parts");
  assert.equal(app.IsClientSideSolution, "true");
  assert.equal(app.SkipFeatureDeployment, "true", "an administrator can make it available to every site at once");
  assert.equal(app.IsDomainIsolated, "false");
  assert.match(read("_rels/.rels"), /Target="\/?AppManifest\.xml"/);
});

test("its one web part: the component id, Cargo.toml's version, the Teams hosts, no custom script, defaults that need no setting", () => {
  const manifests = componentManifests(unpacked);
  assert.equal(manifests.length, 1);
  const [manifest] = manifests;
  assert.equal(manifest.id, componentId);
  assert.equal(manifest.componentType, "WebPart");
  assert.equal(manifest.version, version);
  for (const host of ["SharePointWebPart", "TeamsTab", "TeamsPersonalApp"]) assert.ok(manifest.supportedHosts.includes(host), host);
  assert.notEqual(manifest.requiresCustomScript, true);
  assert.equal(manifest.supportsThemeVariants, true);
  // The icons SharePoint puts in the Teams app it makes from the package, at the sizes Teams asks.
  for (const [icon, size] of [["color", 192], ["outline", 32]]) {
    const png = readFileSync(path.join(unpacked, "ClientSideAssets", `${componentId}_${icon}.png`));
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size], `${icon} icon`);
  }
  assert.deepEqual(manifest.preconfiguredEntries.map((entry) => entry.properties), [
    { instrument: "nhs-impact", instrumentSrc: "", board: false, headingLevel: 2, hideTitle: false, storageKey: "" },
  ]);
});

test("no script source outside the package: the loader configuration names the package's own folder and SharePoint's framework components only", () => {
  const [manifest] = componentManifests(unpacked);
  const loader = manifest.loaderConfig;
  // The placeholder SharePoint replaces with the site's ClientSideAssets (or its CDN) address.
  assert.deepEqual(loader.internalModuleBaseUrls, ["HTTPS://SPCLIENTSIDEASSETLIBRARY/"]);
  for (const [name, resource] of Object.entries(loader.scriptResources)) {
    if (resource.type === "path") assert.ok(assets().includes(resource.path), `${name}: ${resource.path} is in the package`);
    else assert.deepEqual(resource, { type: "component", id: framework[name], version: resource.version }, `${name} is a framework component`);
  }
  assert.equal(loader.scriptResources[loader.entryModuleId].path, bundleName());
  // No external source anywhere in the package's XML (the ClientSideComponent carries the manifest).
  for (const file of ["AppManifest.xml", "ClientSideAssets.xml", "ClientSideAssets.xml.config.xml"]) {
    assert.doesNotMatch(read(file), /https?:\/\/(?!schemas\.(microsoft|openxmlformats)\.)/i, file);
  }
});

test("ClientSideAssets holds the web part's bundle, the Teams app's icons and the release files the web part loads, each byte for byte the built file in www/dist", () => {
  const bundle = bundleName();
  const icons = [`${componentId}_color.png`, `${componentId}_outline.png`];
  assert.deepEqual(assets(), [...releaseFiles, bundle, `${bundle}.LICENSE.txt`, ...icons].sort());
  for (const file of releaseFiles) {
    assert.ok(readFileSync(path.join(unpacked, "ClientSideAssets", file)).equals(readFileSync(path.join(repo, "www/dist", file))), file);
  }
  // Every asset is related to the client-side assets feature, which deploys it.
  const related = [...read("_rels/ClientSideAssets.xml.rels").matchAll(/relationships\/clientsideasset" Target="\/ClientSideAssets\/([^"]+)"/g)].map(([, file]) => file).sort();
  assert.deepEqual(related, assets());
});

test("the web part's bundle is the AMD module SharePoint's loader expects, asks only for framework modules, and carries no eval, inline script or address", () => {
  const bundle = read(path.join("ClientSideAssets", bundleName()));
  const define = /define\("([^"]+)",\s*(\[[^\]]*\])/.exec(bundle);
  assert.ok(define, "an AMD define");
  assert.equal(define[1], `${componentId}_${version}`);
  assert.deepEqual(JSON.parse(define[2]).sort(), Object.keys(framework).sort());
  for (const file of assets().filter((f) => f.endsWith(".js"))) {
    const text = read(path.join("ClientSideAssets", file));
    assert.doesNotMatch(text, /\beval\(|new Function\(|\bFunction\(\s*["'`]/, `${file}: no eval of its own`);
    assert.doesNotMatch(text, /https?:\/\//, `${file}: no address of another site`);
    assert.doesNotMatch(text, /\.(textContent|text|innerHTML)\s*=[^=][^;]*<script/i, `${file}: writes no script into the page`);
  }
});
