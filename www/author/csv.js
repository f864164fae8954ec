// A matrix from a spreadsheet: one row per item (component, item, then one column per level's
// descriptor) under a header row naming the levels. Read here, in the page, rather than in the
// WebAssembly, whose every byte each embed downloads. Rows and columns count from 1, as a
// spreadsheet shows them.

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
  let quoted = false;
  let row = 1;
  let startRow = 1;
  const endCell = () => {
    cells.push(cell);
    cell = "";
  };
  const endRow = () => {
    endCell();
    rows.push({ row: startRow, cells });
    cells = [];
    startRow = ++row;
  };
  for (let at = 0; at < source.length; at++) {
    const char = source[at];
    if (quoted) {
      if (char === '"' && source[at + 1] === '"') {
        cell += '"';
        at++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === "") quoted = true;
    else if (char === separator) endCell();
    else if (char === "\r" && source[at + 1] === "\n") continue;
    else if (char === "\n" || char === "\r") endRow();
    else cell += char;
  }
  if (quoted) problems.push({ row: startRow, message: "a quoted cell is not closed (a \u201c\"\u201d is missing), so the rest of the file was read as one cell" });
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
      problems.push({ row, message: `${values.length} cells, but the header row has ${width} columns` });
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

/** "Row 3, column 2: …", counting as a spreadsheet does. */
export const cellText = ({ row, column, message }) => `Row ${row}${column ? `, column ${column}` : ""}: ${message}`;
