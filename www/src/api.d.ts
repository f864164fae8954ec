// The scoring functions, the same in browsers and in Node. Data types are generated from the
// Rust types (./types.d.ts). Every function throws a MaturityMatrixError on bad input.
import type { ActionPlanEntry, Aggregate, Comparison, Instrument, Problem, ProgressReport, Response, ScoreReport, SystemView, Trends } from "./types.js";

export * from "./types.js";

/** An instrument as an object, as its JSON text, or a built-in id such as `"nhs-impact"`. */
export type InstrumentInput = Instrument | string;
/** A response as an object or as its JSON text (older formats are migrated). */
export type ResponseInput = Response | string;

/** What every function throws when its input cannot be used: each problem has a JSON path.
 * `error instanceof MaturityMatrixError` is true for them. */
export class MaturityMatrixError extends Error {
  name: "MaturityMatrixError";
  /** The path of the first problem, e.g. `components[0].items[2].levels`. */
  path: string;
  /** Every problem found, each with its path. */
  problems: Problem[];
}

/** Validates an instrument; returns it normalised (defaults filled in). */
export function validateInstrument(instrument: InstrumentInput): Instrument;
/** Reads and checks a response against an instrument; returns it in the current format. */
export function validateResponse(instrument: InstrumentInput, response: ResponseInput): Response;
/** Scores a response: per item, per component and overall. */
export function score(instrument: InstrumentInput, response: ResponseInput): ScoreReport;
/** Combines several responses: distributions, medians, spread, disagreement (at `threshold` levels, default 2) and discussion order. */
export function aggregate(instrument: InstrumentInput, responses: ResponseInput[], threshold?: number): Aggregate;
/** A draft agreed response from several responses: each item at its median level. */
export function agreedDraft(instrument: InstrumentInput, responses: ResponseInput[]): Response;
/** Compares a baseline response with a current one. */
export function compare(instrument: InstrumentInput, baseline: ResponseInput, current: ResponseInput): Comparison;
/** The action plan: every rated item below its target, highest priority first. */
export function actionPlan(instrument: InstrumentInput, response: ResponseInput): ActionPlanEntry[];
/** A response as CSV text (RFC 4180), safe to open in a spreadsheet. */
export function responseCsv(instrument: InstrumentInput, response: ResponseInput): string;
/** A board aggregation as CSV text. */
export function aggregateCsv(instrument: InstrumentInput, responses: ResponseInput[], threshold?: number): string;
/** A built-in instrument by id (`"nhs-impact"`, `"board-improvement-leadership"`). */
export function builtinInstrument(id: string): Instrument;
/** The ids of the built-in instruments, default first. */
export function builtinInstrumentIds(): string[];

/** An instrument read and checked once, with the functions that use it: faster than the free
 * functions when one instrument scores many responses. Made by `prepare`; call `free()` (or let
 * it be garbage-collected) when done. */
export class PreparedInstrument {
  private constructor();
  /** The instrument, normalised (defaults filled in). */
  readonly instrument: Instrument;
  /** Scores a response: per item, per component and overall. */
  score(response: ResponseInput): ScoreReport;
  /** Reads and checks a response against the instrument; returns it in the current format. */
  validateResponse(response: ResponseInput): Response;
  /** Combines several responses (disagreement at `threshold` levels, default 2). */
  aggregate(responses: ResponseInput[], threshold?: number): Aggregate;
  /** A draft agreed response from several responses: each item at its median level. */
  agreedDraft(responses: ResponseInput[]): Response;
  /** Compares a baseline response with a current one. */
  compare(baseline: ResponseInput, current: ResponseInput): Comparison;
  /** The action plan: every rated item below its target, highest priority first. */
  actionPlan(response: ResponseInput): ActionPlanEntry[];
  /** A response as CSV text. */
  responseCsv(response: ResponseInput): string;
  /** A board aggregation as CSV text. */
  aggregateCsv(responses: ResponseInput[], threshold?: number): string;
  /** How the plan is going on `today` (`YYYY-MM-DD`): each action's status, overdue ones first, the counts and a sentence. */
  progress(response: ResponseInput, today: string): ProgressReport;
  /** Each component's score across assessments (oldest first), the items that moved most and those not rated in every one. */
  trends(responses: ResponseInput[]): Trends;
  /** An iCalendar (`.ics`) text: the next review and each open action's due date, as all-day events with stable UIDs. `now` is a timestamp, `today` a `YYYY-MM-DD` day. */
  calendarIcs(response: ResponseInput, now: string, today: string): string;
  /** Several organisations' agreed records side by side: each one's profile (alphabetical, never ranked), the system median and spread per component, and the items on which they differ most. A record made against another version of the instrument counts with the answers that fit. */
  systemView(records: ResponseInput[]): SystemView;
  /** The system table as CSV text: one column per organisation, named, or "Organisation A, B, …" when `anonymous`. */
  systemCsv(records: ResponseInput[], anonymous?: boolean): string;
  /** Releases the WebAssembly memory the handle holds; it cannot be used after. */
  free(): void;
}

/** Reads and checks an instrument once and returns a handle that scores against it. */
export function prepare(instrument: InstrumentInput): PreparedInstrument;
/** How the plan is going on `today` (`YYYY-MM-DD`): each action's status, overdue ones first, the counts and a sentence. */
export function progress(instrument: InstrumentInput, response: ResponseInput, today: string): ProgressReport;
/** Each component's score across assessments (oldest first), the items that moved most and those not rated in every one. */
export function trends(instrument: InstrumentInput, responses: ResponseInput[]): Trends;
/** An iCalendar (`.ics`) text: the next review and each open action's due date, as all-day events with stable UIDs. */
export function calendarIcs(instrument: InstrumentInput, response: ResponseInput, now: string, today: string): string;
/** Several organisations' agreed records side by side (see `PreparedInstrument.systemView`). */
export function systemView(instrument: InstrumentInput, records: ResponseInput[]): SystemView;
/** The system table as CSV text (see `PreparedInstrument.systemCsv`). */
export function systemCsv(instrument: InstrumentInput, records: ResponseInput[], anonymous?: boolean): string;
