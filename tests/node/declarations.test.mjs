// The package's function declarations are wasm-bindgen's, written from the Rust code: every
// function the api crate exports is declared with its typed signature and the first line of its
// Rust doc comment, so the two cannot drift.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { repo, www } from "../support/paths.mjs";
import * as mm from "../../www/dist/node.js";

const rust = readFileSync(path.join(repo, "widget/api/src/functions.rs"), "utf8");
const declarations = readFileSync(path.join(www, "dist/functions.d.ts"), "utf8");

/** Each exported free function of the crate: its JavaScript name and its doc comment's first line. */
function exportedFunctions() {
  const found = [];
  const pattern = /((?:^\/\/\/.*\n)+)#\[wasm_bindgen(?:\((.*?)\))?\]\npub fn (\w+)/gm;
  for (const [, docs, attributes, rustName] of rust.matchAll(pattern)) {
    const jsName = attributes?.match(/js_name = (\w+)/)?.[1] ?? rustName;
    found.push({ jsName, firstLine: docs.split("\n")[0].replace(/^\/\/\/ ?/, "") });
  }
  return found;
}

test("every exported function is declared from its Rust signature and doc comment", () => {
  const functions = exportedFunctions();
  assert.ok(functions.length >= 17, `found ${functions.length} functions`);
  for (const { jsName, firstLine } of functions) {
    assert.equal(typeof mm[jsName], "function", `${jsName} is exported`);
    const declared = declarations.match(new RegExp(`/\\*\\*\\n((?: \\*.*\\n)+) \\*/\\nexport function ${jsName}\\(`));
    assert.ok(declared, `${jsName} is declared with a doc comment`);
    assert.ok(declared[1].includes(firstLine), `${jsName}'s declaration carries "${firstLine}"`);
  }
  assert.match(declarations, /export function score\(instrument: InstrumentInput, response: ResponseInput\): ScoreReport;/);
  assert.match(declarations, /export interface ScoreReport \{/, "the data types are in the same declarations");
  assert.doesNotMatch(declarations, /InitInput|initSync/, "the glue's own loader is left out");
  // Rust's intra-doc links name Rust items a TypeScript reader cannot follow.
  assert.doesNotMatch(declarations, /\[`[^`]+`\]/, "no rustdoc links in the declarations");
});
