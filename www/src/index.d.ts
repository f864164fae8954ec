// The browser entry: the scoring functions, the <maturity-matrix> element and mount().
import type { MaturityMatrixError } from "./api.js";
import type { Instrument, Response, ScoreReport } from "./api.js";

export * from "./api.js";
import type { InitSource } from "./api-entry.js";
export type { InitSource };

/** Loads the scoring functions (the functions-only WebAssembly; `source` says where it is) and
 * the board's build of the widget, once per page: await it before calling the functions or
 * `mount()`. The `<maturity-matrix>` element needs neither: it loads the build it needs. */
export function init(source?: InitSource): Promise<void>;

/** For bundlers that do not copy the package's `.wasm` files (esbuild, Rollup without an asset
 * plugin): the address of the directory where they are served. Call it in the module that
 * imports the package statically, before any element starts. */
export function setWasmDirectory(address: string | URL): void;

/** The views of the widget. */
export type View = "start" | "assess" | "results" | "plan" | "progress" | "paper" | "board" | "facilitate" | "system";

/** Options for `mount` and `MountHandle.update`; all optional. */
export interface MountOptions {
  /** A built-in instrument id (default `"nhs-impact"`), an instrument object or its JSON text. */
  instrument?: Instrument | string;
  /** Separates saved assessments of the same instrument (default `"default"`). */
  storageKey?: string;
  /** The view to open on. */
  view?: View;
  /** Show the answers without letting them be changed. */
  readonly?: boolean;
  /** Show the board view's tab, for a facilitator's page (it also shows once a board has
   * collected responses on this device). */
  board?: boolean;
  /** The level of the widget's own heading, 1 to 5 (default 2), to fit under the page's
   * headings; other values are ignored. */
  headingLevel?: 1 | 2 | 3 | 4 | 5;
  /** Leave the instrument's title out of sight (it stays for screen readers). */
  hideTitle?: boolean;
  /** Answers the host owns: the widget starts from them, reports changes and never uses browser storage. */
  response?: Response | string;
  /** Called on opening and after every change (`changed` is true when the person changed something). */
  onResponse?: (response: Response, score: ScoreReport, changed: boolean) => void;
  /** Called when the instrument or response cannot be used. */
  onError?: (error: MaturityMatrixError) => void;
}

/** A mounted widget. */
export interface MountHandle {
  /** Applies new options; the widget starts again from the saved (or supplied) answers. */
  update(options: MountOptions): void;
  /** Clears the open assessment and starts afresh. */
  reset(): void;
  /** Unmounts the widget and releases its memory. */
  destroy(): void;
}

/** The widget's stylesheet as text. The element applies it itself; pages that call `mount()`
 * directly can adopt it in their own shadow root, around a container with class `mm-host`. */
export const styles: string;

/** Mounts the widget into `element`. It is unstyled unless `styles` applies to it (see above). */
export function mount(element: Element, options?: MountOptions): MountHandle;

/** `detail` of `maturity-change` and `maturity-complete`. */
export interface MaturityChangeDetail {
  /** The answers as they now stand. */
  response: Response;
  /** Their scores. */
  score: ScoreReport;
}

/** `detail` of `maturity-error`. */
export interface MaturityErrorDetail {
  /** What went wrong, in words. */
  message: string;
  /** Each problem with its JSON path (empty when the problem is not in the data). */
  problems: { path: string; message: string }[];
  /** The error itself. */
  error: Error;
}

/** `<maturity-matrix>`: attributes `instrument`, `instrument-src`, `storage-key`, `view`, `readonly`,
 * `board`, `heading-level`, `hide-title`. */
export class MaturityMatrixElement extends HTMLElement {
  /** An instrument object set by the host; wins over the attributes. */
  instrument: Instrument | null;
  /** The answers as they stand; setting it hands the answers to the widget (see MountOptions.response). */
  response: Response | null;
  /** A copy of the answers as they stand, or null before the widget has opened. */
  exportResponse(): Response | null;
  /** Clears the open assessment and starts afresh. */
  reset(): void;
}

/** Defines `<maturity-matrix>` (done on import; safe to call again; does nothing where there is
 * no `customElements`, such as in server rendering). */
export function defineElement(): void;

declare global {
  interface HTMLElementTagNameMap {
    "maturity-matrix": MaturityMatrixElement;
  }
  interface HTMLElementEventMap {
    "maturity-change": CustomEvent<MaturityChangeDetail>;
    "maturity-complete": CustomEvent<MaturityChangeDetail>;
    "maturity-error": CustomEvent<MaturityErrorDetail>;
  }
}

/** The element's attributes as JSX props, for React and other JSX users
 * (`<maturity-matrix instrument="nhs-impact" storage-key="board-2027" />`). */
export interface MaturityMatrixAttributes {
  instrument?: string;
  "instrument-src"?: string;
  "storage-key"?: string;
  view?: View;
  readonly?: boolean | "";
  board?: boolean | "";
  "heading-level"?: 1 | 2 | 3 | 4 | 5 | 6 | `${1 | 2 | 3 | 4 | 5 | 6}`;
  "hide-title"?: boolean | "";
  id?: string;
  class?: string;
  className?: string;
  style?: unknown;
  ref?: unknown;
  key?: string | number;
  children?: unknown;
}

declare global {
  namespace JSX {
    interface IntrinsicElements {
      "maturity-matrix": MaturityMatrixAttributes;
    }
  }
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "maturity-matrix": MaturityMatrixAttributes;
    }
  }
}
