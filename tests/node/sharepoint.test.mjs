// The SharePoint web part's own rules, as its build compiles them (sharepoint/lib-commonjs): which
// theme colours the element may take (contrast), and the storage key that keeps each web part's
// answers apart. How the web part runs in a page is tests/browser/sharepoint.test.mjs.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { repo } from "../support/paths.mjs";
import { builtSppkg, sharepoint } from "../support/sharepoint.mjs";

let theme, keys;

before(() => {
  builtSppkg(); // compiles lib-commonjs with it
  const require = createRequire(import.meta.url);
  theme = require(path.join(sharepoint, "lib-commonjs/webparts/maturityMatrix/theme.js"));
  keys = require(path.join(sharepoint, "lib-commonjs/webparts/maturityMatrix/storageKey.js"));
});

const hex = (text) => theme.parseColour(text);

test("the web part's idea of the widget's colours is the stylesheet's: its defaults and the panels it always draws", () => {
  const css = readFileSync(path.join(repo, "www/src/maturity-matrix.css"), "utf8");
  const fallback = (name) => new RegExp(`var\\(--maturity-matrix-${name}, (#[0-9a-f]{6})\\)`).exec(css)?.[1];
  assert.deepEqual(theme.DEFAULTS, {
    primary: fallback("primary"), text: fallback("text"), secondaryText: fallback("secondary-text"), background: fallback("background"),
  });
  // Every fixed background in the stylesheet that text is drawn on is one the rules check.
  const surfaces = [...theme.FIXED_SURFACES.panels, ...theme.FIXED_SURFACES.heat];
  assert.ok(surfaces.includes(/--mm-grey-5: (#[0-9a-f]{6})/.exec(css)[1]));
  const fixed = new Set([...css.matchAll(/background: (#[0-9a-f]{6})/g)].map(([, c]) => c));
  for (const colour of fixed) {
    // The green button and the heat map's shades carry a fixed text colour of their own.
    const ownText = [...css.matchAll(/background: (#[0-9a-f]{6}); color: #(?:000000|ffffff)/g)].map(([, c]) => c);
    if (colour === "#007f3b" || ownText.includes(colour)) continue;
    assert.ok(surfaces.includes(colour), `${colour} is checked as a surface`);
  }
});

test("contrast is WCAG 2's: 21:1 for black on white, #767676 passes 4.5:1 on white and #777777 does not", () => {
  assert.equal(theme.contrast(hex("#000"), hex("#fff")), 21);
  assert.ok(theme.contrast(hex("#767676"), hex("#ffffff")) >= 4.5);
  assert.ok(theme.contrast(hex("#777777"), hex("#ffffff")) < 4.5);
  assert.equal(theme.contrast(hex("#005eb8"), hex("#ffffff")).toFixed(2), theme.contrast(hex("#ffffff"), hex("#005eb8")).toFixed(2));
});

test("colours it cannot measure are not taken: named, transparent, translucent, malformed", () => {
  for (const value of ["red", "transparent", "rgba(0, 0, 0, 0.5)", "#12345", "rgb(300, 0, 0)", "", undefined]) assert.equal(hex(value), undefined, String(value));
  assert.deepEqual(hex("#FfF"), [255, 255, 255]);
  assert.deepEqual(hex("rgb(1, 2, 3)"), [1, 2, 3]);
  assert.deepEqual(hex("rgba(1, 2, 3, 1)"), [1, 2, 3]);
});

test("SharePoint's default theme: its text colours and white are taken; its blue, 4.1:1 on the widget's grey panels, is not", () => {
  const chosen = theme.themeProperties({
    palette: { themePrimary: "#0078d4" },
    semanticColors: { bodyBackground: "#ffffff", bodyText: "#323130", bodySubtext: "#605e5c", bodyDivider: "#edebe9" },
  });
  assert.deepEqual(chosen, {
    "--maturity-matrix-background": "#ffffff",
    "--maturity-matrix-text": "#323130",
    "--maturity-matrix-secondary-text": "#605e5c",
    "--maturity-matrix-border": "#edebe9",
  });
  // A darker brand blue passes everywhere and is taken.
  assert.equal(theme.themeProperties({ palette: { themePrimary: "#004578" } })["--maturity-matrix-primary"], "#004578");
  assert.deepEqual(theme.themeProperties(undefined), {});
});

test("whatever the theme, every colour taken keeps 4.5:1 against every surface the widget draws it on, and so do the defaults left in place", () => {
  // A fixed sequence of pseudo-random themes (a linear congruential generator, seed 27).
  let seed = 27;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const colour = () => `#${(next() % 0x1000000).toString(16).padStart(6, "0")}`;
  const roles = { "--maturity-matrix-text": "text", "--maturity-matrix-secondary-text": "secondaryText", "--maturity-matrix-primary": "primary" };
  let taken = 0;
  for (let i = 0; i < 2000; i++) {
    // Half the themes light, so that some of their colours pass.
    const background = i % 2 ? "#ffffff" : colour();
    const chosen = theme.themeProperties({
      palette: { themePrimary: colour() },
      semanticColors: { bodyBackground: background, bodyText: colour(), bodySubtext: colour() },
    });
    const panels = [chosen["--maturity-matrix-background"] ?? theme.DEFAULTS.background, ...theme.FIXED_SURFACES.panels];
    for (const [property, role] of Object.entries(roles)) {
      const used = hex(chosen[property] ?? theme.DEFAULTS[role]);
      if (chosen[property]) taken++;
      const surfaces = role === "text" ? [...panels, ...theme.FIXED_SURFACES.heat] : panels;
      for (const surface of surfaces) assert.ok(theme.contrast(used, hex(surface)) >= 4.5, `${property} ${chosen[property] ?? "default"} on ${surface} (theme background ${background})`);
    }
  }
  assert.ok(taken > 100, `some theme colours are taken (${taken})`);
});

test("storage keys name the page (by its library item, so a rename keeps them) or the Teams tab, the instance and the round, each part encoded", () => {
  const page = { listId: "8A1B6F4E-4C1D-4B8E-9A51-0C6D2F3E7B10", itemId: 7, path: "/sites/Quality/SitePages/Board.aspx" };
  assert.equal(keys.storageKey(page, "i-1", ""), "page:8a1b6f4e-4c1d-4b8e-9a51-0c6d2f3e7b10:7:i-1:default");
  assert.equal(keys.storageKey({ ...page, path: "/sites/quality/SitePages/Renamed.aspx" }, "i-1", ""), keys.storageKey(page, "i-1", ""));
  assert.equal(keys.storageKey(page, "i-1", "board-2027"), "page:8a1b6f4e-4c1d-4b8e-9a51-0c6d2f3e7b10:7:i-1:board-2027");
  assert.equal(keys.storageKey({ path: "/sites/Quality/_layouts/15/workbench.aspx" }, "i-1"), "path:%2Fsites%2Fquality%2F_layouts%2F15%2Fworkbench.aspx:i-1:default");
  assert.equal(keys.storageKey({ teams: true, teamsConversation: "19:abc@thread.tacv2", teamsPage: "tab-1" }, "i-1", ""), "teams:19%3Aabc%40thread.tacv2:tab-1:i-1:default");
  assert.equal(keys.storageKey({ teams: true }, "i-1", ""), "teams:personal::i-1:default");
  // Different places, instances or rounds never share a key.
  const all = [
    keys.storageKey(page, "i-1", ""), keys.storageKey(page, "i-2", ""), keys.storageKey({ ...page, itemId: 8 }, "i-1", ""),
    keys.storageKey(page, "i-1", "x"), keys.storageKey({ path: "page:8a1b6f4e-4c1d-4b8e-9a51-0c6d2f3e7b10:7" }, "i-1", ""),
    keys.storageKey({ teams: true, teamsConversation: "a:b", teamsPage: "c" }, "i-1", ""), keys.storageKey({ teams: true, teamsConversation: "a", teamsPage: "b:c" }, "i-1", ""),
  ];
  assert.equal(new Set(all).size, all.length);
  assert.ok(keys.USER_KEY_PATTERN.test("board-2027") && !keys.USER_KEY_PATTERN.test("board 2027") && !keys.USER_KEY_PATTERN.test("a:b"));
});
