// The instrument's limits, as the core enforces them (core/src/instrument.rs, `limits`; a test
// keeps the two the same). The page checks a file's size and a spreadsheet's counts against
// them before reading or building anything, so a huge file is refused at once instead of
// freezing the page on the way to the core's refusal.
import { number, plural, sizeInWords } from "./words.js";

/** Largest matrix file, in bytes. */
export const MAX_BYTES = 1 << 20;
/** Most components in one matrix. */
export const MAX_COMPONENTS = 30;
/** Most items in one matrix, over all components. */
export const MAX_ITEMS = 500;
/** Fewest and most levels on the scale. */
export const MIN_LEVELS = 2;
export const MAX_LEVELS = 10;
/** Longest title or label, in characters. */
export const MAX_TITLE_CHARS = 200;
/** Longest description, descriptor, prompt or guidance, in characters. */
export const MAX_TEXT_CHARS = 4_000;

/** Largest spreadsheet the page reads. The matrix made from a sheet is at most `MAX_BYTES` of
 * JSON, which takes more room than the same text as CSV; twice that leaves room for a sheet's
 * padding (spaces, empty columns) and still refuses a wrong file before it is read. */
export const MAX_SHEET_BYTES = 2 * MAX_BYTES;

/** Why a file of `bytes` is refused, or `undefined` when it is small enough:
 * "ward.csv is 50 MB; a spreadsheet for a matrix can be at most 2 MB". */
export function tooLarge({ name, bytes, limit, what }) {
  if (bytes <= limit) return undefined;
  return `${name} is ${sizeInWords(bytes)}; ${what} can be at most ${sizeInWords(limit)}`;
}

/** The size of `text` in UTF-8 bytes, as it would be saved in a file. */
export const utf8Bytes = (text) => new TextEncoder().encode(text).length;

/** The number of characters in `text` (code points, as the core counts them) when it is more
 * than `limit`, else 0. Cheap for the usual short text: a string's length in UTF-16 units is
 * never less than its count of code points. */
export function charactersOver(text, limit) {
  if (text.length <= limit) return 0;
  let count = 0;
  for (const _ of text) count++;
  return count > limit ? count : 0;
}

/** "4,512 characters; the limit is 4,000: 512 too many". */
export const overBy = (count, limit, noun, nouns) => `${plural(count, noun, nouns)}; the limit is ${number(limit)}: ${number(count - limit)} too many`;
