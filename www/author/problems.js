// The core reports problems with JSON paths counted from 0 (`components[1].items[0].title`):
// right for code, wrong for people. This turns them into words counted from 1
// ("Component 2, item 1: the title is missing"); the path itself stays available as detail.

/** What each field of the format is called on the page. */
const FIELD_NAMES = {
  formatVersion: "format version",
  id: "short id",
  version: "version",
  title: "title",
  description: "description",
  source: "source",
  guidance: "guidance",
  prompt: "question",
  weight: "weight",
  value: "value",
  label: "label",
  from: "starting score",
  evidence: "evidence examples",
  moveUp: "steps up",
  levels: "levels",
  items: "items",
  components: "components",
  bands: "bands",
  scale: "scale",
  scoring: "scoring",
  component: "rule for components",
  overall: "rule for the overall figure",
  notApplicable: "\u2018not applicable\u2019 answer",
  dontKnow: "\u2018don\u2019t know\u2019 answer",
};

/** `components[1].items[0].title` as `[["components", 1], ["items", 0], ["title"]]`. */
export function pathSegments(path) {
  const segments = [];
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (key !== undefined) segments.push([key]);
    else if (segments.length > 0) segments.at(-1)[1] = Number(index);
  }
  return segments;
}

/** The place a path names, in words, and the field within it: `{ place, field, plural }`. */
export function describePath(path, draft) {
  const places = [];
  let field;
  let plural = false;
  const segments = pathSegments(path);
  segments.forEach(([key, index], at) => {
    const last = at === segments.length - 1;
    const parent = segments[at - 1]?.[0];
    if (key === "components" && index !== undefined) places.push(`Component ${index + 1}`);
    else if (key === "items" && index !== undefined) places.push(`item ${index + 1}`);
    else if (key === "levels" && parent === "scale" && index !== undefined) places.splice(0, places.length, `Level ${index + 1}`);
    else if (key === "bands" && index !== undefined) places.splice(0, places.length, `Band ${index + 1}`);
    else if (key === "levels" && index !== undefined) field = `description of level ${index + 1}${levelName(draft, index)}`;
    else if (key === "moveUp" && index !== undefined) field = `step up from level ${index + 1}${levelName(draft, index)}`;
    else if (key === "evidence" && index !== undefined) field = `evidence example ${index + 1}`;
    else if ((key === "scale" || key === "scoring") && !last) places.splice(0, places.length, key === "scale" ? "Scale" : "Scoring");
    else if ((key === "notApplicable" || key === "dontKnow") && !last) field = `label of the ${FIELD_NAMES[key]}`;
    else if (!(field && key === "label")) {
      field = FIELD_NAMES[key] ?? `\u201c${key}\u201d`;
      plural = ["items", "components", "levels", "moveUp", "bands", "evidence"].includes(key) && index === undefined;
    }
  });
  return { place: places.join(", ") || "The matrix", field, plural };
}

/** The label of scale level `index`, in brackets, when the draft has one. */
function levelName(draft, index) {
  const label = draft?.scale?.levels?.[index]?.label;
  return typeof label === "string" && label.trim() ? ` (${label.trim()})` : "";
}

/** One problem from `validateInstrument`, in words: `{ text, path, technical }`. */
export function describeProblem(problem, draft) {
  const technical = `${problem.path ? `${problem.path}: ` : ""}${problem.message}${problem.detail ? ` (${problem.detail})` : ""}`;
  if (/^this is not a readable data \(JSON\) file/.test(problem.message)) {
    const where = problem.detail ? `, ${problem.detail}` : "";
    return { text: `The JSON text${where}: ${problem.message.replace(/^this is /, "it is ")}`, path: "", technical, position: position(problem.detail) };
  }
  if (!problem.path) return { text: capitalise(problem.message), path: "", technical };
  const { place, field, plural } = describePath(problem.path, draft);
  const [what, ...why] = problem.message.split("; ");
  const reason = why.join("; ");
  let text;
  if ((what === "missing" || what === "empty") && field) {
    const plain = reason === "" || reason === "write some text here" || reason === "this field is required";
    text = `${place}: ${plural ? `no ${field} yet` : `the ${field} is missing`}${plain ? "" : `; ${reason}`}`;
  } else if (what === "unknown field") {
    text = `${place}: ${field} is not part of the format (a misspelt name?); ${reason}`;
  } else {
    text = `${place}${field ? `, ${field}` : ""}: ${problem.message}`;
  }
  return { text, path: problem.path, technical };
}

/** A field still holding example or placeholder wording (see template.js), in words, in the
 * same shape as a problem: `{ text, path, technical }`. */
export function describePlaceholder({ path, text, kind }, draft) {
  const { place, field } = describePath(path, draft);
  const shown = text.trim();
  const quoted = `\u201c${shown.length > 60 ? `${shown.slice(0, 59).trimEnd()}\u2026` : shown}\u201d`;
  const why = kind === "mark" ? `${quoted} stands in for text still to write` : `${quoted} is example wording; write your own`;
  return { text: `${place}, ${field}: ${why}`, path, technical: `${path}: ${kind === "mark" ? "placeholder" : "example wording"}` };
}

/** "line 3, column 7" as `{ line, column }`. */
function position(detail) {
  const match = /line (\d+), column (\d+)/.exec(detail ?? "");
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
