// A typed use of the package, checked with `tsc --noEmit` against the packed tarball's types.
import {
  actionPlan, aggregate, builtinInstrument, compare, init, mount, score, setWasmDirectory, styles, validateInstrument,
  type ActionPlanEntry, type Instrument, type MaturityMatrixError, type MountHandle, type MountOptions,
  type Response,
  type ScoreReport,
} from "maturity-matrix";

setWasmDirectory(new URL("./", import.meta.url));
await init();
const instrument: Instrument = builtinInstrument("nhs-impact");
const response: Response = {
  formatVersion: 1,
  instrument: { id: instrument.id, version: instrument.version },
  answers: { "purpose-created": { level: 3, notes: "Strategy refresh" } },
};
const report: ScoreReport = score(instrument, response);
const overall: number | null | undefined = report.overall;
const plan: ActionPlanEntry[] = actionPlan(instrument, response);
const firstGap: number | undefined = plan[0]?.gap;
const board = aggregate(instrument, [response, response], 2);
const discussFirst: string[] = board.discussionOrder;
const change = compare(instrument, response, response);
const improved: string[] = change.improved;

try {
  validateInstrument({ ...instrument, components: [] });
} catch (error) {
  const problems = (error as MaturityMatrixError).problems.map((p) => `${p.path}: ${p.message}`);
  console.log(problems);
}

const element = document.createElement("maturity-matrix");
element.instrument = instrument;
element.addEventListener("maturity-change", (event) => {
  const latest: Response = event.detail.response;
  const rated: number = event.detail.score.counts.rated;
  console.log(latest.answers, rated);
});
element.addEventListener("maturity-error", (event) => console.log(event.detail.problems.length));
const saved: Response | null = element.exportResponse();

const sheet = new CSSStyleSheet();
sheet.replaceSync(styles);
const handle: MountHandle = mount(document.body, { instrument: "nhs-impact", view: "results", onResponse: (r, s, changed) => console.log(r.title, s.overall, changed) });
handle.update({ readonly: true });
// Every option mount() reads, each once: a missing declaration fails tsc here (excess property),
// and so does a declared option this list forgets (Required).
const everyOption: Required<MountOptions> = {
  instrument: "nhs-impact",
  storageKey: "typed",
  view: "board",
  readonly: false,
  board: true,
  headingLevel: 3,
  hideTitle: true,
  response: { formatVersion: 2, instrument: { id: "nhs-impact", version: "1.0.0" }, answers: {} },
  onResponse: (response, score, changed) => console.log(response.answers, score.overall, changed),
  onError: (error) => console.log(error.problems.length),
};
handle.update(everyOption);
handle.destroy();

console.log(overall, firstGap, discussFirst, improved, saved);
