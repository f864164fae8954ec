// The authoring page: write a local matrix with a form, from a spreadsheet or as JSON; the core
// checks it after every change, problems and example wording left in place are told in words
// next to their fields, and the widget previews the last version without problems. The draft
// is kept in this browser. Everything happens in the page.
// The element for the preview (it loads the rater's build when it first shows), and the functions
// alone for checking: the page never needs the board's build.
import "./dist/maturity-matrix.js";
import { init, builtinInstrument, validateInstrument } from "./dist/esm/api.js";
import { h, hidden, download } from "./author/dom.js";
import { createForm, fitsForm } from "./author/form.js";
import { describePlaceholder, describeProblem } from "./author/problems.js";
import { cellText, matrixFromRows, readDelimited, sheetFromMatrix } from "./author/csv.js";
import { pageWithMatrix, standaloneScript } from "./author/page.js";
import { MAX_BYTES, MAX_SHEET_BYTES, tooLarge, utf8Bytes } from "./author/limits.js";
import { TEMPLATE, TEMPLATE_FILE, placeholderWording } from "./author/template.js";
import { allIdKeys, followerKeys, followersFrom, idHolders, keyOf } from "./author/ids.js";
import { forgetDraft, keepDraft, keptDraft } from "./author/kept-draft.js";
import { plural } from "./author/words.js";

/** The order fields are written in, so a downloaded file reads like the format guide. */
const FIELD_ORDER = ["formatVersion", "id", "version", "title", "description", "source", "scale", "levels", "notApplicable", "dontKnow",
  "moveUp", "value", "label", "scoring", "component", "overall", "bands", "from", "components", "guidance", "prompt", "evidence", "weight", "items"];

/** The draft with its fields in the guide's order (unknown fields last, kept for the core to name). */
function tidy(value) {
  if (Array.isArray(value)) return value.map(tidy);
  if (value === null || typeof value !== "object") return value;
  const rank = (key) => (FIELD_ORDER.includes(key) ? FIELD_ORDER.indexOf(key) : FIELD_ORDER.length);
  const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((key) => [key, tidy(value[key])]));
}

const $ = (id) => document.getElementById(id);
const source = $("source");
const preview = $("preview");

const state = {
  mode: "form",
  draft: {},
  followers: new WeakSet(), // the draft's objects whose ids follow their titles (ids.js)
  valid: null, // the last version without problems, as the core returned it
  problems: [], // the current problems, in words
  wording: [], // the fields still holding example or placeholder wording, in words
  keeping: true, // whether this browser keeps the draft
  lastKept: undefined, // the draft as last kept, as text: an unchanged draft is not kept again as changed now
};

const form = createForm($("form-mode"), { onChange: check, announce: (text) => ($("announce").textContent = text) });

/** The template as the page shows it: unedited, it is no draft worth keeping. */
const UNTOUCHED = JSON.stringify(tidy(TEMPLATE), null, 2);

/** The matrix as text: what the person typed in JSON mode, else the form's draft. */
const currentText = () => (state.mode === "json" ? source.value : JSON.stringify(tidy(state.draft), null, 2));

/** Validates the current matrix with the core and shows the outcome everywhere it is seen. */
function check() {
  const text = currentText();
  let instrument = null;
  let problems = [];
  if (!text.trim()) problems = [{ path: "", message: "there is nothing to check yet: write or paste a matrix" }];
  else {
    try {
      instrument = validateInstrument(text);
    } catch (error) {
      problems = error.problems ?? [{ path: "", message: error.message }];
    }
  }
  // Text longer than a matrix may be is refused by the core at once; parsing it here too
  // would only hold the page up (a string's length never exceeds its size in UTF-8).
  if (state.mode === "json" && text.length <= MAX_BYTES) adopt(readableObject(text));
  state.problems = problems.map((problem) => describeProblem(problem, state.draft));
  state.wording = placeholderWording(state.draft).map((found) => ({ ...describePlaceholder(found, state.draft), find: JSON.stringify(found.text) }));
  if (instrument) {
    state.valid = instrument;
    preview.instrument = instrument;
  }
  showCheck(instrument);
  if (state.mode === "form") showFieldProblems();
  keep(text);
}

/** Takes the JSON text's matrix, when it can be read, as the draft. An id changed in the text
 * stops following its title, as one typed in the form does. */
function adopt(draft) {
  if (!draft) return;
  state.followers = followersFrom(draft, followerKeys(state.draft, state.followers));
  state.draft = draft;
}

function showCheck(instrument) {
  const count = state.problems.length;
  const previewStatus = $("preview-status");
  const wording = wordingNote();
  if (instrument) {
    const items = instrument.components.reduce((n, c) => n + c.items.length, 0);
    $("check-status").textContent = `No problems: ${plural(instrument.components.length, "component")}, ${plural(items, "item")}, ${plural(instrument.scale.levels.length, "level")}.${wording && ` ${wording}`}`;
    $("check-status").className = wording ? "author-notice" : "author-ok";
    $("check").replaceChildren(...wordingList());
    previewStatus.textContent = "The preview shows the matrix as it stands.";
    previewStatus.className = "";
    return;
  }
  $("check-status").textContent = `There ${count === 1 ? "is 1 problem" : `are ${count} problems`} to fix.${wording && ` ${wording}`}`;
  $("check-status").className = "author-problems-title";
  $("check").replaceChildren(h("ul", { class: "author-problems" }, state.problems.map(problemEntry)), ...wordingList());
  previewStatus.textContent = state.valid
    ? "While there are problems, the preview shows the last version without problems."
    : "The preview will show the matrix once it has no problems.";
  previewStatus.className = "author-notice";
}

/** "2 fields still hold example or placeholder wording.", or nothing. */
function wordingNote() {
  const count = state.wording.length;
  return count === 0 ? "" : `${count === 1 ? "1 field still holds" : `${count} fields still hold`} example or placeholder wording.`;
}

/** The fields still holding example wording, each linked to its field. The format allows
 * them, so they stop nothing; but raters would read them as the trust's own words. */
function wordingList() {
  if (state.wording.length === 0) return [];
  return [
    h("h3", { id: "wording-title" }, "Example wording still in place"),
    h("p", { class: "author-hint" }, "People rating the matrix would read these as your own words. Write yours in their place, or empty the fields that are optional."),
    h("ul", { class: "author-wording", "aria-labelledby": "wording-title" }, state.wording.map(problemEntry)),
  ];
}

/** One problem in the list: words that link to the field, and the technical path as detail. */
function problemEntry(problem) {
  return h("li", {},
    h("a", { href: `#${targetId(problem)}`, onclick: (event) => {
      event.preventDefault();
      focusProblem(problem);
    } }, problem.text),
    h("details", { class: "author-technical" }, h("summary", {}, "Technical detail", hidden(` for: ${problem.text}`)), h("code", {}, problem.technical)));
}

const targetId = (problem) => (state.mode === "form" && problem.path ? form.elementFor(problem.path)?.id ?? "form-mode" : "source");

/** Moves focus to what a problem is about: its field in the form, or its place in the JSON. */
function focusProblem(problem) {
  if (state.mode === "json") {
    source.focus();
    if (problem.position) {
      const lines = source.value.split("\n");
      const offset = lines.slice(0, problem.position.line - 1).reduce((n, line) => n + line.length + 1, 0) + problem.position.column - 1;
      source.setSelectionRange(offset, offset);
    }
    // Example wording: selected in the text, inside its quotes.
    const at = problem.find ? source.value.indexOf(problem.find) : -1;
    if (at >= 0) source.setSelectionRange(at + 1, at + problem.find.length - 1);
    return;
  }
  const target = form.elementFor(problem.path);
  form.reveal(target);
  const focusable = target?.matches("input, textarea, select") ? target : target?.querySelector("input, textarea, select, button");
  (focusable ?? $("edit-title")).focus();
}

function showFieldProblems() {
  const byElement = new Map();
  for (const problem of [...state.problems, ...state.wording]) {
    const element = problem.path ? form.elementFor(problem.path) : null;
    if (!element) continue;
    byElement.set(element, [...(byElement.get(element) ?? []), sentence(problem.text.replace(/^[^:]*: /, ""))]);
  }
  form.showProblems(byElement);
}

/** "the title is missing" as "The title is missing." */
const sentence = (text) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.?!]$/.test(text) ? "" : "."}`;

/** Starts editing `draft`, whose ids named in `following` (ids.js) follow their titles: in the
 * form, unless the form cannot show it or JSON is being edited. */
function load(draft, message, following = []) {
  state.draft = draft;
  state.followers = followersFrom(draft, following);
  if (state.mode === "form" && !fitsForm(draft)) showJson();
  if (state.mode === "json") source.value = `${JSON.stringify(draft, null, 2)}\n`;
  else form.show(state.draft, state.followers);
  $("start-message").textContent = message;
  check();
}

/** A new matrix from the template: every id follows its title. */
function startFromTemplate(message) {
  const draft = structuredClone(TEMPLATE);
  load(draft, message, allIdKeys(draft));
}

/** The JSON text as an object, or `undefined` when it cannot be read as one. */
function readableObject(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Switches between the form and the JSON text, carrying the matrix across. */
function setMode(mode) {
  if (mode === state.mode) return;
  if (mode === "form") {
    const parsed = readableObject(source.value);
    if (!parsed || !fitsForm(parsed)) {
      $("mode-json").checked = true;
      $("mode-message").textContent = parsed
        ? "The form cannot show this JSON: its scale levels, bands, components and items must each be a list of objects. Fix that in the text first."
        : "The form can show the matrix once the JSON text can be read: fix the problem listed under Check first.";
      return;
    }
    adopt(parsed);
    form.show(state.draft, state.followers);
  } else {
    source.value = `${JSON.stringify(tidy(state.draft), null, 2)}\n`;
  }
  showMode(mode);
  check();
}

function showMode(mode) {
  state.mode = mode;
  $(`mode-${mode}`).checked = true;
  $("form-mode").hidden = mode !== "form";
  $("json-mode").hidden = mode !== "json";
  $("mode-message").textContent = mode === "form" ? "Editing with the form." : "Editing the JSON text.";
}

/** Switches to the JSON text without carrying the form's draft over (the caller sets the text). */
const showJson = () => showMode("json");

/** The name a download of this matrix takes: its id, when it has a usable one. */
function fileName(extension) {
  const id = typeof state.draft?.id === "string" && /^[A-Za-z0-9._-]{1,64}$/.test(state.draft.id) ? state.draft.id : "matrix";
  return `${id}.${extension}`;
}

/** Says what was saved, and reminds of example wording saved with it. */
function saved(text) {
  $("save-message").textContent = `${text}${state.wording.length ? ` Note: ${wordingNote().replace(/^./, (c) => c.toLowerCase())} See Check.` : ""}`;
}

async function downloadPage() {
  if (state.problems.length > 0) {
    $("save-message").textContent = `Fix the ${plural(state.problems.length, "problem")} listed under Check first: the page needs a matrix without problems.`;
    return;
  }
  try {
    download(fileName("html"), pageWithMatrix(state.valid, await standaloneScript()), "text/html");
    saved(`Downloaded ${fileName("html")}: open it from any folder, or put it on a shared drive.`);
  } catch (error) {
    $("save-message").textContent = `The page could not be made: ${error.message}.`;
  }
}

function downloadSheet() {
  if (state.mode === "json" && !readableObject(source.value)) {
    $("save-message").textContent = "The JSON text cannot be read as a matrix yet: fix the problem listed under Check first.";
    return;
  }
  download(fileName("csv"), sheetFromMatrix(state.draft), "text/csv;charset=utf-8");
  saved(`Downloaded ${fileName("csv")}: edit it in a spreadsheet and import it again below.`);
}

// Spreadsheet import -------------------------------------------------------------------------

let imported = null; // the rows read last, while they await "Create the matrix"

/** The most problems with a sheet listed at once; the rest show once these are fixed. */
const MAX_LISTED = 50;

/** Reads spreadsheet text and shows how its rows were read, or what stops them being used. */
function readRows(text, from) {
  const { rows: records, problems: syntax } = readDelimited(text);
  const read = matrixFromRows(records);
  const problems = [...syntax, ...read.problems];
  if (problems.length === 0) problems.push(...coreProblemsByCell(read));
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  imported = problems.length === 0 ? read : null;
  const heading = resultHeading(`How the rows of ${from} were read`);
  if (problems.length > 0) {
    const unlisted = problems.length - MAX_LISTED;
    $("csv-result").replaceChildren(heading,
      h("p", { class: "author-problems-title" }, `The rows cannot be made into a matrix yet: ${plural(problems.length, "problem")} to fix in the spreadsheet.`),
      h("ul", { class: "author-problems" }, problems.slice(0, MAX_LISTED).map((p) => h("li", {}, cellText(p)))),
      ...(unlisted > 0 ? [h("p", {}, `The first ${MAX_LISTED} are listed; fix them and read the rows again to see the other ${plural(unlisted, "problem")}.`)] : []));
  } else {
    $("csv-result").replaceChildren(heading,
      h("p", {}, `${plural(read.rows.length, "item")} in ${plural(read.components.length, "component")}, on a scale of ${plural(read.levels.length, "level")}: ${read.levels.join(", ")}.`),
      rowsTable(read),
      h("p", { class: "author-hint" }, "Creating the matrix replaces the scale\u2019s levels and the components of the matrix being edited; its title, id and other details stay. Components and items whose ids match ones in it keep their descriptions, questions, guidance, evidence and weights."),
      h("button", { type: "button", class: "demo-button", id: "csv-create", onclick: createFromRows }, "Create the matrix from these rows"));
  }
  heading.focus();
}

const resultHeading = (text) => h("h3", { id: "csv-result-title", tabindex: "-1" }, text);

/** Refuses a sheet too large to be a matrix's before it is read (a file's size is known without
 * reading it) or parsed; true when it was refused. */
function refuseLargeSheet(name, from, bytes) {
  const refusal = tooLarge({ name, bytes, limit: MAX_SHEET_BYTES, what: "a spreadsheet for a matrix" });
  if (!refusal) return false;
  imported = null;
  const heading = resultHeading(`The rows of ${from} were not read`);
  $("csv-result").replaceChildren(heading, h("p", { class: "author-problems-title" }, `${refusal}, so it was not read. Check that this is the right spreadsheet.`));
  heading.focus();
  return true;
}

function rowsTable(read) {
  return h("table", { class: "author-rows" },
    h("caption", {}, "Each row as read"),
    h("thead", {}, h("tr", {}, ["Row", "Component", "Item", "Level descriptions", "Steps up"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, read.rows.map((r) => h("tr", {},
      h("td", {}, String(r.row)), h("td", {}, r.component), h("td", {}, r.item),
      h("td", {}, r.described ? `all ${r.described}` : "none: the scale\u2019s own are shown"),
      h("td", {}, r.steps ? `all ${r.steps}` : "none")))));
}

/** What a sheet does not hold, which components and items keep from the matrix being edited
 * when their ids match, so a matrix can go out to a spreadsheet and back without losing them. */
const KEPT_BY_ID = { component: ["description", "guidance", "weight"], item: ["prompt", "guidance", "evidence", "weight"] };

/** The draft the rows would make, `{ draft, following }`: the scale's levels and the components
 * replaced, the rest kept. The ids the rows made from titles follow them from now on; those
 * the rows gave stay as they are. */
function draftFromRows(read) {
  const earlier = new Map(idHolders(state.draft).map((entry) => [keyOf(entry), entry.holder]));
  const kept = (kind, holder) => Object.fromEntries(KEPT_BY_ID[kind].map((key) => [key, earlier.get(keyOf({ kind, holder }))?.[key]]));
  const draft = tidy({
    ...state.draft,
    scale: { ...state.draft.scale, levels: levelsFromRows(read.levels) },
    components: read.components.map((component) => ({
      ...component,
      ...kept("component", component),
      items: component.items.map((item) => ({ ...item, ...kept("item", item) })),
    })),
  });
  return { draft, following: [...followerKeys(state.draft, state.followers), ...followerKeys({ components: read.components }, read.idsMade)] };
}

/** The scale a sheet's level names make. A level whose name is unchanged keeps its description
 * and its value, unless the values kept would no longer rise: then they count from 1. */
function levelsFromRows(labels) {
  const before = Array.isArray(state.draft.scale?.levels) ? state.draft.scale.levels : [];
  const levels = labels.map((label) => ({ ...before.find((level) => level?.label === label), label }));
  const rising = levels.every((level, index) => Number.isInteger(level.value) && (index === 0 || level.value > levels[index - 1].value));
  return levels.map((level, index) => ({ value: rising ? level.value : index + 1, label: level.label, description: level.description }));
}

/** The core's own problems with the rows (a title too long, say), told by row and column. */
function coreProblemsByCell(read) {
  const { draft } = draftFromRows(read);
  try {
    validateInstrument(JSON.stringify(draft));
    return [];
  } catch (error) {
    return (error.problems ?? [{ path: "", message: error.message }]).map((problem) => {
      const cell = read.cellOf(problem.path);
      const { text } = describeProblem(problem, draft);
      return cell ? { ...cell, message: text.replace(/^[^:]*: /, "") } : { message: text };
    });
  }
}

function createFromRows() {
  if (!imported) return;
  const count = imported.rows.length;
  const { draft, following } = draftFromRows(imported);
  load(draft, "", following);
  imported = null;
  $("csv-result").replaceChildren(h("p", { class: "author-ok", role: "status" }, `Created the matrix from ${plural(count, "row")}. Check its title and details below.`));
  $("edit-title").focus();
}

// The kept draft -----------------------------------------------------------------------------

/** Keeps the matrix as it stands in this browser, after every change. The template as it comes
 * is no draft: keeping it would greet the next visit with a "restored" template. */
function keep(text) {
  if (!state.keeping) return;
  if (text.trim() === UNTOUCHED) {
    forgetDraft();
    state.lastKept = undefined;
    return;
  }
  const draft = snapshot(text);
  const record = JSON.stringify(draft);
  if (record === state.lastKept) return;
  state.lastKept = record;
  state.keeping = keepDraft(draft);
  if (!state.keeping) showDraftNote("This browser is not keeping a draft of this matrix (its storage is blocked or full): download the matrix to keep your work.");
}

/** The matrix as it stands (`text`, when the caller has it already), as the kept draft holds it. */
const snapshot = (text = currentText()) => ({ mode: state.mode, text, following: followerKeys(state.draft, state.followers) });

/** Edits the kept draft again, in the mode it was kept in; JSON text that cannot be read yet is
 * shown as it was typed. */
function restore({ mode, text, following }) {
  const draft = readableObject(text);
  if (mode === "form" && draft) {
    load(draft, "", following);
    return;
  }
  showJson();
  source.value = text;
  state.draft = draft ?? {};
  state.followers = followersFrom(state.draft, following);
  check();
}

/** The note about the kept draft: `text`, and what can be done about it. */
function showDraftNote(text, action) {
  $("draft-note").replaceChildren(h("div", { class: "author-notice" }, h("p", { id: "draft-message", tabindex: "-1" }, text), action));
}

function draftRestored(kept) {
  const when = kept.savedAt ? `, last changed ${kept.savedAt.toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short" })}` : "";
  showDraftNote(`Draft restored: the matrix you were writing in this browser${when}. It is kept here as you work, until you discard it.`,
    h("button", { type: "button", class: "demo-button", id: "draft-discard", onclick: discardDraft }, "Discard the draft and start from the template"));
}

/** Discards the draft, for the template; until the page is left it can be brought back. */
function discardDraft() {
  const discarded = snapshot();
  forgetDraft();
  startFromTemplate("");
  showDraftNote("Draft discarded: the template is being edited again.",
    h("button", { type: "button", class: "demo-button", id: "draft-undo", onclick: () => bringBack(discarded) }, "Bring the draft back"));
  $("draft-undo").focus();
}

function bringBack(discarded) {
  restore(discarded);
  showDraftNote("Draft brought back.");
  $("draft-message").focus();
}

// Wiring ------------------------------------------------------------------------------------

function start() {
  $("start-template").addEventListener("click", () => startFromTemplate("Started from the template."));
  $("start-from-default").addEventListener("click", () => load(builtinInstrument("nhs-impact"), "Started from the NHS IMPACT matrix."));
  $("template").addEventListener("click", () => download("matrix-template.json", `${JSON.stringify(TEMPLATE_FILE, null, 2)}\n`));
  $("csv-template").addEventListener("click", () => download("matrix-template.csv", sheetFromMatrix(TEMPLATE_FILE), "text/csv;charset=utf-8"));
  $("open").addEventListener("change", async (event) => {
    const [file] = event.target.files;
    if (!file) return;
    event.target.value = "";
    const refusal = tooLarge({ name: file.name, bytes: file.size, limit: MAX_BYTES, what: "a matrix file" });
    if (refusal) {
      $("start-message").textContent = `${refusal}, so it was not opened. Check that this is the right file.`;
      return;
    }
    const text = await file.text();
    const draft = readableObject(text);
    // A matrix from a file may have been published: its ids stay as they are (ids.js).
    if (draft) load(draft, `Opened ${file.name}.`);
    else {
      // Not readable as a matrix object: shown as text, where the core says where it breaks.
      showJson();
      source.value = text;
      state.followers = new WeakSet();
      $("start-message").textContent = `Opened ${file.name}; it is not readable JSON yet, so it is shown as text.`;
      check();
    }
  });
  for (const radio of document.querySelectorAll('input[name="mode"]')) radio.addEventListener("change", () => setMode(radio.value));
  source.addEventListener("input", check);
  $("download").addEventListener("click", () => {
    download(fileName("json"), state.mode === "json" ? source.value : `${currentText()}\n`);
    saved(`Downloaded ${fileName("json")}.`);
  });
  $("download-page").addEventListener("click", downloadPage);
  $("download-csv").addEventListener("click", downloadSheet);
  $("csv-file").addEventListener("change", async (event) => {
    const [file] = event.target.files;
    if (!file) return;
    event.target.value = "";
    if (!refuseLargeSheet(file.name, file.name, file.size)) readRows(await file.text(), file.name);
  });
  $("csv-read").addEventListener("click", () => {
    const text = $("csv-text").value;
    if (!refuseLargeSheet("The pasted text", "the pasted text", utf8Bytes(text))) readRows(text, "the pasted text");
  });
  const kept = keptDraft();
  if (kept) {
    state.lastKept = JSON.stringify({ mode: kept.mode, text: kept.text, following: kept.following });
    restore(kept);
    draftRestored(kept);
  } else {
    startFromTemplate("");
  }
}

// The script runs: the page's note for when it cannot (opened from the source folder) goes.
const notStarted = $("needs-script");
init().then(start, (error) => {
  notStarted.replaceChildren(error.message);
  $("main").querySelector("h1").after(notStarted);
});
notStarted.remove();
