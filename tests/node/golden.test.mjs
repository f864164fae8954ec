// The core's golden cases, computed again through the WebAssembly build in Node: the same
// inputs must give byte-for-byte the same JSON as the native Rust run that wrote expected.json.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { repo } from "../support/paths.mjs";
import * as mm from "../../www/dist/node.js";

const casesDir = path.join(repo, "core/tests/cases");
const cases = readdirSync(casesDir).filter((name) => !name.startsWith(".")).sort();

function problemsOf(fn) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof Error, "errors are real Error objects");
    assert.equal(error.name, "MaturityMatrixError");
    assert.equal(error.path, error.problems[0].path);
    return error.problems;
  }
  assert.fail("expected an error");
}

function runCase(dir) {
  const builtinFile = path.join(dir, "builtin.txt");
  const instrument = existsSync(builtinFile)
    ? mm.builtinInstrument(readFileSync(builtinFile, "utf8").trim())
    : readFileSync(path.join(dir, "instrument.json"), "utf8");
  try {
    mm.validateInstrument(instrument);
  } catch {
    return { instrumentError: problemsOf(() => mm.validateInstrument(instrument)) };
  }
  const threshold = existsSync(path.join(dir, "threshold.txt")) ? Number(readFileSync(path.join(dir, "threshold.txt"), "utf8")) : undefined;
  const responsesDir = path.join(dir, "responses");
  const files = existsSync(responsesDir) ? readdirSync(responsesDir).sort() : [];
  const responses = [];
  const responseErrors = {};
  for (const file of files) {
    const text = readFileSync(path.join(responsesDir, file), "utf8");
    try {
      responses.push(mm.validateResponse(instrument, text));
    } catch {
      responseErrors[file] = problemsOf(() => mm.validateResponse(instrument, text));
    }
  }
  return {
    responseErrors,
    scores: responses.map((r) => mm.score(instrument, r)),
    actionPlans: responses.map((r) => mm.actionPlan(instrument, r)),
    responseCsv: responses.map((r) => mm.responseCsv(instrument, r)),
    aggregateCsv: mm.aggregateCsv(instrument, responses, threshold),
    agreedDraft: mm.agreedDraft(instrument, responses),
    aggregate: mm.aggregate(instrument, responses, threshold),
    comparison: responses.length >= 2 ? mm.compare(instrument, responses[0], responses.at(-1)) : null,
  };
}

test("there are golden cases to check", () => {
  assert.ok(cases.length >= 8, `found ${cases.length}`);
});

for (const name of cases) {
  test(`golden case ${name}: WebAssembly in Node equals native`, () => {
    const dir = path.join(casesDir, name);
    const expected = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8"));
    assert.deepStrictEqual(runCase(dir), expected);
  });
}
