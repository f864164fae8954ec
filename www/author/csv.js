// A matrix from a spreadsheet: one row per item (component, item, then one column per level's
// descriptor) under a header row naming the levels. Read here, in the page, rather than in the
// WebAssembly, whose every byte each embed downloads. Rows and columns count from 1, as a
// spreadsheet shows them.
import { MAX_COMPONENTS, MAX_ITEMS, MAX_LEVELS, MAX_TEXT_CHARS, MAX_TITLE_CHARS, charactersOver, overBy } from "./limits.js";
import { slugOf, uniqueId } from "./ids.js";
import { number, plural } from "./words.js";

/**
 * Splits CSV text (RFC 4180: quoted cells may hold commas, quotes doubled, line breaks) into
 * records. The separator is whichever of comma, semicolon or tab the first line uses most,
 * so text pasted from a spreadsheet (tabs) and CSV saved with a European locale (semicolons)
 * read as well. Returns `{ rows: [{ row, cells }], problems: [{ row, message }] }`.
 */
export function readDelimited(text) {
  const source = text.replace(/^\uFEFF/, "");
  const separator = guessSeparator(source);
  const rows = [];
  const problems = [];
  let cells = [];
  let cell = "";
  let row = 1;
  const unguarded = (text) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);
  const endRow = () => {
    cells.push(unguarded(cell));
    rows.push({ row, cells });
    cells = [];
    cell = "";
    row++;
  };
  // Runs of text are taken whole (a slice each), never a character at a time, so a sheet of
  // megabytes is read in milliseconds.
  let at = 0;
  while (at < source.length) {
    const char = source[at];
    if (char === '"' && cell === "") {
      // Quoted: up to the closing quote, a doubled quote standing for one.
      let from = at + 1;
      for (;;) {
        const quote = source.indexOf('"', from);
        if (quote < 0) {
          cell += source.slice(from);
          problems.push({ row, message: "a quoted cell is not closed (a \u201c\"\u201d is missing), so the rest of the file was read as one cell" });
          at = source.length;
          break;
        }
        cell += source.slice(from, quote);
        if (source[quote + 1] === '"') {
          cell += '"';
          from = quote + 2;
        } else {
          at = quote + 1;
          break;
        }
      }
    } else if (char === separator) {
      cells.push(unguarded(cell));
      cell = "";
      at++;
    } else if (char === "\n" || char === "\r") {
      endRow();
      at += char === "\r" && source[at + 1] === "\n" ? 2 : 1;
    } else {
      let end = at + 1;
      while (end < source.length && source[end] !== separator && source[end] !== "\n" && source[end] !== "\r") end++;
      cell += source.slice(at, end);
      at = end;
    }
  }
  if (cell !== "" || cells.length > 0) endRow();
  return { rows, problems, separator };
}

function guessSeparator(text) {
  const firstLine = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((s) => [s, firstLine.split(s).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ",";
}

const isBlank = (cells) => cells.every((c) => c.trim() === "");

/** The header of a step-up column: "How to move up from Emerging" names "Emerging". */
const STEP_HEADER = /^(?:how to )?move up from\s+(.+)$/i;
const stepHeader = (label) => `How to move up from ${label}`;
/** The optional id columns, by their header. */
const ID_HEADERS = { "component id": "componentId", "item id": "itemId" };
const idColumnOf = (name) => ID_HEADERS[name.toLowerCase()];

/**
 * Which column holds what, from the header row's names (indexes count from 0): `levels`, from
 * the third column up to the first column of another kind; then, in any order, the steps up
 * (`steps`, one per level but the top, lowest first) and the ids. Ids and steps are optional,
 * so a sheet of levels alone reads as it always has.
 */
function readHeader(header) {
  const problems = [];
  const names = header.cells.map((cell) => cell.trim());
  const special = (name) => STEP_HEADER.test(name) || idColumnOf(name) !== undefined;
  let end = names.findIndex((name, index) => index >= 2 && special(name));
  if (end < 0) end = names.length;
  const levels = names.slice(2, end);
  while (levels.length > 0 && levels.at(-1) === "") levels.pop(); // trailing empty columns
  const columns = { levels: levels.map((_, index) => index + 2), steps: [], componentId: undefined, itemId: undefined };
  names.forEach((name, index) => {
    if (index < end || name === "") return;
    const at = { row: header.row, column: index + 1 };
    const idColumn = idColumnOf(name);
    if (idColumn && columns[idColumn] === undefined) columns[idColumn] = index;
    else if (idColumn) problems.push({ ...at, message: `\u201c${name}\u201d is also the name of column ${columns[idColumn] + 1}; keep one of them` });
    else if (STEP_HEADER.test(name)) columns.steps.push(index);
    else problems.push({ ...at, message: `\u201c${name}\u201d is not a column this page reads: the levels come straight after the item, then the columns for moving up and the ids` });
  });
  // One step up from each level but the top, named after it, lowest first.
  const expected = levels.slice(0, -1);
  columns.steps.forEach((index, step) => {
    const from = STEP_HEADER.exec(names[index])[1].trim();
    if (step >= expected.length) problems.push({ row: header.row, column: index + 1, message: `there is no level above \u201c${from}\u201d to move up to: one column for moving up from each level but the top` });
    else if (from.toLowerCase() !== expected[step].toLowerCase()) problems.push({ row: header.row, column: index + 1, message: `this should be \u201c${stepHeader(expected[step])}\u201d: one column for moving up from each level but the top, lowest first` });
  });
  if (columns.steps.length > 0 && columns.steps.length < expected.length) {
    const missing = expected.slice(columns.steps.length).map((label) => `\u201c${stepHeader(label)}\u201d`).join(", ");
    problems.push({ row: header.row, message: `the columns for moving up stop short: ${missing} ${expected.length - columns.steps.length === 1 ? "is" : "are"} missing` });
  }
  return { levels, columns, width: Math.max(2 + levels.length, ...names.map((name, index) => (name ? index + 1 : 0))), problems };
}

/**
 * Reads spreadsheet rows into a scale and components. Returns `{ levels, components, rows,
 * problems, idsMade, cellOf }`: `rows` lists how each data row was read, `problems` are
 * `{ row, column?, message }`, `idsMade` holds the components and items whose ids were made
 * from their titles (the sheet gave none), and `cellOf(path)` finds the row and column behind a
 * path of the built matrix (`components[0].items[1].levels[2]`), so the core's problems can be
 * told by cell.
 */
export function matrixFromRows(records) {
  const data = records.filter(({ cells }) => !isBlank(cells));
  const [header, ...body] = data;
  const nothing = { levels: [], components: [], rows: [], idsMade: new Set(), cellOf: () => undefined };
  if (!header) return { ...nothing, problems: [{ row: 1, message: "there are no rows to read" }] };

  const columnName = (column) => header.cells[column - 1]?.trim() || `column ${column}`;
  const { levels, columns, width, problems } = readHeader(header);
  if (levels.length < 2) {
    problems.push({ row: header.row, message: "the header row needs the names of at least two levels after the Component and Item columns" });
  }
  const seen = new Map();
  levels.forEach((label, index) => {
    const column = index + 3;
    if (label === "") problems.push({ row: header.row, column, message: "the level\u2019s name is missing" });
    else if (seen.has(label)) problems.push({ row: header.row, column, message: `\u201c${label}\u201d is already the name of column ${seen.get(label)}; each level needs its own name` });
    else seen.set(label, column);
  });
  // Over the matrix's limits, nothing is built: the counts and lengths are told first.
  const overLimits = limitProblems(header, body, levels, columns);
  if (overLimits.length > 0) return { ...nothing, levels, problems: overLimits };

  const components = [];
  const rows = [];
  const cells = new Map(); // path → { row, column }
  const rowOf = new Map(); // item → its row
  const idRowOf = new Map(); // component → the row that gave its id
  const idsMade = new Set();
  const cell = (values, index) => (index === undefined ? "" : values[index].trim());
  // Ids the sheet gives are taken before any is made from a title, so a made one never clashes.
  const given = (key) => new Set(body.map(({ cells: values }) => (columns[key] === undefined ? "" : values[columns[key]]?.trim())).filter(Boolean));
  const componentIds = given("componentId");
  const itemIds = given("itemId");
  let current;
  for (const { row, cells: values } of body) {
    const extra = values.slice(width).findIndex((c) => c.trim() !== "");
    if (extra >= 0) {
      problems.push({ row, column: width + extra + 1, message: `this cell is beyond the last column (${columnName(width)}, column ${width}); a cell holding a comma needs quotes` });
    }
    if (values.length < width) {
      problems.push({ row, message: `${plural(values.length, "cell")}, but the header row has ${plural(width, "column")}` });
      continue;
    }
    const [componentTitle, itemTitle] = [values[0].trim(), values[1].trim()];
    const componentId = cell(values, columns.componentId);
    if (componentTitle) {
      current = components.find((c) => c.title === componentTitle);
      if (!current) {
        current = { id: componentId || made(componentTitle, "component", componentIds), title: componentTitle, items: [] };
        if (!componentId) idsMade.add(current);
        cells.set(`components[${components.length}]`, { row, column: 1 });
        components.push(current);
      }
    } else if (!current) {
      problems.push({ row, column: 1, message: `the component is missing (${columnName(1)}); an empty cell means \u201cthe same as the row above\u201d, and there is no row above` });
      continue;
    }
    const componentIndex = components.indexOf(current);
    if (componentId && componentId !== current.id) {
      const before = idRowOf.get(current);
      problems.push({ row, column: columns.componentId + 1, message: before
        ? `\u201c${current.title}\u201d has the id \u201c${current.id}\u201d in row ${before}; give a component the same id on each of its rows`
        : `\u201c${current.title}\u201d has the id \u201c${current.id}\u201d made from its title in an earlier row; give its id there too, or on none of its rows` });
    } else if (componentId && !idRowOf.has(current)) {
      idRowOf.set(current, row);
      cells.set(`components[${componentIndex}].id`, { row, column: columns.componentId + 1 });
    }
    if (!itemTitle) problems.push({ row, column: 2, message: `the item\u2019s title is missing (${columnName(2)})` });
    const twin = current.items.find((item) => item.title === itemTitle);
    if (itemTitle && twin) {
      problems.push({ row, column: 2, message: `\u201c${itemTitle}\u201d is already an item of \u201c${current.title}\u201d (row ${rowOf.get(twin)})` });
    }
    const descriptors = columns.levels.map((index) => cell(values, index));
    const steps = columns.steps.map((index) => cell(values, index));
    problems.push(...allOrNone(row, descriptors, columns.levels, (index) => `the description for \u201c${levels[index]}\u201d is missing; fill in every level, or leave them all empty to use the scale\u2019s own descriptions`));
    problems.push(...allOrNone(row, steps, columns.steps, (index) => `how to move up from \u201c${levels[index] ?? ""}\u201d is missing; fill in every step, or leave them all empty`));
    const itemId = cell(values, columns.itemId);
    const item = { id: itemId || made(itemTitle, "item", itemIds), title: itemTitle };
    if (!itemId) idsMade.add(item);
    if (descriptors.some(Boolean)) item.levels = descriptors;
    if (steps.some(Boolean)) item.moveUp = steps;
    const path = `components[${componentIndex}].items[${current.items.length}]`;
    cells.set(path, { row, column: 2 });
    rowOf.set(item, row);
    current.items.push(item);
    rows.push({ row, component: current.title, item: itemTitle, described: descriptors.filter(Boolean).length, steps: steps.filter(Boolean).length });
  }
  if (body.length === 0) problems.push({ row: header.row + 1, message: "there are no item rows under the header row" });

  return { levels, components, rows, problems, idsMade, cellOf: (path) => cellOf(path, cells, header.row, columns) };
}

/** An id made from a title, unique among `taken` (which it joins). */
function made(title, fallback, taken) {
  const id = uniqueId(slugOf(title, fallback), taken);
  taken.add(id);
  return id;
}

/** A row's cells of one kind (descriptors, steps) are all filled or all empty: a problem for
 * each empty one of a partly filled row. */
function allOrNone(row, texts, columns, message) {
  if (texts.every(Boolean) || !texts.some(Boolean)) return [];
  return texts.flatMap((text, index) => (text ? [] : [{ row, column: columns[index] + 1, message: message(index) }]));
}

/**
 * What in the sheet is over the matrix's limits, told by row and column with the limit and by
 * how much: first the counts (levels, items, components), which make the rest moot, then any
 * cell longer than its field allows. One pass over the cells, so a sheet of thousands of rows
 * is answered at once.
 */
function limitProblems(header, body, levels, columns) {
  const counts = [];
  if (levels.length > MAX_LEVELS) {
    counts.push({ row: header.row, column: MAX_LEVELS + 3, message: `the header row names ${plural(levels.length, "level")}; a matrix can have at most ${MAX_LEVELS}: ${number(levels.length - MAX_LEVELS)} too many (this column and those after it)` });
  }
  if (body.length > MAX_ITEMS) {
    counts.push({ row: body[MAX_ITEMS].row, message: `the sheet has ${plural(body.length, "item row")}; a matrix can have at most ${MAX_ITEMS} items: ${number(body.length - MAX_ITEMS)} too many (this row and those after it)` });
  }
  const components = new Map(); // title → the row it first appears on
  for (const { row, cells } of body) {
    const title = cells[0]?.trim();
    if (title && !components.has(title)) components.set(title, row);
  }
  if (components.size > MAX_COMPONENTS) {
    const [title, row] = [...components][MAX_COMPONENTS];
    counts.push({ row, column: 1, message: `\u201c${title}\u201d is component ${MAX_COMPONENTS + 1}: the sheet names ${plural(components.size, "component")}; a matrix can have at most ${MAX_COMPONENTS}: ${number(components.size - MAX_COMPONENTS)} too many` });
  }
  if (counts.length > 0) return counts;

  const lengths = [];
  const check = (row, column, text, limit, what) => {
    const count = charactersOver(text.trim(), limit);
    if (count > 0) lengths.push({ row, column, message: `${what} is ${overBy(count, limit, "character")}` });
  };
  levels.forEach((label, index) => check(header.row, index + 3, label, MAX_TITLE_CHARS, "the level\u2019s name"));
  for (const { row, cells } of body) {
    check(row, 1, cells[0] ?? "", MAX_TITLE_CHARS, "the component\u2019s title");
    check(row, 2, cells[1] ?? "", MAX_TITLE_CHARS, "the item\u2019s title");
    for (const index of columns.levels) check(row, index + 1, cells[index] ?? "", MAX_TEXT_CHARS, "the description");
    for (const index of columns.steps) check(row, index + 1, cells[index] ?? "", MAX_TEXT_CHARS, "the step up");
  }
  return lengths;
}

/** The cell behind a path of the matrix built from the rows. */
function cellOf(path, cells, headerRow, columns) {
  const level = /^scale\.levels\[(\d+)\]/.exec(path);
  if (level) return { row: headerRow, column: Number(level[1]) + 3 };
  const item = /^(components\[\d+\]\.items\[\d+\])(?:\.(\w+)(?:\[(\d+)\])?)?/.exec(path);
  if (item && cells.has(item[1])) {
    const [, at, key, index] = item;
    const { row } = cells.get(at);
    const perLevel = { levels: columns.levels, moveUp: columns.steps }[key];
    if (perLevel) return { row, column: index === undefined ? undefined : perLevel[Number(index)] + 1 };
    return { row, column: key === "id" && columns.itemId !== undefined ? columns.itemId + 1 : 2 };
  }
  const component = /^(components\[\d+\])(\.id)?/.exec(path);
  if (!component) return undefined;
  // A component's id is in the row that gave it, if one did; anything else in its first row.
  return (component[2] && cells.get(component[0])) || cells.get(component[1]);
}

/** A cell as CSV writes it: quoted when it holds a quote, a line break or any of the separators
 * the reader may take the sheet to use (it guesses from the header row, quoted cells aside). */
// A cell a spreadsheet would run as a formula (=, +, -, @ or a control character first) is
// written behind an apostrophe, which spreadsheets show as plain text; reading a sheet takes
// the apostrophe off again, so a matrix survives the round trip unchanged.
const FORMULA_START = /^[=+\-@\t\r]/;
const csvCell = (text) => {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * `matrix` as a sheet this page reads back into the same matrix: one row per item, with the
 * component's title on every row (so the rows can be sorted and filtered), then the item's
 * level descriptions, its steps up and the ids, which keep the answers already saved attached
 * when the sheet comes back. The question, guidance, evidence and weights stay in the matrix
 * being edited, which the sheet's rows update by id. It starts with a byte order mark, which
 * Excel needs to read it as UTF-8.
 */
export function sheetFromMatrix(matrix) {
  const text = (value) => (typeof value === "string" ? value : "");
  const list = (value) => (Array.isArray(value) ? value : []);
  const labels = list(matrix?.scale?.levels).map((level) => text(level?.label));
  const perLevel = (values, count) => Array.from({ length: count }, (_, index) => text(list(values)[index]));
  const header = ["Component", "Item", ...labels, ...labels.slice(0, -1).map(stepHeader), "Component id", "Item id"];
  const rows = list(matrix?.components).flatMap((component) => list(component?.items).map((item) => [
    text(component.title), text(item?.title),
    ...perLevel(item?.levels, labels.length), ...perLevel(item?.moveUp, Math.max(0, labels.length - 1)),
    text(component.id), text(item?.id),
  ]));
  return `\uFEFF${[header, ...rows].map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** "Row 3, column 2: …", counting as a spreadsheet does; a problem with no cell of its own
 * (one the core found in the matrix as a whole) as it is. */
export const cellText = ({ row, column, message }) => (row
  ? `Row ${row}${column ? `, column ${column}` : ""}: ${message}`
  : `${message.charAt(0).toUpperCase()}${message.slice(1)}`);
