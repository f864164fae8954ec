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

/** The scoring functions for one instrument: the free functions, given the instrument on
 * every call, or a prepared instrument's methods. Both must give the expected output. */
const routes = {
  "free functions": (instrument) => {
    mm.validateInstrument(instrument);
    return {
      validateResponse: (r) => mm.validateResponse(instrument, r),
      score: (r) => mm.score(instrument, r),
      actionPlan: (r) => mm.actionPlan(instrument, r),
      responseCsv: (r) => mm.responseCsv(instrument, r),
      aggregateCsv: (rs, t) => mm.aggregateCsv(instrument, rs, t),
      agreedDraft: (rs, today) => mm.agreedDraft(instrument, rs, today),
      aggregate: (rs, t) => mm.aggregate(instrument, rs, t),
      compare: (a, b) => mm.compare(instrument, a, b),
      progress: (r, today) => mm.progress(instrument, r, today),
      trends: (rs) => mm.trends(instrument, rs),
      calendarIcs: (r, now, today) => mm.calendarIcs(instrument, r, now, today),
      systemView: (rs) => mm.systemView(instrument, rs),
      systemCsv: (rs, anonymous) => mm.systemCsv(instrument, rs, anonymous),
    };
  },
  "a prepared instrument": (instrument) => mm.prepare(instrument),
};

function runCase(dir, route) {
  const builtinFile = path.join(dir, "builtin.txt");
  const instrument = existsSync(builtinFile)
    ? mm.builtinInstrument(readFileSync(builtinFile, "utf8").trim())
    : readFileSync(path.join(dir, "instrument.json"), "utf8");
  let api;
  try {
    api = route(instrument);
  } catch {
    return { instrumentError: problemsOf(() => route(instrument)) };
  }
  const threshold = existsSync(path.join(dir, "threshold.txt")) ? Number(readFileSync(path.join(dir, "threshold.txt"), "utf8")) : undefined;
  const responsesDir = path.join(dir, "responses");
  const files = existsSync(responsesDir) ? readdirSync(responsesDir).sort() : [];
  const responses = [];
  const responseErrors = {};
  for (const file of files) {
    const text = readFileSync(path.join(responsesDir, file), "utf8");
    try {
      responses.push(api.validateResponse(text));
    } catch {
      responseErrors[file] = problemsOf(() => api.validateResponse(text));
    }
  }
  const year = {};
  const todayFile = path.join(dir, "today.txt");
  // The day the agreed draft is agreed on, as the native golden test takes it.
  const agreedOn = existsSync(todayFile) ? readFileSync(todayFile, "utf8").trim() : "2026-12-01";
  if (existsSync(todayFile)) {
    const today = readFileSync(todayFile, "utf8").trim();
    year.progress = api.progress(responses.at(-1), today);
    year.trends = api.trends(responses);
    year.calendar = api.calendarIcs(responses.at(-1), `${today}T09:00:00.628Z`, today);
  }
  const system = {};
  const organisationsDir = path.join(dir, "organisations");
  if (existsSync(organisationsDir)) {
    const records = readdirSync(organisationsDir).sort().map((file) => readFileSync(path.join(organisationsDir, file), "utf8"));
    system.system = api.systemView(records);
    system.systemCsv = api.systemCsv(records, false);
    system.systemCsvAnonymous = api.systemCsv(records, true);
  }
  return {
    ...year,
    ...system,
    responseErrors,
    scores: responses.map((r) => api.score(r)),
    actionPlans: responses.map((r) => api.actionPlan(r)),
    responseCsv: responses.map((r) => api.responseCsv(r)),
    aggregateCsv: api.aggregateCsv(responses, threshold),
    agreedDraft: api.agreedDraft(responses, agreedOn),
    aggregate: api.aggregate(responses, threshold),
    comparison: responses.length >= 2 ? api.compare(responses[0], responses.at(-1)) : null,
  };
}

test("there are golden cases to check", () => {
  assert.ok(cases.length >= 8, `found ${cases.length}`);
});

for (const name of cases) {
  for (const [routeName, route] of Object.entries(routes)) {
    test(`golden case ${name}: WebAssembly in Node, through ${routeName}, equals native`, () => {
      const dir = path.join(casesDir, name);
      const expected = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8"));
      assert.deepStrictEqual(runCase(dir, route), expected);
    });
  }
}
