// The side-effect-free entry, typed: the scoring functions, init() and a prepared instrument.
import {
  init, prepare, score, builtinInstrumentIds,
  type Aggregate, type InitSource, type PreparedInstrument, type Response, type ScoreReport,
} from "maturity-matrix/api";

const source: InitSource = { module_or_path: new URL("/assets/maturity-matrix.wasm", "https://intranet.example") };
await init(source);
const ids: string[] = builtinInstrumentIds();
const prepared: PreparedInstrument = prepare("nhs-impact");
const response: Response = {
  formatVersion: 1,
  instrument: { id: prepared.instrument.id, version: prepared.instrument.version },
  answers: { "purpose-created": { level: 2 } },
};
const report: ScoreReport = prepared.score(response);
const board: Aggregate = prepared.aggregate([response, JSON.stringify(response)], 2);
const csv: string = prepared.aggregateCsv([response]);
const free: ScoreReport = score("nhs-impact", response);
prepared.free();
console.log(ids, report.overall, board.discussionOrder, csv.length, free.overall);
