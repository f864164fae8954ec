// The data types of maturity-matrix, generated from the Rust types of maturity-core by
// core/tests/typescript.rs (UPDATE_TYPES=1 cargo test -p maturity-core --features schema
// --test typescript). Do not edit by hand.

/** A maturity matrix: its scale, its components and their items, and how scores roll up. */
export interface Instrument {
  /** The components, in the order they are assessed. */
  components: Component[];
  /** What it is for. */
  description?: string;
  /** Always 1 for this format. */
  formatVersion: number;
  /** Stable identifier, used in storage keys and to match responses: letters, digits, `-_.`. */
  id: string;
  /** The ordered levels and the special answers allowed. */
  scale: Scale;
  /** How item ratings roll up into component and overall scores. */
  scoring?: Scoring;
  /** Where the wording comes from and on what terms it may be reused. */
  source?: string;
  /** Its name, shown as the widget's heading. */
  title: string;
  /** The instrument's own version, e.g. `"1.0.0"`; responses record it. */
  version: string;
}

/** A set of answers to one instrument. */
export interface Response {
  /**
   * Present when this is a board's agreed record rather than one person's ratings: how many
   * people's ratings it was agreed from, and when (format 2).
   */
  agreed?: Agreed | null;
  /** Answers by item id. Items without an entry are unanswered. */
  answers?: Record<string, Answer>;
  /** When it was started, as an RFC 3339 timestamp (`2026-11-28T12:00:00Z`). */
  created?: string;
  /** The response format version, 2 for this format (files of format 1 are read too). */
  formatVersion: number;
  /** Which instrument (and which version of it) was answered. */
  instrument: InstrumentRef;
  /** When the board next reviews the plan, as `YYYY-MM-DD` (format 2). */
  nextReview?: string;
  /** The organisation assessed. */
  organisation?: string;
  /** The board paper's cover sheet (format 2). */
  paper?: Paper;
  /** Who answered, if they chose to say. */
  respondent?: Respondent;
  /** A name for this assessment, e.g. "Board self-assessment, November 2026". */
  title?: string;
  /** When it was last changed, as an RFC 3339 timestamp. */
  updated?: string;
}

/** The scores of one response. */
export interface ScoreReport {
  /** Per component, in instrument order. */
  components: ComponentScore[];
  /** Counts over the whole instrument. */
  counts: Counts;
  /** The overall score, or `None` when no component has a score. Indicative only. */
  overall?: number | null;
  /** The band the overall score falls in, if the instrument defines bands. */
  overallBand?: string | null;
}

/** Several responses to one instrument, summarised. */
export interface Aggregate {
  /** Per component, in instrument order. */
  components: ComponentAggregate[];
  /** Item ids, most disagreement first: the order in which to discuss them. */
  discussionOrder: string[];
  /** Per item, in instrument order. */
  items: ItemAggregate[];
  /**
   * The organisation the responses name, when every one that names an organisation names
   * the same one (ignoring case and surrounding spaces); empty otherwise.
   */
  organisation: string;
  /** How many responses were combined. */
  respondents: number;
  /** The spread (in levels) at which items were flagged. */
  threshold: number;
}

/** The change between two responses. */
export interface Comparison {
  /** Per component, in instrument order. */
  components: ComponentChange[];
  /** Ids of items that declined. */
  declined: string[];
  /** Ids of items that improved, in instrument order. */
  improved: string[];
  /** Per item, in instrument order. */
  items: ItemChange[];
  /** Ids of items rated with a level in only one of the two. */
  notComparable: string[];
  /** Overall score then and now. */
  overall: ComponentChange;
  /** Ids of items rated the same both times. */
  unchanged: string[];
}

/** One item below its target. */
export interface ActionPlanEntry {
  /** The action agreed, if any. */
  action: string;
  /** The component's id. */
  componentId: string;
  /** The component's title. */
  componentTitle: string;
  /** Where the item is now. */
  current: LevelDescriptor;
  /** Its due date (`YYYY-MM-DD`). */
  due: string;
  /**
   * The gap: how many levels separate the current rating from the target (the target set
   * for the item, else the next level up). The one meaning of "gap" everywhere.
   */
  gap: number;
  /** The item's id. */
  itemId: string;
  /** The item's title. */
  itemTitle: string;
  /** What it takes to reach the next level, when the instrument says. */
  moveUp: string;
  /** The next level up: the first thing to aim for. */
  next: LevelDescriptor;
  /** The evidence and notes recorded with the rating. */
  notes: string;
  /** Its owner. */
  owner: string;
  /** Whether the board chose it as one of its priorities now. */
  prioritised: boolean;
  /** `gap × item weight × component weight`: the plan's order, highest first. */
  priority: number;
  /** The latest line of the action's progress log. */
  progress?: ProgressLine | null;
  /** Where the action stands; none means not started. */
  status?: Status | null;
  /** The target level (the explicit target, else the next level). */
  target: LevelDescriptor;
}

/** Every action with its status, overdue ones first, and the counts by status. */
export interface ProgressReport {
  /** Overdue actions first (earliest due first), then the rest in instrument order. */
  actions: ActionProgress[];
  /** Done. */
  done: number;
  /** Dropped. */
  dropped: number;
  /** In progress. */
  inProgress: number;
  /** Not started (including those with no status yet). */
  notStarted: number;
  /** Past their due date and neither done nor dropped. */
  overdue: number;
  /** The report in one sentence, for a board paper (`progress_words`). */
  summary: string;
  /** The day the report was made for (`YYYY-MM-DD`). */
  today: string;
  /** How many actions there are. */
  total: number;
}

/** The series for a set of assessments. */
export interface Trends {
  /** Each component's scores. */
  components: ComponentTrend[];
  /** Items that moved, most first (at most five). */
  movers: ItemMove[];
  /**
   * Titles (or ids, for items no longer in the matrix) of items not rated in every
   * assessment, so not comparable across all of them.
   */
  notCompared: string[];
  /** The overall indicative figure of each. */
  overall: (number | null)[];
  /** The assessments, oldest first. */
  points: TrendPoint[];
  /** The trends in words (`trend_words`). */
  summary: string;
}

/** Several organisations' agreed records of one instrument, side by side. */
export interface SystemView {
  /**
   * Positions in `organisations` in the order of their aliases (Organisation A, B, …): the
   * order to show them in when names are hidden.
   */
  aliasOrder: number[];
  /**
   * Per component, in instrument order: the system's median and the spread across
   * organisations.
   */
  components: SystemComponent[];
  /**
   * Ids of the items on which the organisations differ, most levels apart first (instrument
   * order among equals). Items on which every organisation agrees are left out.
   */
  differences: string[];
  /** Per item, in instrument order: each organisation's rating. */
  items: SystemItem[];
  /** The organisations, alphabetically by name. */
  organisations: Organisation[];
}

/**
 * One thing wrong with an input, located by a JSON path such as
 * `components[2].items[0].levels`. The empty path means the document as a whole.
 */
export interface Problem {
  /**
   * Technical detail for whoever fixes the file, such as the line and column of a syntax
   * error; empty when the path says enough.
   */
  detail?: string;
  /** What is wrong, in plain words, for the person who wrote the file. */
  message: string;
  /** Where the problem is: `components[2].items[0].levels`, or `""` for the whole document. */
  path: string;
}

/** One action the board is working on. */
export interface ActionProgress {
  /** What will be done. */
  action: string;
  /** The component the item belongs to. */
  componentId: string;
  /** The component's title. */
  componentTitle: string;
  /** When it is due (`YYYY-MM-DD`), or empty. */
  due: string;
  /** The item the action is for. */
  itemId: string;
  /** The item's title. */
  itemTitle: string;
  /** The latest line of its progress log. */
  latest?: ProgressLine | null;
  /** Due before today and neither done nor dropped. */
  overdue: boolean;
  /** Who leads it. */
  owner: string;
  /** Where it stands; an action with no status has not started. */
  status: Status;
}

/**
 * What makes a record a board's agreed record: the people whose ratings it was agreed from
 * are counted, and the day is kept, because an agreed record is dated by when the board
 * agreed it, not by its last edit (progress notes are added to it all year).
 */
export interface Agreed {
  /**
   * The day the board agreed it (started it from everyone's ratings), as `YYYY-MM-DD`;
   * empty when not known.
   */
  on?: string;
  /** How many people's ratings the board combined. */
  raters: number;
}

/**
 * The answer to one item. A rating is either a `level` value or a `special` answer, never
 * both; an answer with neither (notes only) counts as unanswered.
 */
export interface Answer {
  /** The action agreed to close the gap. */
  action?: string;
  /** When the action is due, as `YYYY-MM-DD`. */
  due?: string;
  /** The chosen level's `value`. */
  level?: number | null;
  /** Evidence and notes behind the rating. */
  notes?: string;
  /** Who owns the action. */
  owner?: string;
  /** Whether the board has chosen this item as one of its priorities now (format 2). */
  prioritised?: boolean;
  /** What has happened on the action, oldest first (format 2). */
  progress?: ProgressLine[];
  /** A special answer instead of a level. */
  special?: Special | null;
  /** Where the action stands (format 2); none means not started. */
  status?: Status | null;
  /** The level `value` aimed for; when absent the action plan aims for the next level. */
  target?: number | null;
}

/** A named range of scores. */
export interface Band {
  /** The lowest score in the band, with at most two decimals. */
  from: number;
  /** The band's name, e.g. "Developing". */
  label: string;
}

/** How one item or component moved. */
export type Change = "improved" | "declined" | "unchanged" | "notComparable";

/** One of the components assessed. */
export interface Component {
  /** What it covers. */
  description?: string;
  /** Help for people rating it. */
  guidance?: string;
  /** Unique among components. */
  id: string;
  /** Its items, at least one. */
  items: Item[];
  /** Its name. */
  title: string;
  /** Weight in the overall mean, a whole number from 1. Default 1. */
  weight?: number;
}

/** The spread of one component's scores across respondents. */
export interface ComponentAggregate {
  /** How many have a score (respondents, or organisations). */
  count: number;
  /** How many of its items are flagged for disagreement. */
  disagreements: number;
  /** The component's id. */
  id: string;
  /** The highest score. */
  max?: number | null;
  /** The median of their scores. */
  median?: number | null;
  /** The lowest score. */
  min?: number | null;
  /** `max - min`. */
  spread?: number | null;
}

/** A component's (or the overall) score then and now. */
export interface ComponentChange {
  /** The score in the baseline. */
  baseline?: number | null;
  /** The direction. */
  change: Change;
  /** The score now. */
  current?: number | null;
  /** `current - baseline`. */
  delta?: number | null;
  /** The component's id (`"overall"` for the overall figure). */
  id: string;
}

/** One component's score. */
export interface ComponentScore {
  /** The band the score falls in. */
  band?: string | null;
  /** Counts over this component's items. */
  counts: Counts;
  /** The component's id. */
  id: string;
  /** Per item, in instrument order. */
  items: ItemScore[];
  /** The component's score, or `None` when none of its items is rated with a level. */
  score?: number | null;
}

/** One component's score in each assessment, in date order (`null` where nothing was rated). */
export interface ComponentTrend {
  /** The component's id. */
  id: string;
  /** A score per assessment. */
  scores: (number | null)[];
  /** The component's title. */
  title: string;
}

/** How many items are in each state. */
export interface Counts {
  /**
   * Items with any answer (a level or a special answer) as a whole percentage of all
   * items, rounded down so 100 means truly complete.
   */
  completionPercent: number;
  /** Items answered "don't know". */
  dontKnow: number;
  /** Items answered "not applicable". */
  notApplicable: number;
  /** Items rated with a level (these are scored). */
  rated: number;
  /** All items. */
  total: number;
  /** Items with no answer yet. */
  unanswered: number;
}

/** Names the instrument a response belongs to. */
export interface InstrumentRef {
  /** The instrument's `id`. */
  id: string;
  /** The instrument's `version` when the response was written. */
  version: string;
}

/** One row of the matrix: a practice rated on the scale. */
export interface Item {
  /** Examples of evidence that would support a rating. */
  evidence?: string[];
  /** Help for rating it. */
  guidance?: string;
  /** Unique across the whole instrument (responses are keyed by it). */
  id: string;
  /**
   * What each level looks like for this item, one per scale level, lowest first. When
   * absent, the scale's own level descriptions are shown (useful for frequency scales).
   */
  levels?: string[];
  /**
   * How to move up: for each level but the top, lowest first, what it takes to reach the
   * next level for this item. Shown in the action plan and the results.
   */
  moveUp?: string[];
  /** The question put to the respondent. */
  prompt?: string;
  /** A short name. */
  title: string;
  /** Weight in its component's mean and in action-plan priority. Default 1. */
  weight?: number;
}

/** The spread of one item's ratings. */
export interface ItemAggregate {
  /** Its component's id. */
  componentId: string;
  /** How many respondents chose a level. */
  count: number;
  /** True when `spread` reaches the threshold. */
  disagreement: boolean;
  /** How many respondents chose each level, lowest level first. */
  distribution: number[];
  /** How many chose "don't know". */
  dontKnow: number;
  /** The item's id. */
  id: string;
  /** The highest level value chosen. */
  max?: number | null;
  /** The median level value of those who chose a level. */
  median?: number | null;
  /** The lowest level value chosen. */
  min?: number | null;
  /** How many chose "not applicable". */
  notApplicable: number;
  /** How many levels apart the lowest and highest ratings are (0 when all agree). */
  spread: number;
  /** How many gave no answer. */
  unanswered: number;
}

/** One item then and now. */
export interface ItemChange {
  /** The level value in the baseline. */
  baseline?: number | null;
  /** The direction. */
  change: Change;
  /** Its component's id. */
  componentId: string;
  /** The level value now. */
  current?: number | null;
  /** The item's id. */
  id: string;
  /** Levels moved (positive is up the scale). */
  steps?: number | null;
}

/** An item whose level changed between the first and the last assessment that rated it. */
export interface ItemMove {
  /** Levels moved: up positive, down negative. */
  change: number;
  /** The level's label where it started. */
  from: string;
  /** The item's id. */
  itemId: string;
  /** The item's title. */
  itemTitle: string;
  /** The level's label where it ended. */
  to: string;
}

/** One item's rating, resolved against the scale. */
export interface ItemScore {
  /** The item's id. */
  id: string;
  /** The level value chosen, if a level was chosen. */
  level?: number | null;
  /** The position of that level on the scale, 0 for the lowest. */
  levelIndex?: number | null;
  /** The special answer, if one was chosen. */
  special?: Special | null;
}

/** One level of the scale. */
export interface Level {
  /** What this level means across the whole matrix. */
  description?: string;
  /** Its name, e.g. "Embedding". */
  label: string;
  /** The number scores are computed from: a whole number from 0 to 100. */
  value: number;
}

/** A level with this item's wording for it. */
export interface LevelDescriptor {
  /** What the level looks like for this item. */
  descriptor: string;
  /** The level's name. */
  label: string;
  /** The level's value. */
  value: number;
}

/** One organisation's agreed profile. */
export interface Organisation {
  /**
   * How the record says it was agreed; `None` when it is not marked as a board's agreed
   * record (one person's ratings, or a record from before records were marked), which a
   * system view flags rather than counts silently.
   */
  agreed?: Agreed | null;
  /**
   * The name used when names are hidden: "Organisation A", "Organisation B", …. The letters
   * do not follow the alphabetical order of the names (which anyone knowing the members
   * could undo), but a fixed scramble of them: the same organisations get the same letters
   * every time.
   */
  alias: string;
  /** Its component scores, in instrument order. */
  components: (number | null)[];
  /** The version of the instrument the record was made against. */
  instrumentVersion: string;
  /** The organisation's name, as its record gives it. */
  name: string;
  /** Its overall score. */
  overall?: number | null;
  /** How many of its answers do not fit this version of the instrument and are left out. */
  setAside: number;
}

/** The cover sheet of a board paper: what a board secretary needs to table it. */
export interface Paper {
  /** The agenda item, e.g. "7.2". */
  agendaItem?: string;
  /** Who wrote the paper. */
  author?: string;
  /** What the board is asked to do ("note", "discuss", "approve" ...), in words. */
  boardAskedTo?: string;
  /** The meeting's date, as `YYYY-MM-DD`. */
  date?: string;
  /** The executive lead. */
  executiveLead?: string;
  /** The meeting, e.g. "Board of Directors (public)". */
  meeting?: string;
  /** What the paper is for. */
  purpose?: string;
}

/** One dated line of an action's progress log. */
export interface ProgressLine {
  /** When, as `YYYY-MM-DD`. */
  date: string;
  /** The action's new status, if this line changed it. */
  status?: Status | null;
  /** What happened. */
  text: string;
}

/** Who gave a response. */
export interface Respondent {
  /** Their name. */
  name?: string;
  /** Their role, e.g. "Non-executive director". */
  role?: string;
}

/** How a set of scores rolls up into one. */
export type Rollup = "mean" | "median" | "minimum";

/** The ordered levels every item is rated on. */
export interface Scale {
  /** If present, "don't know" may be chosen; it is left out of every score. */
  dontKnow?: SpecialAnswer | null;
  /** 2 to 10 levels, lowest first, with strictly increasing values. */
  levels: Level[];
  /** If present, "not applicable" may be chosen; it is left out of every score. */
  notApplicable?: SpecialAnswer | null;
}

/** The scoring rules. */
export interface Scoring {
  /** Optional named bands, lowest first: a score at or above `from` takes the band's label. */
  bands?: Band[];
  /** How a component's items roll up. Default: `mean`. */
  component?: Rollup;
  /** How the components roll up into the overall figure. Default: `mean`. */
  overall?: Rollup;
}

/** An answer that takes an item out of scoring. */
export type Special = "notApplicable" | "dontKnow";

/** The wording of a special answer ("not applicable", "don't know"). */
export interface SpecialAnswer {
  /** The option's text, e.g. "No chance to demonstrate". */
  label: string;
}

/** Where an action stands. */
export type Status = "notStarted" | "inProgress" | "done" | "dropped";

/** One component across the organisations. */
export interface SystemComponent {
  /** How many have a score (respondents, or organisations). */
  count: number;
  /** The component's id. */
  id: string;
  /** The highest score. */
  max?: number | null;
  /** The median of their scores. */
  median?: number | null;
  /** The lowest score. */
  min?: number | null;
  /** `max - min`. */
  spread?: number | null;
}

/** One item across the organisations. */
export interface SystemItem {
  /** Each organisation's answer in words ("Level 3", "Not applicable", "–" for none). */
  answers: string[];
  /** Its component's id. */
  componentId: string;
  /** The item's id. */
  id: string;
  /**
   * Each organisation's level value, in the order of `organisations`; `None` where the
   * organisation gave no level (not applicable, don't know, or no answer).
   */
  levels: (number | null)[];
  /** The median level value of the organisations that gave a level. */
  median?: number | null;
  /** How many levels apart the lowest and highest organisations are. */
  spread: number;
}

/** One assessment's place in the series. */
export interface TrendPoint {
  /** The day it was made (`YYYY-MM-DD`, `Response::assessed_on`), or empty. */
  date: string;
  /** The assessment's name, or "Assessment N" in date order. */
  label: string;
}
