// The prepared instrument: read and checked once, then used for many responses; built-in ids
// wherever an instrument is accepted.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as mm from "../../www/dist/node.js";

const instrument = mm.builtinInstrument("nhs-impact");
const response = {
  formatVersion: 2,
  instrument: { id: "nhs-impact", version: instrument.version },
  answers: { "purpose-created": { level: 3, target: 5 }, "systems-daily": { level: 1 } },
};

test("a prepared instrument gives what the free functions give, and its instrument normalised", () => {
  const prepared = mm.prepare(instrument);
  assert.deepEqual(prepared.score(response), mm.score(instrument, response));
  assert.deepEqual(prepared.actionPlan(response), mm.actionPlan(instrument, response));
  assert.deepEqual(prepared.validateResponse(JSON.stringify(response)), mm.validateResponse(instrument, response));
  assert.deepEqual(prepared.instrument, mm.validateInstrument(instrument));
  assert.equal(prepared.instrument.components.length, 5);
  prepared.free();
});

test("built-in ids are accepted wherever an instrument is", () => {
  assert.deepEqual(mm.score("nhs-impact", response), mm.score(instrument, response));
  assert.deepEqual(mm.prepare("nhs-impact").score(response), mm.score(instrument, response));
  assert.equal(mm.validateInstrument("board-improvement-leadership").id, "board-improvement-leadership");
  assert.throws(() => mm.prepare("nhs-impct"), (error) => error.name === "MaturityMatrixError" && /there is no built-in instrument "nhs-impct"; the built-in ones are nhs-impact/.test(error.message));
  // Text that is not an id is read as JSON, with JSON's errors.
  assert.throws(() => mm.score("{ not json", response), (error) => error.name === "MaturityMatrixError" && !/built-in/.test(error.message));
});

test("a bad instrument is refused once, at prepare, with every problem and its path", () => {
  const broken = structuredClone(instrument);
  broken.components[1].items[0].id = "";
  broken.scale.levels = [];
  assert.throws(() => mm.prepare(broken), (error) => {
    assert.equal(error.name, "MaturityMatrixError");
    const paths = error.problems.map((p) => p.path);
    assert.ok(paths.includes("scale.levels"), paths.join(", "));
    assert.ok(paths.some((p) => p.startsWith("components[1].items[0].id")), paths.join(", "));
    return true;
  });
});

test("a prepared instrument refuses a response for another instrument, naming the field", () => {
  const prepared = mm.prepare("board-improvement-leadership");
  assert.throws(() => prepared.score(response), (error) => error.name === "MaturityMatrixError" && error.path.startsWith("instrument"));
});

test("errors are instances of MaturityMatrixError, from free functions and prepared instruments", () => {
  assert.throws(() => mm.score("{}", response), (error) => error instanceof mm.MaturityMatrixError && error instanceof Error);
  assert.throws(() => mm.prepare("nhs-impact").score({ formatVersion: 99 }), mm.MaturityMatrixError);
  assert.equal(new Error("other") instanceof mm.MaturityMatrixError, false);
});
