// The authoring page's spreadsheet import and its words, without a browser: its modules are
// plain functions over text. Sheets over the matrix's limits are refused by row and column
// with the limit and by how much, before anything is built; files over the size limit are
// refused in words before they are read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cellText, matrixFromRows, readDelimited, sheetFromMatrix } from "../../www/author/csv.js";
import * as limits from "../../www/author/limits.js";
import { plural, sizeInWords } from "../../www/author/words.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A sheet: the header, then one row per item, `components` of them named in turn. */
function sheet({ items = 3, components = 1, levels = 3, cell = (row, column) => `Row ${row} level ${column}` } = {}) {
  const header = ["Component", "Item", ...Array.from({ length: levels }, (_, i) => `Level ${i + 1}`)];
  const rows = Array.from({ length: items }, (_, i) => [
    `Component ${(i % components) + 1}`,
    `Item ${i + 1}`,
    ...Array.from({ length: levels }, (_, j) => cell(i + 2, j + 3)),
  ]);
  return [header, ...rows].map((cells) => cells.join(",")).join("\n");
}

const read = (text) => matrixFromRows(readDelimited(text).rows);
const texts = (result) => result.problems.map(cellText);

test("the page's limits are the core's", () => {
  const source = readFileSync(path.join(repo, "core/src/instrument.rs"), "utf8");
  const core = (name) => {
    const match = new RegExp(`pub const ${name}: \\w+ = ([^;]+);`).exec(source);
    assert.ok(match, `${name} in core/src/instrument.rs`);
    return Number(eval(match[1].replace(/_/g, ""))); // "1 << 20", "4_000"
  };
  for (const name of ["MAX_BYTES", "MAX_COMPONENTS", "MAX_ITEMS", "MIN_LEVELS", "MAX_LEVELS", "MAX_TITLE_CHARS", "MAX_TEXT_CHARS"]) {
    assert.equal(limits[name], core(name), name);
  }
});

test("a sheet of 10,000 rows is refused for its count of items, naming the limit and the excess, with nothing built", () => {
  const result = read(sheet({ items: 10_000 }));
  assert.deepEqual(texts(result), [
    "Row 502: the sheet has 10,000 item rows; a matrix can have at most 500 items: 9,500 too many (this row and those after it)",
  ]);
  assert.deepEqual([result.rows.length, result.components.length], [0, 0]);
});

test("too many components or levels are refused where the first one over the limit is", () => {
  assert.deepEqual(texts(read(sheet({ items: 40, components: 40 }))), [
    "Row 32, column 1: \u201cComponent 31\u201d is component 31: the sheet names 40 components; a matrix can have at most 30: 10 too many",
  ]);
  assert.deepEqual(texts(read(sheet({ levels: 12 }))), [
    "Row 1, column 13: the header row names 12 levels; a matrix can have at most 10: 2 too many (this column and those after it)",
  ]);
});

test("cells longer than their field allows are told by row and column, with the limit and by how much", () => {
  const long = (n) => "x".repeat(n);
  const text = [
    `Component,Item,Low,${long(201)}`,
    `${long(250)},Fine,Fine,Fine`,
    `Second,${long(200)},${long(4_010)},Fine`,
  ].join("\n");
  const result = read(text);
  assert.deepEqual(texts(result), [
    "Row 1, column 4: the level\u2019s name is 201 characters; the limit is 200: 1 too many",
    "Row 2, column 1: the component\u2019s title is 250 characters; the limit is 200: 50 too many",
    "Row 3, column 3: the description is 4,010 characters; the limit is 4,000: 10 too many",
  ]);
  assert.equal(result.components.length, 0, "nothing built");
  // Characters as the core counts them: an emoji is one character, two UTF-16 units.
  assert.deepEqual(texts(read(`Component,Item,Low,High\nA,${"\u{1F600}".repeat(200)},x,y`)), []);
});

test("a sheet at every limit is read", () => {
  const result = read(sheet({ items: 500, components: 30, levels: 10 }));
  assert.deepEqual(result.problems, []);
  assert.equal(result.rows.length, 500);
  assert.equal(result.components.length, 30);
  const longest = read(`Component,Item,Low,${"h".repeat(200)}\n${"c".repeat(200)},${"i".repeat(200)},${"d".repeat(4_000)},x`);
  assert.deepEqual(longest.problems, []);
  assert.equal(longest.rows.length, 1);
});

test("a file over the size limit is refused in words, saying its size and the limit", () => {
  const refusal = limits.tooLarge({ name: "ward.csv", bytes: 50 * 1024 * 1024, limit: limits.MAX_SHEET_BYTES, what: "a spreadsheet for a matrix" });
  assert.equal(refusal, "ward.csv is 50 MB; a spreadsheet for a matrix can be at most 2 MB");
  assert.equal(limits.tooLarge({ name: "ok.csv", bytes: limits.MAX_SHEET_BYTES, limit: limits.MAX_SHEET_BYTES, what: "x" }), undefined);
  assert.equal(limits.utf8Bytes("caf\u00e9"), 5);
});

test("counts and sizes in words", () => {
  assert.equal(plural(1, "item"), "1 item");
  assert.equal(plural(0, "item"), "0 items");
  assert.equal(plural(10_000, "row"), "10,000 rows");
  assert.equal(plural(1, "entry", "entries"), "1 entry");
  assert.equal(plural(2, "entry", "entries"), "2 entries");
  assert.equal(sizeInWords(10_000), "10 KB");
  assert.equal(sizeInWords(1 << 20), "1 MB");
  assert.equal(sizeInWords((1 << 20) + 1), "1.1 MB", "over the limit never reads as the limit");
  assert.equal(sizeInWords(50 * 1024 * 1024), "50 MB");
  // A short row is told with the right plural.
  assert.deepEqual(texts(read("Component,Item,Low,High\nA")), ["Row 2: 1 cell, but the header row has 4 columns"]);
});

test("a sheet written from a matrix cannot run formulas in a spreadsheet, and reads back unchanged", () => {
  const matrix = JSON.parse(readFileSync(path.join(repo, "core/instruments/nhs-impact.json"), "utf8"));
  const item = matrix.components[0].items[0];
  item.title = '=HYPERLINK("http://example.invalid","Click")';
  item.levels[0] = "-1 is not a level";
  item.levels[1] = "@risk";
  const text = sheetFromMatrix(matrix);
  const { rows } = readDelimited(text);
  const written = rows.flatMap((r) => r.cells);
  assert.ok(written.includes(item.title) && written.includes("-1 is not a level") && written.includes("@risk"), "each cell reads back as written");
  for (const raw of text.split(/\r\n/).flatMap((line) => line.split(","))) {
    assert.doesNotMatch(raw.replace(/^"/, ""), /^[=+\-@]/, `no cell starts a formula: ${raw}`);
  }
});
