// Fetching a local matrix for `instrument-src`: the server's answer, the file's size and its
// encoding checked, each failure explained in words with the full address tried. No DOM and no
// WebAssembly needed, so Node tests it directly.
import { namedError } from "./errors.js";

/** The most an instrument may be, as the core's readers enforce: checked here before a byte
 * more is read, so a wrong address that serves a huge file costs nothing. */
const MAX_INSTRUMENT_BYTES = 1 << 20;

/** Fetches a local matrix, explaining in plain words what went wrong and what to check. */
export async function fetchMatrix(url) {
  let response;
  try {
    response = await fetch(url, { credentials: "same-origin" });
  } catch (error) {
    const check = location.protocol === "file:"
      ? "A page opened from a shared drive (file://) cannot fetch other files: put the matrix inside the page instead, in a <script type=\"application/json\"> inside the element (see the embedding guide)."
      : "Check the address, and that this page is allowed to fetch it.";
    throw namedError(`The matrix at ${url} could not be loaded (${error.message}). ${check}`, { cause: error });
  }
  if (!response.ok) {
    throw namedError(
      `The matrix at ${url} could not be loaded: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}. ` +
      `Check that the file is uploaded at that address; a relative address is taken from the page's own address (${document.baseURI}).`,
    );
  }
  const tooLarge = () => namedError(`The file at ${url} is too large to be a matrix (a matrix is at most 1 MB). Check the address.`);
  if (Number(response.headers.get("content-length")) > MAX_INSTRUMENT_BYTES) throw tooLarge();
  const bytes = await readAtMost(response, MAX_INSTRUMENT_BYTES, tooLarge);
  // A web page in place of the file (a sign-in page, say) is named as one, whatever its encoding.
  const type = response.headers.get("content-type") ?? "";
  const page = new TextDecoder().decode(bytes);
  if (/html/i.test(type) || /^\s*</.test(page)) {
    throw namedError(
      `The file at ${url} is not a matrix (it looks like a web page${excerpt(page)}). ` +
      "Check the address: an intranet may send a sign-in or error page in place of the file.",
    );
  }
  return utf8Text(bytes, url);
}

/** The body's bytes, refusing (with `tooLarge()`) as soon as they pass `max`. */
async function readAtMost(response, max, tooLarge) {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > max) {
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The file's bytes as UTF-8 text, as the core reads every file: a UTF-8 byte-order mark is
 * passed over, and bytes that are not UTF-8 are refused, naming the file, rather than read with
 * replacement characters where its letters were. */
export function utf8Text(bytes, url) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    throw namedError(utf16
      ? `The file at ${url} was saved as UTF-16 ("Unicode") text, which a matrix cannot be. Save it again as UTF-8 (in Notepad: File, Save as, Encoding: UTF-8) and upload it again.`
      : `The file at ${url} is not UTF-8 text, so it cannot be read as a matrix: it may have been saved in an old encoding, or be a spreadsheet or a document rather than the matrix's JSON file. Save it again as UTF-8 and upload it again.`,
    { cause: error });
  }
}

/** A few words of what a web page says, to help someone recognise it. */
function excerpt(html) {
  const title = /<title[^>]*>([^<]*)/i.exec(html)?.[1];
  const words = (title ?? html.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim().slice(0, 60);
  return words ? `: \u201c${words}${words.length === 60 ? "\u2026" : ""}\u201d` : "";
}
