// A matrix from a spreadsheet: one row per item (component, item, then one column per level's
// descriptor) under a header row naming the levels. Read here, in the page, rather than in the
// WebAssembly, whose every byte each embed downloads. Rows and columns count from 1, as a
// spreadsheet shows them.
import { MAX_COMPONENTS, MAX_ITEMS, MAX_LEVELS, MAX_TEXT_CHARS, MAX_TITLE_CHARS, charactersOver, overBy } from "./limits.js";
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
  const endRow = () => {
    cells.push(cell);
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
      cells.push(cell);
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

/** A short id from a title: "Daily huddles" → "daily-huddles", unique within `taken`. */
export function idFrom(title, fallback, taken) {
  const base = title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 56).replace(/-+$/, "") || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Reads spreadsheet rows into a scale and components. Returns `{ levels, components, rows,
 * problems, cellOf }`: `rows` lists how each data row was read, `problems` are
 * `{ row, column?, message }`, and `cellOf(path)` finds the row and column behind a path of the
 * built matrix (`components[0].items[1].levels[2]`), so the core's problems can be told by cell.
 */
export function matrixFromRows(records) {
  const problems = [];
  const data = records.filter(({ cells }) => !isBlank(cells));
  const [header, ...body] = data;
  if (!header) return { levels: [], components: [], rows: [], problems: [{ row: 1, message: "there are no rows to read" }], cellOf: () => undefined };

  const columnName = (column) => header.cells[column - 1]?.trim() || `column ${column}`;
  const levels = header.cells.slice(2).map((cell) => cell.trim());
  while (levels.length > 0 && levels.at(-1) === "") levels.pop(); // trailing empty columns
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
  const width = levels.length + 2;
  // Over the matrix's limits, nothing is built: the counts and lengths are told first.
  const overLimits = limitProblems(header, body, levels);
  if (overLimits.length > 0) return { levels, components: [], rows: [], problems: overLimits, cellOf: () => undefined };

  const components = [];
  const rows = [];
  const cells = new Map(); // path → { row, column }
  const rowOf = new Map(); // item → its row
  const componentIds = new Set();
  const itemIds = new Set();
  let current;
  for (const { row, cells: values } of body) {
    const extra = values.slice(width).findIndex((c) => c.trim() !== "");
    if (extra >= 0) {
      problems.push({ row, column: width + extra + 1, message: `this cell is beyond the last level (${columnName(width)}, column ${width}); a cell holding a comma needs quotes` });
    }
    if (values.length < width) {
      problems.push({ row, message: `${plural(values.length, "cell")}, but the header row has ${plural(width, "column")}` });
      continue;
    }
    const [componentTitle, itemTitle, ...descriptors] = values.slice(0, width).map((c) => c.trim());
    if (componentTitle) {
      current = components.find((c) => c.title === componentTitle);
      if (!current) {
        current = { id: idFrom(componentTitle, "component", componentIds), title: componentTitle, items: [] };
        cells.set(`components[${components.length}]`, { row, column: 1 });
        components.push(current);
      }
    } else if (!current) {
      problems.push({ row, column: 1, message: `the component is missing (${columnName(1)}); an empty cell means \u201cthe same as the row above\u201d, and there is no row above` });
      continue;
    }
    const componentIndex = components.indexOf(current);
    if (!itemTitle) problems.push({ row, column: 2, message: `the item\u2019s title is missing (${columnName(2)})` });
    const twin = current.items.find((item) => item.title === itemTitle);
    if (itemTitle && twin) {
      problems.push({ row, column: 2, message: `\u201c${itemTitle}\u201d is already an item of \u201c${current.title}\u201d (row ${rowOf.get(twin)})` });
    }
    const filled = descriptors.filter(Boolean).length;
    if (filled > 0 && filled < descriptors.length) {
      descriptors.forEach((text, index) => {
        if (!text) problems.push({ row, column: index + 3, message: `the description for \u201c${levels[index]}\u201d is missing; fill in every level, or leave them all empty to use the scale\u2019s own descriptions` });
      });
    }
    const item = { id: idFrom(itemTitle, "item", itemIds), title: itemTitle };
    if (filled > 0) item.levels = descriptors;
    const path = `components[${componentIndex}].items[${current.items.length}]`;
    cells.set(path, { row, column: 2 });
    rowOf.set(item, row);
    current.items.push(item);
    rows.push({ row, component: current.title, item: itemTitle, described: filled });
  }
  if (body.length === 0) problems.push({ row: header.row + 1, message: "there are no item rows under the header row" });

  return { levels, components, rows, problems, cellOf: (path) => cellOf(path, cells, header.row) };
}

/**
 * What in the sheet is over the matrix's limits, told by row and column with the limit and by
 * how much: first the counts (levels, items, components), which make the rest moot, then any
 * cell longer than its field allows. One pass over the cells, so a sheet of thousands of rows
 * is answered at once.
 */
function limitProblems(header, body, levels) {
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
    for (let column = 3; column <= levels.length + 2; column++) check(row, column, cells[column - 1] ?? "", MAX_TEXT_CHARS, "the description");
  }
  return lengths;
}

/** The cell behind a path of the matrix built from the rows. */
function cellOf(path, cells, headerRow) {
  const level = /^scale\.levels\[(\d+)\]/.exec(path);
  if (level) return { row: headerRow, column: Number(level[1]) + 3 };
  const item = /^(components\[\d+\]\.items\[\d+\])(?:\.levels\[(\d+)\])?/.exec(path);
  if (item && cells.has(item[1])) {
    const { row } = cells.get(item[1]);
    return { row, column: item[2] !== undefined ? Number(item[2]) + 3 : /\.levels$/.test(path) ? undefined : 2 };
  }
  const component = /^components\[\d+\]/.exec(path);
  if (component && cells.has(component[0])) return cells.get(component[0]);
  return undefined;
}

/** "Row 3, column 2: …", counting as a spreadsheet does; a problem with no cell of its own
 * (one the core found in the matrix as a whole) as it is. */
export const cellText = ({ row, column, message }) => (row
  ? `Row ${row}${column ? `, column ${column}` : ""}: ${message}`
  : `${message.charAt(0).toUpperCase()}${message.slice(1)}`);
